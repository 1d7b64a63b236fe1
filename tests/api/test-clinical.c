/* test-clinical.c — clinical notes, appointments and the calendar feed
 * (issue 12) end to end: every route, its success and every refusal, the
 * store unchanged after each refusal, and the RFC 5545 feed parsed back
 * (lines unfolded, fields checked).
 *
 * Built into test-api's binary (as test-meal-plans.c is), so these
 * operations count in its bz_api_assert_every_operation_checked(). */
#include "bz-api-fixture.h"

#include <string.h>

#include "bz-auth-service-private.h"
#include "bz-auth-service.h"
#include "bz-limits.h"

void test_clinical (void);

static char *cl_nutri, *cl_nutri2, *cl_member, *cl_patient, *cl_other_patient;

static BzApiResponse *
req (const char *method, const char *path, const char *token, const char *body)
{
  return bz_api_json (bz_api_shared (), method, path, token, body);
}

static void
assert_status (BzApiResponse *r, guint status)
{
  if (r->status != status)
    g_error ("expected %u, got %u: %.*s", status, r->status, (int) g_bytes_get_size (r->body),
             (const char *) g_bytes_get_data (r->body, NULL));
}

static char *
add_patient (const char *nutri, const char *email, const char *first, const char *last)
{
  g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\",\"first_name\":\"%s\",\"last_name\":\"%s\","
                                           "\"password\":\"Member-Pass1!\"}", email, first, last);
  g_autoptr(BzApiResponse) r = req ("POST", "/api/v1/nutritionist/patients", nutri, body);
  assert_status (r, 201);
  return g_strdup (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "patient"), "id"));
}

static void
ensure_users (void)
{
  g_autoptr(BzApiResponse) l = NULL;

  if (cl_nutri)
    return;
  cl_nutri = bz_api_register (bz_api_shared (), "cl-nutri1@test.local", "nutritionist", NULL);
  cl_nutri2 = bz_api_register (bz_api_shared (), "cl-nutri2@test.local", "nutritionist", NULL);
  cl_patient = add_patient (cl_nutri, "cl-member@test.local", "Ramón", "Ñúñez");
  cl_other_patient = add_patient (cl_nutri2, "cl-other@test.local", "Otra", "Persona");
  bz_auth_reset_rate_limits ();
  l = req ("POST", "/api/auth/login", NULL, "{\"email\":\"cl-member@test.local\",\"password\":\"Member-Pass1!\"}");
  assert_status (l, 200);
  cl_member = g_strdup (json_object_get_string_member (bz_api_data (l), "access_token"));
}

/* Sends a request that must be refused with @status (and, for 400, a detail
 * on @field), and checks that @table kept its row count. */
static void
refused (const char *table, const char *method, const char *path, const char *token, const char *body,
         guint status, const char *code, const char *field)
{
  gint64 before = bz_api_count (bz_api_shared (), table);
  g_autoptr(BzApiResponse) r = req (method, path, token, body);

  if (r->status != status)
    g_error ("%s %s %.200s: expected %u, got %u", method, path, body ? body : "", status, r->status);
  g_assert_cmpstr (bz_api_error_code (r), ==, code);
  if (field && !bz_api_has_detail (r, field))
    g_error ("%s %s %s: no detail for %s: %.*s", method, path, body ? body : "", field,
             (int) g_bytes_get_size (r->body), (const char *) g_bytes_get_data (r->body, NULL));
  g_assert_cmpint (bz_api_count (bz_api_shared (), table), ==, before);
}

static char *
notes_path (const char *patient, const char *note)
{
  return note ? g_strdup_printf ("/api/v1/nutritionist/patients/%s/notes/%s", patient, note)
              : g_strdup_printf ("/api/v1/nutritionist/patients/%s/notes", patient);
}

static char *
appts_path (const char *patient, const char *appt)
{
  return appt ? g_strdup_printf ("/api/v1/nutritionist/patients/%s/appointments/%s", patient, appt)
              : g_strdup_printf ("/api/v1/nutritionist/patients/%s/appointments", patient);
}

static char *
post_note (const char *token, const char *patient, const char *body)
{
  g_autofree char *path = notes_path (patient, NULL);
  g_autoptr(BzApiResponse) r = req ("POST", path, token, body);
  assert_status (r, 201);
  return g_strdup (json_object_get_string_member (bz_api_data (r), "id"));
}

static JsonObject *
book (const char *token, const char *patient, const char *body, BzApiResponse **keep)
{
  g_autofree char *path = appts_path (patient, NULL);
  *keep = req ("POST", path, token, body);
  assert_status (*keep, 201);
  return bz_api_data (*keep);
}

static const char *UNKNOWN = "00000000-0000-4000-8000-000000000000";

