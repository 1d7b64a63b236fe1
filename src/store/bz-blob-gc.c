/* bz-blob-gc.c — the blob store's garbage collection (bz_blob_collect_garbage(),
 * the background collector) and the right to cancellation's erasure
 * (bz_blob_erase_unreferenced(), bz_blob_unlink_unreferenced()); split from
 * bz-blob-store.c, which writes and reads the files. */
#include "bz-blob-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bz-error.h"
#include "bz-store.h"

/* --- Garbage collection ------------------------------------------------------ */

#define GC_BATCH 32

typedef struct
{
  BzStore *store;
  sqlite3 *db;
  gint64 cutoff;          /* unix seconds: older (<=) than this is past the grace */
  const gint *stop;       /* (atomic) set by bz_blob_gc_stop() */
  guint removed;
  GPtrArray *candidates;  /* full hashes of old final files */
} Gc;

static gboolean
gc_stopping (Gc *gc)
{
  return gc->stop && g_atomic_int_get (gc->stop);
}

static void
fix_mode (const char *path, const struct stat *st, mode_t mode)
{
  if ((st->st_mode & 07777) != mode && chmod (path, mode) != 0)
    g_debug ("Cannot change the mode of %s: %s", path, g_strerror (errno));
}

static gboolean
unlink_counted (Gc *gc, const char *path, GError **error)
{
  if (g_unlink (path) == 0)
    {
      gc->removed++;
      return TRUE;
    }
  if (errno == ENOENT)
    return TRUE;
  return bz_blob_set_errno_error (error, errno, "Cannot remove %s: %s", path);
}

/* Under the write lock: no bz_blob_put() is between its row and its COMMIT,
 * so "no row" really means no row, and a put that reused this file since the
 * walk has refreshed its mtime. */
static gboolean
gc_orphan_batch (Gc *gc, guint from, guint to, GError **error)
{
  g_autoptr(sqlite3_stmt) st = NULL;
  gboolean ok = TRUE;

  if (!bz_db_begin (gc->db, error))
    return FALSE;
  st = bz_db_prepare (gc->db, "SELECT 1 FROM blobs WHERE sha256 = ?", error);
  if (!st)
    ok = FALSE;
  for (guint i = from; ok && i < to; i++)
    {
      const char *hash = g_ptr_array_index (gc->candidates, i);
      g_autofree char *path = bz_blob_path (gc->store, hash);
      struct stat sb;
      int rc;

      sqlite3_reset (st);
      sqlite3_bind_text (st, 1, hash, -1, SQLITE_STATIC);
      rc = sqlite3_step (st);
      if (rc == SQLITE_ROW)
        continue;
      if (rc != SQLITE_DONE)
        {
          bz_db_set_error (gc->db, rc, error);
          ok = FALSE;
          break;
        }
      if (lstat (path, &sb) != 0 || !S_ISREG (sb.st_mode) || sb.st_mtime > gc->cutoff)
        continue;
      ok = unlink_counted (gc, path, error);
    }
  g_clear_pointer (&st, bz_db_stmt_release);
  bz_db_rollback (gc->db); /* read-only: ending it is all that is needed */
  return ok;
}

