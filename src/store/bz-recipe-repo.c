/* bz-recipe-repo.c — recipes, recipe_ingredients, recipe_steps and
 * recipes_fts (see bz-recipe-repo.h).
 *
 * Listing: one statement text per (search or not) x sort order, built once
 * from the Recipe declaration; every filter is in each text as
 * "(:param IS NULL OR ...)", so an absent filter binds NULL and the
 * connection's prepared-statement cache holds at most 12 listing texts and 2
 * count texts.  A recipe's meal types and dietary tags are JSON arrays
 * (recipes.meal_types, recipes.dietary_tags) matched with json_each().
 */
#include "bz-recipe-repo.h"

#include <string.h>

#include "bz-food-terms.h"
#include "bz-recipe-derive.h"
#include "bz-json.h"
#include "bz-repo-private.h"

/* --- Full-text query ---------------------------------------------------------- */

/* Appends @word (folded, without quotes) as an FTS5 string, then '*' when @prefix. */
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

/* One word of the search as an FTS5 expression.  Spanish plurals: a word in
 * -es whose singular ends in a consonant (nopales, frijoles, limones) also
 * matches that singular as a whole word; otherwise a final -s is dropped
 * (tacos -> taco*, tortillas -> tortilla*), so the prefix term finds both
 * numbers.  "chiles" stays ("chile"* OR "chil"), never "chil"*, which
 * would find chilaquiles. */
static void
append_word (GString *q, const char *w)
{
  gsize len = strlen (w);

  if (len >= 5 && g_str_has_suffix (w, "es") && strchr ("lnrdj", w[len - 3]))
    {
      g_string_append_c (q, '(');
      append_term (q, w, len - 1, TRUE);
      g_string_append (q, " OR ");
      append_term (q, w, len - 2, FALSE);
      g_string_append_c (q, ')');
    }
  else if (len >= 4 && w[len - 1] == 's')
    append_term (q, w, len - 1, TRUE);
  else
    append_term (q, w, len, TRUE);
}

/* The FTS5 query of @search (see bz_recipe_repo_find()), or NULL when it
 * has no word. */
static char *
fts_query (const char *search)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) q = g_string_new (NULL);
  g_autofree char *valid = NULL;
  const char *p, *start = NULL;
  guint kept = 0;

  if (search == NULL)
    return NULL;
  valid = g_utf8_make_valid (search, -1);
  /* Words: letters, digits and combining marks; anything else separates. */
  for (p = valid;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;
      gboolean in_word = c && (g_unichar_isalnum (c) || g_unichar_ismark (c));

      if (in_word && start == NULL)
        start = p;
      else if (!in_word && start)
        {
          g_autofree char *word = g_strndup (start, p - start);
          g_ptr_array_add (words, bz_food_terms_fold (word));
          start = NULL;
        }
      if (*p == '\0')
        break;
    }
  for (guint i = 0; i < words->len; i++)
    if (!bz_food_terms_is_stop_word (g_ptr_array_index (words, i)))
      kept++;
  for (guint i = 0; i < words->len; i++)
    {
      const char *w = g_ptr_array_index (words, i);
      if (kept > 0 && bz_food_terms_is_stop_word (w))
        continue;   /* "sopa de lentejas": "de" is no filter (unless it is all) */
      if (q->len)
        g_string_append (q, " AND ");
      append_word (q, w);
    }
  return q->len ? g_string_free (g_steal_pointer (&q), FALSE) : NULL;
}

/* --- Statements ------------------------------------------------------------------ */

/* Recipe's columns, then the columns that fill the rest of a Recipe
 * (read_recipe() reads them in this order). */
#define RECIPE_EXTRA_COLUMNS \
  "r.author_id, u.username, u.first_name, u.last_name, u.user_type, " \
  "r.meal_types, r.dietary_tags, r.tags, r.smae_equivalents, r.photo_count"
#define N_EXTRA_COLUMNS 10