static void
test_notes (char **out_note_of_other)
{
  g_autofree char *path = notes_path (cl_patient, NULL), *other_path = notes_path (cl_other_patient, NULL);
  g_autofree char *unknown_path = notes_path (UNKNOWN, NULL), *first = NULL, *second = NULL, *third = NULL;
  g_autofree char *too_long = NULL, *too_long_body = NULL, *longest_body = NULL, *note_path = NULL;

  /* Create: consultation_at normalized to UTC; default now; the caller is the author. */
  {
    g_autoptr(BzApiResponse) r = req ("POST", path, cl_nutri,
                                      "{\"text\":\"Primera consulta: peso 82 kg; meta, 75 kg.\\nDieta 1800 kcal.\","
                                      "\"consultation_at\":\"2001-01-10T09:00:00-06:00\"}");
    JsonObject *d;
    assert_status (r, 201);
    d = bz_api_data (r);
    first = g_strdup (json_object_get_string_member (d, "id"));
    g_assert_cmpstr (json_object_get_string_member (d, "patient_id"), ==, cl_patient);
    g_assert_cmpstr (json_object_get_string_member (d, "consultation_at"), ==, "2001-01-10T15:00:00Z");
    g_assert_cmpstr (json_object_get_string_member (d, "text"), ==, "Primera consulta: peso 82 kg; meta, 75 kg.\nDieta 1800 kcal.");
    g_assert_cmpstr (json_object_get_string_member (d, "author_name"), ==, "Test User");
  }
  second = post_note (cl_nutri, cl_patient, "{\"text\":\"Seguimiento\",\"consultation_at\":\"2001-02-10T15:00:00Z\"}");
  third = post_note (cl_nutri, cl_patient, "{\"text\":\"Hoy\"}");
  /* The longest text allowed, in two-octet characters. */
  {
    GString *s = g_string_new ("{\"text\":\"");
    for (guint i = 0; i < BZ_CLINICAL_NOTE_MAX_CHARS; i++)
      g_string_append (s, "ñ");
    g_string_append (s, "\",\"consultation_at\":\"2000-06-01T00:00:00Z\"}");
    longest_body = g_string_free (s, FALSE);
    g_free (post_note (cl_nutri, cl_patient, longest_body));
  }
  *out_note_of_other = post_note (cl_nutri2, cl_other_patient, "{\"text\":\"De otra nutrióloga\"}");

  /* List: newest consultation first, paged. */
  {
    g_autofree char *p = g_strdup_printf ("%s?limit=2", path);
    g_autoptr(BzApiResponse) r = req ("GET", path, cl_nutri, NULL), r2 = req ("GET", p, cl_nutri, NULL);
    JsonArray *notes;
    assert_status (r, 200);
    notes = json_object_get_array_member (bz_api_data (r), "notes");
    g_assert_cmpuint (json_array_get_length (notes), ==, 4);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (notes, 0), "id"), ==, third);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (notes, 1), "id"), ==, second);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (notes, 2), "id"), ==, first);
    assert_status (r2, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bz_api_data (r2), "notes")), ==, 2);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (bz_api_data (r2), "pagination"), "total_items"), ==, 4);
  }

  /* Refusals of POST: bad types, lengths, dates, fields; ownership; roles. */
  {
    GString *s = g_string_new ("{\"text\":\"");
    for (guint i = 0; i <= BZ_CLINICAL_NOTE_MAX_CHARS; i++)
      g_string_append (s, "é");
    g_string_append (s, "\"}");
    too_long_body = g_string_free (s, FALSE);
  }
  refused ("clinical_notes", "POST", path, cl_nutri, "{}", 400, "VALIDATION_ERROR", "text");
  refused ("clinical_notes", "POST", path, cl_nutri, "{\"text\":42}", 400, "VALIDATION_ERROR", "text");
  refused ("clinical_notes", "POST", path, cl_nutri, "{\"text\":[\"a\"]}", 400, "VALIDATION_ERROR", "text");
  refused ("clinical_notes", "POST", path, cl_nutri, "{\"text\":\"\"}", 400, "VALIDATION_ERROR", "text");
  refused ("clinical_notes", "POST", path, cl_nutri, "{\"text\":\"  \\n\\t \"}", 400, "VALIDATION_ERROR", "text");
  refused ("clinical_notes", "POST", path, cl_nutri, too_long_body, 400, "VALIDATION_ERROR", "text");
  refused ("clinical_notes", "POST", path, cl_nutri, "{\"text\":\"x\",\"consultation_at\":\"2026-02-30T10:00:00Z\"}",
           400, "VALIDATION_ERROR", "consultation_at");
  refused ("clinical_notes", "POST", path, cl_nutri, "{\"text\":\"x\",\"consultation_at\":\"2026-02-10T10:00:00\"}",
           400, "VALIDATION_ERROR", "consultation_at");
  refused ("clinical_notes", "POST", path, cl_nutri, "{\"text\":\"x\",\"consultation_at\":\"mañana\"}",
           400, "VALIDATION_ERROR", "consultation_at");
  refused ("clinical_notes", "POST", path, cl_nutri, "{\"text\":\"x\",\"consultation_at\":\"1999-12-31T23:59:59Z\"}",
           400, "VALIDATION_ERROR", "consultation_at");
  refused ("clinical_notes", "POST", path, cl_nutri, "{\"text\":\"x\",\"consultation_at\":12}",
           400, "VALIDATION_ERROR", "consultation_at");
  refused ("clinical_notes", "POST", path, cl_nutri, "{\"text\":\"x\",\"author_id\":\"x\"}", 400, "VALIDATION_ERROR", NULL);
  refused ("clinical_notes", "POST", path, cl_nutri, "[1]", 400, "VALIDATION_ERROR", NULL);
  refused ("clinical_notes", "POST", path, cl_nutri2, "{\"text\":\"x\"}", 404, "NOT_FOUND", NULL);
  refused ("clinical_notes", "POST", unknown_path, cl_nutri, "{\"text\":\"x\"}", 404, "NOT_FOUND", NULL);
  refused ("clinical_notes", "POST", "/api/v1/nutritionist/patients/not-a-uuid/notes", cl_nutri, "{\"text\":\"x\"}",
           404, "NOT_FOUND", NULL);
  refused ("clinical_notes", "POST", path, cl_member, "{\"text\":\"x\"}", 403, "FORBIDDEN", NULL);
  refused ("clinical_notes", "POST", path, NULL, "{\"text\":\"x\"}", 401, "UNAUTHENTICATED", NULL);
  refused ("clinical_notes", "GET", path, cl_nutri2, NULL, 404, "NOT_FOUND", NULL);
  refused ("clinical_notes", "GET", path, cl_member, NULL, 403, "FORBIDDEN", NULL);
  refused ("clinical_notes", "GET", unknown_path, cl_nutri, NULL, 404, "NOT_FOUND", NULL);
  {
    g_autofree char *p = g_strdup_printf ("%s?limit=0", path), *q = g_strdup_printf ("%s?page=x", path);
    refused ("clinical_notes", "GET", p, cl_nutri, NULL, 400, "VALIDATION_ERROR", "limit");
    refused ("clinical_notes", "GET", q, cl_nutri, NULL, 400, "VALIDATION_ERROR", "page");
  }

  /* PATCH: success, then refusals that leave the note as it was. */
  note_path = notes_path (cl_patient, second);
  {
    g_autoptr(BzApiResponse) r = req ("PATCH", note_path, cl_nutri, "{\"text\":\"Seguimiento: -2 kg\"}");
    assert_status (r, 200);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "text"), ==, "Seguimiento: -2 kg");
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "consultation_at"), ==, "2001-02-10T15:00:00Z");
  }
  {
    g_autofree char *cross = notes_path (cl_patient, *out_note_of_other);
    g_autofree char *unknown = notes_path (cl_patient, UNKNOWN);
    g_autofree char *others = notes_path (cl_other_patient, *out_note_of_other);
    refused ("clinical_notes", "PATCH", note_path, cl_nutri, "{}", 400, "VALIDATION_ERROR", "body");
    refused ("clinical_notes", "PATCH", note_path, cl_nutri, "{\"text\":\"\"}", 400, "VALIDATION_ERROR", "text");
    refused ("clinical_notes", "PATCH", note_path, cl_nutri, "{\"text\":\" \"}", 400, "VALIDATION_ERROR", "text");
    refused ("clinical_notes", "PATCH", note_path, cl_nutri, too_long_body, 400, "VALIDATION_ERROR", "text");
    refused ("clinical_notes", "PATCH", note_path, cl_nutri, "{\"consultation_at\":\"2026-13-01T00:00:00Z\"}",
             400, "VALIDATION_ERROR", "consultation_at");
    refused ("clinical_notes", "PATCH", note_path, cl_nutri, "{\"id\":\"x\"}", 400, "VALIDATION_ERROR", NULL);
    refused ("clinical_notes", "PATCH", note_path, cl_nutri2, "{\"text\":\"x\"}", 404, "NOT_FOUND", NULL);
    refused ("clinical_notes", "PATCH", note_path, cl_member, "{\"text\":\"x\"}", 403, "FORBIDDEN", NULL);
    refused ("clinical_notes", "PATCH", cross, cl_nutri, "{\"text\":\"x\"}", 404, "NOT_FOUND", NULL);
    refused ("clinical_notes", "PATCH", others, cl_nutri, "{\"text\":\"x\"}", 404, "NOT_FOUND", NULL);
    refused ("clinical_notes", "PATCH", unknown, cl_nutri, "{\"text\":\"x\"}", 404, "NOT_FOUND", NULL);
    refused ("clinical_notes", "DELETE", note_path, cl_nutri2, NULL, 404, "NOT_FOUND", NULL);
    refused ("clinical_notes", "DELETE", note_path, cl_member, NULL, 403, "FORBIDDEN", NULL);
    refused ("clinical_notes", "DELETE", cross, cl_nutri, NULL, 404, "NOT_FOUND", NULL);
    refused ("clinical_notes", "DELETE", unknown, cl_nutri, NULL, 404, "NOT_FOUND", NULL);
  }
  {
    g_autoptr(BzApiResponse) r = req ("GET", path, cl_nutri, NULL);
    JsonObject *n = json_array_get_object_element (json_object_get_array_member (bz_api_data (r), "notes"), 1);
    g_assert_cmpstr (json_object_get_string_member (n, "text"), ==, "Seguimiento: -2 kg");
  }

  /* DELETE: gone, and a second DELETE is 404. */
  {
    g_autofree char *p = notes_path (cl_patient, first);
    gint64 before = bz_api_count (bz_api_shared (), "clinical_notes");
    g_autoptr(BzApiResponse) r = req ("DELETE", p, cl_nutri, NULL);
    assert_status (r, 200);
    g_assert_true (json_object_get_boolean_member (bz_api_data (r), "deleted"));
    g_assert_cmpint (bz_api_count (bz_api_shared (), "clinical_notes"), ==, before - 1);
    refused ("clinical_notes", "DELETE", p, cl_nutri, NULL, 404, "NOT_FOUND", NULL);
  }
  (void) other_path;
}

