/* bz-meal-detection-repo.c — see bz-meal-detection-repo.h. */
#include "bz-meal-detection-repo.h"

#include "bz-repo-private.h"

gboolean
bz_meal_detection_repo_list_pending (BzStore *store, GPtrArray **out_ids, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT id FROM meal_logs WHERE detection_status = 'pending'", error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  gboolean row = TRUE;

  if (!st)
    return FALSE;
  while (row)
    {
      if (!bz_repo_step (st, &row, error))
        return FALSE;
      if (row)
        g_ptr_array_add (ids, bz_db_column_text_dup (st, 0));
    }
  *out_ids = g_steal_pointer (&ids);
  return TRUE;
}

gboolean
bz_meal_detection_repo_state (BzStore *store, const char *meal_id, char **out_status, guint *out_n_items,
                              GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT detection_status, (SELECT count(*) FROM meal_items WHERE meal_id = m.id) FROM meal_logs m WHERE id = ?",
      error);
  gboolean row = FALSE;

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, meal_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &row, error) || !row)
    return FALSE;
  *out_status = bz_db_column_text_dup (st, 0);
  *out_n_items = (guint) sqlite3_column_int (st, 1);
  return TRUE;
}

gboolean
bz_meal_detection_repo_set_status (BzStore *store, const char *meal_id, const char *from, const char *to,
                                   gboolean *out_changed, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "UPDATE meal_logs SET detection_status = ?3 WHERE id = ?1 AND detection_status = ?2 RETURNING patient_id", error);
  g_autofree char *patient_id = NULL;
  gboolean row = FALSE;

  if (out_changed)
    *out_changed = FALSE;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, meal_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, to, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &row, error))
    return FALSE;
  if (!row)
    return TRUE;
  patient_id = bz_db_column_text_dup (st, 0);
  if (out_changed)
    *out_changed = TRUE;
  return bz_store_log_patient_change (db, "meal_logs", meal_id, BZ_CHANGE_UPDATE, patient_id, error);
}

void
bz_earlier_meal_free (gpointer p)
{
  BzEarlierMeal *m = p;
  g_free (m->meal_id);
  g_free (m->eaten_at);
  g_free (m->foods);
  g_free (m);
}

gboolean
bz_meal_detection_repo_earlier_meals (BzStore *store, const char *patient_id, const char *meal_type,
                                      const char *except_id, guint limit, GPtrArray **out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT m.id, m.eaten_at,"
      " coalesce ((SELECT group_concat (ndb_no, ',') FROM"
      "   (SELECT DISTINCT ndb_no FROM meal_items WHERE meal_id = m.id ORDER BY ndb_no)), '')"
      " FROM meal_logs m WHERE m.patient_id = ?1 AND m.meal_type = ?2 AND m.id IS NOT ?3"
      " ORDER BY m.eaten_at DESC LIMIT ?4", error);
  g_autoptr(GPtrArray) meals = g_ptr_array_new_with_free_func (bz_earlier_meal_free);
  gboolean row = TRUE;

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, meal_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, except_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (st, 4, (int) limit);
  while (row)
    {
      BzEarlierMeal *m;
      if (!bz_repo_step (st, &row, error))
        return FALSE;
      if (!row)
        break;
      m = g_new0 (BzEarlierMeal, 1);
      m->meal_id = bz_db_column_text_dup (st, 0);
      m->eaten_at = bz_db_column_text_dup (st, 1);
      m->foods = bz_db_column_text_dup (st, 2);
      g_ptr_array_add (meals, m);
    }
  *out = g_steal_pointer (&meals);
  return TRUE;
}
