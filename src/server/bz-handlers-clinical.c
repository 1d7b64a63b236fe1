/* bz-handlers-clinical.c — clinical notes, appointments and the calendar
 * feed (issue 12; bz-clinical-service.h): parse, call the service, answer. */
#include "bz-router.h"

#include <glib/gi18n.h>

#include "bz-clinical-service.h"

static BzResponse *
answer (BzRecord *data, guint status)
{
  return data ? bz_response_record (status, data) : NULL;
}

/* page and limit of a list (the declaration's bounds). */
static gboolean
paging (BzRequest *req, guint *page, guint *limit, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  *page = bz_request_query_uint (req, "page", 1, 1, G_MAXINT32, &v);
  *limit = bz_request_query_uint (req, "limit", BZ_LIST_LIMIT_DEFAULT, 1, BZ_LIST_LIMIT_MAX, &v);
  return bz_validation_finish (&v, error);
}

static const char *
patient_of (BzRequest *req)
{
  return bz_request_param (req, "patient_id");
}

static BzResponse *
list_notes (BzServices *svc, BzRequest *req, GError **error)
{
  guint page, limit;
  if (!paging (req, &page, &limit, error))
    return NULL;
  return answer (bz_clinical_list_notes (svc, req->caller, patient_of (req), page, limit, error), 200);
}

static BzResponse *
add_note (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_clinical_add_note (svc, req->caller, patient_of (req), body, error), 201);
}

static BzResponse *
update_note (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_clinical_update_note (svc, req->caller, patient_of (req), bz_request_param (req, "note_id"),
                                          body, error), 200);
}

static BzResponse *
delete_note (BzServices *svc, BzRequest *req, GError **error)
{
  return answer (bz_clinical_delete_note (svc, req->caller, patient_of (req), bz_request_param (req, "note_id"), error),
                 200);
}

static BzResponse *
list_appointments (BzServices *svc, BzRequest *req, GError **error)
{
  guint page, limit;
  if (!paging (req, &page, &limit, error))
    return NULL;
  return answer (bz_clinical_list_appointments (svc, req->caller, patient_of (req), page, limit, error), 200);
}

static BzResponse *
book (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_clinical_book_appointment (svc, req->caller, patient_of (req), body, error), 201);
}

static BzResponse *
update_appointment (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_clinical_update_appointment (svc, req->caller, patient_of (req),
                                                 bz_request_param (req, "appointment_id"), body, error), 200);
}

static BzResponse *
my_appointments (BzServices *svc, BzRequest *req, GError **error)
{
  guint page, limit;
  if (!paging (req, &page, &limit, error))
    return NULL;
  return answer (bz_clinical_my_appointments (svc, req->caller, page, limit, error), 200);
}

static BzResponse *
create_token (BzServices *svc, BzRequest *req, GError **error)
{
  const char *host = soup_message_headers_get_one (req->headers, "Host");
  BzResponse *resp = answer (bz_clinical_create_feed_token (svc, req->caller, host, error), 201);
  if (resp)
    resp->message = g_strdup (_("Copy this address into your calendar now: it is not shown again."));
  return resp;
}

static BzResponse *
revoke_token (BzServices *svc, BzRequest *req, GError **error)
{
  return answer (bz_clinical_revoke_feed_token (svc, req->caller, error), 200);
}

static BzResponse *
feed (BzServices *svc, BzRequest *req, GError **error)
{
  GBytes *ics = bz_clinical_calendar_feed (svc, bz_request_query (req, "token"), error);
  g_autofree char *etag = NULL;
  BzResponse *resp;

  if (ics == NULL)
    return NULL;
  /* ETag = the text's SHA-256, so a calendar polling the feed gets 304
   * while nothing changed; never "immutable": the feed changes. */
  etag = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, ics);
  resp = bz_response_blob (ics, "text/calendar; charset=utf-8", etag);
  resp->immutable = FALSE;
  return resp;
}

#define NOTES "/api/v1/nutritionist/patients/{patient_id}/notes"
#define APPTS "/api/v1/nutritionist/patients/{patient_id}/appointments"

const BzRoute bz_clinical_routes[] = {
  { "GET", NOTES, list_notes, 0, 0, "A patient's clinical notes, newest consultation first (the patient's nutritionist)",
    .response = &bz_clinical_note_list_resource, .query = &bz_clinical_query_resource },
  { "POST", NOTES, add_note, 0, 0, "Write a consultation note (the patient's nutritionist is its author)",
    .json = &bz_json_limits_clinical_note, .request = &bz_clinical_note_input_resource, .response = &bz_clinical_note_resource },
  { "PATCH", NOTES "/{note_id}", update_note, 0, 0, "Change a note's text or consultation time",
    .json = &bz_json_limits_clinical_note, .request = &bz_clinical_note_update_resource, .response = &bz_clinical_note_resource },
  { "DELETE", NOTES "/{note_id}", delete_note, 0, 0, "Delete a note", .response = &bz_clinical_note_deleted_resource },
  { "GET", APPTS, list_appointments, 0, 0, "A patient's appointments, upcoming first",
    .response = &bz_appointment_list_resource, .query = &bz_clinical_query_resource },
  { "POST", APPTS, book, 0, 0, "Book an appointment (status scheduled)",
    .request = &bz_appointment_input_resource, .response = &bz_appointment_resource },
  { "PATCH", APPTS "/{appointment_id}", update_appointment, 0, 0,
    "Reschedule, cancel, complete or annotate a scheduled appointment (completed, cancelled and no_show are final)",
    .request = &bz_appointment_update_resource, .response = &bz_appointment_resource },
  { "GET", "/api/v1/appointments", my_appointments, 0, 0,
    "The caller's appointments, upcoming first (a member's own; a nutritionist's bookings)",
    .response = &bz_appointment_list_resource, .query = &bz_clinical_query_resource },
  { "POST", "/api/v1/nutritionist/calendar-token", create_token, 0, 0,
    "A new calendar feed token and its subscription URL, shown once; replaces (revokes) the earlier one",
    .response = &bz_calendar_token_resource },
  { "DELETE", "/api/v1/nutritionist/calendar-token", revoke_token, 0, 0, "Revoke the calendar feed token",
    .response = &bz_calendar_token_revoked_resource },
  { "GET", "/api/v1/nutritionist/calendar.ics", feed, BZ_ROUTE_PUBLIC, 0,
    "The nutritionist's appointments as an iCalendar feed (RFC 5545) to subscribe to; the token authenticates",
    .raw_type = "text/calendar", .query = &bz_calendar_feed_query_resource },
  { NULL }
};
