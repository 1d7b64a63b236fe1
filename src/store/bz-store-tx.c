/* bz-store-tx.c — transactions on the calling thread's connection, for services. */
#include "bz-store.h"

static gboolean
is_identifier (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_islower (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

gboolean
bz_store_begin (BzStore *self, GError **error)
{
  g_return_val_if_fail (BZ_IS_STORE (self), FALSE);
  return bz_db_begin (bz_store_db (self), error);
}

gboolean
bz_store_commit (BzStore *self, GError **error)
{
  g_return_val_if_fail (BZ_IS_STORE (self), FALSE);
  return bz_db_commit (bz_store_db (self), error);
}

void
bz_store_rollback (BzStore *self)
{
  g_return_if_fail (BZ_IS_STORE (self));
  bz_db_rollback (bz_store_db (self));
}

gboolean
bz_store_begin_nested (BzStore *self, const char *savepoint, gboolean *out_nested, GError **error)
{
  sqlite3 *db;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (BZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (is_identifier (savepoint), FALSE);
  g_return_val_if_fail (out_nested != NULL, FALSE);

  db = bz_store_db (self);
  *out_nested = !sqlite3_get_autocommit (db);
  if (!*out_nested)
    return bz_db_begin (db, error);
  sql = g_strconcat ("SAVEPOINT ", savepoint, NULL);
  return bz_db_exec (db, sql, error);
}

gboolean
bz_store_commit_nested (BzStore *self, const char *savepoint, gboolean nested, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (BZ_IS_STORE (self), FALSE);
  g_return_val_if_fail (is_identifier (savepoint), FALSE);

  if (!nested)
    return bz_db_commit (bz_store_db (self), error);
  sql = g_strconcat ("RELEASE ", savepoint, NULL);
  return bz_db_exec (bz_store_db (self), sql, error);
}

void
bz_store_rollback_nested (BzStore *self, const char *savepoint, gboolean nested)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (BZ_IS_STORE (self));
  g_return_if_fail (is_identifier (savepoint));

  if (!nested)
    {
      bz_db_rollback (bz_store_db (self));
      return;
    }
  sql = g_strconcat ("ROLLBACK TO ", savepoint, "; RELEASE ", savepoint, NULL);
  sqlite3_exec (bz_store_db (self), sql, NULL, NULL, NULL);
}
