/* bz-food-repo.c — search and read the USDA SR28 food database.
 *
 * Data: the tables of data/sql/002_foods.sql, filled by bz_usda_import().
 * The listing's per-food energy/protein/carbohydrate/fat come from the panel
 * columns that the importer copies onto `foods` (nutrients 208/203/205/204,
 * per 100 g edible portion), so a page of results is one indexed read of
 * `foods` + `food_groups`, never a pivot over the 679,045 nutrient rows.
 *
 * Search: the user's text is reduced to its words (letters, digits and
 * combining marks; everything else separates words) and the words are
 * grouped by bz_food_terms_parse() (src/core/bz-food-terms.c), which knows
 * the Spanish (Mexico) names of foods and the English words SR28 uses for
 * them.  A word it does not know (any English word) becomes a quoted FTS5
 * prefix term, exactly as before the vocabulary existed; plain terms are
 * ANDed: `crème brûlée"` -> `"crème"* "brûlée"*`.  A Spanish word or term
 * becomes an OR of the word(s) as typed and its English equivalents, all
 * quoted whole words, not prefixes: a known word is a finished word, and
 * "pollo" must not match "pollock", "sal" "salmon", nor "huevo"'s "egg"
 * "Eggplant".  An equivalent of several words is ANDed; the vocabulary
 * marks the few English prefixes it wants (`oat*`); a word that is its own
 * English ("tortilla", "salsa") stays a prefix term, so an English search
 * only gains results.  Groups are then ANDed explicitly:
 * `pechuga de pollo asada` -> `(("pechuga" AND "pollo") OR ("chicken" AND
 * "breast")) AND ("asada" OR "roasted" OR "grilled" OR "broiled")`.
 * Every piece of user text is inside quotes, so no FTS5 operator, column
 * filter, quote or parenthesis typed by the user reaches the query syntax;
 * AND, OR and the parentheses come from here only.  Accents are ignored by
 * the index's tokenizer (unicode61 remove_diacritics 2), which also folds
 * the query words.  Text without any word (`*`, `"`, `--`) lists all
 * foods, like an empty search.  Results are ordered by bm25() (best first),
 * then description, then rowid (= NDB number order, see the schema).
 */
#include "bz-food-repo.h"

#include <string.h>

#include "bz-food-terms.h"
#include "bz-repo-private.h"

/* Both listing queries: column 0 is the group's name (FoodSummary's
 * food_group is joined, it has no .column), then FoodSummary's columns; the
 * search adds the count of matches after them.  The page's rowids come from
 * the covering index idx_foods_long_desc, so OFFSET skips index entries only;
 * the rows are read for the page alone. */
static const char *
list_all_sql (void)
{
  static gsize sql;
  return bz_repo_sql_once (&sql,
      "SELECT g.name, %s"
      " FROM (SELECT rowid AS id FROM foods ORDER BY long_desc, rowid LIMIT ?1 OFFSET ?2) p"
      " JOIN foods f ON f.rowid = p.id JOIN food_groups g ON g.code = f.food_group"
      " ORDER BY f.long_desc, f.rowid", &bz_food_summary_resource, "f");
}

static const char *
list_match_sql (void)
{
  static gsize sql;
  return bz_repo_sql_once (&sql,
      "WITH m AS MATERIALIZED ("
      "  SELECT rowid AS id, bm25(foods_fts) AS score FROM foods_fts WHERE foods_fts MATCH ?3)"
      " SELECT g.name, %s, (SELECT count(*) FROM m)"
      " FROM m JOIN foods f ON f.rowid = m.id JOIN food_groups g ON g.code = f.food_group"
      " ORDER BY m.score, f.long_desc, f.rowid LIMIT ?1 OFFSET ?2", &bz_food_summary_resource, "f");
}

static const char count_match_sql[] =
  "SELECT count(*) FROM foods_fts WHERE foods_fts MATCH ?1";

static const char count_all_sql[] =
  "SELECT count(*) FROM foods";

/* --- FTS5 query from free text ------------------------------------------------ */

/* Appends @word as an FTS5 string (a `"` inside is doubled, though
 * neither typed words nor the vocabulary can hold one), then `*` when
 * @prefix. */
static void
append_term (GString *q, const char *word, gsize len, gboolean prefix)
{
  g_string_append_c (q, '"');
  for (gsize i = 0; i < len; i++)
    {
      if (word[i] == '"')
        g_string_append_c (q, '"');
      g_string_append_c (q, word[i]);
    }
  g_string_append (q, prefix ? "\"*" : "\"");
}

/* Appends the typed @words (a NULL-terminated array), or when @words is
 * NULL the vocabulary's English words in @spaced (separated by single
 * spaces), as FTS5 strings, ANDed and in parentheses when more than one.
 * Each is a prefix term when @prefix, or when it is a vocabulary word
 * ending in `*` (see bz-food-terms.h), else a whole word. */
