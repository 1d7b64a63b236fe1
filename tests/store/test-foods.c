/* test-foods.c — USDA SR28 import (bz-usda-import) and the food service,
 * against the real files in data/foods/.
 *
 * One store is imported once (test /foods/import) and shared by the read
 * tests; the import's failures are in test-foods-import.c.
 */
#include <glib/gstdio.h>
#include <lzma.h>

#include "bz-food-service.h"
#include "bz-food-terms.h"
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

/* Lets any read test run alone (-p): imports the shared store if needed. */
static void
ensure_imported (void)
{
  g_autoptr(GError) error = NULL;
  if (!bz_usda_is_imported (shared_store))
    g_assert_true (bz_usda_import (shared_store, foods_dir, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A FoodList record: {foods: [FoodSummary], pagination}. */
static BzRecord *
search (const char *text, guint page, guint limit)
{
  g_autoptr(GError) error = NULL;
  BzRecord *list = bz_foods_find (shared_svc, text, page, limit, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);
  g_assert_true (bz_record_get_resource (list) == &bz_food_list_resource);
  return list;
}

static gint64
total_items (BzRecord *list)
{
  BzRecord *p = bz_record_get_object (list, BZ_FOOD_LIST_PAGINATION);
  g_assert_true (bz_record_has (p, BZ_PAGINATION_TOTAL_ITEMS));
  return bz_record_get_int (p, BZ_PAGINATION_TOTAL_ITEMS);
}

static guint
n_foods (BzRecord *list)
{
  g_assert_true (bz_record_has (list, BZ_FOOD_LIST_FOODS));
  return bz_record_get_n_items (list, BZ_FOOD_LIST_FOODS);
}

/* FoodSummary @i of @list. */
static BzRecord *
food_at (BzRecord *list, guint i)
{
  return bz_record_get_item (list, BZ_FOOD_LIST_FOODS, i);
}

static gboolean
results_contain (BzRecord *list, const char *ndb_no)
{
  for (guint i = 0; i < n_foods (list); i++)
    if (g_strcmp0 (bz_record_get_string (food_at (list, i), BZ_FOOD_SUMMARY_NDB_NO), ndb_no) == 0)
      return TRUE;
  return FALSE;
}

/* --- import ------------------------------------------------------------------- */

typedef struct
{
  double last;
  guint calls;
  gboolean saw_nutrients, saw_done;
} Progress;

static void
on_progress (const char *phase, double fraction, gpointer user_data)
{
  Progress *p = user_data;
  g_assert_cmpfloat (fraction, >=, p->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  p->last = fraction;
  p->calls++;
  p->saw_nutrients |= g_str_equal (phase, "nutrients");
  p->saw_done |= g_str_equal (phase, "done");
}

static void
test_import (void)
{
  g_autoptr(GError) error = NULL;
  Progress progress = { 0, };

  g_assert_false (bz_usda_is_imported (shared_store));
  g_assert_true (bz_usda_import (shared_store, foods_dir, on_progress, &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bz_usda_is_imported (shared_store));
  g_assert_true (progress.saw_nutrients);
  g_assert_true (progress.saw_done);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_cmpuint (progress.calls, <=, 300);

  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM foods"), ==, 8789);
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM food_nutrients"), ==, 679045);
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM food_weights"), ==, 15438);
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM nutrient_defs"), ==, 150);
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM food_groups"), ==, 25);
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM food_import"), ==, 6);   /* + es-MX-names.tsv */
  g_assert_cmpint (count_rows (shared_store,
                               "SELECT rows FROM food_import WHERE file = 'NUT_DATA.txt'"
                               " AND sha256 = '8b86e1d65bfa581e503fdafd16ce41fc04e7e4b00498c3888a04ec0c8f846759'"), ==, 679045);
  g_assert_cmpint (count_rows (shared_store, "SELECT rows FROM food_import WHERE file = 'FOOD_DES.txt'"), ==, 8789);
  g_assert_cmpint (count_rows (shared_store, "SELECT rows FROM food_import WHERE file = 'WEIGHT.txt'"), ==, 15438);
  /* every food has an energy value; the FTS index covers every food */
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM foods WHERE energy_kcal IS NULL"), ==, 0);
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM foods_fts WHERE foods_fts MATCH 'raw'"), >, 1000);
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  /* the importer turns enforcement off for its transaction only */
  g_assert_cmpint (count_rows (shared_store, "PRAGMA foreign_keys"), ==, 1);
  /* units decoded from Latin-1: µg */
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM nutrient_defs WHERE units = '\xc2\xb5g'"), >, 10);
}

static void
test_import_again_is_noop (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  Progress progress = { 0, };
  gint64 t0;

  ensure_imported ();
  t0 = g_get_monotonic_time ();

  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (shared_store),
                                                "SELECT group_concat(imported_at) FROM food_import", NULL);
    g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
    before = bz_db_column_text_dup (st, 0);
  }
  g_assert_true (bz_usda_import (shared_store, foods_dir, on_progress, &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (progress.saw_nutrients);
  g_assert_true (progress.saw_done);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, G_USEC_PER_SEC);
  g_assert_cmpint (count_rows (shared_store, "SELECT count(*) FROM foods"), ==, 8789);
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (shared_store),
                                                "SELECT group_concat(imported_at) FROM food_import", NULL);
    g_autofree char *after = NULL;
    g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
    after = bz_db_column_text_dup (st, 0);
    g_assert_cmpstr (before, ==, after);
  }
}

/* A WEIGHT.txt.xz that is valid xz and parses, but whose content differs by
 * one digit: only the sha256 check can catch it, after every other file
 * was already inserted — so this also proves the rollback. */

/* --- food service --------------------------------------------------------------- */

/* The value per 100 g of nutrient @nutr_no of a Food record, and its unit. */
static double
nutrient_value (BzRecord *food, const char *nutr_no, const char **unit)
{
  for (guint i = 0; i < bz_record_get_n_items (food, BZ_FOOD_NUTRIENTS); i++)
    {
      BzRecord *n = bz_record_get_item (food, BZ_FOOD_NUTRIENTS, i);
      if (g_str_equal (bz_record_get_string (n, BZ_FOOD_NUTRIENT_NUTR_NO), nutr_no))
        {
          *unit = bz_record_get_string (n, BZ_FOOD_NUTRIENT_UNIT);
          return bz_record_get_double (n, BZ_FOOD_NUTRIENT_VALUE_PER_100G);
        }
    }
  g_assert_not_reached ();
}

static void
test_get_butter (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) envelope = NULL;
  BzRecord *food, *group, *portion;
  const char *unit = NULL;
  BzNutrients panel = { 0, };
  g_autofree char *desc = NULL;

  ensure_imported ();
  envelope = bz_foods_get_food (shared_svc, "01001", &error);
  g_assert_no_error (error);
  food = bz_record_get_object (envelope, BZ_FOOD_ENVELOPE_FOOD);
  g_assert_cmpstr (bz_record_get_string (food, BZ_FOOD_NDB_NO), ==, "01001");
  g_assert_cmpstr (bz_record_get_string (food, BZ_FOOD_DESCRIPTION), ==, "Butter, salted");
  g_assert_cmpstr (bz_record_get_string (food, BZ_FOOD_SHORT_DESCRIPTION), ==, "BUTTER,WITH SALT");
  group = bz_record_get_object (food, BZ_FOOD_FOOD_GROUP);
  g_assert_cmpstr (bz_record_get_string (group, BZ_FOOD_GROUP_CODE), ==, "0100");
  g_assert_cmpstr (bz_record_get_string (group, BZ_FOOD_GROUP_NAME), ==, "Dairy and Egg Products");

  g_assert_cmpfloat_with_epsilon (nutrient_value (food, "208", &unit), 717, 1e-9);
  g_assert_cmpstr (unit, ==, "kcal");
  g_assert_cmpfloat_with_epsilon (nutrient_value (food, "203", &unit), 0.85, 1e-9);
  g_assert_cmpstr (unit, ==, "g");
  g_assert_cmpfloat_with_epsilon (nutrient_value (food, "307", &unit), 643, 1e-9);
  g_assert_cmpstr (unit, ==, "mg");
  g_assert_cmpuint (bz_record_get_n_items (food, BZ_FOOD_NUTRIENTS), ==,
                    count_rows (shared_store, "SELECT count(*) FROM food_nutrients WHERE ndb_no = '01001'"));

  g_assert_cmpuint (bz_record_get_n_items (food, BZ_FOOD_PORTIONS), ==, 4);
  portion = bz_record_get_item (food, BZ_FOOD_PORTIONS, 0);
  g_assert_cmpint (bz_record_get_int (portion, BZ_FOOD_PORTION_SEQ), ==, 1);
  g_assert_cmpstr (bz_record_get_string (portion, BZ_FOOD_PORTION_DESCRIPTION), ==, "pat (1\" sq, 1/3\" high)");
  g_assert_cmpfloat_with_epsilon (bz_record_get_double (portion, BZ_FOOD_PORTION_GRAMS), 5.0, 1e-9);
  portion = bz_record_get_item (food, BZ_FOOD_PORTIONS, 2);
  g_assert_cmpstr (bz_record_get_string (portion, BZ_FOOD_PORTION_DESCRIPTION), ==, "cup");
  g_assert_cmpfloat_with_epsilon (bz_record_get_double (portion, BZ_FOOD_PORTION_AMOUNT), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (bz_record_get_double (portion, BZ_FOOD_PORTION_GRAMS), 227, 1e-9);

  g_assert_true (bz_foods_lookup_panel (shared_svc, "01001", &panel, &desc, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (desc, ==, "Butter, salted");
  g_assert_cmpfloat_with_epsilon (panel.energy_kcal, 717, 1e-9);
  g_assert_cmpfloat_with_epsilon (panel.protein_g, 0.85, 1e-9);
  g_assert_cmpfloat_with_epsilon (panel.fat_g, 81.11, 1e-9);
  g_assert_cmpfloat_with_epsilon (panel.carbohydrate_g, 0.06, 1e-9);
  g_assert_cmpfloat_with_epsilon (panel.fiber_g, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (panel.sodium_mg, 643, 1e-9);
}

/* The records behind the JSON: typed fields, joined group, nested lists. */
static void
test_records (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) envelope = NULL, list = NULL;
  BzRecord *food, *group, *portion, *hit, *page;

  ensure_imported ();
  envelope = bz_foods_get_food (shared_svc, "01001", &error);
  g_assert_no_error (error);
  food = bz_record_get_object (envelope, BZ_FOOD_ENVELOPE_FOOD);
  g_assert_cmpstr (bz_record_get_string (food, BZ_FOOD_DESCRIPTION), ==, "Butter, salted");
  group = bz_record_get_object (food, BZ_FOOD_FOOD_GROUP);
  g_assert_cmpstr (bz_record_get_string (group, BZ_FOOD_GROUP_CODE), ==, "0100");
  g_assert_cmpuint (bz_record_get_n_items (food, BZ_FOOD_NUTRIENTS), ==,
                    count_rows (shared_store, "SELECT count(*) FROM food_nutrients WHERE ndb_no = '01001'"));
  g_assert_cmpuint (bz_record_get_n_items (food, BZ_FOOD_PORTIONS), ==, 4);
  portion = bz_record_get_item (food, BZ_FOOD_PORTIONS, 2);
  g_assert_cmpint (bz_record_get_int (portion, BZ_FOOD_PORTION_SEQ), ==, 3);
  g_assert_cmpfloat_with_epsilon (bz_record_get_double (portion, BZ_FOOD_PORTION_GRAMS), 227, 1e-9);

  list = bz_foods_find (shared_svc, "butter salted", 1, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bz_record_get_n_items (list, BZ_FOOD_LIST_FOODS), >=, 1);
  hit = bz_record_get_item (list, BZ_FOOD_LIST_FOODS, 0);
  g_assert_cmpstr (bz_record_get_string (hit, BZ_FOOD_SUMMARY_FOOD_GROUP), ==, "Dairy and Egg Products");
  g_assert_true (bz_record_has (hit, BZ_FOOD_SUMMARY_ENERGY_KCAL));
  page = bz_record_get_object (list, BZ_FOOD_LIST_PAGINATION);
  g_assert_cmpint (bz_record_get_int (page, BZ_PAGINATION_CURRENT_PAGE), ==, 1);
  g_assert_cmpint (bz_record_get_int (page, BZ_PAGINATION_LIMIT), ==, 5);

  g_assert_null (bz_foods_get_food (shared_svc, "99999", &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND);
}

static void
test_text_decoding (void)
{
  ensure_imported ();
  /* Windows-1252 ‘’ in FOOD_DES (SciName of 09520) and Latin-1 é in WEIGHT (22996) */
  g_assert_cmpint (count_rows (shared_store,
                               "SELECT count(*) FROM foods WHERE ndb_no = '09520'"
                               " AND sci_name = 'Actinidia chinensis \xe2\x80\x98Zesy002\xe2\x80\x99 (Gold3)'"), ==, 1);
  g_assert_cmpint (count_rows (shared_store,
                               "SELECT count(*) FROM food_weights WHERE ndb_no = '22996'"
                               " AND description = 'Entr\xc3\xa9" "e'"), ==, 1);
}

static void
test_not_found (void)
{
  g_autoptr(GError) error = NULL;
  BzNutrients panel;

  ensure_imported ();

  g_assert_null (bz_foods_get_food (shared_svc, "99999", &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (bz_foods_get_food (shared_svc, "' OR 1=1 --", &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bz_foods_lookup_panel (shared_svc, "abc", &panel, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND);
}

static void
assert_validation (guint page, guint limit, const char *field1, const char *field2)
{
  g_autoptr(GError) error = NULL;
  JsonArray *details;

  g_assert_null (bz_foods_find (shared_svc, "cheese", page, limit, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
  details = bz_error_get_details (error);
  g_assert_nonnull (details);
  g_assert_cmpuint (json_array_get_length (details), ==, field2 ? 2 : 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (details, 0), "field"), ==, field1);
  if (field2)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (details, 1), "field"), ==, field2);
}

static void
test_validation (void)
{
  ensure_imported ();
  assert_validation (1, 0, "limit", NULL);
  assert_validation (1, 101, "limit", NULL);
  assert_validation (0, 20, "page", NULL);
  assert_validation (0, 0, "page", "limit");
}

static void
test_list_pagination (void)
{
  g_autoptr(BzRecord) first = NULL, empty = NULL, last = NULL, past = NULL;
  BzRecord *pg, *f0;

  ensure_imported ();
  first = search (NULL, 1, 100);
  empty = search ("   ", 1, 20);
  last = search ("", 88, 100);
  past = search (NULL, 89, 100);
  pg = bz_record_get_object (first, BZ_FOOD_LIST_PAGINATION);
  f0 = food_at (first, 0);

  g_assert_cmpint (total_items (first), ==, 8789);
  g_assert_cmpint (total_items (empty), ==, 8789);
  g_assert_cmpint (bz_record_get_int (pg, BZ_PAGINATION_TOTAL_PAGES), ==, 88);
  g_assert_true (bz_record_get_boolean (pg, BZ_PAGINATION_HAS_NEXT));
  g_assert_cmpuint (n_foods (first), ==, 100);
  for (guint i = 1; i < n_foods (first); i++)
    g_assert_cmpint (strcmp (bz_record_get_string (food_at (first, i - 1), BZ_FOOD_SUMMARY_DESCRIPTION),
                             bz_record_get_string (food_at (first, i), BZ_FOOD_SUMMARY_DESCRIPTION)), <=, 0);
  /* the first food (Abiyuch, raw) has every summary field */
  g_assert_true (bz_record_has (f0, BZ_FOOD_SUMMARY_SHORT_DESCRIPTION));
  g_assert_true (bz_record_has (f0, BZ_FOOD_SUMMARY_FOOD_GROUP));
  g_assert_true (bz_record_has (f0, BZ_FOOD_SUMMARY_ENERGY_KCAL));
  g_assert_true (bz_record_has (f0, BZ_FOOD_SUMMARY_PROTEIN_G));
  g_assert_true (bz_record_has (f0, BZ_FOOD_SUMMARY_CARBOHYDRATE_G));
  g_assert_true (bz_record_has (f0, BZ_FOOD_SUMMARY_FAT_G));

  g_assert_cmpuint (n_foods (last), ==, 89);
  g_assert_cmpuint (n_foods (past), ==, 0);
  g_assert_cmpint (total_items (past), ==, 8789);
}

static void
test_search_cheddar (void)
{
  g_autoptr(BzRecord) node = NULL, prefix = NULL, upper = NULL, page2 = NULL, past = NULL, common = NULL;
  BzRecord *f;

  ensure_imported ();
  node = search ("cheddar", 1, 100);
  prefix = search ("chedd chees", 1, 100);
  upper = search ("CHEDDAR", 1, 100);
  page2 = search ("cheddar", 2, 10);
  past = search ("cheddar", 50, 10);
  common = search ("cilantro", 1, 10);

  g_assert_true (results_contain (node, "01009"));
  g_assert_cmpint (total_items (node), >=, 30);
  g_assert_cmpint (total_items (node), ==, n_foods (node));
  g_assert_true (results_contain (prefix, "01009"));
  g_assert_cmpint (total_items (upper), ==, total_items (node));
  g_assert_cmpint (total_items (page2), ==, total_items (node));
  g_assert_cmpint (total_items (past), ==, total_items (node));
  g_assert_cmpuint (n_foods (past), ==, 0);
  /* common_name is indexed: coriander leaf is "cilantro" */
  g_assert_true (results_contain (common, "02012"));

  /* the best match for "cheddar" is plain cheddar, with its panel */
  f = food_at (node, 0);
  g_assert_cmpstr (bz_record_get_string (f, BZ_FOOD_SUMMARY_NDB_NO), ==, "01009");
  g_assert_cmpstr (bz_record_get_string (f, BZ_FOOD_SUMMARY_FOOD_GROUP), ==, "Dairy and Egg Products");
  g_assert_cmpfloat (bz_record_get_double (f, BZ_FOOD_SUMMARY_ENERGY_KCAL), >, 350);
}

static void
test_search_accents (void)
{
  g_autoptr(BzRecord) a = NULL, b = NULL, c = NULL, d = NULL, e = NULL, f = NULL;

  ensure_imported ();
  a = search ("crème brûlée", 1, 10);
  b = search ("creme brulee", 1, 10);
  c = search ("jalapeño", 1, 10);
  d = search ("jalapeno", 1, 10);
  e = search ("cre\xcc\x80me", 1, 10);   /* decomposed: e + U+0300 */
  f = search ("creme", 1, 10);

  g_assert_cmpint (total_items (a), ==, total_items (b));
  g_assert_cmpint (total_items (c), ==, total_items (d));
  g_assert_cmpint (total_items (c), >, 0);
  g_assert_cmpint (total_items (e), ==, total_items (f));
  g_assert_cmpint (total_items (f), >, 0);
}

static void
test_search_hostile (void)
{
  static const char *inputs[] = {
    "\"", "\"\"", "'", "AND(", "*", "**", "a*b", "NOT", "OR", "AND", "NEAR(cheese milk, 2)",
    "long_desc:cheese", "{long_desc common_name}:cheese", "^cheese", "-cheese", "+", "(", ")",
    "cheese AND", "cheese OR milk", "cheese NOT milk", "\\", ";", "--", "'; DROP TABLE foods; --",
    "\xcc\x81", "\xf0\x9f\x8d\x95 pizza", "\xe7\x89\x9b\xe5\xa5\xb6", "\xff\xfe broken utf8",
    "x\x01y", "100%", "2%", "½ cup", "\xef\xbc\xa1", "ǅ", "tab\tsep", NULL,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (2028);
  static const char alphabet[] = "ab \"*^():-+'\\{}.,;~AND OR NOT NEAR\xc3\xa9\xcc\x81\xe2\x80\x99";

  ensure_imported ();

  for (guint i = 0; inputs[i]; i++)
    {
      g_autoptr(BzRecord) node = search (inputs[i], 1, 5);
      g_assert_cmpint (total_items (node), >=, 0);
    }
  {
    g_autoptr(BzRecord) and = search ("and", 1, 5);    /* a word, not the operator */
    g_autoptr(BzRecord) huge = NULL;
    g_autoptr(GString) s = g_string_new (NULL);
    g_assert_cmpint (total_items (and), >, 0);
    for (guint i = 0; i < 2000; i++)
      g_string_append (s, "cheese ");
    huge = search (s->str, 1, 5);
    g_assert_cmpint (total_items (huge), >, 0);
  }

  /* random strings over the FTS5 syntax characters */
  for (guint i = 0; i < 2000; i++)
    {
      char buf[32];
      guint n = g_rand_int_range (rand, 0, sizeof buf);
      for (guint j = 0; j < n; j++)
        buf[j] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      buf[n] = '\0';
      {
        g_autoptr(BzRecord) node = search (buf, 1, 3);
      }
    }
}

/* --- Spanish (Mexico) search, bz-food-terms ---------------------------------- */

/* Foods matching the FTS5 query @match (which holds no single quote). */
static gint64
fts_count (const char *match)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM foods_fts WHERE foods_fts MATCH '%s'", match);
  return count_rows (shared_store, sql);
}

static void
test_search_spanish (void)
{
  /* text, page size, a food that must be on page 1 */
  static const struct { const char *text; guint limit; const char *ndb_no; } finds[] = {
    { "frijoles negros", 20, "16015" },         /* Beans, black, mature seeds, cooked, boiled, without salt */
    { "frijoles negros", 20, "16014" },         /* Beans, black, mature seeds, raw */
    { "pechuga de pollo asada", 20, "05064" },  /* Chicken, broilers or fryers, breast, meat only, cooked, roasted */
    { "plátano", 10, "09040" },                 /* Bananas, raw */
    { "PLATANO", 10, "09040" },
    { "aguacate", 10, "09037" },                /* Avocados, raw, all commercial varieties */
    { "aguacate", 10, "09038" },                /* Avocados, raw, California */
    { "tortillas de maíz", 20, "18363" },       /* Tortillas, ready-to-bake or -fry, corn */
    { "tomate verde", 1, "11954" },             /* Tomatillos, raw: not a green tomato */
    { "cheddar", 1, "01009" },                  /* English still first where it was */
  };
  g_autoptr(BzRecord) pollo = NULL, huevo = NULL;
  gboolean starts_chicken = FALSE;

  ensure_imported ();
  for (guint i = 0; i < G_N_ELEMENTS (finds); i++)
    {
      g_autoptr(BzRecord) node = search (finds[i].text, 1, finds[i].limit);
      if (!results_contain (node, finds[i].ndb_no))
        g_error ("“%s”: %s not in the first %u", finds[i].text, finds[i].ndb_no, finds[i].limit);
    }

  /* pollo = the word chicken, huevo = the word egg: exactly their foods, so
   * no "Fish, pollock", Eggplant or EGGO ("pollo" and "huevo" themselves
   * occur in no SR28 description), and the foods whose Spanish name has
   * the word (issue 7): "ponche de huevo (eggnog)", "huevo revuelto" (Eggs,
   * scrambled); a known word is a whole word there too, so no "abadejo
   * (pollock)" */
  pollo = search ("pollo", 1, 100);
  huevo = search ("huevo", 1, 20);
  g_assert_cmpint (total_items (pollo), ==,
                   count_rows (shared_store, "SELECT count(*) FROM (SELECT rowid FROM foods_fts WHERE foods_fts MATCH '\"chicken\"'"
                                             " UNION SELECT rowid FROM foods_es_fts WHERE foods_es_fts MATCH 'pollo OR pollos')"));
  g_assert_cmpint (total_items (huevo), ==, fts_count ("\"egg\"") + 2);
  g_assert_cmpint (total_items (huevo), ==,
                   count_rows (shared_store, "SELECT count(*) FROM (SELECT rowid FROM foods_fts WHERE foods_fts MATCH '\"egg\"'"
                                             " UNION SELECT rowid FROM foods_es_fts WHERE foods_es_fts MATCH 'huevo OR huevos')"));
  for (guint i = 0; i < n_foods (pollo); i++)
    starts_chicken |= g_str_has_prefix (bz_record_get_string (food_at (pollo, i), BZ_FOOD_SUMMARY_DESCRIPTION),
                                        "Chicken,");
  g_assert_true (starts_chicken);
}

/* English queries give what they gave before the vocabulary: the totals of
 * the search at commit 01d0f9b, which equal the old query (every word a
 * quoted prefix term) counted directly; -1: count only.  Plus the foods
 * whose Spanish name alone holds the word (issue 7, es-MX-names.tsv):
 * "gomitas tipo frijolito (jelly beans)" (Candies, jellybeans), "kiwano
 * (melón cornudo)", and three "taco de tortilla ..." (Fast foods, taco);
 * test-foods-es.c checks that English searches keep their order. */
static void
test_search_english_unchanged (void)
{
  static const struct { const char *text; gint64 total; gint64 names_only; } cases[] = {
    { "cheese", 340, 0 }, { "chicken", 481, 0 }, { "cheddar", 37, 0 }, { "beans", 204, 1 }, { "rice", 152, 0 },
    { "egg", 139, 0 }, { "milk", 227, 0 }, { "tortilla", 32, 3 }, { "banana", 58, 0 }, { "apple", 130, 0 },
    { "oats", 25, 0 }, { "corn", 179, 1 }, { "pizza", 91, 0 }, { "black beans", 9, 0 },
    { "chicken breast roasted", 4, 0 }, { "old el paso", -1, 0 },
  };
  g_autoptr(GRegex) word = g_regex_new ("[^ ]+", 0, 0, NULL);

  ensure_imported ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BzRecord) node = search (cases[i].text, 1, 5);
      g_autofree char *old_match = g_regex_replace (word, cases[i].text, -1, 0, "\"\\0\"*", 0, NULL);

      if (cases[i].total >= 0)
        g_assert_cmpint (total_items (node), ==, cases[i].total);
      g_assert_cmpint (total_items (node), ==, fts_count (old_match) + cases[i].names_only);
    }
}

/* Every English equivalent in the vocabulary names at least one SR28 food
 * (bz-food-terms.h promises it), and Spanish mixed with FTS5 syntax never
 * makes a bad query. */
static void
test_search_vocabulary (void)
{
  static const char *pieces[] = {
    "pollo", "de", "tomate", "verde", "frijoles", "plátano", "macho", "pechuga", "\"", "*", "(",
    ")", "OR", "AND", "NOT", "NEAR", ":", "^", "-", "+", "{", "}", "a\xcc\x81", "y", " ", "nuez", "india",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (2029);
  g_autoptr(GRegex) term = g_regex_new ("([a-z0-9]+)(\\*?)", 0, 0, NULL);

  ensure_imported ();
  for (guint i = 0; i < bz_food_terms_vocabulary_size (); i++)
    {
      const char *es, *en;
      g_auto(GStrv) alts = NULL;

      bz_food_terms_vocabulary_entry (i, &es, &en);
      alts = g_strsplit (en, "|", -1);
      for (guint j = 0; alts[j]; j++)
        {
          /* "bean* snap" -> "bean"* "snap" */
          g_autofree char *m = g_regex_replace (term, alts[j], -1, 0, "\"\\1\"\\2", 0, NULL);
          if (fts_count (m) == 0)
            g_error ("vocabulary “%s”: “%s” matches no SR28 food", es, alts[j]);
        }
    }

  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      g_autoptr(BzRecord) node = NULL;
      for (guint j = g_rand_int_range (rand, 0, 8); j > 0; j--)
        g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      node = search (s->str, 1, 3);
      g_assert_cmpint (total_items (node), >=, 0);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int rc;

  g_test_init (&argc, &argv, NULL);

  foods_dir = bz_test_source_path ("data/foods");
  shared_dir = bz_test_tmpdir ("foods");
  shared_store = bz_store_open (shared_dir, &error);
  g_assert_no_error (error);
  shared_svc = bz_services_new (shared_store);

  /* order matters: /foods/import fills the shared store */
  g_test_add_func ("/foods/import", test_import);
  g_test_add_func ("/foods/import-again-is-noop", test_import_again_is_noop);
  g_test_add_func ("/foods/text-decoding", test_text_decoding);
  g_test_add_func ("/foods/get/butter", test_get_butter);
  g_test_add_func ("/foods/get/not-found", test_not_found);
  g_test_add_func ("/foods/get/records", test_records);
  g_test_add_func ("/foods/search/validation", test_validation);
  g_test_add_func ("/foods/search/list-pagination", test_list_pagination);
  g_test_add_func ("/foods/search/cheddar", test_search_cheddar);
  g_test_add_func ("/foods/search/accents", test_search_accents);
  g_test_add_func ("/foods/search/hostile-input", test_search_hostile);
  g_test_add_func ("/foods/search/spanish", test_search_spanish);
  g_test_add_func ("/foods/search/english-unchanged", test_search_english_unchanged);
  g_test_add_func ("/foods/search/vocabulary", test_search_vocabulary);

  rc = g_test_run ();

  g_clear_object (&shared_svc);
  g_clear_object (&shared_store);
  bz_test_rmdir (shared_dir);
  g_free (shared_dir);
  g_free (foods_dir);
  return rc;
}