static gboolean
gc_walk_prefix (Gc *gc, const char *prefix_dir, const char *prefix, GError **error)
{
  g_autoptr(GDir) d = g_dir_open (prefix_dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return TRUE; /* vanished or unreadable: nothing to collect here */
  while ((name = g_dir_read_name (d)) && !gc_stopping (gc))
    {
      g_autofree char *path = g_build_filename (prefix_dir, name, NULL);
      gsize n = strlen (name);
      struct stat sb;
      gboolean is_final = n == HASH_TAIL_LEN && bz_blob_is_lower_hex (name, n);
      gboolean is_temp = g_str_has_prefix (name, TMP_PREFIX) ||
                         (n > HASH_TAIL_LEN && bz_blob_is_lower_hex (name, HASH_TAIL_LEN) && name[HASH_TAIL_LEN] == '.');

      if ((!is_final && !is_temp) || lstat (path, &sb) != 0 || !S_ISREG (sb.st_mode))
        continue;
      if (is_temp)
        {
          /* A temp file belongs to no row; young ones may be a put in progress. */
          if (sb.st_mtime <= gc->cutoff && !unlink_counted (gc, path, error))
            return FALSE;
          continue;
        }
      fix_mode (path, &sb, BLOB_FILE_MODE);
      if (sb.st_mtime <= gc->cutoff)
        g_ptr_array_add (gc->candidates, g_strconcat (prefix, name, NULL));
    }
  return TRUE;
}

/* Files under blobs/sha256/ without a row, and temporary leftovers. */
static gboolean
gc_files (Gc *gc, GError **error)
{
  g_autofree char *blobs_dir = g_build_filename (bz_store_get_data_dir (gc->store), "blobs", NULL);
  g_autofree char *sha_dir = g_build_filename (blobs_dir, "sha256", NULL);
  g_autoptr(GDir) d = NULL;
  const char *name;
  struct stat sb;

  if (lstat (blobs_dir, &sb) == 0 && S_ISDIR (sb.st_mode))
    fix_mode (blobs_dir, &sb, BLOB_DIR_MODE);
  if (lstat (sha_dir, &sb) != 0 || !S_ISDIR (sb.st_mode))
    return TRUE; /* no blob yet */
  fix_mode (sha_dir, &sb, BLOB_DIR_MODE);
  d = g_dir_open (sha_dir, 0, NULL);
  if (d == NULL)
    return TRUE;
  while ((name = g_dir_read_name (d)) && !gc_stopping (gc))
    {
      g_autofree char *prefix_dir = g_build_filename (sha_dir, name, NULL);
      if (strlen (name) != 2 || !bz_blob_is_lower_hex (name, 2) || lstat (prefix_dir, &sb) != 0 || !S_ISDIR (sb.st_mode))
        continue;
      fix_mode (prefix_dir, &sb, BLOB_DIR_MODE);
      if (!gc_walk_prefix (gc, prefix_dir, name, error))
        return FALSE;
    }
  for (guint i = 0; i < gc->candidates->len && !gc_stopping (gc); i += GC_BATCH)
    if (!gc_orphan_batch (gc, i, MIN (i + GC_BATCH, gc->candidates->len), error))
      return FALSE;
  return TRUE;
}

/* "NOT IN (SELECT col FROM tbl WHERE col IS NOT NULL)" for every foreign key
 * that points at blobs, found in the schema so new tables are covered.  The
 * uncorrelated subqueries are materialised once each (no index needed). */
static char *
unreferenced_blobs_sql (sqlite3 *db, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f"
      " WHERE m.type = 'table' AND f.\"table\" = 'blobs' ORDER BY m.name, f.\"from\"", error);
  GString *sql;
  int rc;

  if (!st)
    return NULL;
  sql = g_string_new ("SELECT sha256 FROM blobs WHERE created_at <= ?");
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      char *clause = sqlite3_mprintf (" AND sha256 NOT IN (SELECT \"%w\" FROM \"%w\" WHERE \"%w\" IS NOT NULL)",
                                      (const char *) sqlite3_column_text (st, 1),
                                      (const char *) sqlite3_column_text (st, 0),
                                      (const char *) sqlite3_column_text (st, 1));
      g_string_append (sql, clause);
      sqlite3_free (clause);
    }
  if (rc != SQLITE_DONE)
    {
      bz_db_set_error (db, rc, error);
      g_string_free (sql, TRUE);
      return NULL;
    }
  return g_string_free (sql, FALSE);
}

gboolean
bz_blob_erase_unreferenced (BzStore *store, const char *const *hashes, guint n, GPtrArray **out_erased,
                            GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *sql = NULL, *full = NULL;
  g_autoptr(sqlite3_stmt) sel = NULL, del = NULL;
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_free);
  GString *ids = g_string_new ("[");
  g_autofree char *ids_json = NULL;
  int rc;

  for (guint i = 0; i < n; i++)
    if (bz_blob_is_hex_sha256 (hashes[i]))
      g_string_append_printf (ids, "%s\"%s\"", ids->len > 1 ? "," : "", hashes[i]);
  g_string_append_c (ids, ']');
  ids_json = g_string_free (ids, FALSE);
  if (!(sql = unreferenced_blobs_sql (db, error)))
    return FALSE;
  /* Any age: the caller's transaction has just dropped the last references. */
  full = g_strconcat (sql, " AND sha256 IN (SELECT value FROM json_each(?2))", NULL);
  if (!(sel = bz_db_prepare (db, full, error)) ||
      !(del = bz_db_prepare (db, "DELETE FROM blobs WHERE sha256 = ?", error)))
    return FALSE;
  sqlite3_bind_text (sel, 1, "9999-12-31T23:59:59Z", -1, SQLITE_STATIC);
  sqlite3_bind_text (sel, 2, ids_json, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (sel)) == SQLITE_ROW)
    g_ptr_array_add (doomed, bz_db_column_text_dup (sel, 0));
  if (rc != SQLITE_DONE)
    {
      bz_db_set_error (db, rc, error);
      return FALSE;
    }
  for (guint i = 0; i < doomed->len; i++)
    {
      sqlite3_reset (del);
      sqlite3_bind_text (del, 1, g_ptr_array_index (doomed, i), -1, SQLITE_STATIC);
      if (!bz_db_step_done (del, error))
        return FALSE;
    }
  if (out_erased)
    *out_erased = g_steal_pointer (&doomed);
  return TRUE;
}

