/* bz-integration-error.h — the error of an outside service's call: seed 003's
 * IntegrationError (lines 179-207: service, code, message, isRetryable,
 * details.retryAfter) as a GLib extended error domain.
 *
 * A provider reports every failure of a remote call as a
 * %BZ_INTEGRATION_ERROR; the error carries, beside its code and message:
 *   - the provider's name (seed 003's `service`),
 *   - whether trying again can help (`isRetryable`),
 *   - the seconds the service asked us to wait (`retryAfter`, from a
 *     Retry-After header), 0 when it did not say,
 *   - the HTTP status of the answer, 0 when there was none (a time-out).
 * BzResilient (bz-resilient.h) retries only the retryable ones and honours
 * their retry-after.  The data travel with g_propagate_error() and
 * g_error_copy() and are freed with the error.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BZ_INTEGRATION_ERROR (bz_integration_error_quark ())

/**
 * BzIntegrationErrorCode:
 * @BZ_INTEGRATION_ERROR_TIMEOUT: no answer before the call's deadline; retryable
 * @BZ_INTEGRATION_ERROR_RATE_LIMITED: the service answered 429 (seed 003's
 *   'RATE_LIMIT'), or Balanza's own token bucket for it is empty; retryable,
 *   with a retry-after when known
 * @BZ_INTEGRATION_ERROR_UNAVAILABLE: 5xx, 408, or no connection; retryable
 * @BZ_INTEGRATION_ERROR_BAD_RESPONSE: an answer that is not JSON or breaks
 *   its schema; not retryable (the same request gets the same answer), but a
 *   failure of the service for the circuit breaker
 * @BZ_INTEGRATION_ERROR_AUTH: 401/403: credentials refused or expired (seed
 *   003's 'TOKEN_EXPIRED'); not retryable
 * @BZ_INTEGRATION_ERROR_INVALID_REQUEST: another 4xx: the request itself is
 *   wrong; not retryable, and not the service's fault
 * @BZ_INTEGRATION_ERROR_CIRCUIT_OPEN: the breaker is open: the call was not made
 * @BZ_INTEGRATION_ERROR_QUOTA_EXCEEDED: the monthly call or cost quota is used up:
 *   the call was not made
 * @BZ_INTEGRATION_ERROR_MANUAL_ENTRY: the end of the fallback chain: no
 *   remote, cached or local answer; the user enters the data by hand
 */
typedef enum
{
  BZ_INTEGRATION_ERROR_TIMEOUT,
  BZ_INTEGRATION_ERROR_RATE_LIMITED,
  BZ_INTEGRATION_ERROR_UNAVAILABLE,
  BZ_INTEGRATION_ERROR_BAD_RESPONSE,
  BZ_INTEGRATION_ERROR_AUTH,
  BZ_INTEGRATION_ERROR_INVALID_REQUEST,
  BZ_INTEGRATION_ERROR_CIRCUIT_OPEN,
  BZ_INTEGRATION_ERROR_QUOTA_EXCEEDED,
  BZ_INTEGRATION_ERROR_MANUAL_ENTRY,
} BzIntegrationErrorCode;

GQuark      bz_integration_error_quark (void);

/**
 * bz_integration_error_new:
 * @provider: the provider's name ("openai", "http", "local"...)
 * @code: the #BzIntegrationErrorCode
 * @http_status: the answer's HTTP status; 0 when there was no answer
 * @retryable: whether the same call may succeed later (seed 003's isRetryable)
 * @retry_after_s: seconds the service asked to wait; 0 when it did not say
 * @format: printf-style message (English: it goes to logs and health)
 *
 * Returns: (transfer full): a new %BZ_INTEGRATION_ERROR.
 */
GError     *bz_integration_error_new (const char *provider, BzIntegrationErrorCode code, guint http_status,
                                      gboolean retryable, guint retry_after_s, const char *format, ...)
  G_GNUC_PRINTF (6, 7);