/* Who sees a recipe (bz_recipes_find()): everyone a published one; its
 * author any of theirs; a reviewer (:sees_pending) every pending one. */
#define VISIBLE \
  "(r.is_published = 1 OR r.author_id = :viewer OR (:sees_pending = 1 AND r.moderation_status = 'pending'))"

#define FILTERS \
  " WHERE " VISIBLE \
  " AND (:meal_type IS NULL OR EXISTS (SELECT 1 FROM json_each(r.meal_types) mt WHERE mt.value = :meal_type))" \
  " AND (:tags IS NULL OR NOT EXISTS (SELECT 1 FROM json_each(:tags) want" \
  "      WHERE NOT EXISTS (SELECT 1 FROM json_each(r.dietary_tags) has WHERE has.value = want.value)))" \
  " AND (:max_prep IS NULL OR r.prep_time_min <= :max_prep)" \
  " AND (:difficulty IS NULL OR r.difficulty = :difficulty)" \
  " AND (:verified IS NULL OR r.is_verified = :verified)"

#define FROM_ALL " FROM recipes r"
/* Title matches weigh ten times description matches. */
#define FROM_MATCH \
  " FROM recipes r JOIN (SELECT rowid AS rid, bm25(recipes_fts, 10.0, 1.0) AS score" \
  "   FROM recipes_fts WHERE recipes_fts MATCH :search) s ON s.rid = r.rowid"

static const char *const order_by[BZ_RECIPE_N_SORTS] = {
  [BZ_RECIPE_SORT_RELEVANCE] = "s.score, r.title, r.rowid",   /* with a search only */
  [BZ_RECIPE_SORT_RATING] = "r.rating_average DESC NULLS LAST, r.rating_count DESC, r.title, r.rowid",
  [BZ_RECIPE_SORT_CREATED_AT] = "r.created_at DESC, r.title, r.rowid",
  [BZ_RECIPE_SORT_TRIED_COUNT] = "r.tried_count DESC, r.title, r.rowid",
  [BZ_RECIPE_SORT_TOTAL_TIME] = "r.total_time_min, r.title, r.rowid",
  [BZ_RECIPE_SORT_CALORIES] = "r.calories, r.title, r.rowid",
};

/* "SELECT <Recipe columns>, <extra> FROM recipes r [JOIN fts] LEFT JOIN users u ... " + @tail */
static char *
recipe_select (gboolean search, const char *tail)
{
  GString *sql = g_string_new ("SELECT ");
  bz_db_append_columns (sql, &bz_recipe_resource, "r");
  g_string_append (sql, ", " RECIPE_EXTRA_COLUMNS);
  g_string_append (sql, search ? FROM_MATCH : FROM_ALL);
  g_string_append (sql, " LEFT JOIN users u ON u.id = r.author_id");
  g_string_append (sql, tail);
  return g_string_free (sql, FALSE);
}

static const char *
sql_page (gboolean search, BzRecipeSort sort)
{
  static gsize sql[2][BZ_RECIPE_N_SORTS];
  gsize *slot = &sql[search][sort];

  if (g_once_init_enter (slot))
    {
      g_autofree char *tail = g_strdup_printf (FILTERS " ORDER BY %s LIMIT :limit OFFSET :offset", order_by[sort]);
      g_once_init_leave (slot, (gsize) recipe_select (search, tail));
    }
  return (const char *) *slot;
}

static const char *
sql_count (gboolean search)
{
  static const char *const sql[2] = {
    "SELECT count(*)" FROM_ALL FILTERS,
    "SELECT count(*)" FROM_MATCH FILTERS,
  };
  return sql[search];
}

static const char *
sql_one (void)
{
  static gsize sql;
  if (g_once_init_enter (&sql))
    g_once_init_leave (&sql, (gsize) recipe_select (FALSE, " WHERE r.id = :id AND " VISIBLE));
  return (const char *) sql;
}

typedef enum { INGREDIENTS_OF_ONE, INGREDIENTS_OF_PAGE, N_INGREDIENT_QUERIES } IngredientQuery;

