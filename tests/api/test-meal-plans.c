/* test-meal-plans.c — seed 004's Manual Meal Plan API end to end.
 *
 * Built into test-api's binary (tests/api/meson.build adds it to its
 * sources; test-api.c registers test_meal_plans() before its last test),
 * so the meal-plan operations count in that binary's
 * bz_api_assert_every_operation_checked(): a separate binary would have to
 * exercise every other operation too, or the check be split by path. */
#include "bz-api-fixture.h"

#include <math.h>

#include "bz-auth-service-private.h"
#include "bz-auth-service.h"
#include "bz-jobs.h"
#include "bz-store.h"

void test_meal_plans (void);
void test_plan_lifecycle (void);   /* test-plan-lifecycle.c */
void test_meal_equivalents (void); /* test-plan-lifecycle.c */

static char *mp_nutri, *mp_nutri2, *mp_member, *mp_patient;

static void
ensure_plan_users (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(BzApiResponse) r = NULL, l = NULL;

  if (mp_nutri)
    return;
  mp_nutri = bz_api_register (api, "mp-nutri1@test.local", "nutritionist", NULL);
  mp_nutri2 = bz_api_register (api, "mp-nutri2@test.local", "nutritionist", NULL);
  r = bz_api_json (api, "POST", "/api/v1/nutritionist/patients", mp_nutri,
                   "{\"email\":\"mp-member@test.local\",\"first_name\":\"Lucía\",\"last_name\":\"Ramos\","
                   "\"password\":\"Member-Pass1!\"}");
  g_assert_cmpuint (r->status, ==, 201);
  mp_patient = g_strdup (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "patient"), "id"));
  bz_auth_reset_rate_limits ();
  l = bz_api_json (api, "POST", "/api/auth/login", NULL, "{\"email\":\"mp-member@test.local\",\"password\":\"Member-Pass1!\"}");
  g_assert_cmpuint (l->status, ==, 200);
  mp_member = g_strdup (json_object_get_string_member (bz_api_data (l), "access_token"));
}

static BzApiResponse *
post (const char *method, const char *path, const char *token, const char *body)
{
  return bz_api_json (bz_api_shared (), method, path, token, body);
}

static void
assert_status (BzApiResponse *r, guint status)
{
  if (r->status != status)
    g_error ("expected %u, got %u: %.*s", status, r->status, (int) g_bytes_get_size (r->body),
             (const char *) g_bytes_get_data (r->body, NULL));
}

static const char *
message_of (BzApiResponse *r)
{
  return json_object_get_string_member (json_node_get_object (r->json), "message");
}

static double
kcal (JsonObject *nutrition)
{
  return json_object_get_double_member (json_object_get_object_member (nutrition, "calories"), "quantity");
}

static char *
create_draft (const char *token, int days)
{
  g_autofree char *body = g_strdup_printf ("{\"clientId\":\"%s\",\"planDate\":\"2026-12-07\",\"durationDays\":%d}",
                                           mp_patient, days);
  g_autoptr(BzApiResponse) r = post ("POST", "/api/meal-plans/manual/create", token, body);
  assert_status (r, 201);
  return g_strdup (json_object_get_string_member (bz_api_data (r), "draftId"));
}

static BzApiResponse *
add (const char *draft, int day, const char *meal, const char *recipe, const char *extra)
{
  g_autofree char *body = g_strdup_printf ("{\"draftId\":\"%s\",\"day\":%d,\"mealName\":\"%s\","
                                           "\"recipe\":{\"id\":\"%s\",\"provider\":\"balanza\",\"source\":\"cached\"}%s}",
                                           draft, day, meal, recipe, extra ? extra : "");
  return post ("POST", "/api/meal-plans/manual/add-recipe", mp_nutri, body);
}

static JsonObject *
meal_of (JsonObject *plan, int day, const char *name)
{
  JsonArray *days = json_object_get_array_member (plan, "suggestions");
  JsonArray *meals = json_object_get_array_member (json_array_get_object_element (days, day - 1), "meals");
  for (guint i = 0; i < json_array_get_length (meals); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (meals, i), "mealName"), name) == 0)
      return json_array_get_object_element (meals, i);
  return NULL;
}

static guint
n_meals (JsonObject *plan, int day)
{
  JsonArray *days = json_object_get_array_member (plan, "suggestions");
  return json_array_get_length (json_object_get_array_member (json_array_get_object_element (days, day - 1), "meals"));
}

