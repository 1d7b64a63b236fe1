/* bz-meal-plan-repo-lifecycle.c — the SQL of the meal plans' status
 * lifecycle (finalize, activate, complete and the start-up listing of the
 * plans without their job); see bz-meal-plan-repo.h and, for the rules,
 * bz-meal-plan-service.h. */
#include "bz-meal-plan-repo.h"

#include "bz-record-store.h"
#include "bz-repo-private.h"

/* Moves every plan of @patient_id in status @from (but @except_id) to
 * @if_ended when its last day is before @today (planDate + durationDays <=
 * @today) and to @otherwise if not, logging each change. */
static gboolean
move_plans (sqlite3 *db, const char *patient_id, const char *from, const char *if_ended, const char *otherwise,
            const char *except_id, const char *today, const char *now, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "UPDATE meal_plans SET status = CASE WHEN date (plan_date, '+' || duration_days || ' days') <= ?5"
      " THEN ?6 ELSE ?7 END, updated_at = ?2 WHERE patient_id = ?1 AND status = ?3 AND id <> ?4 RETURNING id", error);
  gboolean have_row;

  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, except_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 5, today, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 6, if_ended, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 7, otherwise, -1, SQLITE_STATIC);
  for (;;)
    {
      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        return TRUE;
      if (!bz_store_log_patient_change (db, "meal_plans", (const char *) sqlite3_column_text (st, 0), BZ_CHANGE_UPDATE,
                                        patient_id, error))
        return FALSE;
    }
}

/* Sets @plan_id's status to @to if it is @from, logging the change. */
static gboolean
set_status (sqlite3 *db, const char *plan_id, const char *from, const char *to, const char *now, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "UPDATE meal_plans SET status = ?3, updated_at = ?4 WHERE id = ?1 AND status = ?2", error);

  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, plan_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, to, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, now, -1, SQLITE_STATIC);
  if (!bz_db_step_done (st, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    return TRUE;
  return bz_repo_log_plan_change (db, plan_id, BZ_CHANGE_UPDATE, error);
}

gboolean
bz_meal_plan_repo_finalize (BzStore *store, const char *plan_id, const char *patient_id,
                            const char *plan_name, const char *now, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = NULL;

  /* The patient's other upcoming plan never started: it is history now. */
  if (!move_plans (db, patient_id, "finalized", "archived", "archived", plan_id, "", now, error))
    return FALSE;
  st = bz_db_prepare (db,
      "UPDATE meal_plans SET status = 'finalized', plan_name = ?2, finalized_at = ?3, updated_at = ?3, expires_at = NULL"
      " WHERE id = ?1 AND status = 'draft'", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, plan_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, plan_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, now, -1, SQLITE_STATIC);
  if (!bz_db_step_done (st, error))
    return FALSE;
  return bz_store_log_patient_change (db, "meal_plans", plan_id, BZ_CHANGE_UPDATE, patient_id, error);
}

/* The plan's patient, status, planDate and end date (planDate +
 * durationDays, the day after its last); *@out_found FALSE when there is
 * no such plan. */
static gboolean
read_dates (sqlite3 *db, const char *plan_id, gboolean *out_found, char **patient_id, char **status,
            char **plan_date, char **end_date, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "SELECT patient_id, status, plan_date, date (plan_date, '+' || duration_days || ' days')"
      " FROM meal_plans WHERE id = ?1", error);

  *out_found = FALSE;
  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, plan_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, out_found, error))
    return FALSE;
  if (*out_found)
    {
      *patient_id = bz_db_column_text_dup (st, 0);
      *status = bz_db_column_text_dup (st, 1);
      *plan_date = bz_db_column_text_dup (st, 2);
      *end_date = bz_db_column_text_dup (st, 3);
    }
  return TRUE;
}

gboolean
bz_meal_plan_repo_activate (BzStore *store, const char *plan_id, const char *today, const char *now,
                            BzPlanTransition *out, char **out_end_date, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *patient = NULL, *status = NULL, *plan_date = NULL, *end_date = NULL;
  gboolean found;

  *out = BZ_PLAN_TRANSITION_NOT_APPLICABLE;
  if (out_end_date)
    *out_end_date = NULL;
  if (!read_dates (db, plan_id, &found, &patient, &status, &plan_date, &end_date, error))
    return FALSE;
  if (!found || g_strcmp0 (status, "finalized") != 0)
    return TRUE;
  if (g_strcmp0 (plan_date, today) > 0)
    {
      *out = BZ_PLAN_TRANSITION_NOT_YET;
      return TRUE;
    }
  /* The last finished plan becomes history; the plan in use ends: completed
   * if it reached its last day, archived if it is cut short. */
  if (!move_plans (db, patient, "completed", "archived", "archived", plan_id, today, now, error) ||
      !move_plans (db, patient, "active", "completed", "archived", plan_id, today, now, error) ||
      !set_status (db, plan_id, "finalized", "active", now, error))
    return FALSE;
  *out = BZ_PLAN_TRANSITION_DONE;
  if (out_end_date)
    *out_end_date = g_steal_pointer (&end_date);
  return TRUE;
}

gboolean
bz_meal_plan_repo_complete (BzStore *store, const char *plan_id, const char *today, const char *now,
                            BzPlanTransition *out, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *patient = NULL, *status = NULL, *plan_date = NULL, *end_date = NULL;
  gboolean found;

  *out = BZ_PLAN_TRANSITION_NOT_APPLICABLE;
  if (!read_dates (db, plan_id, &found, &patient, &status, &plan_date, &end_date, error))
    return FALSE;
  if (!found || g_strcmp0 (status, "active") != 0)
    return TRUE;
  if (g_strcmp0 (end_date, today) > 0)
    {
      *out = BZ_PLAN_TRANSITION_NOT_YET;
      return TRUE;
    }
  if (!set_status (db, plan_id, "active", "completed", now, error))
    return FALSE;
  *out = BZ_PLAN_TRANSITION_DONE;
  return TRUE;
}

gboolean
bz_meal_plan_repo_list_unscheduled_lifecycle (BzStore *store, const char *activate_kind, const char *complete_kind,
                                              char ***out_ids, char ***out_kinds, char ***out_dates, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT p.id, ?1, p.plan_date FROM meal_plans p WHERE p.status = 'finalized'"
      " AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.kind = ?1 AND j.idempotency_key = p.id)"
      " UNION ALL"
      " SELECT p.id, ?2, date (p.plan_date, '+' || p.duration_days || ' days') FROM meal_plans p WHERE p.status = 'active'"
      " AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.kind = ?2 AND j.idempotency_key = p.id)"
      " ORDER BY 1, 2", error);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) kinds = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) dates = g_strv_builder_new ();
  gboolean have_row;

  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, activate_kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, complete_kind, -1, SQLITE_STATIC);
  for (;;)
    {
      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      g_strv_builder_add (ids, (const char *) sqlite3_column_text (st, 0));
      g_strv_builder_add (kinds, (const char *) sqlite3_column_text (st, 1));
      g_strv_builder_add (dates, (const char *) sqlite3_column_text (st, 2));
    }
  *out_ids = g_strv_builder_end (ids);
  *out_kinds = g_strv_builder_end (kinds);
  *out_dates = g_strv_builder_end (dates);
  return TRUE;
}
