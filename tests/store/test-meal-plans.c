/* test-meal-plans.c — the meal plan repository (data/sql/007_meal_plans.sql,
 * data/sql/011_meal_plan_lifecycle.sql, src/store/bz-meal-plan-repo*.c:
 * slots, recipes, the status lifecycle's transitions, a date's planned day)
 * and the roll-ups (with SMAE equivalents) of
 * bz-meal-plan-resources.c, on a store with two hand-made recipes (no SR28
 * import: the repository reads only the recipes' stored nutrition). */
#include <math.h>

#include "bz-meal-plan-repo.h"
#include "bz-test-util.h"

#define NUTRI "11111111-1111-4111-8111-111111111111"
#define MEMBER "22222222-2222-4222-8222-222222222222"
#define PATIENT "33333333-3333-4333-8333-333333333333"
#define RECIPE_A "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"
#define RECIPE_B "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"

static void
exec (BzStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_assert_true (bz_db_exec (bz_store_db (store), sql, &error));
  g_assert_no_error (error);
}

static BzStore *
open_store (char **out_dir)
{
  g_autoptr(GError) error = NULL;
  BzStore *store;

  *out_dir = bz_test_tmpdir ("meal-plans");
  store = bz_store_open (*out_dir, &error);
  g_assert_no_error (error);
  exec (store,
        "INSERT INTO users (id, email, username, password_hash, first_name, last_name, user_type, created_at, updated_at)"
        " VALUES ('" NUTRI "', 'n@test.local', 'n', 'x', 'Ana', 'López', 'nutritionist', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
        " ('" MEMBER "', 'm@test.local', 'm', 'x', 'Luis', 'Soto', 'patient', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
        "INSERT INTO patients (id, user_id, nutritionist_id, created_at, updated_at)"
        " VALUES ('" PATIENT "', '" MEMBER "', '" NUTRI "', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
        "INSERT INTO recipes (id, title, meal_type, prep_time_min, cook_time_min, servings, calories, protein_g, carbs_g,"
        " fat_g, fiber_g, sodium_mg, smae_equivalents, created_at, updated_at) VALUES"
        " ('" RECIPE_A "', 'Huevos a la mexicana', 'desayuno', 5, 10, 2, 200, 12, 6, 14, 1.5, 300,"
        "  '{\"aoa_moderado_aporte_grasa\":1.5,\"verduras\":0.5}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
        " ('" RECIPE_B "', 'Sopa de lentejas', 'comida', 10, 40, 4, 250, 15, 35, 5, 8, 450,"
        "  '{\"leguminosas\":1.5,\"verduras\":1}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');");
  return store;
}

static BzRecord *
get_plan (BzStore *store, const char *id)
{
  g_autoptr(GError) error = NULL;
  BzRecord *plan = bz_meal_plan_repo_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  bz_meal_plan_roll_up (plan);
  return plan;
}

static BzRecord *
meal (BzRecord *plan, guint day, guint i)
{
  return bz_record_get_item (bz_record_get_item (plan, BZ_MEAL_PLAN_SUGGESTIONS, day - 1), BZ_PLAN_DAY_MEALS, i);
}

static double
kcal_of (BzRecord *nutrition)
{
  BzPlanTotals t = { 0 };
  bz_plan_nutrition_read (nutrition, &t, 1);
  return t.kcal;
}

static void
insert_plan (BzStore *store, const char *id, gint64 days)
{
  g_autoptr(GError) error = NULL;
  BzMealPlanNew row = { id, PATIENT, NUTRI, "2026-12-28", days, "2026-12-01T10:00:00Z", "2026-12-08T10:00:00Z" };
  g_assert_true (bz_store_begin (store, &error));
  g_assert_true (bz_meal_plan_repo_insert (store, &row, bz_meal_plan_default_meals (), &error));
  g_assert_true (bz_store_commit (store, &error));
  g_assert_no_error (error);
}