/* 195 of the 200 characters a location may have, commas to escape, and
 * long enough that the feed must fold its LOCATION line. */
static char *
make_long_location (void)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < 13; i++)
    g_string_append (s, "Consultorio Ñ, ");
  return g_string_free (s, FALSE);
}

typedef struct
{
  char *past, *next, *later, *cancelled, *uid_later, *other;
} Appts;

static void
test_appointments (Appts *a)
{
  g_autofree char *path = appts_path (cl_patient, NULL), *unknown_path = appts_path (UNKNOWN, NULL);
  g_autofree char *long_location = NULL;

  /* Book: one in the past (completed), two ahead, one cancelled. */
  {
    g_autoptr(BzApiResponse) r = NULL;
    JsonObject *d = book (cl_nutri, cl_patient, "{\"starts_at\":\"2001-03-01T10:00:00-06:00\",\"duration_minutes\":45}", &r);
    a->past = g_strdup (json_object_get_string_member (d, "id"));
    g_assert_cmpstr (json_object_get_string_member (d, "starts_at"), ==, "2001-03-01T16:00:00Z");
    g_assert_cmpstr (json_object_get_string_member (d, "ends_at"), ==, "2001-03-01T16:45:00Z");
    g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "scheduled");
    g_assert_cmpstr (json_object_get_string_member (d, "patient_name"), ==, "Ramón Ñúñez");
    g_assert_true (json_node_is_null (json_object_get_member (d, "location")));
  }
  long_location = make_long_location ();
  {
    g_autoptr(BzApiResponse) r = NULL;
    g_autofree char *body = g_strdup_printf ("{\"starts_at\":\"2099-01-24T14:00:00-06:00\",\"duration_minutes\":60,"
                                             "\"location\":\"%s\",\"notes\":\"Traer análisis;\\nen ayunas\"}", long_location);
    JsonObject *d = book (cl_nutri, cl_patient, body, &r);
    a->later = g_strdup (json_object_get_string_member (d, "id"));
    a->uid_later = g_strdup (json_object_get_string_member (d, "uid"));
    g_assert_cmpstr (json_object_get_string_member (d, "starts_at"), ==, "2099-01-24T20:00:00Z");
    g_assert_cmpstr (json_object_get_string_member (d, "location"), ==, long_location);
    g_assert_cmpstr (a->uid_later, !=, a->later);
  }
  {
    g_autoptr(BzApiResponse) r = NULL, s = NULL, o = NULL;
    a->next = g_strdup (json_object_get_string_member (
        book (cl_nutri, cl_patient, "{\"starts_at\":\"2098-01-01T16:00:00Z\",\"duration_minutes\":30,\"location\":null}", &r), "id"));
    a->cancelled = g_strdup (json_object_get_string_member (
        book (cl_nutri, cl_patient, "{\"starts_at\":\"2098-06-01T16:00:00Z\",\"duration_minutes\":30}", &s), "id"));
    a->other = g_strdup (json_object_get_string_member (
        book (cl_nutri2, cl_other_patient, "{\"starts_at\":\"2098-02-01T16:00:00Z\",\"duration_minutes\":30}", &o), "id"));
  }

  /* PATCH: complete the past one, cancel one, reschedule the later one. */
  {
    g_autofree char *p = appts_path (cl_patient, a->past), *c = appts_path (cl_patient, a->cancelled);
    g_autofree char *l = appts_path (cl_patient, a->later);
    g_autoptr(BzApiResponse) r1 = req ("PATCH", p, cl_nutri, "{\"status\":\"completed\"}");
    g_autoptr(BzApiResponse) r2 = req ("PATCH", c, cl_nutri, "{\"status\":\"cancelada\"}");
    g_autoptr(BzApiResponse) r3 = req ("PATCH", l, cl_nutri, "{\"starts_at\":\"2099-01-31T15:00:00Z\",\"duration_minutes\":50}");
    assert_status (r1, 200);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r1), "status"), ==, "completed");
    assert_status (r2, 200);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r2), "status"), ==, "cancelled");
    assert_status (r3, 200);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r3), "ends_at"), ==, "2099-01-31T15:50:00Z");
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r3), "uid"), ==, a->uid_later);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r3), "location"), ==, long_location);
  }

  /* List: upcoming scheduled soonest first, then the rest latest first. */
  {
    g_autoptr(BzApiResponse) r = req ("GET", path, cl_nutri, NULL);
    JsonArray *list;
    const char *want[] = { a->next, a->later, a->cancelled, a->past };
    assert_status (r, 200);
    list = json_object_get_array_member (bz_api_data (r), "appointments");
    g_assert_cmpuint (json_array_get_length (list), ==, 4);
    for (guint i = 0; i < 4; i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, i), "id"), ==, want[i]);
  }

  /* Refusals of POST. */
  {
    GString *s = g_string_new ("{\"starts_at\":\"2099-01-01T10:00:00Z\",\"duration_minutes\":30,\"location\":\"");
    g_autofree char *loc_body = NULL, *notes_body = NULL;
    for (guint i = 0; i <= BZ_APPOINTMENT_LOCATION_MAX_CHARS; i++)
      g_string_append (s, "x");
    g_string_append (s, "\"}");
    loc_body = g_string_free (s, FALSE);
    s = g_string_new ("{\"starts_at\":\"2099-01-01T10:00:00Z\",\"duration_minutes\":30,\"notes\":\"");
    for (guint i = 0; i <= BZ_APPOINTMENT_NOTES_MAX_CHARS; i++)
      g_string_append (s, "ü");
    g_string_append (s, "\"}");
    notes_body = g_string_free (s, FALSE);

    refused ("appointments", "POST", path, cl_nutri, "{\"duration_minutes\":30}", 400, "VALIDATION_ERROR", "starts_at");
    refused ("appointments", "POST", path, cl_nutri, "{\"starts_at\":\"2099-01-01T10:00:00Z\"}", 400, "VALIDATION_ERROR", "duration_minutes");
    refused ("appointments", "POST", path, cl_nutri, "{\"starts_at\":\"mañana\",\"duration_minutes\":30}", 400, "VALIDATION_ERROR", "starts_at");
    refused ("appointments", "POST", path, cl_nutri, "{\"starts_at\":\"2099-01-01T10:00:00\",\"duration_minutes\":30}", 400, "VALIDATION_ERROR", "starts_at");
    refused ("appointments", "POST", path, cl_nutri, "{\"starts_at\":\"2099-02-30T10:00:00Z\",\"duration_minutes\":30}", 400, "VALIDATION_ERROR", "starts_at");
    refused ("appointments", "POST", path, cl_nutri, "{\"starts_at\":\"2099-01-01T25:00:00Z\",\"duration_minutes\":30}", 400, "VALIDATION_ERROR", "starts_at");
    refused ("appointments", "POST", path, cl_nutri, "{\"starts_at\":\"2100-01-01T00:00:00Z\",\"duration_minutes\":30}", 400, "VALIDATION_ERROR", "starts_at");
    refused ("appointments", "POST", path, cl_nutri, "{\"starts_at\":\"1999-01-01T00:00:00Z\",\"duration_minutes\":30}", 400, "VALIDATION_ERROR", "starts_at");
    refused ("appointments", "POST", path, cl_nutri, "{\"starts_at\":20990101,\"duration_minutes\":30}", 400, "VALIDATION_ERROR", "starts_at");
    refused ("appointments", "POST", path, cl_nutri, "{\"starts_at\":\"2099-01-01T10:00:00Z\",\"duration_minutes\":\"30\"}", 400, "VALIDATION_ERROR", "duration_minutes");
    refused ("appointments", "POST", path, cl_nutri, "{\"starts_at\":\"2099-01-01T10:00:00Z\",\"duration_minutes\":30.5}", 400, "VALIDATION_ERROR", "duration_minutes");
    refused ("appointments", "POST", path, cl_nutri, "{\"starts_at\":\"2099-01-01T10:00:00Z\",\"duration_minutes\":4}", 400, "VALIDATION_ERROR", "duration_minutes");
    refused ("appointments", "POST", path, cl_nutri, "{\"starts_at\":\"2099-01-01T10:00:00Z\",\"duration_minutes\":481}", 400, "VALIDATION_ERROR", "duration_minutes");
    refused ("appointments", "POST", path, cl_nutri, loc_body, 400, "VALIDATION_ERROR", "location");
    refused ("appointments", "POST", path, cl_nutri, notes_body, 400, "VALIDATION_ERROR", "notes");
    refused ("appointments", "POST", path, cl_nutri, "{\"starts_at\":\"2099-01-01T10:00:00Z\",\"duration_minutes\":30,\"status\":\"completed\"}",
             400, "VALIDATION_ERROR", NULL);
    refused ("appointments", "POST", path, cl_nutri, "{\"starts_at\":\"2099-01-01T10:00:00Z\",\"duration_minutes\":30,\"uid\":\"mine\"}",
             400, "VALIDATION_ERROR", NULL);
    refused ("appointments", "POST", path, cl_nutri2, "{\"starts_at\":\"2099-01-01T10:00:00Z\",\"duration_minutes\":30}", 404, "NOT_FOUND", NULL);
    refused ("appointments", "POST", unknown_path, cl_nutri, "{\"starts_at\":\"2099-01-01T10:00:00Z\",\"duration_minutes\":30}", 404, "NOT_FOUND", NULL);
    refused ("appointments", "POST", path, cl_member, "{\"starts_at\":\"2099-01-01T10:00:00Z\",\"duration_minutes\":30}", 403, "FORBIDDEN", NULL);
    refused ("appointments", "POST", path, NULL, "{\"starts_at\":\"2099-01-01T10:00:00Z\",\"duration_minutes\":30}", 401, "UNAUTHENTICATED", NULL);
    refused ("appointments", "GET", path, cl_nutri2, NULL, 404, "NOT_FOUND", NULL);
    refused ("appointments", "GET", path, cl_member, NULL, 403, "FORBIDDEN", NULL);
    refused ("appointments", "GET", unknown_path, cl_nutri, NULL, 404, "NOT_FOUND", NULL);
  }

  /* Refusals of PATCH, each leaving the appointment as it was. */
  {
    g_autofree char *n = appts_path (cl_patient, a->next), *p = appts_path (cl_patient, a->past);
    g_autofree char *c = appts_path (cl_patient, a->cancelled), *cross = appts_path (cl_patient, a->other);
    g_autofree char *unknown = appts_path (cl_patient, UNKNOWN);
    g_autoptr(BzApiResponse) before = req ("GET", path, cl_nutri, NULL), after = NULL;
    g_autofree char *before_text = NULL, *after_text = NULL;

    refused ("appointments", "PATCH", n, cl_nutri, "{}", 400, "VALIDATION_ERROR", "body");
    refused ("appointments", "PATCH", n, cl_nutri, "{\"status\":\"postponed\"}", 400, "VALIDATION_ERROR", "status");
    refused ("appointments", "PATCH", n, cl_nutri, "{\"status\":3}", 400, "VALIDATION_ERROR", "status");
    refused ("appointments", "PATCH", n, cl_nutri, "{\"starts_at\":\"2099-02-29T10:00:00Z\"}", 400, "VALIDATION_ERROR", "starts_at");
    refused ("appointments", "PATCH", n, cl_nutri, "{\"starts_at\":\"3000-01-01T10:00:00Z\"}", 400, "VALIDATION_ERROR", "starts_at");
    refused ("appointments", "PATCH", n, cl_nutri, "{\"duration_minutes\":0}", 400, "VALIDATION_ERROR", "duration_minutes");
    refused ("appointments", "PATCH", n, cl_nutri, "{\"duration_minutes\":true}", 400, "VALIDATION_ERROR", "duration_minutes");
    refused ("appointments", "PATCH", n, cl_nutri, "{\"patient_id\":\"x\"}", 400, "VALIDATION_ERROR", NULL);
    refused ("appointments", "PATCH", p, cl_nutri, "{\"status\":\"cancelled\"}", 409, "CONFLICT", NULL);
    refused ("appointments", "PATCH", c, cl_nutri, "{\"starts_at\":\"2099-01-01T10:00:00Z\"}", 409, "CONFLICT", NULL);
    refused ("appointments", "PATCH", n, cl_nutri2, "{\"status\":\"cancelled\"}", 404, "NOT_FOUND", NULL);
    refused ("appointments", "PATCH", n, cl_member, "{\"status\":\"cancelled\"}", 403, "FORBIDDEN", NULL);
    refused ("appointments", "PATCH", cross, cl_nutri, "{\"status\":\"cancelled\"}", 404, "NOT_FOUND", NULL);
    refused ("appointments", "PATCH", unknown, cl_nutri, "{\"status\":\"cancelled\"}", 404, "NOT_FOUND", NULL);
    after = req ("GET", path, cl_nutri, NULL);
    before_text = g_strndup (g_bytes_get_data (before->body, NULL), g_bytes_get_size (before->body));
    after_text = g_strndup (g_bytes_get_data (after->body, NULL), g_bytes_get_size (after->body));
    /* Same list but for meta (timestamp, request id). */
    *strstr (before_text, "\"meta\"") = '\0';
    *strstr (after_text, "\"meta\"") = '\0';
    g_assert_cmpstr (before_text, ==, after_text);
  }
}

