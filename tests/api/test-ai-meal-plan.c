/* test-ai-meal-plan.c — POST /api/v1/ai/generate-meal-plan (seed 002 §4.7,
 * §6.7; issue 11) on the real server and catalogue: a nutritionist's 7-day
 * plan of 5 meals a day at 1800 kcal for a patient allergic to peanuts has
 * the five meals in order with their times, no recipe with peanuts (checked
 * against GET /api/v1/recipes/{id}), portions in halves, each day's totals
 * the sum of its meals, the days the summary calls within tolerance within
 * ±5 % of 1800 kcal; its shopping list is exactly the plan's ingredients
 * (recomputed here from the recipes' own grams and servings), each priced
 * item's cost is its grams times its price, the total is their sum and the
 * unpriced ones are listed as missing; the plan is stored.  A member plans
 * for self.  Every refusal has its field detail and leaves the store as it
 * was.  Part of test-api's binary (responses checked against the OpenAPI
 * document). */
#include "bz-api-fixture.h"

#include <math.h>

const char *test_api_nutri_token (void);
const char *test_api_nutri2_token (void);
void        test_api_planning_patients (const char *prefix, char **patient, char **member, char **other,
                                        char **bare);
void        test_ai_meal_plan_add_tests (void);

static char *mp_patient, *mp_member, *mp_other_patient, *mp_bare_patient;

static void
ensure_patients (void)
{
  if (mp_patient == NULL)
    test_api_planning_patients ("aimp", &mp_patient, &mp_member, &mp_other_patient, &mp_bare_patient);
}

static double
num (JsonObject *o, const char *member)
{
  return json_object_get_double_member (o, member);
}

/* The recipe of @id as GET /api/v1/recipes/{id} answers it (cached in @recipes). */
static JsonObject *
recipe (GHashTable *recipes, const char *id)
{
  BzApi *api = bz_api_shared ();
  JsonObject *r = g_hash_table_lookup (recipes, id);

  if (r == NULL)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/recipes/%s", id);
      g_autoptr(BzApiResponse) rr = bz_api_json (api, "GET", path, mp_member, NULL);
      bz_api_expect (rr, 200);
      r = json_object_ref (json_object_get_object_member (bz_api_data (rr), "recipe"));
      g_hash_table_insert (recipes, g_strdup (id), r);
    }
  return r;
}

static void
add_grams (GHashTable *expected, const char *ndb, double grams)
{
  double *g = g_hash_table_lookup (expected, ndb);
  if (g == NULL)
    g_hash_table_insert (expected, g_strdup (ndb), (g = g_new0 (double, 1)));
  *g += grams;
}

