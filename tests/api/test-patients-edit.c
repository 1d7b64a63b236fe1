/* test-patients-edit.c — PATCH /api/v1/nutritionist/patients/{patient_id}
 * and the onboarding fields of POST (issue 12): success, and every refusal
 * with the store unchanged after it.
 *
 * Built into test-api's binary (tests/api/meson.build), registered by
 * test-api.c before its last test, so the PATCH operation counts in
 * bz_api_assert_every_operation_checked(). */
#include "bz-api-fixture.h"

#include "bz-audit.h"
#include "bz-auth-service-private.h"
#include "bz-auth-service.h"

void test_patients_edit (void);
void test_patients_onboarding_fields (void);

static char *pe_nutri, *pe_nutri2, *pe_member, *pe_patient;

static void
ensure_users (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(BzApiResponse) r = NULL, l = NULL;

  if (pe_nutri)
    return;
  pe_nutri = bz_api_register (api, "pe-nutri1@test.local", "nutritionist", NULL);
  pe_nutri2 = bz_api_register (api, "pe-nutri2@test.local", "nutritionist", NULL);
  r = bz_api_json (api, "POST", "/api/v1/nutritionist/patients", pe_nutri,
                   "{\"email\":\"pe-member@test.local\",\"first_name\":\"Marta\",\"last_name\":\"Gómez\","
                   "\"password\":\"Member-Pass1!\",\"target_weight_kg\":64,\"allergies\":[\"nuez\"]}");
  g_assert_cmpuint (r->status, ==, 201);
  pe_patient = g_strdup (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "patient"), "id"));
  bz_auth_reset_rate_limits ();
  l = bz_api_json (api, "POST", "/api/auth/login", NULL,
                   "{\"email\":\"pe-member@test.local\",\"password\":\"Member-Pass1!\"}");
  g_assert_cmpuint (l->status, ==, 200);
  pe_member = g_strdup (json_object_get_string_member (bz_api_data (l), "access_token"));
}

/* The patient's basic_info as its nutritionist reads it, as JSON text. */
static char *
basic_info (const char *patient_id)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *path = g_strdup_printf ("/api/v1/nutritionist/patients/%s", patient_id);
  g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", path, pe_nutri, NULL);
  JsonObject *info;

  g_assert_cmpuint (r->status, ==, 200);
  info = json_object_get_object_member (json_object_get_object_member (bz_api_data (r), "patient"), "basic_info");
  {
    g_autoptr(JsonNode) n = json_node_init_object (json_node_alloc (), info);
    return json_to_string (n, FALSE);
  }
}

static BzApiResponse *
patch (const char *token, const char *patient_id, const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/nutritionist/patients/%s", patient_id);
  return bz_api_json (bz_api_shared (), "PATCH", path, token, body);
}

