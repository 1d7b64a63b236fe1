/* bz-blob-store.c — content-addressed blobs under DATA_DIR/blobs/sha256/. */
#include "bz-blob-store.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bz-error.h"

#define BLOB_FILE_MODE 0600
#define BLOB_DIR_MODE  0700
#define TMP_PREFIX     ".tmp-"
#define HASH_TAIL_LEN  62   /* file names are the SHA-256 without its first two digits */

char *
bz_sha256_hex (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static gboolean
is_lower_hex (const char *s, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isxdigit (s[i]) || g_ascii_isupper (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_hex_sha256 (const char *s)
{
  return s != NULL && strlen (s) == 64 && is_lower_hex (s, 64);
}

char *
bz_blob_path_in (const char *blobs_dir, const char *sha256)
{
  char prefix[3] = { sha256[0], sha256[1], 0 };
  return g_build_filename (blobs_dir, "sha256", prefix, sha256 + 2, NULL);
}

char *
bz_blob_path (BzStore *store, const char *sha256)
{
  g_autofree char *blobs_dir = g_build_filename (bz_store_get_data_dir (store), "blobs", NULL);
  return bz_blob_path_in (blobs_dir, sha256);
}

/* @format: "… %s: %s" with the path, then strerror.  Only the messages the
 * GUI may show are translated; the server never shows these to clients. */
static gboolean
set_errno_error (GError **error, int saved, const char *format, const char *path)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), format, path, g_strerror (saved));
#pragma GCC diagnostic pop
  return FALSE;
}

/* fsync() a directory so that the entries created, renamed or removed in it
 * survive a power cut.  File systems that cannot fsync a directory (EINVAL)
 * give no stronger promise anyway. */
static gboolean
fsync_dir (const char *dir, GError **error)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int rc;
  if (fd < 0)
    {
      int saved = errno;
      return set_errno_error (error, saved, _("Cannot open %s: %s"), dir);
    }
  do
    rc = fsync (fd);
  while (rc != 0 && errno == EINTR);
  if (rc != 0 && errno != EINVAL && errno != ENOTSUP)
    {
      int saved = errno;
      close (fd);
      return set_errno_error (error, saved, "Cannot sync %s: %s", dir);
    }
  close (fd);
  return TRUE;
}

/* mkdir @path 0700 if missing (mode set explicitly: the umask may be odd),
 * making the new entry durable in its parent. */
static gboolean
ensure_dir (const char *path, GError **error)
{
  if (mkdir (path, BLOB_DIR_MODE) == 0)
    {
      g_autofree char *parent = g_path_get_dirname (path);
      if (chmod (path, BLOB_DIR_MODE) != 0)
        return set_errno_error (error, errno, "Cannot change the mode of %s: %s", path);
      return fsync_dir (parent, error);
    }
  if (errno != EEXIST)
    {
      int saved = errno;
      return set_errno_error (error, saved, _("Cannot create %s: %s"), path);
    }
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return set_errno_error (error, ENOTDIR, _("Cannot create %s: %s"), path);
  return TRUE;
}

