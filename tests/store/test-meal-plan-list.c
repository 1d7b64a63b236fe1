/* test-meal-plan-list.c — what the plan editor adds to the meal-plan service
 * (src/services/bz-meal-plan-tasks.c, src/store/bz-meal-plan-list-repo.c),
 * on a real SQLite store with hand-made users, a patient and two recipes:
 *   - a patient's plans: newest first, every status but expired drafts,
 *     another nutritionist's patient answers NOT_FOUND;
 *   - set-servings: the new servings are stored, the day's roll-up follows,
 *     bad servings, an unknown recipe and a finalized plan are refused and
 *     leave the plan as it was;
 *   - a recipe's NOM-051 seals from its per-serving values and ingredients,
 *     checked by hand (values below).
 */
#include <math.h>

#include "bz-meal-plan-list-repo.h"
#include "bz-meal-plan-repo.h"
#include "bz-meal-plan-tasks.h"
#include "bz-recipe-resources.h"
#include "bz-test-util.h"

#define NUTRI "11111111-1111-4111-8111-111111111111"
#define MEMBER "22222222-2222-4222-8222-222222222222"
#define PATIENT "33333333-3333-4333-8333-333333333333"
#define OTHER_NUTRI "44444444-4444-4444-8444-444444444444"
#define RECIPE_A "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"
#define RECIPE_B "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"

typedef struct
{
  char *dir;
  BzStore *store;
  BzServices *svc;
  BzCaller *nutri;
  BzCaller *other;
} Fixture;

static void
exec (BzStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_assert_true (bz_db_exec (bz_store_db (store), sql, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = bz_test_tmpdir ("meal-plan-list");
  f->store = bz_store_open (f->dir, &error);
  g_assert_no_error (error);
  exec (f->store,
        "INSERT INTO users (id, email, username, password_hash, first_name, last_name, user_type, created_at, updated_at)"
        " VALUES ('" NUTRI "', 'n@test.local', 'n', 'x', 'Ana', 'López', 'nutritionist', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
        " ('" OTHER_NUTRI "', 'o@test.local', 'o', 'x', 'Eva', 'Ruiz', 'nutritionist', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
        " ('" MEMBER "', 'm@test.local', 'm', 'x', 'Luis', 'Soto', 'patient', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
        "INSERT INTO patients (id, user_id, nutritionist_id, created_at, updated_at)"
        " VALUES ('" PATIENT "', '" MEMBER "', '" NUTRI "', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
        "INSERT INTO recipes (id, title, meal_type, prep_time_min, cook_time_min, servings, calories, protein_g, carbs_g,"
        " fat_g, fiber_g, sodium_mg, created_at, updated_at) VALUES"
        " ('" RECIPE_A "', 'Huevos a la mexicana', 'desayuno', 5, 10, 2, 200, 12, 6, 14, 1.5, 300, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
        " ('" RECIPE_B "', 'Sopa de lentejas', 'comida', 10, 40, 4, 250, 15, 35, 5, 8, 450, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');");
  f->svc = bz_services_new (f->store);
  f->nutri = bz_caller_new (NUTRI, BZ_ROLE_NUTRITIONIST, "n@test.local");
  f->other = bz_caller_new (OTHER_NUTRI, BZ_ROLE_NUTRITIONIST, "o@test.local");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  bz_caller_free (f->nutri);
  bz_caller_free (f->other);
  g_clear_object (&f->svc);
  g_clear_object (&f->store);
  bz_test_rmdir (f->dir);
  g_free (f->dir);
}

/* A plan of PATIENT made at @created, a draft expiring at @expires. */
static void
insert_plan (Fixture *f, const char *id, const char *created, const char *expires)
{
  g_autoptr(GError) error = NULL;
  BzMealPlanNew row = { id, PATIENT, NUTRI, "2026-12-28", 2, created, expires };

  g_assert_true (bz_store_begin (f->store, &error));
  g_assert_true (bz_meal_plan_repo_insert (f->store, &row, bz_meal_plan_default_meals (), &error));
  g_assert_true (bz_store_commit (f->store, &error));
  g_assert_no_error (error);
}

static void
test_list (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) plans = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  insert_plan (f, "manual-old-final", "2026-01-02T00:00:00Z", "2999-01-01T00:00:00Z");
  exec (f->store, "UPDATE meal_plans SET status = 'completed', expires_at = NULL, plan_name = 'Enero' WHERE id = 'manual-old-final'");
  insert_plan (f, "manual-expired", "2026-01-03T00:00:00Z", "2026-01-10T00:00:00Z");
  insert_plan (f, "manual-current", "2026-01-04T00:00:00Z", "2999-01-01T00:00:00Z");
  exec (f->store, "UPDATE meal_plans SET status = 'finalized', expires_at = NULL WHERE id = 'manual-current'");
  insert_plan (f, "manual-draft", "2026-01-05T00:00:00Z", "2999-01-01T00:00:00Z");

  plans = bz_meal_plans_list_for_patient (f->svc, f->nutri, PATIENT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 3);
  {
    const char *expect[][2] = { { "manual-draft", "draft" }, { "manual-current", "finalized" },
                                { "manual-old-final", "completed" } };
    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(BzRecord) p = g_list_model_get_item (plans, i);
        g_assert_true (bz_record_get_resource (p) == &bz_meal_plan_summary_resource);
        g_assert_cmpstr (bz_record_get_string (p, BZ_MEAL_PLAN_SUMMARY_ID), ==, expect[i][0]);
        g_assert_cmpstr (bz_record_get_string (p, BZ_MEAL_PLAN_SUMMARY_STATUS), ==, expect[i][1]);
        g_assert_cmpint (bz_record_get_int (p, BZ_MEAL_PLAN_SUMMARY_DURATION_DAYS), ==, 2);
      }
  }

  /* the repository at a moment before the draft expired lists it too */
  g_assert_true (bz_meal_plan_list_repo_for_patient (f->store, PATIENT, "2026-01-09T00:00:00Z", &rows, &error));
  g_assert_cmpuint (rows->len, ==, 4);

  /* another nutritionist, and no caller */
  g_clear_object (&plans);
  plans = bz_meal_plans_list_for_patient (f->svc, f->other, PATIENT, &error);
  g_assert_null (plans);
  g_assert_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND);
  g_clear_error (&error);
  plans = bz_meal_plans_list_for_patient (f->svc, NULL, PATIENT, &error);
  g_assert_null (plans);
  g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
}

