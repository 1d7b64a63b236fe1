/* test-foods-es.c — Spanish (Mexico) food names (issue 7): the importer's
 * names step (data/foods/es-MX-names.tsv -> foods.name_es, foods_es_fts;
 * data/sql/005_food_names_es.sql) and the food search over them, against
 * the real files in data/foods/.
 *
 * One store is imported once (/foods-es/import/first) and shared by the
 * tests; the upgrade test (SR28 imported before migration 005) runs last
 * on it.
 */
#include <glib/gstdio.h>

#include "bz-demo.h"
#include "bz-food-repo.h"
#include "bz-food-service.h"
#include "bz-meal-repo.h"
#include "bz-test-util.h"
#include "bz-usda-import.h"

static char *shared_dir;
static BzStore *shared_store;
static BzServices *shared_svc;
static char *foods_dir;

/* --- helpers ---------------------------------------------------------------- */

static gint64
count_rows (BzStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  return sqlite3_column_int64 (st, 0);
}

static char *
text_of (BzStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), sql, &error);
  g_assert_no_error (error);
  if (sqlite3_step (st) != SQLITE_ROW)
    return NULL;
  return bz_db_column_text_dup (st, 0);
}

static void
ensure_imported (void)
{
  g_autoptr(GError) error = NULL;
  if (!bz_usda_is_imported (shared_store))
    g_assert_true (bz_usda_import (shared_store, foods_dir, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* One page of the food search: FoodSummary records (element-type BzRecord). */
static GPtrArray *
search (const char *text, guint limit, gint64 *out_total)
{
  g_autoptr(GError) error = NULL;
  gint64 total = -1;
  GPtrArray *foods = bz_food_repo_search (shared_store, text, limit, 0, &total, &error);

  g_assert_no_error (error);
  g_assert_nonnull (foods);
  g_assert_cmpint (total, >=, foods->len);
  if (out_total)
    *out_total = total;
  return foods;
}

static const char *
ndb_at (GPtrArray *foods, guint i)
{
  return bz_record_get_string (g_ptr_array_index (foods, i), BZ_FOOD_SUMMARY_NDB_NO);
}

/* The 0-based position of @ndb_no in @foods, or -1. */
static int
position_of (GPtrArray *foods, const char *ndb_no)
{
  for (guint i = 0; i < foods->len; i++)
    if (g_strcmp0 (ndb_at (foods, i), ndb_no) == 0)
      return (int) i;
  return -1;
}

/* Logs a page (seen with --verbose; the report of issue 7 shows them). */
static void
log_page (const char *text, GPtrArray *foods, gint64 total, guint n)
{
  g_test_message ("“%s”: %" G_GINT64_FORMAT " foods", text, total);
  for (guint i = 0; i < MIN (n, foods->len); i++)
    {
      BzRecord *f = g_ptr_array_index (foods, i);
      const char *es = bz_record_get_string (f, BZ_FOOD_SUMMARY_NAME_ES);
      g_test_message ("  %2u. %s  %s%s%s", i + 1, ndb_at (foods, i),
                      es ? es : "", es ? "  |  " : "",
                      bz_record_get_string (f, BZ_FOOD_SUMMARY_DESCRIPTION));
    }
}

/* Rows of es-MX-names.tsv: ndb_no -> name_es (surrounding blanks removed). */
static GHashTable *
read_tsv (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (foods_dir, "es-MX-names.tsv", NULL);
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (data, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "ndb_no\tname_es\tnote");
  for (guint i = 1; lines[i]; i++)
    {
      g_auto(GStrv) f = NULL;
      if (*lines[i] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", 3);
      g_assert_nonnull (f[1]);
      g_assert_false (g_hash_table_contains (names, f[0]));
      g_hash_table_insert (names, g_strdup (f[0]), g_strstrip (g_strdup (f[1])));
    }
  return names;
}

/* A temp dir holding only @tsv as es-MX-names.tsv: the names-only path
 * (SR28 already imported) reads nothing else. */
static char *
names_dir (const char *tsv)
{
  g_autoptr(GError) error = NULL;
  char *dir = bz_test_tmpdir ("foods-es-src");
  g_autofree char *path = g_build_filename (dir, "es-MX-names.tsv", NULL);

  g_file_set_contents (path, tsv, -1, &error);
  g_assert_no_error (error);
  return dir;
}

/* --- import ------------------------------------------------------------------- */

typedef struct
{
  gboolean saw_names, saw_nutrients;
} Phases;

static void
on_progress (const char *phase, double fraction, gpointer user_data)
{
  Phases *p = user_data;
  p->saw_names |= g_str_equal (phase, "names");
  p->saw_nutrients |= g_str_equal (phase, "nutrients");
}

static void
test_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) tsv = read_tsv ();
  g_autoptr(sqlite3_stmt) st = NULL;
  g_autofree char *path = g_build_filename (foods_dir, "es-MX-names.tsv", NULL);
  g_autofree char *data = NULL, *sha = NULL, *recorded = NULL;
  gsize len;
  Phases phases = { 0, };
  guint checked = 0;

  g_assert_false (bz_usda_is_imported (shared_store));
  g_assert_true (bz_usda_import (shared_store, foods_dir, on_progress, &phases, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bz_usda_is_imported (shared_store));
  g_assert_true (phases.saw_names);

  /* every row of the file, and nothing else */
  g_assert_cmpuint (g_hash_table_size (tsv), ==, 3219);
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM foods WHERE name_es IS NOT NULL"), ==, 3219);
  st = bz_db_prepare (bz_store_db (shared_store), "SELECT ndb_no, name_es FROM foods WHERE name_es IS NOT NULL", &error);
  g_assert_no_error (error);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      const char *ndb = (const char *) sqlite3_column_text (st, 0);
      g_assert_cmpstr (g_hash_table_lookup (tsv, ndb), ==, (const char *) sqlite3_column_text (st, 1));
      checked++;
    }
  g_assert_cmpuint (checked, ==, 3219);

  /* bookkeeping: the file's sha256 and row count, beside the five SR28 files */
  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
  recorded = text_of (shared_store, "SELECT sha256 FROM food_import WHERE file = 'es-MX-names.tsv'");
  g_assert_cmpstr (recorded, ==, sha);
  g_assert_cmpint (count_rows (shared_store, "SELECT rows FROM food_import WHERE file = 'es-MX-names.tsv'"), ==, 3219);
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM food_import"), ==, 6);

  /* the Spanish index: accents folded, prefixes */
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM foods_es_fts WHERE foods_es_fts MATCH 'maiz'"), ==,
                   count_rows (shared_store, "SELECT count(*) FROM foods WHERE name_es LIKE '%maíz%'"));
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM foods_es_fts WHERE foods_es_fts MATCH 'maiz'"), >, 20);
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM foods_es_fts WHERE foods_es_fts MATCH 'manza*'"), >, 5);
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM foods_es_fts WHERE foods_es_fts MATCH 'apple'"), ==, 2);   /* Apple Jacks, apple crisp */
  /* the index agrees with foods.name_es */
  g_assert_true (bz_db_exec (bz_store_db (shared_store),
                             "INSERT INTO foods_es_fts (foods_es_fts, rank) VALUES ('integrity-check', 1)", &error));
  g_assert_no_error (error);
}

/* Imported again: neither SR28 nor the names are touched. */
static void
test_import_again (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  Phases phases = { 0, };

  ensure_imported ();
  before = text_of (shared_store, "SELECT group_concat(file || imported_at) FROM food_import");
  g_assert_true (bz_usda_import (shared_store, foods_dir, on_progress, &phases, NULL, &error));
  g_assert_no_error (error);
  after = text_of (shared_store, "SELECT group_concat(file || imported_at) FROM food_import");
  g_assert_cmpstr (before, ==, after);
  g_assert_false (phases.saw_names);
  g_assert_false (phases.saw_nutrients);
}

/* --- records ------------------------------------------------------------------ */

static void
test_records (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) apple = NULL, lamb = NULL, list = NULL;
  g_autoptr(GPtrArray) foods = NULL;

  ensure_imported ();
  apple = bz_food_repo_get (shared_store, "09003", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bz_record_get_string (apple, BZ_FOOD_NAME_ES), ==, "manzana, cruda, con cáscara");
  g_assert_true (g_str_has_prefix (bz_record_get_string (apple, BZ_FOOD_DESCRIPTION), "Apples, raw, with skin"));

  /* a food without a Spanish name: null */
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM foods WHERE ndb_no = '35001' AND name_es IS NULL"), ==, 1);
  lamb = bz_food_repo_get (shared_store, "35001", &error);
  g_assert_no_error (error);
  g_assert_false (bz_record_has (lamb, BZ_FOOD_NAME_ES));

  /* the listing carries it too, and the service's FoodList */
  foods = search ("manzana cruda con cáscara", 5, NULL);
  g_assert_cmpstr (ndb_at (foods, 0), ==, "09003");
  g_assert_cmpstr (bz_record_get_string (g_ptr_array_index (foods, 0), BZ_FOOD_SUMMARY_NAME_ES), ==,
                   "manzana, cruda, con cáscara");
  list = bz_foods_find (shared_svc, "manza", 1, 5, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bz_record_get_string (bz_record_get_item (list, BZ_FOOD_LIST_FOODS, 0), BZ_FOOD_SUMMARY_NAME_ES));
}

