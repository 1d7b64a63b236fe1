/* bz-token-repo.c — refresh tokens and their families (bz-token-repo.h). */
#include "bz-token-repo.h"

#include "bz-repo-private.h"

void
bz_refresh_token_clear (BzRefreshToken *t)
{
  g_clear_pointer (&t->id, g_free);
  g_clear_pointer (&t->user_id, g_free);
  g_clear_pointer (&t->family_id, g_free);
  g_clear_pointer (&t->expires_at, g_free);
  t->revoked = FALSE;
}

/* --- Row mapping: one function per row kind -------------------------------------- */

/* id, user_id, family_id, expires_at, revoked. */
static void
token_row (sqlite3_stmt *st, BzRefreshToken *out)
{
  out->id = bz_db_column_text_dup (st, 0);
  out->user_id = bz_db_column_text_dup (st, 1);
  out->family_id = bz_db_column_text_dup (st, 2);
  out->expires_at = bz_db_column_text_dup (st, 3);
  out->revoked = sqlite3_column_int (st, 4) != 0;
}

/* --- Queries -------------------------------------------------------------------- */

gboolean
bz_token_repo_insert (BzStore *store, const BzRefreshTokenRecord *t, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at, created_at)"
      " VALUES (?, ?, ?, ?, ?, ?)", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, t->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, t->user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, t->family_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, t->token_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 5, t->expires_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 6, t->created_at, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) &&
         bz_store_log_change (db, "refresh_tokens", t->id, BZ_CHANGE_INSERT, error);
}

gboolean
bz_token_repo_find (BzStore *store, const char *token_hash, BzRefreshToken *out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT id, user_id, family_id, expires_at, revoked FROM refresh_tokens WHERE token_hash = ?",
      error);
  gboolean have_row;

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, token_hash, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (have_row)
    token_row (st, out);
  return TRUE;
}

gboolean
bz_token_repo_revoke_family (BzStore *store, const char *family_id, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *now = bz_now_iso8601 ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  gboolean have_row;

  /* The ids first (one statement), for the change log. */
  {
    g_autoptr(sqlite3_stmt) sel = bz_db_prepare (db,
        "SELECT id FROM refresh_tokens WHERE family_id = ? AND revoked = 0", error);
    if (!sel)
      return FALSE;
    sqlite3_bind_text (sel, 1, family_id, -1, SQLITE_STATIC);
    for (;;)
      {
        if (!bz_repo_step (sel, &have_row, error))
          return FALSE;
        if (!have_row)
          break;
        g_ptr_array_add (ids, bz_db_column_text_dup (sel, 0));
      }
  }
  {
    g_autoptr(sqlite3_stmt) upd = bz_db_prepare (db,
        "UPDATE refresh_tokens SET revoked = 1, revoked_at = ? WHERE family_id = ? AND revoked = 0",
        error);
    if (!upd)
      return FALSE;
    sqlite3_bind_text (upd, 1, now, -1, SQLITE_STATIC);
    sqlite3_bind_text (upd, 2, family_id, -1, SQLITE_STATIC);
    if (!bz_db_step_done (upd, error))
      return FALSE;
  }
  for (guint i = 0; i < ids->len; i++)
    if (!bz_store_log_change (db, "refresh_tokens", ids->pdata[i], BZ_CHANGE_UPDATE, error))
      return FALSE;
  return TRUE;
}

gboolean
bz_token_repo_mark_replaced (BzStore *store, const char *id, const char *replaced_by, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *now = bz_now_iso8601 ();
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "UPDATE refresh_tokens SET revoked = 1, revoked_at = ?, replaced_by = ? WHERE id = ?", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, replaced_by, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, id, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) &&
         bz_store_log_change (db, "refresh_tokens", id, BZ_CHANGE_UPDATE, error);
}

GPtrArray *
bz_token_repo_live_families (BzStore *store, const char *user_id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT DISTINCT family_id FROM refresh_tokens WHERE user_id = ? AND revoked = 0", error);
  g_autoptr(GPtrArray) families = g_ptr_array_new_with_free_func (g_free);
  gboolean have_row;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  for (;;)
    {
      if (!bz_repo_step (st, &have_row, error))
        return NULL;
      if (!have_row)
        break;
      g_ptr_array_add (families, bz_db_column_text_dup (st, 0));
    }
  return g_steal_pointer (&families);
}
