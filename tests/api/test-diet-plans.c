/* test-diet-plans.c — POST /api/integrations/diet-plans and GET
 * /api/nutrition/library (seed 000 story 4.2, issue 11) on the real server
 * and catalogue: a nutritionist's plan for a patient allergic to peanuts
 * (and, by the request, to milk) has no recipe with either allergen (checked
 * against GET /api/v1/recipes/{id}), every meal 1-2 recipes in half
 * servings, no recipe more than twice a week, each day the tolerance report
 * says is within ±5 % really is (from the stored plan's own totals); it is
 * stored auto_generated and finalized, the daily shows it, a second plan
 * archives the first; a member plans for self; every refusal leaves the
 * store as it was.  Part of test-api's binary (responses checked against
 * the OpenAPI document). */
#include "bz-api-fixture.h"

#include <math.h>
#include <string.h>

const char *test_api_nutri_token (void);
const char *test_api_nutri2_token (void);
void        test_api_planning_patients (const char *prefix, char **patient, char **member, char **other,
                                        char **bare);
void        test_diet_plans_add_tests (void);

static char *dp_patient, *dp_member, *dp_other_patient, *dp_bare_patient;

static void
ensure_patients (void)
{
  if (dp_patient == NULL)
    test_api_planning_patients ("diet", &dp_patient, &dp_member, &dp_other_patient, &dp_bare_patient);
}

static gboolean
strv_has (JsonArray *a, const char *s)
{
  for (guint i = 0; a && i < json_array_get_length (a); i++)
    if (g_strcmp0 (json_array_get_string_element (a, i), s) == 0)
      return TRUE;
  return FALSE;
}

/* The rules, checked on the stored plan of @data (a DietPlanResult). */
static void
check_plan (JsonObject *data, guint days, guint meals, const char *const *allergens)
{
  BzApi *api = bz_api_shared ();
  JsonObject *plan = json_object_get_object_member (data, "plan");
  JsonArray *sugg = json_object_get_array_member (plan, "suggestions");
  JsonArray *day_wise = json_object_get_array_member (json_object_get_object_member (plan, "nutrition"), "dayWise");
  JsonArray *report = json_object_get_array_member (data, "days");
  double target = json_object_get_double_member (json_object_get_object_member (data, "targets"), "energy_kcal");
  double protein_target = json_object_get_double_member (json_object_get_object_member (data, "targets"), "protein_g");
  g_autofree char *modified = g_strdup_printf ("meal_plan_recipes WHERE modifications IS NOT NULL AND plan_id = '%s'",
                                               json_object_get_string_member (plan, "id"));
  g_autoptr(GHashTable) checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) uses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint within = 0, side_lines = 0;

  g_assert_cmpstr (json_object_get_string_member (plan, "creationMethod"), ==, "auto_generated");
  g_assert_cmpstr (json_object_get_string_member (plan, "status"), ==, "finalized");
  g_assert_cmpint (json_object_get_int_member (plan, "durationDays"), ==, days);
  g_assert_cmpuint (json_array_get_length (sugg), ==, days);
  g_assert_cmpuint (json_array_get_length (report), ==, days);
  g_assert_cmpstr (json_object_get_string_member (data, "dietPlanId"), ==, json_object_get_string_member (plan, "id"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (data, "activePlans"), "dietPlanId"), ==,
                   json_object_get_string_member (plan, "id"));
  g_assert_cmpstr (json_object_get_string_member (data, "provider"), ==, "local");
  for (guint d = 0; d < days; d++)
    {
      JsonArray *ms = json_object_get_array_member (json_array_get_object_element (sugg, d), "meals");
      JsonObject *rep = json_array_get_object_element (report, d);
      JsonObject *total = json_object_get_object_member (json_array_get_object_element (day_wise, d), "dayTotal");
      double kcal = json_object_get_double_member (json_object_get_object_member (total, "calories"), "quantity");
      double protein = json_object_get_double_member (
          json_object_get_object_member (json_object_get_object_member (total, "macros"), "protein"), "quantity");
      if (d % 7 == 0)
        g_hash_table_remove_all (uses);
      g_assert_cmpuint (json_array_get_length (ms), ==, meals);
      for (guint s = 0; s < meals; s++)
        {
          JsonArray *rs = json_object_get_array_member (json_array_get_object_element (ms, s), "recipes");
          g_assert_cmpuint (json_array_get_length (rs), >=, 1);
          g_assert_cmpuint (json_array_get_length (rs), <=, 2);
          for (guint k = 0; k < json_array_get_length (rs); k++)
            {
              JsonObject *r = json_array_get_object_element (rs, k);
              const char *id = json_object_get_string_member (r, "id");
              double servings = json_object_get_double_member (r, "servings");
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (uses, id)) + 1;
              g_assert_cmpfloat (fmod (servings, 0.5), ==, 0);
              g_assert_cmpfloat (servings, >=, 0.5);
              g_assert_cmpfloat (servings, <=, 3);
              g_assert_cmpuint (n, <=, 2);
              g_hash_table_insert (uses, g_strdup (id), GUINT_TO_POINTER (n));
              if (!g_hash_table_contains (checked, id))
                {
                  g_autofree char *path = g_strdup_printf ("/api/v1/recipes/%s", id);
                  g_autoptr(BzApiResponse) rr = bz_api_json (api, "GET", path, dp_member, NULL);
                  JsonArray *al;
                  bz_api_expect (rr, 200);
                  al = json_object_get_array_member (json_object_get_object_member (bz_api_data (rr), "recipe"), "allergens");
                  for (guint a = 0; allergens[a]; a++)
                    if (strv_has (al, allergens[a]))
                      g_error ("recipe %s has %s", id, allergens[a]);
                  g_hash_table_add (checked, g_strdup (id));
                }
            }
        }
      /* The report says what the stored plan adds up to, side foods (stored
       * as its recipes' add modifications) included. */
      g_assert_cmpfloat (fabs (json_object_get_double_member (rep, "energyDeviationPercent") - (kcal / target - 1) * 100), <, 0.2);
      g_assert_cmpfloat (fabs (json_object_get_double_member (rep, "proteinDeviationPercent") -
                               (protein / protein_target - 1) * 100), <, 0.2);
      if (json_object_get_boolean_member (rep, "withinTolerance"))
        {
          g_assert_cmpfloat (fabs (kcal / target - 1), <=, 0.0505);
          within++;
        }
      /* The side foods, named for the nutritionist: "meal: food, amount (grams)". */
      {
        JsonArray *sides = json_object_get_array_member (rep, "sideFoods");
        for (guint k = 0; k < json_array_get_length (sides); k++)
          {
            const char *line = json_array_get_string_element (sides, k);
            g_assert_nonnull (strstr (line, ": "));
            g_assert_true (g_str_has_suffix (line, " g)"));
            side_lines++;
          }
      }
    }
  /* Every recipe that carries side foods carries at least one line's worth. */
  g_assert_cmpint (side_lines, >=, bz_api_count (api, modified));
  g_assert_cmpint (json_object_get_int_member (data, "daysWithinTolerance"), ==, within);
  g_assert_true (json_object_get_boolean_member (data, "withinTolerance") == (within == days));
  g_test_message ("diet plan: %u of %u days within tolerance, solver %s, %" G_GINT64_FORMAT " candidates, %"
                  G_GINT64_FORMAT " recipes with side foods", within, days, json_object_get_string_member (data, "solver"),
                  json_object_get_int_member (json_object_get_object_member (data, "restrictions"), "candidateRecipes"),
                  bz_api_count (api, modified));
}