static gboolean
write_all (int fd, const char *data, gsize len)
{
  while (len > 0)
    {
      ssize_t n = write (fd, data, MIN (len, (gsize) G_MAXSSIZE));
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = EIO;
          return FALSE;
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

/* Temporary file in @dir, O_CREAT|O_EXCL, mode 0600 whatever the umask. */
static int
open_temp (const char *dir, const char *tail, char **out_path)
{
  for (int attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (TMP_PREFIX "%.8s-%08x", tail, g_random_int ());
      g_autofree char *path = g_build_filename (dir, name, NULL);
      int fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, BLOB_FILE_MODE);
      if (fd >= 0)
        {
          if (fchmod (fd, BLOB_FILE_MODE) != 0)
            {
              int saved = errno;
              close (fd);
              g_unlink (path);
              errno = saved;
              return -1;
            }
          *out_path = g_steal_pointer (&path);
          return fd;
        }
      if (errno != EEXIST)
        return -1;
    }
  errno = EEXIST;
  return -1;
}

/* temp file → write → fsync → close → rename over @path → fsync @dir. */
static gboolean
write_atomically (const char *dir, const char *path, const char *data, gsize len, GError **error)
{
  g_autofree char *tmp = NULL;
  const char *base = strrchr (path, G_DIR_SEPARATOR);
  int fd = open_temp (dir, base ? base + 1 : path, &tmp);
  int saved;

  if (fd < 0)
    {
      saved = errno;
      return set_errno_error (error, saved, _("Cannot create %s: %s"), dir);
    }
  if (!write_all (fd, data, len) || fsync (fd) != 0)
    {
      saved = errno;
      close (fd);
      g_unlink (tmp);
      return set_errno_error (error, saved, "Cannot write %s: %s", tmp);
    }
  if (close (fd) != 0)
    {
      saved = errno;
      g_unlink (tmp);
      return set_errno_error (error, saved, "Cannot write %s: %s", tmp);
    }
  if (rename (tmp, path) != 0)
    {
      saved = errno;
      g_unlink (tmp);
      return set_errno_error (error, saved, "Cannot rename %s: %s", tmp);
    }
  return fsync_dir (dir, error);
}

typedef enum { FILE_ABSENT, FILE_MATCHES, FILE_DIFFERS } FileState;

/* Compares the file at @path with @data without loading it whole: size first,
 * then 64 KiB at a time.  Byte equality with the content that hashes to the
 * file's name is the SHA-256 check, without hashing.  A matching file gets a
 * fresh mtime (the collector's grace restarts) and mode 0600. */
static FileState
check_existing (const char *path, const char *data, gsize len)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  struct stat st;
  FileState state = FILE_DIFFERS;
  g_autofree char *buf = NULL;
  gsize off = 0;

  if (fd < 0)
    return errno == ENOENT ? FILE_ABSENT : FILE_DIFFERS;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || (guint64) st.st_size != len)
    goto out;
  buf = g_malloc (64 * 1024);
  while (off < len)
    {
      ssize_t n = read (fd, buf, MIN (64 * 1024, len - off));
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0 || memcmp (buf, data + off, n) != 0)
        goto out;
      off += n;
    }
  state = FILE_MATCHES;
  if (futimens (fd, NULL) != 0)
    g_debug ("Cannot touch %s: %s", path, g_strerror (errno));
  if ((st.st_mode & 07777) != BLOB_FILE_MODE)
    fchmod (fd, BLOB_FILE_MODE);
out:
  close (fd);
  return state;
}

static gboolean
store_file (BzStore *store, const char *hash, GBytes *bytes, GError **error)
{
  g_autofree char *path = bz_blob_path (store, hash);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *sha_dir = g_path_get_dirname (dir);
  g_autofree char *blobs_dir = g_path_get_dirname (sha_dir);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  FileState state;

  if (data == NULL)
    data = "";
  state = check_existing (path, data, len);
  if (state == FILE_MATCHES)
    return TRUE;
  if (state == FILE_DIFFERS)
    g_warning ("Blob %s on disk does not match its hash; rewriting it", hash);
  if (!ensure_dir (blobs_dir, error) || !ensure_dir (sha_dir, error) || !ensure_dir (dir, error))
    return FALSE;
  return write_atomically (dir, path, data, len, error);
}

