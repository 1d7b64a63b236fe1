/* bz-store-backup.c — bz_store_backup() (bz-store-backup.h). */
#include "bz-store-backup.h"

#include "bz-blob-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bz-blob-store.h"
#include "bz-crypt.h"
#include "bz-error.h"

/* How long a step waits for a lock before trying again, and how many times:
 * sqlite3_backup_step() needs a read lock only, so this is a checkpoint in
 * TRUNCATE mode or an exclusive writer: seconds at most. */
#define BACKUP_RETRY_MS 100
#define BACKUP_RETRIES  300

static gboolean
io_error (GError **error, int saved, const char *what, const char *path)
{
  g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "%s %s: %s", what, path, g_strerror (saved));
  return FALSE;
}

/* Wipes and frees a key read from its file. */
static void
wipe_key (char *key, gsize len)
{
  if (key)
    sodium_memzero (key, len);
  g_free (key);
}

/* Removes @path (a file, or a directory and everything under it). */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir)
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_tree (child);
      }
  g_remove (path);
}

/* The database: one read snapshot of @src_path copied to @tmp, checked,
 * made standalone. */
static gboolean
copy_database (const char *src_path, const char *tmp, int *out_version, GError **error)
{
  sqlite3 *src = NULL, *dst = NULL;
  sqlite3_backup *b;
  gboolean ok = FALSE;
  int rc, fd;

  /* Created 0600 before SQLite opens it (as bz_store_open() does). */
  fd = open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    return io_error (error, errno, "Cannot create", tmp);
  close (fd);

  if (sqlite3_open_v2 (src_path, &src, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      bz_db_set_error (src, sqlite3_errcode (src), error);
      goto out;
    }
  sqlite3_busy_timeout (src, 5000);
  if (sqlite3_open_v2 (tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      bz_db_set_error (dst, sqlite3_errcode (dst), error);
      goto out;
    }
  b = sqlite3_backup_init (dst, "main", src, "main");
  if (b == NULL)
    {
      bz_db_set_error (dst, sqlite3_errcode (dst), error);
      goto out;
    }
  /* -1: every page in one step, under one read transaction of the source. */
  for (int tries = 0;; tries++)
    {
      rc = sqlite3_backup_step (b, -1);
      if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || tries >= BACKUP_RETRIES)
        break;
      sqlite3_sleep (BACKUP_RETRY_MS);
    }
  sqlite3_backup_finish (b);
  if (rc != SQLITE_DONE)
    {
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        g_set_error (error, BZ_ERROR, BZ_ERROR_UNAVAILABLE, "The database stayed locked: try again");
      else
        bz_db_set_error (dst, rc, error);
      goto out;
    }
  if (!bz_db_exec (dst, "PRAGMA journal_mode = DELETE", error))
    goto out;
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (dst, "PRAGMA quick_check", error);
    if (st == NULL)
      goto out;
    if (sqlite3_step (st) != SQLITE_ROW || g_strcmp0 ((const char *) sqlite3_column_text (st, 0), "ok") != 0)
      {
        g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "The copy failed its integrity check: %s",
                     sqlite3_column_text (st, 0) ? (const char *) sqlite3_column_text (st, 0) : "?");
        goto out;
      }
  }
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (dst, "PRAGMA user_version", error);
    int rc;
    if (st == NULL)
      goto out;
    if ((rc = sqlite3_step (st)) != SQLITE_ROW)
      {
        bz_db_set_error (dst, rc, error);
        goto out;
      }
    *out_version = sqlite3_column_int (st, 0);
  }
  ok = TRUE;

out:
  bz_db_close (src);
  bz_db_close (dst);
  return ok;
}

