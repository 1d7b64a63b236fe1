/* bz-store-files.c — the data dir's files and their modes (bz-store-files.h). */
#include "bz-store-files.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <gio/gio.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

static gboolean
set_mode_error (GError **error, int saved, const char *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
               "Cannot change the mode of %s: %s", path, g_strerror (saved));
  return FALSE;
}

/* chmod @path to @mode if it exists; a missing path is fine. */
static gboolean
chmod_if_exists (const char *path, mode_t mode, GError **error)
{
  if (chmod (path, mode) == 0 || errno == ENOENT)
    return TRUE;
  return set_mode_error (error, errno, path);
}

/* Creates balanza.db (empty: SQLite takes an empty file for a new database)
 * with mode 0600 before SQLite opens it, or resets an existing one to 0600.
 * SQLite creates -wal, -shm and -journal with the main file's mode (and
 * fchmods them to it, past the umask), so they follow. */
gboolean
bz_store_secure_db_files (const char *db_path, GError **error)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (db_path, "-journal", NULL);
  int fd = open (db_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot open %s: %s"), db_path, g_strerror (saved));
      return FALSE;
    }
  if (fchmod (fd, 0600) != 0)
    {
      int saved = errno;
      close (fd);
      return set_mode_error (error, saved, db_path);
    }
  close (fd);
  return chmod_if_exists (wal, 0600, error) &&
         chmod_if_exists (shm, 0600, error) &&
         chmod_if_exists (journal, 0600, error);
}

/* The data dir 0700 even if it already existed 0755; the blob directories
 * too (their subdirectories and files are reset by the blob collector). */
gboolean
bz_store_secure_data_dir (const char *data_dir, GError **error)
{
  g_autofree char *blobs = g_build_filename (data_dir, "blobs", NULL);
  g_autofree char *sha = g_build_filename (blobs, "sha256", NULL);

  if (chmod (data_dir, 0700) != 0)
    return set_mode_error (error, errno, data_dir);
  return chmod_if_exists (blobs, 0700, error) && chmod_if_exists (sha, 0700, error);
}

GBytes *
bz_store_load_secret (const char *data_dir, GError **error)
{
  g_autofree char *path = g_build_filename (data_dir, "secret.key", NULL);
  char *contents = NULL;
  gsize len = 0;

  if (g_file_get_contents (path, &contents, &len, NULL) && len == 32)
    {
      if (chmod (path, 0600) != 0)  /* written 0644 by an older version or by hand */
        {
          g_free (contents);
          set_mode_error (error, errno, path);
          return NULL;
        }
      return g_bytes_new_take (contents, len);
    }
  g_free (contents);

  guint8 key[32];
  randombytes_buf (key, sizeof key);
  if (!g_file_set_contents_full (path, (const char *) key, sizeof key,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;
  if (chmod (path, 0600) != 0)  /* the umask may have taken bits from 0600 */
    {
      set_mode_error (error, errno, path);
      return NULL;
    }
  return g_bytes_new (key, sizeof key);
}
