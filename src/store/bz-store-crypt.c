/* bz-store-crypt.c — the store's side of encryption at rest (bz-store-crypt.h,
 * bz-crypt.h, data/sql/035_encryption_at_rest.sql). */
#include "bz-store-crypt.h"

#include <string.h>

#include "bz-blob-store-private.h"
#include "bz-error.h"

#define KEY_CHECK_TEXT "balanza-key-check"

/* The sealed columns: every reader and writer of them goes through
 * bz_seal() and bz_unseal() (grep for them). */
static const struct { const char *table, *column; } sealed_columns[] = {
  { "patients", "health_conditions" },
  { "patients", "allergies" },
  { "patients", "food_restrictions" },
  { "clinical_notes", "body" },
};

typedef struct
{
  BzStore *store;
  gboolean seal;
} CryptFn;

/* bz_seal(table, column, row_id, value) and bz_unseal(...): NULL stays NULL;
 * an error of bz_crypt_open_text() fails the statement with its message. */
static void
sql_seal_or_open (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  CryptFn *fn = sqlite3_user_data (ctx);
  BzCrypt *crypt = bz_store_get_crypt (fn->store);
  const char *table = (const char *) sqlite3_value_text (argv[0]);
  const char *column = (const char *) sqlite3_value_text (argv[1]);
  const char *row_id = (const char *) sqlite3_value_text (argv[2]);
  const char *value = (const char *) sqlite3_value_text (argv[3]);
  g_autoptr(GError) error = NULL;
  char *out;

  (void) argc;
  if (value == NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }
  if (crypt == NULL || table == NULL || column == NULL)
    {
      sqlite3_result_error (ctx, "No encryption key loaded", -1);
      return;
    }
  out = fn->seal ? bz_crypt_seal_text (crypt, table, column, row_id, value)
                 : bz_crypt_open_text (crypt, table, column, row_id, value, &error);
  if (out == NULL)
    {
      sqlite3_result_error (ctx, error->message, -1);
      return;
    }
  sqlite3_result_text (ctx, out, -1, g_free);
}

void
bz_store_register_crypt_functions (sqlite3 *db, BzStore *store)
{
  CryptFn *seal = g_new0 (CryptFn, 1), *open = g_new0 (CryptFn, 1);

  seal->store = open->store = store;
  seal->seal = TRUE;
  /* DIRECTONLY: not from triggers or views, whatever a file holds. */
  sqlite3_create_function_v2 (db, "bz_seal", 4, SQLITE_UTF8 | SQLITE_DIRECTONLY, seal, sql_seal_or_open,
                              NULL, NULL, g_free);
  sqlite3_create_function_v2 (db, "bz_unseal", 4, SQLITE_UTF8 | SQLITE_DIRECTONLY, open, sql_seal_or_open,
                              NULL, NULL, g_free);
}

/* The row of crypt_key_check: its sealed text into *@out (NULL when none). */
static gboolean
read_key_check (sqlite3 *db, char **out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "SELECT sealed FROM crypt_key_check WHERE id = 1", error);
  int rc;

  *out = NULL;
  if (!st)
    return FALSE;
  rc = sqlite3_step (st);
  if (rc == SQLITE_ROW)
    *out = bz_db_column_text_dup (st, 0);
  else if (rc != SQLITE_DONE)
    {
      bz_db_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

BzCrypt *
bz_store_crypt_load (sqlite3 *db, const char *data_dir, GError **error)
{
  g_autofree char *path = bz_crypt_key_path (data_dir), *check = NULL, *opened = NULL;
  g_autoptr(GError) local = NULL;
  BzCrypt *crypt;

  if (!read_key_check (db, &check, error))
    return NULL;
  /* A database that met a key never makes a new one: its data would be lost. */
  crypt = bz_crypt_load (path, check == NULL, error);
  if (crypt == NULL)
    return NULL;
  if (check)
    {
      opened = bz_crypt_open_text (crypt, "crypt_key_check", "sealed", "1", check, &local);
      if (g_strcmp0 (opened, KEY_CHECK_TEXT) != 0)
        {
          g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL,
                       "The encryption key %s is not the key of this database: restore the right key file "
                       "(see docs/privacy.md)", path);
          bz_crypt_free (crypt);
          return NULL;
        }
      return crypt;
    }
  {
    /* OR IGNORE: another process opening the new database at the same time
     * wrote it first; it is then checked like any other (same key file). */
    g_autofree char *sealed = bz_crypt_seal_text (crypt, "crypt_key_check", "sealed", "1", KEY_CHECK_TEXT);
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "INSERT OR IGNORE INTO crypt_key_check (id, sealed, created_at)"
        " VALUES (1, ?1, strftime('%Y-%m-%dT%H:%M:%SZ','now'))", error);
    if (st)
      sqlite3_bind_text (st, 1, sealed, -1, SQLITE_STATIC);
    if (!st || !bz_db_step_done (st, error))
      {
        bz_crypt_free (crypt);
        return NULL;
      }
    if (sqlite3_changes (db) == 0)
      {
        bz_crypt_free (crypt);
        return bz_store_crypt_load (db, data_dir, error);
      }
  }
  return crypt;
}

gboolean
bz_store_seal_legacy (BzStore *store, guint *out_sealed, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  guint sealed = 0, files = 0;

  if (!bz_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (sealed_columns); i++)
    {
      g_autofree char *sql = g_strdup_printf (
          "UPDATE %s SET %s = bz_seal('%s', '%s', id, %s) WHERE substr(%s, 1, %d) <> '" BZ_CRYPT_TEXT_PREFIX "'",
          sealed_columns[i].table, sealed_columns[i].column, sealed_columns[i].table, sealed_columns[i].column,
          sealed_columns[i].column, sealed_columns[i].column, (int) strlen (BZ_CRYPT_TEXT_PREFIX));
      if (!bz_db_exec (db, sql, error))
        {
          bz_db_rollback (db);
          return FALSE;
        }
      sealed += sqlite3_changes (db);
    }
  if (!bz_db_commit (db, error))
    return FALSE;
  /* The plaintext left in freed space of the database file and in the WAL:
   * VACUUM rewrites the file from the live rows, the checkpoint empties the
   * WAL.  Only when something was sealed: a no-op at every later start. */
  if (sealed > 0)
    {
      if (!bz_db_exec (db, "VACUUM", error))
        return FALSE;
      bz_store_checkpoint (store);
      g_message ("Encrypted %u clinical fields written before encryption at rest", sealed);
    }
  /* The blob files: once (crypt_key_check.blobs_sealed), as it reads every file. */
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "SELECT blobs_sealed FROM crypt_key_check WHERE id = 1", error);
    gboolean done;
    if (!st)
      return FALSE;
    done = sqlite3_step (st) == SQLITE_ROW && sqlite3_column_int (st, 0) == 1;
    sqlite3_reset (st);
    if (!done)
      {
        if (!bz_blob_seal_plaintext_files (store, &files, error) ||
            !bz_db_exec (db, "UPDATE crypt_key_check SET blobs_sealed = 1 WHERE id = 1", error))
          return FALSE;
        if (files > 0)
          g_message ("Encrypted %u blob files written before encryption at rest", files);
      }
  }
  if (out_sealed)
    *out_sealed = sealed + files;
  return TRUE;
}
