/* test-store.c — the SQLite store: migrations, per-thread connections, blobs, changes. */
#include <stdlib.h>

#include "bz-audit.h"
#include "bz-blob-store.h"
#include "bz-error.h"
#include "bz-test-util.h"

static void
test_migrations (void)
{
  g_autofree char *dir = bz_test_tmpdir ("store");
  g_autoptr(GError) error = NULL;
  int version;
  {
    g_autoptr(BzStore) store = bz_store_open (dir, &error);
    g_autoptr(sqlite3_stmt) st = NULL;
    g_assert_no_error (error);
    version = bz_store_schema_version (store);
    g_assert_cmpint (version, >=, 2);
    st = bz_db_prepare (bz_store_db (store), "PRAGMA journal_mode", &error);
    g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (st, 0), ==, "wal");
  }
  {
    /* Reopening applies nothing twice and keeps the same secret. */
    g_autoptr(BzStore) a = bz_store_open (dir, &error);
    g_autoptr(BzStore) b = bz_store_open (dir, &error);
    g_assert_no_error (error);
    g_assert_cmpint (bz_store_schema_version (a), ==, version);
    g_assert_true (g_bytes_equal (bz_store_get_secret (a), bz_store_get_secret (b)));
    g_assert_cmpuint (g_bytes_get_size (bz_store_get_secret (a)), ==, 32);
  }
  bz_test_rmdir (dir);
}

/* 034_user_consents.sql on a clinic's database of 033: the acceptance that
 * 013 kept in patients.privacy_consent_at moves to user_consents (data
 * processing, no version), with its history row; the column goes. */
static void
test_migration_034_consents (void)
{
  g_autofree char *dir = bz_test_tmpdir ("store-034");
  g_autofree char *path = g_build_filename (dir, "balanza.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (int n = 1; n <= 33; n++)
    {
      g_auto(GStrv) names = g_resources_enumerate_children ("/org/balanza/store/sql/", 0, &error);
      g_assert_no_error (error);
      for (guint i = 0; names[i]; i++)
        if (atoi (names[i]) == n)
          {
            g_autofree char *res = g_strconcat ("/org/balanza/store/sql/", names[i], NULL);
            g_autoptr(GBytes) sql = g_resources_lookup_data (res, 0, &error);
            g_assert_no_error (error);
            g_assert_cmpint (sqlite3_exec (db, g_bytes_get_data (sql, NULL), NULL, NULL, NULL), ==, SQLITE_OK);
          }
    }
  g_assert_cmpint (sqlite3_exec (db,
      "INSERT INTO users (id, email, username, password_hash, first_name, last_name, user_type, created_at, updated_at)"
      " VALUES ('n1', 'n@x.mx', 'n', 'h', 'N', 'N', 'nutritionist', 't', 't'),"
      " ('u1', 'a@x.mx', 'a', 'h', 'A', 'A', 'patient', 't', 't'), ('u2', 'b@x.mx', 'b', 'h', 'B', 'B', 'patient', 't', 't');"
      "INSERT INTO patients (id, user_id, nutritionist_id, created_at, updated_at, privacy_consent_at)"
      " VALUES ('p1', 'u1', 'n1', 't', 't', '2026-01-02T03:04:05Z'), ('p2', 'u2', 'n1', 't', 't', NULL);"
      "PRAGMA user_version = 33;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  {
    g_autoptr(BzStore) store = bz_store_open (dir, &error);
    g_autoptr(sqlite3_stmt) st = NULL, h = NULL, c = NULL;
    g_assert_no_error (error);
    g_assert_cmpint (bz_store_schema_version (store), >=, 34);
    st = bz_db_prepare (bz_store_db (store),
                        "SELECT user_id, data_processing, privacy_notice_version IS NULL, privacy_notice_accepted_at,"
                        " source FROM user_consents", &error);
    g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (st, 0), ==, "u1");
    g_assert_cmpint (sqlite3_column_int (st, 1), ==, 1);
    g_assert_cmpint (sqlite3_column_int (st, 2), ==, 1);
    g_assert_cmpstr ((const char *) sqlite3_column_text (st, 3), ==, "2026-01-02T03:04:05Z");
    g_assert_cmpstr ((const char *) sqlite3_column_text (st, 4), ==, "migration");
    g_assert_cmpint (sqlite3_step (st), ==, SQLITE_DONE);   /* p2 had none: none made up */
    h = bz_db_prepare (bz_store_db (store), "SELECT count(*) FROM user_consent_history WHERE user_id = 'u1'", &error);
    g_assert_cmpint (sqlite3_step (h), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (h, 0), ==, 1);
    c = bz_db_prepare (bz_store_db (store),
                       "SELECT count(*) FROM pragma_table_info('patients') WHERE name = 'privacy_consent_at'", &error);
    g_assert_cmpint (sqlite3_step (c), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (c, 0), ==, 0);
  }
  bz_test_rmdir (dir);
}

static gpointer
count_users (gpointer data)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (data), "SELECT count(*) FROM users", NULL);
  g_assert_nonnull (st);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  return GINT_TO_POINTER (sqlite3_column_int (st, 0) + 1);
}

