/* bz-store-backup.h — an online, consistent copy of a data directory's
 * database and blobs (issue 9: "balanzad --backup FILE writes a consistent
 * online copy (SQLite backup API) with the blobs"; docs/backup.md).
 *
 * Layout: FILE is the database (a standalone SQLite file in rollback-journal
 * mode, no -wal beside it) and FILE.blobs/ the blob store of that snapshot
 * (FILE.blobs/sha256/ab/cdef…, the layout of DATA_DIR/blobs/).  Restoring
 * is copying FILE to DATA_DIR/balanza.db and FILE.blobs to DATA_DIR/blobs
 * with the server stopped, and FILE.key (when written) to DATA_DIR/encryption.key
 * (or the file BALANZA_KEY_FILE names).  FILE.key is the encryption key
 * (bz-crypt.h): the clinical fields of FILE and every file of FILE.blobs/
 * are sealed with it and cannot be read without it; keep FILE.key apart from
 * FILE where the backup travels (docs/backup.md).  Not copied: secret.key (token signing: after a
 * restore without it, everyone signs in again) and tls/ (the phones pin the
 * certificate: keep it with the backup yourself if you want them to).
 */
#pragma once

#include "bz-store.h"

G_BEGIN_DECLS

/**
 * BzBackupStats:
 * @db_bytes: size of FILE in bytes
 * @schema_version: PRAGMA user_version of the copy
 * @blobs: blob files copied (each verified against its SHA-256)
 * @blob_bytes: their total size in bytes
 * @blobs_missing: rows of `blobs` whose file was absent or did not hash to
 *   its name in the data directory (not copied; the source store has lost them)
 * @key_copied: whether FILE.key was written (the data directory has a key)
 *
 * What bz_store_backup() wrote.
 */
typedef struct
{
  gint64 db_bytes;
  int schema_version;
  guint blobs;
  gint64 blob_bytes;
  guint blobs_missing;
  gboolean key_copied;
} BzBackupStats;

/**
 * bz_store_backup:
 * @data_dir: a data directory (balanza.db and blobs/), which a server in
 *   this or another process may be using: the copy takes one read snapshot
 *   (WAL: writers go on meanwhile) with sqlite3_backup_step(-1)
 * @dest: the database file to write; neither it nor @dest.blobs nor @dest.key may exist
 * @out: (out caller-allocates) (optional): what was written
 * @error: BZ_ERROR_NOT_FOUND (no database in @data_dir), BZ_ERROR_CONFLICT
 *   (@dest or @dest.blobs exists), BZ_ERROR_UNAVAILABLE (the database stayed
 *   locked), BZ_ERROR_INTERNAL (SQLite, or a file that cannot be written)
 *
 * Copies the database with the SQLite online backup API
 * (sqlite.org/backup.html), checks the copy (PRAGMA quick_check) and
 * switches it to journal_mode DELETE so it stands alone, then copies every
 * blob the copy's `blobs` table names (blob files are immutable and named by
 * their hash, so the files read after the snapshot are the snapshot's).
 * Both are written under temporary names (mode 0600, directories 0700) and
 * renamed into place at the end; on error nothing is left at @dest.
 *
 * Returns: %TRUE when @dest and @dest.blobs are written.
 */
gboolean bz_store_backup (const char *data_dir, const char *dest, BzBackupStats *out, GError **error);

G_END_DECLS