static void
test_record_and_list (const Appts *a)
{
  /* The patient list: last and next appointment (cancelled ones and no-shows are not visits). */
  {
    g_autoptr(BzApiResponse) r = req ("GET", "/api/v1/nutritionist/patients?search=Ñúñez", cl_nutri, NULL);
    JsonArray *list = json_object_get_array_member (bz_api_data (r), "patients");
    JsonObject *p;
    assert_status (r, 200);
    g_assert_cmpuint (json_array_get_length (list), ==, 1);
    p = json_array_get_object_element (list, 0);
    g_assert_cmpstr (json_object_get_string_member (p, "last_appointment"), ==, "2001-03-01T16:00:00Z");
    g_assert_cmpstr (json_object_get_string_member (p, "next_appointment"), ==, "2098-01-01T16:00:00Z");
  }
  /* The record: appointments and clinical_notes. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/nutritionist/patients/%s", cl_patient);
    g_autoptr(BzApiResponse) r = req ("GET", path, cl_nutri, NULL);
    JsonObject *p = json_object_get_object_member (bz_api_data (r), "patient");
    JsonArray *appts = json_object_get_array_member (p, "appointments");
    JsonArray *notes = json_object_get_array_member (p, "clinical_notes");
    assert_status (r, 200);
    g_assert_cmpuint (json_array_get_length (appts), ==, 4);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (appts, 0), "id"), ==, a->next);
    g_assert_cmpuint (json_array_get_length (notes), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (notes, 0), "text"), ==, "Hoy");
  }
  /* A member's own appointments; a nutritionist's bookings. */
  {
    g_autoptr(BzApiResponse) m = req ("GET", "/api/v1/appointments", cl_member, NULL);
    g_autoptr(BzApiResponse) n2 = req ("GET", "/api/v1/appointments", cl_nutri2, NULL);
    g_autoptr(BzApiResponse) anon = req ("GET", "/api/v1/appointments", NULL, NULL);
    g_autoptr(BzApiResponse) bad = req ("GET", "/api/v1/appointments?limit=101", cl_member, NULL);
    JsonArray *list;
    assert_status (m, 200);
    list = json_object_get_array_member (bz_api_data (m), "appointments");
    g_assert_cmpuint (json_array_get_length (list), ==, 4);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "id"), ==, a->next);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 3), "id"), ==, a->past);
    assert_status (n2, 200);
    list = json_object_get_array_member (bz_api_data (n2), "appointments");
    g_assert_cmpuint (json_array_get_length (list), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "id"), ==, a->other);
    assert_status (anon, 401);
    assert_status (bad, 400);
    g_assert_true (bz_api_has_detail (bad, "limit"));
  }
}

