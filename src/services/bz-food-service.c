/* bz-food-service.c — search and read the USDA SR28 food database.
 *
 * Data: the tables of data/sql/002_foods.sql, filled by bz_usda_import().
 * The listing's per-food energy/protein/carbohydrate/fat come from the panel
 * columns that the importer copies onto `foods` (nutrients 208/203/205/204,
 * per 100 g edible portion), so a page of results is one indexed read of
 * `foods` + `food_groups`, never a pivot over the 679,045 nutrient rows.
 *
 * Search: the user's text is reduced to its words (letters, digits and
 * combining marks; everything else separates words), each word is quoted as
 * an FTS5 string and made a prefix query, and the words are ANDed:
 * `crème brûlée"` -> `"crème"* "brûlée"*`.  No FTS5 operator, column filter,
 * quote or parenthesis typed by the user reaches the query syntax.  Accents
 * are ignored by the index's tokenizer (unicode61 remove_diacritics 2), which
 * also folds the query words.  Text without any word (`*`, `"`, `--`) lists
 * all foods, like an empty search.  Results are ordered by bm25() (best
 * first), then description, then rowid (= NDB number order, see the schema).
 */
#include "bz-food-service.h"

#include <glib/gi18n-lib.h>

#define MAX_SEARCH_WORDS 16   /* further words are ignored */
#define MAX_WORD_CHARS   64   /* longer words are cut (still a prefix match) */

/* Columns 0..7 of both listing queries. */
#define LIST_COLUMNS \
  "f.ndb_no, f.long_desc, f.short_desc, g.name, f.energy_kcal, f.protein_g, f.carbohydrate_g, f.fat_g"

/* The page's rowids come from the covering index idx_foods_long_desc, so
 * OFFSET skips index entries only; the rows are read for the page alone. */
static const char list_all_sql[] =
  "SELECT " LIST_COLUMNS
  " FROM (SELECT rowid AS id FROM foods ORDER BY long_desc, rowid LIMIT ?1 OFFSET ?2) p"
  " JOIN foods f ON f.rowid = p.id JOIN food_groups g ON g.code = f.food_group"
  " ORDER BY f.long_desc, f.rowid";

static const char list_match_sql[] =
  "WITH m AS MATERIALIZED ("
  "  SELECT rowid AS id, bm25(foods_fts) AS score FROM foods_fts WHERE foods_fts MATCH ?3)"
  " SELECT " LIST_COLUMNS ", (SELECT count(*) FROM m)"
  " FROM m JOIN foods f ON f.rowid = m.id JOIN food_groups g ON g.code = f.food_group"
  " ORDER BY m.score, f.long_desc, f.rowid LIMIT ?1 OFFSET ?2";

static const char count_match_sql[] =
  "SELECT count(*) FROM foods_fts WHERE foods_fts MATCH ?1";

/* --- helpers ------------------------------------------------------------------ */

static void
set_text_or_null (JsonObject *o, const char *member, sqlite3_stmt *st, int col)
{
  const char *t = (const char *) sqlite3_column_text (st, col);
  if (t)
    json_object_set_string_member (o, member, t);
  else
    json_object_set_null_member (o, member);
}

static void
set_double_or_null (JsonObject *o, const char *member, sqlite3_stmt *st, int col)
{
  if (sqlite3_column_type (st, col) == SQLITE_NULL)
    json_object_set_null_member (o, member);
  else
    json_object_set_double_member (o, member, sqlite3_column_double (st, col));
}

static gboolean
step_row (sqlite3_stmt *st, gboolean *have_row, GError **error)
{
  int rc = sqlite3_step (st);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
      *have_row = rc == SQLITE_ROW;
      return TRUE;
    }
  bz_db_set_error (sqlite3_db_handle (st), rc, error);
  return FALSE;
}

static void
set_not_found (const char *ndb_no, GError **error)
{
  g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Food %s not found"), ndb_no ? ndb_no : "(null)");
}

/* Turns free text into an FTS5 query (see the comment at the top), or
 * returns NULL when it has no word at all. */
