/* bz-store-files.h — the data directory's files as bz_store_open() needs
 * them: private to the store (health data: the directory 0700, the database
 * and its WAL and the token-signing key 0600). */
#pragma once

#include <glib.h>

/* The data dir 0700 even if it existed 0755, and its blob directories. */
gboolean bz_store_secure_data_dir (const char *data_dir, GError **error);

/* balanza.db created or reset to 0600 before SQLite opens it, its -wal,
 * -shm and -journal too when present. */
gboolean bz_store_secure_db_files (const char *db_path, GError **error);

/* The 32-byte signing key of secret.key (0600), made with libsodium's
 * randombytes_buf() the first time.  Returns: (transfer full) or NULL. */
GBytes  *bz_store_load_secret     (const char *data_dir, GError **error);
