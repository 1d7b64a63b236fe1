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

void
bz_label_recipe_free (BzLabelRecipe *recipe)
{
  if (recipe == NULL)
    return;
  g_free (recipe->recipe_id);
  g_free (recipe->title);
  g_free (recipe);
}

#define NUTRIENT(nr) "coalesce ((SELECT value FROM food_nutrients n WHERE n.ndb_no = i.ndb_no AND n.nutr_no = '" nr "'), 0)"
#define NOT_WATER "f2.long_desc NOT LIKE 'Beverages, water%' AND f2.long_desc NOT LIKE 'Water,%'"

gboolean
bz_label_repo_group_recipes (BzStore *store, const char *food_group, GPtrArray **out, GError **error)
{
  g_autoptr(GPtrArray) recipes = g_ptr_array_new_with_free_func ((GDestroyNotify) bz_label_recipe_free);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT r.id, r.title, i.ndb_no, i.grams, f.food_group, f.long_desc,"
      " coalesce (f.energy_kcal, 0), coalesce (f.protein_g, 0), coalesce (f.carbohydrate_g, 0), " NUTRIENT ("269") ","
      " coalesce (f.fat_g, 0), " NUTRIENT ("606") ", " NUTRIENT ("605") ", coalesce (f.fiber_g, 0), coalesce (f.sodium_mg, 0)"
      " FROM recipes r JOIN recipe_ingredients i ON i.recipe_id = r.id JOIN foods f ON f.ndb_no = i.ndb_no"
      " WHERE r.is_published = 1 AND (SELECT f2.food_group FROM recipe_ingredients i2 JOIN foods f2 ON f2.ndb_no = i2.ndb_no"
      "   WHERE i2.recipe_id = r.id AND " NOT_WATER " ORDER BY i2.grams DESC, i2.position LIMIT 1) = ?1"
      " ORDER BY r.rowid, i.position", error);
  BzLabelRecipe *cur = NULL;
  double total_g = 0;
  gboolean have_row;

  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, food_group, -1, SQLITE_STATIC);
  for (;;)
    {
      const char *id;
      double g;
      BzLabelPanel *p;

      if (!bz_repo_step (st, &have_row, error))
        {
          bz_label_recipe_free (cur);
          return FALSE;
        }
      id = have_row ? (const char *) sqlite3_column_text (st, 0) : NULL;
      if (cur && (!have_row || g_strcmp0 (id, cur->recipe_id) != 0))
        {
          /* The sums were per whole recipe: now per 100 g of it. */
          BzLabelPanel whole = cur->per_100g;
          bz_label_scale (&whole, total_g > 0 ? 100.0 / total_g : 0, &cur->per_100g);
          cur->per_100g.added_sugars_g = -1;
          g_ptr_array_add (recipes, cur);
          cur = NULL;
        }
      if (!have_row)
        break;
      if (cur == NULL)
        {
          cur = g_new0 (BzLabelRecipe, 1);
          cur->recipe_id = g_strdup (id);
          cur->title = bz_db_column_text_dup (st, 1);
          total_g = 0;
        }
      g = sqlite3_column_double (st, 3);
      total_g += g;
      cur->added |= bz_label_added_from_ingredient ((const char *) sqlite3_column_text (st, 2),
                                                    (const char *) sqlite3_column_text (st, 4),
                                                    (const char *) sqlite3_column_text (st, 5));
      p = &cur->per_100g;
      p->energy_kcal += g * sqlite3_column_double (st, 6) / 100;
      p->protein_g += g * sqlite3_column_double (st, 7) / 100;
      p->carbohydrate_g += g * sqlite3_column_double (st, 8) / 100;
      p->sugars_g += g * sqlite3_column_double (st, 9) / 100;
      p->fat_g += g * sqlite3_column_double (st, 10) / 100;
      p->saturated_fat_g += g * sqlite3_column_double (st, 11) / 100;
      p->trans_fat_g += g * sqlite3_column_double (st, 12) / 100;
      p->fiber_g += g * sqlite3_column_double (st, 13) / 100;
      p->sodium_mg += g * sqlite3_column_double (st, 14) / 100;
    }
  *out = g_steal_pointer (&recipes);
  return TRUE;
}