/* Meal items carry their food's Spanish name beside the English
 * description (the demo clinic's meals: every demo food has one). */
static void
test_meal_items (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) meal = NULL;
  g_autofree char *meal_id = NULL;
  guint n;

  ensure_imported ();
  if (!bz_demo_exists (shared_svc))
    g_assert_true (bz_demo_create (shared_svc, NULL, &error));
  g_assert_no_error (error);
  meal_id = text_of (shared_store, "SELECT meal_id FROM meal_items GROUP BY meal_id ORDER BY count(*) DESC, meal_id LIMIT 1");
  g_assert_nonnull (meal_id);
  meal = bz_meal_repo_get (shared_store, meal_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (meal);
  n = bz_record_get_n_items (meal, BZ_MEAL_ITEMS);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      BzRecord *item = bz_record_get_item (meal, BZ_MEAL_ITEMS, i);
      g_autofree char *sql = g_strdup_printf ("SELECT name_es FROM foods WHERE ndb_no = '%s'",
                                              bz_record_get_string (item, BZ_MEAL_ITEM_NDB_NO));
      g_autofree char *name_es = text_of (shared_store, sql);

      g_assert_nonnull (name_es);
      g_assert_cmpstr (bz_record_get_string (item, BZ_MEAL_ITEM_NAME_ES), ==, name_es);
      g_assert_nonnull (bz_record_get_string (item, BZ_MEAL_ITEM_DESCRIPTION));
    }
}

