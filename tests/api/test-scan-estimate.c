/* test-scan-estimate.c — POST /api/scans/upload without a body-fat
 * measurement (issue 8): body_fat_percent and skeletal_muscle_mass_kg are
 * optional, the scan reports the body model's body_fat_percent_estimated
 * (null when body fat was measured), listings read it back, and the
 * refusals of the optional fields leave the store unchanged.  Part of
 * test-api's binary (its responses are checked against the OpenAPI
 * document). */
#include "bz-api-fixture.h"

#include <math.h>

#include "bz-body-model.h"

const char *test_api_nutri_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
void        test_scan_estimate_add_tests (void);

#define TAPE_ONLY \
  "{\"patient_id\":\"%s\",\"measured_at\":\"2026-06-01T09:00:00Z\",\"sex\":\"male\",\"age\":41," \
  "\"height_cm\":175.2,\"weight_kg\":88.4%s," \
  "\"circumferences_cm\":{\"waist\":98.0,\"hip\":104.0,\"neck\":40.0}}"

static void
test_scan_estimate (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *member = NULL;
  g_autofree char *pid = NULL;

  test_api_ensure_users ();
  pid = test_api_create_patient (test_api_nutri_token (), "scan-estimate@test.local", &member);

  /* Tape and scale only: an estimate, the same the model gives. */
  BzBodyMeasurements m = { .sex = BZ_SEX_MALE, .age_years = 41, .height_cm = 175.2, .weight_kg = 88.4,
                           .waist_cm = 98.0, .hip_cm = 104.0, .neck_cm = 40.0 };
  double expected = bz_body_model_implied_body_fat (&m);
  const char *absent[] = { "", ",\"body_fat_percent\":null,\"skeletal_muscle_mass_kg\":null" };
  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    {
      g_autofree char *body = g_strdup_printf (TAPE_ONLY, pid, absent[i]);
      g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/scans/upload", test_api_nutri_token (), body);
      g_assert_cmpuint (r->status, ==, 201);
      JsonObject *scan = json_object_get_object_member (bz_api_data (r), "scan");
      g_assert_true (json_object_get_null_member (scan, "body_fat_percent"));
      g_assert_true (json_object_get_null_member (scan, "skeletal_muscle_mass_kg"));
      double est = json_object_get_double_member (scan, "body_fat_percent_estimated");
      g_assert_cmpfloat (est, >, 15);
      g_assert_cmpfloat (est, <, 35);
      g_assert_cmpfloat (fabs (est - expected), <=, 0.05 + 1e-9);   /* written to 0.1 */
    }

  /* Measured body fat: no estimate. */
  {
    g_autofree char *body = g_strdup_printf (TAPE_ONLY, pid, ",\"body_fat_percent\":22.5,\"skeletal_muscle_mass_kg\":35");
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/scans/upload", test_api_nutri_token (), body);
    g_assert_cmpuint (r->status, ==, 201);
    JsonObject *scan = json_object_get_object_member (bz_api_data (r), "scan");
    g_assert_cmpfloat (json_object_get_double_member (scan, "body_fat_percent"), ==, 22.5);
    g_assert_true (json_object_get_null_member (scan, "body_fat_percent_estimated"));
  }

  /* The listing reads them back: newest first, so the measured one, then
   * the two estimated ones. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/scans?patient_id=%s", pid);
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", path, test_api_nutri_token (), NULL);
    g_assert_cmpuint (r->status, ==, 200);
    JsonArray *scans = json_object_get_array_member (bz_api_data (r), "scans");
    g_assert_cmpuint (json_array_get_length (scans), ==, 3);
    guint estimated = 0, measured = 0;
    for (guint i = 0; i < 3; i++)
      {
        JsonObject *s = json_array_get_object_element (scans, i);
        if (json_object_get_null_member (s, "body_fat_percent"))
          {
            g_assert_true (json_object_get_null_member (s, "skeletal_muscle_mass_kg"));
            g_assert_cmpfloat (fabs (json_object_get_double_member (s, "body_fat_percent_estimated") - expected), <=, 0.05 + 1e-9);
            estimated++;
          }
        else
          {
            g_assert_true (json_object_get_null_member (s, "body_fat_percent_estimated"));
            measured++;
          }
      }
    g_assert_cmpuint (estimated, ==, 2);
    g_assert_cmpuint (measured, ==, 1);
  }

  /* Refusals of the optional fields: out of range, wrong type, muscle not
   * less than weight; nothing stored. */
  {
    static const struct { const char *extra, *field; } bad[] = {
      { ",\"body_fat_percent\":0", "body_fat_percent" },
      { ",\"body_fat_percent\":80", "body_fat_percent" },
      { ",\"body_fat_percent\":\"high\"", "body_fat_percent" },
      { ",\"skeletal_muscle_mass_kg\":2", "skeletal_muscle_mass_kg" },
      { ",\"skeletal_muscle_mass_kg\":95,\"weight_kg\":60", "skeletal_muscle_mass_kg" },
    };
    gint64 scans = bz_api_count (api, "body_scans"), blobs = bz_api_count (api, "blobs");
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *body = g_strdup_printf (TAPE_ONLY, pid, bad[i].extra);
        g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/scans/upload", test_api_nutri_token (), body);
        g_assert_cmpuint (r->status, ==, 400);
        g_assert_true (bz_api_has_detail (r, bad[i].field));
      }
    g_assert_cmpint (bz_api_count (api, "body_scans"), ==, scans);
    g_assert_cmpint (bz_api_count (api, "blobs"), ==, blobs);
  }
}

void
test_scan_estimate_add_tests (void)
{
  g_test_add_func ("/api/scans/estimated-body-fat", test_scan_estimate);
}
