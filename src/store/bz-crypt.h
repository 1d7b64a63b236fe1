/* bz-crypt.h — encryption at rest of clinical fields and blobs (issue 9,
 * "Encryption at rest"; docs/privacy.md).
 *
 * One 32-byte key, in a file outside the database (DATA_DIR/encryption.key,
 * mode 0600, or the file named by the BALANZA_KEY_FILE environment variable,
 * which `balanzad --key-file FILE` sets), made at first start with
 * libsodium's randombytes_buf().
 *
 * Cipher: XChaCha20-Poly1305 (libsodium's crypto_aead_xchacha20poly1305_ietf,
 * RFC 8439's ChaCha20-Poly1305 with a 192-bit nonce, draft-irtf-cfrg-xchacha).
 *
 * Text columns are stored as "bzenc1:" + standard base64 of nonce (24 bytes)
 * ‖ ciphertext ‖ tag (16 bytes).  The associated data is
 * "TABLE\x1fCOLUMN\x1fROW_ID", so a ciphertext copied to another row or
 * column does not open.  A value without the prefix is a plaintext written
 * before encryption existed; bz_store_open() seals those once (idempotent).
 *
 * Blob files are "BZB1" ‖ ciphertext ‖ tag, with the nonce derived from the
 * key and the blob's name (keyed BLAKE2b of the plaintext's SHA-256): the
 * same content always gives the same file, as a content-addressed store
 * needs, and different contents never share a nonce.  The associated data is
 * the hex SHA-256, so a file renamed to another hash does not open.
 *
 * Only src/store uses this header.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/** BZ_CRYPT_TEXT_PREFIX: the prefix of a sealed text column (version 1). */
#define BZ_CRYPT_TEXT_PREFIX "bzenc1:"
/** BZ_CRYPT_BLOB_MAGIC: the first 4 bytes of a sealed blob file (version 1). */
#define BZ_CRYPT_BLOB_MAGIC  "BZB1"
/** BZ_CRYPT_KEY_FILE_ENV: environment variable naming the key file. */
#define BZ_CRYPT_KEY_FILE_ENV "BALANZA_KEY_FILE"
/** BZ_CRYPT_KEY_FILE_NAME: the key file's name in the data directory. */
#define BZ_CRYPT_KEY_FILE_NAME "encryption.key"

typedef struct _BzCrypt BzCrypt;

/**
 * bz_crypt_key_path:
 * @data_dir: the data directory
 *
 * Returns: (transfer full): $BALANZA_KEY_FILE when set and not empty,
 *   otherwise @data_dir/encryption.key.
 */
char     *bz_crypt_key_path (const char *data_dir);

/**
 * bz_crypt_load:
 * @path: the key file
 * @create: whether a missing file may be created (0600, 32 random bytes)
 * @error: G_IO_ERROR when the file cannot be read or written;
 *   BZ_ERROR_INTERNAL when it is not 32 bytes long or is missing and
 *   @create is %FALSE
 *
 * Reads (or makes) the key.  The key is held in memory locked with
 * sodium_malloc() and wiped by bz_crypt_free().
 *
 * Returns: (transfer full): the key, or %NULL with @error.
 */
BzCrypt  *bz_crypt_load     (const char *path, gboolean create, GError **error);

/** bz_crypt_free: wipes and frees @crypt (nullable). */
void      bz_crypt_free     (BzCrypt *crypt);

/**
 * bz_crypt_is_sealed_text:
 * @stored: (nullable): a stored column value
 *
 * Returns: whether @stored starts with BZ_CRYPT_TEXT_PREFIX.
 */
gboolean  bz_crypt_is_sealed_text (const char *stored);

/**
 * bz_crypt_seal_text:
 * @crypt: the key
 * @table: the table, @column: the column, @row_id: the row's id (the
 *   associated data binds the ciphertext to them)
 * @plain: UTF-8 text; a value that is already sealed is returned as it is
 *
 * Encrypts with a fresh random nonce (two seals of one text differ).
 *
 * Returns: (transfer full): "bzenc1:" + base64 (nonce ‖ ciphertext ‖ tag).
 */
char     *bz_crypt_seal_text (BzCrypt *crypt, const char *table, const char *column, const char *row_id,
                              const char *plain);

/**
 * bz_crypt_open_text:
 * @crypt: the key
 * @table: @column: @row_id: as given to bz_crypt_seal_text()
 * @stored: the stored value; one without the prefix (a plaintext written
 *   before encryption) is returned as it is
 * @error: BZ_ERROR_INTERNAL when the value does not open: another key, a
 *   value moved from another row or column, or damaged bytes.  Never
 *   garbage: the Poly1305 tag is checked before anything is returned.
 *
 * Returns: (transfer full): the plaintext, or %NULL with @error.
 */
char     *bz_crypt_open_text (BzCrypt *crypt, const char *table, const char *column, const char *row_id,
                              const char *stored, GError **error);

/**
 * bz_crypt_seal_blob:
 * @crypt: the key
 * @sha256: lowercase hex SHA-256 of @plain (the blob's name)
 * @plain: the content
 *
 * Deterministic for a given key and content (see the file comment).
 *
 * Returns: (transfer full): "BZB1" ‖ ciphertext ‖ tag (20 bytes longer).
 */
GBytes   *bz_crypt_seal_blob (BzCrypt *crypt, const char *sha256, GBytes *plain);

/**
 * bz_crypt_is_sealed_blob:
 * @data: @len: a blob file's bytes
 *
 * Returns: whether they start with BZ_CRYPT_BLOB_MAGIC and are long enough
 *   to hold a tag.
 */
gboolean  bz_crypt_is_sealed_blob (const guint8 *data, gsize len);

/**
 * bz_crypt_open_blob:
 * @crypt: the key
 * @sha256: the blob's name
 * @data: @len: the file's bytes (bz_crypt_is_sealed_blob() must hold)
 * @error: BZ_ERROR_INTERNAL when the tag does not verify (another key,
 *   another blob's file, damaged bytes)
 *
 * The caller still compares the plaintext's SHA-256 with @sha256.
 *
 * Returns: (transfer full): the content, or %NULL with @error.
 */
GBytes   *bz_crypt_open_blob (BzCrypt *crypt, const char *sha256, const guint8 *data, gsize len,
                              GError **error);

G_END_DECLS