/* Column 0 the recipe id, 1 the food's description, 2 its SR28 group, then RecipeIngredient's. */
static const char *
sql_ingredients (IngredientQuery q)
{
  static gsize sql[N_INGREDIENT_QUERIES];
  static const char *const filters[N_INGREDIENT_QUERIES] = {
    [INGREDIENTS_OF_ONE] = "i.recipe_id = ?1",
    [INGREDIENTS_OF_PAGE] = "i.recipe_id IN (SELECT value FROM json_each(?1))",
  };
  if (g_once_init_enter (&sql[q]))
    {
      GString *s = g_string_new ("SELECT i.recipe_id, f.long_desc, f.food_group, ");
      bz_db_append_columns (s, &bz_recipe_ingredient_resource, "i");
      g_string_append_printf (s, " FROM recipe_ingredients i LEFT JOIN foods f ON f.ndb_no = i.ndb_no WHERE %s"
                                 " ORDER BY i.recipe_id, i.position", filters[q]);
      g_once_init_leave (&sql[q], (gsize) g_string_free (s, FALSE));
    }
  return (const char *) sql[q];
}

static const char *
sql_steps (void)
{
  static gsize sql;
  return bz_repo_sql_once (&sql, "SELECT %s FROM recipe_steps WHERE recipe_id = ?1 ORDER BY step_number",
                           &bz_recipe_step_resource, (const char *) NULL);
}

/* --- Reading ------------------------------------------------------------------ */

/* A Recipe from a recipe_select() row; its ingredients start empty. */
static BzRecord *
read_recipe (sqlite3_stmt *st)
{
  BzRecord *recipe = bz_record_new (&bz_recipe_resource);
  BzRecord *smae = bz_record_new (&bz_smae_equivalents_resource);
  BzRecord *author;
  int col = 0;

  bz_db_read_record (st, &col, recipe);
  if (sqlite3_column_type (st, col) == SQLITE_NULL)
    author = bz_recipe_author_new_catalogue ();
  else
    {
      author = bz_record_new (&bz_recipe_author_resource);
      bz_record_set_string (author, BZ_RECIPE_AUTHOR_ID, (const char *) sqlite3_column_text (st, col));
      bz_record_set_string (author, BZ_RECIPE_AUTHOR_USERNAME, (const char *) sqlite3_column_text (st, col + 1));
      bz_record_take_string (author, BZ_RECIPE_AUTHOR_FULL_NAME,
                             g_strdup_printf ("%s %s", sqlite3_column_text (st, col + 2), sqlite3_column_text (st, col + 3)));
      bz_record_set_string (author, BZ_RECIPE_AUTHOR_USER_TYPE, (const char *) sqlite3_column_text (st, col + 4));
    }
  bz_record_take_object (recipe, BZ_RECIPE_AUTHOR, author);
  col += 5;
  bz_repo_read_json_strv (st, col++, recipe, BZ_RECIPE_MEAL_TYPES);
  bz_repo_read_json_strv (st, col++, recipe, BZ_RECIPE_DIETARY_TAGS);
  bz_repo_read_json_strv (st, col++, recipe, BZ_RECIPE_TAGS);
  bz_repo_read_json_object (st, col++, smae);
  bz_record_take_object (recipe, BZ_RECIPE_SMAE_EQUIVALENTS_PER_SERVING, smae);
  bz_recipe_repo_set_photo_urls (recipe, sqlite3_column_int (st, col++));
  bz_record_set_empty_array (recipe, BZ_RECIPE_INGREDIENTS);
  bz_record_take_strv (recipe, BZ_RECIPE_ALLERGENS, bz_allergens_to_strv (0));
  return recipe;
}

static gboolean
collect_recipes (sqlite3_stmt *st, GPtrArray *recipes, GError **error)
{
  gboolean have_row;

  for (;;)
    {
      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        return TRUE;
      g_ptr_array_add (recipes, read_recipe (st));
    }
}

