/* bz-meal-plan-repo.c — see bz-meal-plan-repo.h. */
#include "bz-meal-plan-repo.h"

#include "bz-json.h"
#include "bz-record-store.h"
#include "bz-repo-private.h"

#include <string.h>

static gboolean
touch (sqlite3 *db, const char *plan_id, const char *now, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "UPDATE meal_plans SET updated_at = ?2 WHERE id = ?1", error);

  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, plan_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, now, -1, SQLITE_STATIC);
  if (!bz_db_step_done (st, error))
    return FALSE;
  return bz_repo_log_plan_change (db, plan_id, BZ_CHANGE_UPDATE, error);
}

gboolean
bz_meal_plan_repo_insert (BzStore *store, const BzMealPlanNew *plan, const char *const *meals, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "INSERT INTO meal_plans (id, patient_id, nutritionist_id, plan_date, duration_days, created_at, updated_at,"
      " expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)", error);
  g_autoptr(sqlite3_stmt) slot = NULL;

  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, plan->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, plan->patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, plan->nutritionist_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, plan->plan_date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 5, plan->duration_days);
  sqlite3_bind_text (st, 6, plan->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 7, plan->expires_at, -1, SQLITE_STATIC);
  if (!bz_db_step_done (st, error))
    return FALSE;

  slot = bz_db_prepare (db,
      "INSERT INTO meal_plan_slots (plan_id, day, meal_key, meal_name, position) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (slot == NULL)
    return FALSE;
  for (gint64 day = 1; day <= plan->duration_days; day++)
    for (guint i = 0; meals[i]; i++)
      {
        g_autofree char *key = bz_meal_plan_meal_key (meals[i]);
        sqlite3_reset (slot);
        sqlite3_bind_text (slot, 1, plan->id, -1, SQLITE_STATIC);
        sqlite3_bind_int64 (slot, 2, day);
        sqlite3_bind_text (slot, 3, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (slot, 4, meals[i], -1, SQLITE_STATIC);
        sqlite3_bind_int (slot, 5, i);
        if (!bz_db_step_done (slot, error))
          return FALSE;
      }
  return bz_store_log_patient_change (db, "meal_plans", plan->id, BZ_CHANGE_INSERT, plan->patient_id, error);
}

/* The date @days after the YYYY-MM-DD @date. */
static char *
date_plus (const char *date, gint64 days)
{
  GDate d;
  char buf[16];

  g_date_clear (&d, 1);
  g_date_set_parse (&d, date);
  if (!g_date_valid (&d))
    return g_strdup (date);
  g_date_add_days (&d, (guint) days);
  g_snprintf (buf, sizeof buf, "%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
  return g_strdup (buf);
}

static void
set_text_or_null (BzRecord *rec, guint field, sqlite3_stmt *st, int col)
{
  if (sqlite3_column_type (st, col) == SQLITE_NULL)
    bz_record_set_null (rec, field);
  else
    bz_record_set_string (rec, field, (const char *) sqlite3_column_text (st, col));
}

static BzRecord *
read_plan (sqlite3 *db, const char *id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "SELECT id, patient_id, nutritionist_id, status, creation_method, plan_name, plan_date, duration_days,"
      " created_at, updated_at, expires_at, finalized_at FROM meal_plans WHERE id = ?1", error);
  BzRecord *plan, *params;
  gboolean have_row;
  gint64 days;
  const char *plan_date;

  if (st == NULL)
    return NULL;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error) || !have_row)
    return NULL;
  plan = bz_record_new (&bz_meal_plan_resource);
  plan_date = (const char *) sqlite3_column_text (st, 6);
  days = sqlite3_column_int64 (st, 7);
  bz_record_set_string (plan, BZ_MEAL_PLAN_ID, (const char *) sqlite3_column_text (st, 0));
  bz_record_set_string (plan, BZ_MEAL_PLAN_CLIENT_ID, (const char *) sqlite3_column_text (st, 1));
  bz_record_set_string (plan, BZ_MEAL_PLAN_NUTRITIONIST_ID, (const char *) sqlite3_column_text (st, 2));
  bz_record_set_string (plan, BZ_MEAL_PLAN_STATUS, (const char *) sqlite3_column_text (st, 3));
  bz_record_set_string (plan, BZ_MEAL_PLAN_CREATION_METHOD, (const char *) sqlite3_column_text (st, 4));
  set_text_or_null (plan, BZ_MEAL_PLAN_PLAN_NAME, st, 5);
  bz_record_set_string (plan, BZ_MEAL_PLAN_PLAN_DATE, plan_date);
  bz_record_take_string (plan, BZ_MEAL_PLAN_END_DATE, date_plus (plan_date, days));
  bz_record_set_int (plan, BZ_MEAL_PLAN_DURATION_DAYS, days);
  bz_record_set_string (plan, BZ_MEAL_PLAN_CREATED_AT, (const char *) sqlite3_column_text (st, 8));
  bz_record_set_string (plan, BZ_MEAL_PLAN_UPDATED_AT, (const char *) sqlite3_column_text (st, 9));
  set_text_or_null (plan, BZ_MEAL_PLAN_EXPIRES_AT, st, 10);
  set_text_or_null (plan, BZ_MEAL_PLAN_FINALIZED_AT, st, 11);

  params = bz_record_new (&bz_plan_search_params_resource);
  bz_record_set_string (params, BZ_PLAN_SEARCH_PARAMS_CREATION_METHOD, (const char *) sqlite3_column_text (st, 4));
  bz_record_set_string (params, BZ_PLAN_SEARCH_PARAMS_CLIENT_ID, (const char *) sqlite3_column_text (st, 1));
  bz_record_set_string (params, BZ_PLAN_SEARCH_PARAMS_PLAN_DATE, plan_date);
  bz_record_set_int (params, BZ_PLAN_SEARCH_PARAMS_DURATION_DAYS, days);
  bz_record_take_object (plan, BZ_MEAL_PLAN_SEARCH_PARAMS, params);

  /* Every day, even one whose slots were all removed. */
  bz_record_set_empty_array (plan, BZ_MEAL_PLAN_SUGGESTIONS);
  for (gint64 d = 1; d <= days; d++)
    {
      BzRecord *day = bz_record_new (&bz_plan_day_resource);
      bz_record_set_int (day, BZ_PLAN_DAY_DAY, d);
      bz_record_take_string (day, BZ_PLAN_DAY_DATE, date_plus (plan_date, d - 1));
      bz_record_set_empty_array (day, BZ_PLAN_DAY_MEALS);
      bz_record_append (plan, BZ_MEAL_PLAN_SUGGESTIONS, day);
    }
  return plan;
}