static void
pool_func (gpointer data, gpointer user_data)
{
  g_atomic_int_set ((int *) user_data, GPOINTER_TO_INT (count_users (data)));
}

/* A worker thread that used a finalized store must get a fresh connection for a
 * new store, even if the allocator puts the new store at the same address. */
static void
test_thread_connections_outlive_store (void)
{
  g_autofree char *d1 = bz_test_tmpdir ("store1"), *d2 = bz_test_tmpdir ("store2");
  g_autoptr(GError) error = NULL;
  int result = 0;
  GThreadPool *pool = g_thread_pool_new (pool_func, &result, 1, TRUE, &error);

  for (int round = 0; round < 5; round++)
    {
      BzStore *store = bz_store_open (round % 2 ? d2 : d1, &error);
      g_assert_no_error (error);
      if (round % 2)
        g_assert_true (bz_db_exec (bz_store_db (store),
            "INSERT OR IGNORE INTO users (id, email, username, password_hash, first_name, last_name, user_type,"
            " created_at, updated_at) VALUES ('u1', 'a@b.mx', 'a', 'x', 'A', 'B', 'patient', 'now', 'now')", &error));
      g_atomic_int_set (&result, 0);
      g_thread_pool_push (pool, store, NULL);
      while (g_atomic_int_get (&result) == 0)
        g_usleep (1000);
      /* d1 has no users, d2 has one: a stale connection would mix them up. */
      g_assert_cmpint (result - 1, ==, round % 2 ? 1 : 0);
      g_object_unref (store);
    }
  g_thread_pool_free (pool, FALSE, TRUE);
  bz_test_rmdir (d1);
  bz_test_rmdir (d2);
}

static void
test_blobs (void)
{
  g_autofree char *dir = bz_test_tmpdir ("blobs");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("hello avatar", 12);
  g_autofree char *sha = NULL, *sha2 = NULL, *mime = NULL, *path = NULL;
  g_autoptr(GBytes) back = NULL;

  g_assert_true (bz_blob_put (store, bytes, "text/plain", &sha, &error));
  g_assert_true (bz_blob_put (store, bytes, "text/plain", &sha2, &error));
  g_assert_cmpstr (sha, ==, sha2);
  {
    g_autofree char *expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) "hello avatar", 12);
    g_assert_cmpstr (sha, ==, expected);
  }
  path = bz_blob_path (store, sha);
  g_assert_true (g_str_has_suffix (path, sha + 2));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  back = bz_blob_get (store, sha, &mime, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, bytes));
  g_assert_cmpstr (mime, ==, "text/plain");
  g_assert_null (bz_blob_get (store, "../../etc/passwd", NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (bz_blob_get (store, "0000000000000000000000000000000000000000000000000000000000000000", NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND);
  bz_test_rmdir (dir);
}

typedef struct
{
  GMainContext *ctx;
  char *table;
  char *row;
  GThread *thread;
} Seen;

static void
on_change (const char *table, const char *row_id, gpointer data)
{
  Seen *seen = data;
  seen->table = g_strdup (table);
  seen->row = g_strdup (row_id);
  seen->thread = g_thread_self ();
}

static gpointer
notify_from_thread (gpointer store)
{
  bz_store_notify (store, "meal_logs", "m-1");
  return NULL;
}

static void
test_changes (void)
{
  g_autofree char *dir = bz_test_tmpdir ("changes");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  Seen seen = { 0 };
  guint id = bz_store_watch (store, NULL, on_change, &seen, NULL);
  sqlite3 *db = bz_store_db (store);

  g_assert_true (bz_db_begin (db, &error));
  g_assert_true (bz_store_log_change (db, "meal_logs", "m-1", BZ_CHANGE_INSERT, &error));
  g_assert_true (bz_db_commit (db, &error));
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "SELECT table_name, row_id, op FROM changes", &error);
    g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (st, 2), ==, "insert");
  }
  /* A write on another thread is delivered on the watcher's own context. */
  g_thread_join (g_thread_new ("writer", notify_from_thread, store));
  g_assert_null (seen.table);
  while (seen.table == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (seen.table, ==, "meal_logs");
  g_assert_cmpstr (seen.row, ==, "m-1");
  g_assert_true (seen.thread == g_thread_self ());
  bz_store_unwatch (store, id);
  g_free (seen.table);
  g_free (seen.row);
  bz_test_rmdir (dir);
}

