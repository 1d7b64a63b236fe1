/* bz-meal-plan-document-repo.c — foods and names for the printable meal plan
 * (see bz-meal-plan-document-repo.h). */
#include "bz-meal-plan-document-repo.h"

#include "bz-json.h"
#include "bz-repo-private.h"

void
bz_plan_food_free (BzPlanFood *food)
{
  if (food == NULL)
    return;
  g_free (food->ndb_no);
  g_free (food->food_group);
  g_free (food->long_desc);
  g_free (food->name_es);
  g_free (food);
}

gboolean
bz_meal_plan_document_repo_foods (BzStore *store, const char *const *ndb_nos, GHashTable **out, GError **error)
{
  g_autoptr(GHashTable) foods = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) bz_plan_food_free);
  g_autoptr(GString) list = g_string_new ("[");
  g_autoptr(sqlite3_stmt) st = NULL;
  gboolean have_row;

  g_return_val_if_fail (out != NULL, FALSE);
  for (guint i = 0; ndb_nos && ndb_nos[i]; i++)
    {
      if (i)
        g_string_append_c (list, ',');
      bz_json_append_string (list, ndb_nos[i]);
    }
  g_string_append_c (list, ']');

  st = bz_db_prepare (bz_store_db (store),
                      "SELECT ndb_no, food_group, long_desc, name_es, energy_kcal, protein_g, carbohydrate_g,"
                      " fat_g, fiber_g, sodium_mg FROM foods"
                      " WHERE ndb_no IN (SELECT value FROM json_each(?1))", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, list->str, -1, SQLITE_STATIC);
  for (;;)
    {
      BzPlanFood *f;

      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      f = g_new0 (BzPlanFood, 1);
      f->ndb_no = bz_db_column_text_dup (st, 0);
      f->food_group = bz_db_column_text_dup (st, 1);
      f->long_desc = bz_db_column_text_dup (st, 2);
      f->name_es = bz_db_column_text_dup (st, 3);
      /* NULL (no SR28 value) reads as 0. */
      f->per_100g.energy_kcal = sqlite3_column_double (st, 4);
      f->per_100g.protein_g = sqlite3_column_double (st, 5);
      f->per_100g.carbohydrate_g = sqlite3_column_double (st, 6);
      f->per_100g.fat_g = sqlite3_column_double (st, 7);
      f->per_100g.fiber_g = sqlite3_column_double (st, 8);
      f->per_100g.sodium_mg = sqlite3_column_double (st, 9);
      g_hash_table_replace (foods, f->ndb_no, f);
    }
  *out = g_steal_pointer (&foods);
  return TRUE;
}

/* "first last" of users.id @user_id, or NULL. */
static gboolean
user_name (BzStore *store, const char *sql, const char *id, char **out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = NULL;
  gboolean have_row;

  *out = NULL;
  if (id == NULL)
    return TRUE;
  st = bz_db_prepare (bz_store_db (store), sql, error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_TRANSIENT);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (have_row)
    {
      g_autofree char *first = bz_db_column_text_dup (st, 0);
      g_autofree char *last = bz_db_column_text_dup (st, 1);
      *out = g_strstrip (g_strdup_printf ("%s %s", first ? first : "", last ? last : ""));
    }
  return TRUE;
}

gboolean
bz_meal_plan_document_repo_names (BzStore *store, const char *patient_id, const char *nutritionist_id,
                                  char **out_patient, char **out_nutritionist, GError **error)
{
  g_autofree char *patient = NULL, *nutritionist = NULL;

  if (!user_name (store, "SELECT u.first_name, u.last_name FROM patients p JOIN users u ON u.id = p.user_id"
                  " WHERE p.id = ?1", patient_id, &patient, error))
    return FALSE;
  if (!user_name (store, "SELECT first_name, last_name FROM users WHERE id = ?1", nutritionist_id,
                  &nutritionist, error))
    return FALSE;
  *out_patient = g_steal_pointer (&patient);
  *out_nutritionist = g_steal_pointer (&nutritionist);
  return TRUE;
}

void
bz_plan_modified_use_free (BzPlanModifiedUse *use)
{
  if (use == NULL)
    return;
  g_free (use->meal_key);
  g_free (use->recipe_id);
  g_free (use->modifications);
  g_free (use);
}

gboolean
bz_meal_plan_document_repo_modified (BzStore *store, const char *plan_id, GPtrArray **out, GError **error)
{
  g_autoptr(GPtrArray) uses = g_ptr_array_new_with_free_func ((GDestroyNotify) bz_plan_modified_use_free);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT r.day, r.meal_key, r.recipe_id, min(r.modifications) FROM meal_plan_recipes r"
      " JOIN meal_plan_slots s ON s.plan_id = r.plan_id AND s.day = r.day AND s.meal_key = r.meal_key"
      " WHERE r.plan_id = ?1 AND r.modifications IS NOT NULL"
      " GROUP BY r.day, r.meal_key, r.recipe_id ORDER BY r.day, min(s.position), min(r.position)", error);
  gboolean have_row;

  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, plan_id, -1, SQLITE_TRANSIENT);
  for (;;)
    {
      BzPlanModifiedUse *use;

      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      use = g_new0 (BzPlanModifiedUse, 1);
      use->day = sqlite3_column_int64 (st, 0);
      use->meal_key = bz_db_column_text_dup (st, 1);
      use->recipe_id = bz_db_column_text_dup (st, 2);
      use->modifications = bz_db_column_text_dup (st, 3);
      g_ptr_array_add (uses, use);
    }
  *out = g_steal_pointer (&uses);
  return TRUE;
}