/* Runs a bound sql_ingredients() statement and appends each ingredient to
 * its recipe in @recipes. */
static gboolean
attach_ingredients (sqlite3_stmt *st, GPtrArray *recipes, GError **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) allergens = g_hash_table_new (NULL, NULL);   /* recipe -> BzAllergen mask */
  gboolean have_row;

  for (guint i = 0; i < recipes->len; i++)
    {
      BzRecord *r = g_ptr_array_index (recipes, i);
      g_hash_table_insert (by_id, (gpointer) bz_record_get_string (r, BZ_RECIPE_ID), r);
    }
  for (;;)
    {
      BzRecord *recipe, *item;
      int col = 3;
      guint mask;

      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      recipe = g_hash_table_lookup (by_id, sqlite3_column_text (st, 0));
      if (recipe == NULL)
        continue;
      item = bz_record_new (&bz_recipe_ingredient_resource);
      if (sqlite3_column_type (st, 1) != SQLITE_NULL)
        bz_record_set_string (item, BZ_RECIPE_INGREDIENT_DESCRIPTION, (const char *) sqlite3_column_text (st, 1));
      /* Allergens from what the ingredients are (bz-recipe-derive.h),
       * computed on every read so they follow the rules and the ingredients. */
      mask = GPOINTER_TO_UINT (g_hash_table_lookup (allergens, recipe));
      mask |= bz_food_allergens ((const char *) sqlite3_column_text (st, 2), (const char *) sqlite3_column_text (st, 1));
      g_hash_table_insert (allergens, recipe, GUINT_TO_POINTER (mask));
      bz_db_read_record (st, &col, item);
      bz_record_append (recipe, BZ_RECIPE_INGREDIENTS, item);
    }
  {
    GHashTableIter it;
    gpointer recipe, mask;
    g_hash_table_iter_init (&it, allergens);
    while (g_hash_table_iter_next (&it, &recipe, &mask))
      bz_record_take_strv (recipe, BZ_RECIPE_ALLERGENS, bz_allergens_to_strv (GPOINTER_TO_UINT (mask)));
  }
  return TRUE;
}

static void
bind_text (sqlite3_stmt *st, const char *name, const char *value)
{
  int i = sqlite3_bind_parameter_index (st, name);
  if (i > 0)
    bz_db_bind_text_or_null (st, i, value);
}

static void
bind_int (sqlite3_stmt *st, const char *name, gint64 value, gboolean set)
{
  int i = sqlite3_bind_parameter_index (st, name);
  if (i <= 0)
    return;
  if (set)
    sqlite3_bind_int64 (st, i, value);
  else
    sqlite3_bind_null (st, i);
}

/* Binds the filters of @q (and :search to @match); strings SQLITE_STATIC. */
static void
bind_filters (sqlite3_stmt *st, const BzRecipeQuery *q, const char *match, const char *tags_json)
{
  bind_text (st, ":search", match);
  bind_text (st, ":meal_type", q->meal_type);
  bind_text (st, ":tags", tags_json);
  bind_int (st, ":max_prep", q->max_prep_time_min, q->max_prep_time_min != BZ_RECIPE_QUERY_ANY);
  bind_text (st, ":difficulty", q->difficulty);
  bind_int (st, ":verified", q->is_verified, q->is_verified >= 0);
  bind_text (st, ":viewer", q->viewer_id);
  bind_int (st, ":sees_pending", q->viewer_sees_pending ? 1 : 0, TRUE);
}