/* --- search ------------------------------------------------------------------- */

/* Half-typed Spanish words find their foods by prefix. */
static void
test_search_prefix (void)
{
  g_autoptr(GPtrArray) manza = NULL, torti = NULL, aguac = NULL;
  gint64 total = 0;

  ensure_imported ();
  manza = search ("manza", 20, &total);
  log_page ("manza", manza, total, 10);
  g_assert_cmpint (position_of (manza, "09003"), >=, 0);    /* Apples, raw, with skin */
  g_assert_cmpint (position_of (manza, "09003"), <, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_true (g_str_has_prefix (bz_record_get_string (g_ptr_array_index (manza, i), BZ_FOOD_SUMMARY_NAME_ES),
                                     "manzana"));
  /* "manza" is no English word: every result has a Spanish name */
  g_assert_cmpint (total, ==, count_rows (shared_store,
                                          "SELECT count(*) FROM foods_es_fts WHERE foods_es_fts MATCH 'manza*'"));

  torti = search ("torti", 10, &total);
  log_page ("torti", torti, total, 10);
  g_assert_cmpint (position_of (torti, "18363"), >=, 0);    /* Tortillas, ready-to-bake or -fry, corn */
  g_assert_cmpint (position_of (torti, "18363"), <, 5);

  aguac = search ("aguac", 10, &total);
  g_assert_cmpint (position_of (aguac, "09037"), >=, 0);    /* Avocados, raw, all commercial varieties */
}

/* Accents are optional, in the query and against the names. */
static void
test_search_accents (void)
{
  static const char *same[][3] = {
    { "maiz", "maíz", "MAÍZ" },
    { "platano macho", "plátano macho", "PLÁTANO MACHO" },
    { "jicama", "jícama", "JÍCAMA" },
    { "tortilla de maiz", "tortilla de maíz", "Tortilla De Maíz" },
  };

  ensure_imported ();
  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autoptr(GPtrArray) a = NULL, b = NULL, c = NULL;
      gint64 ta = 0, tb = 0, tc = 0;

      a = search (same[i][0], 100, &ta);
      b = search (same[i][1], 100, &tb);
      c = search (same[i][2], 100, &tc);
      if (i == 0)
        log_page (same[i][0], a, ta, 10);
      g_assert_cmpint (ta, >, 0);
      g_assert_cmpint (ta, ==, tb);
      g_assert_cmpint (ta, ==, tc);
      g_assert_cmpuint (a->len, ==, b->len);
      for (guint j = 0; j < a->len; j++)
        {
          g_assert_cmpstr (ndb_at (a, j), ==, ndb_at (b, j));
          g_assert_cmpstr (ndb_at (a, j), ==, ndb_at (c, j));
        }
    }
}

