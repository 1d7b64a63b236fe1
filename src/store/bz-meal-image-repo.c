/* bz-meal-image-repo.c — see bz-meal-image-repo.h. */
#include "bz-meal-image-repo.h"

#include "bz-repo-private.h"

void
bz_meal_image_row_free (BzMealImageRow *row)
{
  if (row == NULL)
    return;
  g_free (row->id);
  g_free (row->owner_id);
  g_free (row->sha256);
  g_free (row->display_sha256);
  g_free (row->mime_type);
  g_free (row->created_at);
  g_free (row->expires_at);
  g_free (row->meal_id);
  g_free (row);
}

gboolean
bz_meal_image_repo_insert (BzStore *store, const BzMealImageRow *row, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "INSERT INTO meal_images (id, owner_id, sha256, display_sha256, width, height, created_at, expires_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  gboolean row_ready = FALSE;

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, row->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, row->owner_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, row->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, row->display_sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int (st, 5, (int) row->width);
  sqlite3_bind_int (st, 6, (int) row->height);
  sqlite3_bind_text (st, 7, row->created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 8, row->expires_at, -1, SQLITE_STATIC);
  return bz_repo_step (st, &row_ready, error);
}

gboolean
bz_meal_image_repo_get (BzStore *store, const char *id, BzMealImageRow **out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT i.id, i.owner_id, i.sha256, i.display_sha256, b.mime_type, i.width, i.height, i.created_at,"
      " i.expires_at, i.meal_id FROM meal_images i JOIN blobs b ON b.sha256 = i.sha256 WHERE i.id = ?1", error);
  BzMealImageRow *row;
  gboolean ready = FALSE;

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &ready, error) || !ready)
    return FALSE;
  row = g_new0 (BzMealImageRow, 1);
  row->id = bz_db_column_text_dup (st, 0);
  row->owner_id = bz_db_column_text_dup (st, 1);
  row->sha256 = bz_db_column_text_dup (st, 2);
  row->display_sha256 = bz_db_column_text_dup (st, 3);
  row->mime_type = bz_db_column_text_dup (st, 4);
  row->width = (guint) sqlite3_column_int (st, 5);
  row->height = (guint) sqlite3_column_int (st, 6);
  row->created_at = bz_db_column_text_dup (st, 7);
  row->expires_at = bz_db_column_text_dup (st, 8);
  row->meal_id = bz_db_column_text_dup (st, 9);
  *out = row;
  return TRUE;
}

gboolean
bz_meal_image_repo_count_waiting (BzStore *store, const char *owner_id, guint *out_count, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT count(*) FROM meal_images WHERE owner_id = ?1 AND meal_id IS NULL", error);
  gboolean ready = FALSE;

  *out_count = 0;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, owner_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &ready, error))
    return FALSE;
  *out_count = ready ? (guint) sqlite3_column_int (st, 0) : 0;
  return TRUE;
}

gboolean
bz_meal_image_repo_attach (BzStore *store, const char *id, const char *meal_id, gboolean *out_attached,
                           GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "UPDATE meal_images SET meal_id = ?2 WHERE id = ?1 AND meal_id IS NULL", error);
  gboolean ready = FALSE;

  *out_attached = FALSE;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, meal_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &ready, error))
    return FALSE;
  *out_attached = sqlite3_changes (db) == 1;
  return TRUE;
}

gboolean
bz_meal_image_repo_set_meal_photo (BzStore *store, const char *meal_id, const char *sha256,
                                   const char *display_sha256, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "UPDATE meal_logs SET photo_sha256 = ?2, photo_display_sha256 = ?3 WHERE id = ?1 RETURNING patient_id", error);
  g_autofree char *patient_id = NULL;
  gboolean ready = FALSE;

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, meal_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, display_sha256, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &ready, error))
    return FALSE;
  if (!ready)
    return TRUE;
  patient_id = bz_db_column_text_dup (st, 0);
  g_clear_pointer (&st, bz_db_stmt_release);
  return bz_store_log_patient_change (db, "meal_logs", meal_id, BZ_CHANGE_UPDATE, patient_id, error);
}

gboolean
bz_meal_image_repo_delete_expired (BzStore *store, const char *id, const char *now, gboolean *out_deleted,
                                   GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "DELETE FROM meal_images WHERE id = ?1 AND expires_at <= ?2", error);
  gboolean ready = FALSE;

  *out_deleted = FALSE;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, now, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &ready, error))
    return FALSE;
  *out_deleted = sqlite3_changes (db) == 1;
  return TRUE;
}
