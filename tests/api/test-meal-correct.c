/* test-meal-correct.c — POST /api/nutrition/correct-meal (seed 000 story 4.3
 * AC 5-6): one meal corrected with the user's foods, or its photo analysed
 * again, and nothing else changed; and the photos of POST
 * /api/upload/meal-images through the fake OpenAI-compatible server of
 * tests/bz-fake-openai.h (upload-meal, meal-detection, correct-meal by
 * image_id).
 *
 * test_meal_correct_local() runs with no meal-detection service configured
 * (before test-meal-detection.c); test_meal_correct_openai() runs after
 * test-meal-detection-later.c and points the provider at its own fake. */
#include "test-meal-images.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>

#include "../bz-fake-openai.h"
#include "bz-integration-service.h"

const char *test_api_nutri_token (void);
const char *test_api_nutri2_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
void        test_meal_correct_local (void);
void        test_meal_correct_openai (void);

#define MODEL "gpt-4o-mini"
#define KEY "sk-balanza-test-42"

/* Photos of 1600 x 1200: larger than the display copy (1280 px), which is sent at 1024 px. */
#define PHOTO_W 1600
#define PHOTO_H 1200

static JsonObject *
meal_of (BzApiResponse *r)
{
  return json_object_get_object_member (bz_api_data (r), "meal");
}

static JsonObject *
detection_of (BzApiResponse *r)
{
  return json_object_get_object_member (bz_api_data (r), "detection");
}

static double
kcal_of (JsonObject *meal)
{
  return json_object_get_double_member (json_object_get_object_member (meal, "nutrition"), "energy_kcal");
}

static guint
n_items (JsonObject *meal)
{
  return json_array_get_length (json_object_get_array_member (meal, "items"));
}

/* Logs a meal with @items typed in; returns its id. */
static char *
log_meal (const char *token, GBytes *image, const char *meal_type, const char *items)
{
  g_autoptr(BzApiResponse) r = test_meal_images_form ("/api/nutrition/upload-meal", token, image, NULL, meal_type, items);

  g_assert_cmpuint (r->status, ==, 201);
  return g_strdup (json_object_get_string_member (meal_of (r), "id"));
}

static BzApiResponse *
correct (const char *token, const char *body)
{
  return bz_api_json (bz_api_shared (), "POST", "/api/nutrition/correct-meal", token, body);
}

/* The meal @meal_id of the member's day: its JSON text (items, nutrition, status, photo). */
static char *
meal_text (const char *token, const char *meal_id)
{
  g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "GET", "/api/nutrition/daily", token, NULL);
  JsonArray *meals = json_object_get_array_member (bz_api_data (r), "meals");

  for (guint i = 0; i < json_array_get_length (meals); i++)
    {
      JsonObject *m = json_array_get_object_element (meals, i);
      if (g_strcmp0 (json_object_get_string_member (m, "id"), meal_id) == 0)
        {
          g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), m);
          return json_to_string (node, FALSE);
        }
    }
  g_error ("meal %s is not in the day", meal_id);
}

static double
day_kcal (const char *token)
{
  g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "GET", "/api/nutrition/daily", token, NULL);
  return json_object_get_double_member (json_object_get_object_member (bz_api_data (r), "intake"), "energy_kcal");
}

static char *
photo_etag (const char *token, const char *meal_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/meals/%s/photo", meal_id);
  g_autoptr(BzApiResponse) r = bz_api_call (bz_api_shared (), "GET", path, token, NULL, NULL, 0, NULL);

  g_assert_cmpuint (r->status, ==, 200);
  return g_strdup (soup_message_headers_get_one (r->headers, "ETag"));
}