/* Words the vocabulary does not know are found in the names: "pintos" is
 * no SR28 word ("Beans, pinto"); plural and singular forms of the words
 * before the last one. */
static void
test_search_names (void)
{
  static const struct { const char *text; guint limit; const char *ndb_no; } finds[] = {
    { "frijoles pintos", 10, "16043" },   /* Beans, pinto, mature seeds, cooked, boiled, without salt */
    { "frijol pinto", 10, "16043" },
    { "frijoles pintos cocidos", 3, "16043" },
    { "tortilla de maíz", 5, "18363" },
    { "tortillas de maiz", 5, "18363" },
    { "maíz pozolero", 10, "20030" },     /* Hominy, canned, white */
    { "nopal", 10, "11963" },             /* Nopales, raw */
    { "chicozapote", 5, "09313" },        /* Sapodilla, raw */
    { "zapote mamey", 5, "09314" },       /* Mammy-apple: Pouteria sapota, raw */
  };

  ensure_imported ();
  for (guint i = 0; i < G_N_ELEMENTS (finds); i++)
    {
      g_autoptr(GPtrArray) foods = NULL;
      gint64 total = 0;

      foods = search (finds[i].text, finds[i].limit, &total);
      if (i == 0)
        log_page (finds[i].text, foods, total, 10);
      if (position_of (foods, finds[i].ndb_no) < 0)
        g_error ("“%s”: %s not in the first %u", finds[i].text, finds[i].ndb_no, finds[i].limit);
    }
}

/* Spanish words the vocabulary knows keep their English matches, and the
 * foods with a Spanish name come first. */
static void
test_search_ranking (void)
{
  g_autoptr(GPtrArray) pollo = NULL, frijoles = NULL;
  gint64 total = 0, chicken;

  ensure_imported ();
  pollo = search ("pollo", 20, &total);
  log_page ("pollo", pollo, total, 10);
  chicken = count_rows (shared_store, "SELECT count(*) FROM foods_fts WHERE foods_fts MATCH '\"chicken\"'");
  g_assert_cmpint (total, >=, chicken);
  for (guint i = 0; i < 10; i++)
    g_assert_nonnull (bz_record_get_string (g_ptr_array_index (pollo, i), BZ_FOOD_SUMMARY_NAME_ES));

  frijoles = search ("frijoles", 20, &total);
  log_page ("frijoles", frijoles, total, 10);
  g_assert_cmpint (total, >=, count_rows (shared_store, "SELECT count(*) FROM foods_fts WHERE foods_fts MATCH '\"beans\"'"));
  for (guint i = 0; i < 10; i++)
    {
      const char *es = bz_record_get_string (g_ptr_array_index (frijoles, i), BZ_FOOD_SUMMARY_NAME_ES);
      g_assert_nonnull (es);
      g_assert_nonnull (strstr (es, "frijol"));
    }
}

