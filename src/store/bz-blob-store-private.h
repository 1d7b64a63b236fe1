/* bz-blob-store-private.h — what bz-blob-store.c (files in, files out) and
 * bz-blob-gc.c (collection and erasure) share, and bz-store-backup.c
 * reads (the name check).  Not for files outside src/store. */
#pragma once

#include "bz-blob-store.h"

G_BEGIN_DECLS

#define BLOB_FILE_MODE 0600
#define BLOB_DIR_MODE  0700
#define TMP_PREFIX     ".tmp-"
#define HASH_TAIL_LEN  62   /* file names are the SHA-256 without its first two digits */

/** bz_blob_is_lower_hex: Returns: whether the @n octets of @s are lowercase hex digits. */
gboolean bz_blob_is_lower_hex    (const char *s, gsize n);
/** bz_blob_is_hex_sha256: Returns: whether @s (nullable) is a lowercase hex SHA-256. */
gboolean bz_blob_is_hex_sha256   (const char *s);
/** bz_blob_set_errno_error: sets a G_IO_ERROR from @saved (an errno) with @format ("… %s: %s": path, strerror). Returns: %FALSE. */
gboolean bz_blob_set_errno_error (GError **error, int saved, const char *format, const char *path);

/**
 * bz_blob_seal_plaintext_files:
 * @store: the store, with its key loaded
 * @out_sealed: (out) (optional): how many files were sealed
 * @error: SQLite or file errors
 *
 * Rewrites, atomically, each blob file still holding its plaintext (written
 * before encryption at rest; recognised by its SHA-256 matching its name)
 * as its sealed bytes (bz_crypt_seal_blob()).  Idempotent: sealed, missing
 * and damaged files are left alone.  Run once at open by
 * bz_store_seal_legacy().
 *
 * Returns: %FALSE with @error.
 */
gboolean bz_blob_seal_plaintext_files (BzStore *store, guint *out_sealed, GError **error);

G_END_DECLS