/* A JSON array of @strv's strings, or NULL when @strv is NULL or empty. */
static char *
json_strv (const char *const *strv)
{
  GString *s;

  if (strv == NULL || strv[0] == NULL)
    return NULL;
  s = g_string_new ("[");
  for (guint i = 0; strv[i]; i++)
    {
      if (i)
        g_string_append_c (s, ',');
      bz_json_append_string (s, strv[i]);
    }
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

gboolean
bz_recipe_repo_find (BzStore *store, const BzRecipeQuery *q, GPtrArray **out, gint64 *out_total, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(GPtrArray) recipes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *match = fts_query (q->search);
  g_autofree char *tags = json_strv (q->dietary_tags);
  int sort = bz_recipe_sort_from_id (q->sort_by);
  gboolean search = match != NULL;
  gboolean have_row;

  if (sort < 0)
    sort = search ? BZ_RECIPE_SORT_RELEVANCE : BZ_RECIPE_SORT_RATING;
  if (sort == BZ_RECIPE_SORT_RELEVANCE && !search)
    sort = BZ_RECIPE_SORT_RATING;

  {
    g_autoptr(sqlite3_stmt) count = bz_db_prepare (db, sql_count (search), error);
    if (count == NULL)
      return FALSE;
    bind_filters (count, q, match, tags);
    if (!bz_repo_step (count, &have_row, error))
      return FALSE;
    *out_total = have_row ? sqlite3_column_int64 (count, 0) : 0;
  }
  {
    g_autoptr(sqlite3_stmt) page = bz_db_prepare (db, sql_page (search, sort), error);
    if (page == NULL)
      return FALSE;
    bind_filters (page, q, match, tags);
    bind_int (page, ":limit", q->limit, TRUE);
    bind_int (page, ":offset", (q->page - 1) * q->limit, TRUE);
    if (!collect_recipes (page, recipes, error))
      return FALSE;
  }
  if (recipes->len > 0)
    {
      g_autoptr(GString) ids = g_string_new ("[");
      g_autoptr(sqlite3_stmt) st = NULL;

      for (guint i = 0; i < recipes->len; i++)
        {
          if (i)
            g_string_append_c (ids, ',');
          bz_json_append_string (ids, bz_record_get_string (g_ptr_array_index (recipes, i), BZ_RECIPE_ID));
        }
      g_string_append_c (ids, ']');
      if (!(st = bz_db_prepare (db, sql_ingredients (INGREDIENTS_OF_PAGE), error)))
        return FALSE;
      sqlite3_bind_text (st, 1, ids->str, -1, SQLITE_STATIC);
      if (!attach_ingredients (st, recipes, error))
        return FALSE;
    }
  *out = g_steal_pointer (&recipes);
  return TRUE;
}

BzRecord *
bz_recipe_repo_get (BzStore *store, const char *id, GError **error)
{
  return bz_recipe_repo_get_visible (store, id, NULL, FALSE, error);
}

BzRecord *
bz_recipe_repo_get_visible (BzStore *store, const char *id, const char *viewer_id, gboolean sees_pending,
                            GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(GPtrArray) recipes = g_ptr_array_new_with_free_func (g_object_unref);
  BzRecord *recipe;

  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, sql_one (), error);
    if (st == NULL)
      return NULL;
    bind_text (st, ":id", id);
    bind_text (st, ":viewer", viewer_id);
    bind_int (st, ":sees_pending", sees_pending ? 1 : 0, TRUE);
    if (!collect_recipes (st, recipes, error) || recipes->len == 0)
      return NULL;
  }
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, sql_ingredients (INGREDIENTS_OF_ONE), error);
    if (st == NULL)
      return NULL;
    sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
    if (!attach_ingredients (st, recipes, error))
      return NULL;
  }
  recipe = g_ptr_array_index (recipes, 0);
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, sql_steps (), error);
    if (st == NULL)
      return NULL;
    sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
    if (!bz_repo_read_array (st, recipe, BZ_RECIPE_INSTRUCTIONS, error))
      return NULL;
  }
  return g_object_ref (recipe);
}

/* --- Writing ------------------------------------------------------------------ */

void
bz_recipe_food_free (BzRecipeFood *food)
{
  if (food == NULL)
    return;
  g_free (food->food_group);
  g_free (food->long_desc);
  g_free (food);
}

