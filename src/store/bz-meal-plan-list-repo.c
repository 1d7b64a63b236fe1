/* bz-meal-plan-list-repo.c — see bz-meal-plan-list-repo.h. */
#include "bz-meal-plan-list-repo.h"

#include "bz-record-store.h"
#include "bz-repo-private.h"

gboolean
bz_meal_plan_list_repo_for_patient (BzStore *store, const char *patient_id, const char *now,
                                    GPtrArray **out, GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = NULL;
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  const char *text;

  g_return_val_if_fail (out != NULL, FALSE);
  *out = NULL;
  /* meal_plans_patient (patient_id, status) narrows the scan to the patient.
   * 'expired' is not a status of 007_meal_plans.sql (an expired draft is
   * deleted by its job); should a later migration keep expired drafts under
   * that status, they stay out of the list all the same. */
  text = bz_repo_sql_once (&sql,
      "SELECT %s FROM meal_plans WHERE patient_id = ?1 AND status <> 'expired'"
      " AND (status <> 'draft' OR expires_at > ?2)"
      " ORDER BY created_at DESC, id DESC LIMIT ?3",
      &bz_meal_plan_summary_resource, NULL);
  if (!(st = bz_db_prepare (bz_store_db (store), text, error)))
    return FALSE;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int (st, 3, BZ_MEAL_PLAN_LIST_MAX);
  for (;;)
    {
      gboolean have_row;
      int col = 0;
      BzRecord *rec;

      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      rec = bz_record_new (&bz_meal_plan_summary_resource);
      bz_db_read_record (st, &col, rec);
      g_ptr_array_add (plans, rec);
    }
  *out = g_steal_pointer (&plans);
  return TRUE;
}
