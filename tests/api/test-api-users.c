/* test-api-users.c — the users every test of test-api's binary shares: two
 * nutritionists, and patients made through the API with a member's token. */
#include "bz-api-fixture.h"

#include "bz-auth-service-private.h"

static char *nutri_token, *nutri2_token;

const char *test_api_nutri_token (void);
const char *test_api_nutri2_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
void        test_api_planning_patients (const char *prefix, char **patient, char **member, char **other,
                                        char **bare);
extern const char *test_api_scan_body_fmt;

static void
ensure_users (void)
{
  BzApi *api = bz_api_shared ();
  if (nutri_token)
    return;
  nutri_token = bz_api_register (api, "nutri1@test.local", "nutritionist", NULL);
  nutri2_token = bz_api_register (api, "nutri2@test.local", "nutritionist", NULL);
}

/* Creates a patient of @token's nutritionist and returns {patient_id, member access token}. */
static char *
create_patient (const char *token, const char *email, char **out_member_token)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *body = g_strdup_printf (
      "{\"email\":\"%s\",\"first_name\":\"Juan\",\"last_name\":\"Pérez\",\"password\":\"Member-Pass1!\","
      "\"primary_goal\":\"weight_loss\",\"target_weight_kg\":75.0,\"allergies\":[\"peanuts\"]}", email);
  g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/nutritionist/patients", token, body);
  JsonObject *p;
  g_assert_cmpuint (r->status, ==, 201);
  p = json_object_get_object_member (bz_api_data (r), "patient");
  if (out_member_token)
    {
      g_autofree char *login = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"Member-Pass1!\"}", email);
      g_autoptr(BzApiResponse) l = NULL;
      bz_auth_reset_rate_limits ();
      l = bz_api_json (api, "POST", "/api/auth/login", NULL, login);
      g_assert_cmpuint (l->status, ==, 200);
      *out_member_token = g_strdup (json_object_get_string_member (bz_api_data (l), "access_token"));
    }
  return g_strdup (json_object_get_string_member (p, "id"));
}

void
test_api_ensure_users (void)
{
  ensure_users ();
}

const char *
test_api_nutri2_token (void)
{
  return nutri2_token;
}

const char *
test_api_nutri_token (void)
{
  return nutri_token;
}

char *
test_api_create_patient (const char *token, const char *email, char **out_member_token)
{
  return create_patient (token, email, out_member_token);
}

const char *test_api_scan_body_fmt =
  "{\"patient_id\":\"%s\",\"measured_at\":\"2026-06-01T09:00:00Z\",\"sex\":\"male\",\"age\":41,"
  "\"height_cm\":175.2,\"weight_kg\":88.4,\"body_fat_percent\":27.5,\"skeletal_muscle_mass_kg\":33.1,"
  "\"circumferences_cm\":{\"waist\":98.0,\"hip\":104.0,\"neck\":40.0}}";

/* Uploads test_api_scan_body_fmt's scan for @patient as @token. */
static void
upload_scan (const char *token, const char *patient)
{
  g_autofree char *scan = g_strdup_printf (test_api_scan_body_fmt, patient);
  g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "POST", "/api/scans/upload", token, scan);
  bz_api_expect (r, 201);
}

/* The planners' three patients (allergic to peanuts, as create_patient()
 * makes them), e-mails "@prefix-member", "-other" and "-bare" @test.local:
 * @patient, the first nutritionist's, with a scan (its member's token in
 * @member); @other, the second nutritionist's, with a scan; @bare, the first
 * nutritionist's, without one.  All (transfer full). */
void
test_api_planning_patients (const char *prefix, char **patient, char **member, char **other, char **bare)
{
  g_autofree char *e1 = g_strdup_printf ("%s-member@test.local", prefix);
  g_autofree char *e2 = g_strdup_printf ("%s-other@test.local", prefix);
  g_autofree char *e3 = g_strdup_printf ("%s-bare@test.local", prefix);
  g_autofree char *other_member = NULL, *bare_member = NULL;

  ensure_users ();
  *patient = create_patient (nutri_token, e1, member);
  *other = create_patient (nutri2_token, e2, &other_member);
  *bare = create_patient (nutri_token, e3, &bare_member);
  upload_scan (nutri_token, *patient);
  upload_scan (nutri2_token, *other);
}