void
test_meal_correct_local (void)
{
  g_autofree char *member = NULL, *other = NULL, *patient = NULL, *p2 = NULL, *a = NULL, *b = NULL, *theirs = NULL;
  g_autofree char *b_before = NULL, *foreign_image = NULL;
  g_autoptr(GBytes) pa = bz_api_jpeg (PHOTO_W, PHOTO_H, 0xa05020ffu), pb = bz_api_jpeg (PHOTO_W, PHOTO_H, 0x20a050ffu), po = bz_api_jpeg (PHOTO_W, PHOTO_H, 0x5020a0ffu);
  gint64 before[5];
  double day0;

  test_api_ensure_users ();
  patient = test_api_create_patient (test_api_nutri_token (), "correct-member@test.local", &member);
  p2 = test_api_create_patient (test_api_nutri_token (), "correct-other@test.local", &other);
  /* Two lunches the same day: 100 g butter (717 kcal) and 200 g rice (260 kcal). */
  a = log_meal (member, pa, "lunch", "[{\"ndb_no\":\"01001\",\"grams\":100}]");
  b = log_meal (member, pb, "lunch", "[{\"ndb_no\":\"20045\",\"grams\":200}]");
  theirs = log_meal (other, po, "lunch", "[{\"ndb_no\":\"20045\",\"grams\":100}]");
  foreign_image = test_meal_images_upload_one (other, po);
  day0 = day_kcal (member);
  b_before = meal_text (member, b);

  /* Refusals: the store and both meals unchanged. */
  test_meal_images_counts (before);
  {
    g_autofree char *foreign = g_strdup_printf ("{\"meal_id\":\"%s\",\"items\":[{\"ndb_no\":\"20045\",\"grams\":50}]}", theirs);
    g_autofree char *unknown_food = g_strdup_printf ("{\"meal_id\":\"%s\",\"items\":[{\"ndb_no\":\"99999\",\"grams\":50}]}", a);
    g_autofree char *negative = g_strdup_printf ("{\"meal_id\":\"%s\",\"items\":[{\"ndb_no\":\"20045\",\"grams\":-5}]}", a);
    g_autofree char *wrong_type = g_strdup_printf ("{\"meal_id\":\"%s\",\"items\":\"arroz\"}", a);
    g_autofree char *extra = g_strdup_printf ("{\"meal_id\":\"%s\",\"calories\":100}", a);
    g_autofree char *image = g_strdup_printf ("{\"meal_id\":\"%s\",\"image_id\":\"%s\"}", a, foreign_image);
    g_autofree char *ok = g_strdup_printf ("{\"meal_id\":\"%s\",\"items\":[{\"ndb_no\":\"20045\",\"grams\":50}]}", a);
    g_autoptr(BzApiResponse) r1 = correct (member, foreign);
    g_autoptr(BzApiResponse) r2 = correct (member, "{\"meal_id\":\"00000000-0000-4000-8000-000000000000\"}");
    g_autoptr(BzApiResponse) r3 = correct (member, "{\"meal_id\":\"not-a-uuid\"}");
    g_autoptr(BzApiResponse) r4 = correct (member, unknown_food);
    g_autoptr(BzApiResponse) r5 = correct (member, negative);
    g_autoptr(BzApiResponse) r6 = correct (member, wrong_type);
    g_autoptr(BzApiResponse) r7 = correct (member, extra);
    g_autoptr(BzApiResponse) r8 = correct (member, image);
    g_autoptr(BzApiResponse) r9 = correct (test_api_nutri2_token (), ok);
    g_autoptr(BzApiResponse) r10 = correct (NULL, ok);
    g_autoptr(BzApiResponse) r11 = correct (member, "{}");
    g_autoptr(BzApiResponse) r12 = bz_api_call (bz_api_shared (), "POST", "/api/nutrition/correct-meal", member,
                                                "application/json", "{\"meal_id\":", 11, NULL);

    test_meal_images_refused (r1, 404, "NOT_FOUND", NULL, NULL);
    test_meal_images_refused (r2, 404, "NOT_FOUND", NULL, NULL);
    test_meal_images_refused (r3, 400, "VALIDATION_ERROR", "meal_id", "invalid_format");
    test_meal_images_refused (r4, 400, "VALIDATION_ERROR", "items[0].ndb_no", "unknown_food");
    test_meal_images_refused (r5, 400, "VALIDATION_ERROR", "items[0].grams", "out_of_range");
    test_meal_images_refused (r6, 400, "VALIDATION_ERROR", "items", "invalid_type");
    test_meal_images_refused (r7, 400, "VALIDATION_ERROR", "calories", "unknown_field");
    test_meal_images_refused (r8, 404, "NOT_FOUND", "image_id", "not_found");
    test_meal_images_refused (r9, 404, "NOT_FOUND", NULL, NULL);   /* not that nutritionist's patient */
    test_meal_images_refused (r10, 401, "UNAUTHENTICATED", NULL, NULL);
    test_meal_images_refused (r11, 400, "VALIDATION_ERROR", "meal_id", "required");
    g_assert_cmpuint (r12->status, ==, 400);
  }
  test_meal_images_assert_unchanged (before);
  g_assert_cmpfloat (day_kcal (member), ==, day0);

  /* The user's foods: meal A becomes 150 g rice (195 kcal); B and the
   * rest of the day unchanged; sent again, the same. */
  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *body = g_strdup_printf ("{\"meal_id\":\"%s\",\"items\":[{\"ndb_no\":\"20045\",\"grams\":150}]}", a);
      g_autoptr(BzApiResponse) r = correct (member, body);
      g_autofree char *b_now = NULL;
      JsonObject *meal;

      g_assert_cmpuint (r->status, ==, 200);
      meal = meal_of (r);
      g_assert_cmpstr (json_object_get_string_member (meal, "id"), ==, a);
      g_assert_cmpuint (n_items (meal), ==, 1);
      g_assert_cmpfloat (fabs (kcal_of (meal) - 195), <, 0.1);
      g_assert_cmpstr (json_object_get_string_member (meal, "detection_status"), ==, "manual");
      g_assert_cmpstr (json_object_get_string_member (detection_of (r), "status"), ==, "manual");
      g_assert_false (json_object_get_null_member (meal, "photo_url"));   /* the photo stays */
      b_now = meal_text (member, b);
      g_assert_cmpstr (b_now, ==, b_before);
      g_assert_cmpfloat (fabs (day_kcal (member) - (day0 - 717 + 195)), <, 0.2);
      g_assert_cmpint (bz_api_count (bz_api_shared (), "meal_logs"), ==, before[1]);
      g_assert_cmpint (bz_api_count (bz_api_shared (), "meal_items"), ==, before[2]);
    }

  /* Analysed again with no service configured: the local detector proposes
   * the patient's earlier lunches (A, now rice); meal B is left as it was. */
  {
    g_autofree char *body = g_strdup_printf ("{\"meal_id\":\"%s\"}", b);
    g_autoptr(BzApiResponse) r = correct (member, body);
    g_autofree char *b_now = meal_text (member, b);
    JsonObject *d;
    JsonArray *proposals;

    g_assert_cmpuint (r->status, ==, 200);
    d = detection_of (r);
    g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "manual_entry_required");
    proposals = json_object_get_array_member (d, "proposals");
    g_assert_nonnull (proposals);
    g_assert_cmpuint (json_array_get_length (proposals), >=, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (proposals, 0), "meal_id"), ==, a);
    g_assert_cmpstr (b_now, ==, b_before);
  }

  /* The nutritionist corrects the patient's meal B; a new photo of the
   * caller's by image_id becomes A's bz_api_jpeg (PHOTO_W, PHOTO_H, no service: the foods stay). */
  {
    g_autofree char *body = g_strdup_printf ("{\"meal_id\":\"%s\",\"items\":[{\"ndb_no\":\"20045\",\"grams\":180}]}", b);
    g_autoptr(BzApiResponse) r = correct (test_api_nutri_token (), body);
    g_autoptr(GBytes) fresh = bz_api_jpeg (PHOTO_W, PHOTO_H, 0x707070ffu);
    g_autofree char *image = test_meal_images_upload_one (member, fresh);
    g_autofree char *photo_body = g_strdup_printf ("{\"meal_id\":\"%s\",\"image_id\":\"%s\"}", a, image);
    g_autofree char *etag0 = photo_etag (member, a), *etag1 = NULL;
    g_autoptr(BzApiResponse) p = NULL;

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpfloat (fabs (kcal_of (meal_of (r)) - 234), <, 0.1);
    p = correct (member, photo_body);
    g_assert_cmpuint (p->status, ==, 200);
    g_assert_cmpuint (n_items (meal_of (p)), ==, 1);
    etag1 = photo_etag (member, a);
    g_assert_cmpstr (etag0, !=, etag1);
  }
}