/* Reads the slots of plan @id and their recipes (each with its title and
 * nutrition and SMAE equivalents per serving x servings) in two statements,
 * appending each slot to the meals (@meals_field) of @day_recs[day - 1];
 * days whose record is NULL, or other than @only_day when it is not 0, are
 * skipped. */
static gboolean
fill_meals (sqlite3 *db, const char *id, gint64 only_day, gint64 days, BzRecord **day_recs, guint meals_field,
            GError **error)
{
  g_autoptr(GHashTable) slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean have_row;

  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "SELECT day, meal_key, meal_name FROM meal_plan_slots WHERE plan_id = ?1 AND (?2 = 0 OR day = ?2)"
        " ORDER BY day, position", error);
    if (st == NULL)
      return FALSE;
    sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_int64 (st, 2, only_day);
    for (;;)
      {
        gint64 d;
        BzRecord *meal;
        if (!bz_repo_step (st, &have_row, error))
          return FALSE;
        if (!have_row)
          break;
        d = sqlite3_column_int64 (st, 0);
        if (d < 1 || d > days || day_recs[d - 1] == NULL)
          continue;
        meal = bz_record_new (&bz_plan_meal_resource);
        bz_record_set_string (meal, BZ_PLAN_MEAL_MEAL_NAME, (const char *) sqlite3_column_text (st, 2));
        bz_record_set_empty_array (meal, BZ_PLAN_MEAL_RECIPES);
        bz_record_append (day_recs[d - 1], meals_field, meal);
        g_hash_table_insert (slots, g_strdup_printf ("%" G_GINT64_FORMAT "/%s", d, sqlite3_column_text (st, 1)), meal);
      }
  }
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "SELECT m.day, m.meal_key, m.provider, m.recipe_id, m.servings, r.title,"
        " coalesce(m.mod_calories, r.calories), coalesce(m.mod_protein_g, r.protein_g),"
        " coalesce(m.mod_carbs_g, r.carbs_g), coalesce(m.mod_fat_g, r.fat_g), coalesce(m.mod_fiber_g, r.fiber_g),"
        " coalesce(m.mod_sodium_mg, r.sodium_mg), coalesce(m.mod_smae_equivalents, r.smae_equivalents)"
        " FROM meal_plan_recipes m JOIN recipes r ON r.id = m.recipe_id"
        " WHERE m.plan_id = ?1 AND (?2 = 0 OR m.day = ?2) ORDER BY m.day, m.meal_key, m.position", error);
    if (st == NULL)
      return FALSE;
    sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_int64 (st, 2, only_day);
    for (;;)
      {
        g_autofree char *key = NULL;
        BzRecord *meal, *recipe;
        BzPlanTotals per_serving, t = { 0 };
        double servings;
        if (!bz_repo_step (st, &have_row, error))
          return FALSE;
        if (!have_row)
          break;
        key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", (gint64) sqlite3_column_int64 (st, 0), sqlite3_column_text (st, 1));
        if (!(meal = g_hash_table_lookup (slots, key)))
          continue;
        servings = sqlite3_column_double (st, 4);
        per_serving = (BzPlanTotals) { sqlite3_column_double (st, 6), sqlite3_column_double (st, 7),
                                       sqlite3_column_double (st, 8), sqlite3_column_double (st, 9),
                                       sqlite3_column_double (st, 10), sqlite3_column_double (st, 11), { 0 } };
        bz_repo_read_json_numbers (st, 12, &bz_smae_equivalents_resource, per_serving.smae);
        bz_plan_totals_add (&t, &per_serving, servings);
        recipe = bz_record_new (&bz_plan_recipe_resource);
        bz_record_set_string (recipe, BZ_PLAN_RECIPE_ID, (const char *) sqlite3_column_text (st, 3));
        bz_record_set_string (recipe, BZ_PLAN_RECIPE_PROVIDER, (const char *) sqlite3_column_text (st, 2));
        bz_record_set_string (recipe, BZ_PLAN_RECIPE_TITLE, (const char *) sqlite3_column_text (st, 5));
        bz_record_set_double (recipe, BZ_PLAN_RECIPE_SERVINGS, servings);
        bz_record_take_object (recipe, BZ_PLAN_RECIPE_NUTRITION, bz_plan_nutrition_new (&bz_plan_nutrition_resource, &t));
        bz_record_append (meal, BZ_PLAN_MEAL_RECIPES, recipe);
      }
  }
  return TRUE;
}