void
test_meal_plans (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *draft = NULL, *path = NULL, *recipe_a = NULL, *recipe_b = NULL, *small = NULL, *path_small = NULL;
  double kcal_a, kcal_b;
  ensure_plan_users ();
  /* "Today" for the lifecycle is the jobs' clock (bz-meal-plan-service.h):
   * 2026-12-01, before these plans' planDate 2026-12-07, so finalizing
   * leaves them finalized (upcoming) whatever the real date. */
  {
    g_autoptr(GDateTime) t = g_date_time_new_local (2026, 12, 1, 12, 0, 0);
    bz_jobs_set_test_now_ms (g_date_time_to_unix (t) * 1000);
  }

  {
    g_autoptr(BzApiResponse) r = post ("GET", "/api/v1/recipes?limit=2&sort_by=calories", mp_nutri, NULL);
    JsonArray *a;
    assert_status (r, 200);
    a = json_object_get_array_member (bz_api_data (r), "recipes");
    recipe_a = g_strdup (json_object_get_string_member (json_array_get_object_element (a, 0), "id"));
    recipe_b = g_strdup (json_object_get_string_member (json_array_get_object_element (a, 1), "id"));
    kcal_a = json_object_get_double_member (json_object_get_object_member (json_array_get_object_element (a, 0), "nutrition_per_serving"), "calories");
    kcal_b = json_object_get_double_member (json_object_get_object_member (json_array_get_object_element (a, 1), "nutrition_per_serving"), "calories");
  }

  /* Create: the draft's summary, its id manual-{clientId}-{ms}, 7 days to live. */
  {
    g_autofree char *body = g_strdup_printf ("{\"clientId\":\"%s\",\"planDate\":\"2026-12-07\",\"durationDays\":7}", mp_patient);
    g_autofree char *prefix = g_strdup_printf ("manual-%s-", mp_patient);
    g_autoptr(BzApiResponse) r = post ("POST", "/api/meal-plans/manual/create", mp_nutri, body);
    JsonObject *d;
    assert_status (r, 201);
    d = bz_api_data (r);
    draft = g_strdup (json_object_get_string_member (d, "draftId"));
    g_assert_true (g_str_has_prefix (draft, prefix));
    g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "draft");
    g_assert_cmpstr (json_object_get_string_member (d, "creationMethod"), ==, "manual");
    g_assert_cmpstr (json_object_get_string_member (d, "planDate"), ==, "2026-12-07");
    g_assert_cmpint (json_object_get_int_member (d, "durationDays"), ==, 7);
    g_assert_nonnull (json_object_get_string_member (d, "expiresAt"));
    g_assert_cmpstr (message_of (r), ==, "Manual meal plan draft created successfully");
    path = g_strdup_printf ("/api/meal-plans/manual/%s", draft);
  }
  /* Create: validation with field details, roles, ownership, meal programs. */
  {
    g_autofree char *b31 = g_strdup_printf ("{\"clientId\":\"%s\",\"planDate\":\"2026-12-07\",\"durationDays\":31}", mp_patient);
    g_autofree char *b0 = g_strdup_printf ("{\"clientId\":\"%s\",\"planDate\":\"2026-12-07\",\"durationDays\":0}", mp_patient);
    g_autofree char *bdate = g_strdup_printf ("{\"clientId\":\"%s\",\"planDate\":\"07/12/2026\",\"durationDays\":7}", mp_patient);
    g_autofree char *bprog = g_strdup_printf ("{\"clientId\":\"%s\",\"mealProgramId\":\"0b8f1a52-6f0e-4c1e-9d43-2f3f6f1e8a10\","
                                              "\"planDate\":\"2026-12-07\",\"durationDays\":7}", mp_patient);
    g_autofree char *ok = g_strdup_printf ("{\"clientId\":\"%s\",\"planDate\":\"2026-12-07\",\"durationDays\":7}", mp_patient);
    struct { const char *token, *body; guint status; const char *detail; } cases[] = {
      { mp_nutri, b31, 400, "durationDays" },
      { mp_nutri, b0, 400, "durationDays" },
      { mp_nutri, bdate, 400, "planDate" },
      { mp_nutri, "{\"planDate\":\"2026-12-07\",\"durationDays\":7}", 400, "clientId" },
      { mp_nutri, "{\"clientId\":\"not-a-uuid\",\"planDate\":\"2026-12-07\",\"durationDays\":7}", 400, "clientId" },
      { mp_nutri, bprog, 404, NULL },
      { mp_nutri2, ok, 404, NULL },
      { mp_member, ok, 403, NULL },
      { NULL, ok, 401, NULL },
    };
    gint64 before = bz_api_count (api, "meal_plans");
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(BzApiResponse) r = post ("POST", "/api/meal-plans/manual/create", cases[i].token, cases[i].body);
        assert_status (r, cases[i].status);
        if (cases[i].detail)
          g_assert_true (bz_api_has_detail (r, cases[i].detail));
      }
    g_assert_cmpint (bz_api_count (api, "meal_plans"), ==, before);
  }

  /* Get: 7 days of the four default slots, empty; nutrition zero. */
  {
    g_autoptr(BzApiResponse) r = post ("GET", path, mp_nutri, NULL);
    JsonObject *d, *n;
    JsonArray *days;
    assert_status (r, 200);
    g_assert_cmpstr (message_of (r), ==, "Meal plan draft retrieved successfully");
    d = bz_api_data (r);
    g_assert_cmpstr (json_object_get_string_member (d, "id"), ==, draft);
    g_assert_cmpstr (json_object_get_string_member (d, "clientId"), ==, mp_patient);
    g_assert_cmpstr (json_object_get_string_member (d, "endDate"), ==, "2026-12-14");
    g_assert_true (json_object_get_null_member (d, "finalizedAt"));
    g_assert_true (json_object_get_null_member (d, "planName"));
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (d, "searchParams"), "creation_method"), ==, "manual");
    days = json_object_get_array_member (d, "suggestions");
    g_assert_cmpuint (json_array_get_length (days), ==, 7);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (days, 6), "date"), ==, "2026-12-13");
    for (int day = 1; day <= 7; day++)
      g_assert_cmpuint (n_meals (d, day), ==, 4);
    g_assert_nonnull (meal_of (d, 1, "snack"));
    g_assert_true (json_object_get_null_member (meal_of (d, 1, "breakfast"), "totalNutrition"));
    n = json_object_get_object_member (d, "nutrition");
    g_assert_cmpfloat (kcal (json_object_get_object_member (n, "overall")), ==, 0);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (n, "dayWise")), ==, 7);
  }
  /* The member reads own plan; another nutritionist, an unknown id: 404. */
  {
    g_autoptr(BzApiResponse) m = post ("GET", path, mp_member, NULL);
    g_autoptr(BzApiResponse) o = post ("GET", path, mp_nutri2, NULL);
    g_autoptr(BzApiResponse) u = post ("GET", "/api/v1/meal-plans/manual/manual-nope-1", mp_nutri, NULL);
    assert_status (m, 200);
    assert_status (o, 404);
    assert_status (u, 404);
  }

  /* Add: several recipes per slot, case-insensitive slots, new slots, servings. */
  {
    g_autoptr(BzApiResponse) r1 = add (draft, 1, "Breakfast", recipe_a, ",\"servings\":1.5");
    g_autoptr(BzApiResponse) r2 = NULL, r3 = NULL;
    JsonObject *d, *breakfast, *n, *day1;
    assert_status (r1, 200);
    g_assert_cmpstr (message_of (r1), ==, "Recipe added successfully");
    r2 = add (draft, 1, "breakfast", recipe_b, NULL);
    assert_status (r2, 200);
    r3 = add (draft, 1, "Pre-Workout", recipe_b, ",\"servings\":0.5");
    assert_status (r3, 200);
    d = bz_api_data (r3);
    g_assert_cmpuint (n_meals (d, 1), ==, 5);
    g_assert_cmpuint (n_meals (d, 2), ==, 4);
    breakfast = meal_of (d, 1, "breakfast");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (breakfast, "recipes")), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (breakfast, "selectedRecipeId"), ==, recipe_a);
    g_assert_cmpfloat_with_epsilon (kcal (json_object_get_object_member (breakfast, "totalNutrition")),
                                    1.5 * kcal_a + kcal_b, 0.2);
    n = json_object_get_object_member (d, "nutrition");
    day1 = json_array_get_object_element (json_object_get_array_member (n, "dayWise"), 0);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (day1, "meals")), ==, 2);
    g_assert_cmpfloat_with_epsilon (kcal (json_object_get_object_member (day1, "dayTotal")),
                                    1.5 * kcal_a + 1.5 * kcal_b, 0.2);
    g_assert_cmpfloat_with_epsilon (kcal (json_object_get_object_member (n, "overall")), 1.5 * kcal_a + 1.5 * kcal_b, 0.2);
    g_assert_cmpfloat_with_epsilon (kcal (json_object_get_object_member (n, "dailyAverage")),
                                    (1.5 * kcal_a + 1.5 * kcal_b) / 7, 0.2);
    {
      JsonObject *sodium = json_object_get_object_member (json_object_get_object_member (json_object_get_object_member (
          json_object_get_object_member (n, "overall"), "micros"), "minerals"), "sodium");
      g_assert_cmpstr (json_object_get_string_member (sodium, "unit"), ==, "mg");
      g_assert_cmpfloat (json_object_get_double_member (sodium, "quantity"), >, 0);
    }
  }
  /* Add: errors. */
  {
    g_autofree char *sp = g_strdup_printf ("{\"draftId\":\"%s\",\"day\":1,\"mealName\":\"lunch\","
                                           "\"recipe\":{\"id\":\"663959\",\"provider\":\"spoonacular\",\"source\":\"api\"}}", draft);
    g_autoptr(BzApiResponse) day8 = add (draft, 8, "lunch", recipe_a, NULL);
    g_autoptr(BzApiResponse) many = add (draft, 1, "lunch", recipe_a, ",\"servings\":25");
    g_autoptr(BzApiResponse) none = add (draft, 1, "lunch", "no-such-recipe", NULL);
    g_autoptr(BzApiResponse) other = add ("manual-nope-1", 1, "lunch", recipe_a, NULL);
    g_autoptr(BzApiResponse) spoon = post ("POST", "/api/meal-plans/manual/add-recipe", mp_nutri, sp);
    g_autofree char *mb = g_strdup_printf ("{\"draftId\":\"%s\",\"day\":1,\"mealName\":\"lunch\","
                                           "\"recipe\":{\"id\":\"%s\",\"provider\":\"balanza\"}}", draft, recipe_a);
    g_autoptr(BzApiResponse) member = post ("POST", "/api/meal-plans/manual/add-recipe", mp_member, mb);
    g_autoptr(BzApiResponse) nutri2 = post ("POST", "/api/meal-plans/manual/add-recipe", mp_nutri2, mb);
    assert_status (day8, 400);
    g_assert_true (bz_api_has_detail (day8, "day"));
    assert_status (many, 400);
    g_assert_true (bz_api_has_detail (many, "servings"));
    assert_status (none, 404);
    assert_status (other, 404);
    assert_status (spoon, 400);
    g_assert_true (bz_api_has_detail (spoon, "recipe.provider"));
    assert_status (member, 403);
    assert_status (nutri2, 404);
  }

  /* Remove: one recipe, then a whole slot; a missing slot is 404. */
  {
    g_autofree char *one = g_strdup_printf ("{\"draftId\":\"%s\",\"day\":1,\"mealName\":\"BREAKFAST\",\"recipeId\":\"%s\"}",
                                            draft, recipe_b);
    g_autofree char *slot = g_strdup_printf ("{\"draftId\":\"%s\",\"day\":1,\"mealName\":\"pre-workout\",\"removeMealSlot\":true}", draft);
    g_autofree char *gone = g_strdup_printf ("{\"draftId\":\"%s\",\"day\":1,\"mealName\":\"brunch\"}", draft);
    g_autofree char *clear = g_strdup_printf ("{\"draftId\":\"%s\",\"day\":2,\"mealName\":\"lunch\"}", draft);
    g_autoptr(BzApiResponse) r1 = post ("DELETE", "/api/meal-plans/manual/remove-recipe", mp_nutri, one);
    g_autoptr(BzApiResponse) r2 = NULL, r3 = NULL, r4 = NULL;
    JsonObject *d;
    assert_status (r1, 200);
    g_assert_cmpstr (message_of (r1), ==, "Recipe removed successfully");
    d = bz_api_data (r1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meal_of (d, 1, "breakfast"), "recipes")), ==, 1);
    r2 = post ("DELETE", "/api/meal-plans/manual/remove-recipe", mp_nutri, slot);
    assert_status (r2, 200);
    g_assert_cmpuint (n_meals (bz_api_data (r2), 1), ==, 4);
    g_assert_null (meal_of (bz_api_data (r2), 1, "Pre-Workout"));
    r3 = post ("DELETE", "/api/meal-plans/manual/remove-recipe", mp_nutri, gone);
    assert_status (r3, 404);
    r4 = post ("DELETE", "/api/meal-plans/manual/remove-recipe", mp_nutri, clear);   /* empty already: the slot stays */
    assert_status (r4, 200);
    g_assert_nonnull (meal_of (bz_api_data (r4), 2, "lunch"));
  }

  /* update-customizations: omit an ingredient, add an SR28 food in grams; merged, stored, used by reads. */
  {
    g_autofree char *rpath = g_strdup_printf ("/api/v1/recipes/%s", recipe_a);
    g_autoptr(BzApiResponse) rr = post ("GET", rpath, mp_nutri, NULL);
    JsonObject *rec;
    JsonObject *first;
    g_autofree char *ndb = NULL, *omit = NULL, *add_egg = NULL;
    double servings_a, grams0;
    assert_status (rr, 200);
    rec = json_object_get_object_member (bz_api_data (rr), "recipe");
    servings_a = json_object_get_int_member (rec, "servings");
    first = json_array_get_object_element (json_object_get_array_member (rec, "ingredients"), 0);
    ndb = g_strdup (json_object_get_string_member (first, "ndb_no"));
    grams0 = json_object_get_double_member (first, "grams");
    g_assert_cmpfloat (grams0, >, 0);
    omit = g_strdup_printf ("{\"action\":\"update-customizations\",\"draftId\":\"%s\",\"day\":1,\"mealName\":\"Breakfast\","
                            "\"recipeId\":\"%s\",\"customizations\":{\"recipeId\":\"%s\",\"source\":\"balanza\",\"modifications\":["
                            "{\"type\":\"omit\",\"originalIngredient\":\"%s\",\"originalAmount\":%g,\"originalUnit\":\"g\"}]},"
                            "\"autoCalculateNutrition\":true}", draft, recipe_a, recipe_a, ndb, grams0);
    add_egg = g_strdup_printf ("{\"action\":\"update-customizations\",\"draftId\":\"%s\",\"day\":1,\"mealName\":\"breakfast\","
                               "\"recipeId\":\"%s\",\"customizations\":{\"modifications\":["
                               "{\"type\":\"add\",\"newIngredient\":\"01123\",\"amount\":%g,\"unit\":\"g\"}]}}",
                               draft, recipe_a, 50.0 * servings_a);
    {
      g_autoptr(BzApiResponse) r = post ("PUT", "/api/meal-plans/draft", mp_nutri, omit);
      g_autoptr(BzApiResponse) r2 = NULL, g = NULL;
      JsonObject *d;
      double omitted, with_egg;
      assert_status (r, 200);
      d = bz_api_data (r);
      g_assert_true (json_object_get_boolean_member (d, "micronutrientsIncluded"));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "debugSteps")), ==, 1);
      omitted = kcal (json_object_get_object_member (d, "modifiedNutrition"));
      g_assert_cmpfloat (omitted, <=, 1.5 * kcal_a + 0.05);   /* the lightest recipe: its first ingredient may weigh little */
      /* Merged: the omit stays, the egg (50 g a serving, 1.5 servings: about 107 kcal) is added. */
      r2 = post ("PUT", "/api/meal-plans/draft", mp_nutri, add_egg);
      assert_status (r2, 200);
      d = bz_api_data (r2);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "debugSteps")), ==, 2);
      with_egg = kcal (json_object_get_object_member (d, "modifiedNutrition"));
      g_assert_cmpfloat_with_epsilon (with_egg - omitted, 1.5 * 0.5 * 143, 1.0);
      /* The same omit again replaces the stored one: still two steps. */
      {
        g_autoptr(BzApiResponse) r3 = post ("PUT", "/api/meal-plans/draft", mp_nutri, omit);
        assert_status (r3, 200);
        g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bz_api_data (r3), "debugSteps")), ==, 2);
      }
      g = post ("GET", path, mp_nutri, NULL);
      assert_status (g, 200);
      g_assert_cmpfloat_with_epsilon (kcal (json_object_get_object_member (meal_of (bz_api_data (g), 1, "breakfast"), "totalNutrition")),
                                      with_egg, 0.2);
    }
    {
      g_autofree char *bad_action = g_strdup_printf ("{\"action\":\"finalize\",\"draftId\":\"%s\",\"day\":1,\"mealName\":\"breakfast\","
                                                     "\"recipeId\":\"%s\",\"customizations\":{\"modifications\":[]}}", draft, recipe_a);
      g_autofree char *bad_unit = g_strdup_printf ("{\"action\":\"update-customizations\",\"draftId\":\"%s\",\"day\":1,\"mealName\":\"breakfast\","
                                                   "\"recipeId\":\"%s\",\"customizations\":{\"modifications\":[{\"type\":\"add\","
                                                   "\"newIngredient\":\"honey\",\"amount\":1,\"unit\":\"tbsp\"}]}}", draft, recipe_a);
      g_autofree char *bad_orig = g_strdup_printf ("{\"action\":\"update-customizations\",\"draftId\":\"%s\",\"day\":1,\"mealName\":\"breakfast\","
                                                   "\"recipeId\":\"%s\",\"customizations\":{\"modifications\":[{\"type\":\"omit\","
                                                   "\"originalIngredient\":\"unicornio\",\"originalAmount\":1,\"originalUnit\":\"g\"}]}}", draft, recipe_a);
      g_autofree char *not_there = g_strdup_printf ("{\"action\":\"update-customizations\",\"draftId\":\"%s\",\"day\":1,\"mealName\":\"lunch\","
                                                    "\"recipeId\":\"%s\",\"customizations\":{\"modifications\":[]}}", draft, recipe_a);
      g_autoptr(BzApiResponse) a = post ("PUT", "/api/meal-plans/draft", mp_nutri, bad_action);
      g_autoptr(BzApiResponse) u = post ("PUT", "/api/meal-plans/draft", mp_nutri, bad_unit);
      g_autoptr(BzApiResponse) o = post ("PUT", "/api/meal-plans/draft", mp_nutri, bad_orig);
      g_autoptr(BzApiResponse) n = post ("PUT", "/api/meal-plans/draft", mp_nutri, not_there);
      g_autoptr(BzApiResponse) m = post ("PUT", "/api/meal-plans/draft", mp_member, omit);
      g_autoptr(BzApiResponse) x = post ("PUT", "/api/meal-plans/draft", mp_nutri2, omit);
      assert_status (a, 400);
      g_assert_true (bz_api_has_detail (a, "action"));
      assert_status (u, 400);
      g_assert_true (bz_api_has_detail (u, "customizations.modifications[0].unit"));
      g_assert_true (bz_api_has_detail (u, "customizations.modifications[0].newIngredient"));
      assert_status (o, 400);
      g_assert_true (bz_api_has_detail (o, "customizations.modifications[0].originalIngredient"));
      assert_status (n, 404);
      assert_status (m, 403);
      assert_status (x, 404);
    }
  }

  /* Finalize: refused while a slot is empty. */
  {
    g_autofree char *body = g_strdup_printf ("{\"draftId\":\"%s\",\"planName\":\"Semana 1\"}", draft);
    g_autoptr(BzApiResponse) r = post ("POST", "/api/meal-plans/manual/finalize", mp_nutri, body);
    assert_status (r, 400);
    g_assert_true (bz_api_has_detail (r, "suggestions"));
  }
  /* A one-day plan: fill three slots, drop the snack, finalize. */
  small = create_draft (mp_nutri, 1);
  path_small = g_strdup_printf ("/api/meal-plans/manual/%s", small);
  {
    const char *slots[] = { "breakfast", "Lunch", "DINNER" };
    g_autofree char *drop = g_strdup_printf ("{\"draftId\":\"%s\",\"day\":1,\"mealName\":\"Snack\",\"removeMealSlot\":true}", small);
    g_autofree char *fin = g_strdup_printf ("{\"draftId\":\"%s\",\"planName\":\"Plan de un día\"}", small);
    g_autoptr(BzApiResponse) r = NULL, again = NULL, late = NULL, member = NULL;
    JsonObject *d;
    for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
      {
        g_autoptr(BzApiResponse) a = add (small, 1, slots[i], recipe_a, NULL);
        assert_status (a, 200);
      }
    {
      g_autoptr(BzApiResponse) x = post ("DELETE", "/api/meal-plans/manual/remove-recipe", mp_nutri, drop);
      assert_status (x, 200);
    }
    member = post ("POST", "/api/meal-plans/manual/finalize", mp_member, fin);
    assert_status (member, 403);
    r = post ("POST", "/api/meal-plans/manual/finalize", mp_nutri, fin);
    assert_status (r, 200);
    g_assert_cmpstr (message_of (r), ==, "Meal plan finalized successfully");
    d = bz_api_data (r);
    g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "finalized");
    g_assert_cmpstr (json_object_get_string_member (d, "planName"), ==, "Plan de un día");
    g_assert_true (json_object_get_null_member (d, "expiresAt"));
    g_assert_nonnull (json_object_get_string_member (d, "finalizedAt"));
    g_assert_cmpfloat_with_epsilon (kcal (json_object_get_object_member (json_object_get_object_member (d, "nutrition"), "dailyAverage")),
                                    3 * kcal_a, 0.2);
    again = post ("POST", "/api/meal-plans/manual/finalize", mp_nutri, fin);
    assert_status (again, 409);
    /* The patient's record shows the finalized plan as the current one. */
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/nutritionist/patients/%s", mp_patient);
      g_autoptr(BzApiResponse) f = bz_api_json (bz_api_shared (), "GET", path, mp_nutri, NULL);
      JsonObject *p = json_object_get_object_member (bz_api_data (f), "patient");
      JsonObject *plan = json_object_get_object_member (p, "active_meal_plan");
      g_assert_nonnull (plan);
      g_assert_cmpstr (json_object_get_string_member (plan, "id"), ==, small);
      g_assert_cmpstr (json_object_get_string_member (plan, "status"), ==, "finalized");
      g_assert_cmpstr (json_object_get_string_member (plan, "plan_name"), ==, "Plan de un día");
      g_assert_cmpint (json_object_get_int_member (plan, "duration_days"), ==, 1);
    }
    late = add (small, 1, "lunch", recipe_b, NULL);
    assert_status (late, 409);
    /* Ingredients can still be modified once finalized (seed 004: at any status). */
    {
      g_autofree char *body = g_strdup_printf ("{\"action\":\"update-customizations\",\"draftId\":\"%s\",\"day\":1,"
                                               "\"mealName\":\"Lunch\",\"recipeId\":\"%s\",\"customizations\":{\"modifications\":["
                                               "{\"type\":\"add\",\"newIngredient\":\"01123\",\"amount\":50,\"unit\":\"gramos\"}]}}",
                                               small, recipe_a);
      g_autoptr(BzApiResponse) c = post ("PUT", "/api/meal-plans/draft", mp_nutri, body);
      assert_status (c, 200);
    }
  }
  /* A second finalized plan archives the first, which never started: one
   * upcoming plan per patient (bz-meal-plan-service.h). */
  {
    g_autofree char *next = create_draft (mp_nutri, 1);
    g_autofree char *fin = NULL;
    const char *const *slots = (const char *const[]) { "breakfast", "lunch", "dinner", "snack", NULL };
    for (guint i = 0; slots[i]; i++)
      {
        g_autoptr(BzApiResponse) a = add (next, 1, slots[i], recipe_b, NULL);
        assert_status (a, 200);
      }
    fin = g_strdup_printf ("{\"draftId\":\"%s\",\"planName\":\"Plan 2\"}", next);
    {
      g_autoptr(BzApiResponse) r = post ("POST", "/api/meal-plans/manual/finalize", mp_nutri, fin);
      g_autoptr(BzApiResponse) old = NULL;
      assert_status (r, 200);
      old = post ("GET", path_small, mp_member, NULL);
      assert_status (old, 200);
      g_assert_cmpstr (json_object_get_string_member (bz_api_data (old), "status"), ==, "archived");
    }
  }

  /* An expired draft is gone (404); a finalized plan never expires. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *sql = g_strdup_printf ("UPDATE meal_plans SET expires_at = '2000-01-01T00:00:00Z' WHERE id = '%s'", draft);
    g_autoptr(BzApiResponse) r = NULL;
    g_assert_true (bz_db_exec (bz_store_db (api->store), sql, &error));
    g_assert_no_error (error);
    r = post ("GET", path, mp_nutri, NULL);
    assert_status (r, 404);
  }
  bz_jobs_set_test_now_ms (0);

  test_plan_lifecycle ();
  test_meal_equivalents ();
}