static void
test_slots_recipes_roll_up (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BzStore) store = open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) plan = NULL, after = NULL;
  BzRecord *summary;
  gboolean found;

  insert_plan (store, "manual-p-1", 3);
  /* The same id again: a conflict (the service takes the next millisecond). */
  {
    BzMealPlanNew row = { "manual-p-1", PATIENT, NUTRI, "2026-12-28", 3, "2026-12-01T10:00:00Z", "2026-12-08T10:00:00Z" };
    g_assert_false (bz_meal_plan_repo_insert (store, &row, bz_meal_plan_default_meals (), &error));
    g_assert_error (error, BZ_ERROR, BZ_ERROR_CONFLICT);
    g_clear_error (&error);
  }
  g_assert_true (bz_meal_plan_repo_add_recipe (store, "manual-p-1", 1, "breakfast", "Breakfast", RECIPE_A, 1.5, "2026-12-01T11:00:00Z", &error));
  g_assert_true (bz_meal_plan_repo_add_recipe (store, "manual-p-1", 1, "breakfast", "Breakfast", RECIPE_B, 1, "2026-12-01T11:00:00Z", &error));
  g_assert_true (bz_meal_plan_repo_add_recipe (store, "manual-p-1", 2, "pre-workout", "Pre-Workout", RECIPE_B, 0.5, "2026-12-01T11:00:00Z", &error));
  g_assert_no_error (error);

  plan = get_plan (store, "manual-p-1");
  g_assert_cmpstr (bz_record_get_string (plan, BZ_MEAL_PLAN_END_DATE), ==, "2026-12-31");
  g_assert_cmpstr (bz_record_get_string (plan, BZ_MEAL_PLAN_UPDATED_AT), ==, "2026-12-01T11:00:00Z");
  g_assert_cmpstr (bz_record_get_string (bz_record_get_item (plan, BZ_MEAL_PLAN_SUGGESTIONS, 2), BZ_PLAN_DAY_DATE), ==, "2026-12-30");
  /* Slots keep their order; a new one comes after the day's others. */
  g_assert_cmpuint (bz_record_get_n_items (bz_record_get_item (plan, BZ_MEAL_PLAN_SUGGESTIONS, 1), BZ_PLAN_DAY_MEALS), ==, 5);
  g_assert_cmpstr (bz_record_get_string (meal (plan, 2, 4), BZ_PLAN_MEAL_MEAL_NAME), ==, "Pre-Workout");
  g_assert_cmpstr (bz_record_get_string (meal (plan, 1, 0), BZ_PLAN_MEAL_MEAL_NAME), ==, "breakfast");
  /* Recipes in the order added, each per serving x servings. */
  g_assert_cmpuint (bz_record_get_n_items (meal (plan, 1, 0), BZ_PLAN_MEAL_RECIPES), ==, 2);
  g_assert_cmpstr (bz_record_get_string (meal (plan, 1, 0), BZ_PLAN_MEAL_SELECTED_RECIPE_ID), ==, RECIPE_A);
  g_assert_cmpfloat_with_epsilon (kcal_of (bz_record_get_object (meal (plan, 1, 0), BZ_PLAN_MEAL_TOTAL_NUTRITION)), 1.5 * 200 + 250, 1e-9);
  g_assert_null (bz_record_get_object (meal (plan, 1, 1), BZ_PLAN_MEAL_TOTAL_NUTRITION));   /* lunch: empty */
  g_assert_null (bz_record_get_string (meal (plan, 1, 1), BZ_PLAN_MEAL_SELECTED_RECIPE_ID));
  summary = bz_record_get_object (plan, BZ_MEAL_PLAN_NUTRITION);
  g_assert_cmpfloat_with_epsilon (kcal_of (bz_record_get_object (summary, BZ_PLAN_NUTRITION_SUMMARY_OVERALL)), 550 + 125, 1e-9);
  g_assert_cmpfloat_with_epsilon (kcal_of (bz_record_get_object (summary, BZ_PLAN_NUTRITION_SUMMARY_DAILY_AVERAGE)), 675.0 / 3, 1e-9);
  {
    BzPlanTotals t = { 0 };
    bz_plan_nutrition_read (bz_record_get_object (summary, BZ_PLAN_NUTRITION_SUMMARY_OVERALL), &t, 1);
    g_assert_cmpfloat_with_epsilon (t.sodium_mg, 1.5 * 300 + 450 + 225, 1e-9);
    g_assert_cmpfloat_with_epsilon (t.fiber_g, 1.5 * 1.5 + 8 + 4, 1e-9);
    /* SMAE equivalents: the recipes' per serving x servings, summed (A 1.5
     * servings, B 1 + 0.5 servings): verduras 1.5 x 0.5 + 1.5 x 1. */
    g_assert_cmpfloat_with_epsilon (t.smae[BZ_SMAE_ANIMAL_MODERATE_FAT], 1.5 * 1.5, 1e-9);
    g_assert_cmpfloat_with_epsilon (t.smae[BZ_SMAE_LEGUMES], 1.5 * 1.5, 1e-9);
    g_assert_cmpfloat_with_epsilon (t.smae[BZ_SMAE_VEGETABLES], 0.75 + 1.5, 1e-9);
    g_assert_cmpfloat (t.smae[BZ_SMAE_FRUITS], ==, 0);
  }
  {
    /* Per day too (dayWise[].dayTotal), and the daily average. */
    BzPlanTotals d1 = { 0 }, avg = { 0 };
    BzRecord *day1 = bz_record_get_item (summary, BZ_PLAN_NUTRITION_SUMMARY_DAY_WISE, 0);
    bz_plan_nutrition_read (bz_record_get_object (day1, BZ_PLAN_DAY_NUTRITION_DAY_TOTAL), &d1, 1);
    bz_plan_nutrition_read (bz_record_get_object (summary, BZ_PLAN_NUTRITION_SUMMARY_DAILY_AVERAGE), &avg, 1);
    g_assert_cmpfloat_with_epsilon (d1.smae[BZ_SMAE_VEGETABLES], 0.75 + 1, 1e-9);
    g_assert_cmpfloat_with_epsilon (avg.smae[BZ_SMAE_VEGETABLES], 2.25 / 3, 1e-9);
  }
  g_assert_cmpint (bz_meal_plan_repo_empty_slots (store, "manual-p-1", &error), ==, 3 * 4 + 1 - 2);

  /* Remove: one recipe; a slot; a missing slot is not found. */
  g_assert_true (bz_meal_plan_repo_remove (store, "manual-p-1", 1, "breakfast", RECIPE_B, FALSE, "2026-12-01T12:00:00Z", &found, &error));
  g_assert_true (found);
  g_assert_true (bz_meal_plan_repo_remove (store, "manual-p-1", 2, "pre-workout", NULL, TRUE, "2026-12-01T12:00:00Z", &found, &error));
  g_assert_true (found);
  g_assert_true (bz_meal_plan_repo_remove (store, "manual-p-1", 2, "brunch", NULL, FALSE, "2026-12-01T12:00:00Z", &found, &error));
  g_assert_false (found);
  g_assert_true (bz_meal_plan_repo_remove (store, "manual-p-1", 1, "breakfast", RECIPE_B, FALSE, "2026-12-01T12:00:00Z", &found, &error));
  g_assert_false (found);
  g_assert_no_error (error);
  after = get_plan (store, "manual-p-1");
  g_assert_cmpuint (bz_record_get_n_items (meal (after, 1, 0), BZ_PLAN_MEAL_RECIPES), ==, 1);
  g_assert_cmpuint (bz_record_get_n_items (bz_record_get_item (after, BZ_MEAL_PLAN_SUGGESTIONS, 1), BZ_PLAN_DAY_MEALS), ==, 4);
  /* Deleting the plan deletes its slots and recipes. */
  exec (store, "DELETE FROM meal_plans WHERE id = 'manual-p-1'");
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
        "SELECT (SELECT count(*) FROM meal_plan_slots) + (SELECT count(*) FROM meal_plan_recipes)", &error);
    g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (st, 0), ==, 0);
  }
  g_assert_null (bz_meal_plan_repo_get (store, "manual-p-1", &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  bz_test_rmdir (dir);
}

static void
insert_plan_on (BzStore *store, const char *id, const char *plan_date, gint64 days)
{
  g_autoptr(GError) error = NULL;
  BzMealPlanNew row = { id, PATIENT, NUTRI, plan_date, days, "2026-12-01T10:00:00Z", "2026-12-08T10:00:00Z" };
  g_assert_true (bz_store_begin (store, &error));
  g_assert_true (bz_meal_plan_repo_insert (store, &row, bz_meal_plan_default_meals (), &error));
  g_assert_true (bz_store_commit (store, &error));
  g_assert_no_error (error);
}

static void
assert_plan_status (BzStore *store, const char *id, const char *status)
{
  g_autoptr(BzRecord) plan = get_plan (store, id);
  g_assert_cmpstr (bz_record_get_string (plan, BZ_MEAL_PLAN_STATUS), ==, status);
}

static void
finalize (BzStore *store, const char *id)
{
  g_autoptr(GError) error = NULL;
  g_assert_true (bz_meal_plan_repo_finalize (store, id, PATIENT, id, "2026-12-02T09:00:00Z", &error));
  g_assert_no_error (error);
}

/* A second finalized plan archives the first while neither has started:
 * one upcoming plan per patient, which the database holds too. */
static void
test_finalize_one_upcoming (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BzStore) store = open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) first = NULL, second = NULL;

  insert_plan (store, "manual-p-1", 1);
  insert_plan (store, "manual-p-2", 1);
  g_assert_true (bz_meal_plan_repo_finalize (store, "manual-p-1", PATIENT, "Semana 1", "2026-12-02T09:00:00Z", &error));
  first = get_plan (store, "manual-p-1");
  g_assert_cmpstr (bz_record_get_string (first, BZ_MEAL_PLAN_STATUS), ==, "finalized");
  g_assert_cmpstr (bz_record_get_string (first, BZ_MEAL_PLAN_PLAN_NAME), ==, "Semana 1");
  g_assert_null (bz_record_get_string (first, BZ_MEAL_PLAN_EXPIRES_AT));
  g_assert_cmpstr (bz_record_get_string (first, BZ_MEAL_PLAN_FINALIZED_AT), ==, "2026-12-02T09:00:00Z");
  g_clear_object (&first);
  g_assert_true (bz_meal_plan_repo_finalize (store, "manual-p-2", PATIENT, "Semana 2", "2026-12-09T09:00:00Z", &error));
  g_assert_no_error (error);
  first = get_plan (store, "manual-p-1");
  second = get_plan (store, "manual-p-2");
  g_assert_cmpstr (bz_record_get_string (first, BZ_MEAL_PLAN_STATUS), ==, "archived");
  g_assert_cmpstr (bz_record_get_string (second, BZ_MEAL_PLAN_STATUS), ==, "finalized");
  /* The database refuses a second upcoming plan, and a second active one. */
  g_assert_false (bz_db_exec (bz_store_db (store), "UPDATE meal_plans SET status = 'finalized' WHERE id = 'manual-p-1'", &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_CONFLICT);
  g_clear_error (&error);
  exec (store, "UPDATE meal_plans SET status = 'active' WHERE id = 'manual-p-1'");
  g_assert_false (bz_db_exec (bz_store_db (store), "UPDATE meal_plans SET status = 'active' WHERE id = 'manual-p-2'", &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_CONFLICT);
  g_clear_object (&store);
  bz_test_rmdir (dir);
}

/* The repository's transitions, with the dates given: activation on
 * planDate (not before), completion on endDate (not before), what the
 * patient's other plans become, and running each twice. */
static void
test_activate_complete (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BzStore) store = open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *end = NULL;
  BzPlanTransition t;
  const char *now = "2026-12-20T06:00:00Z";

  /* A: 7 days from 2026-12-07 (end 2026-12-14); B: 7 days from 2026-12-10;
   * C: 3 days from 2026-12-20. */
  insert_plan_on (store, "plan-a", "2026-12-07", 7);
  insert_plan_on (store, "plan-b", "2026-12-10", 7);
  insert_plan_on (store, "plan-c", "2026-12-20", 3);
  finalize (store, "plan-a");

  g_assert_true (bz_store_begin (store, &error));
  g_assert_true (bz_meal_plan_repo_activate (store, "plan-a", "2026-12-06", now, &t, &end, &error));
  g_assert_cmpint (t, ==, BZ_PLAN_TRANSITION_NOT_YET);
  g_assert_null (end);
  g_assert_true (bz_meal_plan_repo_activate (store, "plan-a", "2026-12-07", now, &t, &end, &error));
  g_assert_cmpint (t, ==, BZ_PLAN_TRANSITION_DONE);
  g_assert_cmpstr (end, ==, "2026-12-14");
  g_clear_pointer (&end, g_free);
  g_assert_true (bz_meal_plan_repo_activate (store, "plan-a", "2026-12-07", now, &t, NULL, &error));
  g_assert_cmpint (t, ==, BZ_PLAN_TRANSITION_NOT_APPLICABLE);   /* twice: nothing more */
  g_assert_true (bz_meal_plan_repo_complete (store, "plan-a", "2026-12-13", now, &t, &error));
  g_assert_cmpint (t, ==, BZ_PLAN_TRANSITION_NOT_YET);          /* its last day */
  g_assert_true (bz_store_commit (store, &error));
  g_assert_no_error (error);
  assert_plan_status (store, "plan-a", "active");

  /* B, finalized while A runs, waits; at its planDate A is cut short: archived. */
  finalize (store, "plan-b");
  assert_plan_status (store, "plan-a", "active");
  assert_plan_status (store, "plan-b", "finalized");
  g_assert_true (bz_store_begin (store, &error));
  g_assert_true (bz_meal_plan_repo_activate (store, "plan-b", "2026-12-10", now, &t, NULL, &error));
  g_assert_cmpint (t, ==, BZ_PLAN_TRANSITION_DONE);
  /* A's completion job, run later, finds it archived and leaves it. */
  g_assert_true (bz_meal_plan_repo_complete (store, "plan-a", "2026-12-14", now, &t, &error));
  g_assert_cmpint (t, ==, BZ_PLAN_TRANSITION_NOT_APPLICABLE);
  g_assert_true (bz_store_commit (store, &error));
  g_assert_no_error (error);
  assert_plan_status (store, "plan-a", "archived");
  assert_plan_status (store, "plan-b", "active");

  /* B runs its course: completed on its endDate, 2026-12-17. */
  g_assert_true (bz_store_begin (store, &error));
  g_assert_true (bz_meal_plan_repo_complete (store, "plan-b", "2026-12-17", now, &t, &error));
  g_assert_cmpint (t, ==, BZ_PLAN_TRANSITION_DONE);
  g_assert_true (bz_meal_plan_repo_complete (store, "plan-b", "2026-12-17", now, &t, &error));
  g_assert_cmpint (t, ==, BZ_PLAN_TRANSITION_NOT_APPLICABLE);
  g_assert_true (bz_store_commit (store, &error));
  assert_plan_status (store, "plan-b", "completed");
  {
    g_autoptr(BzRecord) current = NULL;
    g_assert_true (bz_meal_plan_repo_current (store, PATIENT, &current, &error));
    g_assert_null (current);
  }

  /* C starts: the completed B becomes history (archived). */
  finalize (store, "plan-c");
  g_assert_true (bz_store_begin (store, &error));
  g_assert_true (bz_meal_plan_repo_activate (store, "plan-c", "2026-12-20", now, &t, NULL, &error));
  g_assert_cmpint (t, ==, BZ_PLAN_TRANSITION_DONE);
  g_assert_true (bz_store_commit (store, &error));
  g_assert_no_error (error);
  assert_plan_status (store, "plan-b", "archived");
  assert_plan_status (store, "plan-c", "active");
  {
    g_autoptr(BzRecord) current = NULL;
    g_assert_true (bz_meal_plan_repo_current (store, PATIENT, &current, &error));
    g_assert_cmpstr (bz_record_get_string (current, BZ_MEAL_PLAN_SUMMARY_ID), ==, "plan-c");
    g_assert_cmpstr (bz_record_get_string (current, BZ_MEAL_PLAN_SUMMARY_STATUS), ==, "active");
  }
  g_clear_object (&store);
  bz_test_rmdir (dir);
}

