/* test-nutritionist-profile.c — GET and PATCH /api/v1/nutritionist/profile
 * (issue 12): the profile as stored, a full change read back, Spanish
 * vocabulary aliases, clearing a text, and every refusal with its field and
 * the profile unchanged.  Part of test-api's binary (responses checked
 * against the OpenAPI document). */
#include "bz-api-fixture.h"

const char *test_api_nutri_token (void);
const char *test_api_nutri2_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
void        test_nutritionist_profile (void);

static char *
profile_text (const char *token)
{
  g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "GET", "/api/v1/nutritionist/profile", token, NULL);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  bz_api_expect (r, 200);
  json_node_set_object (node, bz_api_data (r));
  return json_to_string (node, FALSE);
}

void
test_nutritionist_profile (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(BzApiResponse) first = NULL, set = NULL, cleared = NULL;
  g_autofree char *member = NULL, *patient = NULL, *before = NULL;
  JsonObject *p, *week;

  test_api_ensure_users ();
  patient = test_api_create_patient (test_api_nutri_token (), "profile-member@test.local", &member);

  /* As registered: pending licence, no specializations, closed all week, accepting patients. */
  first = bz_api_json (api, "GET", "/api/v1/nutritionist/profile", test_api_nutri_token (), NULL);
  bz_api_expect (first, 200);
  p = bz_api_data (first);
  g_assert_cmpstr (json_object_get_string_member (p, "email"), ==, "nutri1@test.local");
  g_assert_cmpstr (json_object_get_string_member (p, "license_status"), ==, "pending");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (p, "specializations")), ==, 0);
  g_assert_true (json_object_get_boolean_member (p, "accepting_patients"));
  g_assert_true (json_object_get_null_member (json_object_get_object_member (p, "working_hours"), "monday"));

  /* A full change, Spanish aliases included, read back. */
  set = bz_api_json (api, "PATCH", "/api/v1/nutritionist/profile", test_api_nutri_token (),
      "{\"professional_license\":\"12345678\",\"specializations\":[\"deportiva\",\"diabetes\"],"
      "\"years_experience\":9,\"clinic_name\":\"Clínica Balanza\",\"clinic_address\":\"Av. Juárez 10, Centro, CDMX\","
      "\"clinic_phone\":\"+52 55 1234 5678\",\"consultation_fee_mxn\":650,\"accepts_insurance\":true,"
      "\"accepting_patients\":false,\"working_hours\":{\"monday\":{\"start\":\"09:00\",\"end\":\"18:00\"},"
      "\"saturday\":{\"start\":\"10:00\",\"end\":\"14:00\"}}}");
  bz_api_expect (set, 200);
  p = bz_api_data (set);
  g_assert_cmpstr (json_object_get_string_member (p, "professional_license"), ==, "12345678");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (p, "specializations"), 0), ==,
                   "sports_nutrition");
  g_assert_cmpint (json_object_get_int_member (p, "years_experience"), ==, 9);
  g_assert_cmpint (json_object_get_int_member (p, "consultation_fee_mxn"), ==, 650);
  g_assert_true (json_object_get_boolean_member (p, "accepts_insurance"));
  g_assert_false (json_object_get_boolean_member (p, "accepting_patients"));
  week = json_object_get_object_member (p, "working_hours");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (week, "monday"), "end"), ==, "18:00");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (week, "saturday"), "start"), ==, "10:00");
  g_assert_true (json_object_get_null_member (week, "sunday"));
  g_assert_false (json_object_get_null_member (p, "updated_at"));

  /* Empty text clears a clinic text; other members stay. */
  cleared = bz_api_json (api, "PATCH", "/api/v1/nutritionist/profile", test_api_nutri_token (), "{\"clinic_phone\":\"\"}");
  bz_api_expect (cleared, 200);
  g_assert_true (json_object_get_null_member (bz_api_data (cleared), "clinic_phone"));
  g_assert_cmpstr (json_object_get_string_member (bz_api_data (cleared), "clinic_name"), ==, "Clínica Balanza");

  /* Another nutritionist takes a licence; nutri1 cannot. */
  {
    g_autoptr(BzApiResponse) other = bz_api_json (api, "PATCH", "/api/v1/nutritionist/profile", test_api_nutri2_token (),
                                                  "{\"professional_license\":\"7654321\"}");
    bz_api_expect (other, 200);
  }

  before = profile_text (test_api_nutri_token ());
  {
    static const struct { const char *body; guint status; const char *field; } bad[] = {
      { "{}", 400, "body" },
      { "{\"professional_license\":\"12ab567\"}", 400, "professional_license" },
      { "{\"professional_license\":\"123\"}", 400, "professional_license" },
      { "{\"professional_license\":\"7654321\"}", 409, "professional_license" },
      { "{\"clinic_phone\":\"call me\"}", 400, "clinic_phone" },
      { "{\"consultation_fee_mxn\":-1}", 400, "consultation_fee_mxn" },
      { "{\"consultation_fee_mxn\":\"650\"}", 400, "consultation_fee_mxn" },
      { "{\"years_experience\":71}", 400, "years_experience" },
      { "{\"specializations\":[\"astrology\"]}", 400, "specializations[0]" },
      { "{\"specializations\":\"diabetes\"}", 400, "specializations" },
      { "{\"license_status\":\"verified\"}", 400, "license_status" },
      { "{\"rating\":5}", 400, "rating" },
      { "{\"working_hours\":{\"monday\":{\"start\":\"25:00\",\"end\":\"26:00\"}}}", 400, "working_hours.monday.start" },
      { "{\"working_hours\":{\"monday\":{\"start\":\"18:00\",\"end\":\"09:00\"}}}", 400, "working_hours.monday.end" },
      { "{\"working_hours\":{\"monday\":\"9-18\"}}", 400, "working_hours.monday" },
      { "{\"working_hours\":{\"funday\":{\"start\":\"09:00\",\"end\":\"10:00\"}}}", 400, "working_hours.funday" },
      { "{\"clinic_address\":\"" "%0301" "\"}", 400, "clinic_address" },
      { "[1,2]", 400, NULL },
    };
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *body = NULL;
        g_autoptr(BzApiResponse) r = NULL;
        g_autofree char *after = NULL;
        if (strstr (bad[i].body, "%0301"))
          {
            g_autofree char *long_text = g_strnfill (301, 'a');
            body = g_strdup_printf ("{\"clinic_address\":\"%s\"}", long_text);
          }
        else
          body = g_strdup (bad[i].body);
        r = bz_api_json (api, "PATCH", "/api/v1/nutritionist/profile", test_api_nutri_token (), body);
        if (r->status != bad[i].status)
          g_error ("%s: expected %u, got %u", body, bad[i].status, r->status);
        if (bad[i].field && !bz_api_has_detail (r, bad[i].field))
          g_error ("%s: no detail for %s: %.*s", body, bad[i].field, (int) g_bytes_get_size (r->body),
                   (const char *) g_bytes_get_data (r->body, NULL));
        after = profile_text (test_api_nutri_token ());
        g_assert_cmpstr (after, ==, before);
      }
  }

  /* Roles: a member has no profile; no token, no answer. */
  {
    g_autoptr(BzApiResponse) m = bz_api_json (api, "GET", "/api/v1/nutritionist/profile", member, NULL);
    g_autoptr(BzApiResponse) mp = bz_api_json (api, "PATCH", "/api/v1/nutritionist/profile", member, "{\"years_experience\":1}");
    g_autoptr(BzApiResponse) anon = bz_api_json (api, "GET", "/api/v1/nutritionist/profile", NULL, NULL);
    bz_api_expect (m, 403);
    bz_api_expect (mp, 403);
    bz_api_expect (anon, 401);
  }
}