BzRecord *
bz_meal_plan_repo_get (BzStore *store, const char *id, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(BzRecord) plan = NULL;
  g_autofree BzRecord **days_recs = NULL;
  gint64 days;

  if (!(plan = read_plan (db, id, error)))
    return NULL;
  days = bz_record_get_int (plan, BZ_MEAL_PLAN_DURATION_DAYS);
  days_recs = g_new0 (BzRecord *, MAX (days, 1));
  for (gint64 d = 0; d < days; d++)
    days_recs[d] = bz_record_get_item (plan, BZ_MEAL_PLAN_SUGGESTIONS, (guint) d);
  if (!fill_meals (db, id, 0, days, days_recs, BZ_PLAN_DAY_MEALS, error))
    return NULL;
  return g_steal_pointer (&plan);
}

/* Sets the Nutrients @field of @rec (the daily's) to @t, as a panel. */
static void
set_panel_of (BzRecord *rec, guint field, const BzPlanTotals *t)
{
  const BzNutrients n = { t->kcal, t->protein_g, t->carbs_g, t->fat_g, t->fiber_g, t->sodium_mg };
  bz_nutrients_set_panel (rec, field, &n);
}

/* A slot of the day read by fill_daily_plan(): its position and its
 * DailyPlanMeal record (owned until it is appended to the day). */
typedef struct
{
  gint64 position;
  BzRecord *meal;
} DaySlot;

static void
day_slot_clear (gpointer data)
{
  g_clear_object (&((DaySlot *) data)->meal);
}

static int
day_slot_by_position (gconstpointer a, gconstpointer b)
{
  gint64 x = ((const DaySlot *) a)->position, y = ((const DaySlot *) b)->position;
  return (x > y) - (x < y);
}

