/* test-recognize-food.c — POST /api/v1/ai/recognize-food end to end (issue
 * 11; seed 002 §4.7, §6.5), on the real server over a real SQLite file:
 *   - test_recognize_food_local(): with no vision service configured: every
 *     refusal (nothing sent, nothing stored), and the fallback: the local
 *     provider's proposals of a member's earlier meals, or an empty result
 *     left to manual entry.  test-api runs it before any provider is
 *     configured (its every-operation check sees the route);
 *   - test_recognize_food_remote(): through the `openai` provider pointed
 *     at tests/bz-fake-openai.h: a Mexican plate's foods matched to
 *     Balanza's, with household measures, nutrition and SMAE equivalents;
 *     a food Balanza lacks; malformed and schema-breaking answers, and the
 *     service down: never a 5xx.  Run by its own binary
 *     (test-recognize-food-main.c), so that the provider's breaker and
 *     cache are this test's alone.
 * Every response is checked against the OpenAPI document as it arrives
 * (bz-api-fixture.c). */
#include "bz-api-fixture.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <string.h>

#include "../bz-fake-openai.h"
#include "../bz-test-util.h"
#include "bz-integration-service.h"
#include "bz-limits.h"

const char *test_api_nutri_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
void        test_recognize_food_local (void);
void        test_recognize_food_remote (void);

#define PATH "/api/v1/ai/recognize-food"
#define MODEL "gpt-4o-mini"
#define KEY "sk-balanza-test-42"

static BzApiResponse *
post_photo (const char *path, const char *token, GBytes *image, const char *meal_type, const char *locale,
            const char *items)
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
  if (items)
    soup_multipart_append_form_string (mp, "items", items);
  soup_multipart_to_message (mp, h, &body);
  return bz_api_call (bz_api_shared (), "POST", path, token, soup_message_headers_get_one (h, "Content-Type"),
                      g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL);
}

static BzApiResponse *
recognize (const char *token, GBytes *image, const char *meal_type)
{
  return post_photo (PATH, token, image, meal_type, NULL, NULL);
}

/* A refusal: @status, @code, and a detail on @field with @issue. */
static void
refused (BzApiResponse *r, guint status, const char *code, const char *field, const char *issue)
{
  JsonArray *details;
  gboolean seen = FALSE;

  g_assert_cmpuint (r->status, ==, status);
  g_assert_cmpstr (bz_api_error_code (r), ==, code);
  if (field == NULL)
    return;
  details = json_object_get_array_member (json_object_get_object_member (json_node_get_object (r->json), "error"),
                                          "details");
  for (guint i = 0; details && i < json_array_get_length (details); i++)
    {
      JsonObject *d = json_array_get_object_element (details, i);
      seen |= g_strcmp0 (json_object_get_string_member (d, "field"), field) == 0 &&
              g_strcmp0 (json_object_get_string_member (d, "issue"), issue) == 0;
    }
  g_assert_true (seen);
}

/* An earlier lunch of @items, @days ago at this hour. */
static void
earlier_lunch (const char *token, const char *items, int days)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(GBytes) plate = bz_api_jpeg (800, 600, 0x101010ffu + ((guint32) days << 8));
  g_autoptr(BzApiResponse) r = post_photo ("/api/nutrition/upload-meal", token, plate, "lunch", NULL, items);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) back = g_date_time_add_days (now, -days);
  g_autofree char *when = g_date_time_format (back, "{\"eaten_at\":\"%Y-%m-%dT%H:%M:%S%:z\"}");
  g_autofree char *path = NULL;
  g_autoptr(BzApiResponse) moved = NULL;

  g_assert_cmpuint (r->status, ==, 201);
  path = g_strdup_printf ("/api/v1/meals/%s",
                          json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "meal"), "id"));
  moved = bz_api_json (api, "PATCH", path, token, when);
  g_assert_cmpuint (moved->status, ==, 200);
}