void
test_meal_correct_openai (void)
{
  static const char *const good[] = { "detect", NULL }, *const down[] = { "500", NULL };
  BzApi *api = bz_api_shared ();
  BzFakeOpenAI *fake = bz_fake_openai_start (MODEL, KEY);
  BzOpenAISettings settings = { (char *) bz_fake_openai_url (fake), MODEL, KEY, 20.0, 80.0, 100.0, TRUE };
  g_autofree char *member = NULL, *patient = NULL, *first = NULL, *m2 = NULL, *m3 = NULL, *m1_before = NULL;
  g_autofree char *m5 = NULL, *m5_before = NULL, *shape = NULL, *i1 = NULL, *i4 = NULL;
  g_autoptr(GBytes) p1 = bz_api_jpeg (PHOTO_W, PHOTO_H, 0x913a2cffu), p2 = bz_api_jpeg (PHOTO_W, PHOTO_H, 0x2c913affu), p3 = bz_api_jpeg (PHOTO_W, PHOTO_H, 0x3a2c91ffu), p4 = bz_api_jpeg (PHOTO_W, PHOTO_H, 0x919191ffu);
  g_autoptr(GBytes) p5 = bz_api_jpeg (PHOTO_W, PHOTO_H, 0x1f6f4fffu);
  g_autoptr(GError) error = NULL;
  BzResilientConfig cfg;

  test_api_ensure_users ();
  bz_resilient_config_init (&cfg);
  cfg.max_attempts = 1;   /* a 500 is not retried here: the unit test covers retries */
  g_assert_true (bz_integrations_use_openai (api->services, &settings, &cfg, NULL, &error));
  g_assert_no_error (error);
  g_test_queue_destroy ((GDestroyNotify) bz_integrations_drop_openai, api->services);
  patient = test_api_create_patient (test_api_nutri_token (), "correct-openai@test.local", &member);

  /* A photo stored ahead, then detected by id: the service sees its display
   * copy at 1024 px; then logged by id, detected, with the foods found. */
  bz_fake_openai_script (fake, good);
  i1 = test_meal_images_upload_one (member, p1);
  {
    g_autoptr(BzApiResponse) d = test_meal_images_form ("/api/integrations/meal-detection", member, NULL, i1, "lunch", NULL);
    g_autoptr(BzApiResponse) r = NULL;

    g_assert_cmpuint (d->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (d), "status"), ==, "detected");
    g_assert_cmpint (bz_fake_openai_image_width (fake), ==, 1024);
    r = test_meal_images_form ("/api/nutrition/upload-meal", member, NULL, i1, "lunch", NULL);
    g_assert_cmpuint (r->status, ==, 201);
    g_assert_cmpstr (json_object_get_string_member (meal_of (r), "detection_status"), ==, "detected");
    g_assert_cmpuint (n_items (meal_of (r)), ==, 2);
    first = g_strdup (json_object_get_string_member (meal_of (r), "id"));
  }
  m1_before = meal_text (member, first);

  /* A meal typed by hand (100 g butter), analysed again: the detected foods
   * replace its own; the other meal is unchanged. */
  m2 = log_meal (member, p2, "dinner", "[{\"ndb_no\":\"01001\",\"grams\":100}]");
  {
    g_autofree char *body = g_strdup_printf ("{\"meal_id\":\"%s\"}", m2);
    g_autoptr(BzApiResponse) r = NULL;
    g_autofree char *m1_now = NULL;

    bz_fake_openai_script (fake, good);
    r = correct (member, body);
    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (detection_of (r), "status"), ==, "detected");
    g_assert_cmpstr (json_object_get_string_member (meal_of (r), "detection_status"), ==, "detected");
    g_assert_cmpuint (n_items (meal_of (r)), ==, 2);
    g_assert_cmpfloat (fabs (kcal_of (meal_of (r)) - 717), >, 1);
    m1_now = meal_text (member, first);
    g_assert_cmpstr (m1_now, ==, m1_before);
  }

  /* A new photo by image_id: it becomes the meal's and is analysed. */
  bz_fake_openai_script (fake, good);
  m3 = log_meal (member, p3, "snack", "[{\"ndb_no\":\"20045\",\"grams\":120}]");
  i4 = test_meal_images_upload_one (member, p4);
  {
    g_autofree char *body = g_strdup_printf ("{\"meal_id\":\"%s\",\"image_id\":\"%s\"}", m3, i4);
    g_autofree char *etag0 = photo_etag (member, m3), *etag1 = NULL;
    g_autoptr(BzApiResponse) r = correct (member, body), again = NULL;

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (meal_of (r), "detection_status"), ==, "detected");
    g_assert_cmpuint (n_items (meal_of (r)), ==, 2);
    etag1 = photo_etag (member, m3);
    g_assert_cmpstr (etag0, !=, etag1);
    /* The same correction again: the same meal. */
    again = correct (member, body);
    g_assert_cmpuint (again->status, ==, 200);
    g_assert_cmpuint (n_items (meal_of (again)), ==, 2);
    g_assert_cmpfloat (kcal_of (meal_of (again)), ==, kcal_of (meal_of (r)));
  }

  /* Last, the service down for a photo it never saw (the kind's wrapper of
   * test-meal-detection.c stays registered with its breaker, which these
   * failures may open): the meal stays usable as it was, its photo kept,
   * and the answer says why. */
  bz_fake_openai_script (fake, down);
  m5 = log_meal (member, p5, "snack", "[{\"ndb_no\":\"20045\",\"grams\":120}]");
  m5_before = meal_text (member, m5);
  {
    g_autofree char *body = g_strdup_printf ("{\"meal_id\":\"%s\"}", m5);
    g_autoptr(BzApiResponse) r = correct (member, body);
    g_autofree char *m5_now = meal_text (member, m5);
    JsonObject *d;

    g_assert_cmpuint (r->status, ==, 200);
    d = detection_of (r);
    g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "manual_entry_required");
    g_assert_false (json_object_get_null_member (d, "message"));
    g_assert_cmpstr (m5_now, ==, m5_before);
    g_assert_false (json_object_get_null_member (meal_of (r), "photo_url"));
  }

  shape = bz_fake_openai_dup_shape_error (fake);
  g_assert_cmpstr (shape, ==, NULL);
  bz_fake_openai_stop (fake);
}
