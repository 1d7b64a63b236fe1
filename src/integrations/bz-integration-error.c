/* bz-integration-error.c — seed 003's IntegrationError (see bz-integration-error.h). */
#include "bz-integration-error.h"

#include <libsoup/soup.h>
#include <stdlib.h>

typedef struct
{
  char *provider;
  gboolean retryable;
  guint retry_after_s;
  guint http_status;
} BzIntegrationErrorPrivate;

static void
bz_integration_error_private_init (BzIntegrationErrorPrivate *priv)
{
}

static void
bz_integration_error_private_copy (const BzIntegrationErrorPrivate *src, BzIntegrationErrorPrivate *dest)
{
  dest->provider = g_strdup (src->provider);
  dest->retryable = src->retryable;
  dest->retry_after_s = src->retry_after_s;
  dest->http_status = src->http_status;
}

static void
bz_integration_error_private_clear (BzIntegrationErrorPrivate *priv)
{
  g_clear_pointer (&priv->provider, g_free);
}

G_DEFINE_EXTENDED_ERROR (BzIntegrationError, bz_integration_error)

/* Longest wait honoured from a Retry-After: a day (a service asking for more
 * is down for longer than any call waits; the breaker takes over). */
#define RETRY_AFTER_MAX_S (24 * 60 * 60)

GError *
bz_integration_error_new (const char *provider, BzIntegrationErrorCode code, guint http_status,
                          gboolean retryable, guint retry_after_s, const char *format, ...)
{
  va_list args;
  GError *error;
  BzIntegrationErrorPrivate *priv;

  va_start (args, format);
  error = g_error_new_valist (BZ_INTEGRATION_ERROR, code, format, args);
  va_end (args);
  priv = bz_integration_error_get_private (error);
  priv->provider = g_strdup (provider);
  priv->retryable = retryable;
  priv->retry_after_s = MIN (retry_after_s, RETRY_AFTER_MAX_S);
  priv->http_status = http_status;
  return error;
}

guint
bz_integration_error_parse_retry_after (const char *value, gint64 now_unix)
{
  g_autoptr(GDateTime) date = NULL;
  char *end = NULL;
  guint64 seconds;

  if (value == NULL || *value == '\0')
    return 0;
  if (g_ascii_isdigit (*value))
    {
      seconds = g_ascii_strtoull (value, &end, 10);
      if (end != NULL && *end == '\0')
        return (guint) MIN (seconds, RETRY_AFTER_MAX_S);
      return 0;
    }
  date = soup_date_time_new_from_http_string (value);
  if (date == NULL)
    return 0;
  return (guint) CLAMP (g_date_time_to_unix (date) - now_unix, 0, RETRY_AFTER_MAX_S);
}

GError *
bz_integration_error_from_http (const char *provider, guint status, const char *retry_after,
                                gint64 now_unix, const char *message)
{
  guint wait_s = bz_integration_error_parse_retry_after (retry_after, now_unix);
  const char *said = message ? message : soup_status_get_phrase (status);

  if (said == NULL)
    said = "";
  switch (status)
    {
    case 429:
      return bz_integration_error_new (provider, BZ_INTEGRATION_ERROR_RATE_LIMITED, status, TRUE, wait_s,
                                       "Rate limit exceeded (HTTP %u): %s", status, said);
    case 408: case 500: case 502: case 503: case 504:
      return bz_integration_error_new (provider, BZ_INTEGRATION_ERROR_UNAVAILABLE, status, TRUE, wait_s,
                                       "Service unavailable (HTTP %u): %s", status, said);
    case 401: case 403:
      return bz_integration_error_new (provider, BZ_INTEGRATION_ERROR_AUTH, status, FALSE, 0,
                                       "Credentials refused (HTTP %u): %s", status, said);
    default:
      if (status >= 500)
        return bz_integration_error_new (provider, BZ_INTEGRATION_ERROR_UNAVAILABLE, status, FALSE, 0,
                                         "Service error (HTTP %u): %s", status, said);
      return bz_integration_error_new (provider, BZ_INTEGRATION_ERROR_INVALID_REQUEST, status, FALSE, 0,
                                       "Request refused (HTTP %u): %s", status, said);
    }
}

static BzIntegrationErrorPrivate *
priv_of (const GError *error)
{
  if (error == NULL || error->domain != BZ_INTEGRATION_ERROR)
    return NULL;
  return bz_integration_error_get_private (error);
}

gboolean
bz_integration_error_is_retryable (const GError *error)
{
  BzIntegrationErrorPrivate *priv = priv_of (error);
  return priv != NULL && priv->retryable;
}

guint
bz_integration_error_get_retry_after (const GError *error)
{
  BzIntegrationErrorPrivate *priv = priv_of (error);
  return priv ? priv->retry_after_s : 0;
}

guint
bz_integration_error_get_status (const GError *error)
{
  BzIntegrationErrorPrivate *priv = priv_of (error);
  return priv ? priv->http_status : 0;
}

const char *
bz_integration_error_get_provider (const GError *error)
{
  BzIntegrationErrorPrivate *priv = priv_of (error);
  return priv ? priv->provider : NULL;
}

const char *
bz_integration_error_code_name (BzIntegrationErrorCode code)
{
  static const char *const names[] = {
    "TIMEOUT", "RATE_LIMIT", "UNAVAILABLE", "BAD_RESPONSE", "TOKEN_EXPIRED",
    "INVALID_REQUEST", "CIRCUIT_OPEN", "QUOTA_EXCEEDED", "MANUAL_ENTRY",
  };
  g_return_val_if_fail ((guint) code < G_N_ELEMENTS (names), "UNKNOWN");
  return names[code];
}

gboolean
bz_integration_error_counts_as_failure (const GError *error)
{
  if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  if (error->domain != BZ_INTEGRATION_ERROR)
    return TRUE;
  switch (error->code)
    {
    case BZ_INTEGRATION_ERROR_TIMEOUT:
    case BZ_INTEGRATION_ERROR_RATE_LIMITED:
    case BZ_INTEGRATION_ERROR_UNAVAILABLE:
    case BZ_INTEGRATION_ERROR_BAD_RESPONSE:
      return TRUE;
    default:
      return FALSE;
    }
}

GError *
bz_integration_error_from_transport (const char *provider, const GError *e)
{
  if (g_error_matches (e, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (e);
  if (g_error_matches (e, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return bz_integration_error_new (provider, BZ_INTEGRATION_ERROR_TIMEOUT, 0, TRUE, 0, "No answer: %s", e->message);
  return bz_integration_error_new (provider, BZ_INTEGRATION_ERROR_UNAVAILABLE, 0, TRUE, 0, "Cannot reach the service: %s",
                                   e->message);
}