/* Nothing recognized: status manual_entry_required with a message, no foods,
 * no totals; returns the proposals. */
static JsonArray *
assert_manual (BzApiResponse *r)
{
  JsonObject *d;

  g_assert_cmpuint (r->status, ==, 200);
  d = bz_api_data (r);
  g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "manual_entry_required");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "recognized_foods")), ==, 0);
  g_assert_true (json_object_get_null_member (d, "total_nutrition"));
  g_assert_false (json_object_get_null_member (d, "message"));
  g_assert_cmpfloat (json_object_get_double_member (d, "confidence_score"), ==, 0);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (d, "equivalents"),
                                                    "cereales_sin_grasa"), ==, 0);
  return json_object_get_array_member (d, "proposals");
}

/* Nothing stored by recognize-food: the meals, their foods and photos. */
typedef struct { gint64 meals, items, blobs; } Counts;

static Counts
counts (void)
{
  BzApi *api = bz_api_shared ();
  return (Counts) { bz_api_count (api, "meal_logs"), bz_api_count (api, "meal_items"), bz_api_count (api, "blobs") };
}

static void
assert_unchanged (Counts before)
{
  Counts now = counts ();
  g_assert_cmpint (now.meals, ==, before.meals);
  g_assert_cmpint (now.items, ==, before.items);
  g_assert_cmpint (now.blobs, ==, before.blobs);
}

