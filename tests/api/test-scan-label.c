/* test-scan-label.c — POST /api/v1/ai/scan-label (seed 002 §4.7): the seed's
 * example, per-100 values, the legends, the alternatives, every validation
 * message and hostile bodies.  Part of the api suite's binary (test-api.c
 * runs it and checks every response against the document).  The seals and
 * score of the seed's example are checked by hand in tests/unit/test-label.c. */
#include "bz-api-fixture.h"

const char *test_api_nutri_token (void);
void        test_api_ensure_users (void);
void        test_scan_label (void);
void        test_scan_label_refusals (void);

#define SEED_EXAMPLE \
  "{\"product_name\":\"Cereal Integral Fitness\",\"brand\":\"Nestlé\",\"serving_size\":\"30g\"," \
  "\"servings_per_container\":12,\"nutrition_per_serving\":{\"calories\":110,\"protein_g\":2,\"carbs_g\":24," \
  "\"sugar_g\":8,\"fat_g\":1,\"saturated_fat_g\":0.5,\"fiber_g\":3,\"sodium_mg\":150}}"

static BzApiResponse *
scan (const char *token, const char *body)
{
  return bz_api_json (bz_api_shared (), "POST", "/api/v1/ai/scan-label", token, body);
}

static char *
joined (JsonArray *a)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      if (i)
        g_string_append_c (s, '|');
      g_string_append (s, json_array_get_string_element (a, i));
    }
  return g_string_free (s, FALSE);
}

