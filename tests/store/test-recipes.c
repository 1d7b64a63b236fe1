/* test-recipes.c — the recipe catalogue (data/recipes/recipes-es-MX.json)
 * imported on the real USDA SR28 foods, and the recipe repository.
 *
 * One store gets SR28 and the catalogue once and is shared by the read
 * tests; the re-import tests work on a copy of the catalogue file.
 */
#include <glib/gstdio.h>
#include <math.h>

#include "bz-recipe-import.h"
#include "bz-recipe-repo.h"
#include "bz-test-util.h"
#include "bz-usda-import.h"

static char *shared_dir;
static BzStore *shared_store;

static gint64
count_rows (BzStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  return sqlite3_column_int64 (st, 0);
}

static BzStore *
store_with_foods (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *foods = bz_usda_default_source_dir ();

  if (shared_store == NULL)
    {
      shared_dir = bz_test_tmpdir ("recipes");
      shared_store = bz_store_open (shared_dir, &error);
      g_assert_no_error (error);
    }
  if (!bz_usda_is_imported (shared_store))
    g_assert_true (bz_usda_import (shared_store, foods, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return shared_store;
}

static BzStore *
store_with_recipes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bz_recipe_default_source ();
  BzStore *store = store_with_foods ();

  g_assert_true (bz_recipe_import (store, path, NULL, &error));
  g_assert_no_error (error);
  return store;
}

/* The Recipe of catalogue id @slug, with ingredients and instructions. */
static BzRecord *
catalogue_recipe (BzStore *store, const char *slug)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strconcat ("recipe/", slug, NULL);
  g_autofree char *id = bz_recipe_uuid (name);
  BzRecord *r = bz_recipe_repo_get (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

/* Asserts @value, rounded the way data/recipes/check-recipes.py prints it
 * ("%.0f" for kcal and sodium, "%.1f" for grams), reads @printed. */
static void
assert_printed (double value, int decimals, const char *printed)
{
  g_autofree char *s = g_strdup_printf ("%.*f", decimals, value);
  g_assert_cmpstr (s, ==, printed);
}

/* The whole catalogue: 113 recipes, each with ingredients, steps and a
 * nutrition panel; the SR28 foods and meal types as in SOURCE.md. */
static void
test_import_catalogue (void)
{
  BzStore *store = store_with_recipes ();

  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM recipes"), ==, 113);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM recipes WHERE catalogue_id IS NOT NULL"
                                      " AND author_id IS NULL AND is_verified = 1 AND is_published = 1"), ==, 113);
  g_assert_cmpint (count_rows (store, "SELECT count(DISTINCT recipe_id) FROM recipe_ingredients"), ==, 113);
  g_assert_cmpint (count_rows (store, "SELECT count(DISTINCT recipe_id) FROM recipe_steps"), ==, 113);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM recipe_ingredients i"
                                      " LEFT JOIN foods f ON f.ndb_no = i.ndb_no WHERE f.ndb_no IS NULL"), ==, 0);
  /* SOURCE.md: 28 desayuno, 29 colación, 32 comida, 30 cena; 6 recipes serve two. */
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM recipes r, json_each(r.meal_types) m"
                                      " WHERE m.value = 'desayuno'"), ==, 28);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM recipes r, json_each(r.meal_types) m"
                                      " WHERE m.value = 'colacion'"), ==, 29);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM recipes r, json_each(r.meal_types) m"
                                      " WHERE m.value = 'comida'"), ==, 32);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM recipes r, json_each(r.meal_types) m"
                                      " WHERE m.value = 'cena'"), ==, 30);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM recipes WHERE json_array_length(meal_types) = 2"), ==, 6);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM recipes WHERE calories <= 0 OR sodium_mg < 0"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM recipes_fts WHERE recipes_fts MATCH 'nopal*'"), >=, 9);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM recipe_import WHERE rows = 113"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM changes WHERE table_name = 'recipes'"), ==, 113);
}