/* Every rule, on the answer's meal_plan. */
static void
check_meal_plan (JsonObject *mp, guint days, double kcal_target)
{
  static const char *const types[] = { "desayuno", "colacion_matutina", "comida", "colacion_vespertina", "cena" };
  static const char *const times[] = { "08:00", "11:00", "14:30", "17:30", "20:30" };
  g_autoptr(GHashTable) recipes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *ds = json_object_get_array_member (mp, "days");
  JsonArray *list = json_object_get_array_member (mp, "shopping_list");
  JsonArray *missing = json_object_get_array_member (mp, "missing_prices");
  JsonObject *summary = json_object_get_object_member (mp, "weekly_summary");
  double cost = 0;
  guint within = 0, n_missing = 0, sides = 0;

  g_assert_cmpuint (json_array_get_length (ds), ==, days);
  if (kcal_target > 0)
    g_assert_cmpfloat (fabs (num (json_object_get_object_member (summary, "targets"), "calories") - kcal_target), <, 0.11);
  else
    kcal_target = num (json_object_get_object_member (summary, "targets"), "calories");
  for (guint d = 0; d < days; d++)
    {
      JsonObject *day = json_array_get_object_element (ds, d);
      JsonArray *meals = json_object_get_array_member (day, "meals");
      JsonObject *totals = json_object_get_object_member (day, "daily_totals");
      double kcal = 0, protein = 0;
      guint slot = 0;

      g_assert_cmpint (json_object_get_int_member (day, "day"), ==, d + 1);
      g_assert_cmpuint (json_array_get_length (meals), >=, 5);
      g_assert_cmpuint (json_array_get_length (meals), <=, 10);
      for (guint k = 0; k < json_array_get_length (meals); k++)
        {
          JsonObject *m = json_array_get_object_element (meals, k);
          const char *type = json_object_get_string_member (m, "meal_type");
          double portions = num (m, "portions");
          JsonObject *r = recipe (recipes, json_object_get_string_member (m, "recipe_id"));
          JsonArray *al = json_object_get_array_member (r, "allergens");
          JsonArray *ing = json_object_get_array_member (r, "ingredients");
          double yield = num (r, "servings");

          /* The meals in order, each at least once, every entry with its time. */
          while (slot < G_N_ELEMENTS (types) && g_strcmp0 (type, types[slot]) != 0)
            slot++;
          g_assert_cmpuint (slot, <, G_N_ELEMENTS (types));
          g_assert_cmpstr (json_object_get_string_member (m, "time"), ==, times[slot]);
          g_assert_cmpstr (json_object_get_string_member (m, "recipe_name"), ==, json_object_get_string_member (r, "title"));
          g_assert_cmpfloat (fmod (portions, 0.5), ==, 0);
          g_assert_cmpfloat (portions, >=, 0.5);
          for (guint a = 0; a < json_array_get_length (al); a++)
            g_assert_cmpstr (json_array_get_string_element (al, a), !=, "peanut");
          kcal += num (json_object_get_object_member (m, "nutrition"), "energy_kcal");
          protein += num (json_object_get_object_member (m, "nutrition"), "protein_g");
          /* The plan's ingredients, as the shopping list must sum them: the
           * recipe's, and the side foods the planner stored as "add"
           * modifications of it (amounts for the whole recipe). */
          for (guint i = 0; i < json_array_get_length (ing); i++)
            {
              JsonObject *x = json_array_get_object_element (ing, i);
              add_grams (expected, json_object_get_string_member (x, "ndb_no"), num (x, "grams") / yield * portions);
            }
          {
            g_autofree char *mods = bz_api_plan_modifications (bz_api_shared (), json_object_get_string_member (mp, "id"),
                                                               d + 1, json_object_get_string_member (m, "meal_name"),
                                                               json_object_get_string_member (m, "recipe_id"));
            g_autoptr(JsonNode) parsed = mods ? json_from_string (mods, NULL) : NULL;
            JsonArray *adds = parsed ? json_node_get_array (parsed) : NULL;
            for (guint i = 0; adds && i < json_array_get_length (adds); i++)
              {
                JsonObject *a = json_array_get_object_element (adds, i);
                g_assert_cmpstr (json_object_get_string_member (a, "type"), ==, "add");
                add_grams (expected, json_object_get_string_member (a, "newIngredient"), num (a, "amount") / yield * portions);
                sides++;
              }
          }
        }
      g_assert_cmpuint (slot, ==, G_N_ELEMENTS (types) - 1);
      g_assert_cmpfloat (fabs (num (totals, "calories") - kcal), <, 0.1 * json_array_get_length (meals) + 0.1);
      g_assert_cmpfloat (fabs (num (totals, "protein_g") - protein), <, 0.1 * json_array_get_length (meals) + 0.1);
      if (json_object_get_boolean_member (day, "within_tolerance"))
        {
          g_assert_cmpfloat (fabs (num (totals, "calories") / kcal_target - 1), <=, 0.0505);
          within++;
        }
    }
  g_assert_cmpint (json_object_get_int_member (summary, "days_within_tolerance"), ==, within);
  g_test_message ("%u of %u days within tolerance; %u side foods", within, days, sides);
  /* The plan aims at the requested energy (not the body's): the days' mean
   * is within the day's tolerance of it, whatever each day reached. */
  g_assert_cmpfloat (fabs (num (json_object_get_object_member (summary, "daily_average"), "calories") / kcal_target - 1), <=,
                     0.05);

  /* The shopping list: each food of the plan once, with the plan's grams. */
  g_assert_cmpuint (json_array_get_length (list), ==, g_hash_table_size (expected));
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *item = json_array_get_object_element (list, i);
      const char *ndb = json_object_get_string_member (item, "ndb_no");
      double *g = g_hash_table_lookup (expected, ndb);
      JsonNode *price = json_object_get_member (item, "price_mxn_per_kg");
      g_assert_nonnull (g);
      g_assert_cmpfloat (fabs (num (item, "grams") - *g), <, 0.051);
      g_assert_nonnull (json_object_get_string_member (item, "item"));
      if (i > 0)
        g_assert_cmpfloat (num (item, "grams"), <=, num (json_array_get_object_element (list, i - 1), "grams"));
      if (JSON_NODE_HOLDS_NULL (price))
        {
          gboolean listed = FALSE;
          g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (item, "estimated_cost_mxn")));
          g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (item, "unit")));
          for (guint k = 0; k < json_array_get_length (missing); k++)
            listed |= g_strcmp0 (json_array_get_string_element (missing, k), ndb) == 0;
          g_assert_true (listed);
          n_missing++;
        }
      else
        {
          double c = num (item, "estimated_cost_mxn");
          g_assert_cmpfloat (fabs (c - *g / 1000 * json_node_get_double (price)), <=, 0.006);
          g_assert_cmpfloat (num (item, "quantity") * num (item, "unit_grams"), >=, *g - 0.01);
          g_assert_nonnull (json_object_get_string_member (item, "price_basis"));
          cost += c;
        }
    }
  g_assert_cmpuint (json_array_get_length (missing), ==, n_missing);
  g_assert_cmpfloat (num (mp, "estimated_cost_mxn"), >, 0);
  g_assert_cmpfloat (fabs (num (mp, "estimated_cost_mxn") - cost), <, 0.011);
  g_assert_cmpfloat (fabs (num (mp, "cost_per_day_mxn") - num (mp, "estimated_cost_mxn") / days), <, 0.011);
  g_assert_cmpstr (json_object_get_string_member (mp, "prices_as_of"), ==, "2025-10");
  g_test_message ("meal plan: %u of %u days within tolerance, %u foods (%u without a price), %.2f MXN", within, days,
                  json_array_get_length (list), n_missing, num (mp, "estimated_cost_mxn"));
}

