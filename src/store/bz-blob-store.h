/* bz-blob-store.h — content-addressed blob store.
 *
 * Bytes are stored once under DATA_DIR/blobs/sha256/ab/cdef… (ab = first two
 * hex digits of the SHA-256) and recorded in the `blobs` table with size and
 * MIME type.  The hash is the blob's identity and its HTTP ETag; blobs are
 * immutable.
 *
 * Encryption at rest (issue 9; bz-crypt.h, docs/privacy.md): a file holds
 * "BZB1" ‖ XChaCha20-Poly1305 ciphertext ‖ tag of the content, never the
 * content; the name stays the SHA-256 of the plaintext.  Sealing is
 * deterministic for a key and content, so the byte comparisons below hold.
 *
 * Durability: a blob file is written to a temporary file in its final
 * directory (".tmp-…", O_CREAT|O_EXCL, mode 0600), fsynced, renamed over its
 * final name, and the directory is fsynced; only then is the `blobs` row
 * inserted.  A crash can therefore leave a complete file without its row, or a
 * ".tmp-…" leftover, never a row whose file is half written.  Both kinds of
 * debris are removed by bz_blob_collect_garbage() once older than its grace.
 *
 * Modes: blob directories are 0700 and blob files 0600 whatever the umask.
 *
 * Tables that hold a blob reference it with a FOREIGN KEY to blobs(sha256)
 * (today meal_logs.photo_sha256 and avatars.blob_sha256); the garbage
 * collector finds the referencing columns through those foreign keys, so a
 * new table that stores blob hashes must declare one.
 */
#pragma once

#include "bz-store.h"

G_BEGIN_DECLS

/** BZ_BLOB_GC_GRACE_SECONDS: default age (1 h) before debris may be collected. */
#define BZ_BLOB_GC_GRACE_SECONDS     (60 * 60)
/** BZ_BLOB_GC_INTERVAL_SECONDS: default time (6 h) between background passes. */
#define BZ_BLOB_GC_INTERVAL_SECONDS  (6 * 60 * 60)

/**
 * bz_blob_put:
 * @store: the store
 * @bytes: the content (at most a few tens of MB: it is held in memory)
 * @mime_type: e.g. "image/jpeg", "model/gltf-binary"
 * @out_sha256: (out) (optional) (transfer full): lowercase hex SHA-256 of @bytes
 * @error: BZ_ERROR_INTERNAL (SQLite) or G_IO_ERROR (file system)
 *
 * Stores @bytes and inserts the `blobs` row with the calling thread's
 * connection.  Call it inside the caller's write transaction (bz_db_begin())
 * so that the row commits with whatever references it; outside one, it opens
 * and commits its own.  Either way the file work happens while this
 * connection holds SQLite's write lock, which is what keeps the garbage
 * collector away from it.
 *
 * The file holds @bytes sealed (bz_crypt_seal_blob()).  When the final file
 * already exists its size and bytes are compared with that sealed form; a file that differs (truncated by a crash, bit rot) is rewritten
 * atomically.  A file that matches gets a fresh mtime so that the collector's
 * grace period starts again.  Idempotent for identical content.
 *
 * Returns: %TRUE once the file is durable and the row inserted (or already
 * present); %FALSE with @error otherwise.
 */
gboolean  bz_blob_put      (BzStore *store, GBytes *bytes, const char *mime_type,
                            char **out_sha256, GError **error);

/**
 * bz_blob_get:
 * @store: the store
 * @sha256: lowercase hex SHA-256 (64 characters); anything else is not found
 * @out_mime_type: (out) (optional) (transfer full): the stored MIME type
 * @error: BZ_ERROR_NOT_FOUND when no `blobs` row has @sha256;
 *   BZ_ERROR_INTERNAL when the row exists but its file is missing, unreadable,
 *   does not decrypt (wrong key, damaged file), is of the wrong size or does
 *   not hash to @sha256 (logged with g_warning())
 *
 * Reads a blob, decrypts it (a plaintext file from before encryption is
 * read as it is) and checks its SHA-256 before answering: corrupt bytes are
 * never served.
 *
 * Returns: (transfer full): the content, or %NULL with @error.
 */
GBytes   *bz_blob_get      (BzStore *store, const char *sha256, char **out_mime_type, GError **error);

/**
 * bz_blob_path:
 * @store: the store
 * @sha256: lowercase hex SHA-256 (64 characters)
 *
 * Returns: (transfer full): the file path for @sha256 (the file may not exist).
 */
char     *bz_blob_path     (BzStore *store, const char *sha256);

/**
 * bz_blob_path_in:
 * @blobs_dir: a blob directory (DATA_DIR/blobs, or a backup's FILE.blobs)
 * @sha256: lowercase hex SHA-256 (64 characters)
 *
 * Returns: (transfer full): @blobs_dir/sha256/ab/cdef… (the file may not exist).
 */
char     *bz_blob_path_in  (const char *blobs_dir, const char *sha256);

/**
 * bz_sha256_hex:
 * @bytes: any content
 *
 * Returns: (transfer full): lowercase hex SHA-256 of @bytes (64 characters).
 */
char     *bz_sha256_hex    (GBytes *bytes);