/* Nutrition per serving equals what the catalogue's checker prints:
 * `python3 data/recipes/check-recipes.py` (SR28 NUT_DATA, this catalogue,
 * 2026-11-30), columns kcal, prot g, fat g, carb g, fib g, Na mg:
 *   tacos-de-pollo-con-nopales     lunch      4   449   36.1   12.0   51.8   11.0    416
 *   licuado-de-avena-con-platano   breakfast  1   295   13.5    2.5   56.2    5.9    108 */
static void
test_nutrition_per_serving (void)
{
  BzStore *store = store_with_recipes ();
  g_autoptr(BzRecord) tacos = catalogue_recipe (store, "tacos-de-pollo-con-nopales");
  g_autoptr(BzRecord) licuado = catalogue_recipe (store, "licuado-de-avena-con-platano");
  BzRecord *n = bz_record_get_object (tacos, BZ_RECIPE_NUTRITION_PER_SERVING);

  g_assert_cmpint (bz_record_get_int (tacos, BZ_RECIPE_SERVINGS), ==, 4);
  assert_printed (bz_record_get_double (n, BZ_RECIPE_NUTRITION_CALORIES), 0, "449");
  assert_printed (bz_record_get_double (n, BZ_RECIPE_NUTRITION_PROTEIN_G), 1, "36.1");
  assert_printed (bz_record_get_double (n, BZ_RECIPE_NUTRITION_FAT_G), 1, "12.0");
  assert_printed (bz_record_get_double (n, BZ_RECIPE_NUTRITION_CARBS_G), 1, "51.8");
  assert_printed (bz_record_get_double (n, BZ_RECIPE_NUTRITION_FIBER_G), 1, "11.0");
  assert_printed (bz_record_get_double (n, BZ_RECIPE_NUTRITION_SODIUM_MG), 0, "416");

  n = bz_record_get_object (licuado, BZ_RECIPE_NUTRITION_PER_SERVING);
  g_assert_cmpint (bz_record_get_int (licuado, BZ_RECIPE_SERVINGS), ==, 1);
  assert_printed (bz_record_get_double (n, BZ_RECIPE_NUTRITION_CALORIES), 0, "295");
  assert_printed (bz_record_get_double (n, BZ_RECIPE_NUTRITION_PROTEIN_G), 1, "13.5");
  assert_printed (bz_record_get_double (n, BZ_RECIPE_NUTRITION_FAT_G), 1, "2.5");
  assert_printed (bz_record_get_double (n, BZ_RECIPE_NUTRITION_CARBS_G), 1, "56.2");
  assert_printed (bz_record_get_double (n, BZ_RECIPE_NUTRITION_FIBER_G), 1, "5.9");
  assert_printed (bz_record_get_double (n, BZ_RECIPE_NUTRITION_SODIUM_MG), 0, "108");
}

/* SMAE equivalents of the licuado (1 serving), by hand from SR28 per 100 g:
 * 250 g nonfat milk 01085 (4.96 g carbohydrate, skim) = 12.4 g / 12 = 1.03
 * leche descremada; 30 g oats 08120 (67.7 g carbohydrate, 6.52 g fat: 1.4 g
 * fat per 15 g carbohydrate, so without fat) = 20.31 / 15 = 1.35 cereales sin
 * grasa; 100 g banana 09040 (22.84 g) = 1.52 frutas; cinnamon and vanilla
 * (SR28 group 0200) free.  A clinic reads 1 leche descremada, 1.5 cereales,
 * 1.5 frutas. */
