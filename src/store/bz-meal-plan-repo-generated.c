/* bz-meal-plan-repo-generated.c — generated meal plans and what the diet
 * planner reads of a patient (see bz-meal-plan-repo.h). */
#include "bz-meal-plan-repo.h"

#include "bz-repo-private.h"

gboolean
bz_meal_plan_repo_insert_generated (BzStore *store, const BzMealPlanNew *plan, const char *const *meals,
                                    const BzMealPlanPortion *portions, guint n_portions, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  BzMealPlanNew row = *plan;
  g_autoptr(sqlite3_stmt) mark = NULL, add = NULL;
  g_autoptr(GHashTable) positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_meals = g_strv_length ((char **) meals);

  row.expires_at = NULL;
  if (!bz_meal_plan_repo_insert (store, &row, meals, error))
    return FALSE;
  mark = bz_db_prepare (db, "UPDATE meal_plans SET creation_method = 'auto_generated' WHERE id = ?1", error);
  if (mark == NULL)
    return FALSE;
  sqlite3_bind_text (mark, 1, plan->id, -1, SQLITE_STATIC);
  if (!bz_db_step_done (mark, error))
    return FALSE;
  add = bz_db_prepare (db,
      "INSERT INTO meal_plan_recipes (plan_id, day, meal_key, position, provider, recipe_id, servings)"
      " VALUES (?1, ?2, ?3, ?4, 'balanza', ?5, ?6)", error);
  if (add == NULL)
    return FALSE;
  for (guint i = 0; i < n_portions; i++)
    {
      const BzMealPlanPortion *p = &portions[i];
      g_autofree char *key = NULL, *slot = NULL;
      guint pos;

      if (p->meal >= n_meals || p->day < 1 || p->day > plan->duration_days)
        {
          g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "Generated plan %s: portion %u outside the plan", plan->id, i);
          return FALSE;
        }
      key = bz_meal_plan_meal_key (meals[p->meal]);
      slot = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", p->day, key);
      pos = GPOINTER_TO_UINT (g_hash_table_lookup (positions, slot));
      g_hash_table_insert (positions, g_strdup (slot), GUINT_TO_POINTER (pos + 1));
      sqlite3_reset (add);
      sqlite3_bind_text (add, 1, plan->id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (add, 2, p->day);
      sqlite3_bind_text (add, 3, key, -1, SQLITE_STATIC);
      sqlite3_bind_int (add, 4, (int) pos);
      sqlite3_bind_text (add, 5, p->recipe_id, -1, SQLITE_STATIC);
      sqlite3_bind_double (add, 6, p->servings);
      if (!bz_db_step_done (add, error))
        return FALSE;
    }
  return TRUE;
}

void
bz_planner_profile_clear (BzPlannerProfile *profile)
{
  g_clear_pointer (&profile->allergies_json, g_free);
  g_clear_pointer (&profile->restrictions_json, g_free);
  g_clear_pointer (&profile->dietary_preference, g_free);
  g_clear_pointer (&profile->nutritionist_id, g_free);
}

gboolean
bz_meal_plan_repo_planner_profile (BzStore *store, const char *patient_id, BzPlannerProfile *out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT bz_unseal ('patients', 'allergies', id, allergies), bz_unseal ('patients', 'food_restrictions', id, food_restrictions),"
      " dietary_preference, nutritionist_id FROM patients WHERE id = ?1", error);
  gboolean have_row;

  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error) || !have_row)
    return FALSE;
  out->allergies_json = bz_db_column_text_dup (st, 0);
  out->restrictions_json = bz_db_column_text_dup (st, 1);
  out->dietary_preference = bz_db_column_text_dup (st, 2);
  out->nutritionist_id = bz_db_column_text_dup (st, 3);
  return TRUE;
}
