/* bz-blob-store.c — content-addressed blobs under DATA_DIR/blobs/sha256/. */
#include "bz-blob-store.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bz-blob-store-private.h"
#include "bz-store-crypt.h"
#include "bz-error.h"


char *
bz_sha256_hex (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

gboolean
bz_blob_is_lower_hex (const char *s, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isxdigit (s[i]) || g_ascii_isupper (s[i]))
      return FALSE;
  return TRUE;
}

gboolean
bz_blob_is_hex_sha256 (const char *s)
{
  return s != NULL && strlen (s) == 64 && bz_blob_is_lower_hex (s, 64);
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
gboolean
bz_blob_set_errno_error (GError **error, int saved, const char *format, const char *path)
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
      return bz_blob_set_errno_error (error, saved, _("Cannot open %s: %s"), dir);
    }
  do
    rc = fsync (fd);
  while (rc != 0 && errno == EINTR);
  if (rc != 0 && errno != EINVAL && errno != ENOTSUP)
    {
      int saved = errno;
      close (fd);
      return bz_blob_set_errno_error (error, saved, "Cannot sync %s: %s", dir);
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
        return bz_blob_set_errno_error (error, errno, "Cannot change the mode of %s: %s", path);
      return fsync_dir (parent, error);
    }
  if (errno != EEXIST)
    {
      int saved = errno;
      return bz_blob_set_errno_error (error, saved, _("Cannot create %s: %s"), path);
    }
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return bz_blob_set_errno_error (error, ENOTDIR, _("Cannot create %s: %s"), path);
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
      return bz_blob_set_errno_error (error, saved, _("Cannot create %s: %s"), dir);
    }
  if (!write_all (fd, data, len) || fsync (fd) != 0)
    {
      saved = errno;
      close (fd);
      g_unlink (tmp);
      return bz_blob_set_errno_error (error, saved, "Cannot write %s: %s", tmp);
    }
  if (close (fd) != 0)
    {
      saved = errno;
      g_unlink (tmp);
      return bz_blob_set_errno_error (error, saved, "Cannot write %s: %s", tmp);
    }
  if (rename (tmp, path) != 0)
    {
      saved = errno;
      g_unlink (tmp);
      return bz_blob_set_errno_error (error, saved, "Cannot rename %s: %s", tmp);
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

/* @legacy: the file is known to hold the plaintext (bz_blob_seal_plaintext_files()). */
static gboolean
store_file (BzStore *store, const char *hash, GBytes *bytes, gboolean legacy, GError **error)
{
  g_autofree char *path = bz_blob_path (store, hash);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *sha_dir = g_path_get_dirname (dir);
  g_autofree char *blobs_dir = g_path_get_dirname (sha_dir);
  /* The file holds the sealed bytes (bz-crypt.h): deterministic for the
   * content, so an existing file is still compared byte for byte. */
  g_autoptr(GBytes) sealed = bz_crypt_seal_blob (bz_store_get_crypt (store), hash, bytes);
  gsize len;
  const char *data = g_bytes_get_data (sealed, &len);
  FileState state;

  state = check_existing (path, data, len);
  if (state == FILE_MATCHES)
    return TRUE;
  if (state == FILE_DIFFERS && !legacy)
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
  if (!store_file (store, hash, bytes, FALSE, error))
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

  if (!bz_blob_is_hex_sha256 (sha256))
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
  if (bz_crypt_is_sealed_blob ((const guint8 *) contents, len))
    {
      /* A tag that does not verify is a wrong key or a damaged file: never served. */
      g_autoptr(GBytes) plain = bz_crypt_open_blob (bz_store_get_crypt (store), sha256, (const guint8 *) contents,
                                                    len, &local);
      g_free (contents);
      contents = NULL;
      len = 0;
      if (plain == NULL)
        {
          g_warning ("%s", local->message);
          g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "Blob %s does not decrypt", sha256);
          return NULL;
        }
      contents = g_bytes_unref_to_data (g_steal_pointer (&plain), &len);
    }
  /* else a plaintext file from before encryption (bz_blob_seal_plaintext_files()
   * seals those at open): checked by its hash all the same. */
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


gboolean
bz_blob_seal_plaintext_files (BzStore *store, guint *out_sealed, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  guint sealed = 0;

  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "SELECT sha256 FROM blobs ORDER BY sha256", error);
    int rc;
    if (!st)
      return FALSE;
    while ((rc = sqlite3_step (st)) == SQLITE_ROW)
      g_ptr_array_add (hashes, bz_db_column_text_dup (st, 0));
    if (rc != SQLITE_DONE)
      {
        bz_db_set_error (db, rc, error);
        return FALSE;
      }
  }
  for (guint i = 0; i < hashes->len; i++)
    {
      const char *hash = g_ptr_array_index (hashes, i);
      g_autofree char *path = NULL, *contents = NULL, *actual = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize len = 0;

      if (!bz_blob_is_hex_sha256 (hash))
        continue;
      path = bz_blob_path (store, hash);
      if (!g_file_get_contents (path, &contents, &len, NULL) || bz_crypt_is_sealed_blob ((const guint8 *) contents, len))
        continue;   /* missing (the collector's business) or sealed already */
      actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
      if (g_strcmp0 (actual, hash) != 0)
        continue;   /* damaged: bz_blob_get() refuses it, a new upload rewrites it */
      bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
      /* Under the write lock, as bz_blob_put(): the collector is kept away. */
      if (!bz_db_begin (db, error))
        return FALSE;
      if (!store_file (store, hash, bytes, TRUE, error))
        {
          bz_db_rollback (db);
          return FALSE;
        }
      if (!bz_db_commit (db, error))
        return FALSE;
      sealed++;
    }
  if (out_sealed)
    *out_sealed = sealed;
  return TRUE;
}
