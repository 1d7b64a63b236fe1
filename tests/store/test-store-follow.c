/* test-store-follow.c — changes another process writes to the same data
 * directory reach this process's watchers (bz_store_follow_changes(),
 * issue 12: "a meal written by another process on the same data dir"):
 * once each, and never this process's own changes a second time.  The
 * other process is a second BzStore on the same files, and the sqlite3
 * command-line shell. */
#include <glib.h>

#include "bz-store.h"
#include "bz-test-util.h"

typedef struct
{
  GPtrArray *seen;   /* "table row_id" */
} Seen;

static void
on_change (const char *table, const char *row_id, gpointer user_data)
{
  Seen *s = user_data;
  g_ptr_array_add (s->seen, g_strdup_printf ("%s %s", table, row_id));
}

static guint
count (Seen *s, const char *what)
{
  guint n = 0;
  for (guint i = 0; i < s->seen->len; i++)
    n += g_strcmp0 (g_ptr_array_index (s->seen, i), what) == 0;
  return n;
}

/* Runs the main loop for @ms. */
static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
log_change (BzStore *store, const char *table, const char *row_id, gboolean notify)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(GError) error = NULL;

  g_assert_true (bz_db_begin (db, &error));
  g_assert_true (bz_store_log_change (db, table, row_id, BZ_CHANGE_INSERT, &error));
  g_assert_true (bz_db_commit (db, &error));
  g_assert_no_error (error);
  if (notify)
    bz_store_notify (store, table, row_id);
}

static void
test_follow (void)
{
  g_autofree char *dir = bz_test_tmpdir ("store-follow");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) desk = bz_store_open (dir, &error);
  g_autoptr(BzStore) other = NULL;
  Seen s = { g_ptr_array_new_with_free_func (g_free) };
  g_autofree char *db_path = g_build_filename (dir, "balanza.db", NULL);
  guint watch;
  BzStoreFollower *follow;

  g_assert_no_error (error);
  other = bz_store_open (dir, &error);
  g_assert_no_error (error);
  watch = bz_store_watch (desk, NULL, on_change, &s, NULL);

  /* Before the follower starts: not reported. */
  log_change (other, "meal_logs", "before", FALSE);
  follow = bz_store_follow_changes (desk, 20);
  spin (100);
  g_assert_cmpuint (count (&s, "meal_logs before"), ==, 0);

  /* Another process's meal: reported once. */
  log_change (other, "meal_logs", "m1", FALSE);
  for (guint i = 0; i < 100 && count (&s, "meal_logs m1") == 0; i++)
    spin (20);
  g_assert_cmpuint (count (&s, "meal_logs m1"), ==, 1);
  spin (150);
  g_assert_cmpuint (count (&s, "meal_logs m1"), ==, 1);

  /* This process's own write: its writer's notice only, not the follower's too. */
  log_change (desk, "meal_logs", "own", TRUE);
  spin (200);
  g_assert_cmpuint (count (&s, "meal_logs own"), ==, 1);

  /* A real other process: the sqlite3 shell appends to the change log. */
  {
    const char *argv[] = { "sqlite3", db_path,
                           "INSERT INTO changes (table_name, row_id, op, at) VALUES ('body_scans', 'ext', 'insert', 'now')",
                           NULL };
    int status = 0;
    g_autofree char *err = NULL;
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                                 NULL, NULL, NULL, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
  }
  for (guint i = 0; i < 100 && count (&s, "body_scans ext") == 0; i++)
    spin (20);
  g_assert_cmpuint (count (&s, "body_scans ext"), ==, 1);

  /* Stopped: nothing more. */
  bz_store_follower_stop (follow);
  log_change (other, "meal_logs", "after", FALSE);
  spin (150);
  g_assert_cmpuint (count (&s, "meal_logs after"), ==, 0);

  bz_store_unwatch (desk, watch);
  g_ptr_array_unref (s.seen);
  g_clear_object (&other);
  g_clear_object (&desk);
  bz_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/follow-changes", test_follow);
  return g_test_run ();
}
