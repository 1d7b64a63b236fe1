/* test-meal-detection.c — meal detection through an OpenAI-compatible
 * server, end to end (issue 11, seed 000 story 4.3): the shared server's
 * services are given the `openai` provider pointed at the fake server of
 * tests/bz-fake-openai.h, then POST /api/integrations/meal-detection and
 * POST /api/nutrition/upload-meal go through it.
 *
 * Run from test-api's binary, so its responses go through the OpenAPI
 * schema check; the provider it configures on the shared services is
 * dropped when the test ends (bz_integrations_drop_openai()), so no later
 * test sees it, whatever their order. */
#include "bz-api-fixture.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>

#include "../bz-fake-openai.h"
#include "bz-integration-service.h"

const char *test_api_nutri_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
void        test_meal_detection (void);

#define MODEL "gpt-4o-mini"
#define KEY "sk-balanza-test-42"

/* Photos of 1600 x 1200: larger than the display copy (1280 px), which is sent at 1024 px. */
#define PHOTO_W 1600
#define PHOTO_H 1200

static BzApiResponse *
post_form (BzApi *api, const char *path, const char *token, GBytes *image, const char *meal_type, const char *locale)
{
  g_autoptr(SoupMultipart) mp = soup_multipart_new ("multipart/form-data");
  g_autoptr(SoupMessageHeaders) h = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GBytes) body = NULL;

  if (image)
    soup_multipart_append_form_file (mp, "image", "plate.jpg", "image/jpeg", image);
  if (meal_type)
    soup_multipart_append_form_string (mp, "meal_type", meal_type);
  if (locale)
    soup_multipart_append_form_string (mp, "locale", locale);
  soup_multipart_to_message (mp, h, &body);
  return bz_api_call (api, "POST", path, token, soup_message_headers_get_one (h, "Content-Type"),
                      g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL);
}

static double
energy_of (JsonObject *nutrients)
{
  return json_object_get_double_member (nutrients, "energy_kcal");
}