static void
test_diet_plan_generate (void)
{
  BzApi *api = bz_api_shared ();
  static const char *const allergens[] = { "peanut", "milk", NULL };
  g_autofree char *body = NULL, *first = NULL, *daily_path = NULL;
  JsonObject *data, *restr;

  ensure_patients ();
  body = g_strdup_printf ("{\"patientId\":\"%s\",\"days\":7,\"mealsPerDay\":5,\"allergies\":[\"leche\"]}", dp_patient);
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/integrations/diet-plans", test_api_nutri_token (), body);
    bz_api_expect (r, 201);
    data = bz_api_data (r);
    check_plan (data, 7, 5, allergens);
    restr = json_object_get_object_member (data, "restrictions");
    g_assert_true (strv_has (json_object_get_array_member (restr, "allergens"), "peanut"));
    g_assert_true (strv_has (json_object_get_array_member (restr, "allergens"), "milk"));
    g_assert_cmpstr (json_object_get_string_member (restr, "dietaryPreference"), ==, "omnivore");
    /* How many days are within tolerance depends on GLPK's time limit and
     * the machine's load; that the report is true is checked above. */
    first = g_strdup (json_object_get_string_member (data, "dietPlanId"));
  }
  /* The member's daily shows the plan's first day. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/nutrition/daily", dp_member, NULL);
    JsonObject *planned;
    bz_api_expect (r, 200);
    planned = json_object_get_object_member (bz_api_data (r), "planned");
    g_assert_nonnull (planned);
    g_assert_cmpstr (json_object_get_string_member (planned, "plan_id"), ==, first);
    g_assert_cmpint (json_object_get_int_member (planned, "day"), ==, 1);
  }
  /* A member plans for self, vegetarian, 3 days of 3 meals: the first plan is archived (one current plan). */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/integrations/diet-plans", dp_member,
                                              "{\"days\":3,\"mealsPerDay\":3,\"dietaryPreference\":\"vegetariano\"}");
    g_autofree char *path = g_strdup_printf ("/api/meal-plans/manual/%s", first);
    g_autoptr(BzApiResponse) old = NULL;
    static const char *const peanut[] = { "peanut", NULL };
    bz_api_expect (r, 201);
    check_plan (bz_api_data (r), 3, 3, peanut);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "restrictions"),
                                                    "dietaryPreference"), ==, "vegetarian");
    old = bz_api_json (api, "GET", path, dp_member, NULL);
    bz_api_expect (old, 200);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (old), "status"), ==, "archived");
  }
}