/* Day @day of plan @id into @rec (a DailyPlan): its slots with their
 * recipes, each recipe's, slot's and the day's nutrients and the day's SMAE
 * equivalents, in one statement.  The statement walks the slots in
 * primary-key order (meal_key) and each slot's recipes by position, so
 * SQLite sorts nothing, and the day's sums add the recipes in that order
 * as they always have; the slots are then listed by position (ties in
 * meal_key order, as the position index gives them) with a stable sort of
 * the few slots of a day. */
static gboolean
fill_daily_plan (sqlite3 *db, const char *id, gint64 day, BzRecord *rec, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "SELECT s.meal_key, s.meal_name, s.position, r.id, m.recipe_id, m.servings, r.title,"
      " coalesce(m.mod_calories, r.calories), coalesce(m.mod_protein_g, r.protein_g),"
      " coalesce(m.mod_carbs_g, r.carbs_g), coalesce(m.mod_fat_g, r.fat_g), coalesce(m.mod_fiber_g, r.fiber_g),"
      " coalesce(m.mod_sodium_mg, r.sodium_mg), coalesce(m.mod_smae_equivalents, r.smae_equivalents)"
      " FROM meal_plan_slots s"
      " LEFT JOIN meal_plan_recipes m ON m.plan_id = s.plan_id AND m.day = s.day AND m.meal_key = s.meal_key"
      " LEFT JOIN recipes r ON r.id = m.recipe_id"
      " WHERE s.plan_id = ?1 AND s.day = ?2 ORDER BY s.meal_key, m.position", error);
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (DaySlot));
  g_autoptr(GString) key = g_string_new (NULL);   /* the meal_key of the last slot in @slots */
  BzPlanTotals slot_total = { 0 }, day_total = { 0 };
  BzRecord *meal = NULL;   /* the last slot's, borrowed from @slots */
  gboolean have_row;

  if (st == NULL)
    return FALSE;
  g_array_set_clear_func (slots, day_slot_clear);
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 2, day);
  for (;;)
    {
      const char *meal_key;
      BzPlanTotals per_serving = { 0 }, t = { 0 };
      BzRecord *recipe;
      double servings;

      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      meal_key = (const char *) sqlite3_column_text (st, 0);
      if (meal == NULL || strcmp (key->str, meal_key) != 0)
        {
          DaySlot slot = { sqlite3_column_int64 (st, 2), NULL };
          if (meal != NULL)
            set_panel_of (meal, BZ_DAILY_PLAN_MEAL_NUTRITION, &slot_total);
          slot_total = (BzPlanTotals) { 0 };
          g_string_assign (key, meal_key);
          meal = slot.meal = bz_record_new (&bz_daily_plan_meal_resource);
          bz_record_set_string (meal, BZ_DAILY_PLAN_MEAL_MEAL_NAME, (const char *) sqlite3_column_text (st, 1));
          bz_record_set_empty_array (meal, BZ_DAILY_PLAN_MEAL_RECIPES);
          g_array_append_val (slots, slot);
        }
      if (sqlite3_column_type (st, 3) == SQLITE_NULL)
        continue;   /* a slot without recipes, or a recipe the catalogue no longer has */
      servings = sqlite3_column_double (st, 5);
      per_serving.kcal = sqlite3_column_double (st, 7);
      per_serving.protein_g = sqlite3_column_double (st, 8);
      per_serving.carbs_g = sqlite3_column_double (st, 9);
      per_serving.fat_g = sqlite3_column_double (st, 10);
      per_serving.fiber_g = sqlite3_column_double (st, 11);
      per_serving.sodium_mg = sqlite3_column_double (st, 12);
      bz_repo_read_json_numbers (st, 13, &bz_smae_equivalents_resource, per_serving.smae);
      bz_plan_totals_add (&t, &per_serving, servings);
      bz_plan_totals_add (&slot_total, &t, 1);
      bz_plan_totals_add (&day_total, &t, 1);
      recipe = bz_record_new (&bz_daily_plan_recipe_resource);
      bz_record_set_string (recipe, BZ_DAILY_PLAN_RECIPE_RECIPE_ID, (const char *) sqlite3_column_text (st, 4));
      bz_record_set_string (recipe, BZ_DAILY_PLAN_RECIPE_TITLE, (const char *) sqlite3_column_text (st, 6));
      bz_record_set_double (recipe, BZ_DAILY_PLAN_RECIPE_SERVINGS, servings);
      set_panel_of (recipe, BZ_DAILY_PLAN_RECIPE_NUTRITION, &t);
      bz_record_append (meal, BZ_DAILY_PLAN_MEAL_RECIPES, recipe);
    }
  if (meal != NULL)
    set_panel_of (meal, BZ_DAILY_PLAN_MEAL_NUTRITION, &slot_total);
  g_array_sort (slots, day_slot_by_position);   /* stable (GLib >= 2.32) */
  for (guint i = 0; i < slots->len; i++)
    bz_record_append (rec, BZ_DAILY_PLAN_MEALS, g_steal_pointer (&g_array_index (slots, DaySlot, i).meal));
  set_panel_of (rec, BZ_DAILY_PLAN_NUTRITION, &day_total);
  bz_smae_set_panel (rec, BZ_DAILY_PLAN_EQUIVALENTS, day_total.smae);
  return TRUE;
}

