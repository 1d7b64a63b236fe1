/* bz-blob-store.c — content-addressed blobs under DATA_DIR/blobs/sha256/. */
#include "bz-blob-store.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "bz-error.h"

#include <glib/gi18n.h>

char *
bz_sha256_hex (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static gboolean
is_hex_sha256 (const char *s)
{
  if (s == NULL || strlen (s) != 64)
    return FALSE;
  for (const char *p = s; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

char *
bz_blob_path (BzStore *store, const char *sha256)
{
  char prefix[3] = { sha256[0], sha256[1], 0 };
  return g_build_filename (bz_store_get_data_dir (store), "blobs", "sha256", prefix, sha256 + 2, NULL);
}

gboolean
bz_blob_put (BzStore *store, GBytes *bytes, const char *mime_type, char **out_sha256, GError **error)
{
  g_autofree char *hash = bz_sha256_hex (bytes);
  g_autofree char *path = bz_blob_path (store, hash);
  g_autofree char *dir = g_path_get_dirname (path);
  sqlite3 *db = bz_store_db (store);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      gsize len;
      const char *data = g_bytes_get_data (bytes, &len);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot create %s: %s"), dir, g_strerror (saved));
          return FALSE;
        }
      if (!g_file_set_contents_full (path, data ? data : "", len, G_FILE_SET_CONTENTS_DURABLE, 0600, error))
        return FALSE;
    }

  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "INSERT INTO blobs (sha256, size_bytes, mime_type, created_at) "
        "VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ','now')) ON CONFLICT(sha256) DO NOTHING", error);
    if (!st)
      return FALSE;
    sqlite3_bind_text (st, 1, hash, -1, SQLITE_STATIC);
    sqlite3_bind_int64 (st, 2, g_bytes_get_size (bytes));
    sqlite3_bind_text (st, 3, mime_type, -1, SQLITE_STATIC);
    if (!bz_db_step_done (st, error))
      return FALSE;
  }
  if (out_sha256)
    *out_sha256 = g_steal_pointer (&hash);
  return TRUE;
}

GBytes *
bz_blob_get (BzStore *store, const char *sha256, char **out_mime_type, GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(sqlite3_stmt) st = NULL;
  char *contents = NULL;
  gsize len = 0;

  if (!is_hex_sha256 (sha256))
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "No such blob");
      return NULL;
    }
  st = bz_db_prepare (bz_store_db (store), "SELECT mime_type FROM blobs WHERE sha256 = ?", error);
  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, sha256, -1, SQLITE_STATIC);
  if (sqlite3_step (st) != SQLITE_ROW)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "No such blob");
      return NULL;
    }
  path = bz_blob_path (store, sha256);
  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  if (out_mime_type)
    *out_mime_type = bz_db_column_text_dup (st, 0);
  return g_bytes_new_take (contents, len);
}