/* Each refusal: its status, its detail, and the plan tables, slots, recipes
 * and jobs as they were. */
static void
refuse (const char *token, const char *body, guint status, const char *detail)
{
  static const char *const tables[] = { "meal_plans", "meal_plan_slots", "meal_plan_recipes", "jobs", NULL };
  bz_api_refuse (bz_api_shared (), "POST", "/api/integrations/diet-plans", token, body, status, detail, tables);
}

static void
test_diet_plan_refusals (void)
{
  const char *nutri = test_api_nutri_token ();
  g_autofree char *b = NULL;

  ensure_patients ();
  refuse (NULL, "{}", 401, NULL);
  refuse (nutri, "[]", 400, NULL);
  refuse (nutri, "{\"patientId\":5}", 400, "patientId");
  refuse (nutri, "{\"patientId\":\"not-a-uuid\"}", 400, "patientId");
  refuse (nutri, "{}", 400, NULL);   /* a nutritionist names the patient */
#define WITH(fmt) (g_free (b), b = g_strdup_printf ("{\"patientId\":\"%s\"," fmt "}", dp_patient))
  refuse (nutri, WITH ("\"days\":\"7\""), 400, "days");
  refuse (nutri, WITH ("\"days\":0"), 400, "days");
  refuse (nutri, WITH ("\"days\":15"), 400, "days");
  refuse (nutri, WITH ("\"mealsPerDay\":2"), 400, "mealsPerDay");
  refuse (nutri, WITH ("\"mealsPerDay\":7"), 400, "mealsPerDay");
  refuse (nutri, WITH ("\"allergies\":\"leche\""), 400, "allergies");
  refuse (nutri, WITH ("\"allergies\":[1]"), 400, "allergies[0]");
  refuse (nutri, WITH ("\"allergies\":[\"   \"]"), 400, "allergies[0]");
  refuse (nutri, WITH ("\"dietaryPreference\":\"carnivore\""), 400, "dietaryPreference");
  refuse (nutri, WITH ("\"planDate\":\"2001-01-01\""), 400, "planDate");
  refuse (nutri, WITH ("\"planDate\":\"mañana\""), 400, "planDate");
  refuse (nutri, WITH ("\"planName\":\"\""), 400, "planName");
  /* Vegan without soy, gluten, nuts, beans, tortillas, oats or rice: too few recipes for a week. */
  refuse (nutri, WITH ("\"dietaryPreference\":\"vegan\",\"allergies\":[\"soya\",\"gluten\",\"nueces\"],"
                       "\"excludeFoods\":[\"frijol\",\"tortilla\",\"avena\",\"arroz\",\"jitomate\",\"platano\"]"),
          400, "recipes");
#undef WITH
  /* Not the caller's patient: 404, as unknown. */
  g_free (b);
  b = g_strdup_printf ("{\"patientId\":\"%s\"}", dp_other_patient);
  refuse (nutri, b, 404, NULL);
  refuse (nutri, "{\"patientId\":\"00000000-0000-4000-8000-000000000000\"}", 404, NULL);
  g_free (b);
  b = g_strdup_printf ("{\"patientId\":\"%s\"}", dp_patient);
  refuse (test_api_nutri2_token (), b, 404, NULL);
  /* A member names another patient: 404. */
  g_free (b);
  b = g_strdup_printf ("{\"patientId\":\"%s\"}", dp_other_patient);
  refuse (dp_member, b, 404, NULL);
  /* No body scan: no targets. */
  g_free (b);
  b = g_strdup_printf ("{\"patientId\":\"%s\"}", dp_bare_patient);
  refuse (nutri, b, 409, NULL);
}

static void
test_nutrition_library (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(BzApiResponse) r = NULL, anon = NULL;
  JsonObject *data;
  JsonArray *prefs, *sched;

  ensure_patients ();
  r = bz_api_json (api, "GET", "/api/nutrition/library", dp_member, NULL);
  bz_api_expect (r, 200);
  data = bz_api_data (r);
  prefs = json_object_get_array_member (data, "dietaryPreferences");
  g_assert_cmpuint (json_array_get_length (prefs), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (prefs, 0), "id"), ==, "omnivore");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (prefs, 2), "id"), ==, "vegan");
  sched = json_object_get_array_member (data, "mealSchedules");
  g_assert_cmpuint (json_array_get_length (sched), ==, 4);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (sched, 2), "meals")),
                    ==, 5);
  g_assert_cmpint (json_object_get_int_member (data, "maxDays"), ==, 14);
  g_assert_cmpint (json_object_get_int_member (data, "recipeCount"), >=, 88);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (data, "allergens")), ==, 8);
  anon = bz_api_json (api, "GET", "/api/nutrition/library", NULL, NULL);
  bz_api_expect (anon, 401);
}

void
test_diet_plans_add_tests (void)
{
  g_test_add_func ("/api/diet-plans/generate", test_diet_plan_generate);
  g_test_add_func ("/api/diet-plans/refusals", test_diet_plan_refusals);
  g_test_add_func ("/api/nutrition/library", test_nutrition_library);
}