guint
bz_blob_unlink_unreferenced (BzStore *store, GPtrArray *hashes)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = NULL;
  guint removed = 0;

  if (hashes == NULL || hashes->len == 0)
    return 0;
  /* Under the write lock, as gc_orphan_batch(): no bz_blob_put() is between
   * its row and its COMMIT, so "no row" means the file is nobody's. */
  if (!bz_db_begin (db, &error) || !(st = bz_db_prepare (db, "SELECT 1 FROM blobs WHERE sha256 = ?", &error)))
    {
      g_warning ("Blob store: erased files kept for the collector: %s", error->message);
      bz_db_rollback (db);
      return 0;
    }
  for (guint i = 0; i < hashes->len; i++)
    {
      const char *hash = g_ptr_array_index (hashes, i);
      g_autofree char *path = NULL;
      int rc;

      if (!bz_blob_is_hex_sha256 (hash))
        continue;
      sqlite3_reset (st);
      sqlite3_bind_text (st, 1, hash, -1, SQLITE_STATIC);
      if ((rc = sqlite3_step (st)) != SQLITE_DONE)
        continue;   /* a row again (a put reused it), or an error: keep the file */
      path = bz_blob_path (store, hash);
      if (g_unlink (path) == 0)
        removed++;
      else if (errno != ENOENT)
        g_warning ("Blob store: cannot remove %s: %s", path, g_strerror (errno));
    }
  g_clear_pointer (&st, bz_db_stmt_release);
  bz_db_rollback (db);   /* read-only: ending it is all that is needed */
  return removed;
}

/* Rows created before the grace that nothing references, and their files, in
 * one write transaction.  A row whose file was touched within the grace (a
 * put reused it) is kept: its uploader may be about to reference it.  A crash
 * between an unlink and COMMIT leaves an unreferenced row without a file,
 * which the next pass removes (and a put of that content rewrites the file). */
static gboolean
gc_rows (Gc *gc, GError **error)
{
  g_autofree char *sql = unreferenced_blobs_sql (gc->db, error);
  g_autoptr(GDateTime) cutoff_dt = g_date_time_new_from_unix_utc (gc->cutoff);
  g_autofree char *cutoff = g_date_time_format (cutoff_dt, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) sel = NULL, del = NULL;
  int rc;

  if (sql == NULL || !bz_db_begin (gc->db, error))
    return FALSE;
  if (!(sel = bz_db_prepare (gc->db, sql, error)) ||
      !(del = bz_db_prepare (gc->db, "DELETE FROM blobs WHERE sha256 = ?", error)))
    goto fail;
  sqlite3_bind_text (sel, 1, cutoff, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (sel)) == SQLITE_ROW)
    g_ptr_array_add (doomed, bz_db_column_text_dup (sel, 0));
  if (rc != SQLITE_DONE)
    {
      bz_db_set_error (gc->db, rc, error);
      goto fail;
    }
  for (guint i = 0; i < doomed->len; i++)
    {
      const char *hash = g_ptr_array_index (doomed, i);
      g_autofree char *path = bz_blob_is_hex_sha256 (hash) ? bz_blob_path (gc->store, hash) : NULL;
      struct stat sb;
      gboolean have_file = path && lstat (path, &sb) == 0;

      if (have_file && sb.st_mtime > gc->cutoff)
        continue;
      sqlite3_reset (del);
      sqlite3_bind_text (del, 1, hash, -1, SQLITE_STATIC);
      if (!bz_db_step_done (del, error))
        goto fail;
      if (have_file && S_ISREG (sb.st_mode))
        {
          if (g_unlink (path) != 0 && errno != ENOENT)
            {
              bz_blob_set_errno_error (error, errno, "Cannot remove %s: %s", path);
              goto fail;
            }
        }
      gc->removed++;
    }
  g_clear_pointer (&sel, bz_db_stmt_release);
  g_clear_pointer (&del, bz_db_stmt_release);
  if (!bz_db_commit (gc->db, error))
    goto fail;
  return TRUE;

