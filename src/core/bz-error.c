/* bz-error.c — Balanza's error domain with field details. */
#include "bz-error.h"

#include <glib/gi18n.h>

typedef struct
{
  JsonArray *details;
  guint retry_after;
} BzErrorPrivate;

static void
bz_error_private_init (BzErrorPrivate *priv)
{
  priv->details = NULL;
  priv->retry_after = 0;
}

static void
bz_error_private_copy (const BzErrorPrivate *src, BzErrorPrivate *dest)
{
  dest->details = src->details ? json_array_ref (src->details) : NULL;
  dest->retry_after = src->retry_after;
}

static void
bz_error_private_clear (BzErrorPrivate *priv)
{
  g_clear_pointer (&priv->details, json_array_unref);
}

G_DEFINE_EXTENDED_ERROR (BzError, bz_error)

static const struct { guint status; const char *name; } codes[] = {
  [BZ_ERROR_VALIDATION] = { 400, "VALIDATION_ERROR" },
  [BZ_ERROR_UNAUTHENTICATED] = { 401, "UNAUTHENTICATED" },
  [BZ_ERROR_FORBIDDEN] = { 403, "FORBIDDEN" },
  [BZ_ERROR_NOT_FOUND] = { 404, "NOT_FOUND" },
  [BZ_ERROR_CONFLICT] = { 409, "CONFLICT" },
  [BZ_ERROR_PAYLOAD_TOO_LARGE] = { 413, "PAYLOAD_TOO_LARGE" },
  [BZ_ERROR_UNSUPPORTED_MEDIA] = { 415, "UNSUPPORTED_MEDIA_TYPE" },
  [BZ_ERROR_RATE_LIMITED] = { 429, "RATE_LIMITED" },
  [BZ_ERROR_UPSTREAM] = { 502, "UPSTREAM_ERROR" },
  [BZ_ERROR_UNAVAILABLE] = { 503, "SERVICE_UNAVAILABLE" },
  [BZ_ERROR_INTERNAL] = { 500, "INTERNAL_ERROR" },
  [BZ_ERROR_METHOD_NOT_ALLOWED] = { 405, "METHOD_NOT_ALLOWED" },
  [BZ_ERROR_SYNC_CURSOR_EXPIRED] = { 410, "SYNC_CURSOR_EXPIRED" },
};

guint
bz_error_http_status (const GError *error)
{
  if (error == NULL || error->domain != BZ_ERROR || error->code < 0 ||
      (gsize) error->code >= G_N_ELEMENTS (codes))
    return 500;
  return codes[error->code].status;
}

const char *
bz_error_code_name (const GError *error)
{
  if (error == NULL || error->domain != BZ_ERROR || error->code < 0 ||
      (gsize) error->code >= G_N_ELEMENTS (codes))
    return "INTERNAL_ERROR";
  return codes[error->code].name;
}

void
bz_error_add_detail (GError *error, const char *field, const char *issue, const char *message)
{
  BzErrorPrivate *priv;
  JsonObject *o;

  g_return_if_fail (error != NULL && error->domain == BZ_ERROR);
  priv = bz_error_get_private (error);
  if (priv->details == NULL)
    priv->details = json_array_new ();
  o = json_object_new ();
  json_object_set_string_member (o, "field", field);
  json_object_set_string_member (o, "issue", issue);
  if (message)
    json_object_set_string_member (o, "message", message);
  json_array_add_object_element (priv->details, o);
}

JsonArray *
bz_error_get_details (const GError *error)
{
  if (error == NULL || error->domain != BZ_ERROR)
    return NULL;
  return bz_error_get_private (error)->details;
}

void
bz_error_set_retry_after (GError *error, guint seconds)
{
  g_return_if_fail (error != NULL && error->domain == BZ_ERROR);
  bz_error_get_private (error)->retry_after = seconds;
}

guint
bz_error_get_retry_after (const GError *error)
{
  if (error == NULL || error->domain != BZ_ERROR)
    return 0;
  return bz_error_get_private (error)->retry_after;
}

void
bz_validation_add (BzValidation *v, const char *field, const char *issue, const char *message)
{
  if (v->error == NULL)
    v->error = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION, message);
  bz_error_add_detail (v->error, field, issue, message);
}

gboolean
bz_validation_failed (BzValidation *v)
{
  return v->error != NULL;
}

gboolean
bz_validation_finish (BzValidation *v, GError **error)
{
  if (v->error == NULL)
    return TRUE;
  /* One field: its message is the top-level message. Several: a summary. */
  if (json_array_get_length (bz_error_get_details (v->error)) > 1)
    {
      g_free (v->error->message);
      v->error->message = g_strdup (_("Some fields are not valid"));
    }
  g_propagate_error (error, g_steal_pointer (&v->error));
  return FALSE;
}