gboolean
bz_meal_plan_repo_day_for_date (BzStore *store, const char *patient_id, const char *date, BzRecord **out,
                                GError **error)
{
  sqlite3 *db = bz_store_db (store);
  /* The active plan, else the finalized one, else the latest completed one
   * covering @date: three index searches in that order, and SQLite stops at
   * the first row (LIMIT 1), so the usual case sorts nothing (one ORDER BY
   * over all three built a temporary B-tree per request: issue 6's profile). */
#define PLAN_DAY_SELECT(status) \
      "SELECT id, plan_name, status, plan_date, duration_days," \
      " CAST (julianday (?2) - julianday (plan_date) AS INTEGER) + 1" \
      " FROM meal_plans WHERE patient_id = ?1 AND status = '" status "'" \
      " AND plan_date <= ?2 AND date (plan_date, '+' || duration_days || ' days') > ?2"
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      PLAN_DAY_SELECT ("active") " UNION ALL " PLAN_DAY_SELECT ("finalized") " UNION ALL"
      " SELECT * FROM (" PLAN_DAY_SELECT ("completed") " ORDER BY finalized_at DESC) LIMIT 1",
      error);
#undef PLAN_DAY_SELECT
  g_autoptr(BzRecord) day = NULL;
  g_autofree char *id = NULL;
  gboolean have_row;
  gint64 days, n;

  *out = NULL;
  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, date, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (!have_row)
    return TRUE;
  id = bz_db_column_text_dup (st, 0);
  days = sqlite3_column_int64 (st, 4);
  n = sqlite3_column_int64 (st, 5);
  if (n < 1 || n > days)
    return TRUE;
  day = bz_record_new (&bz_daily_plan_resource);
  bz_record_set_string (day, BZ_DAILY_PLAN_PLAN_ID, id);
  set_text_or_null (day, BZ_DAILY_PLAN_PLAN_NAME, st, 1);
  bz_record_set_string (day, BZ_DAILY_PLAN_STATUS, (const char *) sqlite3_column_text (st, 2));
  bz_record_set_string (day, BZ_DAILY_PLAN_PLAN_DATE, (const char *) sqlite3_column_text (st, 3));
  bz_record_set_int (day, BZ_DAILY_PLAN_DURATION_DAYS, days);
  bz_record_set_int (day, BZ_DAILY_PLAN_DAY, n);
  bz_record_set_empty_array (day, BZ_DAILY_PLAN_MEALS);
  if (!fill_daily_plan (db, id, n, day, error))
    return FALSE;
  *out = g_steal_pointer (&day);
  return TRUE;
}