void
test_scan_label (void)
{
  const char *token;

  test_api_ensure_users ();
  token = test_api_nutri_token ();
  {
    g_autoptr(BzApiResponse) r = scan (token, SEED_EXAMPLE);
    JsonObject *d, *per100, *alt;
    JsonArray *alts;
    g_autofree char *seals = NULL;

    g_assert_cmpuint (r->status, ==, 200);
    d = bz_api_data (r);
    g_assert_cmpstr (json_object_get_string_member (d, "product_name"), ==, "Cereal Integral Fitness");
    g_assert_cmpstr (json_object_get_string_member (d, "brand"), ==, "Nestlé");
    g_assert_cmpstr (json_object_get_string_member (d, "serving_size"), ==, "30g");
    g_assert_cmpfloat (json_object_get_double_member (d, "servings_per_container"), ==, 12);
    g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (d, "nutrition_per_serving"), "calories"), ==, 110);
    per100 = json_object_get_object_member (d, "nutrition_per_100g");
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (per100, "calories"), 366.7, 1e-9);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (per100, "sodium_mg"), 500, 1e-9);
    seals = joined (json_object_get_array_member (d, "nom_051_warnings"));
    g_assert_cmpstr (seals, ==, "EXCESO CALORÍAS|EXCESO AZÚCARES|EXCESO SODIO");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "nom_051_legends")), ==, 0);
    g_assert_cmpint (json_object_get_int_member (d, "nom_051_phase"), ==, 2);
    g_assert_cmpfloat (json_object_get_double_member (d, "health_score"), ==, 6.0);
    g_assert_cmpstr (json_object_get_string_member (d, "recommendation"), ==,
                     "Moderate. It contains excess calories, sugars and sodium. "
                     "Consider options without added sugar and low in sodium.");
    /* Its kind is breakfast cereals (SR28 group 0800, from "cereal"); the
     * plainest better one is cooked oats, 10/10 without seals. */
    alts = json_object_get_array_member (d, "better_alternatives");
    g_assert_cmpuint (json_array_get_length (alts), ==, 3);
    alt = json_array_get_object_element (alts, 0);
    g_assert_cmpstr (json_object_get_string_member (alt, "ndb_no"), ==, "08121");
    g_assert_cmpstr (json_object_get_string_member (alt, "source"), ==, "usda_sr28");
    for (guint i = 0; i < json_array_get_length (alts); i++)
      {
        JsonObject *a = json_array_get_object_element (alts, i);
        g_assert_cmpfloat (json_object_get_double_member (a, "health_score"), >, 6.0);
        g_assert_cmpuint (json_array_get_length (json_object_get_array_member (a, "nom_051_warnings")), <=, 3);
        g_assert_true (g_str_has_prefix (json_object_get_string_member (a, "description"), "Cereals"));
      }
  }
  {
    /* A cola per 100 ml with its ingredient list: calories and sugars, the
     * caffeine legend; water and hibiscus tea are better drinks. */
    g_autoptr(BzApiResponse) r = scan (token,
        "{\"product_name\":\"Refresco de cola\",\"is_liquid\":true,\"serving_size\":\"355 ml\","
        "\"ingredients_text\":\"Agua carbonatada, azúcar, color caramelo, ácido fosfórico, cafeína\","
        "\"nutrition_per_100g\":{\"calories\":42,\"protein_g\":0,\"carbs_g\":10.6,\"sugar_g\":10.6,\"fat_g\":0,"
        "\"saturated_fat_g\":0,\"sodium_mg\":10}}");
    JsonObject *d;
    g_autofree char *seals = NULL, *legends = NULL;
    g_assert_cmpuint (r->status, ==, 200);
    d = bz_api_data (r);
    seals = joined (json_object_get_array_member (d, "nom_051_warnings"));
    legends = joined (json_object_get_array_member (d, "nom_051_legends"));
    g_assert_cmpstr (seals, ==, "EXCESO CALORÍAS|EXCESO AZÚCARES");
    g_assert_cmpstr (legends, ==, "CONTIENE CAFEÍNA - EVITAR EN NIÑOS");
    /* 355 ml: 149.1 kcal a serving. */
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (d, "nutrition_per_serving"),
                                                                   "calories"), 149.1, 1e-9);
    {
      /* The catalogue's unsweetened agua de jamaica first (a recipe whose
       * heaviest ingredient, water aside, is a beverage), then tap water. */
      JsonArray *alts = json_object_get_array_member (d, "better_alternatives");
      JsonObject *a0 = json_array_get_object_element (alts, 0), *a1 = json_array_get_object_element (alts, 1);
      g_autofree char *path = NULL;
      g_autoptr(BzApiResponse) rr = NULL;
      g_assert_cmpstr (json_object_get_string_member (a0, "source"), ==, "recipe");
      g_assert_cmpstr (json_object_get_string_member (a0, "product_name"), ==, "Agua de jamaica con chía, sin azúcar");
      g_assert_true (json_object_get_null_member (a0, "ndb_no"));
      g_assert_cmpfloat (json_object_get_double_member (a0, "health_score"), >, 6.0);
      path = g_strdup_printf ("/api/v1/recipes/%s", json_object_get_string_member (a0, "recipe_id"));
      rr = bz_api_json (bz_api_shared (), "GET", path, token, NULL);
      g_assert_cmpuint (rr->status, ==, 200);
      g_assert_cmpstr (json_object_get_string_member (a1, "description"), ==, "Beverages, water, tap, drinking");
      g_assert_true (json_object_get_null_member (a1, "recipe_id"));
    }
  }
  {
    /* Per 100 g without a serving size; the kind given; a product with no
     * seal and the best score has no better alternative. */
    g_autoptr(BzApiResponse) r = scan (token,
        "{\"product_name\":\"Avena\",\"sr28_food_group\":\"0800\",\"ingredients_text\":\"Avena integral\","
        "\"nutrition_per_100g\":{\"calories\":379,\"protein_g\":13.2,\"carbs_g\":67.7,\"sugar_g\":1,"
        "\"added_sugar_g\":0,\"fat_g\":6.5,\"saturated_fat_g\":1.1,\"fiber_g\":10.1,\"sodium_mg\":6}}");
    JsonObject *d;
    g_assert_cmpuint (r->status, ==, 200);
    d = bz_api_data (r);
    g_assert_true (json_object_get_null_member (d, "nutrition_per_serving"));
    g_assert_true (json_object_get_null_member (d, "brand"));
    g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (d, "nutrition_per_100g"), "added_sugar_g"), ==, 0);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "nom_051_warnings")), ==, 0);
    g_assert_cmpfloat (json_object_get_double_member (d, "health_score"), ==, 10.0);
    g_assert_cmpstr (json_object_get_string_member (d, "recommendation"), ==, "Good choice. It carries no NOM-051 warning seal.");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "better_alternatives")), ==, 0);
  }
}

