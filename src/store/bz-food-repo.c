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
 * foods, like an empty search.
 *
 * Spanish names: the same words also search foods.name_es, the Spanish
 * (Mexico) names of data/foods/es-MX-names.tsv (3,219 foods), through
 * foods_es_fts (data/sql/005_food_names_es.sql: accents folded, prefix
 * indexes).  There every typed word must occur, as a whole word or one of
 * its simple singular/plural forms, and the last one, unless the
 * vocabulary knows it, also as a prefix, the word still being typed:
 * `frijoles pinto` -> `("frijoles" OR "frijole" OR "frijol") AND ("pinto"
 * OR "pinto"*)`; Spanish stop words before the last word are left out.  A
 * food matches when its English description or its Spanish name matches.
 * Results come in three tiers (see list_match_sql()): the foods whose
 * Spanish name matches and begins with the first word, then the other
 * English matches, then the other Spanish matches; within a tier the
 * everyday food first (issue 7): bm25() relative to the tier's best, plus
 * what SR28 tells of a food's being plain and common (food group, brand,
 * "meatless", processed or raw/cooked forms, household portions, use in
 * the recipe catalogue, the searched word heading the description); then
 * description, then rowid (= NDB number order, see the schema).
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

/* A food matches when its English description matches ?3 (foods_fts) or
 * its Spanish name matches ?4 (foods_es_fts).  Ranking, best first:
 *
 *   0. the Spanish name matches and begins with the first word (?5):
 *      "manzana, cruda" for "manza", "tortilla de maíz" for "torti"; by the
 *      sum of the two bm25() values (the English one 0 when it does not
 *      match), so a food found both ways comes first;
 *   1. the English description matches: by its bm25(), as before the
 *      names — an English search keeps its order;
 *   2. only the Spanish name matches, elsewhere than at its start
 *      ("strudel de manzana", "gomitas (jelly beans)" for "beans"): by its
 *      bm25().
 *
 * bm25() values (negative, lower is better) of the two indexes are never
 * compared across tiers: a word rare among the names (an English word a
 * name quotes, "cereal Apple Jacks") scores far above what it means.
 *
 * Within a tier, the everyday food first (issue 7: "pollo" gave "Chicken,
 * meatless" and chicken tenders, "tortilla de maíz" a Hopi blue-corn
 * tortilla).  bm25() is divided by the tier's best (1 = best, nearer 0
 * worse) and weighs 3; a food's plainness, from what SR28 carries, is added
 * to it (lower is better).  All but the last term do not depend on the
 * query: they are the column foods.plainness, computed by the importer
 * (data/sql/010_food_plainness.sql, bz-usda-import-plainness.c) rather
 * than per matched row per search:
 *
 *   +4    food groups 0300 Baby Foods, 2100 Fast Foods, 3500 American
 *         Indian/Alaska Native Foods, 3600 Restaurant Foods;
 *   +3    "meatless", "imitation", "substitute" in the description;
 *   +2    a brand: SR28's manufacturer, or an uppercase word of 3+ letters
 *         in the description (SR28 writes brands so: "KELLOGG'S", "USDA");
 *   +0.75 a processed form: dehydrated, powder, dried, canned, frozen,
 *         concentrate;
 *   -0.5  ", raw" or ", cooked": the food as bought or as eaten;
 *   -0.4  per household portion in WEIGHT (food_weights), at most 6: the
 *         common foods carry many ("Milk, whole": cup, quart, ...);
 *   -1.5  used by the recipe catalogue (recipe_ingredients);
 *
 * and, in the query:
 *
 *   -1.5  the description's head, its first word, is the first searched
 *         word or its English (?6): "Egg, whole, raw" for "egg", not
 *         "Bread, egg".
 *
 * No list of foods per query: every signal is a column or table of SR28
 * or the catalogue. */
