/* bz-notification-repo.c — notifications and device tokens
 * (bz-notification-repo.h; data/sql/029_messages_notifications.sql). */
#include "bz-notification-repo.h"

#include "bz-repo-private.h"

gboolean
bz_notification_repo_insert (BzStore *store, const char *user_id, BzRecord *n, gboolean *out_inserted,
                             GError **error)
{
  static gsize sql;
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, bz_repo_sql_once (&sql,
      "INSERT OR IGNORE INTO notifications (user_id, %s) VALUES (?, %?)",
      &bz_notification_resource, NULL, &bz_notification_resource), error);
  int param = 2;
  gboolean inserted;

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  bz_db_bind_record (st, &param, n);
  if (!bz_db_step_done (st, error))
    return FALSE;
  inserted = sqlite3_changes (db) > 0;
  if (out_inserted)
    *out_inserted = inserted;
  return !inserted || bz_store_log_change (db, "notifications", bz_record_get_string (n, BZ_NOTIFICATION_ID),
                                           BZ_CHANGE_INSERT, error);
}

BzRecord *
bz_notification_repo_get (BzStore *store, const char *user_id, const char *id, GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      "SELECT %s FROM notifications WHERE id = ?1 AND user_id = ?2", &bz_notification_resource, NULL), error);

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, user_id, -1, SQLITE_STATIC);
  return bz_repo_read_one (st, &bz_notification_resource, error);
}

gboolean
bz_notification_repo_unread (BzStore *store, const char *user_id, gint64 *out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT count(*) FROM notifications WHERE user_id = ?1 AND read_at IS NULL", error);
  gboolean have_row;

  *out = 0;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  *out = have_row ? sqlite3_column_int64 (st, 0) : 0;
  return TRUE;
}

GPtrArray *
bz_notification_repo_list (BzStore *store, const char *user_id, guint limit, gint64 offset,
                           gint64 *out_total, GError **error)
{
  static gsize sql;
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) count = bz_db_prepare (db, "SELECT count(*) FROM notifications WHERE user_id = ?1", error);
  g_autoptr(sqlite3_stmt) st = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean have_row;

  if (!count)
    return NULL;
  sqlite3_bind_text (count, 1, user_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (count, &have_row, error))
    return NULL;
  *out_total = have_row ? sqlite3_column_int64 (count, 0) : 0;
  st = bz_db_prepare (db, bz_repo_sql_once (&sql,
      "SELECT %s FROM notifications WHERE user_id = ?1 ORDER BY created_at DESC, rowid DESC LIMIT ?2 OFFSET ?3",
      &bz_notification_resource, NULL), error);
  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 2, limit);
  sqlite3_bind_int64 (st, 3, offset);
  for (;;)
    {
      g_autoptr(GError) local = NULL;
      BzRecord *rec = bz_repo_read_one (st, &bz_notification_resource, &local);
      if (local)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (rec == NULL)
        break;
      g_ptr_array_add (out, rec);
    }
  return g_steal_pointer (&out);
}

gboolean
bz_notification_repo_mark_read (BzStore *store, const char *user_id, const char *id, const char *now,
                                gboolean *out_found, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "UPDATE notifications SET read_at = coalesce(read_at, ?3) WHERE id = ?1 AND user_id = ?2", error);

  *out_found = FALSE;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, now, -1, SQLITE_STATIC);
  if (!bz_db_step_done (st, error))
    return FALSE;
  *out_found = sqlite3_changes (db) > 0;
  return !*out_found || bz_store_log_change (db, "notifications", id, BZ_CHANGE_UPDATE, error);
}

BzRecord *
bz_notification_repo_register_device (BzStore *store, const char *user_id, const char *token,
                                      const char *platform, const char *now, GError **error)
{
  static gsize sql;
  sqlite3 *db = bz_store_db (store);
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(sqlite3_stmt) up = bz_db_prepare (db,
      "INSERT INTO device_tokens (id, user_id, token, platform, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)"
      " ON CONFLICT (token) DO UPDATE SET user_id = excluded.user_id, platform = excluded.platform,"
      " updated_at = excluded.updated_at", error);
  g_autoptr(sqlite3_stmt) st = NULL;
  BzRecord *rec;

  if (!up)
    return NULL;
  sqlite3_bind_text (up, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (up, 2, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (up, 3, token, -1, SQLITE_STATIC);
  sqlite3_bind_text (up, 4, platform, -1, SQLITE_STATIC);
  sqlite3_bind_text (up, 5, now, -1, SQLITE_STATIC);
  if (!bz_db_step_done (up, error))
    return NULL;
  st = bz_db_prepare (db, bz_repo_sql_once (&sql, "SELECT %s FROM device_tokens WHERE token = ?1",
                                            &bz_device_token_resource, NULL), error);
  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, token, -1, SQLITE_STATIC);
  rec = bz_repo_read_one (st, &bz_device_token_resource, error);
  if (rec && !bz_store_log_change (db, "device_tokens", bz_record_get_string (rec, BZ_DEVICE_TOKEN_ID),
                                   BZ_CHANGE_UPDATE, error))
    g_clear_object (&rec);
  return rec;
}