static void
refused (const char *body, guint status, const char *field, const char *issue)
{
  g_autoptr(BzApiResponse) r = scan (test_api_nutri_token (), body);
  JsonArray *details;
  gboolean found = FALSE;

  if (r->status != status)
    g_error ("expected %u for %s/%s, got %u: %.*s", status, field, issue, r->status,
             (int) g_bytes_get_size (r->body), (const char *) g_bytes_get_data (r->body, NULL));
  details = json_object_get_array_member (json_object_get_object_member (json_node_get_object (r->json), "error"), "details");
  for (guint i = 0; i < json_array_get_length (details); i++)
    {
      JsonObject *o = json_array_get_object_element (details, i);
      if (g_strcmp0 (json_object_get_string_member (o, "field"), field) == 0 &&
          g_strcmp0 (json_object_get_string_member (o, "issue"), issue) == 0)
        {
          const char *m = json_object_get_string_member (o, "message");
          g_assert_true (m && *m);
          found = TRUE;
        }
    }
  if (!found)
    g_error ("no %s/%s in %.*s", field, issue, (int) g_bytes_get_size (r->body), (const char *) g_bytes_get_data (r->body, NULL));
}

#define PANEL "{\"calories\":110,\"protein_g\":2,\"carbs_g\":24,\"sugar_g\":8,\"fat_g\":1,\"saturated_fat_g\":0.5,\"sodium_mg\":150}"