gboolean
bz_meal_plan_repo_add_recipe (BzStore *store, const char *plan_id, gint64 day, const char *meal_key,
                              const char *meal_name, const char *recipe_id, double servings,
                              const char *now, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) slot = bz_db_prepare (db,
      "INSERT INTO meal_plan_slots (plan_id, day, meal_key, meal_name, position)"
      " SELECT ?1, ?2, ?3, ?4, coalesce(max(position) + 1, 0) FROM meal_plan_slots WHERE plan_id = ?1 AND day = ?2"
      " ON CONFLICT (plan_id, day, meal_key) DO NOTHING", error);
  g_autoptr(sqlite3_stmt) st = NULL;

  if (slot == NULL)
    return FALSE;
  sqlite3_bind_text (slot, 1, plan_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (slot, 2, day);
  sqlite3_bind_text (slot, 3, meal_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (slot, 4, meal_name, -1, SQLITE_STATIC);
  if (!bz_db_step_done (slot, error))
    return FALSE;
  st = bz_db_prepare (db,
      "INSERT INTO meal_plan_recipes (plan_id, day, meal_key, position, provider, recipe_id, servings)"
      " SELECT ?1, ?2, ?3, coalesce(max(position) + 1, 0), 'balanza', ?4, ?5 FROM meal_plan_recipes"
      " WHERE plan_id = ?1 AND day = ?2 AND meal_key = ?3", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, plan_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 2, day);
  sqlite3_bind_text (st, 3, meal_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, recipe_id, -1, SQLITE_STATIC);
  sqlite3_bind_double (st, 5, servings);
  if (!bz_db_step_done (st, error))
    return FALSE;
  return touch (db, plan_id, now, error);
}

gboolean
bz_meal_plan_repo_remove (BzStore *store, const char *plan_id, gint64 day, const char *meal_key,
                          const char *recipe_id, gboolean remove_slot, const char *now,
                          gboolean *out_found, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = NULL;

  *out_found = FALSE;
  if (remove_slot && recipe_id == NULL)
    st = bz_db_prepare (db, "DELETE FROM meal_plan_slots WHERE plan_id = ?1 AND day = ?2 AND meal_key = ?3", error);
  else
    {
      g_autoptr(sqlite3_stmt) exists = bz_db_prepare (db,
          "SELECT 1 FROM meal_plan_slots WHERE plan_id = ?1 AND day = ?2 AND meal_key = ?3", error);
      gboolean have_row;
      if (exists == NULL)
        return FALSE;
      sqlite3_bind_text (exists, 1, plan_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (exists, 2, day);
      sqlite3_bind_text (exists, 3, meal_key, -1, SQLITE_STATIC);
      if (!bz_repo_step (exists, &have_row, error))
        return FALSE;
      if (!have_row)
        return TRUE;
      if (recipe_id == NULL)
        *out_found = TRUE;
      st = bz_db_prepare (db, "DELETE FROM meal_plan_recipes WHERE plan_id = ?1 AND day = ?2 AND meal_key = ?3"
                              " AND (?4 IS NULL OR recipe_id = ?4)", error);
    }
  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, plan_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 2, day);
  sqlite3_bind_text (st, 3, meal_key, -1, SQLITE_STATIC);
  if (!(remove_slot && recipe_id == NULL))
    bz_db_bind_text_or_null (st, 4, recipe_id);
  if (!bz_db_step_done (st, error))
    return FALSE;
  if (sqlite3_changes (db) > 0)
    *out_found = TRUE;
  return *out_found ? touch (db, plan_id, now, error) : TRUE;
}

gint64
bz_meal_plan_repo_empty_slots (BzStore *store, const char *plan_id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT count(*) FROM meal_plan_slots s WHERE s.plan_id = ?1 AND NOT EXISTS (SELECT 1 FROM meal_plan_recipes m"
      " JOIN recipes r ON r.id = m.recipe_id"
      " WHERE m.plan_id = s.plan_id AND m.day = s.day AND m.meal_key = s.meal_key)", error);
  gboolean have_row;

  if (st == NULL)
    return -1;
  sqlite3_bind_text (st, 1, plan_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return -1;
  return have_row ? sqlite3_column_int64 (st, 0) : 0;
}

gboolean
bz_meal_plan_repo_get_customizations (BzStore *store, const char *plan_id, gint64 day, const char *meal_key,
                                      const char *recipe_id, gboolean *out_found, char **out_modifications,
                                      GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT modifications FROM meal_plan_recipes WHERE plan_id = ?1 AND day = ?2 AND meal_key = ?3"
      " AND recipe_id = ?4 ORDER BY position LIMIT 1", error);
  gboolean have_row;

  *out_found = FALSE;
  *out_modifications = NULL;
  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, plan_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 2, day);
  sqlite3_bind_text (st, 3, meal_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, recipe_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  *out_found = have_row;
  if (have_row)
    *out_modifications = bz_db_column_text_dup (st, 0);
  return TRUE;
}

gboolean
bz_meal_plan_repo_set_customizations (BzStore *store, const char *plan_id, gint64 day, const char *meal_key,
                                      const char *recipe_id, const char *modifications,
                                      const BzPlanTotals *per_serving, const char *now, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "UPDATE meal_plan_recipes SET modifications = ?5, mod_calories = ?6, mod_protein_g = ?7, mod_carbs_g = ?8,"
      " mod_fat_g = ?9, mod_fiber_g = ?10, mod_sodium_mg = ?11, mod_smae_equivalents = ?12"
      " WHERE plan_id = ?1 AND day = ?2 AND meal_key = ?3 AND recipe_id = ?4", error);
  g_autofree char *smae = bz_repo_numbers_json (&bz_smae_equivalents_resource, per_serving->smae);

  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, plan_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 2, day);
  sqlite3_bind_text (st, 3, meal_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, recipe_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 5, modifications, -1, SQLITE_STATIC);
  sqlite3_bind_double (st, 6, per_serving->kcal);
  sqlite3_bind_double (st, 7, per_serving->protein_g);
  sqlite3_bind_double (st, 8, per_serving->carbs_g);
  sqlite3_bind_double (st, 9, per_serving->fat_g);
  sqlite3_bind_double (st, 10, per_serving->fiber_g);
  sqlite3_bind_double (st, 11, per_serving->sodium_mg);
  sqlite3_bind_text (st, 12, smae, -1, SQLITE_STATIC);
  if (!bz_db_step_done (st, error))
    return FALSE;
  return touch (db, plan_id, now, error);
}