/* --- The calendar feed ------------------------------------------------------ */

/* RFC 5545 §3.1: CRLF line ends, ≤ 75 octets, unfolded by removing CRLF + one space. */
static GPtrArray *
ics_lines (BzApiResponse *r)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body));
  g_auto(GStrv) physical = g_strsplit (text, "\r\n", -1);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  guint n = g_strv_length (physical);

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  for (guint i = 0; i + 1 < n; i++)
    {
      g_assert_null (strchr (physical[i], '\n'));
      g_assert_cmpuint (strlen (physical[i]), <=, 75);
      g_assert_true (g_utf8_validate (physical[i], -1, NULL));
      if (physical[i][0] == ' ')
        {
          char *joined = g_strconcat (g_ptr_array_index (lines, lines->len - 1), physical[i] + 1, NULL);
          g_free (lines->pdata[lines->len - 1]);
          lines->pdata[lines->len - 1] = joined;
        }
      else
        g_ptr_array_add (lines, g_strdup (physical[i]));
    }
  return lines;
}

/* RFC 5545 §3.3.11 read back. */
static char *
unescape (const char *v)
{
  GString *s = g_string_new (NULL);
  for (const char *c = v; *c; c++)
    {
      if (*c == '\\' && c[1])
        {
          c++;
          g_string_append_c (s, *c == 'n' || *c == 'N' ? '\n' : *c);
        }
      else
        g_string_append_c (s, *c);
    }
  return g_string_free (s, FALSE);
}