static void
test_smae_per_serving (void)
{
  BzStore *store = store_with_recipes ();
  g_autoptr(BzRecord) licuado = catalogue_recipe (store, "licuado-de-avena-con-platano");
  g_autoptr(BzRecord) tacos = catalogue_recipe (store, "tacos-de-pollo-con-nopales");
  BzRecord *s = bz_record_get_object (licuado, BZ_RECIPE_SMAE_EQUIVALENTS_PER_SERVING);
  double kcal = 0;

  g_assert_cmpfloat_with_epsilon (bz_record_get_double (s, BZ_SMAE_EQUIVALENTS_LECHE_DESCREMADA), 250 * 4.96 / 100 / 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (bz_record_get_double (s, BZ_SMAE_EQUIVALENTS_CEREALES_SIN_GRASA), 30 * 67.7 / 100 / 15, 1e-9);
  g_assert_cmpfloat_with_epsilon (bz_record_get_double (s, BZ_SMAE_EQUIVALENTS_FRUTAS), 100 * 22.84 / 100 / 15, 1e-9);
  for (guint g = 0; g < BZ_SMAE_N_GROUPS; g++)
    if (g != BZ_SMAE_MILK_SKIM && g != BZ_SMAE_CEREALS_NO_FAT && g != BZ_SMAE_FRUITS)
      g_assert_cmpfloat (bz_record_get_double (s, g), ==, 0.0);

  /* The tacos: every group present (0 when none), and the equivalents'
   * energy (SMAE's kcal per equivalent) near the SR28 energy: within 15 %. */
  s = bz_record_get_object (tacos, BZ_RECIPE_SMAE_EQUIVALENTS_PER_SERVING);
  for (guint g = 0; g < BZ_SMAE_N_GROUPS; g++)
    {
      g_assert_true (bz_record_has (s, g));
      kcal += bz_record_get_double (s, g) * bz_smae_reference (g)->energy_kcal;
    }
  g_assert_cmpfloat (bz_record_get_double (s, BZ_SMAE_EQUIVALENTS_AOA_MUY_BAJO), >, 4.0);   /* 125 g chicken breast */
  g_assert_cmpfloat (bz_record_get_double (s, BZ_SMAE_EQUIVALENTS_CEREALES_SIN_GRASA), >, 2.0);   /* 3 tortillas */
  g_assert_cmpfloat (bz_record_get_double (s, BZ_SMAE_EQUIVALENTS_VERDURAS), >, 1.0);
  g_assert_cmpfloat (fabs (kcal - 449) / 449, <, 0.15);
}

/* A recipe read back: ids, vocabularies in the seed's Spanish, the
 * catalogue's author, ingredients in order with their SR28 descriptions,
 * steps numbered from 1. */
static void
test_get (void)
{
  BzStore *store = store_with_recipes ();
  g_autoptr(BzRecord) r = catalogue_recipe (store, "tacos-de-pollo-con-nopales");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) none = NULL;
  BzRecord *author = bz_record_get_object (r, BZ_RECIPE_AUTHOR);
  BzRecord *first;
  const char *const *tags = bz_record_get_strv (r, BZ_RECIPE_DIETARY_TAGS);

  /* Python: uuid.uuid5(uuid.UUID(BZ_RECIPE_NAMESPACE), "recipe/tacos-de-pollo-con-nopales") */
  g_assert_cmpstr (bz_record_get_string (r, BZ_RECIPE_ID), ==, "a30e3bc1-5424-59ca-96fd-8370b836955d");
  g_assert_cmpstr (bz_record_get_string (r, BZ_RECIPE_TITLE), ==, "Tacos de pollo con nopales");
  g_assert_cmpstr (bz_record_get_string (r, BZ_RECIPE_MEAL_TYPE), ==, "comida");
  g_assert_cmpstr (bz_record_get_string (r, BZ_RECIPE_DIFFICULTY), ==, "facil");
  g_assert_cmpstr (bz_record_get_string (r, BZ_RECIPE_CUISINE_TYPE), ==, "mexicana");
  g_assert_cmpint (bz_record_get_int (r, BZ_RECIPE_TOTAL_TIME_MIN), ==, 45);
  g_assert_true (bz_record_get_boolean (r, BZ_RECIPE_IS_VERIFIED));
  g_assert_false (bz_record_has (r, BZ_RECIPE_RATING_AVERAGE));
  g_assert_cmpint (bz_record_get_int (r, BZ_RECIPE_TRIED_COUNT), ==, 0);
  g_assert_true (g_strv_contains (tags, "gluten_free") && g_strv_contains (tags, "high_protein") &&
                 g_strv_contains (tags, "no_added_sugar") && !g_strv_contains (tags, "vegetarian"));
  g_assert_true (g_strv_contains (bz_record_get_strv (r, BZ_RECIPE_TAGS), "tradicional"));
  g_assert_cmpstr (bz_record_get_string (author, BZ_RECIPE_AUTHOR_ID), ==, BZ_RECIPE_CATALOGUE_AUTHOR_ID);
  g_assert_cmpstr (bz_record_get_string (author, BZ_RECIPE_AUTHOR_USERNAME), ==, "balanza");
  g_assert_cmpuint (bz_record_get_n_items (r, BZ_RECIPE_INGREDIENTS), ==, 12);
  first = bz_record_get_item (r, BZ_RECIPE_INGREDIENTS, 0);
  g_assert_cmpstr (bz_record_get_string (first, BZ_RECIPE_INGREDIENT_NDB_NO), ==, "05062");
  g_assert_cmpfloat (bz_record_get_double (first, BZ_RECIPE_INGREDIENT_GRAMS), ==, 500);
  g_assert_true (g_str_has_prefix (bz_record_get_string (first, BZ_RECIPE_INGREDIENT_DESCRIPTION), "Chicken, broiler"));
  g_assert_cmpuint (bz_record_get_n_items (r, BZ_RECIPE_INSTRUCTIONS), ==, 5);
  g_assert_cmpint (bz_record_get_int (bz_record_get_item (r, BZ_RECIPE_INSTRUCTIONS, 4), BZ_RECIPE_STEP_STEP_NUMBER), ==, 5);

  none = bz_recipe_repo_get (store, "00000000-0000-0000-0000-000000000000", &error);
  g_assert_no_error (error);
  g_assert_null (none);
}