void
test_scan_label_refusals (void)
{
  test_api_ensure_users ();
  refused ("{}", 400, "product_name", "required");
  refused ("{\"product_name\":\"X\"}", 400, "nutrition_per_serving", "required");
  refused ("{\"product_name\":\"X\",\"nutrition_per_serving\":" PANEL ",\"nutrition_per_100g\":" PANEL "}", 400,
           "nutrition_per_serving", "conflict");
  refused ("{\"product_name\":\"X\",\"nutrition_per_serving\":" PANEL "}", 400, "serving_size_g", "required");
  refused ("{\"product_name\":\"X\",\"serving_size\":\"una taza\",\"nutrition_per_serving\":" PANEL "}", 400,
           "serving_size_g", "required");
  refused ("{\"product_name\":\"X\",\"nutrition_per_100g\":{\"calories\":110}}", 400, "nutrition_per_100g.sodium_mg", "required");
  refused ("{\"product_name\":\"X\",\"nutrition_per_100g\":{\"calories\":\"mucho\",\"protein_g\":2,\"carbs_g\":24,"
           "\"sugar_g\":8,\"fat_g\":1,\"saturated_fat_g\":0.5,\"sodium_mg\":150}}", 400, "nutrition_per_100g.calories", "invalid_type");
  refused ("{\"product_name\":\"X\",\"nutrition_per_100g\":{\"calories\":-1,\"protein_g\":2,\"carbs_g\":24,"
           "\"sugar_g\":8,\"fat_g\":1,\"saturated_fat_g\":0.5,\"sodium_mg\":150}}", 400, "nutrition_per_100g.calories", "out_of_range");
  refused ("{\"product_name\":\"X\",\"serving_size_g\":0,\"nutrition_per_serving\":" PANEL "}", 400, "serving_size_g", "out_of_range");
  refused ("{\"product_name\":42,\"nutrition_per_100g\":" PANEL "}", 400, "product_name", "invalid_type");
  refused ("{\"product_name\":\"X\",\"is_liquid\":\"yes\",\"nutrition_per_100g\":" PANEL "}", 400, "is_liquid", "invalid_type");
  refused ("{\"product_name\":\"X\",\"nutrition_per_100g\":[1,2]}", 400, "nutrition_per_100g", "invalid_type");
  refused ("{\"product_name\":\"X\",\"sr28_food_group\":\"08\",\"nutrition_per_100g\":" PANEL "}", 400, "sr28_food_group", "invalid_format");
  refused ("{\"product_name\":\"X\",\"sr28_food_group\":\"08a0\",\"nutrition_per_100g\":" PANEL "}", 400, "sr28_food_group", "invalid_format");
  /* Panels that cannot be. */
  refused ("{\"product_name\":\"X\",\"nutrition_per_100g\":{\"calories\":100,\"protein_g\":2,\"carbs_g\":24,\"sugar_g\":8,"
           "\"fat_g\":1,\"saturated_fat_g\":5,\"sodium_mg\":150}}", 400, "nutrition_per_100g.saturated_fat_g", "inconsistent");
  refused ("{\"product_name\":\"X\",\"nutrition_per_100g\":{\"calories\":100,\"protein_g\":2,\"carbs_g\":4,\"sugar_g\":8,"
           "\"fat_g\":1,\"saturated_fat_g\":0,\"sodium_mg\":150}}", 400, "nutrition_per_100g.sugar_g", "inconsistent");
  refused ("{\"product_name\":\"X\",\"nutrition_per_100g\":{\"calories\":100,\"protein_g\":2,\"carbs_g\":24,\"sugar_g\":8,"
           "\"added_sugar_g\":12,\"fat_g\":1,\"saturated_fat_g\":0,\"sodium_mg\":150}}", 400, "nutrition_per_100g.added_sugar_g", "inconsistent");
  refused ("{\"product_name\":\"X\",\"serving_size_g\":10,\"nutrition_per_serving\":{\"calories\":100,\"protein_g\":8,"
           "\"carbs_g\":8,\"sugar_g\":1,\"fat_g\":1,\"saturated_fat_g\":0,\"sodium_mg\":1}}", 400, "nutrition_per_serving", "inconsistent");
  /* Hostile bodies. */
  refused ("{\"product_name\":", 400, "body", "malformed_json");
  refused ("[1]", 400, "body", "not_an_object");
  {
    GString *deep = g_string_new ("{\"product_name\":\"X\",\"nutrition_per_100g\":");
    g_autofree char *body = NULL;
    for (guint i = 0; i < 5000; i++)
      g_string_append (deep, "{\"a\":");
    g_string_append (deep, "1");
    for (guint i = 0; i < 5000; i++)
      g_string_append_c (deep, '}');
    g_string_append_c (deep, '}');
    body = g_string_free (deep, FALSE);
    refused (body, 400, "body", "too_deep");
  }
  {
    g_autofree char *name = g_strnfill (300, 'x');
    g_autofree char *body = g_strdup_printf ("{\"product_name\":\"%s\",\"nutrition_per_100g\":" PANEL "}", name);
    g_autofree char *text = g_strnfill (5000, 'a');
    g_autofree char *body2 = g_strdup_printf ("{\"product_name\":\"X\",\"ingredients_text\":\"%s\",\"nutrition_per_100g\":" PANEL "}", text);
    refused (body, 400, "product_name", "too_long");
    refused (body2, 400, "ingredients_text", "too_long");
  }
  {
    g_autoptr(BzApiResponse) anon = scan (NULL, SEED_EXAMPLE);
    g_autoptr(BzApiResponse) form = bz_api_call (bz_api_shared (), "POST", "/api/v1/ai/scan-label", test_api_nutri_token (),
                                                 "text/plain", "hola", 4, NULL);
    g_assert_cmpuint (anon->status, ==, 401);
    g_assert_cmpuint (form->status, ==, 415);
  }
}