static void
test_ai_meal_plan_generate (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *body = NULL, *path = NULL;
  JsonObject *mp;

  ensure_patients ();
  body = g_strdup_printf ("{\"patient_id\":\"%s\",\"duration_days\":7,\"calories_target\":1800,"
                          "\"dietary_preferences\":[\"omnivoro\"],\"exclude_foods\":[\"brócoli\"],"
                          "\"budget_level\":\"moderado\"}", mp_patient);
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/ai/generate-meal-plan", test_api_nutri_token (), body);
    bz_api_expect (r, 200);
    mp = json_object_get_object_member (bz_api_data (r), "meal_plan");
    g_assert_cmpstr (json_object_get_string_member (mp, "patient_id"), ==, mp_patient);
    g_assert_cmpstr (json_object_get_string_member (mp, "budget_level"), ==, "moderado");
    check_meal_plan (mp, 7, 1800);
    path = g_strdup_printf ("/api/meal-plans/manual/%s", json_object_get_string_member (mp, "id"));
  }
  /* Stored through the diet planner's path: an auto-generated, finalized plan. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", path, test_api_nutri_token (), NULL);
    bz_api_expect (r, 200);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "creationMethod"), ==, "auto_generated");
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "status"), ==, "finalized");
    g_assert_cmpint (json_object_get_int_member (bz_api_data (r), "durationDays"), ==, 7);
  }
  /* A member for self: the defaults (the scan's targets, 5 meals), 2 days. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/ai/generate-meal-plan", mp_member,
                                              "{\"duration_days\":2,\"budget_level\":\"económico\"}");
    bz_api_expect (r, 200);
    mp = json_object_get_object_member (bz_api_data (r), "meal_plan");
    g_assert_cmpstr (json_object_get_string_member (mp, "patient_id"), ==, mp_patient);
    g_assert_cmpstr (json_object_get_string_member (mp, "budget_level"), ==, "economico");
    check_meal_plan (mp, 2, 0);
  }
}

/* Each refusal: its status, its detail, and the plan tables and jobs as they were. */
static void
refuse (const char *token, const char *body, guint status, const char *detail)
{
  static const char *const tables[] = { "meal_plans", "meal_plan_slots", "meal_plan_recipes", "jobs", NULL };
  bz_api_refuse (bz_api_shared (), "POST", "/api/v1/ai/generate-meal-plan", token, body, status, detail, tables);
}