static char *
fts_query_from_text (const char *search)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) q = g_string_new (NULL);
  guint words = 0, chars = 0;
  gboolean in_word = FALSE;

  if (search == NULL)
    return NULL;
  valid = g_utf8_make_valid (search, -1);

  for (const char *p = valid; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* A word starts with a letter or digit and may carry combining marks. */
      if (c != 0 && (g_unichar_isalnum (c) || (in_word && g_unichar_ismark (c))))
        {
          if (!in_word)
            {
              if (words == MAX_SEARCH_WORDS)
                break;
              if (q->len)
                g_string_append_c (q, ' ');
              g_string_append_c (q, '"');
              in_word = TRUE;
              chars = 0;
            }
          if (chars++ < MAX_WORD_CHARS)
            g_string_append_unichar (q, c);
        }
      else if (in_word)
        {
          g_string_append (q, "\"*");
          in_word = FALSE;
          words++;
        }
      if (c == 0)
        break;
    }

  return words ? g_strdup (q->str) : NULL;
}

static gboolean
check_paging (guint page, guint limit, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;

  if (page < 1)
    bz_validation_add (&v, "page", "out_of_range", _("page must be 1 or more"));
  if (limit < 1 || limit > 100)
    bz_validation_add (&v, "limit", "out_of_range", _("limit must be between 1 and 100"));
  return bz_validation_finish (&v, error);
}

/* --- bz_foods_search ---------------------------------------------------------- */

JsonNode *
bz_foods_search (BzServices *svc, const char *search, guint page, guint limit, GError **error)
{
  sqlite3 *db;
  g_autofree char *match = NULL;
  g_autoptr(sqlite3_stmt) st = NULL;
  g_autoptr(JsonArray) foods = NULL;
  JsonObject *data;
  gint64 total = -1;
  gboolean have_row;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (!check_paging (page, limit, error))
    return NULL;

  db = bz_store_db (bz_services_get_store (svc));
  match = fts_query_from_text (search);
  st = bz_db_prepare (db, match ? list_match_sql : list_all_sql, error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, limit);
  sqlite3_bind_int64 (st, 2, (gint64) (page - 1) * limit);
  if (match)
    sqlite3_bind_text (st, 3, match, -1, SQLITE_STATIC);

  foods = json_array_new ();
  for (;;)
    {
      JsonObject *o;

      if (!step_row (st, &have_row, error))
        return NULL;
      if (!have_row)
        break;
      o = json_object_new ();
      json_object_set_string_member (o, "ndb_no", (const char *) sqlite3_column_text (st, 0));
      json_object_set_string_member (o, "description", (const char *) sqlite3_column_text (st, 1));
      json_object_set_string_member (o, "short_description", (const char *) sqlite3_column_text (st, 2));
      json_object_set_string_member (o, "food_group", (const char *) sqlite3_column_text (st, 3));
      set_double_or_null (o, "energy_kcal", st, 4);
      set_double_or_null (o, "protein_g", st, 5);
      set_double_or_null (o, "carbohydrate_g", st, 6);
      set_double_or_null (o, "fat_g", st, 7);
      json_array_add_object_element (foods, o);
      if (match)
        total = sqlite3_column_int64 (st, 8);
    }

  if (total < 0)   /* no search, or a page past the last match */
    {
      g_autoptr(sqlite3_stmt) count = bz_db_prepare (db, match ? count_match_sql : "SELECT count(*) FROM foods", error);
      if (count == NULL)
        return NULL;
      if (match)
        sqlite3_bind_text (count, 1, match, -1, SQLITE_STATIC);
      if (!step_row (count, &have_row, error))
        return NULL;
      total = have_row ? sqlite3_column_int64 (count, 0) : 0;
    }

  data = json_object_new ();
  json_object_set_array_member (data, "foods", g_steal_pointer (&foods));
  json_object_set_object_member (data, "pagination", bz_pagination_json (page, limit, total));
  return bz_json_node_new_object (data);
}

/* --- bz_foods_get ------------------------------------------------------------- */

