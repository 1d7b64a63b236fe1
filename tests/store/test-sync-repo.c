/* test-sync-repo.c — the change log for the phones' delta sync (issue 9):
 * every writer of a patient's row logs its patient (a meal's deletion too);
 * migration 018's backfill of the changes logged before it; the batch reads
 * (bz_meal_repo_get_many(), bz_scan_repo_get_many(), the plans' and
 * avatars'); a page's scope; the retention prune keeps each live row's
 * latest change and raises the horizon.  On the demo clinic (24 members
 * with meals, scans and plans). */
#include <string.h>

#include "bz-demo.h"
#include "bz-meal-repo.h"
#include "bz-recipe-import.h"
#include "bz-repo-private.h"
#include "bz-resources.h"
#include "bz-scan-repo.h"
#include "bz-sync-repo.h"
#include "bz-test-util.h"
#include "bz-usda-import.h"

static gint64
count (BzStore *store, const char *sql)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), sql, NULL);
  g_assert_nonnull (st);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  return sqlite3_column_int64 (st, 0);
}

static char *
text_of (BzStore *store, const char *sql)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), sql, NULL);
  g_assert_nonnull (st);
  if (sqlite3_step (st) != SQLITE_ROW)
    return NULL;
  return bz_db_column_text_dup (st, 0);
}

static void
exec_ok (BzStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_assert_true (bz_db_exec (bz_store_db (store), sql, &error));
  g_assert_no_error (error);
}

/* Changes of a patient's table whose patient_id is not their row's patient. */
static gint64
misattributed (BzStore *store)
{
  return count (store,
      "SELECT (SELECT count(*) FROM changes c JOIN meal_logs r ON r.id = c.row_id"
      "        WHERE c.table_name = 'meal_logs' AND c.patient_id IS NOT r.patient_id)"
      " + (SELECT count(*) FROM changes c JOIN body_scans r ON r.id = c.row_id"
      "        WHERE c.table_name = 'body_scans' AND c.patient_id IS NOT r.patient_id)"
      " + (SELECT count(*) FROM changes c JOIN avatars r ON r.id = c.row_id"
      "        WHERE c.table_name = 'avatars' AND c.patient_id IS NOT r.patient_id)"
      " + (SELECT count(*) FROM changes c JOIN meal_plans r ON r.id = c.row_id"
      "        WHERE c.table_name = 'meal_plans' AND c.patient_id IS NOT r.patient_id)"
      " + (SELECT count(*) FROM changes c JOIN patients r ON r.id = c.row_id"
      "        WHERE c.table_name = 'patients' AND c.patient_id IS NOT r.id)");
}

/* The part of @migration between two of its comment lines. */
static char *
section (const char *migration, const char *from, const char *to)
{
  const char *a = strstr (migration, from), *b = strstr (migration, to);
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_true (a < b);
  return g_strndup (a, b - a);
}