void
test_meal_detection (void)
{
  static const char *const good[] = { "detect", NULL }, *const malformed[] = { "malformed", NULL },
                           *const down[] = { "500", NULL };
  BzApi *api = bz_api_shared ();
  BzFakeOpenAI *fake = bz_fake_openai_start (MODEL, KEY);
  BzOpenAISettings settings = { (char *) bz_fake_openai_url (fake), MODEL, KEY, 20.0, 80.0, 100.0, TRUE };
  g_autofree char *member = NULL, *patient = NULL, *shape = NULL;
  g_autoptr(GBytes) plate = bz_api_jpeg (PHOTO_W, PHOTO_H, 0xc08040ffu), other = bz_api_jpeg (PHOTO_W, PHOTO_H, 0x40a060ffu), third = bz_api_jpeg (PHOTO_W, PHOTO_H, 0x2040c0ffu);
  g_autoptr(GError) error = NULL;
  BzResilientConfig cfg;
  gint64 meals;

  test_api_ensure_users ();
  bz_resilient_config_init (&cfg);
  cfg.max_attempts = 1;   /* a 500 is not retried here: the unit test covers retries */
  g_assert_true (bz_integrations_use_openai (api->services, &settings, &cfg, NULL, &error));
  g_assert_no_error (error);
  g_test_queue_destroy ((GDestroyNotify) bz_integrations_drop_openai, api->services);
  patient = test_api_create_patient (test_api_nutri_token (), "detect-member@test.local", &member);
  meals = bz_api_count (api, "meal_logs");

  /* Refusals: nothing sent to the service, nothing stored. */
  {
    g_autoptr(GBytes) text = g_bytes_new_static ("not a photo at all", 18);
    g_autoptr(BzApiResponse) anon = post_form (api, "/api/integrations/meal-detection", NULL, plate, "lunch", NULL);
    g_autoptr(BzApiResponse) none = post_form (api, "/api/integrations/meal-detection", member, NULL, "lunch", NULL);
    g_autoptr(BzApiResponse) type = post_form (api, "/api/integrations/meal-detection", member, plate, "brunch", NULL);
    g_autoptr(BzApiResponse) untyped = post_form (api, "/api/integrations/meal-detection", member, plate, NULL, NULL);
    g_autoptr(BzApiResponse) locale = post_form (api, "/api/integrations/meal-detection", member, plate, "lunch", "fr");
    g_autoptr(BzApiResponse) garbage = post_form (api, "/api/integrations/meal-detection", member, text, "lunch", NULL);
    g_autoptr(BzApiResponse) json = bz_api_json (api, "POST", "/api/integrations/meal-detection", member, "{}");

    bz_fake_openai_script (fake, good);
    g_assert_cmpuint (anon->status, ==, 401);
    g_assert_cmpuint (none->status, ==, 400);
    g_assert_true (bz_api_has_detail (none, "image"));
    g_assert_cmpuint (type->status, ==, 400);
    g_assert_true (bz_api_has_detail (type, "meal_type"));
    g_assert_cmpuint (untyped->status, ==, 400);
    g_assert_true (bz_api_has_detail (untyped, "meal_type"));
    g_assert_cmpuint (locale->status, ==, 400);
    g_assert_true (bz_api_has_detail (locale, "locale"));
    g_assert_cmpuint (garbage->status, ==, 415);
    g_assert_cmpuint (json->status, ==, 415);
    g_assert_cmpuint (bz_fake_openai_requests (fake), ==, 0);
    g_assert_cmpint (bz_api_count (api, "meal_logs"), ==, meals);
  }

  /* A good detection: the foods matched to USDA, their nutrients from SR28
   * for the grams, the total their sum; nothing stored. */
  {
    g_autoptr(BzApiResponse) r = post_form (api, "/api/integrations/meal-detection", member, plate, "comida", "es-MX");
    JsonObject *d;
    JsonArray *foods;
    double sum = 0;

    g_assert_cmpuint (r->status, ==, 200);
    shape = bz_fake_openai_dup_shape_error (fake);
    g_assert_cmpstr (shape, ==, NULL);
    g_assert_cmpint (bz_fake_openai_image_width (fake), ==, 1024);
    d = bz_api_data (r);
    g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "detected");
    g_assert_cmpstr (json_object_get_string_member (d, "provider"), ==, "openai");
    g_assert_cmpstr (json_object_get_string_member (d, "source"), ==, "remote");
    g_assert_true (json_object_get_null_member (d, "message"));
    foods = json_object_get_array_member (d, "foods");
    g_assert_cmpuint (json_array_get_length (foods), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        JsonObject *f = json_array_get_object_element (foods, i);
        g_assert_false (json_object_get_null_member (f, "ndb_no"));   /* matched by the food search */
        g_assert_cmpfloat (energy_of (json_object_get_object_member (f, "nutrients")), >, 0);
        sum += energy_of (json_object_get_object_member (f, "nutrients"));
      }
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (foods, 0), "name"), ==, "Arroz blanco");
    g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (foods, 0), "grams"), ==, 150);
    g_assert_cmpfloat (fabs (energy_of (json_object_get_object_member (d, "total")) - sum), <, 0.2);
    g_assert_cmpint (bz_api_count (api, "meal_logs"), ==, meals);
  }

  /* A malformed answer for another photo: manual entry, 200, with why. */
  {
    g_autoptr(BzApiResponse) r = NULL;
    JsonObject *d;

    bz_fake_openai_script (fake, malformed);
    r = post_form (api, "/api/integrations/meal-detection", member, other, "lunch", NULL);
    g_assert_cmpuint (r->status, ==, 200);
    d = bz_api_data (r);
    g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "manual_entry_required");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "foods")), ==, 0);
    g_assert_true (json_object_get_null_member (d, "total"));
    g_assert_false (json_object_get_null_member (d, "message"));
    g_assert_cmpuint (bz_fake_openai_requests (fake), ==, 1);
  }

  /* upload-meal: the photo through detection, its matches stored as the meal's foods. */
  {
    g_autoptr(BzApiResponse) r = NULL;
    JsonObject *meal, *detection;

    bz_fake_openai_script (fake, good);
    r = post_form (api, "/api/nutrition/upload-meal", member, third, "dinner", NULL);
    g_assert_cmpuint (r->status, ==, 201);
    meal = json_object_get_object_member (bz_api_data (r), "meal");
    detection = json_object_get_object_member (bz_api_data (r), "detection");
    g_assert_cmpstr (json_object_get_string_member (detection, "status"), ==, "detected");
    g_assert_cmpstr (json_object_get_string_member (meal, "detection_status"), ==, "detected");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meal, "items")), ==, 2);
    g_assert_cmpint (bz_api_count (api, "meal_logs"), ==, meals + 1);
  }

  /* The service down (500): the meal and its photo are stored all the
   * same, pending: a job analyses it later (test-meal-detection-later.c). */
  {
    g_autoptr(GBytes) fourth = bz_api_jpeg (PHOTO_W, PHOTO_H, 0x808080ffu);
    g_autoptr(BzApiResponse) r = NULL;
    JsonObject *meal, *detection;

    bz_fake_openai_script (fake, down);
    r = post_form (api, "/api/nutrition/upload-meal", member, fourth, "snack", NULL);
    g_assert_cmpuint (r->status, ==, 201);
    meal = json_object_get_object_member (bz_api_data (r), "meal");
    detection = json_object_get_object_member (bz_api_data (r), "detection");
    g_assert_cmpstr (json_object_get_string_member (detection, "status"), ==, "pending");
    g_assert_cmpstr (json_object_get_string_member (meal, "detection_status"), ==, "pending");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meal, "items")), ==, 0);
    g_assert_cmpint (bz_api_count (api, "meal_logs"), ==, meals + 2);
    g_assert_cmpuint (bz_fake_openai_requests (fake), ==, 1);
  }

  /* Health: the provider, its 4 calls and their cost: 2 good answers x 0.036
   * MXN (a malformed answer and a 500 count no cost). */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/integrations/health", test_api_nutri_token (), NULL);
    JsonArray *providers;
    gboolean seen = FALSE;

    g_assert_cmpuint (r->status, ==, 200);
    providers = json_object_get_array_member (bz_api_data (r), "providers");
    for (guint i = 0; i < json_array_get_length (providers); i++)
      {
        JsonObject *p = json_array_get_object_element (providers, i);
        if (g_strcmp0 (json_object_get_string_member (p, "kind"), "meal_detection") != 0)
          continue;
        seen = TRUE;
        g_assert_cmpstr (json_object_get_string_member (p, "name"), ==, "openai");
        g_assert_cmpint (json_object_get_int_member (p, "attempts"), ==, 4);
        g_assert_cmpfloat (fabs (json_object_get_double_member (p, "quota_cost_used") - 0.072), <, 1e-6);
        g_assert_cmpfloat (json_object_get_double_member (p, "quota_cost_limit"), ==, 100);
      }
    g_assert_true (seen);
  }

  g_clear_pointer (&shape, g_free);
  shape = bz_fake_openai_dup_shape_error (fake);
  g_assert_cmpstr (shape, ==, NULL);
  bz_fake_openai_stop (fake);
}