/* An English query the names do not match counts exactly as the English
 * index alone does and finds only its foods (the search before the names);
 * their order is the everyday-food-first ranking of issue 7 (no longer
 * bm25() alone, which put "APPLEBEE'S, chili" first for "apple"), so the
 * plain food comes first. */
static void
test_search_english (void)
{
  static const struct { const char *text, *first, *or_first; } queries[] = {
    { "apple", "09003", NULL },              /* Apples, raw, with skin */
    { "cheddar cheese", "01009", NULL },     /* Cheese, cheddar */
    { "chicken breast roasted", NULL, NULL }, /* a Chicken, broilers or fryers, breast */
    { "oats", "08120", "20038" },            /* Cereals, oats, regular and quick, ..., dry; Oats
                                                (first with the recipe catalogue, which uses 08120, or without) */
  };

  ensure_imported ();
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) foods = NULL;
      g_autoptr(GRegex) word = g_regex_new ("[^ ]+", 0, 0, NULL);
      g_autofree char *match = g_regex_replace (word, queries[q].text, -1, 0, "\"\\0\"*", 0, NULL);
      g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM foods_fts WHERE foods_fts MATCH '%s'", match);
      gint64 total = 0;

      foods = search (queries[q].text, 50, &total);
      if (q == 0)
        log_page (queries[q].text, foods, total, 10);
      g_assert_cmpint (total, ==, count_rows (shared_store, count_sql));
      g_assert_cmpuint (foods->len, ==, MIN (total, 50));
      for (guint i = 0; i < foods->len; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (shared_store),
                                                      "SELECT count(*) FROM foods_fts JOIN foods f ON f.rowid = foods_fts.rowid"
                                                      " WHERE foods_fts MATCH ?1 AND f.ndb_no = ?2", &error);
          g_assert_no_error (error);
          sqlite3_bind_text (st, 1, match, -1, SQLITE_STATIC);
          sqlite3_bind_text (st, 2, ndb_at (foods, i), -1, SQLITE_STATIC);
          g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
          g_assert_cmpint (sqlite3_column_int64 (st, 0), ==, 1);
        }
      if (queries[q].or_first && g_strcmp0 (ndb_at (foods, 0), queries[q].or_first) == 0)
        ;
      else if (queries[q].first)
        g_assert_cmpstr (ndb_at (foods, 0), ==, queries[q].first);
      else
        g_assert_true (g_str_has_prefix (bz_record_get_string (g_ptr_array_index (foods, 0), BZ_FOOD_SUMMARY_DESCRIPTION),
                                         "Chicken, broilers or fryers, breast"));
    }
}

/* The user's text never reaches the FTS5 syntax of the Spanish query either. */
static void
test_search_hostile (void)
{
  static const char *inputs[] = {
    "\"", "manza\"", "manza*", "manza OR", "NOT manza", "name_es:manza", "{name_es}:maíz", "^torti",
    "de", "de la", "y", "s", "es", "ces", "z", "maíz de", "a\xcc\x81", "\xc3\x9f", "½", "NEAR(manza torti)",
    "\xff\xfe manza", NULL,
  };

  ensure_imported ();
  for (guint i = 0; inputs[i]; i++)
    {
      g_autoptr(GPtrArray) foods = search (inputs[i], 5, NULL);
      (void) foods;
    }
}

/* --- the names step alone ----------------------------------------------------- */

/* A newer names file replaces the names; a broken one changes nothing; a
 * missing one keeps the names loaded before. */