/* bz_db_prepare() lends out one compiled statement per SQL text and
 * connection: released, it comes back reset and unbound; nested use of the
 * same SQL gets a second statement; a store closes with statements cached. */
static void
test_statement_cache (void)
{
  g_autofree char *dir = bz_test_tmpdir ("stmt");
  g_autoptr(GError) error = NULL;
  BzStore *store = bz_store_open (dir, &error);
  sqlite3 *db;
  sqlite3_stmt *first, *again, *outer, *inner;
  const char *sql = "SELECT ?1 + 1";

  g_assert_no_error (error);
  db = bz_store_db (store);
  first = bz_db_prepare (db, sql, &error);
  g_assert_no_error (error);
  sqlite3_bind_int (first, 1, 41);
  g_assert_cmpint (sqlite3_step (first), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (first, 0), ==, 42);
  bz_db_stmt_release (first);

  again = bz_db_prepare (db, sql, &error);
  g_assert_true (again == first);                               /* compiled once */
  g_assert_cmpint (sqlite3_stmt_busy (again), ==, 0);           /* reset */
  g_assert_cmpint (sqlite3_step (again), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_type (again, 0), ==, SQLITE_NULL);  /* unbound: NULL + 1 */
  bz_db_stmt_release (again);

  outer = bz_db_prepare (db, sql, &error);
  inner = bz_db_prepare (db, sql, &error);
  g_assert_true (outer != inner);
  bz_db_stmt_release (inner);
  bz_db_stmt_release (outer);
  {
    g_autoptr(sqlite3_stmt) bad = bz_db_prepare (db, "SELEKT 1", &error);
    g_assert_null (bad);
    g_assert_error (error, BZ_ERROR, BZ_ERROR_INTERNAL);
  }
  g_object_unref (store);  /* closes the connection with cached statements */
  bz_test_rmdir (dir);
}

/* Runs @sql (one integer parameter, one integer column) with @arg through
 * the statement cache and returns the statement it was lent (released). */
static sqlite3_stmt *
run_int (sqlite3 *db, const char *sql, int arg, int expected)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *st = bz_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sqlite3_sql (st), ==, sql);
  sqlite3_bind_int (st, 1, arg);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (st, 0), ==, expected);
  bz_db_stmt_release (st);
  return st;
}

/* Statements are found by the SQL's address first: a different text at the
 * same address (a dynamic string freed and the buffer reused) must get its
 * own statement, and each text keeps its own at any address. */