void
test_recognize_food_local (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *member = NULL, *patient = NULL, *fresh = NULL, *fresh_patient = NULL;
  g_autoptr(GBytes) plate = bz_api_jpeg (800, 600, 0x607080ffu);
  Counts before;

  test_api_ensure_users ();
  g_assert_false (bz_integrations_has_detector (api->services));
  patient = test_api_create_patient (test_api_nutri_token (), "recognize-member@test.local", &member);
  fresh_patient = test_api_create_patient (test_api_nutri_token (), "recognize-fresh@test.local", &fresh);
  earlier_lunch (member, "[{\"ndb_no\":\"20045\",\"grams\":150}]", 1);
  earlier_lunch (member, "[{\"ndb_no\":\"20045\",\"grams\":180}]", 2);
  before = counts ();

  /* Refusals, before anything is decoded or sent. */
  {
    g_autoptr(GBytes) text = g_bytes_new_static ("GIF89a no soy una foto", 22);
    g_autoptr(GBytes) cut = g_bytes_new_static ("\xFF\xD8\xFF\xE0 truncated jpeg", 20);
    g_autoptr(GBytes) bomb = bz_test_png_claiming (65535, 65535);
    g_autoptr(GBytes) jpeg = bz_api_test_jpeg ();
    gsize len = BZ_PHOTO_MAX_BYTES + 1024;
    guint8 *big = g_malloc0 (len);
    g_autoptr(GBytes) oversize = NULL;
    g_autoptr(BzApiResponse) anon = recognize (NULL, plate, "comida");
    g_autoptr(BzApiResponse) none = recognize (member, NULL, "comida");
    g_autoptr(BzApiResponse) type = recognize (member, plate, "brunch");
    g_autoptr(BzApiResponse) locale = post_photo (PATH, member, plate, "lunch", "fr", NULL);
    g_autoptr(BzApiResponse) garbage = recognize (member, text, "lunch");
    g_autoptr(BzApiResponse) truncated = recognize (member, cut, "lunch");
    g_autoptr(BzApiResponse) bombed = recognize (member, bomb, "lunch");
    g_autoptr(BzApiResponse) large = NULL;
    g_autoptr(BzApiResponse) json = bz_api_json (api, "POST", PATH, member, "{\"meal_type\":\"lunch\"}");

    memcpy (big, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg));
    oversize = g_bytes_new_take (big, len);
    large = recognize (member, oversize, "lunch");
    refused (anon, 401, "UNAUTHENTICATED", NULL, NULL);
    refused (none, 400, "VALIDATION_ERROR", "image", "required");
    refused (type, 400, "VALIDATION_ERROR", "meal_type", "invalid_choice");
    refused (locale, 400, "VALIDATION_ERROR", "locale", "invalid_choice");
    refused (garbage, 415, "UNSUPPORTED_MEDIA_TYPE", "image", "unsupported_media");
    refused (truncated, 415, "UNSUPPORTED_MEDIA_TYPE", "image", "truncated_image");
    refused (bombed, 413, "PAYLOAD_TOO_LARGE", "image", "too_many_pixels");
    refused (large, 413, "PAYLOAD_TOO_LARGE", "image", "too_large");
    g_assert_cmpuint (json->status, ==, 415);
    assert_unchanged (before);
  }

  /* No service: a member's most similar earlier meals (the local
   * provider), marked as such; the default meal type is lunch (comida). */
  {
    g_autoptr(BzApiResponse) r = recognize (member, plate, NULL);
    JsonArray *proposals = assert_manual (r);
    JsonObject *d = bz_api_data (r), *p;

    g_assert_cmpstr (json_object_get_string_member (d, "provider"), ==, "local");
    g_assert_cmpstr (json_object_get_string_member (d, "source"), ==, "local");
    g_assert_cmpstr (json_object_get_string_member (d, "meal_type"), ==, "lunch");
    g_assert_cmpuint (json_array_get_length (proposals), ==, 1);
    p = json_array_get_object_element (proposals, 0);
    g_assert_cmpint (json_object_get_int_member (p, "times"), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
        json_object_get_array_member (p, "items"), 0), "ndb_no"), ==, "20045");
    g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (
        json_object_get_array_member (p, "items"), 0), "grams"), ==, 150);   /* the latest */
    assert_unchanged (before);
  }

  /* Breakfast: no earlier breakfast, so nothing to propose. */
  {
    g_autoptr(BzApiResponse) r = recognize (member, plate, "desayuno");
    g_assert_cmpuint (json_array_get_length (assert_manual (r)), ==, 0);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "meal_type"), ==, "breakfast");
  }

  /* A new member and a nutritionist: an empty result left to manual entry. */
  {
    g_autoptr(BzApiResponse) r = recognize (fresh, plate, "comida");
    g_autoptr(BzApiResponse) n = recognize (test_api_nutri_token (), plate, "comida");

    g_assert_cmpuint (json_array_get_length (assert_manual (r)), ==, 0);
    g_assert_true (json_object_get_null_member (bz_api_data (r), "provider"));
    g_assert_true (json_object_get_null_member (bz_api_data (r), "source"));
    g_assert_cmpuint (json_array_get_length (assert_manual (n)), ==, 0);
    assert_unchanged (before);
  }
}

/* Food @i of @d's recognized foods. */
static JsonObject *
food_at (JsonObject *d, guint i)
{
  return json_array_get_object_element (json_object_get_array_member (d, "recognized_foods"), i);
}

static double
member_of (JsonObject *o, const char *object, const char *member)
{
  return json_object_get_double_member (json_object_get_object_member (o, object), member);
}

/* GET /api/v1/foods/@ndb: nutrient @nutr_no per 100 g. */
static double
per_100g (const char *ndb, const char *nutr_no)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/foods/%s", ndb);
  g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "GET", path, test_api_nutri_token (), NULL);
  JsonArray *nutrients;

  g_assert_cmpuint (r->status, ==, 200);
  nutrients = json_object_get_array_member (json_object_get_object_member (bz_api_data (r), "food"), "nutrients");
  for (guint i = 0; i < json_array_get_length (nutrients); i++)
    {
      JsonObject *n = json_array_get_object_element (nutrients, i);
      if (g_strcmp0 (json_object_get_string_member (n, "nutr_no"), nutr_no) == 0)
        return json_object_get_double_member (n, "value_per_100g");
    }
  g_error ("food %s has no nutrient %s", ndb, nutr_no);
}

