/* bz-analytics-repo.c — the SQL of the nutrition analytics (bz-analytics-repo.h). */
#include "bz-analytics-repo.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "bz-repo-private.h"

/* The patients as a JSON array of text, for "IN (SELECT value FROM json_each(?))":
 * one statement text whatever the number of patients. */
static char *
ids_json (const char *const *ids, guint n)
{
  g_autoptr(JsonArray) a = json_array_sized_new (n);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < n; i++)
    json_array_add_string_element (a, ids[i]);
  json_node_set_array (node, a);
  return json_to_string (node, FALSE);
}

static void
intake_day_clear (gpointer p)
{
  BzIntakeDay *d = p;
  g_free (d->patient_id);
  g_free (d->date);
}

static void
scan_basis_clear (gpointer p)
{
  BzScanBasis *s = p;
  g_free (s->patient_id);
  g_free (s->date);
  bz_targets_input_clear (&s->in);
}

static void
plan_day_clear (gpointer p)
{
  BzPlanDay *d = p;
  g_free (d->patient_id);
  g_free (d->date);
}

/* Columns @col .. @col + 5 (kcal, protein, carbohydrate, fat, fiber, sodium). */
static void
read_panel (sqlite3_stmt *st, int col, BzNutrients *n)
{
  n->energy_kcal = sqlite3_column_double (st, col);
  n->protein_g = sqlite3_column_double (st, col + 1);
  n->carbohydrate_g = sqlite3_column_double (st, col + 2);
  n->fat_g = sqlite3_column_double (st, col + 3);
  n->fiber_g = sqlite3_column_double (st, col + 4);
  n->sodium_mg = sqlite3_column_double (st, col + 5);
}

gboolean
bz_analytics_repo_intake (BzStore *store, const char *const *patient_ids, guint n_patients,
                          const char *start, const char *end, GArray **out, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "SELECT patient_id, eaten_date, count(*), sum(energy_kcal), sum(protein_g), sum(carbohydrate_g),"
      " sum(fat_g), sum(fiber_g), sum(sodium_mg)"
      " FROM meal_logs WHERE patient_id IN (SELECT value FROM json_each(?1)) AND eaten_date BETWEEN ?2 AND ?3"
      " GROUP BY patient_id, eaten_date ORDER BY patient_id, eaten_date", error);
  g_autofree char *ids = ids_json (patient_ids, n_patients);
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (BzIntakeDay));
  gboolean have_row;

  *out = NULL;
  if (st == NULL)
    return FALSE;
  g_array_set_clear_func (days, intake_day_clear);
  sqlite3_bind_text (st, 1, ids, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, start, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, end, -1, SQLITE_STATIC);
  for (;;)
    {
      BzIntakeDay d = { 0 };
      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      d.patient_id = bz_db_column_text_dup (st, 0);
      d.date = bz_db_column_text_dup (st, 1);
      d.meals = sqlite3_column_int (st, 2);
      read_panel (st, 3, &d.intake);
      g_array_append_val (days, d);
    }
  *out = g_steal_pointer (&days);
  return TRUE;
}

