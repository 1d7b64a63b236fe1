/* bz-store-crypt.h — encryption at rest inside the store (bz-crypt.h): the
 * SQL functions the repositories seal and open clinical columns with, the
 * key check at open and the one-time sealing of older plaintext.  Not for
 * files outside src/store. */
#pragma once

#include "bz-crypt.h"
#include "bz-store.h"

G_BEGIN_DECLS

/** bz_store_get_crypt: Returns: (transfer none) (nullable): @self's key (NULL only inside bz_store_open()). */
BzCrypt  *bz_store_get_crypt (BzStore *self);

/**
 * bz_store_register_crypt_functions:
 * @db: a new connection of @store
 * @store: the store whose key (bz_store_get_crypt()) the functions use
 *
 * Registers bz_seal(TABLE, COLUMN, ROW_ID, VALUE) (bz_crypt_seal_text():
 * a sealed VALUE stays as it is) and bz_unseal(TABLE, COLUMN, ROW_ID, VALUE)
 * (bz_crypt_open_text(): a VALUE that does not open fails the statement with
 * "… does not decrypt: wrong encryption key, or damaged data").  NULL gives
 * NULL.  Both are SQLITE_DIRECTONLY: no trigger or view can call them.
 */
void      bz_store_register_crypt_functions (sqlite3 *db, BzStore *store);

/**
 * bz_store_crypt_load:
 * @db: the migrated connection
 * @data_dir: the data directory (bz_crypt_key_path())
 * @error: BZ_ERROR_INTERNAL when the key file is missing for a database that
 *   already has a key check, or when the key does not open the check; file
 *   errors from bz_crypt_load()
 *
 * Loads the key (making it at the database's first start) and checks it
 * against crypt_key_check (data/sql/035_encryption_at_rest.sql), writing
 * the check the first time.
 *
 * Returns: (transfer full): the key, or %NULL with @error.
 */
BzCrypt  *bz_store_crypt_load (sqlite3 *db, const char *data_dir, GError **error);

/**
 * bz_store_seal_legacy:
 * @store: the store, with its key loaded
 * @out_sealed: (out) (optional): how many column values and blob files
 *   were sealed (0 at every start after the first with encryption)
 * @error: SQLite or file errors
 *
 * The idempotent startup step of bz_store_open(): seals the clinical
 * columns still in plaintext (rows written before migration 035) in one
 * transaction, then VACUUMs and checkpoints so the plaintext leaves the
 * database file and its WAL, then seals plaintext blob files
 * (bz_blob_seal_plaintext_files()) unless crypt_key_check.blobs_sealed
 * says that was done (it reads every blob file: once, not at every start).
 *
 * Returns: %FALSE with @error.
 */
gboolean  bz_store_seal_legacy (BzStore *store, guint *out_sealed, GError **error);

G_END_DECLS