void
test_recognize_food_remote (void)
{
  static const char *const plate_step[] = { "plate", NULL }, *const malformed[] = { "malformed", NULL },
                           *const schema[] = { "schema", NULL }, *const down[] = { "500", NULL };
  BzApi *api = bz_api_shared ();
  BzFakeOpenAI *fake = bz_fake_openai_start (MODEL, KEY);
  BzOpenAISettings settings = { (char *) bz_fake_openai_url (fake), MODEL, KEY, 20.0, 80.0, 100.0, TRUE };
  g_autofree char *member = NULL, *patient = NULL, *shape = NULL;
  g_autoptr(GBytes) plate = bz_api_jpeg (800, 600, 0xc08040ffu), other = bz_api_jpeg (800, 600, 0x40a060ffu), third = bz_api_jpeg (800, 600, 0x2040c0ffu),
                    fourth = bz_api_jpeg (800, 600, 0x808080ffu);
  g_autoptr(GError) error = NULL;
  BzResilientConfig cfg;
  Counts before;

  test_api_ensure_users ();
  patient = test_api_create_patient (test_api_nutri_token (), "recognize-remote@test.local", &member);
  earlier_lunch (member, "[{\"ndb_no\":\"05064\",\"grams\":120}]", 1);
  bz_resilient_config_init (&cfg);
  cfg.max_attempts = 1;   /* a 500 is not retried here: the unit tests cover retries */
  cfg.breaker_failures = 100;
  cfg.breaker_min_calls = 1000;
  g_assert_true (bz_integrations_use_openai (api->services, &settings, &cfg, NULL, &error));
  g_assert_no_error (error);
  before = counts ();

  /* A refusal sends nothing to the service. */
  {
    g_autoptr(BzApiResponse) r = NULL;
    bz_fake_openai_script (fake, plate_step);
    r = recognize (member, NULL, "comida");
    refused (r, 400, "VALIDATION_ERROR", "image", "required");
    g_assert_cmpuint (bz_fake_openai_requests (fake), ==, 0);
  }

  /* A Mexican plate: tortillas and chicken named by NDB number, salsa by
   * search words, and a food Balanza does not have. */
  {
    g_autoptr(BzApiResponse) r = recognize (member, plate, "comida");
    JsonObject *d, *tortillas, *chicken, *salsa, *unknown, *h;
    const char *measure;
    double kcal = 0, cereals = 0, aoa = 0;

    g_assert_cmpuint (r->status, ==, 200);
    shape = bz_fake_openai_dup_shape_error (fake);
    g_assert_cmpstr (shape, ==, NULL);
    g_assert_cmpuint (bz_fake_openai_requests (fake), ==, 1);
    d = bz_api_data (r);
    g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "detected");
    g_assert_cmpstr (json_object_get_string_member (d, "provider"), ==, "openai");
    g_assert_cmpstr (json_object_get_string_member (d, "source"), ==, "remote");
    g_assert_cmpstr (json_object_get_string_member (d, "meal_type"), ==, "lunch");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "recognized_foods")), ==, 4);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "proposals")), ==, 0);
    g_assert_cmpfloat (fabs (json_object_get_double_member (d, "confidence_score") - 0.75), <, 1e-9);
    g_assert_cmpint (json_object_get_int_member (d, "processing_time_ms"), >=, 0);
    tortillas = food_at (d, 0);
    chicken = food_at (d, 1);
    salsa = food_at (d, 2);
    unknown = food_at (d, 3);

    /* Tortillas: 90 g of SR28's 24 g tortilla, 3.75 → "3 ¾ tortillas";
     * cereals without fat, from their carbohydrate (15 g each). */
    g_assert_true (json_object_get_boolean_member (tortillas, "matched"));
    g_assert_cmpstr (json_object_get_string_member (tortillas, "ndb_no"), ==, "18363");
    g_assert_cmpstr (json_object_get_string_member (tortillas, "name_es"), ==, "tortilla de maíz");
    g_assert_cmpstr (json_object_get_string_member (tortillas, "quantity"), ==, "3 ¾ tortillas");
    h = json_object_get_object_member (tortillas, "household");
    g_assert_cmpstr (json_object_get_string_member (h, "measure"), ==, "tortilla");
    g_assert_cmpfloat (json_object_get_double_member (h, "quantity"), ==, 3.75);
    g_assert_cmpfloat (json_object_get_double_member (h, "unit_grams"), ==, 24);
    g_assert_cmpstr (json_object_get_string_member (h, "basis"), ==, "sr28_weight");
    g_assert_cmpstr (json_object_get_string_member (tortillas, "smae_group"), ==, "cereales_sin_grasa");
    g_assert_cmpfloat (fabs (member_of (tortillas, "estimated_nutrition", "energy_kcal") -
                             0.9 * per_100g ("18363", "208")), <, 0.06);
    g_assert_cmpfloat (fabs (member_of (tortillas, "equivalents", "cereales_sin_grasa") -
                             0.9 * per_100g ("18363", "205") / 15), <, 0.06);
    g_assert_cmpfloat (member_of (tortillas, "equivalents", "aoa_muy_bajo_aporte_grasa"), ==, 0);
    for (guint i = 0; i < json_array_get_length (json_object_get_array_member (tortillas, "alternative_matches")); i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
          json_object_get_array_member (tortillas, "alternative_matches"), i), "ndb_no"), !=, "18363");

    /* Chicken breast: 120 g of SR28's breast (86 g a half) → "¾ pieza";
     * animal-source food of very low fat, from its protein (7 g each). */
    g_assert_cmpstr (json_object_get_string_member (chicken, "quantity"), ==, "¾ pieza");
    h = json_object_get_object_member (chicken, "household");
    g_assert_cmpstr (json_object_get_string_member (h, "measure"), ==, "pieza");
    g_assert_cmpfloat (json_object_get_double_member (h, "unit_grams"), ==, 172);
    g_assert_cmpstr (json_object_get_string_member (chicken, "smae_group"), ==, "aoa_muy_bajo_aporte_grasa");
    g_assert_cmpfloat (fabs (member_of (chicken, "equivalents", "aoa_muy_bajo_aporte_grasa") -
                             1.2 * per_100g ("05064", "203") / 7), <, 0.06);

    /* Salsa, found by its search words: a volume measure from SR28's density. */
    g_assert_true (json_object_get_boolean_member (salsa, "matched"));
    h = json_object_get_object_member (salsa, "household");
    measure = json_object_get_string_member (h, "measure");
    g_assert_true (g_str_equal (measure, "taza") || g_str_equal (measure, "cucharada") ||
                   g_str_equal (measure, "cucharadita"));
    g_assert_cmpstr (json_object_get_string_member (h, "basis"), ==, "sr28_density");

    /* The food Balanza lacks: the service's estimate, decomposed (3 g of
     * carbohydrate: 0.2 cereals; the 13.6 g of protein left: 1.9 animal
     * foods of moderate fat), no household measure, and a message. */
    g_assert_false (json_object_get_boolean_member (unknown, "matched"));
    g_assert_true (json_object_get_null_member (unknown, "ndb_no"));
    g_assert_true (json_object_get_null_member (unknown, "household"));
    g_assert_true (json_object_get_null_member (unknown, "quantity"));
    g_assert_true (json_object_get_null_member (unknown, "smae_group"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (unknown, "alternative_matches")), ==, 0);
    g_assert_cmpfloat (member_of (unknown, "estimated_nutrition", "energy_kcal"), ==, 100);
    g_assert_cmpfloat (member_of (unknown, "equivalents", "cereales_sin_grasa"), ==, 0.2);
    g_assert_cmpfloat (member_of (unknown, "equivalents", "aoa_moderado_aporte_grasa"), ==, 1.9);
    g_assert_false (json_object_get_null_member (d, "message"));

    /* Every household portion is within the rounding's 15 % of the grams. */
    for (guint i = 0; i < 3; i++)
      {
        JsonObject *f = food_at (d, i), *p = json_object_get_object_member (f, "household");
        double told = json_object_get_double_member (p, "quantity") * json_object_get_double_member (p, "unit_grams");
        g_assert_cmpfloat (fabs (told - json_object_get_double_member (f, "grams")), <=,
                           0.15 * json_object_get_double_member (f, "grams") + 0.1);
      }

    /* The totals are the foods' sums; no vegetables: the seed's suggestion. */
    for (guint i = 0; i < 4; i++)
      {
        kcal += member_of (food_at (d, i), "estimated_nutrition", "energy_kcal");
        cereals += member_of (food_at (d, i), "equivalents", "cereales_sin_grasa");
        aoa += member_of (food_at (d, i), "equivalents", "aoa_muy_bajo_aporte_grasa");
      }
    g_assert_cmpfloat (fabs (member_of (d, "total_nutrition", "energy_kcal") - kcal), <, 0.3);
    g_assert_cmpfloat (fabs (member_of (d, "equivalents", "cereales_sin_grasa") - cereals), <, 0.3);
    g_assert_cmpfloat (fabs (member_of (d, "equivalents", "aoa_muy_bajo_aporte_grasa") - aoa), <, 0.3);
    g_assert_cmpfloat (member_of (d, "equivalents", "verduras"), <, 1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "suggestions")), ==, 1);
    assert_unchanged (before);
  }

  /* A malformed answer (not JSON): manual entry, and the member's earlier
   * lunch from the local provider, marked as such; not a 5xx. */
  {
    g_autoptr(BzApiResponse) r = NULL;
    JsonArray *proposals;

    bz_fake_openai_script (fake, malformed);
    r = recognize (member, other, "lunch");
    proposals = assert_manual (r);
    g_assert_cmpuint (bz_fake_openai_requests (fake), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "source"), ==, "local");
    g_assert_true (g_str_has_prefix (json_object_get_string_member (bz_api_data (r), "message"),
                                     "The food-recognition service did not answer"));   /* not "none configured" */
    g_assert_cmpuint (json_array_get_length (proposals), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
        json_object_get_array_member (json_array_get_object_element (proposals, 0), "items"), 0), "ndb_no"), ==, "05064");
  }

  /* An answer that breaks the schema (negative grams), to a nutritionist:
   * nothing of it is used; an empty result left to manual entry. */
  {
    g_autoptr(BzApiResponse) r = NULL;

    bz_fake_openai_script (fake, schema);
    r = recognize (test_api_nutri_token (), third, "lunch");
    g_assert_cmpuint (json_array_get_length (assert_manual (r)), ==, 0);
    g_assert_cmpuint (bz_fake_openai_requests (fake), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "provider"), ==, "openai");
    g_assert_true (json_object_get_null_member (bz_api_data (r), "source"));
  }

  /* The service down (500): a new photo falls back to the local provider;
   * the plate already recognized is answered from the cache. */
  {
    g_autoptr(BzApiResponse) r = NULL, again = NULL;

    bz_fake_openai_script (fake, down);
    r = recognize (member, fourth, "lunch");
    g_assert_cmpuint (json_array_get_length (assert_manual (r)), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "source"), ==, "local");
    again = recognize (member, plate, "lunch");
    g_assert_cmpuint (again->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (again), "status"), ==, "detected");
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (again), "source"), ==, "cached");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bz_api_data (again), "recognized_foods")),
                      ==, 4);
  }

  /* The service stopped altogether (no connection): still a 200. */
  bz_fake_openai_stop (fake);
  {
    g_autoptr(GBytes) fifth = bz_api_jpeg (800, 600, 0x20a0a0ffu);
    g_autoptr(BzApiResponse) r = recognize (member, fifth, "lunch");
    g_assert_cmpuint (json_array_get_length (assert_manual (r)), ==, 1);
  }
  assert_unchanged (before);
}
