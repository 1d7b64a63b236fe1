/* test-blobs.c — blob store hardening: existing files verified and rewritten,
 * hash-checked reads, garbage collection (files, temp leftovers, rows; grace;
 * concurrent uploads), and file modes whatever the umask. */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bz-blob-store.h"
#include "bz-store-crypt.h"
#include "bz-error.h"
#include "bz-test-util.h"

#define TWO_HOURS (2 * 60 * 60)

/* g_test_expect_message() does not see structured logging (G_LOG_USE_STRUCTURED)
 * before GLib 2.80: a writer that swallows and counts the one warning a step
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
expect_warning (const char *pattern)
{
  expected_warning = pattern;
  expected_seen = 0;
}

static void
assert_warned (void)
{
  g_assert_cmpuint (expected_seen, ==, 1);
  expected_warning = NULL;
}

static GBytes *
random_bytes (gsize len)
{
  guint8 *data = g_malloc (len);
  for (gsize i = 0; i < len; i++)
    data[i] = g_test_rand_int_range (0, 256);
  return g_bytes_new_take (data, len);
}

static void
set_mtime_ago (const char *path, gint64 seconds)
{
  struct timespec ts[2];
  clock_gettime (CLOCK_REALTIME, &ts[0]);
  ts[0].tv_sec -= seconds;
  ts[1] = ts[0];
  g_assert_cmpint (utimensat (AT_FDCWD, path, ts, AT_SYMLINK_NOFOLLOW), ==, 0);
}

static void
write_file (const char *path, const void *data, gsize len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static void
exec_sql (BzStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  bz_db_exec (bz_store_db (store), sql, &error);
  g_assert_no_error (error);
}

/* A put that finds a file truncated by a crash (from an older version that
 * wrote in place, or a disk that lost the tail) rewrites it; get then answers
 * the full bytes. */
static void
test_truncated_file_rewritten (void)
{
  g_autofree char *dir = bz_test_tmpdir ("blob-trunc");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autoptr(GBytes) bytes = random_bytes (300 * 1024);
  g_autofree char *sha = bz_sha256_hex (bytes), *sha2 = NULL, *path = bz_blob_path (store, sha);
  gsize len = g_bytes_get_size (bytes);
  g_autofree char *contents = NULL;
  gsize got = 0;

  /* 1. The file exists, cut short, before any row (crash mid-write). */
  write_file (path, g_bytes_get_data (bytes, NULL), len / 3);
  expect_warning ("*does not match*rewriting*");
  g_assert_true (bz_blob_put (store, bytes, "image/jpeg", &sha2, &error));
  assert_warned ();
  g_assert_no_error (error);
  g_assert_cmpstr (sha2, ==, sha);
  g_assert_true (g_file_get_contents (path, &contents, &got, NULL));
  {
    /* The file holds the sealed content (bz-crypt.h), rewritten whole. */
    g_autoptr(GBytes) sealed = bz_crypt_seal_blob (bz_store_get_crypt (store), sha, bytes);
    g_assert_cmpmem (contents, got, g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed));
    g_assert_cmpuint (got, ==, len + 20);
  }
  g_clear_pointer (&contents, g_free);

  /* 2. Same size, one byte flipped: the size check alone would miss it. */
  {
    g_autofree guint8 *bad = g_memdup2 (g_bytes_get_data (bytes, NULL), len);
    bad[len / 2] ^= 0x01;
    write_file (path, bad, len);
  }
  expect_warning ("*does not match*rewriting*");
  g_assert_true (bz_blob_put (store, bytes, "image/jpeg", NULL, &error));
  assert_warned ();
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) back = bz_blob_get (store, sha, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (back, bytes));
  }

  /* 3. Truncated after the row exists: the next put of that content repairs it. */
  g_assert_cmpint (truncate (path, 10), ==, 0);
  expect_warning ("*does not match*rewriting*");
  g_assert_true (bz_blob_put (store, bytes, "image/jpeg", NULL, &error));
  assert_warned ();
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) back = bz_blob_get (store, sha, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (back, bytes));
  }
  /* An intact file is reused, and its mtime refreshed (the GC grace restarts). */
  set_mtime_ago (path, TWO_HOURS);
  g_assert_true (bz_blob_put (store, bytes, "image/jpeg", NULL, &error));
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mtime, >, (gint64) time (NULL) - 60);
  }
  /* Empty content works too (zero-length write). */
  {
    g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
    g_autoptr(GBytes) back = NULL;
    g_autofree char *esha = NULL;
    g_assert_true (bz_blob_put (store, empty, "text/plain", &esha, &error));
    g_assert_no_error (error);
    back = bz_blob_get (store, esha, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (back), ==, 0);
  }
  /* No temp file is left behind by any of these writes. */
  {
    g_autofree char *prefix_dir = g_path_get_dirname (path);
    g_autoptr(GDir) d = g_dir_open (prefix_dir, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name (d)))
      g_assert_false (g_str_has_prefix (name, "."));
  }
  bz_test_rmdir (dir);
}