static void
test_ai_meal_plan_refusals (void)
{
  const char *nutri = test_api_nutri_token ();
  g_autofree char *b = NULL;

  ensure_patients ();
  refuse (NULL, "{}", 401, NULL);
  refuse (nutri, "[]", 400, NULL);
  refuse (nutri, "{\"patient_id\":5}", 400, "patient_id");
  refuse (nutri, "{\"patient_id\":\"not-a-uuid\"}", 400, "patient_id");
  refuse (nutri, "{}", 400, NULL);   /* a nutritionist names the patient */
#define WITH(fmt) (g_free (b), b = g_strdup_printf ("{\"patient_id\":\"%s\"," fmt "}", mp_patient))
  refuse (nutri, WITH ("\"duration_days\":\"7\""), 400, "duration_days");
  refuse (nutri, WITH ("\"duration_days\":0"), 400, "duration_days");
  refuse (nutri, WITH ("\"duration_days\":15"), 400, "duration_days");
  refuse (nutri, WITH ("\"meals_per_day\":2"), 400, "meals_per_day");
  refuse (nutri, WITH ("\"calories_target\":500"), 400, "calories_target");
  refuse (nutri, WITH ("\"calories_target\":7000"), 400, "calories_target");
  refuse (nutri, WITH ("\"calories_target\":\"1800\""), 400, "calories_target");
  refuse (nutri, WITH ("\"dietary_preferences\":\"vegan\""), 400, "dietary_preferences");
  refuse (nutri, WITH ("\"dietary_preferences\":[\"vegan\",\"vegetarian\"]"), 400, "dietary_preferences");
  refuse (nutri, WITH ("\"exclude_foods\":[\"   \"]"), 400, "exclude_foods[0]");
  refuse (nutri, WITH ("\"exclude_foods\":[1]"), 400, "exclude_foods[0]");
  refuse (nutri, WITH ("\"budget_level\":\"caro\""), 400, "budget_level");
  /* Vegan without soy, gluten, beans, tortillas, oats or rice: too few recipes for a week. */
  refuse (nutri, WITH ("\"dietary_preferences\":[\"vegan\"],"
                       "\"exclude_foods\":[\"frijol\",\"tortilla\",\"avena\",\"arroz\",\"jitomate\",\"platano\",\"soya\",\"trigo\"]"),
          400, "recipes");
#undef WITH
  /* Not the caller's patient: 404, as unknown. */
  g_free (b);
  b = g_strdup_printf ("{\"patient_id\":\"%s\"}", mp_other_patient);
  refuse (nutri, b, 404, NULL);
  refuse (mp_member, b, 404, NULL);
  refuse (nutri, "{\"patient_id\":\"00000000-0000-4000-8000-000000000000\"}", 404, NULL);
  g_free (b);
  b = g_strdup_printf ("{\"patient_id\":\"%s\"}", mp_patient);
  refuse (test_api_nutri2_token (), b, 404, NULL);
  /* No body scan: no targets. */
  g_free (b);
  b = g_strdup_printf ("{\"patient_id\":\"%s\"}", mp_bare_patient);
  refuse (nutri, b, 409, NULL);
}

void
test_ai_meal_plan_add_tests (void)
{
  g_test_add_func ("/api/ai/generate-meal-plan", test_ai_meal_plan_generate);
  g_test_add_func ("/api/ai/generate-meal-plan/refusals", test_ai_meal_plan_refusals);
}