void
test_patients_edit (void)
{
  BzApi *api = bz_api_shared ();
  ensure_users ();

  /* Success: the members given change, the others stay; Spanish aliases
   * become the stored ids; the answer is the stored PatientInfo. */
  {
    g_autoptr(BzApiResponse) r = patch (pe_nutri, pe_patient,
        "{\"status\":\"egresado\",\"first_name\":\"  Marta Elena \",\"dietary_preference\":\"vegetariana\","
        "\"food_restrictions\":[\"gluten\",\"lactosa\"],\"activity_level\":\"moderate\",\"phone\":\"+52 555 111 2233\"}");
    JsonObject *d;
    g_assert_cmpuint (r->status, ==, 200);
    d = bz_api_data (r);
    g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "graduated");
    g_assert_cmpstr (json_object_get_string_member (d, "first_name"), ==, "Marta Elena");
    g_assert_cmpstr (json_object_get_string_member (d, "last_name"), ==, "Gómez");
    g_assert_cmpstr (json_object_get_string_member (d, "dietary_preference"), ==, "vegetarian");
    g_assert_cmpstr (json_object_get_string_member (d, "activity_level"), ==, "moderate");
    g_assert_cmpstr (json_object_get_string_member (d, "phone"), ==, "+525551112233");
    g_assert_cmpfloat (json_object_get_double_member (d, "target_weight_kg"), ==, 64);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "food_restrictions")), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (d, "allergies"), 0), ==, "nuez");
  }
  /* Rectification of where the patient lives (036_user_location.sql): state
   * and city are stored, trimmed, and audited; a PATCH of one keeps the
   * other; null removes one; a PATCH without them keeps both. */
  {
    BzAuditLog *audit = bz_services_get_audit_log (api->services);
    gint64 audits, changes;
    bz_audit_log_flush (audit);
    audits = bz_api_count (api, "record_access_audit");
    changes = bz_api_count (api, "changes");
    {
      g_autoptr(BzApiResponse) r = patch (pe_nutri, pe_patient, "{\"state\":\" Jalisco \",\"city\":\"Zapopan\"}");
      g_assert_cmpuint (r->status, ==, 200);
      g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "state"), ==, "Jalisco");
      g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "city"), ==, "Zapopan");
      g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "status"), ==, "graduated");
    }
    bz_audit_log_flush (audit);
    g_assert_cmpint (bz_api_count (api, "record_access_audit"), ==, audits + 1);
    g_assert_cmpint (bz_api_count (api, "changes"), >, changes);
    {
      g_autoptr(BzApiResponse) r = patch (pe_nutri, pe_patient, "{\"city\":\"Guadalajara\"}");
      g_assert_cmpuint (r->status, ==, 200);
      g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "state"), ==, "Jalisco");
      g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "city"), ==, "Guadalajara");
    }
    {
      g_autoptr(BzApiResponse) r = patch (pe_nutri, pe_patient, "{\"first_name\":\"Marta Elena\"}");
      g_autofree char *info = basic_info (pe_patient);
      g_assert_cmpuint (r->status, ==, 200);
      g_assert_nonnull (strstr (info, "\"state\":\"Jalisco\""));
      g_assert_nonnull (strstr (info, "\"city\":\"Guadalajara\""));
    }
    {
      g_autoptr(BzApiResponse) r = patch (pe_nutri, pe_patient, "{\"city\":null}");
      g_assert_cmpuint (r->status, ==, 200);
      g_assert_true (json_object_get_null_member (bz_api_data (r), "city"));
      g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "state"), ==, "Jalisco");
    }
  }
  /* The list filters by the new status. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/v1/nutritionist/patients?status=graduated", pe_nutri, NULL);
    JsonArray *a;
    g_assert_cmpuint (r->status, ==, 200);
    a = json_object_get_array_member (bz_api_data (r), "patients");
    g_assert_cmpuint (json_array_get_length (a), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, 0), "id"), ==, pe_patient);
  }
  /* null clears a nullable field. */
  {
    g_autoptr(BzApiResponse) r = patch (pe_nutri, pe_patient, "{\"target_weight_kg\":null,\"status\":\"active\"}");
    g_assert_cmpuint (r->status, ==, 200);
    g_assert_true (json_object_get_null_member (bz_api_data (r), "target_weight_kg"));
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "status"), ==, "active");
  }

  /* Refusals: the status and field, and the store unchanged after each. */
  {
    g_autofree char *unknown = g_uuid_string_random ();
    g_autofree char *many = NULL, *long_state = NULL;
    struct { const char *token; const char *id; const char *body; guint status; const char *field; } cases[] = {
      { NULL, pe_patient, "{\"status\":\"inactive\"}", 401, NULL },
      { pe_member, pe_patient, "{\"status\":\"inactive\"}", 403, NULL },
      { pe_nutri2, pe_patient, "{\"status\":\"inactive\"}", 404, NULL },
      { pe_nutri, unknown, "{\"status\":\"inactive\"}", 404, NULL },
      { pe_nutri, pe_patient, "{\"status\":\"retired\"}", 400, "status" },
      { pe_nutri, pe_patient, "{\"status\":null}", 400, "status" },
      { pe_nutri, pe_patient, "{\"email\":\"new@test.local\"}", 400, "email" },
      { pe_nutri, pe_patient, "{\"target_weight_kg\":\"heavy\"}", 400, "target_weight_kg" },
      { pe_nutri, pe_patient, "{\"target_weight_kg\":10}", 400, "target_weight_kg" },
      { pe_nutri, pe_patient, "{\"first_name\":\"   \"}", 400, "first_name" },
      { pe_nutri, pe_patient, "{\"phone\":\"12\"}", 400, "phone" },
      { pe_nutri, pe_patient, "{\"date_of_birth\":\"2990-01-01\"}", 400, "date_of_birth" },
      { pe_nutri, pe_patient, "{\"dietary_preference\":\"carnivore\"}", 400, "dietary_preference" },
      { pe_nutri, pe_patient, "{\"allergies\":[1]}", 400, "allergies[0]" },
      { pe_nutri, pe_patient, "{\"state\":5}", 400, "state" },
      { pe_nutri, pe_patient, "{\"city\":[\"Zapopan\"]}", 400, "city" },
      { pe_nutri, pe_patient, NULL, 400, "state" },       /* body set below: 101 characters */
      { pe_nutri2, pe_patient, "{\"city\":\"Tepic\"}", 404, NULL },
      { pe_nutri, pe_patient, "[]", 400, NULL },
      { pe_nutri, pe_patient, NULL, 400, "allergies" },   /* body set below: 51 entries */
    };
    GString *b = g_string_new ("{\"allergies\":[");
    for (int i = 0; i < 51; i++)
      g_string_append_printf (b, "%s\"a%d\"", i ? "," : "", i);
    g_string_append (b, "]}");
    many = g_string_free (b, FALSE);
    cases[G_N_ELEMENTS (cases) - 1].body = many;
    g_autofree char *a101 = g_strnfill (101, 'a');
    long_state = g_strdup_printf ("{\"state\":\"%s\"}", a101);
    cases[G_N_ELEMENTS (cases) - 4].body = long_state;

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *before = basic_info (pe_patient);
        gint64 changes = bz_api_count (api, "changes");
        g_autoptr(BzApiResponse) r = patch (cases[i].token, cases[i].id, cases[i].body);
        g_autofree char *after = NULL;
        g_test_message ("PATCH %s", cases[i].body);
        g_assert_cmpuint (r->status, ==, cases[i].status);
        if (cases[i].field)
          g_assert_true (bz_api_has_detail (r, cases[i].field));
        after = basic_info (pe_patient);
        g_assert_cmpstr (after, ==, before);
        g_assert_cmpint (bz_api_count (api, "changes"), ==, changes);
      }
  }
  /* A phone registered to another user: 409 on "phone", nothing written. */
  {
    g_autoptr(BzApiResponse) other = bz_api_json (api, "POST", "/api/v1/nutritionist/patients", pe_nutri,
        "{\"email\":\"pe-other@test.local\",\"first_name\":\"Otro\",\"last_name\":\"Paciente\","
        "\"phone\":\"+52 555 999 0000\"}");
    g_autofree char *before = NULL, *after = NULL;
    gint64 changes;
    g_assert_cmpuint (other->status, ==, 201);
    before = basic_info (pe_patient);
    changes = bz_api_count (api, "changes");
    {
      g_autoptr(BzApiResponse) r = patch (pe_nutri, pe_patient, "{\"phone\":\"+525559990000\",\"status\":\"dropped\"}");
      g_assert_cmpuint (r->status, ==, 409);
      g_assert_true (bz_api_has_detail (r, "phone"));
    }
    after = basic_info (pe_patient);
    g_assert_cmpstr (after, ==, before);
    g_assert_cmpint (bz_api_count (api, "changes"), ==, changes);
  }
}

