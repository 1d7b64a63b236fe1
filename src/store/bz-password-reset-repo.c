/* bz-password-reset-repo.c — password-reset codes (bz-password-reset-repo.h). */
#include "bz-password-reset-repo.h"

#include <string.h>

#include "bz-repo-private.h"

void
bz_password_reset_code_clear (BzPasswordResetCode *code)
{
  g_clear_pointer (&code->id, g_free);
  g_clear_pointer (&code->code_hash, g_free);
  code->attempts = 0;
}

gboolean
bz_password_reset_repo_patient_account (BzStore *store, const char *patient_id, const char *nutritionist_id,
                                        char **out_user_id, char **out_email, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT u.id, u.email FROM patients p JOIN users u ON u.id = p.user_id"
      " WHERE p.id = ? AND p.nutritionist_id = ?", error);
  gboolean have_row;

  *out_user_id = NULL;
  *out_email = NULL;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, nutritionist_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (have_row)
    {
      *out_user_id = bz_db_column_text_dup (st, 0);
      *out_email = bz_db_column_text_dup (st, 1);
    }
  return TRUE;
}

gboolean
bz_password_reset_repo_requester (BzStore *store, const char *email, char **out_patient_id,
                                  char **out_nutritionist_id, char **out_full_name, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT p.id, p.nutritionist_id, u.first_name || ' ' || u.last_name"
      " FROM users u JOIN patients p ON p.user_id = u.id"
      " WHERE u.email = ? AND u.is_active = 1 AND p.nutritionist_id IS NOT NULL", error);
  gboolean have_row;

  *out_patient_id = NULL;
  *out_nutritionist_id = NULL;
  *out_full_name = NULL;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, email, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (have_row)
    {
      *out_patient_id = bz_db_column_text_dup (st, 0);
      *out_nutritionist_id = bz_db_column_text_dup (st, 1);
      *out_full_name = bz_db_column_text_dup (st, 2);
    }
  return TRUE;
}

gboolean
bz_password_reset_repo_insert (BzStore *store, const char *id, const char *user_id, const char *code_hash,
                               const char *created_by, const char *created_at, const char *expires_at,
                               GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) void_old = bz_db_prepare (db,
      "UPDATE password_reset_codes SET voided_at = ?2"
      " WHERE user_id = ?1 AND used_at IS NULL AND voided_at IS NULL", error);
  g_autoptr(sqlite3_stmt) st = NULL;

  if (!void_old)
    return FALSE;
  sqlite3_bind_text (void_old, 1, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (void_old, 2, created_at, -1, SQLITE_STATIC);
  if (!bz_db_step_done (void_old, error))
    return FALSE;
  st = bz_db_prepare (db,
      "INSERT INTO password_reset_codes (id, user_id, code_hash, created_by, created_at, expires_at)"
      " VALUES (?, ?, ?, ?, ?, ?)", error);
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, code_hash, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 4, created_by);
  sqlite3_bind_text (st, 5, created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 6, expires_at, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error);
}

gboolean
bz_password_reset_repo_find_live (BzStore *store, const char *user_id, const char *now,
                                  BzPasswordResetCode *out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT id, code_hash, attempts FROM password_reset_codes"
      " WHERE user_id = ? AND used_at IS NULL AND voided_at IS NULL AND expires_at > ?"
      " ORDER BY created_at DESC, rowid DESC LIMIT 1", error);
  gboolean have_row;

  memset (out, 0, sizeof *out);
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, now, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (have_row)
    {
      out->id = bz_db_column_text_dup (st, 0);
      out->code_hash = bz_db_column_text_dup (st, 1);
      out->attempts = sqlite3_column_int64 (st, 2);
    }
  return TRUE;
}

gboolean
bz_password_reset_repo_note_wrong (BzStore *store, const char *id, gint64 attempts_max, const char *now,
                                   GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "UPDATE password_reset_codes SET attempts = attempts + 1,"
      " voided_at = CASE WHEN attempts + 1 >= ?2 THEN ?3 ELSE voided_at END"
      " WHERE id = ?1 AND used_at IS NULL AND voided_at IS NULL", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 2, attempts_max);
  sqlite3_bind_text (st, 3, now, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error);
}

gboolean
bz_password_reset_repo_take (BzStore *store, const char *id, const char *now, gboolean *out_taken, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "UPDATE password_reset_codes SET used_at = ?2"
      " WHERE id = ?1 AND used_at IS NULL AND voided_at IS NULL AND expires_at > ?2", error);

  *out_taken = FALSE;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, now, -1, SQLITE_STATIC);
  if (!bz_db_step_done (st, error))
    return FALSE;
  *out_taken = sqlite3_changes (db) == 1;
  return TRUE;
}