gboolean
bz_analytics_repo_scans (BzStore *store, const char *const *patient_ids, guint n_patients,
                         const char *start, const char *end, GArray **out, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  /* The same inputs and date comparison as bz_meal_repo_targets_input(). */
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "SELECT s.patient_id, substr(s.measured_at, 1, 10), s.id, s.sex, s.age, s.height_cm, s.weight_kg,"
      " s.measured_at, p.activity_level, p.primary_goal"
      " FROM body_scans s JOIN patients p ON p.id = s.patient_id"
      " WHERE s.patient_id IN (SELECT value FROM json_each(?1)) AND substr(s.measured_at, 1, 10) <= ?3"
      " AND s.measured_at >= coalesce((SELECT max(b.measured_at) FROM body_scans b"
      "   WHERE b.patient_id = s.patient_id AND substr(b.measured_at, 1, 10) < ?2), '')"
      " ORDER BY s.patient_id, s.measured_at", error);
  g_autofree char *ids = ids_json (patient_ids, n_patients);
  g_autoptr(GArray) scans = g_array_new (FALSE, TRUE, sizeof (BzScanBasis));
  gboolean have_row;

  *out = NULL;
  if (st == NULL)
    return FALSE;
  g_array_set_clear_func (scans, scan_basis_clear);
  sqlite3_bind_text (st, 1, ids, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, start, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, end, -1, SQLITE_STATIC);
  for (;;)
    {
      BzScanBasis s = { 0 };
      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      s.patient_id = bz_db_column_text_dup (st, 0);
      s.date = bz_db_column_text_dup (st, 1);
      s.in.scan_id = bz_db_column_text_dup (st, 2);
      s.in.sex = bz_db_column_text_dup (st, 3);
      s.in.age = sqlite3_column_int (st, 4);
      s.in.height_cm = sqlite3_column_double (st, 5);
      s.in.weight_kg = sqlite3_column_double (st, 6);
      s.in.measured_at = bz_db_column_text_dup (st, 7);
      s.in.activity_level = bz_db_column_text_dup (st, 8);
      s.in.primary_goal = bz_db_column_text_dup (st, 9);
      g_array_append_val (scans, s);
    }
  *out = g_steal_pointer (&scans);
  return TRUE;
}

typedef struct
{
  char *id, *patient_id, *plan_date;
  GDate first;
  gint64 days;
} CoveringPlan;

static void
covering_plan_clear (gpointer p)
{
  CoveringPlan *c = p;
  g_free (c->id);
  g_free (c->patient_id);
  g_free (c->plan_date);
}