gboolean
bz_blob_put (BzStore *store, GBytes *bytes, const char *mime_type, char **out_sha256, GError **error)
{
  g_autofree char *hash = NULL;
  sqlite3 *db;
  gboolean own_txn;

  g_return_val_if_fail (BZ_IS_STORE (store), FALSE);
  g_return_val_if_fail (bytes != NULL && mime_type != NULL, FALSE);

  hash = bz_sha256_hex (bytes);
  db = bz_store_db (store);
  own_txn = sqlite3_get_autocommit (db);
  if (own_txn && !bz_db_begin (db, error))
    return FALSE;

  /* The row first: inserting takes SQLite's write lock even in a deferred
   * transaction, so the file work below never overlaps a garbage-collection
   * step (which holds the same lock).  Nobody sees the row before COMMIT, and
   * COMMIT comes after the file is durable. */
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "INSERT INTO blobs (sha256, size_bytes, mime_type, created_at) "
        "VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ','now')) ON CONFLICT(sha256) DO NOTHING", error);
    if (!st)
      goto fail;
    sqlite3_bind_text (st, 1, hash, -1, SQLITE_STATIC);
    sqlite3_bind_int64 (st, 2, g_bytes_get_size (bytes));
    sqlite3_bind_text (st, 3, mime_type, -1, SQLITE_STATIC);
    if (!bz_db_step_done (st, error))
      goto fail;
  }
  if (!store_file (store, hash, bytes, error))
    goto fail;
  if (own_txn && !bz_db_commit (db, error))
    goto fail;

  if (out_sha256)
    *out_sha256 = g_steal_pointer (&hash);
  return TRUE;

fail:
  if (own_txn)
    bz_db_rollback (db);
  return FALSE;
}

GBytes *
bz_blob_get (BzStore *store, const char *sha256, char **out_mime_type, GError **error)
{
  g_autofree char *path = NULL, *actual = NULL;
  g_autoptr(sqlite3_stmt) st = NULL;
  g_autoptr(GError) local = NULL;
  char *contents = NULL;
  gsize len = 0;
  gint64 size;

  if (!is_hex_sha256 (sha256))
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "No such blob");
      return NULL;
    }
  st = bz_db_prepare (bz_store_db (store), "SELECT mime_type, size_bytes FROM blobs WHERE sha256 = ?", error);
  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, sha256, -1, SQLITE_STATIC);
  if (sqlite3_step (st) != SQLITE_ROW)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "No such blob");
      return NULL;
    }
  size = sqlite3_column_int64 (st, 1);
  path = bz_blob_path (store, sha256);
  if (!g_file_get_contents (path, &contents, &len, &local))
    {
      g_warning ("Blob %s is recorded but cannot be read: %s", sha256, local->message);
      g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "Blob %s is missing or unreadable", sha256);
      return NULL;
    }
  actual = (gint64) len == size ? g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len) : NULL;
  if (actual == NULL || strcmp (actual, sha256) != 0)
    {
      g_warning ("Blob %s is corrupt on disk (%" G_GSIZE_FORMAT " bytes, %" G_GINT64_FORMAT " expected); not serving it",
                 sha256, len, size);
      g_free (contents);
      g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "Blob %s is corrupt", sha256);
      return NULL;
    }
  if (out_mime_type)
    *out_mime_type = bz_db_column_text_dup (st, 0);
  return g_bytes_new_take (contents, len);
}

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
  return set_errno_error (error, errno, "Cannot remove %s: %s", path);
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
      gboolean is_final = n == HASH_TAIL_LEN && is_lower_hex (name, n);
      gboolean is_temp = g_str_has_prefix (name, TMP_PREFIX) ||
                         (n > HASH_TAIL_LEN && is_lower_hex (name, HASH_TAIL_LEN) && name[HASH_TAIL_LEN] == '.');

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
      if (strlen (name) != 2 || !is_lower_hex (name, 2) || lstat (prefix_dir, &sb) != 0 || !S_ISDIR (sb.st_mode))
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
    if (is_hex_sha256 (hashes[i]))
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

      if (!is_hex_sha256 (hash))
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
      g_autofree char *path = is_hex_sha256 (hash) ? bz_blob_path (gc->store, hash) : NULL;
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
              set_errno_error (error, errno, "Cannot remove %s: %s", path);
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