static void
append_all_of (GString *q, char **words, const char *spaced, gboolean prefix)
{
  g_auto(GStrv) split = words ? NULL : g_strsplit (spaced, " ", -1);
  char **w = words ? words : split;
  guint n = g_strv_length (w);

  if (n > 1)
    g_string_append_c (q, '(');
  for (guint i = 0; i < n; i++)
    {
      gsize len = strlen (w[i]);

      if (i)
        g_string_append (q, " AND ");
      if (split && len > 1 && w[i][len - 1] == '*')   /* vocabulary "oat*" */
        append_term (q, w[i], len - 1, TRUE);
      else
        append_term (q, w[i], len, prefix);
    }
  if (n > 1)
    g_string_append_c (q, ')');
}

/* Whether the vocabulary's English @alt is the folded word @self, as a
 * whole word or a prefix ("tortilla*"). */
static gboolean
same_word (const char *self, const char *alt)
{
  gsize len = strlen (alt);

  if (len > 1 && alt[len - 1] == '*')
    len--;
  return strlen (self) == len && strncmp (self, alt, len) == 0;
}

/* Appends one group of bz_food_terms_parse() (see the comment at the top).
 * Returns whether it wrote more than one plain term. */
static gboolean
append_group (GString *q, const BzFoodTermGroup *g)
{
  g_autofree char *self = NULL;
  gboolean self_is_english = FALSE;
  gsize start = q->len;
  guint n = 1;

  if (g->english->len == 0)   /* not in the vocabulary: as typed, a prefix */
    {
      append_all_of (q, g->words, NULL, TRUE);
      return g_strv_length (g->words) > 1;
    }

  /* A word that is its own English ("tortilla", "mango", "salmón") stays
   * the prefix term it always was, so English searches lose nothing. */
  self = g_strv_length (g->words) == 1 ? bz_food_terms_fold (g->words[0]) : NULL;
  for (guint i = 0; self && i < g->english->len; i++)
    self_is_english |= same_word (self, g_ptr_array_index (g->english, i));

  g_string_append_c (q, '(');
  append_all_of (q, g->words, NULL, self_is_english);
  for (guint i = 0; i < g->english->len; i++)
    {
      const char *alt = g_ptr_array_index (g->english, i);

      if (self_is_english && same_word (self, alt))
        continue;
      g_string_append (q, " OR ");
      append_all_of (q, NULL, alt, FALSE);
      n++;
    }
  if (n == 1)   /* only itself: no parentheses, "tortilla"* as before */
    {
      g_string_erase (q, start, 1);
      return FALSE;
    }
  g_string_append_c (q, ')');
  return TRUE;
}

/* Turns free text into an FTS5 query (see the comment at the top), or
 * returns NULL when it has no word at all. */
static char *
fts_query_from_text (const char *search)
{
  g_autoptr(GPtrArray) groups = bz_food_terms_parse (search);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gboolean compound = FALSE;

  if (groups->len == 0)
    return NULL;
  for (guint i = 0; i < groups->len; i++)
    {
      g_autoptr(GString) part = g_string_new (NULL);
      compound |= append_group (part, g_ptr_array_index (groups, i));
      g_ptr_array_add (parts, g_string_free (g_steal_pointer (&part), FALSE));
    }
  g_ptr_array_add (parts, NULL);
  /* Plain terms keep FTS5's implicit AND (the query English text always
   * had); a parenthesized group needs the explicit operator. */
  return g_strjoinv (compound ? " AND " : " ", (char **) parts->pdata);
}

/* --- Queries ------------------------------------------------------------------ */

/* Runs @sql with ?1 = @text (or nothing when NULL) and returns its one integer. */
static gboolean
count_rows (sqlite3 *db, const char *sql, const char *text, gint64 *out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, sql, error);
  gboolean have_row;

  if (st == NULL)
    return FALSE;
  if (text)
    sqlite3_bind_text (st, 1, text, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  *out = have_row ? sqlite3_column_int64 (st, 0) : 0;
  return TRUE;
}

/* A listing row: the group's name, then FoodSummary's columns. */
static BzRecord *
summary_row (sqlite3_stmt *st)
{
  BzRecord *food = bz_record_new (&bz_food_summary_resource);
  int col = 1;

  if (sqlite3_column_type (st, 0) != SQLITE_NULL)
    bz_record_set_string (food, BZ_FOOD_SUMMARY_FOOD_GROUP, (const char *) sqlite3_column_text (st, 0));
  bz_db_read_record (st, &col, food);
  return food;
}