/**
 * bz_blob_collect_garbage:
 * @store: the store
 * @grace_seconds: debris younger than this is kept (BZ_BLOB_GC_GRACE_SECONDS
 *   in production; 0 in tests).  Age is the file's mtime and the row's
 *   created_at.
 * @out_removed: (out) (optional): how many blobs were removed: orphan files,
 *   leftover temporary files and unreferenced rows (a row and its file count
 *   once)
 * @error: BZ_ERROR_INTERNAL (SQLite), BZ_ERROR_UNAVAILABLE (the write lock
 *   stayed busy past the busy timeout) or G_IO_ERROR (file system)
 *
 * One collection pass, run on the calling thread with its own connection:
 *
 * 1. files under blobs/sha256/ with no `blobs` row and an mtime older than
 *    the grace (a file is written before its row is inserted, in the
 *    uploader's transaction, so a young file without a row may be an upload
 *    in flight); each check-and-unlink holds the write lock;
 * 2. temporary files (".tmp-…", or GLib's "NAME.XXXXXX" from older versions)
 *    older than the grace;
 * 3. `blobs` rows created before the grace that no foreign key references,
 *    with their files, in one write transaction.
 *
 * While walking it also resets blob directories to 0700 and blob files to
 * 0600.  Files it does not recognise are left alone.  Safe to run while the
 * server writes.
 *
 * Returns: %TRUE if the pass completed; %FALSE with @error (what was removed
 * before the failure stays removed and is counted).
 */
gboolean  bz_blob_collect_garbage (BzStore *store, guint grace_seconds, guint *out_removed,
                                   GError **error);

/**
 * bz_blob_erase_unreferenced:
 * @store: the store
 * @hashes: (array length=n): candidate blobs (lowercase hex SHA-256; others are ignored)
 * @n: how many
 * @out_erased: (out) (optional) (transfer full) (element-type utf8): the
 *   hashes whose rows were deleted, for bz_blob_unlink_unreferenced()
 * @error: BZ_ERROR_INTERNAL (SQLite)
 *
 * Deletes, whatever their age, the `blobs` rows of those of @hashes that no
 * foreign key references any more (the same schema walk as
 * bz_blob_collect_garbage()).  Call it inside the caller's write transaction
 * (bz_store_begin()), after the statements that dropped the references.
 * Files are NOT touched here: if the caller rolls back, nothing is lost.
 * After the commit, bz_blob_unlink_unreferenced (@out_erased) removes them.
 * Used by the right to cancellation (bz-privacy-service.h).
 *
 * Returns: %FALSE with @error.
 */
gboolean  bz_blob_erase_unreferenced (BzStore *store, const char *const *hashes, guint n, GPtrArray **out_erased,
                                      GError **error);

/**
 * bz_blob_unlink_unreferenced:
 * @store: the store
 * @hashes: (nullable) (element-type utf8): from bz_blob_erase_unreferenced(), after its commit
 *
 * Removes the file of each of @hashes that still has no `blobs` row, under
 * the write lock (a bz_blob_put() of the same content since the commit keeps
 * its file).  A failure is logged and leaves the file to the collector.
 * Returns: how many files were removed.
 */
guint     bz_blob_unlink_unreferenced (BzStore *store, GPtrArray *hashes);

/**
 * BzBlobGc:
 *
 * A background thread that runs bz_blob_collect_garbage() periodically.
 * Opaque; created by bz_blob_gc_start(), ended by bz_blob_gc_stop().
 */
typedef struct _BzBlobGc BzBlobGc;

/**
 * bz_blob_gc_start:
 * @store: the store (a reference is held until bz_blob_gc_stop())
 *
 * Starts a thread "bz-blob-gc" that collects blob garbage once now and then
 * every BZ_BLOB_GC_INTERVAL_SECONDS (6 h) with a grace of
 * BZ_BLOB_GC_GRACE_SECONDS (1 h).  Each pass logs what it removed with
 * g_message() when it removed anything, and failures with g_warning(); a
 * failed pass is simply retried at the next interval.
 *
 * Returns: (transfer full): the collector, to pass to bz_blob_gc_stop().
 */
BzBlobGc *bz_blob_gc_start      (BzStore *store);

/**
 * bz_blob_gc_start_full:
 * @store: the store (a reference is held until bz_blob_gc_stop())
 * @interval_seconds: time between the end of one pass and the next (> 0)
 * @grace_seconds: passed to bz_blob_collect_garbage()
 *
 * Like bz_blob_gc_start() with explicit timings (tests).
 *
 * Returns: (transfer full): the collector, to pass to bz_blob_gc_stop().
 */
BzBlobGc *bz_blob_gc_start_full (BzStore *store, guint interval_seconds, guint grace_seconds);

/**
 * bz_blob_gc_get_passes:
 * @gc: the collector
 *
 * Returns: how many passes have completed (successfully or not) so far.
 */
guint     bz_blob_gc_get_passes (BzBlobGc *gc);

/**
 * bz_blob_gc_stop:
 * @gc: (transfer full) (nullable): the collector
 *
 * Asks the thread to stop (a pass in progress stops between two files),
 * joins it, drops its store reference and frees @gc.  Call it before the
 * final checkpoint at shutdown.
 */
void      bz_blob_gc_stop       (BzBlobGc *gc);

G_END_DECLS