gboolean
bz_analytics_repo_plan_days (BzStore *store, const char *const *patient_ids, guint n_patients,
                             const char *start, const char *end, GArray **out, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  /* The plans of bz_meal_plan_repo_day_for_date(), in its order of preference. */
  g_autoptr(sqlite3_stmt) plans = bz_db_prepare (db,
      "SELECT id, patient_id, plan_date, duration_days FROM meal_plans"
      " WHERE patient_id IN (SELECT value FROM json_each(?1)) AND status IN ('active', 'finalized', 'completed')"
      " AND plan_date <= ?3 AND date (plan_date, '+' || duration_days || ' days') > ?2"
      " ORDER BY patient_id, CASE status WHEN 'active' THEN 0 WHEN 'finalized' THEN 1 ELSE 2 END, finalized_at DESC",
      error);
  /* Each of those plans' days in the span: the recipes of its slots, as fill_daily_plan() sums them. */
  g_autoptr(sqlite3_stmt) sums = NULL;
  g_autofree char *ids = ids_json (patient_ids, n_patients);
  g_autoptr(GArray) covering = g_array_new (FALSE, TRUE, sizeof (CoveringPlan));
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (BzPlanDay));
  g_autoptr(GHashTable) day_sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean have_row;

  *out = NULL;
  if (plans == NULL)
    return FALSE;
  g_array_set_clear_func (covering, covering_plan_clear);
  g_array_set_clear_func (days, plan_day_clear);
  sqlite3_bind_text (plans, 1, ids, -1, SQLITE_STATIC);
  sqlite3_bind_text (plans, 2, start, -1, SQLITE_STATIC);
  sqlite3_bind_text (plans, 3, end, -1, SQLITE_STATIC);
  for (;;)
    {
      CoveringPlan c = { 0 };
      int y, m, d;
      if (!bz_repo_step (plans, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      c.id = bz_db_column_text_dup (plans, 0);
      c.patient_id = bz_db_column_text_dup (plans, 1);
      c.plan_date = bz_db_column_text_dup (plans, 2);
      c.days = sqlite3_column_int64 (plans, 3);
      g_date_clear (&c.first, 1);
      if (c.plan_date && sscanf (c.plan_date, "%4d-%2d-%2d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
        g_date_set_dmy (&c.first, d, m, y);
      g_array_append_val (covering, c);
    }
  if (covering->len == 0)
    {
      *out = g_steal_pointer (&days);
      return TRUE;
    }

  sums = bz_db_prepare (db,
      "SELECT m.plan_id, m.day, sum(m.servings * coalesce(m.mod_calories, r.calories)),"
      " sum(m.servings * coalesce(m.mod_protein_g, r.protein_g)), sum(m.servings * coalesce(m.mod_carbs_g, r.carbs_g)),"
      " sum(m.servings * coalesce(m.mod_fat_g, r.fat_g)), sum(m.servings * coalesce(m.mod_fiber_g, r.fiber_g)),"
      " sum(m.servings * coalesce(m.mod_sodium_mg, r.sodium_mg))"
      " FROM meal_plans p JOIN meal_plan_recipes m ON m.plan_id = p.id"
      " JOIN meal_plan_slots s ON s.plan_id = m.plan_id AND s.day = m.day AND s.meal_key = m.meal_key"
      " JOIN recipes r ON r.id = m.recipe_id"
      " WHERE p.patient_id IN (SELECT value FROM json_each(?1)) AND p.status IN ('active', 'finalized', 'completed')"
      " AND m.day <= p.duration_days AND date (p.plan_date, '+' || (m.day - 1) || ' days') BETWEEN ?2 AND ?3"
      " GROUP BY m.plan_id, m.day", error);
  if (sums == NULL)
    return FALSE;
  sqlite3_bind_text (sums, 1, ids, -1, SQLITE_STATIC);
  sqlite3_bind_text (sums, 2, start, -1, SQLITE_STATIC);
  sqlite3_bind_text (sums, 3, end, -1, SQLITE_STATIC);
  for (;;)
    {
      BzNutrients *n;
      if (!bz_repo_step (sums, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      n = g_new0 (BzNutrients, 1);
      read_panel (sums, 2, n);
      g_hash_table_insert (day_sums, g_strdup_printf ("%s/%" G_GINT64_FORMAT, sqlite3_column_text (sums, 0),
                                                      (gint64) sqlite3_column_int64 (sums, 1)), n);
    }

  /* Each date goes to the first plan, in order of preference, whose days cover it
   * (a covering plan with no recipe that day leaves the date without a plan day,
   * as the daily shows an empty plan day). */
  for (guint i = 0; i < covering->len; i++)
    {
      CoveringPlan *c = &g_array_index (covering, CoveringPlan, i);
      if (!g_date_valid (&c->first))
        continue;
      for (gint64 n = 1; n <= c->days; n++)
        {
          GDate day = c->first;
          char date[16];
          g_autofree char *sum_key = NULL;
          char *taken_key;
          BzNutrients *sum;
          g_date_add_days (&day, n - 1);
          g_snprintf (date, sizeof date, "%04d-%02d-%02d", g_date_get_year (&day), g_date_get_month (&day),
                      g_date_get_day (&day));
          if (strcmp (date, start) < 0 || strcmp (date, end) > 0)
            continue;
          taken_key = g_strconcat (c->patient_id, "/", date, NULL);
          if (!g_hash_table_add (taken, taken_key))
            continue;
          sum_key = g_strdup_printf ("%s/%" G_GINT64_FORMAT, c->id, n);
          if ((sum = g_hash_table_lookup (day_sums, sum_key)))
            {
              BzPlanDay d = { g_strdup (c->patient_id), g_strdup (date), *sum };
              g_array_append_val (days, d);
            }
        }
    }
  *out = g_steal_pointer (&days);
  return TRUE;
}

gboolean
bz_analytics_repo_logged_dates (BzStore *store, const char *patient_id, const char *end,
                                guint limit, GStrv *out, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "SELECT DISTINCT eaten_date FROM meal_logs WHERE patient_id = ?1 AND eaten_date <= ?2"
      " ORDER BY eaten_date DESC LIMIT ?3", error);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  gboolean have_row;

  *out = NULL;
  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, end, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 3, limit);
  for (;;)
    {
      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      g_strv_builder_add (b, (const char *) sqlite3_column_text (st, 0));
    }
  *out = g_strv_builder_end (b);
  return TRUE;
}
