/* bz-handlers-privacy.c — the privacy rights of seed 002 §7.3 (issue 9):
 * the export of a user's data as a ZIP and the deletion of an account, by
 * its owner or by the patient's nutritionist.  Thin: bz-privacy-service.h
 * does the work. */
#include "bz-router.h"

#include <glib/gi18n.h>

#include "bz-consent-service.h"
#include "bz-privacy-service.h"

static BzResponse *
export_data (BzServices *svc, BzRequest *req, GError **error)
{
  GBytes *zip = bz_privacy_export (svc, req->caller, error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *day = g_date_time_format (now, "%Y%m%d");
  BzResponse *resp;

  if (zip == NULL)
    return NULL;
  resp = bz_response_blob (zip, "application/zip", NULL);
  resp->disposition = g_strdup_printf ("attachment; filename=\"balanza-export-%s.zip\"", day);
  return resp;
}

/* The confirmation of the body, or FALSE with @error for a body that is no
 * JSON object or breaks AccountDeleteRequest (a missing confirmation: a
 * "required" detail on it).  Its value is the service's to check. */
static gboolean
read_confirmation (BzRequest *req, char **out, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  g_autoptr(BzRecord) parsed = NULL;
  BzValidation v = BZ_VALIDATION_INIT;

  *out = NULL;
  if (body == NULL)
    return FALSE;
  parsed = bz_resource_parse_closed (&bz_account_delete_request_resource, body, NULL, &v);
  if (!bz_validation_finish (&v, error))
    return FALSE;
  *out = g_strdup (bz_record_get_string (parsed, BZ_ACCOUNT_DELETE_REQUEST_CONFIRMATION));
  return TRUE;
}

static BzResponse *
deleted (BzRecord *data)
{
  BzResponse *resp;

  if (data == NULL)
    return NULL;
  resp = bz_response_record (200, data);
  /* Seed 002 §7.3.2: {"message": "Account deleted successfully"}. */
  resp->message = g_strdup (_("Account deleted successfully"));
  return resp;
}

static BzResponse *
delete_account (BzServices *svc, BzRequest *req, GError **error)
{
  g_autofree char *confirmation = NULL;

  if (!read_confirmation (req, &confirmation, error))
    return NULL;
  return deleted (bz_privacy_delete_account (svc, req->caller, confirmation, error));
}

static BzResponse *
delete_patient_account (BzServices *svc, BzRequest *req, GError **error)
{
  g_autofree char *confirmation = NULL;

  if (!read_confirmation (req, &confirmation, error))
    return NULL;
  return deleted (bz_privacy_delete_account_for_patient (svc, req->caller, bz_request_param (req, "patient_id"),
                                                         confirmation, error));
}

static BzResponse *
record_or_null (BzRecord *data)
{
  return data ? bz_response_record (200, data) : NULL;
}

static BzResponse *
get_consents (BzServices *svc, BzRequest *req, GError **error)
{
  return record_or_null (bz_consents_get (svc, req->caller, error));
}

static BzResponse *
put_consents (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);

  if (body == NULL)
    return NULL;
  return record_or_null (bz_consents_put (svc, req->caller, body, req->client_address, error));
}

static BzResponse *
get_patient_consents (BzServices *svc, BzRequest *req, GError **error)
{
  return record_or_null (bz_consents_get_for_patient (svc, req->caller, bz_request_param (req, "patient_id"), error));
}

static BzResponse *
put_patient_consents (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);

  if (body == NULL)
    return NULL;
  return record_or_null (bz_consents_put_for_patient (svc, req->caller, bz_request_param (req, "patient_id"), body,
                                                      req->client_address, error));
}

static BzResponse *
get_notice (BzServices *svc, BzRequest *req, GError **error)
{
  return record_or_null (bz_privacy_notice_get (bz_request_query (req, "lang"), error));
}

/* {"confirmation": "DELETE_MY_ACCOUNT"} and a little room; the consents' body is smaller. */
#define PRIVACY_BODY_MAX 1024

const BzRoute bz_privacy_routes[] = {
  { "POST", "/api/v1/privacy/export-data", export_data, BZ_ROUTE_AUTH, PRIVACY_BODY_MAX,
    "Everything held about the caller (seed 002 §7.3.2, LFPDPPP right of access) as a ZIP: one JSON file per "
    "table, manifest.json, and the original photos and avatars",
    .raw_type = "application/zip" },
  { "DELETE", "/api/v1/privacy/delete-account", delete_account, BZ_ROUTE_AUTH, PRIVACY_BODY_MAX,
    "Delete the caller's account (seed 002 §7.3.2, LFPDPPP right of cancellation): anonymised, photos and avatars "
    "erased, every session and paired device revoked; the body must confirm with DELETE_MY_ACCOUNT",
    .request = &bz_account_delete_request_resource, .response = &bz_account_deletion_resource },
  { "DELETE", "/api/v1/nutritionist/patients/{patient_id}/account", delete_patient_account, BZ_ROUTE_AUTH,
    PRIVACY_BODY_MAX,
    "Carry out a patient's request to delete their account (as DELETE /api/v1/privacy/delete-account); 404 for "
    "another nutritionist's patient", .request = &bz_account_delete_request_resource,
    .response = &bz_account_deletion_resource },
  { "GET", "/api/v1/privacy/consents", get_consents, BZ_ROUTE_AUTH, 0,
    "The caller's consents and privacy-notice acceptance (seed 002 §7.3.1, LFPDPPP)",
    .response = &bz_user_consent_resource },
  { "PUT", "/api/v1/privacy/consents", put_consents, BZ_ROUTE_AUTH, PRIVACY_BODY_MAX,
    "Set the caller's consents; privacy_notice_version (the current one) accepts the notice now; every change is "
    "kept with its time and address", .request = &bz_user_consent_update_resource,
    .response = &bz_user_consent_resource },
  { "GET", "/api/v1/nutritionist/patients/{patient_id}/consents", get_patient_consents, BZ_ROUTE_AUTH, 0,
    "A patient's consents (as GET /api/v1/privacy/consents); 404 for another nutritionist's patient",
    .response = &bz_user_consent_resource },
  { "PUT", "/api/v1/nutritionist/patients/{patient_id}/consents", put_patient_consents, BZ_ROUTE_AUTH,
    PRIVACY_BODY_MAX, "Record a patient's consents on their word (as PUT /api/v1/privacy/consents); 404 for "
    "another nutritionist's patient", .request = &bz_user_consent_update_resource,
    .response = &bz_user_consent_resource },
  { "GET", "/api/v1/privacy/notice", get_notice, BZ_ROUTE_PUBLIC, 0,
    "The clinic's privacy notice (Aviso de Privacidad, LFPDPPP arts. 15-16) and its version",
    .response = &bz_privacy_notice_resource, .query = &bz_privacy_notice_query_resource },
  { NULL }
};
