/* bz-device-repo.c — paired devices and pairing codes (bz-device-repo.h). */
#include "bz-device-repo.h"

#include "bz-repo-private.h"

#define DEVICE_COLUMNS "id, name, platform, created_at, last_seen_at, revoked"

/* The columns of DEVICE_COLUMNS, from @col. */
static BzRecord *
device_row (sqlite3_stmt *st, int col)
{
  BzRecord *r = bz_record_new (&bz_device_resource);

  bz_record_set_string (r, BZ_DEVICE_ID, (const char *) sqlite3_column_text (st, col));
  bz_record_set_string (r, BZ_DEVICE_NAME, (const char *) sqlite3_column_text (st, col + 1));
  bz_record_set_string (r, BZ_DEVICE_PLATFORM, (const char *) sqlite3_column_text (st, col + 2));
  bz_record_set_string (r, BZ_DEVICE_CREATED_AT, (const char *) sqlite3_column_text (st, col + 3));
  bz_record_set_string (r, BZ_DEVICE_LAST_SEEN_AT, (const char *) sqlite3_column_text (st, col + 4));
  bz_record_set_boolean (r, BZ_DEVICE_REVOKED, sqlite3_column_int (st, col + 5) != 0);
  return r;
}

gboolean
bz_device_repo_insert_code (BzStore *store, const char *id, const char *code_hash, const char *user_id,
                            const char *created_by, const char *created_at, const char *expires_at, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "INSERT INTO pairing_codes (id, code_hash, user_id, created_by, created_at, expires_at)"
      " VALUES (?, ?, ?, ?, ?, ?)", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, code_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, created_by, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 5, created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 6, expires_at, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error);
}

gboolean
bz_device_repo_take_code (BzStore *store, const char *code_hash, const char *now,
                          char **out_code_id, char **out_user_id, GError **error)
{
  /* One statement: two exchanges of the same code cannot both take it. */
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "UPDATE pairing_codes SET used_at = ?1"
      " WHERE code_hash = ?2 AND used_at IS NULL AND expires_at > ?1 RETURNING id, user_id", error);
  gboolean have_row;

  *out_code_id = NULL;
  *out_user_id = NULL;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, code_hash, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (have_row)
    {
      *out_code_id = bz_db_column_text_dup (st, 0);
      *out_user_id = bz_db_column_text_dup (st, 1);
      /* Finish the statement (RETURNING writes as it steps). */
      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bz_device_repo_insert (BzStore *store, const char *id, const char *user_id, const char *family_id,
                       const char *name, const char *platform, const char *now, const char *code_id, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "INSERT INTO devices (id, user_id, family_id, name, platform, created_at, last_seen_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?6)", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, family_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 5, platform, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 6, now, -1, SQLITE_STATIC);
  if (!bz_db_step_done (st, error))
    return FALSE;
  if (code_id)
    {
      g_autoptr(sqlite3_stmt) upd = bz_db_prepare (db, "UPDATE pairing_codes SET device_id = ? WHERE id = ?", error);
      if (!upd)
        return FALSE;
      sqlite3_bind_text (upd, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (upd, 2, code_id, -1, SQLITE_STATIC);
      if (!bz_db_step_done (upd, error))
        return FALSE;
    }
  return bz_store_log_change (db, "devices", id, BZ_CHANGE_INSERT, error);
}

gboolean
bz_device_repo_count_live (BzStore *store, const char *user_id, gint64 *out_n, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT count(*) FROM devices WHERE user_id = ? AND revoked = 0", error);
  gboolean have_row;

  *out_n = 0;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (have_row)
    *out_n = sqlite3_column_int64 (st, 0);
  return TRUE;
}

BzRecord *
bz_device_repo_list (BzStore *store, const char *user_id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT " DEVICE_COLUMNS " FROM devices WHERE user_id = ? ORDER BY created_at DESC, id LIMIT ?", error);
  g_autoptr(BzRecord) list = bz_record_new (&bz_device_list_resource);
  gboolean have_row;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (st, 2, (int) bz_device_list_resource.fields[BZ_DEVICE_LIST_DEVICES].max);
  bz_record_set_empty_array (list, BZ_DEVICE_LIST_DEVICES);
  for (;;)
    {
      if (!bz_repo_step (st, &have_row, error))
        return NULL;
      if (!have_row)
        break;
      bz_record_append (list, BZ_DEVICE_LIST_DEVICES, device_row (st, 0));
    }
  return g_steal_pointer (&list);
}

BzRecord *
bz_device_repo_get (BzStore *store, const char *id, char **out_user_id, char **out_family_id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT " DEVICE_COLUMNS ", user_id, family_id FROM devices WHERE id = ?", error);
  gboolean have_row;

  if (out_user_id)
    *out_user_id = NULL;
  if (out_family_id)
    *out_family_id = NULL;
  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error) || !have_row)
    return NULL;
  if (out_user_id)
    *out_user_id = bz_db_column_text_dup (st, 6);
  if (out_family_id)
    *out_family_id = bz_db_column_text_dup (st, 7);
  return device_row (st, 0);
}

gboolean
bz_device_repo_revoke (BzStore *store, const char *id, const char *now, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "UPDATE devices SET revoked = 1, revoked_at = ? WHERE id = ? AND revoked = 0", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, id, -1, SQLITE_STATIC);
  if (!bz_db_step_done (st, error))
    return FALSE;
  return sqlite3_changes (db) == 0 || bz_store_log_change (db, "devices", id, BZ_CHANGE_UPDATE, error);
}

gboolean
bz_device_repo_touch (BzStore *store, const char *family_id, const char *now, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "UPDATE devices SET last_seen_at = ? WHERE family_id = ? AND revoked = 0", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, family_id, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error);
}

char *
bz_device_repo_patient_user (BzStore *store, const char *patient_id, const char *nutritionist_id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT user_id FROM patients WHERE id = ? AND nutritionist_id = ?", error);
  gboolean have_row;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, nutritionist_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error) || !have_row)
    return NULL;
  return bz_db_column_text_dup (st, 0);
}

gboolean
bz_device_repo_is_patient_of (BzStore *store, const char *user_id, const char *nutritionist_id, gboolean *out_yes,
                              GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT 1 FROM patients WHERE user_id = ? AND nutritionist_id = ?", error);

  *out_yes = FALSE;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, nutritionist_id, -1, SQLITE_STATIC);
  return bz_repo_step (st, out_yes, error);
}
