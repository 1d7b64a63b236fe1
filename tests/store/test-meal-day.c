/* test-meal-day.c — bz_meal_repo_list_day() reads a day's meals and their
 * items in one statement: on the demo clinic, plus a meal without items and
 * two meals eaten at the same time, each day of a member lists exactly the
 * meals of that patient and date, by eaten_at then insertion, each meal
 * (items, equivalents, photo) as bz_meal_repo_get() reads it alone. */
#include <string.h>

#include "bz-demo.h"
#include "bz-meal-repo.h"
#include "bz-recipe-import.h"
#include "bz-repo-private.h"
#include "bz-resources.h"
#include "bz-test-util.h"
#include "bz-usda-import.h"

static char *
json_of (BzRecord *rec)
{
  g_autoptr(GString) out = g_string_new (NULL);
  bz_record_write_json (rec, out);
  return g_strdup (out->str);
}

static void
exec_ok (BzStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_assert_true (bz_db_exec (bz_store_db (store), sql, &error));
  g_assert_no_error (error);
}

/* The ids of @patient's meals of @date, as the day must list them. */
static GPtrArray *
expected_ids (BzStore *store, const char *patient, const char *date)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT id FROM meal_logs WHERE patient_id = ? AND eaten_date = ? ORDER BY eaten_at, rowid", NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  sqlite3_bind_text (st, 1, patient, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (st, 2, date, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (st) == SQLITE_ROW)
    g_ptr_array_add (ids, bz_db_column_text_dup (st, 0));
  return ids;
}

static void
test_meal_day (void)
{
  g_autofree char *dir = bz_test_tmpdir ("meal-day");
  g_autofree char *foods = bz_usda_default_source_dir ();
  g_autofree char *recipes = bz_recipe_default_source ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autoptr(BzServices) svc = NULL;
  g_autoptr(sqlite3_stmt) days = NULL;
  guint n_days = 0, n_meals = 0, n_empty = 0;

  g_assert_no_error (error);
  g_assert_true (bz_usda_import (store, foods, NULL, NULL, NULL, &error));
  g_assert_true (bz_recipe_import (store, recipes, NULL, &error));
  g_assert_no_error (error);
  svc = bz_services_new (store);
  g_assert_true (bz_demo_create (svc, NULL, &error));
  g_assert_no_error (error);

  /* A meal without items, and two more eaten at the time of an existing
   * one (one of them with a copy of its items): the day of a busy meal. */
  exec_ok (store,
      "CREATE TEMP TABLE busy AS SELECT * FROM meal_logs WHERE id ="
      " (SELECT meal_id FROM meal_items GROUP BY meal_id ORDER BY count(*) DESC, meal_id LIMIT 1)");
  exec_ok (store,
      "INSERT INTO meal_logs (id, patient_id, meal_type, eaten_at, eaten_date, detection_status, source, created_at)"
      " SELECT 'empty-' || id, patient_id, 'snack', eaten_at, eaten_date, 'manual', 'phone', created_at FROM busy");
  exec_ok (store,
      "INSERT INTO meal_logs (id, patient_id, meal_type, eaten_at, eaten_date, detection_status, source,"
      " energy_kcal, created_at)"
      " SELECT 'twin-' || id, patient_id, meal_type, eaten_at, eaten_date, detection_status, source,"
      " energy_kcal, created_at FROM busy");
  exec_ok (store,
      "INSERT INTO meal_items SELECT 'twin-' || meal_id, position, ndb_no, grams, energy_kcal, protein_g,"
      " carbohydrate_g, fat_g, fiber_g, sodium_mg FROM meal_items WHERE meal_id = (SELECT id FROM busy)");

  days = bz_db_prepare (bz_store_db (store),
      "SELECT DISTINCT patient_id, eaten_date FROM meal_logs"
      " WHERE patient_id = (SELECT patient_id FROM busy)"
      " UNION SELECT (SELECT patient_id FROM busy), '1999-01-01' ORDER BY 2", NULL);
  g_assert_nonnull (days);
  while (sqlite3_step (days) == SQLITE_ROW)
    {
      const char *patient = (const char *) sqlite3_column_text (days, 0);
      const char *date = (const char *) sqlite3_column_text (days, 1);
      g_autoptr(GPtrArray) want = expected_ids (store, patient, date);
      g_autoptr(GPtrArray) meals = NULL;

      g_assert_true (bz_meal_repo_list_day (store, patient, date, &meals, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (meals->len, ==, want->len);
      for (guint i = 0; i < meals->len; i++)
        {
          BzRecord *m = g_ptr_array_index (meals, i);
          g_autoptr(BzRecord) alone = bz_meal_repo_get (store, g_ptr_array_index (want, i), &error);
          g_autofree char *listed = json_of (m), *read = NULL;

          g_assert_no_error (error);
          g_assert_nonnull (alone);
          g_assert_cmpstr (bz_record_get_string (m, BZ_MEAL_ID), ==, g_ptr_array_index (want, i));
          g_assert_cmpstr (bz_record_get_string (m, BZ_MEAL_DATE), ==, date);
          read = json_of (alone);
          g_assert_cmpstr (listed, ==, read);
          if (bz_record_get_n_items (m, BZ_MEAL_ITEMS) == 0)
            n_empty++;
          n_meals++;
        }
      n_days++;
    }
  g_assert_cmpuint (n_days, >, 2);
  g_assert_cmpuint (n_meals, >, n_days);
  g_assert_cmpuint (n_empty, >=, 1);
  g_clear_pointer (&days, bz_db_stmt_release);
  g_clear_object (&svc);
  g_clear_object (&store);
  bz_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/meal-day/list-day", test_meal_day);
  return g_test_run ();
}
