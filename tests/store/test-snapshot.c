/* test-snapshot.c — a read on one connection, a commit from another thread's
 * connection, then a write transaction on the first: what a password change
 * does while a scan upload (or the audit writer) commits.
 *
 * In WAL mode a connection whose statement is still stepping (stepped, not
 * reset) keeps its read snapshot; once another connection commits, that
 * snapshot is stale and BEGIN IMMEDIATE answers SQLITE_BUSY_SNAPSHOT at once,
 * which busy_timeout does not retry ("database is locked", a 500 before).
 * bz_db_begin() resets such statements, and busy errors are
 * BZ_ERROR_UNAVAILABLE with a Retry-After (503). */
#include <string.h>

#include "bz-error.h"
#include "bz-store.h"
#include "bz-test-util.h"
#include "bz-user-repo.h"

#define OLD_HASH "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$b2xkb2xkb2xk"
#define NEW_HASH "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$bmV3bmV3bmV3"

/* g_test_expect_message() does not see structured logging (G_LOG_USE_STRUCTURED)
 * before GLib 2.80: a writer that swallows and counts the warnings a step
 * expects, and lets everything else through (fatal as usual in tests). */
static const char *expected_warning;
static guint expected_seen;

static GLogWriterOutput
test_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
  if ((level & G_LOG_LEVEL_WARNING) && expected_warning)
    for (gsize i = 0; i < n_fields; i++)
      if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0 &&
          g_pattern_match_simple (expected_warning, fields[i].value))
        {
          expected_seen++;
          return G_LOG_WRITER_HANDLED;
        }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static void
add_user (BzStore *store, const char *id, const char *email, const char *username)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now = bz_now_iso8601 ();
  BzUserRecord u = {
    .id = id, .email = email, .username = username, .password_hash = OLD_HASH,
    .first_name = "Ana", .last_name = "Rivera", .user_type = "patient", .created_at = now,
  };
  g_assert_true (bz_store_begin (store, &error));
  g_assert_true (bz_user_repo_insert (store, &u, &error));
  g_assert_no_error (error);
  g_assert_true (bz_store_commit (store, &error));
}

static BzStore *
open_store (char **out_dir)
{
  g_autoptr(GError) error = NULL;
  BzStore *store;

  *out_dir = bz_test_tmpdir ("snapshot");
  store = bz_store_open (*out_dir, &error);
  g_assert_no_error (error);
  add_user (store, "u1", "ana@test.local", "ana");
  add_user (store, "u2", "luis@test.local", "luis");
  return store;
}

/* --- Connection B: another thread commits (its own connection) ------------- */

static gpointer
commit_elsewhere_thread (gpointer data)
{
  BzStore *store = data;
  g_autoptr(GError) error = NULL;

  /* The scan upload's shape: BEGIN IMMEDIATE, a write, COMMIT. */
  g_assert_true (bz_store_begin (store, &error));
  g_assert_no_error (error);
  g_assert_true (bz_user_repo_touch_last_login (store, "u2", &error));
  g_assert_true (bz_store_commit (store, &error));
  g_assert_no_error (error);
  return NULL;
}

static void
commit_elsewhere (BzStore *store)
{
  g_thread_join (g_thread_new ("connection-b", commit_elsewhere_thread, store));
}