/* An active plan whose endDate has passed when the next one starts ran its
 * course: completed, not archived.  The patient record shows the active
 * plan before the upcoming one. */
static void
test_activate_after_end (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BzStore) store = open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) current = NULL;
  BzPlanTransition t;

  insert_plan_on (store, "plan-a", "2026-12-01", 3);   /* end 2026-12-04 */
  insert_plan_on (store, "plan-b", "2026-12-10", 3);
  finalize (store, "plan-a");
  g_assert_true (bz_store_begin (store, &error));
  g_assert_true (bz_meal_plan_repo_activate (store, "plan-a", "2026-12-01", "2026-12-01T06:00:00Z", &t, NULL, &error));
  g_assert_true (bz_store_commit (store, &error));
  finalize (store, "plan-b");
  g_assert_true (bz_meal_plan_repo_current (store, PATIENT, &current, &error));
  g_assert_cmpstr (bz_record_get_string (current, BZ_MEAL_PLAN_SUMMARY_ID), ==, "plan-a");
  g_clear_object (&current);
  g_assert_true (bz_store_begin (store, &error));
  g_assert_true (bz_meal_plan_repo_activate (store, "plan-b", "2026-12-10", "2026-12-10T06:00:00Z", &t, NULL, &error));
  g_assert_true (bz_store_commit (store, &error));
  g_assert_no_error (error);
  assert_plan_status (store, "plan-a", "completed");
  assert_plan_status (store, "plan-b", "active");
  g_clear_object (&store);
  bz_test_rmdir (dir);
}

