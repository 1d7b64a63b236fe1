/* bz-handlers-body.c — InBody file import (seed 001 "POST
 * /api/upload/scan-data - InBody scan file handling") and body-composition
 * analytics (seed 001 "GET /api/analytics/body/..."), issue 8.  Thin: the
 * work is bz-scan-import.h's and bz-body-analytics-service.h's. */
#include "bz-router.h"

#include <glib/gi18n.h>

#include "bz-body-analytics-service.h"
#include "bz-scan-import.h"

/* The file as multipart/form-data ("file", patient_id, sex, age,
 * height_cm), or the raw export as text/csv, text/plain, application/json
 * or application/octet-stream with the other fields in the query. */
static BzResponse *
scan_data (BzServices *svc, BzRequest *req, GError **error)
{
  static const char *const fields[] = { "file", "patient_id", "sex", "age", "height_cm", NULL };
  const char *type = soup_message_headers_get_content_type (req->headers, NULL);
  g_autoptr(BzForm) form = NULL;
  g_autofree char *patient_id = NULL, *sex = NULL, *age = NULL, *height = NULL;
  BzValidation v = BZ_VALIDATION_INIT;
  BzScanImportDefaults defaults;
  GBytes *file;
  BzRecord *data;

  if (g_strcmp0 (type, "multipart/form-data") == 0)
    {
      if (!(form = bz_form_parse (req->headers, req->body, fields, error)))
        return NULL;
      file = bz_form_get_bytes (form, "file");
      patient_id = bz_form_get_text (form, "patient_id", 64, &v);
      sex = bz_form_get_text (form, "sex", 32, &v);
      age = bz_form_get_text (form, "age", 32, &v);
      height = bz_form_get_text (form, "height_cm", 32, &v);
    }
  else if (type && (g_str_equal (type, "text/csv") || g_str_equal (type, "text/plain") ||
                    g_str_equal (type, "application/json") || g_str_equal (type, "application/octet-stream")))
    file = req->body;
  else
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNSUPPORTED_MEDIA,
                   _("Send the InBody export as multipart/form-data (field \"file\"), text/csv or application/json"));
      return NULL;
    }
#define QUERY_OR(var, name) if (var == NULL) var = g_strdup (bz_request_query (req, name))
  QUERY_OR (patient_id, "patient_id");
  QUERY_OR (sex, "sex");
  QUERY_OR (age, "age");
  QUERY_OR (height, "height_cm");
#undef QUERY_OR
  if (!bz_validation_finish (&v, error))
    return NULL;
  defaults = (BzScanImportDefaults) { sex, age, height };
  data = bz_scans_import (svc, req->caller, patient_id && *patient_id ? patient_id : NULL, file, &defaults, error);
  return data ? bz_response_record (201, data) : NULL;
}

static BzResponse *
body_trends (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_analytics_body_trends (svc, req->caller, bz_request_query (req, "patient_id"),
                                             bz_request_query (req, "start_date"), bz_request_query (req, "end_date"),
                                             error);
  return data ? bz_response_record (200, data) : NULL;
}

static BzResponse *
body_compare (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_analytics_body_compare (svc, req->caller, bz_request_query (req, "from_scan_id"),
                                              bz_request_query (req, "to_scan_id"), error);
  return data ? bz_response_record (200, data) : NULL;
}

const BzRoute bz_body_routes[] = {
  { "POST", "/api/upload/scan-data", scan_data, 0, BZ_INBODY_MAX_BYTES + 64 * 1024,
    "Import an InBody export (LookinBody CSV of the InBody 270/570/770, or its rows as JSON): every row "
    "becomes a scan with its avatar, all or none; refusals name the line and column",
    .request = &bz_scan_import_form_resource, .response = &bz_scan_import_resource,
    .query = &bz_scan_import_query_resource },
  /* Off the server thread: a patient's whole history, 23 series. */
  { "GET", "/api/analytics/body/trends", body_trends, BZ_ROUTE_POOL, 0,
    "Weight, fat and lean mass, body fat, skeletal muscle, circumferences, waist-to-height ratio and segmental "
    "masses over a period, each with its least-squares rate per week (a member's own; a nutritionist's patient's)",
    .response = &bz_body_trends_resource, .query = &bz_body_trends_query_resource },
  { "GET", "/api/analytics/body/compare", body_compare, 0, 0,
    "The change of every body metric between two scans of the same patient, with both scans and their avatars",
    .response = &bz_body_compare_resource, .query = &bz_body_compare_query_resource },
  { NULL }
};
