/* bz-label-repo.c — SR28 foods for the label scanner (see bz-label-repo.h). */
#include "bz-label-repo.h"

#include "bz-json.h"
#include "bz-repo-private.h"

void
bz_label_food_free (BzLabelFood *food)
{
  if (food == NULL)
    return;
  g_free (food->ndb_no);
  g_free (food->long_desc);
  g_free (food->name_es);
  g_free (food);
}

gboolean
bz_label_repo_food_groups (BzStore *store, const char *const *ndb_nos, GHashTable **out, GError **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) list = g_string_new ("[");
  g_autoptr(sqlite3_stmt) st = NULL;
  gboolean have_row;

  for (guint i = 0; ndb_nos && ndb_nos[i]; i++)
    {
      if (i)
        g_string_append_c (list, ',');
      bz_json_append_string (list, ndb_nos[i]);
    }
  g_string_append_c (list, ']');
  st = bz_db_prepare (bz_store_db (store),
                      "SELECT ndb_no, food_group FROM foods WHERE ndb_no IN (SELECT value FROM json_each(?1))", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, list->str, -1, SQLITE_STATIC);
  for (;;)
    {
      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      g_hash_table_insert (groups, bz_db_column_text_dup (st, 0), bz_db_column_text_dup (st, 1));
    }
  *out = g_steal_pointer (&groups);
  return TRUE;
}

gboolean
bz_label_repo_group_foods (BzStore *store, const char *food_group, guint limit, GPtrArray **out, GError **error)
{
  g_autoptr(GPtrArray) foods = g_ptr_array_new_with_free_func ((GDestroyNotify) bz_label_food_free);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT f.ndb_no, f.long_desc, f.name_es, f.energy_kcal, f.protein_g, f.carbohydrate_g,"
      " (SELECT value FROM food_nutrients n WHERE n.ndb_no = f.ndb_no AND n.nutr_no = '269'),"
      " f.fat_g,"
      " (SELECT value FROM food_nutrients n WHERE n.ndb_no = f.ndb_no AND n.nutr_no = '606'),"
      " (SELECT value FROM food_nutrients n WHERE n.ndb_no = f.ndb_no AND n.nutr_no = '605'),"
      " f.fiber_g, f.sodium_mg, coalesce (f.plainness, 0)"
      " FROM foods f WHERE f.food_group = ?1 AND f.energy_kcal IS NOT NULL"
      /* Judged only when SR28 has their sugars and saturated fat (a food
       * without them would look better than it is), and not leavening
       * agents, which are no food on their own. */
      " AND EXISTS (SELECT 1 FROM food_nutrients n WHERE n.ndb_no = f.ndb_no AND n.nutr_no = '269')"
      " AND EXISTS (SELECT 1 FROM food_nutrients n WHERE n.ndb_no = f.ndb_no AND n.nutr_no = '606')"
      " AND f.long_desc NOT LIKE 'Leavening agents%'"
      " ORDER BY coalesce (f.plainness, 0), f.ndb_no LIMIT ?2", error);
  gboolean have_row;

  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, food_group, -1, SQLITE_STATIC);
  sqlite3_bind_int (st, 2, (int) limit);
  for (;;)
    {
      BzLabelFood *f;

      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      f = g_new0 (BzLabelFood, 1);
      f->ndb_no = bz_db_column_text_dup (st, 0);
      f->long_desc = bz_db_column_text_dup (st, 1);
      f->name_es = bz_db_column_text_dup (st, 2);
      /* SQL NULL (no SR28 value) reads as 0. */
      f->per_100g.energy_kcal = sqlite3_column_double (st, 3);
      f->per_100g.protein_g = sqlite3_column_double (st, 4);
      f->per_100g.carbohydrate_g = sqlite3_column_double (st, 5);
      f->per_100g.sugars_g = sqlite3_column_double (st, 6);
      f->per_100g.added_sugars_g = -1;
      f->per_100g.fat_g = sqlite3_column_double (st, 7);
      f->per_100g.saturated_fat_g = sqlite3_column_double (st, 8);
      f->per_100g.trans_fat_g = sqlite3_column_double (st, 9);
      f->per_100g.fiber_g = sqlite3_column_double (st, 10);
      f->per_100g.sodium_mg = sqlite3_column_double (st, 11);
      f->plainness = sqlite3_column_double (st, 12);
      g_ptr_array_add (foods, f);
    }
  *out = g_steal_pointer (&foods);
  return TRUE;
}
