/* bz-clinical-feed.c — the nutritionist's calendar feed (see
 * bz-clinical-service.h): its secret token and its RFC 5545 text. */
#include "bz-clinical-service-private.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "bz-clinical-repo.h"
#include "bz-ics.h"

/** Longest token accepted before hashing: ours are 43 characters. */
#define FEED_TOKEN_MAX_CHARS 128

#define FEED_PATH "/api/v1/nutritionist/calendar.ics"

/* 32 random bytes (256 bits), base64url without padding (RFC 4648 §5). */
static char *
new_token (void)
{
  guchar raw[32];
  char *b64;

  randombytes_buf (raw, sizeof raw);
  b64 = g_base64_encode (raw, sizeof raw);
  sodium_memzero (raw, sizeof raw);
  for (char *c = b64; *c; c++)
    if (*c == '+')
      *c = '-';
    else if (*c == '/')
      *c = '_';
    else if (*c == '=')
      *c = '\0';
  return b64;
}

static char *
token_hash (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

BzRecord *
bz_clinical_create_feed_token (BzServices *svc, const BzCaller *caller, const char *host, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *token = NULL, *hash = NULL, *now = NULL, *path = NULL, *url = NULL;
  BzRecord *out;

  if (!bz_clinical_check_nutritionist (caller, error))
    return NULL;
  token = new_token ();
  hash = token_hash (token);
  now = bz_now_iso8601 ();
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_clinical_repo_set_feed_token (store, caller->user_id, hash, now, error) || !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  path = g_strconcat (FEED_PATH "?token=", token, NULL);   /* base64url needs no percent-encoding */
  /* Balanza serves plain HTTP on the clinic's network (bz-server.h). */
  url = g_strconcat ("http://", host && *host ? host : "localhost", path, NULL);
  out = bz_record_new (&bz_calendar_token_resource);
  bz_record_set_string (out, BZ_CALENDAR_TOKEN_TOKEN, token);
  bz_record_set_string (out, BZ_CALENDAR_TOKEN_PATH, path);
  bz_record_set_string (out, BZ_CALENDAR_TOKEN_URL, url);
  bz_record_set_string (out, BZ_CALENDAR_TOKEN_CREATED_AT, now);
  return out;
}

BzRecord *
bz_clinical_revoke_feed_token (BzServices *svc, const BzCaller *caller, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  gboolean revoked = FALSE;
  BzRecord *out;

  if (!bz_clinical_check_nutritionist (caller, error))
    return NULL;
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_clinical_repo_revoke_feed_token (store, caller->user_id, &revoked, error) || !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  out = bz_record_new (&bz_calendar_token_revoked_resource);
  bz_record_set_boolean (out, BZ_CALENDAR_TOKEN_REVOKED_REVOKED, revoked);
  return out;
}

/* RFC 5545 §3.8.1.11: a VEVENT is TENTATIVE, CONFIRMED or CANCELLED. */
static const char *
ics_status (const char *status)
{
  return g_strcmp0 (status, "cancelled") == 0 ? "CANCELLED" : "CONFIRMED";
}

GBytes *
bz_clinical_calendar_feed (BzServices *svc, const char *token, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) appts = NULL;
  g_autoptr(GArray) seqs = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) year_ago = g_date_time_add_years (now, -1);
  g_autofree char *hash = NULL, *owner = NULL, *since = NULL;
  GString *ics;

  if (token == NULL || *token == '\0')
    {
      GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION, _("token is required"));
      bz_error_add_detail (e, "token", "required", e->message);
      g_propagate_error (error, e);
      return NULL;
    }
  if (strlen (token) > FEED_TOKEN_MAX_CHARS)
    {
      GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION, _("token is too long"));
      bz_error_add_detail (e, "token", "too_long", e->message);
      g_propagate_error (error, e);
      return NULL;
    }
  hash = token_hash (token);
  owner = bz_clinical_repo_feed_owner (store, hash, &local);
  if (owner == NULL)
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Calendar feed not found"));
      return NULL;
    }
  since = g_date_time_format (year_ago, "%Y-%m-%dT%H:%M:%SZ");
  appts = bz_clinical_repo_feed (store, owner, since, BZ_CALENDAR_FEED_MAX_EVENTS, &seqs, error);
  if (appts == NULL)
    return NULL;

  ics = g_string_new (NULL);
  bz_ics_begin (ics, _("Balanza appointments"));
  for (guint i = 0; i < appts->len; i++)
    {
      BzRecord *a = g_ptr_array_index (appts, i);
      BzIcsEvent ev = {
        .uid = bz_record_get_string (a, BZ_APPOINTMENT_UID),
        /* RFC 5545 §3.8.7.2: without a METHOD property, DTSTAMP is when the
         * event was last revised in the calendar store, not when the feed
         * was made; so an unchanged feed is the same text (and ETag). */
        .dtstamp = bz_record_get_string (a, BZ_APPOINTMENT_UPDATED_AT),
        .starts_at = bz_record_get_string (a, BZ_APPOINTMENT_STARTS_AT),
        .duration_min = bz_record_get_int (a, BZ_APPOINTMENT_DURATION_MINUTES),
        .summary = bz_record_get_string (a, BZ_APPOINTMENT_PATIENT_NAME),
        .status = ics_status (bz_record_get_string (a, BZ_APPOINTMENT_STATUS)),
        .location = bz_record_get_string (a, BZ_APPOINTMENT_LOCATION),
        .description = bz_record_get_string (a, BZ_APPOINTMENT_NOTES),
        .sequence = g_array_index (seqs, gint64, i),
        .last_modified = bz_record_get_string (a, BZ_APPOINTMENT_UPDATED_AT),
      };
      bz_ics_add_event (ics, &ev);   /* stored rows always have valid dates (bz_resource_parse()) */
    }
  bz_ics_end (ics);
  return g_string_free_to_bytes (ics);
}
