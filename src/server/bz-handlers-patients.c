/* bz-handlers-patients.c — /api/v1/nutritionist/patients (seed 002 §4.4). */
#include "bz-router.h"

#include <glib/gi18n.h>

#include "bz-patient-service.h"

static BzResponse *
create (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;
  BzResponse *resp;
  if (!body || !(data = bz_patients_add (svc, req->caller, body, req->client_address, error)))
    return NULL;
  resp = bz_response_record (201, data);
  resp->message = g_strdup (_("Patient created."));
  return resp;
}

static BzResponse *
list (BzServices *svc, BzRequest *req, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  guint page = bz_request_query_uint (req, "page", 1, 1, G_MAXINT32, &v);
  guint limit = bz_request_query_uint (req, "limit", BZ_LIST_LIMIT_DEFAULT, 1, BZ_LIST_LIMIT_MAX, &v);
  BzRecord *data;
  if (!bz_validation_finish (&v, error))
    return NULL;
  data = bz_patients_get_list (svc, req->caller, bz_request_query (req, "search"),
                               bz_request_query (req, "status"), page, limit, error);
  return data ? bz_response_record (200, data) : NULL;
}

static BzResponse *
get (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_patients_get_file (svc, req->caller, bz_request_param (req, "patient_id"), error);
  return data ? bz_response_record (200, data) : NULL;
}

static BzResponse *
update (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;
  if (body == NULL)
    return NULL;
  data = bz_patients_patch (svc, req->caller, bz_request_param (req, "patient_id"), body, error);
  return data ? bz_response_record (200, data) : NULL;
}

const BzRoute bz_patient_routes[] = {
  { "POST", "/api/v1/nutritionist/patients", create, 0, 0, "Add a patient (creates the user account)",
    .request = &bz_patient_input_resource, .response = &bz_patient_creation_resource },
  { "GET", "/api/v1/nutritionist/patients", list, 0, 0, "List own patients (search, status, page, limit)",
    .response = &bz_patient_list_resource, .query = &bz_patient_query_resource },
  { "GET", "/api/v1/nutritionist/patients/{patient_id}", get, 0, 0, "Patient record with progress history",
    .response = &bz_patient_file_envelope_resource },
  { "PATCH", "/api/v1/nutritionist/patients/{patient_id}", update, 0, 0,
    "Change a patient's details or status (their nutritionist only); answers the patient's basic info",
    .request = &bz_patient_update_resource, .response = &bz_patient_info_resource },
  { NULL }
};