gboolean
bz_recipe_repo_foods (BzStore *store, const char *const *ndb_nos, GHashTable **out, GError **error)
{
  g_autoptr(GHashTable) foods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) bz_recipe_food_free);
  g_autofree char *list = json_strv (ndb_nos);
  g_autoptr(sqlite3_stmt) st = NULL;
  gboolean have_row;

  if (list == NULL)
    {
      *out = g_steal_pointer (&foods);
      return TRUE;
    }
  st = bz_db_prepare (bz_store_db (store),
                      "SELECT ndb_no, food_group, long_desc, energy_kcal, protein_g, carbohydrate_g, fat_g,"
                      " fiber_g, sodium_mg FROM foods WHERE ndb_no IN (SELECT value FROM json_each(?1))", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, list, -1, SQLITE_STATIC);
  for (;;)
    {
      BzRecipeFood *f;

      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      f = g_new0 (BzRecipeFood, 1);
      f->food_group = bz_db_column_text_dup (st, 1);
      f->long_desc = bz_db_column_text_dup (st, 2);
      /* A nutrient SR28 has no value for is NULL: 0 (data/recipes/SOURCE.md). */
      f->per_100g.energy_kcal = sqlite3_column_double (st, 3);
      f->per_100g.protein_g = sqlite3_column_double (st, 4);
      f->per_100g.carbohydrate_g = sqlite3_column_double (st, 5);
      f->per_100g.fat_g = sqlite3_column_double (st, 6);
      f->per_100g.fiber_g = sqlite3_column_double (st, 7);
      f->per_100g.sodium_mg = sqlite3_column_double (st, 8);
      g_hash_table_insert (foods, bz_db_column_text_dup (st, 0), f);
    }
  *out = g_steal_pointer (&foods);
  return TRUE;
}

gboolean
bz_recipe_repo_catalogue_ids (BzStore *store, GHashTable **out, GError **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
                                              "SELECT id FROM recipes WHERE catalogue_id IS NOT NULL", error);
  gboolean have_row;

  if (st == NULL)
    return FALSE;
  for (;;)
    {
      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      g_hash_table_add (ids, bz_db_column_text_dup (st, 0));
    }
  *out = g_steal_pointer (&ids);
  return TRUE;
}