/* The properties of the VEVENT whose UID is @uid (name -> raw value), or NULL. */
static GHashTable *
event_of (GPtrArray *lines, const char *uid, guint *out_n_events)
{
  GHashTable *found = NULL, *cur = NULL;
  *out_n_events = 0;
  for (guint i = 0; i < lines->len; i++)
    {
      const char *l = g_ptr_array_index (lines, i);
      const char *colon = strchr (l, ':');
      g_autofree char *name = colon ? g_strndup (l, colon - l) : NULL;
      if (g_str_equal (l, "BEGIN:VEVENT"))
        {
          cur = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          (*out_n_events)++;
        }
      else if (g_str_equal (l, "END:VEVENT"))
        {
          if (g_strcmp0 (g_hash_table_lookup (cur, "UID"), uid) == 0)
            found = cur;
          else
            g_hash_table_unref (cur);
          cur = NULL;
        }
      else if (cur && name)
        g_hash_table_insert (cur, g_steal_pointer (&name), g_strdup (colon + 1));
    }
  return found;
}

static BzApiResponse *
get_feed (const char *token)
{
  g_autofree char *esc = token ? g_uri_escape_string (token, NULL, FALSE) : NULL;
  g_autofree char *path = token ? g_strdup_printf ("/api/v1/nutritionist/calendar.ics?token=%s", esc)
                                : g_strdup ("/api/v1/nutritionist/calendar.ics");
  return bz_api_call (bz_api_shared (), "GET", path, NULL, NULL, NULL, 0, NULL);
}