/* get never serves bytes that do not hash to the requested name. */
static void
test_corrupt_file_refused (void)
{
  g_autofree char *dir = bz_test_tmpdir ("blob-corrupt");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autoptr(GBytes) bytes = random_bytes (4096);
  g_autofree char *sha = NULL, *path = NULL;
  gsize len = g_bytes_get_size (bytes);

  g_assert_true (bz_blob_put (store, bytes, "image/png", &sha, &error));
  path = bz_blob_path (store, sha);

  /* Same size, different bytes. */
  {
    g_autofree guint8 *bad = g_memdup2 (g_bytes_get_data (bytes, NULL), len);
    bad[0] ^= 0xff;
    write_file (path, bad, len);
  }
  expect_warning ("*corrupt*");
  g_assert_null (bz_blob_get (store, sha, NULL, &error));
  assert_warned ();
  g_assert_error (error, BZ_ERROR, BZ_ERROR_INTERNAL);
  g_clear_error (&error);

  /* Truncated. */
  write_file (path, g_bytes_get_data (bytes, NULL), len - 1);
  expect_warning ("*corrupt*");
  g_assert_null (bz_blob_get (store, sha, NULL, &error));
  assert_warned ();
  g_assert_error (error, BZ_ERROR, BZ_ERROR_INTERNAL);
  g_clear_error (&error);

  /* Missing while its row exists. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  expect_warning ("*cannot be read*");
  g_assert_null (bz_blob_get (store, sha, NULL, &error));
  assert_warned ();
  g_assert_error (error, BZ_ERROR, BZ_ERROR_INTERNAL);
  g_clear_error (&error);

  /* Uploading the content again heals it (the file is missing: no warning). */
  g_assert_true (bz_blob_put (store, bytes, "image/png", NULL, &error));
  {
    g_autoptr(GBytes) back = bz_blob_get (store, sha, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (back, bytes));
  }
  bz_test_rmdir (dir);
}

/* A patient with one meal and one avatar, the two kinds of blob reference. */
static void
insert_references (BzStore *store, const char *meal_sha, const char *avatar_sha)
{
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO users (id, email, username, password_hash, first_name, last_name, user_type, created_at, updated_at)"
      " VALUES ('u1', 'p@b.mx', 'p', 'x', 'P', 'Q', 'patient', 'now', 'now');"
      "INSERT INTO patients (id, user_id, created_at, updated_at) VALUES ('p1', 'u1', 'now', 'now');"
      "INSERT INTO meal_logs (id, patient_id, meal_type, eaten_at, eaten_date, photo_sha256, detection_status, created_at)"
      " VALUES ('m1', 'p1', 'lunch', 'now', 'today', '%s', 'manual', 'now');"
      "INSERT INTO meal_logs (id, patient_id, meal_type, eaten_at, eaten_date, photo_sha256, detection_status, created_at)"
      " VALUES ('m2', 'p1', 'lunch', 'now', 'today', NULL, 'manual', 'now');"
      "INSERT INTO body_scans (id, patient_id, measured_at, sex, age, height_cm, weight_kg, body_fat_percent,"
      " skeletal_muscle_mass_kg, created_at) VALUES ('s1', 'p1', 'now', 'female', 30, 160, 60, 25, 22, 'now');"
      "INSERT INTO avatars (id, scan_id, patient_id, version, blob_sha256, size_bytes, vertex_count, provider, created_at)"
      " VALUES ('a1', 's1', 'p1', 1, '%s', 1, 1, 'local', 'now');",
      meal_sha, avatar_sha);
  exec_sql (store, sql);
}