/* GET /api/nutrition/daily's planned day: which plan, which day, only that
 * day's slots and recipes. */
static void
test_day_for_date (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BzStore) store = open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) day = NULL, none = NULL, draft = NULL;
  BzPlanTransition t;

  insert_plan_on (store, "plan-a", "2026-12-07", 3);
  g_assert_true (bz_meal_plan_repo_add_recipe (store, "plan-a", 2, "breakfast", "breakfast", RECIPE_A, 2, "2026-12-01T11:00:00Z", &error));
  g_assert_true (bz_meal_plan_repo_add_recipe (store, "plan-a", 2, "comida", "Comida", RECIPE_B, 1, "2026-12-01T11:00:00Z", &error));
  g_assert_true (bz_meal_plan_repo_add_recipe (store, "plan-a", 3, "breakfast", "breakfast", RECIPE_B, 1, "2026-12-01T11:00:00Z", &error));
  /* A draft is never shown. */
  g_assert_true (bz_meal_plan_repo_day_for_date (store, PATIENT, "2026-12-08", &draft, &error));
  g_assert_null (draft);
  finalize (store, "plan-a");
  g_assert_true (bz_store_begin (store, &error));
  g_assert_true (bz_meal_plan_repo_activate (store, "plan-a", "2026-12-07", "2026-12-07T06:00:00Z", &t, NULL, &error));
  g_assert_true (bz_store_commit (store, &error));

  g_assert_true (bz_meal_plan_repo_day_for_date (store, PATIENT, "2026-12-08", &day, &error));
  g_assert_no_error (error);
  g_assert_nonnull (day);
  g_assert_cmpstr (bz_record_get_string (day, BZ_DAILY_PLAN_PLAN_ID), ==, "plan-a");
  g_assert_cmpstr (bz_record_get_string (day, BZ_DAILY_PLAN_STATUS), ==, "active");
  g_assert_cmpint (bz_record_get_int (day, BZ_DAILY_PLAN_DAY), ==, 2);
  g_assert_cmpuint (bz_record_get_n_items (day, BZ_DAILY_PLAN_MEALS), ==, 5);   /* the four defaults + Comida */
  /* A x 2 + B x 1: 400 + 250 kcal; verduras 0.5 x 2 + 1; leguminosas 1.5. */
  {
    BzRecord *nut = bz_record_get_object (day, BZ_DAILY_PLAN_NUTRITION);
    BzRecord *eq = bz_record_get_object (day, BZ_DAILY_PLAN_EQUIVALENTS);
    BzRecord *first = bz_record_get_item (day, BZ_DAILY_PLAN_MEALS, 0);
    BzRecord *a = bz_record_get_item (first, BZ_DAILY_PLAN_MEAL_RECIPES, 0);
    double slot_kcal = 0;
    g_assert_cmpfloat_with_epsilon (bz_record_get_double (nut, BZ_NUTRIENTS_ENERGY_KCAL), 650, 1e-9);
    g_assert_cmpfloat_with_epsilon (bz_record_get_double (eq, BZ_SMAE_VEGETABLES), 2, 1e-9);
    g_assert_cmpfloat_with_epsilon (bz_record_get_double (eq, BZ_SMAE_LEGUMES), 1.5, 1e-9);
    g_assert_cmpstr (bz_record_get_string (bz_record_get_item (day, BZ_DAILY_PLAN_MEALS, 4), BZ_DAILY_PLAN_MEAL_MEAL_NAME),
                     ==, "Comida");
    g_assert_cmpstr (bz_record_get_string (a, BZ_DAILY_PLAN_RECIPE_RECIPE_ID), ==, RECIPE_A);
    /* Each slot's panel is the sum of its recipes'; the slots' sum is the day's. */
    for (guint m = 0; m < bz_record_get_n_items (day, BZ_DAILY_PLAN_MEALS); m++)
      {
        BzRecord *meal = bz_record_get_item (day, BZ_DAILY_PLAN_MEALS, m);
        double recipes = 0;
        for (guint r = 0; r < bz_record_get_n_items (meal, BZ_DAILY_PLAN_MEAL_RECIPES); r++)
          recipes += bz_record_get_double (bz_record_get_object (bz_record_get_item (meal, BZ_DAILY_PLAN_MEAL_RECIPES, r),
                                                                 BZ_DAILY_PLAN_RECIPE_NUTRITION), BZ_NUTRIENTS_ENERGY_KCAL);
        g_assert_cmpfloat_with_epsilon (bz_record_get_double (bz_record_get_object (meal, BZ_DAILY_PLAN_MEAL_NUTRITION),
                                                              BZ_NUTRIENTS_ENERGY_KCAL), recipes, 1e-9);
        slot_kcal += recipes;
      }
    g_assert_cmpfloat_with_epsilon (slot_kcal, 650, 1e-9);
  }
  /* Before day 1 and from endDate on: no plan. */
  g_assert_true (bz_meal_plan_repo_day_for_date (store, PATIENT, "2026-12-06", &none, &error));
  g_assert_null (none);
  g_assert_true (bz_meal_plan_repo_day_for_date (store, PATIENT, "2026-12-10", &none, &error));
  g_assert_null (none);
  g_assert_true (bz_meal_plan_repo_day_for_date (store, PATIENT, "2026-12-09", &none, &error));
  g_assert_cmpint (bz_record_get_int (none, BZ_DAILY_PLAN_DAY), ==, 3);
  g_clear_object (&none);
  /* Archived: not shown. */
  exec (store, "UPDATE meal_plans SET status = 'archived'");
  g_assert_true (bz_meal_plan_repo_day_for_date (store, PATIENT, "2026-12-08", &none, &error));
  g_assert_null (none);
  g_assert_no_error (error);
  g_clear_object (&store);
  bz_test_rmdir (dir);
}

