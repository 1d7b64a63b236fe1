/* bz-usda-import-plainness.c — fills foods.plainness
 * (data/sql/010_food_plainness.sql), the query-independent part of the food
 * search's "everyday food first" order (bz-food-repo.c, list_match_sql()),
 * from what SR28 and the recipe catalogue carry.  See
 * bz-usda-import-private.h.
 *
 * The terms are added in the order the search used to add them per row, so
 * that the search's sums, and its order, stay as they were.  The string
 * tests are those of the search ('%_ubstitute%' included).
 */
#include "bz-usda-import-private.h"

#define PLAINNESS_SQL \
  "UPDATE foods SET plainness = 0" \
  "  + CASE WHEN food_group IN ('0300', '2100', '3500', '3600') THEN 4 ELSE 0 END" \
  "  + CASE WHEN long_desc LIKE '%meatless%' OR long_desc LIKE '%imitation%'" \
  "          OR long_desc LIKE '%_ubstitute%' THEN 3 ELSE 0 END" \
  "  + CASE WHEN manufacturer IS NOT NULL OR long_desc GLOB '*[A-Z][A-Z][A-Z]*' THEN 2 ELSE 0 END" \
  "  + CASE WHEN long_desc LIKE '%dehydrated%' OR long_desc LIKE '%powder%'" \
  "          OR long_desc LIKE '%dried%' OR long_desc LIKE '%canned%'" \
  "          OR long_desc LIKE '%frozen%' OR long_desc LIKE '%concentrate%' THEN 0.75 ELSE 0 END" \
  "  - CASE WHEN long_desc LIKE '%, raw%' OR long_desc LIKE '%, cooked%' THEN 0.5 ELSE 0 END" \
  "  - 0.4 * min (6, (SELECT count(*) FROM food_weights w WHERE w.ndb_no = foods.ndb_no))" \
  "  - CASE WHEN EXISTS (SELECT 1 FROM recipe_ingredients ri WHERE ri.ndb_no = foods.ndb_no) THEN 1.5 ELSE 0 END"

gboolean
bz_usda_plainness_fill (sqlite3 *db, gboolean only_missing, GError **error)
{
  return bz_db_exec (db, only_missing ? PLAINNESS_SQL " WHERE plainness IS NULL" : PLAINNESS_SQL, error);
}

gboolean
bz_usda_plainness_missing (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "SELECT EXISTS (SELECT 1 FROM foods WHERE plainness IS NULL)", NULL);
  return st == NULL || (sqlite3_step (st) == SQLITE_ROW && sqlite3_column_int (st, 0) != 0);
}
