/* bz-blob-store.h — content-addressed blob store.
 *
 * Bytes are stored once under DATA_DIR/blobs/sha256/ab/cdef… (ab = first two
 * hex digits of the SHA-256) and recorded in the `blobs` table with size and
 * MIME type.  The hash is the blob's identity and its HTTP ETag; blobs are
 * immutable.
 */
#pragma once

#include "bz-store.h"

G_BEGIN_DECLS

/**
 * bz_blob_put:
 * @store: the store
 * @bytes: the content
 * @mime_type: e.g. "image/jpeg", "model/gltf-binary"
 * @out_sha256: (out) (transfer full): lowercase hex SHA-256 of @bytes
 * @error: BZ_ERROR_INTERNAL / G_IO_ERROR
 *
 * Writes the file (atomically, fsynced) if absent and inserts the `blobs` row
 * with the calling thread's connection (inside the caller's transaction, if
 * one is open).  Idempotent for identical content.
 */
gboolean  bz_blob_put      (BzStore *store, GBytes *bytes, const char *mime_type,
                            char **out_sha256, GError **error);

/**
 * bz_blob_get:
 * @out_mime_type: (out) (optional) (transfer full): the stored MIME type
 * Returns: (transfer full): the content, or %NULL with BZ_ERROR_NOT_FOUND.
 */
GBytes   *bz_blob_get      (BzStore *store, const char *sha256, char **out_mime_type, GError **error);

/** bz_blob_path: Returns: (transfer full): the file path for @sha256 (may not exist). */
char     *bz_blob_path     (BzStore *store, const char *sha256);

/** bz_sha256_hex: Returns: (transfer full): lowercase hex SHA-256 of @bytes. */
char     *bz_sha256_hex    (GBytes *bytes);

G_END_DECLS