static void
assert_password_hash (BzStore *store, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = bz_user_repo_get_password_hash (store, "u1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hash, ==, expected);
}

/* The write half of bz_auth_change_password(). */
static void
set_password_in_transaction (BzStore *store)
{
  g_autoptr(GError) error = NULL;
  gboolean begun = bz_store_begin (store, &error);
  g_assert_no_error (error);
  g_assert_true (begun);
  g_assert_true (bz_user_repo_set_password (store, "u1", NEW_HASH, &error));
  g_assert_no_error (error);
  g_assert_true (bz_store_commit (store, &error));
  g_assert_no_error (error);
}

/* The password change through its repositories: read the hash on A, B
 * commits (while A hashes the new password), A writes. */
static void
test_repositories (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BzStore) store = open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  stored = bz_user_repo_get_password_hash (store, "u1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, OLD_HASH);
  commit_elsewhere (store);
  set_password_in_transaction (store);
  assert_password_hash (store, NEW_HASH);

  g_clear_object (&store);
  bz_test_rmdir (dir);
}

/* The same with the read statement still lent out and stepped when the
 * transaction starts, as bz_auth_change_password() held it until its scope
 * ended (before the repositories): BEGIN IMMEDIATE answered "database is
 * locked" (SQLITE_BUSY_SNAPSHOT).  bz_db_begin() now resets the statement,
 * saying which one, and the write goes through. */
static void
test_statement_held_across_begin (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BzStore) store = open_store (&dir);
  sqlite3 *db = bz_store_db (store);
  g_autofree char *stored = NULL;

  {
    g_autoptr(sqlite3_stmt) sel = bz_db_prepare (db, "SELECT password_hash FROM users WHERE id = ? AND is_active = 1", NULL);
    g_assert_nonnull (sel);
    sqlite3_bind_text (sel, 1, "u1", -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (sel), ==, SQLITE_ROW);
    stored = bz_db_column_text_dup (sel, 0);   /* copied out before the transaction */
    g_assert_cmpstr (stored, ==, OLD_HASH);
    g_assert_true (sqlite3_stmt_busy (sel));

    commit_elsewhere (store);

    expected_warning = "*still stepping*SELECT password_hash FROM users*";
    expected_seen = 0;
    set_password_in_transaction (store);
    g_assert_cmpuint (expected_seen, ==, 1);
    expected_warning = NULL;
    g_assert_false (sqlite3_stmt_busy (sel));
  }
  assert_password_hash (store, NEW_HASH);

  /* A statement still stepping after COMMIT keeps its snapshot just the same:
   * the next transaction on this connection must not fail either. */
  {
    g_autoptr(sqlite3_stmt) all = bz_db_prepare (db, "SELECT id FROM users ORDER BY id", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_true (bz_store_begin (store, &error));
    g_assert_cmpint (sqlite3_step (all), ==, SQLITE_ROW);
    g_assert_true (bz_user_repo_touch_last_login (store, "u1", &error));
    g_assert_true (bz_store_commit (store, &error));
    g_assert_no_error (error);
    g_assert_true (sqlite3_stmt_busy (all));

    commit_elsewhere (store);

    expected_warning = "*still stepping*SELECT id FROM users*";
    expected_seen = 0;
    g_assert_true (bz_store_begin (store, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (expected_seen, ==, 1);
    expected_warning = NULL;
    g_assert_true (bz_user_repo_touch_last_login (store, "u1", &error));
    g_assert_true (bz_store_commit (store, &error));
    g_assert_no_error (error);
  }

  /* A statement lent out but not stepping is left alone, silently: its
   * bindings survive the transaction's start. */
  {
    g_autoptr(sqlite3_stmt) bound = bz_db_prepare (db, "SELECT count(*) FROM users WHERE id = ?", NULL);
    g_autoptr(GError) error = NULL;
    sqlite3_bind_text (bound, 1, "u1", -1, SQLITE_STATIC);
    g_assert_true (bz_store_begin (store, &error));
    g_assert_true (bz_store_commit (store, &error));
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (bound), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (bound, 0), ==, 1);
  }

  g_clear_object (&store);
  bz_test_rmdir (dir);
}

static void
assert_unavailable (const GError *error)
{
  g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAVAILABLE);
  g_assert_cmpint (bz_error_http_status (error), ==, 503);
  g_assert_cmpuint (bz_error_get_retry_after (error), >, 0);
  /* Clients read UNAVAILABLE messages: no SQLite in them. */
  g_assert_null (strstr (error->message, "SQLite"));
}

/* If contention still happens, it is 503 + Retry-After, never 500: a stale
 * snapshot inside an explicit read transaction (SQLITE_BUSY_SNAPSHOT), through
 * a repository (sqlite3_step) and through bz_db_exec(). */
static void
test_busy_snapshot_is_unavailable (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BzStore) store = open_store (&dir);
  sqlite3 *db = bz_store_db (store);

  for (guint through_exec = 0; through_exec < 2; through_exec++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = NULL;

      g_assert_true (bz_db_exec (db, "BEGIN DEFERRED", &error));
      stored = bz_user_repo_get_password_hash (store, "u1", &error);   /* the snapshot */
      g_assert_no_error (error);
      commit_elsewhere (store);
      if (through_exec)
        g_assert_false (bz_db_exec (db, "UPDATE users SET last_login_at = 'x' WHERE id = 'u1'", &error));
      else
        g_assert_false (bz_user_repo_set_password (store, "u1", NEW_HASH, &error));
      assert_unavailable (error);
      bz_store_rollback (store);
    }
  assert_password_hash (store, OLD_HASH);

  g_clear_object (&store);
  bz_test_rmdir (dir);
}

/* BEGIN IMMEDIATE while another connection holds the write lock past
 * busy_timeout: UNAVAILABLE too (bz_db_exec() answered INTERNAL). */
typedef struct
{
  BzStore *store;
  GMutex lock;
  GCond cond;
  gboolean holding, release;
} Holder;

static gpointer
hold_write_lock_thread (gpointer data)
{
  Holder *h = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (bz_store_begin (h->store, &error));
  g_assert_true (bz_user_repo_touch_last_login (h->store, "u2", &error));
  g_mutex_lock (&h->lock);
  h->holding = TRUE;
  g_cond_broadcast (&h->cond);
  while (!h->release)
    g_cond_wait (&h->cond, &h->lock);
  g_mutex_unlock (&h->lock);
  g_assert_true (bz_store_commit (h->store, &error));
  g_assert_no_error (error);
  return NULL;
}

static void
test_begin_busy_is_unavailable (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BzStore) store = open_store (&dir);
  g_autoptr(GError) error = NULL;
  Holder h = { .store = store };
  GThread *thread;

  g_mutex_init (&h.lock);
  g_cond_init (&h.cond);
  thread = g_thread_new ("writer", hold_write_lock_thread, &h);
  g_mutex_lock (&h.lock);
  while (!h.holding)
    g_cond_wait (&h.cond, &h.lock);
  g_mutex_unlock (&h.lock);

  sqlite3_busy_timeout (bz_store_db (store), 50);  /* not the 5 s of the store */
  g_assert_false (bz_store_begin (store, &error));
  assert_unavailable (error);
  g_assert_true (sqlite3_get_autocommit (bz_store_db (store)));
  sqlite3_busy_timeout (bz_store_db (store), 5000);

  g_mutex_lock (&h.lock);
  h.release = TRUE;
  g_cond_broadcast (&h.cond);
  g_mutex_unlock (&h.lock);
  g_thread_join (thread);
  g_mutex_clear (&h.lock);
  g_cond_clear (&h.cond);

  g_clear_error (&error);
  set_password_in_transaction (store);
  assert_password_hash (store, NEW_HASH);

  g_clear_object (&store);
  bz_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (test_writer, NULL, NULL);
  g_test_add_func ("/store/snapshot/repositories", test_repositories);
  g_test_add_func ("/store/snapshot/statement-held-across-begin", test_statement_held_across_begin);
  g_test_add_func ("/store/snapshot/busy-snapshot-is-unavailable", test_busy_snapshot_is_unavailable);
  g_test_add_func ("/store/snapshot/begin-busy-is-unavailable", test_begin_busy_is_unavailable);
  return g_test_run ();
}