GPtrArray *
bz_food_repo_search (BzStore *store, const char *search, guint limit, gint64 offset,
                     gint64 *out_total, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *match = fts_query_from_text (search);
  g_autoptr(sqlite3_stmt) st = NULL;
  g_autoptr(GPtrArray) foods = g_ptr_array_new_with_free_func (g_object_unref);
  int total_col = 1 + (int) bz_db_n_columns (&bz_food_summary_resource);
  gint64 total = -1;
  gboolean have_row;

  st = bz_db_prepare (db, match ? list_match_sql () : list_all_sql (), error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, limit);
  sqlite3_bind_int64 (st, 2, offset);
  if (match)
    sqlite3_bind_text (st, 3, match, -1, SQLITE_STATIC);
  for (;;)
    {
      if (!bz_repo_step (st, &have_row, error))
        return NULL;
      if (!have_row)
        break;
      g_ptr_array_add (foods, summary_row (st));
      if (match)
        total = sqlite3_column_int64 (st, total_col);
    }

  /* No search, or a page past the last match. */
  if (total < 0 && !count_rows (db, match ? count_match_sql : count_all_sql, match, &total, error))
    return NULL;
  *out_total = total;
  return g_steal_pointer (&foods);
}

/* Runs @sql with ?1 = @ndb_no and reads its rows into @food's ARRAY @field. */
static gboolean
read_list (sqlite3 *db, const char *sql, const char *ndb_no, BzRecord *food, guint field, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, sql, error);

  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, ndb_no, -1, SQLITE_STATIC);
  return bz_repo_read_array (st, food, field, error);
}

BzRecord *
bz_food_repo_get (BzStore *store, const char *ndb_no, GError **error)
{
  static gsize food_sql, nutrients_sql, portions_sql;
  sqlite3 *db = bz_store_db (store);
  g_autoptr(BzRecord) food = NULL;
  gboolean have_row;

  g_return_val_if_fail (ndb_no != NULL, NULL);
  bz_repo_sql_once (&food_sql,
                    "SELECT %s, %s FROM foods f JOIN food_groups g ON g.code = f.food_group WHERE f.ndb_no = ?1",
                    &bz_food_resource, "f", &bz_food_group_resource, "g");
  /* USING: nutr_no is one column, so FoodNutrient's columns need no alias. */
  bz_repo_sql_once (&nutrients_sql,
                    "SELECT %s FROM food_nutrients n JOIN nutrient_defs d USING (nutr_no)"
                    " WHERE n.ndb_no = ?1 ORDER BY d.sr_order, nutr_no", &bz_food_nutrient_resource, NULL);
  bz_repo_sql_once (&portions_sql, "SELECT %s FROM food_weights WHERE ndb_no = ?1 ORDER BY seq",
                    &bz_food_portion_resource, NULL);
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, (const char *) food_sql, error);
    BzRecord *group;
    int col = 0;

    if (st == NULL)
      return NULL;
    sqlite3_bind_text (st, 1, ndb_no, -1, SQLITE_STATIC);
    if (!bz_repo_step (st, &have_row, error) || !have_row)
      return NULL;
    food = bz_record_new (&bz_food_resource);
    bz_db_read_record (st, &col, food);
    group = bz_record_new (&bz_food_group_resource);
    bz_db_read_record (st, &col, group);
    bz_record_take_object (food, BZ_FOOD_FOOD_GROUP, group);
  }
  if (!read_list (db, (const char *) nutrients_sql, ndb_no, food, BZ_FOOD_NUTRIENTS, error) ||
      !read_list (db, (const char *) portions_sql, ndb_no, food, BZ_FOOD_PORTIONS, error))
    return NULL;
  return g_steal_pointer (&food);
}

gboolean
bz_food_repo_get_panel (BzStore *store, const char *ndb_no, BzNutrients *out,
                        char **out_description, gboolean *out_found, GError **error)
{
  g_autoptr(sqlite3_stmt) st = NULL;

  g_return_val_if_fail (ndb_no != NULL, FALSE);
  g_return_val_if_fail (out != NULL && out_found != NULL, FALSE);

  /* Panel columns filled by the importer; NULL (not in SR28) counts as 0. */
  st = bz_db_prepare (bz_store_db (store),
                      "SELECT long_desc, ifnull(energy_kcal, 0), ifnull(protein_g, 0),"
                      " ifnull(carbohydrate_g, 0), ifnull(fat_g, 0), ifnull(fiber_g, 0),"
                      " ifnull(sodium_mg, 0) FROM foods WHERE ndb_no = ?1", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, ndb_no, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, out_found, error))
    return FALSE;
  if (!*out_found)
    return TRUE;

  out->energy_kcal = sqlite3_column_double (st, 1);
  out->protein_g = sqlite3_column_double (st, 2);
  out->carbohydrate_g = sqlite3_column_double (st, 3);
  out->fat_g = sqlite3_column_double (st, 4);
  out->fiber_g = sqlite3_column_double (st, 5);
  out->sodium_mg = sqlite3_column_double (st, 6);
  if (out_description)
    *out_description = bz_db_column_text_dup (st, 0);
  return TRUE;
}

gboolean
bz_food_repo_count (BzStore *store, gint64 *out_count, GError **error)
{
  return count_rows (bz_store_db (store), count_all_sql, NULL, out_count, error);
}