static const char *
list_match_sql (void)
{
  static gsize sql;
  return bz_repo_sql_once (&sql,
      "WITH u AS ("
      "  SELECT rowid AS id, bm25(foods_fts) AS en, NULL AS es FROM foods_fts WHERE foods_fts MATCH ?3"
      "  UNION ALL"
      "  SELECT rowid, NULL, bm25(foods_es_fts) FROM foods_es_fts WHERE foods_es_fts MATCH ?4),"
      " s AS (SELECT rowid AS id FROM foods_es_fts WHERE foods_es_fts MATCH ?5),"
      " m AS MATERIALIZED ("
      "  SELECT id, CASE WHEN es IS NOT NULL AND id IN s THEN 0 WHEN en IS NOT NULL THEN 1 ELSE 2 END AS tier,"
      "         CASE WHEN es IS NOT NULL AND id IN s THEN ifnull (en, 0) + es ELSE ifnull (en, es) END AS score"
      "  FROM (SELECT id, max (en) AS en, max (es) AS es FROM u GROUP BY id))"
      ", ranked AS (SELECT id, tier, ifnull (score / nullif (min (score) OVER (PARTITION BY tier), 0), 1) AS rel FROM m),"
      " h AS (SELECT rowid AS id FROM foods_fts WHERE foods_fts MATCH ?6)"
      " SELECT g.name, %s, (SELECT count(*) FROM m)"
      " FROM ranked m JOIN foods f ON f.rowid = m.id JOIN food_groups g ON g.code = f.food_group"
      /* the everyday food first (see above) */
      " ORDER BY m.tier, -3 * m.rel + f.plainness"
      "  - CASE WHEN m.id IN h THEN 1.5 ELSE 0 END,"
      " f.long_desc, f.rowid LIMIT ?1 OFFSET ?2", &bz_food_summary_resource, "f");
}

static const char count_match_sql[] =
  "SELECT count(*) FROM (SELECT rowid FROM foods_fts WHERE foods_fts MATCH ?1"
  " UNION SELECT rowid FROM foods_es_fts WHERE foods_es_fts MATCH ?2)";

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

/* Turns the parsed text into the English FTS5 query (see the comment at
 * the top). */
static char *
fts_query_from_groups (GPtrArray *groups)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gboolean compound = FALSE;

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

/* Appends `^` and the first of the words in @spaced (separated by single
 * spaces) as an FTS5 string: a prefix term when @prefix or when it is a
 * vocabulary word ending in `*`. */
static void
append_head_word (GString *q, const char *spaced, gboolean prefix)
{
  const char *space = strchr (spaced, ' ');
  gsize len = space ? (gsize) (space - spaced) : strlen (spaced);

  if (q->len)
    g_string_append (q, " OR ");
  g_string_append (q, "long_desc : ^");
  if (len > 1 && spaced[len - 1] == '*')
    append_term (q, spaced, len - 1, TRUE);
  else
    append_term (q, spaced, len, prefix);
}

/* The query over foods_fts of the descriptions whose head, their first
 * word, is the first word of the group @g as typed or of one of its
 * English equivalents: "Chicken, broilers or fryers, breast, ..." for
 * "pollo", "Egg, whole, raw, fresh" and not "Bread, egg" for "egg".  The
 * typed word is a prefix term as in append_group(). */
static char *
fts_head_query_from_group (const BzFoodTermGroup *g)
{
  GString *q = g_string_new (NULL);
  g_autofree char *self = bz_food_terms_fold (g->words[0]);
  gboolean self_is_english = g->english->len == 0;

  for (guint i = 0; i < g->english->len; i++)
    self_is_english |= same_word (self, g_ptr_array_index (g->english, i));
  append_head_word (q, self, self_is_english);
  for (guint i = 0; i < g->english->len; i++)
    append_head_word (q, g_ptr_array_index (g->english, i), FALSE);
  return g_string_free (q, FALSE);
}

