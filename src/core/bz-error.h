/* bz-error.h — Balanza's error domain.
 *
 * Every fallible function in Balanza reports a GError in the BZ_ERROR domain.
 * Each code maps 1:1 to an HTTP status (see bz_error_http_status()) and to the
 * seed 002 §4.1 error envelope code (see bz_error_code_name()).
 *
 * A BZ_ERROR may carry field details — the envelope's
 * `details: [{field, issue, message}]` — and a Retry-After in seconds.  They
 * are stored in the error itself (GLib extended error domain), so they travel
 * with g_propagate_error() and are freed with the error.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define BZ_ERROR (bz_error_quark ())

typedef enum
{
  BZ_ERROR_VALIDATION,        /* 400 VALIDATION_ERROR */
  BZ_ERROR_UNAUTHENTICATED,   /* 401 UNAUTHENTICATED */
  BZ_ERROR_FORBIDDEN,         /* 403 FORBIDDEN */
  BZ_ERROR_NOT_FOUND,         /* 404 NOT_FOUND */
  BZ_ERROR_CONFLICT,          /* 409 CONFLICT */
  BZ_ERROR_PAYLOAD_TOO_LARGE, /* 413 PAYLOAD_TOO_LARGE */
  BZ_ERROR_UNSUPPORTED_MEDIA, /* 415 UNSUPPORTED_MEDIA_TYPE */
  BZ_ERROR_RATE_LIMITED,      /* 429 RATE_LIMITED */
  BZ_ERROR_UPSTREAM,          /* 502 UPSTREAM_ERROR */
  BZ_ERROR_UNAVAILABLE,       /* 503 SERVICE_UNAVAILABLE */
  BZ_ERROR_INTERNAL,          /* 500 INTERNAL_ERROR */
  BZ_ERROR_METHOD_NOT_ALLOWED,/* 405 METHOD_NOT_ALLOWED */
  BZ_ERROR_SYNC_CURSOR_EXPIRED,/* 410 SYNC_CURSOR_EXPIRED: a sync cursor older than the change log's retention */
} BzErrorCode;

GQuark       bz_error_quark          (void);

/**
 * bz_error_http_status:
 * @error: any #GError
 *
 * Returns: the HTTP status for @error; 500 for errors outside %BZ_ERROR.
 */
guint        bz_error_http_status    (const GError *error);

/**
 * bz_error_code_name:
 * @error: any #GError
 *
 * Returns: (transfer none): the envelope code, e.g. "VALIDATION_ERROR".
 */
const char  *bz_error_code_name      (const GError *error);

/**
 * bz_error_add_detail:
 * @error: a %BZ_ERROR error
 * @field: the request field the detail is about (e.g. "email", "items[0].grams")
 * @issue: a machine-readable issue ("required", "invalid_format", "too_short", ...)
 * @message: a human-readable message (translated)
 *
 * Appends one `{field, issue, message}` entry to the error's details.
 */
void         bz_error_add_detail     (GError     *error,
                                      const char *field,
                                      const char *issue,
                                      const char *message);

/**
 * bz_error_get_details:
 * @error: a %BZ_ERROR error
 *
 * Returns: (transfer none) (nullable): the details array, or %NULL if none.
 */
JsonArray   *bz_error_get_details    (const GError *error);

/** bz_error_set_retry_after: sets the Retry-After (s) carried by a RATE_LIMITED error. */
void         bz_error_set_retry_after (GError *error, guint seconds);
/** bz_error_get_retry_after: Returns: Retry-After in seconds, 0 when unset. */
guint        bz_error_get_retry_after (const GError *error);

/* --- Field validation collector ------------------------------------------ */

/**
 * BzValidation:
 *
 * Collects field errors while validating an input object, then turns them
 * into one %BZ_ERROR_VALIDATION error with all details.  Stack-allocate with
 * BZ_VALIDATION_INIT and call bz_validation_finish() once.
 */
typedef struct
{
  GError *error;
} BzValidation;

#define BZ_VALIDATION_INIT { NULL }

void     bz_validation_add     (BzValidation *v, const char *field, const char *issue, const char *message);
gboolean bz_validation_failed  (BzValidation *v);
/** bz_validation_finish: Returns: %TRUE if no field failed; otherwise moves the error into @error. */
gboolean bz_validation_finish  (BzValidation *v, GError **error);

G_END_DECLS