gboolean
bz_recipe_repo_put_catalogue (BzStore *store, BzRecord *recipe, const char *catalogue_id,
                              const char *now, gboolean inserted, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  const char *id = bz_record_get_string (recipe, BZ_RECIPE_ID);
  BzRecord *n = bz_record_get_object (recipe, BZ_RECIPE_NUTRITION_PER_SERVING);
  g_autofree char *meal_types = json_strv (bz_record_get_strv (recipe, BZ_RECIPE_MEAL_TYPES));
  g_autofree char *dietary = json_strv (bz_record_get_strv (recipe, BZ_RECIPE_DIETARY_TAGS));
  g_autofree char *tags = json_strv (bz_record_get_strv (recipe, BZ_RECIPE_TAGS));
  g_autofree char *smae = bz_repo_smae_json (bz_record_get_object (recipe, BZ_RECIPE_SMAE_EQUIVALENTS_PER_SERVING));

  g_return_val_if_fail (id != NULL && n != NULL, FALSE);
  {
    /* The catalogue's: no author (Balanza), verified, published.  An update
     * keeps created_at and what members did (ratings, tried). */
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "INSERT INTO recipes (id, catalogue_id, title, description, author_id, is_verified, meal_type, meal_types,"
        " cuisine_type, dietary_tags, tags, difficulty, prep_time_min, cook_time_min, servings,"
        " calories, protein_g, carbs_g, fat_g, fiber_g, sodium_mg, smae_equivalents,"
        " is_published, moderation_status, created_at, updated_at)"
        " VALUES (?1, ?2, ?3, ?4, NULL, 1, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
        " ?14, ?15, ?16, ?17, ?18, ?19, ?20, 1, 'approved', ?21, ?21)"
        " ON CONFLICT (id) DO UPDATE SET catalogue_id = excluded.catalogue_id, title = excluded.title,"
        " description = excluded.description, meal_type = excluded.meal_type, meal_types = excluded.meal_types,"
        " cuisine_type = excluded.cuisine_type, dietary_tags = excluded.dietary_tags, tags = excluded.tags,"
        " difficulty = excluded.difficulty, prep_time_min = excluded.prep_time_min,"
        " cook_time_min = excluded.cook_time_min, servings = excluded.servings, calories = excluded.calories,"
        " protein_g = excluded.protein_g, carbs_g = excluded.carbs_g, fat_g = excluded.fat_g,"
        " fiber_g = excluded.fiber_g, sodium_mg = excluded.sodium_mg,"
        " smae_equivalents = excluded.smae_equivalents, updated_at = excluded.updated_at", error);
    if (st == NULL)
      return FALSE;
    sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 2, catalogue_id, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 3, bz_record_get_string (recipe, BZ_RECIPE_TITLE), -1, SQLITE_STATIC);
    bz_db_bind_text_or_null (st, 4, bz_record_get_string (recipe, BZ_RECIPE_DESCRIPTION));
    sqlite3_bind_text (st, 5, bz_record_get_string (recipe, BZ_RECIPE_MEAL_TYPE), -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 6, meal_types ? meal_types : "[]", -1, SQLITE_STATIC);
    bz_db_bind_text_or_null (st, 7, bz_record_get_string (recipe, BZ_RECIPE_CUISINE_TYPE));
    sqlite3_bind_text (st, 8, dietary ? dietary : "[]", -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 9, tags ? tags : "[]", -1, SQLITE_STATIC);
    bz_db_bind_text_or_null (st, 10, bz_record_get_string (recipe, BZ_RECIPE_DIFFICULTY));
    sqlite3_bind_int64 (st, 11, bz_record_get_int (recipe, BZ_RECIPE_PREP_TIME_MIN));
    sqlite3_bind_int64 (st, 12, bz_record_get_int (recipe, BZ_RECIPE_COOK_TIME_MIN));
    sqlite3_bind_int64 (st, 13, bz_record_get_int (recipe, BZ_RECIPE_SERVINGS));
    sqlite3_bind_double (st, 14, bz_record_get_double (n, BZ_RECIPE_NUTRITION_CALORIES));
    sqlite3_bind_double (st, 15, bz_record_get_double (n, BZ_RECIPE_NUTRITION_PROTEIN_G));
    sqlite3_bind_double (st, 16, bz_record_get_double (n, BZ_RECIPE_NUTRITION_CARBS_G));
    sqlite3_bind_double (st, 17, bz_record_get_double (n, BZ_RECIPE_NUTRITION_FAT_G));
    sqlite3_bind_double (st, 18, bz_record_get_double (n, BZ_RECIPE_NUTRITION_FIBER_G));
    sqlite3_bind_double (st, 19, bz_record_get_double (n, BZ_RECIPE_NUTRITION_SODIUM_MG));
    sqlite3_bind_text (st, 20, smae, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 21, now, -1, SQLITE_STATIC);
    if (!bz_db_step_done (st, error))
      return FALSE;
  }
  {
    g_autoptr(sqlite3_stmt) del = bz_db_prepare (db, "DELETE FROM recipe_ingredients WHERE recipe_id = ?1", error);
    if (del == NULL)
      return FALSE;
    sqlite3_bind_text (del, 1, id, -1, SQLITE_STATIC);
    if (!bz_db_step_done (del, error))
      return FALSE;
  }
  for (guint i = 0; i < bz_record_get_n_items (recipe, BZ_RECIPE_INGREDIENTS); i++)
    {
      static gsize sql;
      BzRecord *item = bz_record_get_item (recipe, BZ_RECIPE_INGREDIENTS, i);
      g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, bz_repo_sql_once (&sql,
          "INSERT INTO recipe_ingredients (recipe_id, position, %s) VALUES (?, ?, %?)",
          &bz_recipe_ingredient_resource, (const char *) NULL, &bz_recipe_ingredient_resource), error);
      int p = 3;
      if (st == NULL)
        return FALSE;
      sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_int (st, 2, i);
      bz_db_bind_record (st, &p, item);
      if (!bz_db_step_done (st, error))
        return FALSE;
    }
  {
    g_autoptr(sqlite3_stmt) del = bz_db_prepare (db, "DELETE FROM recipe_steps WHERE recipe_id = ?1", error);
    if (del == NULL)
      return FALSE;
    sqlite3_bind_text (del, 1, id, -1, SQLITE_STATIC);
    if (!bz_db_step_done (del, error))
      return FALSE;
  }
  for (guint i = 0; i < bz_record_get_n_items (recipe, BZ_RECIPE_INSTRUCTIONS); i++)
    {
      static gsize sql;
      BzRecord *step = bz_record_get_item (recipe, BZ_RECIPE_INSTRUCTIONS, i);
      g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, bz_repo_sql_once (&sql,
          "INSERT INTO recipe_steps (recipe_id, %s) VALUES (?, %?)",
          &bz_recipe_step_resource, (const char *) NULL, &bz_recipe_step_resource), error);
      int p = 2;
      if (st == NULL)
        return FALSE;
      sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
      bz_db_bind_record (st, &p, step);
      if (!bz_db_step_done (st, error))
        return FALSE;
    }
  return bz_store_log_change (db, "recipes", id, inserted ? BZ_CHANGE_INSERT : BZ_CHANGE_UPDATE, error);
}