fail:
  g_clear_pointer (&sel, bz_db_stmt_release);
  g_clear_pointer (&del, bz_db_stmt_release);
  bz_db_rollback (gc->db);
  return FALSE;
}

static gboolean
collect (BzStore *store, guint grace_seconds, const gint *stop, guint *out_removed, GError **error)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  Gc gc = {
    .store = store,
    .db = bz_store_db (store),
    .cutoff = g_get_real_time () / G_USEC_PER_SEC - grace_seconds,
    .stop = stop,
    .candidates = candidates,
  };
  gboolean ok;

  if (!sqlite3_get_autocommit (gc.db))
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_INTERNAL,
                           "bz_blob_collect_garbage() called inside a transaction");
      return FALSE;
    }
  ok = gc_files (&gc, error) && (gc_stopping (&gc) || gc_rows (&gc, error));
  if (out_removed)
    *out_removed = gc.removed;
  return ok;
}

gboolean
bz_blob_collect_garbage (BzStore *store, guint grace_seconds, guint *out_removed, GError **error)
{
  g_return_val_if_fail (BZ_IS_STORE (store), FALSE);
  return collect (store, grace_seconds, NULL, out_removed, error);
}

/* --- Background collector ---------------------------------------------------- */

struct _BzBlobGc
{
  BzStore *store;
  GThread *thread;
  GMutex lock;
  GCond cond;
  gint stop;      /* atomic, and under lock for the cond */
  gint passes;    /* atomic */
  guint interval_seconds;
  guint grace_seconds;
};

static gpointer
gc_thread (gpointer data)
{
  BzBlobGc *gc = data;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      guint removed = 0;
      gint64 deadline;

      if (!collect (gc->store, gc->grace_seconds, &gc->stop, &removed, &error))
        g_warning ("Blob garbage collection failed: %s", error->message);
      if (removed > 0)
        g_message ("Blob garbage collection removed %u orphan blob(s)", removed);
      g_atomic_int_inc (&gc->passes);

      deadline = g_get_monotonic_time () + (gint64) gc->interval_seconds * G_TIME_SPAN_SECOND;
      g_mutex_lock (&gc->lock);
      while (!g_atomic_int_get (&gc->stop))
        if (!g_cond_wait_until (&gc->cond, &gc->lock, deadline))
          break;
      g_mutex_unlock (&gc->lock);
      if (g_atomic_int_get (&gc->stop))
        break;
    }
  return NULL;
}

BzBlobGc *
bz_blob_gc_start_full (BzStore *store, guint interval_seconds, guint grace_seconds)
{
  BzBlobGc *gc;

  g_return_val_if_fail (BZ_IS_STORE (store), NULL);
  g_return_val_if_fail (interval_seconds > 0, NULL);

  gc = g_new0 (BzBlobGc, 1);
  gc->store = g_object_ref (store);
  gc->interval_seconds = interval_seconds;
  gc->grace_seconds = grace_seconds;
  g_mutex_init (&gc->lock);
  g_cond_init (&gc->cond);
  gc->thread = g_thread_new ("bz-blob-gc", gc_thread, gc);
  return gc;
}

BzBlobGc *
bz_blob_gc_start (BzStore *store)
{
  return bz_blob_gc_start_full (store, BZ_BLOB_GC_INTERVAL_SECONDS, BZ_BLOB_GC_GRACE_SECONDS);
}

guint
bz_blob_gc_get_passes (BzBlobGc *gc)
{
  return g_atomic_int_get (&gc->passes);
}

void
bz_blob_gc_stop (BzBlobGc *gc)
{
  if (gc == NULL)
    return;
  g_mutex_lock (&gc->lock);
  g_atomic_int_set (&gc->stop, 1);
  g_cond_broadcast (&gc->cond);
  g_mutex_unlock (&gc->lock);
  g_thread_join (gc->thread);
  g_object_unref (gc->store);
  g_mutex_clear (&gc->lock);
  g_cond_clear (&gc->cond);
  g_free (gc);
}