/* --- Spanish names ----------------------------------------------------------- */

#define MAX_ES_FORMS 4

/* Adds @form (transfer full) to @forms unless it is there already. */
static void
add_form (GPtrArray *forms, char *form)
{
  for (guint i = 0; i < forms->len; i++)
    if (strcmp (g_ptr_array_index (forms, i), form) == 0)
      {
        g_free (form);
        return;
      }
  g_ptr_array_add (forms, form);
}

/* Appends the Spanish-name term of the folded @word: an OR of the word and
 * the singulars of its simple plurals -s, -es and -ces (= -z), each with a
 * stem of 2+ bytes as in bz-food-terms.c ("frijoles" -> "frijol", "nueces"
 * -> "nuez"), all whole words; with @plural also its plural (-s after a
 * vowel, -z -> -ces, -es after another consonant: "frijol pinto" finds
 * "frijoles pintos"); with @prefix also the word as a prefix term, for a
 * word still being typed ("manza"*).  A whole word then matches two
 * alternatives and ranks above a prefix in bm25().  With @at_start every
 * alternative is anchored to the start of the name (`^`). */
static void
append_spanish_word (GString *q, const char *word, gboolean plural, gboolean prefix, gboolean at_start)
{
  g_autoptr(GPtrArray) forms = g_ptr_array_new_full (MAX_ES_FORMS, g_free);
  gsize len = strlen (word);
  char end = len ? word[len - 1] : '\0';

  add_form (forms, g_strdup (word));
  if (len >= 3 && end == 's')
    add_form (forms, g_strndup (word, len - 1));
  if (len >= 4 && g_str_has_suffix (word, "es"))
    add_form (forms, g_strndup (word, len - 2));
  if (len >= 5 && g_str_has_suffix (word, "ces"))
    add_form (forms, g_strdup_printf ("%.*sz", (int) (len - 3), word));
  if (plural && end == 'z' && len >= 2)
    add_form (forms, g_strdup_printf ("%.*sces", (int) (len - 1), word));
  else if (plural && end && strchr ("aeiou", end))
    add_form (forms, g_strconcat (word, "s", NULL));
  else if (plural && end != 's' && g_ascii_isalpha (end))
    add_form (forms, g_strconcat (word, "es", NULL));

  g_string_append_c (q, '(');
  for (guint i = 0; i <= forms->len; i++)
    {
      const char *form = i < forms->len ? g_ptr_array_index (forms, i) : word;

      if (i == forms->len && !prefix)
        break;
      if (i)
        g_string_append (q, " OR ");
      if (at_start)
        g_string_append_c (q, '^');
      append_term (q, form, strlen (form), i == forms->len);
    }
  g_string_append_c (q, ')');
}

/* Builds the two queries over foods_es_fts for the words of @groups, in
 * the order typed (see the comment at the top): @out_spanish, every word's
 * term (append_spanish_word()) ANDed, the Spanish stop words (de, con,
 * la, ...) before the last word left out since the names do not always
 * carry them ("pechuga de pollo" finds "pollo, pechuga, ..."); the last
 * word a prefix too unless the vocabulary knows it (a known word is a
 * finished word: "pollo" is not "pollock", which some names quote); and
 * @out_start, the first of those words' term anchored to the start of the
 * name.  Words are folded (case, accents) as the index's tokenizer folds
 * them.  Both (transfer full) NULL when no word is left. */