static void
test_sync_repo (void)
{
  g_autofree char *dir = bz_test_tmpdir ("sync-repo");
  g_autofree char *foods = bz_usda_default_source_dir ();
  g_autofree char *recipes = bz_recipe_default_source ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autoptr(BzServices) svc = NULL;
  g_autofree char *patient = NULL, *meal = NULL, *gone = NULL;

  g_assert_no_error (error);
  g_assert_true (bz_usda_import (store, foods, NULL, NULL, NULL, &error));
  g_assert_true (bz_recipe_import (store, recipes, NULL, &error));
  g_assert_no_error (error);
  svc = bz_services_new (store);
  g_assert_true (bz_demo_create (svc, NULL, &error));
  g_assert_no_error (error);

  /* The writers log each patient's row with its patient. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM changes WHERE table_name = 'meal_logs'"), >, 24);
  g_assert_cmpint (count (store, "SELECT count(*) FROM changes WHERE table_name = 'body_scans'"), >, 24);
  g_assert_cmpint (count (store, "SELECT count(*) FROM changes WHERE table_name = 'avatars'"), >, 24);
  g_assert_cmpint (count (store, "SELECT count(*) FROM changes WHERE table_name = 'meal_plans'"), >, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM changes WHERE table_name = 'patients'"), ==, 24);
  g_assert_cmpint (misattributed (store), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM changes WHERE table_name IN"
                                 " ('meal_logs','body_scans','avatars','meal_plans','patients') AND patient_id IS NULL"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM changes WHERE table_name IN ('recipes','users')"
                                 " AND patient_id IS NOT NULL"), ==, 0);

  /* A meal's deletion names the patient the row had. */
  patient = text_of (store, "SELECT patient_id FROM meal_logs ORDER BY id LIMIT 1");
  gone = text_of (store, "SELECT id FROM meal_logs ORDER BY id LIMIT 1");
  {
    gboolean deleted = FALSE;
    g_autofree char *sql = NULL, *owner = NULL;
    g_assert_true (bz_store_begin (store, &error));
    g_assert_true (bz_meal_repo_delete (store, gone, &deleted, &error));
    g_assert_true (bz_store_commit (store, &error));
    g_assert_true (deleted);
    sql = g_strdup_printf ("SELECT patient_id FROM changes WHERE row_id = '%s' AND op = 'delete'", gone);
    owner = text_of (store, sql);
    g_assert_cmpstr (owner, ==, patient);
  }

  /* Migration 018's backfill on a log of before it: every change of a
   * live row gets its patient; the deleted meal's stay NULL. */
  {
    g_autoptr(GBytes) sql = g_resources_lookup_data ("/org/balanza/store/sql/018_sync_changes.sql", 0, &error);
    g_autofree char *backfill = NULL, *q = NULL;
    g_assert_no_error (error);
    backfill = section (g_bytes_get_data (sql, NULL), "-- Backfill", "-- The sync horizon");
    exec_ok (store, "UPDATE changes SET patient_id = NULL");
    g_assert_cmpint (misattributed (store), >, 100);
    exec_ok (store, backfill);
    g_assert_cmpint (misattributed (store), ==, 0);
    q = g_strdup_printf ("SELECT count(*) FROM changes WHERE row_id = '%s' AND patient_id IS NULL", gone);
    g_assert_cmpint (count (store, q), ==, 2);   /* its insert and its deletion */
    g_assert_cmpint (count (store, "SELECT count(*) FROM changes WHERE table_name = 'recipes'"
                                   " AND patient_id IS NOT NULL"), ==, 0);
  }

  /* Batch reads: what the one-row gets give, unknown ids left out. */
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
        "SELECT id FROM meal_logs WHERE patient_id = ? ORDER BY id LIMIT 4", NULL);
    g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) meals = NULL;
    sqlite3_bind_text (st, 1, patient, -1, SQLITE_STATIC);
    while (sqlite3_step (st) == SQLITE_ROW)
      g_ptr_array_add (ids, bz_db_column_text_dup (st, 0));
    g_assert_cmpuint (ids->len, ==, 4);
    g_ptr_array_add (ids, g_strdup ("no-such-meal"));
    g_ptr_array_add (ids, g_strdup (gone));
    g_assert_true (bz_meal_repo_get_many (store, (const char *const *) ids->pdata, ids->len, &meals, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (meals->len, ==, 4);
    for (guint i = 0; i < meals->len; i++)
      {
        BzRecord *m = g_ptr_array_index (meals, i);
        g_autoptr(BzRecord) one = bz_meal_repo_get (store, bz_record_get_string (m, BZ_MEAL_ID), &error);
        GString *a = g_string_new (NULL), *b = g_string_new (NULL);
        g_assert_nonnull (one);
        g_assert_cmpuint (bz_record_get_n_items (m, BZ_MEAL_ITEMS), >, 0);
        bz_record_write_json (m, a);
        bz_record_write_json (one, b);
        g_assert_cmpstr (a->str, ==, b->str);
        g_string_free (a, TRUE);
        g_string_free (b, TRUE);
      }
    meal = g_strdup (g_ptr_array_index (ids, 0));
  }
  {
    g_autofree char *scan_id = NULL, *avatar_id = NULL, *plan_id = NULL;
    g_autoptr(GPtrArray) scans = NULL, avatars = NULL, plans = NULL;
    g_autoptr(BzRecord) one = NULL;
    const char *ids[3] = { NULL, "no-such-row", NULL };
    GString *a = g_string_new (NULL), *b = g_string_new (NULL);

    scan_id = text_of (store, "SELECT id FROM body_scans ORDER BY id LIMIT 1");
    avatar_id = text_of (store, "SELECT id FROM avatars ORDER BY id LIMIT 1");
    plan_id = text_of (store, "SELECT id FROM meal_plans ORDER BY id LIMIT 1");
    ids[0] = scan_id;
    scans = bz_scan_repo_get_many (store, ids, 2, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (scans->len, ==, 1);
    one = bz_scan_repo_get (store, scan_id, &error);
    bz_record_write_json (g_ptr_array_index (scans, 0), a);
    bz_record_write_json (one, b);
    g_assert_cmpstr (a->str, ==, b->str);
    g_string_free (a, TRUE);
    g_string_free (b, TRUE);
    ids[0] = avatar_id;
    g_assert_true (bz_sync_repo_avatars_get_many (store, ids, 2, &avatars, &error));
    g_assert_cmpuint (avatars->len, ==, 1);
    g_assert_true (g_str_has_suffix (bz_record_get_string (g_ptr_array_index (avatars, 0), BZ_AVATAR_URL), ".glb"));
    ids[0] = plan_id;
    g_assert_true (bz_sync_repo_plans_get_many (store, ids, 2, TRUE, &plans, &error));
    g_assert_cmpuint (plans->len, ==, 1);
    g_assert_cmpstr (bz_record_get_string (g_ptr_array_index (plans, 0), BZ_MEAL_PLAN_SUMMARY_ID), ==, plan_id);
  }

  /* A page of one patient's scope has only that patient's rows and recipes. */
  {
    BzSyncScope scope = { patient, NULL, "nobody" };
    g_autoptr(GPtrArray) page = NULL;
    gint64 horizon, latest;
    gboolean more = FALSE;
    guint own = 0;

    g_assert_true (bz_sync_repo_bounds (store, &horizon, &latest, &error));
    g_assert_cmpint (horizon, ==, 0);
    g_assert_true (bz_sync_repo_page (store, &scope, 0, latest, 20, &page, &more, &error));
    g_assert_cmpuint (page->len, ==, 20);
    g_assert_true (more);
    g_clear_pointer (&page, g_ptr_array_unref);
    g_assert_true (bz_sync_repo_page (store, &scope, 0, latest, 500, &page, &more, &error));
    g_assert_cmpuint (page->len, <, 500);
    g_assert_false (more);
    for (guint i = 0; i < page->len; i++)
      {
        BzSyncChange *c = g_ptr_array_index (page, i);
        g_autofree char *sql = g_strdup_printf ("SELECT patient_id FROM changes WHERE version = %" G_GINT64_FORMAT,
                                                c->version);
        g_autofree char *owner = text_of (store, sql);
        if (strcmp (c->table, "recipes") == 0)
          g_assert_null (owner);
        else
          {
            g_assert_cmpstr (owner, ==, patient);
            own++;
          }
        g_assert_true (i == 0 || c->version > ((BzSyncChange *) g_ptr_array_index (page, i - 1))->version);
      }
    g_assert_cmpuint (own, >, 5);
    g_assert_cmpuint (own, <, page->len);   /* and the published recipes */
  }

  /* The retention prune: every change is old; each live row of a synced
   * table keeps its latest, the rest go and the horizon rises. */
  {
    guint pruned = 0;
    gint64 horizon, latest, before_latest;
    g_autofree char *q = NULL;

    g_assert_true (bz_sync_repo_bounds (store, &horizon, &before_latest, &error));
    g_assert_true (bz_sync_repo_prune (store, "9999-12-31T00:00:00Z", &pruned, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (pruned, >, 0);
    g_assert_true (bz_sync_repo_bounds (store, &horizon, &latest, &error));
    g_assert_cmpint (horizon, >, 0);
    g_assert_cmpint (latest, ==, before_latest);
    g_assert_cmpint (count (store, "SELECT count(*) FROM meal_logs m WHERE NOT EXISTS"
                                   " (SELECT 1 FROM changes c WHERE c.table_name = 'meal_logs' AND c.row_id = m.id)"), ==, 0);
    g_assert_cmpint (count (store, "SELECT count(*) FROM body_scans s WHERE NOT EXISTS"
                                   " (SELECT 1 FROM changes c WHERE c.table_name = 'body_scans' AND c.row_id = s.id)"), ==, 0);
    g_assert_cmpint (count (store, "SELECT count(*) FROM changes GROUP BY table_name, row_id HAVING count(*) > 1"
                                   " UNION ALL SELECT 0 LIMIT 1"), ==, 0);
    g_assert_cmpint (count (store, "SELECT count(*) FROM changes WHERE op = 'delete' OR table_name IN ('users','nutritionists')"), ==, 0);
    q = g_strdup_printf ("SELECT count(*) FROM changes WHERE row_id = '%s'", gone);
    g_assert_cmpint (count (store, q), ==, 0);
    g_clear_pointer (&q, g_free);
    q = g_strdup_printf ("SELECT count(*) FROM changes WHERE row_id = '%s' AND patient_id = '%s'", meal, patient);
    g_assert_cmpint (count (store, q), ==, 1);
    /* Nothing old left: a second prune removes nothing. */
    g_assert_true (bz_sync_repo_prune (store, "9999-12-31T00:00:00Z", &pruned, &error));
    g_assert_cmpuint (pruned, ==, 0);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/sync-repo", test_sync_repo);
  return g_test_run ();
}