/* POST's onboarding members: food restrictions, dietary preference,
 * activity level and the privacy consent; a refused consent writes nothing. */
void
test_patients_onboarding_fields (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *id = NULL;
  ensure_users ();

  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/nutritionist/patients", pe_nutri,
        "{\"email\":\"pe-onboard@test.local\",\"first_name\":\"Iris\",\"last_name\":\"Núñez\","
        "\"food_restrictions\":[\"gluten\"],\"dietary_preference\":\"vegano\",\"activity_level\":\"sedentario\","
        "\"privacy_consent\":true,\"state\":\"Nayarit\",\"city\":\"Tepic\"}");
    g_assert_cmpuint (r->status, ==, 201);
    id = g_strdup (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "patient"), "id"));
  }
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/nutritionist/patients/%s", id);
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", path, pe_nutri, NULL);
    JsonObject *info = json_object_get_object_member (json_object_get_object_member (bz_api_data (r), "patient"), "basic_info");
    g_assert_cmpstr (json_object_get_string_member (info, "dietary_preference"), ==, "vegan");
    g_assert_cmpstr (json_object_get_string_member (info, "activity_level"), ==, "sedentary");
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (info, "food_restrictions"), 0), ==, "gluten");
    g_assert_false (json_object_get_null_member (info, "privacy_consent_at"));
    g_assert_cmpstr (json_object_get_string_member (info, "state"), ==, "Nayarit");
    g_assert_cmpstr (json_object_get_string_member (info, "city"), ==, "Tepic");
  }
  {
    static const struct { const char *body; const char *field; } refused[] = {
      { "{\"email\":\"pe-x@test.local\",\"first_name\":\"X\",\"last_name\":\"Y\",\"privacy_consent\":false}", "privacy_consent" },
      { "{\"email\":\"pe-x@test.local\",\"first_name\":\"X\",\"last_name\":\"Y\",\"privacy_consent\":\"yes\"}", "privacy_consent" },
      { "{\"email\":\"pe-x@test.local\",\"first_name\":\"X\",\"last_name\":\"Y\",\"dietary_preference\":\"carnivore\"}", "dietary_preference" },
      { "{\"email\":\"pe-x@test.local\",\"first_name\":\"X\",\"last_name\":\"Y\",\"activity_level\":\"extreme\"}", "activity_level" },
      { "{\"email\":\"pe-x@test.local\",\"first_name\":\"X\",\"last_name\":\"Y\",\"status\":\"dropped\"}", "status" },
      { "{\"email\":\"pe-x@test.local\",\"first_name\":\"X\",\"last_name\":\"Y\",\"food_restrictions\":\"gluten\"}", "food_restrictions" },
      { "{\"email\":\"pe-x@test.local\",\"first_name\":\"X\",\"last_name\":\"Y\",\"city\":7}", "city" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        gint64 users = bz_api_count (api, "users"), patients = bz_api_count (api, "patients");
        g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/nutritionist/patients", pe_nutri, refused[i].body);
        g_test_message ("POST %s", refused[i].body);
        g_assert_cmpuint (r->status, ==, 400);
        g_assert_true (bz_api_has_detail (r, refused[i].field));
        g_assert_cmpint (bz_api_count (api, "users"), ==, users);
        g_assert_cmpint (bz_api_count (api, "patients"), ==, patients);
      }
  }
}