gboolean
bz_meal_plan_repo_delete_expired_draft (BzStore *store, const char *plan_id, const char *now,
                                        gboolean *out_deleted, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "DELETE FROM meal_plans WHERE id = ?1 AND status = 'draft' AND expires_at IS NOT NULL AND expires_at <= ?2"
      " RETURNING patient_id", error);
  g_autofree char *patient_id = NULL;
  gboolean row = FALSE;

  *out_deleted = FALSE;
  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, plan_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, now, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &row, error))
    return FALSE;
  if (!row)
    return TRUE;
  patient_id = bz_db_column_text_dup (st, 0);
  *out_deleted = TRUE;
  return bz_store_log_patient_change (db, "meal_plans", plan_id, BZ_CHANGE_DELETE, patient_id, error);
}

gboolean
bz_meal_plan_repo_list_unscheduled_drafts (BzStore *store, const char *job_kind, char ***out_ids,
                                           char ***out_expires, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT p.id, p.expires_at FROM meal_plans p WHERE p.status = 'draft' AND p.expires_at IS NOT NULL"
      " AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.kind = ?1 AND j.idempotency_key = p.id) ORDER BY p.id", error);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) expires = g_strv_builder_new ();
  gboolean have_row;

  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, job_kind, -1, SQLITE_STATIC);
  for (;;)
    {
      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      g_strv_builder_add (ids, (const char *) sqlite3_column_text (st, 0));
      g_strv_builder_add (expires, (const char *) sqlite3_column_text (st, 1));
    }
  *out_ids = g_strv_builder_end (ids);
  *out_expires = g_strv_builder_end (expires);
  return TRUE;
}

gboolean
bz_meal_plan_repo_current (BzStore *store, const char *patient_id, BzRecord **out, GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = NULL;
  int rc;

  if (g_once_init_enter (&sql))
    {
      GString *s = g_string_new ("SELECT ");
      bz_db_append_columns (s, &bz_meal_plan_summary_resource, NULL);
      g_string_append (s, " FROM meal_plans WHERE patient_id = ?1 AND status IN ('finalized', 'active')"
                            " ORDER BY status = 'active' DESC LIMIT 1");
      g_once_init_leave (&sql, (gsize) g_string_free (s, FALSE));
    }
  *out = NULL;
  if (!(st = bz_db_prepare (bz_store_db (store), (const char *) sql, error)))
    return FALSE;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (st);
  if (rc == SQLITE_ROW)
    {
      int col = 0;
      *out = bz_record_new (&bz_meal_plan_summary_resource);
      bz_db_read_record (st, &col, *out);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      bz_db_set_error (bz_store_db (store), rc, error);
      return FALSE;
    }
  return TRUE;
}