/* The name of the planned day's slot @i and its recipes' ids, "name: a b". */
static char *
slot_of (BzRecord *day, guint i)
{
  BzRecord *meal = bz_record_get_item (day, BZ_DAILY_PLAN_MEALS, i);
  GString *s = g_string_new (bz_record_get_string (meal, BZ_DAILY_PLAN_MEAL_MEAL_NAME));

  g_string_append_c (s, ':');
  for (guint r = 0; r < bz_record_get_n_items (meal, BZ_DAILY_PLAN_MEAL_RECIPES); r++)
    g_string_append_printf (s, " %c", bz_record_get_string (bz_record_get_item (meal, BZ_DAILY_PLAN_MEAL_RECIPES, r),
                                                            BZ_DAILY_PLAN_RECIPE_RECIPE_ID)[0]);
  return g_string_free (s, FALSE);
}

static double
day_kcal (BzRecord *day)
{
  return bz_record_get_double (bz_record_get_object (day, BZ_DAILY_PLAN_NUTRITION), BZ_NUTRIENTS_ENERGY_KCAL);
}

/* The planned day (one statement over the slots, their recipes and the
 * catalogue): slots by position, a tie in meal_key order; each slot's
 * recipes by position; an empty slot and one whose recipe left the
 * catalogue listed without recipes; and the day's sums adding the recipes
 * in meal_key order (as the daily always has: its answers stay the same to
 * the last bit), not in the order listed. */