static void
fts_es_queries_from_groups (GPtrArray *groups, char **out_spanish, char **out_start)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) known = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GString) q = g_string_new (NULL);

  for (guint i = 0; i < groups->len; i++)
    {
      const BzFoodTermGroup *g = g_ptr_array_index (groups, i);
      gboolean in_vocabulary = g->english->len > 0;

      for (guint j = 0; g->words[j]; j++)
        {
          g_ptr_array_add (words, bz_food_terms_fold (g->words[j]));
          g_array_append_val (known, in_vocabulary);
        }
    }
  *out_spanish = *out_start = NULL;
  for (guint i = 0; i < words->len; i++)
    {
      const char *w = g_ptr_array_index (words, i);
      gboolean last = i + 1 == words->len;
      gboolean prefix = last && !g_array_index (known, gboolean, i);

      if (*w == '\0' || (!last && bz_food_terms_is_stop_word (w)))
        continue;
      if (q->len)
        g_string_append (q, " AND ");
      else
        {
          g_autoptr(GString) start = g_string_new (NULL);
          append_spanish_word (start, w, !last, prefix, TRUE);
          *out_start = g_string_free (g_steal_pointer (&start), FALSE);
        }
      append_spanish_word (q, w, !last, prefix, FALSE);
    }
  if (q->len)
    *out_spanish = g_string_free (g_steal_pointer (&q), FALSE);
}

typedef struct
{
  char *english;   /* ?3: over foods_fts */
  char *spanish;   /* ?4: over foods_es_fts */
  char *start;     /* ?5: over foods_es_fts, names that begin with the first word */
  char *head;      /* ?6: over foods_fts, descriptions that begin with the first group */
} FtsQueries;

static void
fts_queries_clear (FtsQueries *q)
{
  g_clear_pointer (&q->english, g_free);
  g_clear_pointer (&q->spanish, g_free);
  g_clear_pointer (&q->start, g_free);
  g_clear_pointer (&q->head, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FtsQueries, fts_queries_clear)

/* Turns free text into the three FTS5 queries of list_match_sql().
 * Returns FALSE, all three NULL, when the text has no word at all. */
static gboolean
fts_queries_from_text (const char *search, FtsQueries *out)
{
  g_autoptr(GPtrArray) groups = bz_food_terms_parse (search);

  if (groups->len == 0)
    return FALSE;
  out->english = fts_query_from_groups (groups);
  out->head = fts_head_query_from_group (g_ptr_array_index (groups, 0));
  fts_es_queries_from_groups (groups, &out->spanish, &out->start);
  if (out->spanish == NULL)   /* no word left (cannot happen): an empty phrase matches nothing */
    {
      out->spanish = g_strdup ("\"\"");
      out->start = g_strdup ("\"\"");
    }
  return TRUE;
}

/* --- Queries ------------------------------------------------------------------ */

/* Runs @sql with ?1 = @text and ?2 = @text2 (each bound only when not
 * NULL) and returns its one integer. */
static gboolean
count_rows (sqlite3 *db, const char *sql, const char *text, const char *text2, gint64 *out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, sql, error);
  gboolean have_row;

  if (st == NULL)
    return FALSE;
  if (text)
    sqlite3_bind_text (st, 1, text, -1, SQLITE_STATIC);
  if (text2)
    sqlite3_bind_text (st, 2, text2, -1, SQLITE_STATIC);
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
  g_auto(FtsQueries) q = { NULL, };
  g_autoptr(sqlite3_stmt) st = NULL;
  g_autoptr(GPtrArray) foods = g_ptr_array_new_with_free_func (g_object_unref);
  int total_col = 1 + (int) bz_db_n_columns (&bz_food_summary_resource);
  gint64 total = -1;
  gboolean have_row, match;

  match = fts_queries_from_text (search, &q);
  st = bz_db_prepare (db, match ? list_match_sql () : list_all_sql (), error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, limit);
  sqlite3_bind_int64 (st, 2, offset);
  if (match)
    {
      sqlite3_bind_text (st, 3, q.english, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 4, q.spanish, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 5, q.start, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 6, q.head, -1, SQLITE_STATIC);
    }
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
  if (total < 0 && !count_rows (db, match ? count_match_sql : count_all_sql, q.english, q.spanish, &total, error))
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
  return count_rows (bz_store_db (store), count_all_sql, NULL, NULL, out_count, error);
}