/* One blob: read, verified against its name, written 0600 under @blobs_tmp. */
static gboolean
copy_blob (const char *data_blobs, const char *blobs_tmp, const char *sha256, BzCrypt *crypt,
           BzBackupStats *stats, GError **error)
{
  g_autofree char *from = bz_blob_path_in (data_blobs, sha256);
  g_autofree char *to = bz_blob_path_in (blobs_tmp, sha256);
  g_autofree char *dir = g_path_get_dirname (to);
  g_autofree char *contents = NULL, *hash = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len = 0;

  if (!g_file_get_contents (from, &contents, &len, NULL))
    {
      g_warning ("Backup: blob %s is missing from %s", sha256, data_blobs);
      stats->blobs_missing++;
      return TRUE;
    }
  /* A sealed file (bz-crypt.h) is copied sealed, checked through its plaintext. */
  if (crypt && bz_crypt_is_sealed_blob ((const guint8 *) contents, len))
    bytes = bz_crypt_open_blob (crypt, sha256, (const guint8 *) contents, len, NULL);
  else
    bytes = g_bytes_new_static (contents, len);
  hash = bytes ? bz_sha256_hex (bytes) : NULL;
  if (g_strcmp0 (hash, sha256) != 0)
    {
      g_warning ("Backup: blob %s does not hash to its name; not copied", sha256);
      stats->blobs_missing++;
      return TRUE;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return io_error (error, errno, "Cannot create", dir);
  if (!g_file_set_contents_full (to, contents, len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  stats->blobs++;
  stats->blob_bytes += len;
  return TRUE;
}

/* The blobs the copy @db_path names. */
static gboolean
copy_blobs (const char *db_path, const char *data_dir, const char *blobs_tmp, BzCrypt *crypt, BzBackupStats *stats,
            GError **error)
{
  g_autofree char *data_blobs = g_build_filename (data_dir, "blobs", NULL);
  sqlite3 *db = NULL;
  gboolean ok = FALSE;

  if (g_mkdir_with_parents (blobs_tmp, 0700) != 0)
    return io_error (error, errno, "Cannot create", blobs_tmp);
  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      bz_db_set_error (db, sqlite3_errcode (db), error);
      bz_db_close (db);
      return FALSE;
    }
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "SELECT sha256 FROM blobs ORDER BY sha256", error);
    int rc = SQLITE_DONE;
    if (st == NULL)
      goto out;
    while ((rc = sqlite3_step (st)) == SQLITE_ROW)
      {
        const char *sha = (const char *) sqlite3_column_text (st, 0);
        if (!bz_blob_is_hex_sha256 (sha))
          {
            stats->blobs_missing++;
            continue;
          }
        if (!copy_blob (data_blobs, blobs_tmp, sha, crypt, stats, error))
          goto out;
      }
    if (rc != SQLITE_DONE)
      {
        bz_db_set_error (db, rc, error);
        goto out;
      }
  }
  ok = TRUE;
out:
  bz_db_close (db);
  return ok;
}

gboolean
bz_store_backup (const char *data_dir, const char *dest, BzBackupStats *out, GError **error)
{
  g_autofree char *src_path = NULL, *blobs_dest = NULL, *db_tmp = NULL, *blobs_tmp = NULL;
  g_autofree char *key_path = NULL, *key_dest = NULL;
  char *key_bytes = NULL;
  gsize key_len = 0;
  BzCrypt *crypt = NULL;
  BzBackupStats stats = { 0 };
  GStatBuf sb;

  g_return_val_if_fail (data_dir != NULL && dest != NULL, FALSE);
  src_path = g_build_filename (data_dir, "balanza.db", NULL);
  blobs_dest = g_strconcat (dest, ".blobs", NULL);
  if (g_stat (src_path, &sb) != 0)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "No database at %s", src_path);
      return FALSE;
    }
  if (g_lstat (dest, &sb) == 0 || g_lstat (blobs_dest, &sb) == 0)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_CONFLICT, "%s or %s already exists: choose another name",
                   dest, blobs_dest);
      return FALSE;
    }
  /* The encryption key (bz-crypt.h), when the data directory has one: the
   * backup is useless without it, so it is written beside as FILE.key. */
  key_path = bz_crypt_key_path (data_dir);
  key_dest = g_strconcat (dest, ".key", NULL);
  if (g_lstat (key_dest, &sb) == 0)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_CONFLICT, "%s already exists: choose another name", key_dest);
      return FALSE;
    }
  if (g_file_test (key_path, G_FILE_TEST_EXISTS))
    {
      crypt = bz_crypt_load (key_path, FALSE, error);
      if (crypt == NULL || !g_file_get_contents (key_path, &key_bytes, &key_len, error))
        {
          bz_crypt_free (crypt);
          return FALSE;
        }
    }
  db_tmp = g_strdup_printf ("%s.partial-%d", dest, (int) getpid ());
  blobs_tmp = g_strdup_printf ("%s.partial-%d", blobs_dest, (int) getpid ());
  if (!copy_database (src_path, db_tmp, &stats.schema_version, error) ||
      !copy_blobs (db_tmp, data_dir, blobs_tmp, crypt, &stats, error))
    goto fail;
  if (key_bytes && !g_file_set_contents_full (key_dest, key_bytes, key_len, G_FILE_SET_CONTENTS_CONSISTENT,
                                              0600, error))
    goto fail;
  if (g_rename (blobs_tmp, blobs_dest) != 0)
    {
      io_error (error, errno, "Cannot rename to", blobs_dest);
      goto fail;
    }
  if (g_rename (db_tmp, dest) != 0)
    {
      io_error (error, errno, "Cannot rename to", dest);
      remove_tree (blobs_dest);
      goto fail;
    }
  if (g_stat (dest, &sb) == 0)
    stats.db_bytes = sb.st_size;
  stats.key_copied = key_bytes != NULL;
  if (out)
    *out = stats;
  wipe_key (key_bytes, key_len);
  bz_crypt_free (crypt);
  return TRUE;

fail:
  wipe_key (key_bytes, key_len);
  bz_crypt_free (crypt);
  if (key_dest && key_bytes)
    g_remove (key_dest);
  remove_tree (db_tmp);
  {
    g_autofree char *journal = g_strconcat (db_tmp, "-journal", NULL);
    g_remove (journal);
  }
  remove_tree (blobs_tmp);
  return FALSE;
}