/**
 * bz_integration_error_from_http:
 * @provider: the provider's name
 * @status: an HTTP status >= 400
 * @retry_after: (nullable): the Retry-After header: delta-seconds, or an
 *   HTTP-date (RFC 9110 §10.2.3)
 * @now_unix: the current time (s since the epoch), for an HTTP-date
 * @message: (nullable): what the service said
 *
 * Maps a failed answer as seed 003 does for 429: 429 -> RATE_LIMITED
 * (retryable, with the retry-after); 408, 500, 502, 503, 504 -> UNAVAILABLE
 * (retryable; 503 with a retry-after keeps it); 401, 403 -> AUTH; other
 * 4xx -> INVALID_REQUEST; other 5xx -> UNAVAILABLE, not retryable
 * (501, 505: trying again cannot help).
 *
 * Returns: (transfer full): the error.
 */
GError     *bz_integration_error_from_http (const char *provider, guint status, const char *retry_after,
                                            gint64 now_unix, const char *message);

/**
 * bz_integration_error_from_transport:
 * @provider: the provider's name
 * @error: why a request got no answer (libsoup or GIO)
 *
 * A send that got no answer: G_IO_ERROR_CANCELLED stays as it is (the
 * caller, or BzResilient's deadline, stopped it); G_IO_ERROR_TIMED_OUT is
 * TIMEOUT; anything else (refused, reset, DNS) UNAVAILABLE; both retryable.
 *
 * Returns: (transfer full): the error.
 */
GError     *bz_integration_error_from_transport (const char *provider, const GError *error);

/**
 * bz_integration_error_parse_retry_after:
 * @value: (nullable): a Retry-After header value
 * @now_unix: now, s since the epoch
 *
 * Returns: the seconds to wait (an HTTP-date in the past: 0); 0 when @value
 *   is absent or unreadable; at most one day.
 */
guint       bz_integration_error_parse_retry_after (const char *value, gint64 now_unix);

/** bz_integration_error_is_retryable: Returns: %TRUE for a retryable %BZ_INTEGRATION_ERROR; %FALSE for any other error. */
gboolean    bz_integration_error_is_retryable (const GError *error);
/** bz_integration_error_get_retry_after: Returns: the retry-after in s of a %BZ_INTEGRATION_ERROR, 0 otherwise. */
guint       bz_integration_error_get_retry_after (const GError *error);
/** bz_integration_error_get_status: Returns: the HTTP status of a %BZ_INTEGRATION_ERROR, 0 when none. */
guint       bz_integration_error_get_status (const GError *error);
/** bz_integration_error_get_provider: Returns: (transfer none) (nullable): the provider of a %BZ_INTEGRATION_ERROR. */
const char *bz_integration_error_get_provider (const GError *error);

/**
 * bz_integration_error_code_name:
 * Returns: (transfer none): seed 003's code text: "TIMEOUT", "RATE_LIMIT",
 *   "UNAVAILABLE", "BAD_RESPONSE", "TOKEN_EXPIRED", "INVALID_REQUEST",
 *   "CIRCUIT_OPEN", "QUOTA_EXCEEDED", "MANUAL_ENTRY".
 */
const char *bz_integration_error_code_name (BzIntegrationErrorCode code);

/**
 * bz_integration_error_counts_as_failure:
 * @error: the error of one remote attempt
 *
 * Whether @error is the service's fault, for the circuit breaker and the
 * error rate: TIMEOUT, RATE_LIMITED, UNAVAILABLE, BAD_RESPONSE and errors
 * outside the domain (a provider bug) do; AUTH and INVALID_REQUEST (our
 * request or credentials), CIRCUIT_OPEN, QUOTA_EXCEEDED and cancellation do not.
 *
 * Returns: %TRUE when it counts.
 */
gboolean    bz_integration_error_counts_as_failure (const GError *error);

G_END_DECLS