/* Importing the same file again changes nothing (not even the change log). */
static void
test_import_idempotent (void)
{
  BzStore *store = store_with_recipes ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bz_recipe_default_source ();
  gint64 changes = count_rows (store, "SELECT count(*) FROM changes");
  gint64 updated = count_rows (store, "SELECT count(*) FROM recipes WHERE updated_at = created_at");

  g_assert_true (bz_recipe_import (store, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM changes"), ==, changes);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM recipes"), ==, 113);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM recipes WHERE updated_at = created_at"), ==, updated);
}

/* Writes @recipes (a JSON array, taken) to @dir/recipes-es-MX.json. */
static char *
write_catalogue (const char *dir, JsonArray *recipes)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  char *path = g_build_filename (dir, "recipes-es-MX.json", NULL);

  json_node_take_array (root, recipes);
  text = json_to_string (root, FALSE);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

/* A changed catalogue: a recipe whose servings changed is replaced in place
 * (same id, created_at kept, nutrition recomputed), one dropped from the
 * file is deleted with its ingredients and steps; a broken file changes
 * nothing. */
static void
test_import_changed_catalogue (void)
{
  BzStore *store = store_with_recipes ();
  g_autoptr(GError) error = NULL;
  g_autofree char *source = bz_recipe_default_source ();
  g_autofree char *tmp = bz_test_tmpdir ("recipes-file");
  g_autofree char *path = NULL, *original = NULL, *broken = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(BzRecord) before = catalogue_recipe (store, "licuado-de-avena-con-platano");
  g_autoptr(BzRecord) after = NULL;
  JsonArray *list;
  gint64 changes = count_rows (store, "SELECT count(*) FROM changes WHERE table_name = 'recipes'");

  g_assert_true (json_parser_load_from_file (parser, source, &error));
  list = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *o = json_array_get_object_element (list, i);
      if (g_str_equal (json_object_get_string_member (o, "id"), "licuado-de-avena-con-platano"))
        json_object_set_int_member (o, "servings", 2);
    }
  json_array_remove_element (list, 0);   /* tacos-de-pollo-con-nopales */
  path = write_catalogue (tmp, json_array_ref (list));

  g_assert_true (bz_recipe_import (store, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM recipes"), ==, 112);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM recipes WHERE catalogue_id = 'tacos-de-pollo-con-nopales'"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM recipe_ingredients WHERE recipe_id = 'a30e3bc1-5424-59ca-96fd-8370b836955d'"), ==, 0);
  g_assert_true (bz_db_exec (bz_store_db (store), "INSERT INTO recipes_fts(recipes_fts) VALUES ('integrity-check')", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM changes WHERE table_name = 'recipes'"), ==, changes + 113);
  after = catalogue_recipe (store, "licuado-de-avena-con-platano");
  g_assert_cmpstr (bz_record_get_string (after, BZ_RECIPE_ID), ==, bz_record_get_string (before, BZ_RECIPE_ID));
  g_assert_cmpstr (bz_record_get_string (after, BZ_RECIPE_CREATED_AT), ==, bz_record_get_string (before, BZ_RECIPE_CREATED_AT));
  g_assert_cmpfloat_with_epsilon (bz_record_get_double (bz_record_get_object (after, BZ_RECIPE_NUTRITION_PER_SERVING), BZ_RECIPE_NUTRITION_CALORIES) * 2,
                                  bz_record_get_double (bz_record_get_object (before, BZ_RECIPE_NUTRITION_PER_SERVING), BZ_RECIPE_NUTRITION_CALORIES), 1e-6);

  /* An unknown food: the whole import is refused, the store unchanged. */
  {
    JsonObject *o = json_array_get_object_element (list, 0);
    JsonObject *ing = json_array_get_object_element (json_object_get_array_member (o, "ingredients"), 0);
    json_object_set_string_member (ing, "ndb_no", "99999");
    broken = write_catalogue (tmp, json_array_ref (list));
    g_assert_false (bz_recipe_import (store, broken, NULL, &error));
    g_assert_error (error, BZ_ERROR, BZ_ERROR_INTERNAL);
    g_assert_nonnull (strstr (error->message, "99999"));
    g_clear_error (&error);
    g_assert_cmpint (count_rows (store, "SELECT count(*) FROM recipes"), ==, 112);
  }
  /* Not JSON. */
  {
    g_assert_true (g_file_set_contents (broken, "[{\"id\": ", -1, NULL));
    g_assert_false (bz_recipe_import (store, broken, NULL, &error));
    g_assert_error (error, BZ_ERROR, BZ_ERROR_INTERNAL);
    g_clear_error (&error);
  }
  /* Back to the shipped file: 113 again, the tacos under their old id. */
  g_assert_true (bz_recipe_import (store, source, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM recipes"), ==, 113);
  g_clear_object (&after);
  after = catalogue_recipe (store, "tacos-de-pollo-con-nopales");
  bz_test_rmdir (tmp);
}

/* Before SR28 is imported the catalogue cannot be: UNAVAILABLE, nothing written. */
static void
test_import_needs_foods (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = bz_test_tmpdir ("recipes-nofoods");
  g_autofree char *path = bz_recipe_default_source ();
  g_autoptr(BzStore) store = bz_store_open (dir, &error);

  g_assert_no_error (error);
  g_assert_false (bz_recipe_import (store, path, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAVAILABLE);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM recipes"), ==, 0);
  g_clear_object (&store);
  bz_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/recipes/import", test_import_catalogue);
  g_test_add_func ("/recipes/nutrition-per-serving", test_nutrition_per_serving);
  g_test_add_func ("/recipes/smae-per-serving", test_smae_per_serving);
  g_test_add_func ("/recipes/get", test_get);
  g_test_add_func ("/recipes/import-idempotent", test_import_idempotent);
  g_test_add_func ("/recipes/import-changed", test_import_changed_catalogue);
  g_test_add_func ("/recipes/import-needs-foods", test_import_needs_foods);
  rc = g_test_run ();
  g_clear_object (&shared_store);
  if (shared_dir)
    bz_test_rmdir (shared_dir);
  g_free (shared_dir);
  return rc;
}