static double
day_kcal (BzRecord *plan, guint day)
{
  BzRecord *summary = bz_record_get_object (plan, BZ_MEAL_PLAN_NUTRITION);
  BzRecord *dw = bz_record_get_item (summary, BZ_PLAN_NUTRITION_SUMMARY_DAY_WISE, day - 1);
  BzPlanTotals t = { 0 };

  bz_plan_nutrition_read (bz_record_get_object (dw, BZ_PLAN_DAY_NUTRITION_DAY_TOTAL), &t, 1.0);
  return t.kcal;
}

static BzRecord *
first_recipe (BzRecord *plan, guint day, guint slot)
{
  BzRecord *meal = bz_record_get_item (bz_record_get_item (plan, BZ_MEAL_PLAN_SUGGESTIONS, day - 1),
                                       BZ_PLAN_DAY_MEALS, slot);
  return bz_record_get_n_items (meal, BZ_PLAN_MEAL_RECIPES) ? bz_record_get_item (meal, BZ_PLAN_MEAL_RECIPES, 0) : NULL;
}

static void
test_set_servings (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) plan = NULL, before = NULL;

  insert_plan (f, "manual-s", "2026-01-05T00:00:00Z", "2999-01-01T00:00:00Z");
  g_assert_true (bz_meal_plan_repo_add_recipe (f->store, "manual-s", 1, "breakfast", "breakfast", RECIPE_A, 1,
                                               "2026-01-05T00:00:00Z", &error));

  plan = bz_meal_plans_set_servings (f->svc, f->nutri, "manual-s", 1, "Breakfast", RECIPE_A, 2.5, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (bz_record_get_double (first_recipe (plan, 1, 0), BZ_PLAN_RECIPE_SERVINGS), ==, 2.5);
  g_assert_cmpfloat_with_epsilon (day_kcal (plan, 1), 2.5 * 200, 1e-6);
  g_clear_object (&plan);

  before = bz_meal_plans_get (f->svc, f->nutri, "manual-s", &error);
  g_assert_no_error (error);
  /* out of range, an unknown recipe, another nutritionist: refused, nothing changes */
  g_assert_null (bz_meal_plans_set_servings (f->svc, f->nutri, "manual-s", 1, "breakfast", RECIPE_A, 20.5, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_null (bz_meal_plans_set_servings (f->svc, f->nutri, "manual-s", 1, "breakfast", RECIPE_B, 2, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (bz_meal_plans_set_servings (f->svc, f->other, "manual-s", 1, "breakfast", RECIPE_A, 2, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (bz_meal_plans_set_servings (f->svc, f->nutri, "manual-s", 3, "breakfast", RECIPE_A, 2, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
  g_clear_error (&error);
  exec (f->store, "UPDATE meal_plans SET status = 'finalized', expires_at = NULL WHERE id = 'manual-s'");
  g_assert_null (bz_meal_plans_set_servings (f->svc, f->nutri, "manual-s", 1, "breakfast", RECIPE_A, 2, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_CONFLICT);
  g_clear_error (&error);
  plan = bz_meal_plans_get (f->svc, f->nutri, "manual-s", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (bz_record_get_double (first_recipe (plan, 1, 0), BZ_PLAN_RECIPE_SERVINGS), ==, 2.5);
  g_assert_cmpfloat (day_kcal (plan, 1), ==, day_kcal (before, 1));
}

/* A Recipe record with @servings servings, per-serving @kcal and @sodium_mg,
 * and ingredients (description, grams). */
static BzRecord *
recipe_new (int servings, double kcal, double sodium_mg, const char *const *descs, const double *grams,
            const char *tag)
{
  BzRecord *r = bz_record_new (&bz_recipe_resource);
  BzRecord *n = bz_record_new (&bz_recipe_nutrition_resource);

  bz_record_set_int (r, BZ_RECIPE_SERVINGS, servings);
  bz_record_set_double (n, BZ_RECIPE_NUTRITION_CALORIES, kcal);
  bz_record_set_double (n, BZ_RECIPE_NUTRITION_SODIUM_MG, sodium_mg);
  bz_record_take_object (r, BZ_RECIPE_NUTRITION_PER_SERVING, n);
  bz_record_set_empty_array (r, BZ_RECIPE_INGREDIENTS);
  for (guint i = 0; descs[i]; i++)
    {
      BzRecord *ing = bz_record_new (&bz_recipe_ingredient_resource);
      bz_record_set_string (ing, BZ_RECIPE_INGREDIENT_NDB_NO, "01123");
      bz_record_set_string (ing, BZ_RECIPE_INGREDIENT_DESCRIPTION, descs[i]);
      bz_record_set_double (ing, BZ_RECIPE_INGREDIENT_GRAMS, grams[i]);
      bz_record_append (r, BZ_RECIPE_INGREDIENTS, ing);
    }
  if (tag)
    {
      const char *tags[] = { tag, NULL };
      bz_record_take_strv (r, BZ_RECIPE_TAGS, g_strdupv ((char **) tags));
    }
  return r;
}

static void
test_seals (void)
{
  GDate d;
  const char *salted[] = { "Egg, whole, cooked, scrambled", "Salt, table", NULL };
  const char *plain[] = { "Egg, whole, cooked, scrambled", NULL };
  const char *oiled[] = { "Egg, whole, cooked, scrambled", "Oil, olive, salad or cooking", NULL };
  const char *sweet[] = { "Milk, reduced fat, fluid, 2% milkfat", "Sugars, granulated", NULL };
  const double g2[] = { 196, 4 }, g1[] = { 200 }, g3[] = { 290, 10 };
  g_autoptr(BzRecord) a = NULL, b = NULL, c = NULL, e = NULL;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 30, 11, 2026);   /* phase 2 (bz-nom051.h) */

  /* 2 servings of 100 g: 200 kcal and 450 mg sodium per 100 g, salt added:
   * sodium ≥ 1 mg/kcal (450 / 200 = 2.25) → EXCESO SODIO; 200 kcal/100 g
   * < 275 → no EXCESO CALORÍAS. */
  a = recipe_new (2, 200, 450, salted, g2, NULL);
  g_assert_cmpuint (bz_recipe_nom051_seals (a, &d), ==, BZ_NOM051_SEAL_SODIUM);
  /* the same without salt: nothing added, no seal evaluated */
  b = recipe_new (2, 200, 450, plain, g1, NULL);
  g_assert_cmpuint (bz_recipe_nom051_seals (b, &d), ==, 0);
  /* 1 serving of 200 g at 700 kcal: 350 kcal/100 g ≥ 275 with oil added
   * (phase 2 evaluates energy when sugars or fats were added) → EXCESO
   * CALORÍAS; salt only would not do: added sodium evaluates sodium only */
  c = recipe_new (1, 700, 2000, oiled, g2, NULL);
  g_assert_cmpuint (bz_recipe_nom051_seals (c, &d), ==, BZ_NOM051_SEAL_CALORIES);
  g_clear_object (&c);
  c = recipe_new (1, 700, 100, salted, g2, NULL);
  g_assert_cmpuint (bz_recipe_nom051_seals (c, &d), ==, 0);
  /* a drink ("bebida", per 100 ml) of 2 x 150 g at 120 kcal: 80 kcal/100 ml
   * ≥ 70 with sugar added → EXCESO CALORÍAS (a solid would need 275) */
  g_clear_object (&c);
  c = recipe_new (2, 120, 10, sweet, g3, "bebida");
  g_assert_cmpuint (bz_recipe_nom051_seals (c, &d), ==, BZ_NOM051_SEAL_CALORIES);
  g_clear_object (&c);
  c = recipe_new (2, 120, 10, sweet, g3, NULL);
  g_assert_cmpuint (bz_recipe_nom051_seals (c, &d), ==, 0);
  /* no ingredients: no grams to go per 100 g, no seal */
  {
    const char *none[] = { NULL };
    e = recipe_new (1, 700, 2000, none, NULL, NULL);
    g_assert_cmpuint (bz_recipe_nom051_seals (e, &d), ==, 0);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/meal-plan-list/list", Fixture, NULL, fixture_set_up, test_list, fixture_tear_down);
  g_test_add ("/meal-plan-list/set-servings", Fixture, NULL, fixture_set_up, test_set_servings, fixture_tear_down);
  g_test_add_func ("/meal-plan-list/nom051-seals", test_seals);
  return g_test_run ();
}