static void
test_feed (const Appts *a)
{
  g_autofree char *token = NULL, *old_token = NULL, *long_token = g_strnfill (200, 'a');

  refused ("calendar_feed_tokens", "POST", "/api/v1/nutritionist/calendar-token", cl_member, NULL, 403, "FORBIDDEN", NULL);
  refused ("calendar_feed_tokens", "POST", "/api/v1/nutritionist/calendar-token", NULL, NULL, 401, "UNAUTHENTICATED", NULL);
  refused ("calendar_feed_tokens", "DELETE", "/api/v1/nutritionist/calendar-token", cl_member, NULL, 403, "FORBIDDEN", NULL);
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(BzApiResponse) r = req ("POST", "/api/v1/nutritionist/calendar-token", cl_nutri, NULL);
      JsonObject *d;
      assert_status (r, 201);
      d = bz_api_data (r);
      g_free (old_token);
      old_token = g_steal_pointer (&token);
      token = g_strdup (json_object_get_string_member (d, "token"));
      g_assert_cmpuint (strlen (token), ==, 43);
      g_assert_true (g_str_has_prefix (json_object_get_string_member (d, "url"), "http://127.0.0.1:"));
      g_assert_true (g_str_has_suffix (json_object_get_string_member (d, "url"), token));
      g_assert_true (g_str_has_prefix (json_object_get_string_member (d, "path"), "/api/v1/nutritionist/calendar.ics?token="));
    }
  g_assert_cmpint (bz_api_count (bz_api_shared (), "calendar_feed_tokens"), ==, 1);
  {
    /* The store keeps the hash only. */
    g_autoptr(BzApiResponse) old = get_feed (old_token), none = get_feed (NULL), empty = get_feed ("");
    g_autoptr(BzApiResponse) bad = get_feed ("not-a-token"), too_long = get_feed (long_token);
    assert_status (old, 404);       /* a new token revokes the old one */
    g_assert_cmpstr (bz_api_error_code (old), ==, "NOT_FOUND");
    assert_status (none, 400);
    g_assert_true (bz_api_has_detail (none, "token"));
    assert_status (empty, 400);
    assert_status (bad, 404);
    assert_status (too_long, 400);
    g_assert_true (bz_api_has_detail (too_long, "token"));
  }

  {
    g_autoptr(BzApiResponse) r = get_feed (token);
    g_autoptr(GPtrArray) lines = NULL;
    g_autoptr(GHashTable) later = NULL, next = NULL, cancelled = NULL;
    g_autofree char *loc = NULL, *desc = NULL;
    const char *ct = soup_message_headers_get_content_type (r->headers, NULL);
    guint n_events = 0;

    assert_status (r, 200);
    g_assert_cmpstr (ct, ==, "text/calendar");
    /* A calendar polling an unchanged feed gets 304 (ETag: the text's SHA-256). */
    {
      const char *etag = soup_message_headers_get_one (r->headers, "ETag");
      g_autofree char *esc = g_uri_escape_string (token, NULL, FALSE);
      g_autofree char *p = g_strdup_printf ("/api/v1/nutritionist/calendar.ics?token=%s", esc);
      const char *hdrs[] = { "If-None-Match", etag, NULL };
      g_autoptr(BzApiResponse) again = NULL;
      g_assert_nonnull (etag);
      again = bz_api_call (bz_api_shared (), "GET", p, NULL, NULL, NULL, 0, hdrs);
      assert_status (again, 304);
      g_assert_null (soup_message_headers_get_one (r->headers, "Cache-Control"));
    }
    lines = ics_lines (r);
    g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "BEGIN:VCALENDAR");
    g_assert_cmpstr (g_ptr_array_index (lines, lines->len - 1), ==, "END:VCALENDAR");
    g_assert_true (g_ptr_array_find_with_equal_func (lines, "VERSION:2.0", g_str_equal, NULL));
    later = event_of (lines, a->uid_later, &n_events);
    /* Three of the nutritionist's four: the 2001 one is more than a year
     * back; the other nutritionist's patient is not there. */
    g_assert_cmpuint (n_events, ==, 3);
    g_assert_nonnull (later);
    g_assert_cmpstr (g_hash_table_lookup (later, "DTSTART"), ==, "20990131T150000Z");
    g_assert_cmpstr (g_hash_table_lookup (later, "DTEND"), ==, "20990131T155000Z");
    g_assert_cmpstr (g_hash_table_lookup (later, "SUMMARY"), ==, "Ramón Ñúñez");
    g_assert_cmpstr (g_hash_table_lookup (later, "STATUS"), ==, "CONFIRMED");
    g_assert_cmpstr (g_hash_table_lookup (later, "SEQUENCE"), ==, "1");   /* rescheduled once */
    g_assert_nonnull (g_hash_table_lookup (later, "DTSTAMP"));
    g_assert_true (g_str_has_suffix (g_hash_table_lookup (later, "DTSTAMP"), "Z"));
    g_assert_cmpstr (g_hash_table_lookup (later, "DTSTAMP"), ==, g_hash_table_lookup (later, "LAST-MODIFIED"));
    /* The long location was folded across lines and comes back whole. */
    g_assert_nonnull (strstr (g_hash_table_lookup (later, "LOCATION"), "Consultorio Ñ\\, "));
    loc = unescape (g_hash_table_lookup (later, "LOCATION"));
    {
      g_autofree char *want = make_long_location ();
      g_assert_cmpstr (loc, ==, want);
    }
    desc = unescape (g_hash_table_lookup (later, "DESCRIPTION"));
    g_assert_cmpstr (desc, ==, "Traer análisis;\nen ayunas");
    g_assert_cmpstr (g_hash_table_lookup (later, "DESCRIPTION"), ==, "Traer análisis\\;\\nen ayunas");
    {
      g_autofree char *uid_next = NULL, *uid_cancelled = NULL, *pn = appts_path (cl_patient, a->next);
      g_autofree char *pl = appts_path (cl_patient, NULL);
      g_autoptr(BzApiResponse) rn = req ("PATCH", pn, cl_nutri, "{\"notes\":\"Primera revisión\"}");
      g_autoptr(BzApiResponse) rc = req ("GET", pl, cl_nutri, NULL);
      assert_status (rn, 200);
      uid_next = g_strdup (json_object_get_string_member (bz_api_data (rn), "uid"));
      for (guint i = 0; i < 4; i++)
        {
          JsonObject *o = json_array_get_object_element (json_object_get_array_member (bz_api_data (rc), "appointments"), i);
          if (g_str_equal (json_object_get_string_member (o, "id"), a->cancelled))
            uid_cancelled = g_strdup (json_object_get_string_member (o, "uid"));
        }
      cancelled = event_of (lines, uid_cancelled, &n_events);
      g_assert_nonnull (cancelled);
      g_assert_cmpstr (g_hash_table_lookup (cancelled, "STATUS"), ==, "CANCELLED");
      g_assert_cmpstr (g_hash_table_lookup (cancelled, "SEQUENCE"), ==, "1");
      g_clear_pointer (&lines, g_ptr_array_unref);
      {
        /* A change of notes only does not raise SEQUENCE, but shows. */
        g_autoptr(BzApiResponse) again = get_feed (token);
        lines = ics_lines (again);
        next = event_of (lines, uid_next, &n_events);
        g_assert_nonnull (next);
        g_assert_cmpstr (g_hash_table_lookup (next, "SEQUENCE"), ==, "0");
        g_assert_cmpstr (g_hash_table_lookup (next, "DESCRIPTION"), ==, "Primera revisión");
        g_assert_cmpstr (g_hash_table_lookup (next, "DTSTART"), ==, "20980101T160000Z");
        g_assert_cmpstr (g_hash_table_lookup (next, "DTEND"), ==, "20980101T163000Z");
      }
    }
  }

  /* Revoke: the feed is gone; a second revoke has nothing to revoke. */
  {
    g_autoptr(BzApiResponse) r = req ("DELETE", "/api/v1/nutritionist/calendar-token", cl_nutri, NULL);
    g_autoptr(BzApiResponse) r2 = NULL, f = NULL;
    assert_status (r, 200);
    g_assert_true (json_object_get_boolean_member (bz_api_data (r), "revoked"));
    f = get_feed (token);
    assert_status (f, 404);
    r2 = req ("DELETE", "/api/v1/nutritionist/calendar-token", cl_nutri, NULL);
    assert_status (r2, 200);
    g_assert_false (json_object_get_boolean_member (bz_api_data (r2), "revoked"));
    g_assert_cmpint (bz_api_count (bz_api_shared (), "calendar_feed_tokens"), ==, 0);
  }
}

void
test_clinical (void)
{
  g_autofree char *note_of_other = NULL;
  Appts a = { 0 };

  ensure_users ();
  test_notes (&note_of_other);
  test_appointments (&a);
  test_record_and_list (&a);
  test_feed (&a);
  g_free (a.past);
  g_free (a.next);
  g_free (a.later);
  g_free (a.cancelled);
  g_free (a.uid_later);
  g_free (a.other);
}
