/* test-scan3d.c — POST /api/integrations/3d-scan (seed 000 story 4.4, issue
 * 11) on the real server with no remote 3D-scanning service: the embedded
 * body model makes the avatar (provider local, no fallback), the scan and
 * avatar are stored with versions 1 then 2, the avatar's URL serves a GLB,
 * and the member's GET /api/v1/users/me shows the latest avatar's URL and
 * version (staff: null).  Every refusal has its field detail and stores
 * nothing.  Part of test-api's binary (responses checked against the
 * OpenAPI document); the remote service and its fallback are
 * test-scan3d-remote.c's. */
#include "bz-api-fixture.h"

const char *test_api_nutri_token (void);
const char *test_api_nutri2_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
extern const char *test_api_scan_body_fmt;
void        test_scan3d_add_tests (void);

static char *s3_patient, *s3_member, *s3_other_patient, *s3_other_member;

static void
ensure_patients (void)
{
  if (s3_patient)
    return;
  test_api_ensure_users ();
  s3_patient = test_api_create_patient (test_api_nutri_token (), "scan3d-member@test.local", &s3_member);
  s3_other_patient = test_api_create_patient (test_api_nutri2_token (), "scan3d-other@test.local", &s3_other_member);
}

static void
test_scan3d_local (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *body = NULL, *url = NULL;

  ensure_patients ();
  /* Before any scan the member's profile has no avatar. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/v1/users/me", s3_member, NULL);
    bz_api_expect (r, 200);
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (bz_api_data (r), "avatar")));
  }
  body = g_strdup_printf (test_api_scan_body_fmt, s3_patient);
  for (guint version = 1; version <= 2; version++)
    {
      g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/integrations/3d-scan", test_api_nutri_token (), body);
      JsonObject *data, *avatar;
      bz_api_expect (r, 201);
      data = bz_api_data (r);
      avatar = json_object_get_object_member (data, "avatar");
      g_assert_cmpstr (json_object_get_string_member (data, "provider"), ==, "local");
      g_assert_cmpstr (json_object_get_string_member (data, "source"), ==, "local");
      g_assert_false (json_object_get_boolean_member (data, "fallback"));
      g_assert_cmpint (json_object_get_int_member (data, "avatar_version"), ==, version);
      g_assert_cmpstr (json_object_get_string_member (data, "avatar_url"), ==, json_object_get_string_member (avatar, "url"));
      g_assert_cmpstr (json_object_get_string_member (avatar, "provider"), ==, "local");
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (data, "scan"), "patient_id"), ==, s3_patient);
      g_free (url);
      url = g_strdup (json_object_get_string_member (data, "avatar_url"));
    }
  /* The URL serves the stored GLB. */
  {
    g_autofree char *plain = g_strconcat (url, "?lod=0&compression=none", NULL);
    g_autoptr(BzApiResponse) r = bz_api_call (api, "GET", plain, s3_member, NULL, NULL, 0, NULL);
    bz_api_expect (r, 200);
    g_assert_cmpuint (g_bytes_get_size (r->body), >, 12);
    g_assert_cmpmem (g_bytes_get_data (r->body, NULL), 4, "glTF", 4);
  }
  /* The member's profile: the latest avatar, its URL and version. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/v1/users/me", s3_member, NULL);
    JsonObject *avatar;
    bz_api_expect (r, 200);
    avatar = json_object_get_object_member (bz_api_data (r), "avatar");
    g_assert_nonnull (avatar);
    g_assert_cmpstr (json_object_get_string_member (avatar, "url"), ==, url);
    g_assert_cmpint (json_object_get_int_member (avatar, "version"), ==, 2);
  }
  /* A member for self. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/integrations/3d-scan", s3_other_member,
                                              "{\"measured_at\":\"2026-05-01\",\"sex\":\"female\",\"age\":35,"
                                              "\"height_cm\":162,\"weight_kg\":61}");
    bz_api_expect (r, 201);
    g_assert_cmpint (json_object_get_int_member (bz_api_data (r), "avatar_version"), ==, 1);
  }
  /* Staff have no avatar. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/v1/users/me", test_api_nutri_token (), NULL);
    bz_api_expect (r, 200);
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (bz_api_data (r), "avatar")));
  }
}

/* Each refusal: its status, its detail, and the scans, avatars and blobs as they were. */
static void
refuse (const char *token, const char *body, guint status, const char *detail)
{
  static const char *const tables[] = { "body_scans", "avatars", "blobs", NULL };
  bz_api_refuse (bz_api_shared (), "POST", "/api/integrations/3d-scan", token, body, status, detail, tables);
}

static void
test_scan3d_refusals (void)
{
  const char *nutri = test_api_nutri_token ();
  g_autofree char *b = NULL;

  ensure_patients ();
  refuse (NULL, "{}", 401, NULL);
  refuse (nutri, "[]", 400, NULL);
#define WITH(fmt) (g_free (b), b = g_strdup_printf ("{\"patient_id\":\"%s\",\"measured_at\":\"2026-06-01\"," fmt "}", s3_patient))
  refuse (nutri, WITH ("\"sex\":\"male\",\"age\":41,\"weight_kg\":80"), 400, "height_cm");
  refuse (nutri, WITH ("\"sex\":\"male\",\"age\":41,\"height_cm\":1.75,\"weight_kg\":80"), 400, "height_cm");
  refuse (nutri, WITH ("\"sex\":\"male\",\"age\":41,\"height_cm\":175,\"weight_kg\":\"80\""), 400, "weight_kg");
  refuse (nutri, WITH ("\"sex\":\"other\",\"age\":41,\"height_cm\":175,\"weight_kg\":80"), 400, "sex");
  refuse (nutri, WITH ("\"sex\":\"male\",\"age\":41,\"height_cm\":175,\"weight_kg\":80,\"circumferences_cm\":{\"elbow\":30}"),
          400, "circumferences_cm.elbow");
#undef WITH
  /* Another nutritionist's patient, or another member's: 404, as unknown. */
  g_free (b);
  b = g_strdup_printf (test_api_scan_body_fmt, s3_other_patient);
  refuse (nutri, b, 404, NULL);
  refuse (s3_member, b, 404, NULL);
  g_free (b);
  b = g_strdup_printf (test_api_scan_body_fmt, "00000000-0000-4000-8000-000000000000");
  refuse (nutri, b, 404, NULL);
}

void
test_scan3d_add_tests (void)
{
  g_test_add_func ("/api/integrations/3d-scan", test_scan3d_local);
  g_test_add_func ("/api/integrations/3d-scan/refusals", test_scan3d_refusals);
}