gboolean
bz_recipe_repo_delete_catalogue_except (BzStore *store, GHashTable *keep, GPtrArray **out_deleted, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(GPtrArray) deleted = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) ids = g_string_new ("[");
  GHashTableIter it;
  gpointer key;
  gboolean have_row;

  g_hash_table_iter_init (&it, keep);
  while (g_hash_table_iter_next (&it, &key, NULL))
    {
      if (ids->len > 1)
        g_string_append_c (ids, ',');
      bz_json_append_string (ids, key);
    }
  g_string_append_c (ids, ']');
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "DELETE FROM recipes WHERE catalogue_id IS NOT NULL AND id NOT IN (SELECT value FROM json_each(?1))"
        " RETURNING id", error);
    if (st == NULL)
      return FALSE;
    sqlite3_bind_text (st, 1, ids->str, -1, SQLITE_STATIC);
    for (;;)
      {
        if (!bz_repo_step (st, &have_row, error))
          return FALSE;
        if (!have_row)
          break;
        g_ptr_array_add (deleted, bz_db_column_text_dup (st, 0));
      }
  }
  for (guint i = 0; i < deleted->len; i++)
    if (!bz_store_log_change (db, "recipes", g_ptr_array_index (deleted, i), BZ_CHANGE_DELETE, error))
      return FALSE;
  *out_deleted = g_steal_pointer (&deleted);
  return TRUE;
}

gboolean
bz_recipe_repo_import_sha256 (BzStore *store, const char *file, char **out_sha256, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
                                              "SELECT sha256 FROM recipe_import WHERE file = ?1", error);
  gboolean have_row;

  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, file, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  *out_sha256 = have_row ? bz_db_column_text_dup (st, 0) : NULL;
  return TRUE;
}

gboolean
bz_recipe_repo_record_import (BzStore *store, const char *file, const char *sha256, guint rows,
                              const char *now, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "INSERT INTO recipe_import (file, sha256, rows, imported_at) VALUES (?1, ?2, ?3, ?4)"
      " ON CONFLICT (file) DO UPDATE SET sha256 = excluded.sha256, rows = excluded.rows,"
      " imported_at = excluded.imported_at", error);

  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, file, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int (st, 3, rows);
  sqlite3_bind_text (st, 4, now, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error);
}

gint64
bz_recipe_repo_count (BzStore *store, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), "SELECT count(*) FROM recipes", error);
  gboolean have_row;

  if (st == NULL || !bz_repo_step (st, &have_row, error))
    return -1;
  return have_row ? sqlite3_column_int64 (st, 0) : 0;
}