static void
test_statement_cache_address (void)
{
  g_autofree char *dir = bz_test_tmpdir ("stmt-addr");
  g_autoptr(GError) error = NULL;
  BzStore *store = bz_store_open (dir, &error);
  char *buf = g_malloc (64);
  sqlite3 *db;
  sqlite3_stmt *plus, *times, *st;

  g_assert_no_error (error);
  db = bz_store_db (store);

  g_strlcpy (buf, "SELECT ?1 + 1", 64);
  plus = run_int (db, buf, 41, 42);
  g_assert_true (run_int (db, buf, 1, 2) == plus);
  g_strlcpy (buf, "SELECT ?1 * 3", 64);         /* same address, same length */
  times = run_int (db, buf, 5, 15);
  g_assert_true (times != plus);
  g_assert_true (run_int (db, buf, 2, 6) == times);
  g_strlcpy (buf, "SELECT ?1 + 1", 64);         /* back: its statement again */
  g_assert_true (run_int (db, buf, 9, 10) == plus);
  g_assert_true (run_int (db, "SELECT ?1 * 3", 4, 12) == times);  /* another address */
  g_strlcpy (buf, "SELECT ?1 * 3", 64);
  g_assert_true (run_int (db, buf, 7, 21) == times);
  g_strlcpy (buf, "SELECT ?1 - 1", 64);         /* a third text, new to the cache */
  st = run_int (db, buf, 5, 4);
  g_assert_true (st != plus && st != times);
  g_free (buf);

  /* Strings freed and allocated again (often at the same address). */
  for (int i = 0; i < 20; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT ?1 + %d", i % 4);
      run_int (db, sql, 100, 100 + i % 4);
    }

  /* Nested, at one address: the inner one gets a statement of its own. */
  {
    const char *sql = "SELECT ?1 + 1";
    g_autoptr(sqlite3_stmt) outer = bz_db_prepare (db, sql, &error);
    g_assert_true (outer == plus);
    g_assert_true (run_int (db, sql, 1, 2) != plus);
    sqlite3_bind_int (outer, 1, 2);
    g_assert_cmpint (sqlite3_step (outer), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (outer, 0), ==, 3);
  }
  g_object_unref (store);
  bz_test_rmdir (dir);
}

typedef struct
{
  BzAuditLog *log;
  int id;
} AuditWriter;

static gpointer
audit_writer (gpointer data)
{
  AuditWriter *w = data;
  for (int i = 0; i < 250; i++)
    {
      g_autofree char *actor = g_strdup_printf ("staff-%d", w->id);
      bz_audit_log_record (w->log, actor, "patient-1", "read_patient");
    }
  return NULL;
}

static gint64
audit_rows (BzStore *store)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), "SELECT count(*) FROM record_access_audit", NULL);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  return sqlite3_column_int64 (st, 0);
}

/* The batched audit: every row recorded from any thread is written; flush
 * waits for them; freeing the log writes what is still queued. */
static void
test_audit_log (void)
{
  g_autofree char *dir = bz_test_tmpdir ("audit");
  g_autoptr(GError) error = NULL;
  BzStore *store = bz_store_open (dir, &error);
  BzAuditLog *log;
  AuditWriter w[4];
  GThread *t[4];

  g_assert_no_error (error);
  log = bz_audit_log_new (store);
  for (int i = 0; i < 4; i++)
    {
      w[i] = (AuditWriter) { log, i };
      t[i] = g_thread_new ("audit-writer", audit_writer, &w[i]);
    }
  for (int i = 0; i < 4; i++)
    g_thread_join (t[i]);
  bz_audit_log_flush (log);
  g_assert_cmpint (audit_rows (store), ==, 1000);
  for (int i = 0; i < 7; i++)
    bz_audit_log_record (log, "staff-x", "patient-2", "meal_history");
  bz_audit_log_free (log);   /* no flush: freeing writes them */
  g_assert_cmpint (audit_rows (store), ==, 1007);
  g_object_unref (store);
  bz_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/migrations", test_migrations);
  g_test_add_func ("/store/migrations/034-consents", test_migration_034_consents);
  g_test_add_func ("/store/thread-connections", test_thread_connections_outlive_store);
  g_test_add_func ("/store/blobs", test_blobs);
  g_test_add_func ("/store/changes", test_changes);
  g_test_add_func ("/store/statement-cache", test_statement_cache);
  g_test_add_func ("/store/statement-cache/address", test_statement_cache_address);
  g_test_add_func ("/store/audit-log", test_audit_log);
  return g_test_run ();
}