static void
test_day_order (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BzStore) store = open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) d1 = NULL, d2 = NULL;
  BzPlanTransition t;
  static const char *const day1[] = {
    "breakfast:", "lunch:", "Cena ligera: a b", "dinner:", "snack:",
  };
  static const char *const day2[] = {
    "breakfast:", "lunch: c", "dinner: d", "snack:", "Almuerzo: e",
  };

  exec (store,
        "INSERT INTO recipes (id, title, meal_type, prep_time_min, cook_time_min, servings, calories, protein_g, carbs_g,"
        " fat_g, fiber_g, sodium_mg, created_at, updated_at) VALUES"
        " ('cccccccc-cccc-4ccc-8ccc-cccccccccccc', 'C', 'cena', 1, 1, 1, 0.1, 0, 0, 0, 0, 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
        " ('dddddddd-dddd-4ddd-8ddd-dddddddddddd', 'D', 'cena', 1, 1, 1, 0.2, 0, 0, 0, 0, 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
        " ('eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee', 'E', 'cena', 1, 1, 1, 0.3, 0, 0, 0, 0, 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
        " ('ffffffff-ffff-4fff-8fff-ffffffffffff', 'F', 'cena', 1, 1, 1, 9, 0, 0, 0, 0, 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');");
  insert_plan_on (store, "plan-o", "2026-12-07", 2);
  /* Day 1: a slot of two recipes at position 4 moved to dinner's 2 (a tie:
   * "cena ligera" < "dinner"), breakfast's recipe dropped by the catalogue. */
  g_assert_true (bz_meal_plan_repo_add_recipe (store, "plan-o", 1, "cena ligera", "Cena ligera", RECIPE_A, 1, "2026-12-01T11:00:00Z", &error));
  g_assert_true (bz_meal_plan_repo_add_recipe (store, "plan-o", 1, "cena ligera", "Cena ligera", RECIPE_B, 2, "2026-12-01T11:00:00Z", &error));
  g_assert_true (bz_meal_plan_repo_add_recipe (store, "plan-o", 1, "breakfast", "breakfast", "ffffffff-ffff-4fff-8fff-ffffffffffff", 1, "2026-12-01T11:00:00Z", &error));
  exec (store, "UPDATE meal_plan_slots SET position = 2 WHERE meal_key = 'cena ligera';"
               "DELETE FROM recipes WHERE id = 'ffffffff-ffff-4fff-8fff-ffffffffffff'");
  /* Day 2: 0.1 kcal at lunch, 0.2 at dinner, 0.3 at Almuerzo (position 4,
   * first by meal_key): (0.3 + 0.2) + 0.1 = 0.6, (0.1 + 0.2) + 0.3 > 0.6. */
  g_assert_true (bz_meal_plan_repo_add_recipe (store, "plan-o", 2, "lunch", "lunch", "cccccccc-cccc-4ccc-8ccc-cccccccccccc", 1, "2026-12-01T11:00:00Z", &error));
  g_assert_true (bz_meal_plan_repo_add_recipe (store, "plan-o", 2, "dinner", "dinner", "dddddddd-dddd-4ddd-8ddd-dddddddddddd", 1, "2026-12-01T11:00:00Z", &error));
  g_assert_true (bz_meal_plan_repo_add_recipe (store, "plan-o", 2, "almuerzo", "Almuerzo", "eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee", 1, "2026-12-01T11:00:00Z", &error));
  g_assert_no_error (error);
  finalize (store, "plan-o");
  g_assert_true (bz_store_begin (store, &error));
  g_assert_true (bz_meal_plan_repo_activate (store, "plan-o", "2026-12-07", "2026-12-07T06:00:00Z", &t, NULL, &error));
  g_assert_true (bz_store_commit (store, &error));

  g_assert_true (bz_meal_plan_repo_day_for_date (store, PATIENT, "2026-12-07", &d1, &error));
  g_assert_true (bz_meal_plan_repo_day_for_date (store, PATIENT, "2026-12-08", &d2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bz_record_get_n_items (d1, BZ_DAILY_PLAN_MEALS), ==, G_N_ELEMENTS (day1));
  g_assert_cmpuint (bz_record_get_n_items (d2, BZ_DAILY_PLAN_MEALS), ==, G_N_ELEMENTS (day2));
  for (guint i = 0; i < G_N_ELEMENTS (day1); i++)
    {
      g_autofree char *a = slot_of (d1, i), *b = slot_of (d2, i);
      g_assert_cmpstr (a, ==, day1[i]);
      g_assert_cmpstr (b, ==, day2[i]);
    }
  g_assert_cmpfloat (day_kcal (d1), ==, 200 + 2 * 250);
  g_assert_cmpfloat (bz_record_get_double (bz_record_get_object (bz_record_get_item (d1, BZ_DAILY_PLAN_MEALS, 0),
                                                                 BZ_DAILY_PLAN_MEAL_NUTRITION), BZ_NUTRIENTS_ENERGY_KCAL), ==, 0);
  {
    volatile double a = 0.1, b = 0.2, c = 0.3;
    g_assert_cmpfloat ((a + b) + c, !=, (c + b) + a);   /* the premise */
    g_assert_cmpfloat (day_kcal (d2), ==, (c + b) + a);
  }
  g_clear_object (&store);
  bz_test_rmdir (dir);
}

static void
test_meal_key (void)
{
  g_autofree char *a = bz_meal_plan_meal_key ("  Breakfast ");
  g_autofree char *b = bz_meal_plan_meal_key ("BREAKFAST");
  g_autofree char *c = bz_meal_plan_meal_key ("Colación");
  g_autofree char *d = bz_meal_plan_meal_key ("COLACIÓN");
  g_assert_cmpstr (a, ==, "breakfast");
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (c, ==, d);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/meal-plans/slots-recipes-roll-up", test_slots_recipes_roll_up);
  g_test_add_func ("/meal-plans/finalize-one-upcoming", test_finalize_one_upcoming);
  g_test_add_func ("/meal-plans/activate-complete", test_activate_complete);
  g_test_add_func ("/meal-plans/activate-after-end", test_activate_after_end);
  g_test_add_func ("/meal-plans/day-for-date", test_day_for_date);
  g_test_add_func ("/meal-plans/day-order", test_day_order);
  g_test_add_func ("/meal-plans/meal-key", test_meal_key);
  return g_test_run ();
}