static gboolean
row_exists (BzStore *store, const char *sha)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), "SELECT 1 FROM blobs WHERE sha256 = ?", NULL);
  sqlite3_bind_text (st, 1, sha, -1, SQLITE_STATIC);
  return sqlite3_step (st) == SQLITE_ROW;
}

static char *
put (BzStore *store, GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  char *sha = NULL;
  g_assert_true (bz_blob_put (store, bytes, "image/jpeg", &sha, &error));
  g_assert_no_error (error);
  return sha;
}

static void
test_gc (void)
{
  g_autofree char *dir = bz_test_tmpdir ("blob-gc");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autoptr(GBytes) meal = random_bytes (1000), avatar = random_bytes (1001), unref_old = random_bytes (1002),
                    unref_new = random_bytes (1003), orphan_old = random_bytes (1004), orphan_new = random_bytes (1005),
                    unref_touched = random_bytes (1006), other_ref = random_bytes (1007);
  g_autofree char *meal_sha = put (store, meal), *avatar_sha = put (store, avatar);
  g_autofree char *unref_old_sha = put (store, unref_old), *unref_new_sha = put (store, unref_new);
  g_autofree char *unref_touched_sha = put (store, unref_touched);
  g_autofree char *unref_touched_path = bz_blob_path (store, unref_touched_sha);
  g_autofree char *other_ref_sha = put (store, other_ref);
  g_autofree char *orphan_old_sha = bz_sha256_hex (orphan_old), *orphan_new_sha = bz_sha256_hex (orphan_new);
  g_autofree char *orphan_old_path = bz_blob_path (store, orphan_old_sha);
  g_autofree char *orphan_new_path = bz_blob_path (store, orphan_new_sha);
  g_autofree char *unref_old_path = bz_blob_path (store, unref_old_sha);
  g_autofree char *unref_new_path = bz_blob_path (store, unref_new_sha);
  g_autofree char *meal_path = bz_blob_path (store, meal_sha), *avatar_path = bz_blob_path (store, avatar_sha);
  g_autofree char *prefix_dir = g_path_get_dirname (meal_path);
  g_autofree char *tmp_old = g_build_filename (prefix_dir, ".tmp-deadbeef-00000001", NULL);
  g_autofree char *tmp_new = g_build_filename (prefix_dir, ".tmp-deadbeef-00000002", NULL);
  g_autofree char *glib_tmp = g_strconcat (orphan_old_path, ".AB12CD", NULL);
  g_autofree char *stranger = g_build_filename (prefix_dir, "README", NULL);
  guint removed = 99;

  insert_references (store, meal_sha, avatar_sha);
  /* A table from a later migration: found through its foreign key. */
  {
    g_autofree char *sql = g_strdup_printf ("CREATE TABLE later_refs (blob TEXT REFERENCES blobs(sha256));"
                                            "INSERT INTO later_refs VALUES ('%s'), (NULL)", other_ref_sha);
    exec_sql (store, sql);
  }
  /* Everything is old except the *_new items. */
  exec_sql (store, "UPDATE blobs SET created_at = '2020-01-01T00:00:00Z'");
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE blobs SET created_at = strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ','now')"
                                            " WHERE sha256 = '%s'", unref_new_sha);
    exec_sql (store, sql);
  }
  write_file (orphan_old_path, g_bytes_get_data (orphan_old, NULL), g_bytes_get_size (orphan_old));
  write_file (orphan_new_path, g_bytes_get_data (orphan_new, NULL), g_bytes_get_size (orphan_new));
  write_file (tmp_old, "half", 4);
  write_file (tmp_new, "half", 4);
  write_file (glib_tmp, "half", 4);
  write_file (stranger, "not ours", 8);
  for (const char *p[] = { meal_path, avatar_path, unref_old_path, orphan_old_path, tmp_old, glib_tmp, stranger, NULL },
       **q = p; *q; q++)
    set_mtime_ago (*q, TWO_HOURS);

  /* An old unreferenced row whose content was just uploaded again (put
   * refreshed the file's mtime): its uploader may be about to reference it. */
  set_mtime_ago (unref_touched_path, TWO_HOURS);
  g_free (put (store, unref_touched));

  /* Grace 1 h: the old debris goes, the young stays, references stay. */
  g_assert_true (bz_blob_collect_garbage (store, BZ_BLOB_GC_GRACE_SECONDS, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 4);          /* orphan_old, tmp_old, glib_tmp, unref_old (row + file) */
  g_assert_false (g_file_test (orphan_old_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (tmp_old, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (glib_tmp, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (unref_old_path, G_FILE_TEST_EXISTS));
  g_assert_false (row_exists (store, unref_old_sha));
  g_assert_true (g_file_test (orphan_new_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (tmp_new, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (unref_new_path, G_FILE_TEST_EXISTS));
  g_assert_true (row_exists (store, unref_new_sha));
  g_assert_true (g_file_test (unref_touched_path, G_FILE_TEST_EXISTS));
  g_assert_true (row_exists (store, unref_touched_sha));
  g_assert_true (g_file_test (stranger, G_FILE_TEST_EXISTS));
  for (const char *sha[] = { meal_sha, avatar_sha, NULL }, **q = sha; *q; q++)
    {
      g_autoptr(GBytes) back = bz_blob_get (store, *q, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (back);
    }

  /* Grace 0: the young debris goes too; referenced blobs never do. */
  g_assert_true (bz_blob_collect_garbage (store, 0, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 4);          /* orphan_new, tmp_new, unref_new, unref_touched */
  g_assert_false (g_file_test (unref_touched_path, G_FILE_TEST_EXISTS));
  g_assert_false (row_exists (store, unref_touched_sha));
  g_assert_false (g_file_test (orphan_new_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (tmp_new, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (unref_new_path, G_FILE_TEST_EXISTS));
  g_assert_false (row_exists (store, unref_new_sha));
  g_assert_true (row_exists (store, meal_sha) && row_exists (store, avatar_sha) && row_exists (store, other_ref_sha));
  g_assert_true (g_file_test (meal_path, G_FILE_TEST_EXISTS) && g_file_test (avatar_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (stranger, G_FILE_TEST_EXISTS));

  /* Nothing left: a third pass removes nothing. */
  g_assert_true (bz_blob_collect_garbage (store, 0, &removed, &error));
  g_assert_cmpuint (removed, ==, 0);

  /* A row whose file vanished (crash between unlink and COMMIT) is removed. */
  {
    g_autoptr(GBytes) lost = random_bytes (10);
    g_autofree char *lost_sha = put (store, lost), *lost_path = bz_blob_path (store, lost_sha);
    g_assert_cmpint (g_unlink (lost_path), ==, 0);
    g_assert_true (bz_blob_collect_garbage (store, 0, &removed, &error));
    g_assert_cmpuint (removed, ==, 1);
    g_assert_false (row_exists (store, lost_sha));
  }
  bz_test_rmdir (dir);
}

typedef struct
{
  BzStore *store;
  gint started;
  guint removed;
  gboolean ok;
} GcRun;

static gpointer
gc_in_thread (gpointer data)
{
  GcRun *run = data;
  g_autoptr(GError) error = NULL;
  g_atomic_int_set (&run->started, 1);
  run->ok = bz_blob_collect_garbage (run->store, 0, &run->removed, &error);
  g_assert_no_error (error);
  return NULL;
}

/* An upload in flight: its file is on disk and its row is inserted but not
 * committed.  Even with grace 0 the collector must wait for the uploader's
 * transaction (write lock) and then see the row. */
static void
test_gc_concurrent_upload (void)
{
  g_autofree char *dir = bz_test_tmpdir ("blob-gc-race");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autoptr(GBytes) photo = random_bytes (2048);
  g_autofree char *sha = NULL, *path = NULL;
  sqlite3 *db = bz_store_db (store);
  GcRun run = { .store = store };
  GThread *thread;

  {
    g_autoptr(GBytes) a = random_bytes (1), b = random_bytes (2);
    g_autofree char *a_sha = put (store, a), *b_sha = put (store, b);
    insert_references (store, a_sha, b_sha);
  }
  g_assert_true (bz_db_begin (db, &error));
  g_assert_true (bz_blob_put (store, photo, "image/jpeg", &sha, &error));
  path = bz_blob_path (store, sha);
  thread = g_thread_new ("gc", gc_in_thread, &run);
  while (!g_atomic_int_get (&run.started))
    g_usleep (1000);
  g_usleep (300 * 1000);  /* the collector walks the files and waits for the lock */
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *sql = g_strdup_printf (
        "INSERT INTO meal_logs (id, patient_id, meal_type, eaten_at, eaten_date, photo_sha256, detection_status,"
        " created_at) VALUES ('m3', 'p1', 'lunch', 'now', 'today', '%s', 'manual', 'now')", sha);
    exec_sql (store, sql);
  }
  g_assert_true (bz_db_commit (db, &error));
  g_thread_join (thread);
  g_assert_true (run.ok);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GBytes) back = bz_blob_get (store, sha, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (back, photo));
  }
  bz_test_rmdir (dir);
}

/* The background collector runs a pass at start and stops promptly. */
static void
test_gc_background (void)
{
  g_autofree char *dir = bz_test_tmpdir ("blob-gc-bg");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autoptr(GBytes) orphan = random_bytes (100);
  g_autofree char *sha = bz_sha256_hex (orphan), *path = bz_blob_path (store, sha);
  BzBlobGc *gc;
  gint64 deadline, t0;

  write_file (path, g_bytes_get_data (orphan, NULL), g_bytes_get_size (orphan));
  gc = bz_blob_gc_start_full (store, 3600, 0);
  deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while (bz_blob_gc_get_passes (gc) == 0 && g_get_monotonic_time () < deadline)
    g_usleep (10 * 1000);
  g_assert_cmpuint (bz_blob_gc_get_passes (gc), ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  t0 = g_get_monotonic_time ();
  bz_blob_gc_stop (gc);   /* wakes the 1 h sleep */
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 2 * G_TIME_SPAN_SECOND);
  bz_test_rmdir (dir);
}

/* Modes with umask 022 on a data dir that already exists 0755, and files an
 * older version left 0644: everything private after open (and a GC pass for
 * the blob files). */
static void
test_modes (void)
{
  g_autofree char *top = bz_test_tmpdir ("modes");
  g_autofree char *dir = g_build_filename (top, "data", NULL);
  g_autofree char *db = g_build_filename (dir, "balanza.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL), *shm = g_strconcat (db, "-shm", NULL);
  g_autofree char *key = g_build_filename (dir, "secret.key", NULL);
  g_autofree char *blobs = g_build_filename (dir, "blobs", NULL);
  g_autofree char *sha_dir = g_build_filename (blobs, "sha256", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = random_bytes (64);
  g_autofree char *sha = NULL, *path = NULL, *prefix_dir = NULL;
  mode_t old_umask = umask (022);

  /* First start: a pre-existing 0755 directory, umask 022. */
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_cmpint (chmod (dir, 0755), ==, 0);
  {
    g_autoptr(BzStore) store = bz_store_open (dir, &error);
    g_assert_no_error (error);
    sha = put (store, bytes);
    path = bz_blob_path (store, sha);
    prefix_dir = g_path_get_dirname (path);
    g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS) && g_file_test (shm, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (file_mode (dir), ==, 0700);
    g_assert_cmpuint (file_mode (db), ==, 0600);
    g_assert_cmpuint (file_mode (wal), ==, 0600);
    g_assert_cmpuint (file_mode (shm), ==, 0600);
    g_assert_cmpuint (file_mode (key), ==, 0600);
    g_assert_cmpuint (file_mode (blobs), ==, 0700);
    g_assert_cmpuint (file_mode (sha_dir), ==, 0700);
    g_assert_cmpuint (file_mode (prefix_dir), ==, 0700);
    g_assert_cmpuint (file_mode (path), ==, 0600);
  }

  /* An older version's leftovers: everything 0755/0644, and umask 0. */
  umask (0);
  for (const char *p[] = { dir, blobs, sha_dir, prefix_dir, NULL }, **q = p; *q; q++)
    g_assert_cmpint (chmod (*q, 0755), ==, 0);
  for (const char *p[] = { db, key, path, NULL }, **q = p; *q; q++)
    g_assert_cmpint (chmod (*q, 0644), ==, 0);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    g_assert_cmpint (chmod (wal, 0644), ==, 0);
  {
    g_autoptr(BzStore) store = bz_store_open (dir, &error);
    g_autoptr(GBytes) more = random_bytes (65);
    g_autofree char *more_sha = NULL, *more_path = NULL;
    guint removed;
    g_assert_no_error (error);
    more_sha = put (store, more);
    more_path = bz_blob_path (store, more_sha);
    g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (file_mode (dir), ==, 0700);
    g_assert_cmpuint (file_mode (db), ==, 0600);
    g_assert_cmpuint (file_mode (wal), ==, 0600);
    g_assert_cmpuint (file_mode (shm), ==, 0600);
    g_assert_cmpuint (file_mode (key), ==, 0600);
    g_assert_cmpuint (file_mode (blobs), ==, 0700);
    g_assert_cmpuint (file_mode (sha_dir), ==, 0700);
    g_assert_cmpuint (file_mode (more_path), ==, 0600);
    /* The walk of a collection pass resets what open does not visit. */
    g_assert_true (bz_blob_collect_garbage (store, BZ_BLOB_GC_GRACE_SECONDS, &removed, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (file_mode (prefix_dir), ==, 0700);
    g_assert_cmpuint (file_mode (path), ==, 0600);
  }
  /* A strange umask that would take the owner's own bits (0277: mkdir 0700
   * gives 0500, open 0600 gives 0400): modes are set explicitly. */
  umask (0277);
  {
    g_autofree char *dir2 = g_build_filename (top, "data2", NULL);
    g_autofree char *db2 = g_build_filename (dir2, "balanza.db", NULL);
    g_autofree char *key2 = g_build_filename (dir2, "secret.key", NULL);
    g_autofree char *sha_dir2 = g_build_filename (dir2, "blobs", "sha256", NULL);
    g_autoptr(BzStore) store = bz_store_open (dir2, &error);
    g_autofree char *sha2 = NULL, *path2 = NULL, *prefix2 = NULL;
    g_assert_no_error (error);
    sha2 = put (store, bytes);
    path2 = bz_blob_path (store, sha2);
    prefix2 = g_path_get_dirname (path2);
    g_assert_cmpuint (file_mode (dir2), ==, 0700);
    g_assert_cmpuint (file_mode (db2), ==, 0600);
    {
      g_autofree char *wal2 = g_strconcat (db2, "-wal", NULL), *shm2 = g_strconcat (db2, "-shm", NULL);
      g_assert_cmpuint (file_mode (wal2), ==, 0600);
      g_assert_cmpuint (file_mode (shm2), ==, 0600);
    }
    g_assert_cmpuint (file_mode (key2), ==, 0600);
    g_assert_cmpuint (file_mode (sha_dir2), ==, 0700);
    g_assert_cmpuint (file_mode (prefix2), ==, 0700);
    g_assert_cmpuint (file_mode (path2), ==, 0600);
  }
  umask (old_umask);
  bz_test_rmdir (top);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (test_writer, NULL, NULL);
  g_test_add_func ("/store/blobs/truncated-file-rewritten", test_truncated_file_rewritten);
  g_test_add_func ("/store/blobs/corrupt-file-refused", test_corrupt_file_refused);
  g_test_add_func ("/store/blobs/gc", test_gc);
  g_test_add_func ("/store/blobs/gc-concurrent-upload", test_gc_concurrent_upload);
  g_test_add_func ("/store/blobs/gc-background", test_gc_background);
  g_test_add_func ("/store/blobs/modes", test_modes);
  return g_test_run ();
}