static gboolean
add_nutrients (sqlite3 *db, const char *ndb_no, JsonObject *food, GError **error)
{
  g_autoptr(sqlite3_stmt) st = NULL;
  g_autoptr(JsonArray) arr = json_array_new ();
  gboolean have_row;

  st = bz_db_prepare (db,
                      "SELECT n.nutr_no, d.name, d.tagname, d.units, n.value"
                      " FROM food_nutrients n JOIN nutrient_defs d ON d.nutr_no = n.nutr_no"
                      " WHERE n.ndb_no = ?1 ORDER BY d.sr_order, n.nutr_no", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, ndb_no, -1, SQLITE_STATIC);
  for (;;)
    {
      JsonObject *o;

      if (!step_row (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      o = json_object_new ();
      json_object_set_string_member (o, "nutr_no", (const char *) sqlite3_column_text (st, 0));
      json_object_set_string_member (o, "name", (const char *) sqlite3_column_text (st, 1));
      set_text_or_null (o, "tagname", st, 2);
      json_object_set_string_member (o, "unit", (const char *) sqlite3_column_text (st, 3));
      json_object_set_double_member (o, "value_per_100g", sqlite3_column_double (st, 4));
      json_array_add_object_element (arr, o);
    }
  json_object_set_array_member (food, "nutrients", g_steal_pointer (&arr));
  return TRUE;
}

static gboolean
add_portions (sqlite3 *db, const char *ndb_no, JsonObject *food, GError **error)
{
  g_autoptr(sqlite3_stmt) st = NULL;
  g_autoptr(JsonArray) arr = json_array_new ();
  gboolean have_row;

  st = bz_db_prepare (db,
                      "SELECT seq, amount, description, grams FROM food_weights"
                      " WHERE ndb_no = ?1 ORDER BY seq", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, ndb_no, -1, SQLITE_STATIC);
  for (;;)
    {
      JsonObject *o;

      if (!step_row (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      o = json_object_new ();
      json_object_set_int_member (o, "seq", sqlite3_column_int64 (st, 0));
      json_object_set_double_member (o, "amount", sqlite3_column_double (st, 1));
      json_object_set_string_member (o, "description", (const char *) sqlite3_column_text (st, 2));
      json_object_set_double_member (o, "grams", sqlite3_column_double (st, 3));
      json_array_add_object_element (arr, o);
    }
  json_object_set_array_member (food, "portions", g_steal_pointer (&arr));
  return TRUE;
}

JsonNode *
bz_foods_get (BzServices *svc, const char *ndb_no, GError **error)
{
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) st = NULL;
  g_autoptr(JsonObject) food = NULL;
  JsonObject *group, *data;
  gboolean have_row;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (ndb_no == NULL)
    {
      set_not_found (ndb_no, error);
      return NULL;
    }

  db = bz_store_db (bz_services_get_store (svc));
  st = bz_db_prepare (db,
                      "SELECT f.ndb_no, f.long_desc, f.short_desc, f.food_group, g.name"
                      " FROM foods f JOIN food_groups g ON g.code = f.food_group"
                      " WHERE f.ndb_no = ?1", error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_text (st, 1, ndb_no, -1, SQLITE_STATIC);
  if (!step_row (st, &have_row, error))
    return NULL;
  if (!have_row)
    {
      set_not_found (ndb_no, error);
      return NULL;
    }

  food = json_object_new ();
  json_object_set_string_member (food, "ndb_no", (const char *) sqlite3_column_text (st, 0));
  json_object_set_string_member (food, "description", (const char *) sqlite3_column_text (st, 1));
  json_object_set_string_member (food, "short_description", (const char *) sqlite3_column_text (st, 2));
  group = json_object_new ();
  json_object_set_string_member (group, "code", (const char *) sqlite3_column_text (st, 3));
  json_object_set_string_member (group, "name", (const char *) sqlite3_column_text (st, 4));
  json_object_set_object_member (food, "food_group", group);

  if (!add_nutrients (db, ndb_no, food, error) || !add_portions (db, ndb_no, food, error))
    return NULL;

  data = json_object_new ();
  json_object_set_object_member (data, "food", g_steal_pointer (&food));
  return bz_json_node_new_object (data);
}

/* --- bz_foods_lookup_panel ---------------------------------------------------- */

gboolean
bz_foods_lookup_panel (BzServices *svc, const char *ndb_no, BzNutrients *out,
                       char **out_description, GError **error)
{
  g_autoptr(sqlite3_stmt) st = NULL;
  gboolean have_row;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  if (ndb_no == NULL)
    {
      set_not_found (ndb_no, error);
      return FALSE;
    }

  /* Panel columns filled by the importer; NULL (not in SR28) counts as 0. */
  st = bz_db_prepare (bz_store_db (bz_services_get_store (svc)),
                      "SELECT long_desc, ifnull(energy_kcal, 0), ifnull(protein_g, 0),"
                      " ifnull(carbohydrate_g, 0), ifnull(fat_g, 0), ifnull(fiber_g, 0),"
                      " ifnull(sodium_mg, 0) FROM foods WHERE ndb_no = ?1", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, ndb_no, -1, SQLITE_STATIC);
  if (!step_row (st, &have_row, error))
    return FALSE;
  if (!have_row)
    {
      set_not_found (ndb_no, error);
      return FALSE;
    }

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