static void
test_names_update (void)
{
  static const struct { const char *tsv; const char *message; } bad[] = {
    { "ndb_no\tname\tnote\n09003\tmanzana\t\n", "line 1" },
    { "ndb_no\tname_es\tnote\n09003\tmanzana\t\n99999\tnada\t\n", "line 3: unknown NDB_No" },
    { "ndb_no\tname_es\tnote\n09003\tmanzana\t\n09003\tmanzana roja\t\n", "line 3: NDB_No 09003 given twice" },
    { "ndb_no\tname_es\tnote\n9003\tmanzana\t\n", "line 2: bad NDB_No" },
    { "ndb_no\tname_es\tnote\n09003\t  \t\n", "line 2: empty name_es" },
    { "ndb_no\tname_es\tnote\n09003\n", "line 2: no name_es" },
    { "ndb_no\tname_es\tnote\n09003\tmanzana\tx\ty\n", "line 2: more than 3 fields" },
    { "ndb_no\tname_es\tnote\n09003\tmanzana \xff\t\n", "not valid UTF-8" },
    { "", "no header" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *small = names_dir ("ndb_no\tname_es\tnote\r\n09003\t manzana de prueba \tnota\r\n09040\tplátano\r\n");
  g_autofree char *sha_before = NULL;

  ensure_imported ();
  sha_before = text_of (shared_store, "SELECT sha256 FROM food_import WHERE file = 'es-MX-names.tsv'");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *dir = names_dir (bad[i].tsv);
      g_autofree char *sha = NULL;

      g_assert_false (bz_usda_import (shared_store, dir, NULL, NULL, NULL, &error));
      g_assert_error (error, BZ_ERROR, BZ_ERROR_INTERNAL);
      if (strstr (error->message, bad[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, bad[i].message);
      g_clear_error (&error);
      g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM foods WHERE name_es IS NOT NULL"), ==, 3219);
      sha = text_of (shared_store, "SELECT sha256 FROM food_import WHERE file = 'es-MX-names.tsv'");
      g_assert_cmpstr (sha, ==, sha_before);
      bz_test_rmdir (dir);
    }

  /* a newer file: CRLF, a row without its note, blanks around a name */
  g_assert_true (bz_usda_import (shared_store, small, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM foods WHERE name_es IS NOT NULL"), ==, 2);
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM foods WHERE ndb_no = '09003'"
                                             " AND name_es = 'manzana de prueba'"), ==, 1);
  g_assert_cmpint (count_rows (shared_store, "SELECT rows FROM food_import WHERE file = 'es-MX-names.tsv'"), ==, 2);
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM foods_es_fts WHERE foods_es_fts MATCH 'prueba'"), ==, 1);
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM foods_es_fts WHERE foods_es_fts MATCH 'tortilla'"), ==, 0);

  /* the file gone: the names loaded stay */
  {
    g_autofree char *path = g_build_filename (small, "es-MX-names.tsv", NULL);
    g_assert_cmpint (g_unlink (path), ==, 0);
  }
  g_assert_true (bz_usda_import (shared_store, small, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM foods WHERE name_es IS NOT NULL"), ==, 2);
  g_assert_true (bz_usda_is_imported (shared_store));

  /* the shipped file again */
  g_assert_true (bz_usda_import (shared_store, foods_dir, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM foods WHERE name_es IS NOT NULL"), ==, 3219);
  {
    g_autofree char *sha = text_of (shared_store, "SELECT sha256 FROM food_import WHERE file = 'es-MX-names.tsv'");
    g_assert_cmpstr (sha, ==, sha_before);
  }
  bz_test_rmdir (small);
}

/* A fresh store and no names file: nothing is imported. */
static void
test_names_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_dir = bz_test_tmpdir ("foods-es-db");
  g_autofree char *empty = bz_test_tmpdir ("foods-es-empty");
  g_autoptr(BzStore) store = bz_store_open (db_dir, &error);

  g_assert_no_error (error);
  g_assert_false (bz_usda_import (store, empty, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "es-MX-names.tsv"));
  g_assert_false (bz_usda_is_imported (store));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM foods"), ==, 0);
  g_clear_object (&store);
  bz_test_rmdir (db_dir);
  bz_test_rmdir (empty);
}

/* A store whose SR28 was imported before migration 005 (no name_es, no
 * foods_es_fts, no names row in food_import), then migrated: it is not
 * "imported" until the names are loaded, and bz_usda_import() loads only
 * them, quickly, leaving SR28 as it was.  The migration's SQL runs here
 * by hand on the populated store (later migrations are already applied). */
static void
test_upgrade_sr28_before_005 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) migration = NULL;
  g_autofree char *sr28_before = NULL, *sr28_after = NULL;
  gint64 t0;

  ensure_imported ();
  sr28_before = text_of (shared_store, "SELECT group_concat(file || sha256 || imported_at) FROM food_import"
                                       " WHERE file <> 'es-MX-names.tsv'");
  g_assert_true (bz_db_exec (bz_store_db (shared_store),
                             "DROP TABLE foods_es_fts;"
                             "ALTER TABLE foods DROP COLUMN name_es;"
                             "DELETE FROM food_import WHERE file = 'es-MX-names.tsv';", &error));
  g_assert_no_error (error);
  migration = g_resources_lookup_data ("/org/balanza/store/sql/005_food_names_es.sql", 0, &error);
  g_assert_no_error (error);
  g_assert_true (bz_db_exec (bz_store_db (shared_store), g_bytes_get_data (migration, NULL), &error));
  g_assert_no_error (error);
  g_clear_object (&shared_svc);
  g_clear_object (&shared_store);

  shared_store = bz_store_open (shared_dir, &error);
  g_assert_no_error (error);
  shared_svc = bz_services_new (shared_store);
  g_assert_false (bz_usda_is_imported (shared_store));
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM foods WHERE name_es IS NOT NULL"), ==, 0);
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM foods"), ==, 8789);
  {
    g_autoptr(GPtrArray) manza = search ("manza", 5, NULL);
    g_assert_cmpuint (manza->len, ==, 0);
  }

  t0 = g_get_monotonic_time ();
  g_assert_true (bz_usda_import (shared_store, foods_dir, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, G_USEC_PER_SEC);
  g_assert_true (bz_usda_is_imported (shared_store));
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM foods WHERE name_es IS NOT NULL"), ==, 3219);
  sr28_after = text_of (shared_store, "SELECT group_concat(file || sha256 || imported_at) FROM food_import"
                                      " WHERE file <> 'es-MX-names.tsv'");
  g_assert_cmpstr (sr28_before, ==, sr28_after);
  {
    g_autoptr(GPtrArray) manza = search ("manza", 5, NULL);
    g_assert_cmpint (position_of (manza, "09003"), >=, 0);
  }
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int rc;

  g_test_init (&argc, &argv, NULL);

  foods_dir = bz_test_source_path ("data/foods");
  shared_dir = bz_test_tmpdir ("foods-es");
  shared_store = bz_store_open (shared_dir, &error);
  g_assert_no_error (error);
  shared_svc = bz_services_new (shared_store);

  /* order matters (GLib runs the suites in the order added): import fills
   * the shared store, upgrade rewrites it */
  g_test_add_func ("/foods-es/import/first", test_import);
  g_test_add_func ("/foods-es/import/again", test_import_again);
  g_test_add_func ("/foods-es/records/name-es", test_records);
  g_test_add_func ("/foods-es/records/meal-items", test_meal_items);
  g_test_add_func ("/foods-es/search/prefix", test_search_prefix);
  g_test_add_func ("/foods-es/search/accents", test_search_accents);
  g_test_add_func ("/foods-es/search/names", test_search_names);
  g_test_add_func ("/foods-es/search/ranking", test_search_ranking);
  g_test_add_func ("/foods-es/search/english", test_search_english);
  g_test_add_func ("/foods-es/search/hostile", test_search_hostile);
  g_test_add_func ("/foods-es/names/update", test_names_update);
  g_test_add_func ("/foods-es/names/missing", test_names_missing);
  g_test_add_func ("/foods-es/upgrade/sr28-before-005", test_upgrade_sr28_before_005);

  rc = g_test_run ();

  g_clear_object (&shared_svc);
  g_clear_object (&shared_store);
  bz_test_rmdir (shared_dir);
  g_free (shared_dir);
  g_free (foods_dir);
  return rc;
}
