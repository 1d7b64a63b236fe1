/* bz-workout-repo.c — gym machines and workout plans (see bz-workout-repo.h). */
#include "bz-workout-repo.h"

#include "bz-repo-private.h"

void
bz_gym_machine_free (BzGymMachine *m)
{
  if (m == NULL)
    return;
  g_free (m->id);
  g_free (m->kind);
  g_free (m->name);
  g_free (m->zone);
  g_free (m->status);
  g_free (m->last_seen);
  g_free (m);
}

#define MACHINE_COLUMNS "id, kind, name, zone, status, last_seen"

static BzGymMachine *
machine_of_row (sqlite3_stmt *st)
{
  BzGymMachine *m = g_new0 (BzGymMachine, 1);
  m->id = bz_db_column_text_dup (st, 0);
  m->kind = bz_db_column_text_dup (st, 1);
  m->name = bz_db_column_text_dup (st, 2);
  m->zone = bz_db_column_text_dup (st, 3);
  m->status = bz_db_column_text_dup (st, 4);
  m->last_seen = bz_db_column_text_dup (st, 5);
  return m;
}

gboolean
bz_gym_repo_list (BzStore *store, GPtrArray **out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT " MACHINE_COLUMNS " FROM gym_machines ORDER BY kind, name, id", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bz_gym_machine_free);

  if (!st)
    return FALSE;
  for (;;)
    {
      gboolean have_row;
      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      g_ptr_array_add (rows, machine_of_row (st));
    }
  *out = g_steal_pointer (&rows);
  return TRUE;
}

BzGymMachine *
bz_gym_repo_get (BzStore *store, const char *id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT " MACHINE_COLUMNS " FROM gym_machines WHERE id = ?1", error);
  gboolean have_row;

  if (!st)
    return NULL;
  bz_db_bind_text_or_null (st, 1, id);
  if (!bz_repo_step (st, &have_row, error))
    return NULL;
  if (!have_row)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "Gym machine %s not found", id);
      return NULL;
    }
  return machine_of_row (st);
}

gboolean
bz_gym_repo_insert (BzStore *store, const BzGymMachine *m, const char *api_key_hash, const char *now,
                    GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "INSERT INTO gym_machines (id, kind, name, zone, status, last_seen, api_key_hash, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", error);

  if (!st)
    return FALSE;
  bz_db_bind_text_or_null (st, 1, m->id);
  bz_db_bind_text_or_null (st, 2, m->kind);
  bz_db_bind_text_or_null (st, 3, m->name);
  bz_db_bind_text_or_null (st, 4, m->zone);
  bz_db_bind_text_or_null (st, 5, m->status);
  bz_db_bind_text_or_null (st, 6, m->last_seen);
  bz_db_bind_text_or_null (st, 7, api_key_hash);
  bz_db_bind_text_or_null (st, 8, now);
  return bz_db_step_done (st, error);
}

gboolean
bz_gym_repo_set_status (BzStore *store, const char *id, const char *status, const char *now, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "UPDATE gym_machines SET status = ?2, current_user_id = NULL, updated_at = ?3 WHERE id = ?1", error);

  if (!st)
    return FALSE;
  bz_db_bind_text_or_null (st, 1, id);
  bz_db_bind_text_or_null (st, 2, status);
  bz_db_bind_text_or_null (st, 3, now);
  if (!bz_db_step_done (st, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "Gym machine %s not found", id);
      return FALSE;
    }
  return TRUE;
}

/* The status of machine @id when @key_hash is its key's (transfer full), or
 * %NULL with UNAUTHENTICATED. */
static char *
status_if_key (BzStore *store, const char *id, const char *key_hash, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT status FROM gym_machines WHERE id = ?1 AND api_key_hash = ?2", error);
  gboolean have_row;

  if (!st)
    return NULL;
  bz_db_bind_text_or_null (st, 1, id);
  bz_db_bind_text_or_null (st, 2, key_hash);
  if (!bz_repo_step (st, &have_row, error))
    return NULL;
  if (!have_row)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "Unknown machine or wrong key");
      return NULL;
    }
  return bz_db_column_text_dup (st, 0);
}

gboolean
bz_gym_repo_check_key (BzStore *store, const char *id, const char *api_key_hash, GError **error)
{
  g_autofree char *status = status_if_key (store, id, api_key_hash, error);
  return status != NULL;
}

gboolean
bz_gym_repo_heartbeat (BzStore *store, const char *id, const char *api_key_hash, const char *status,
                       const char *user_id, const char *now, char **out_old_status, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *old = NULL;
  g_autoptr(sqlite3_stmt) st = NULL;

  if (!(old = status_if_key (store, id, api_key_hash, error)))
    return FALSE;
  if (user_id)
    {
      g_autoptr(sqlite3_stmt) u = bz_db_prepare (db, "SELECT 1 FROM users WHERE id = ?1", error);
      gboolean have_row;
      if (!u)
        return FALSE;
      bz_db_bind_text_or_null (u, 1, user_id);
      if (!bz_repo_step (u, &have_row, error))
        return FALSE;
      if (!have_row)
        {
          g_set_error_literal (error, BZ_ERROR, BZ_ERROR_VALIDATION, "userId is no user");
          return FALSE;
        }
    }
  if (!(st = bz_db_prepare (db,
      "UPDATE gym_machines SET status = ?3, current_user_id = ?4, last_seen = ?5, updated_at = ?5"
      " WHERE id = ?1 AND api_key_hash = ?2", error)))
    return FALSE;
  bz_db_bind_text_or_null (st, 1, id);
  bz_db_bind_text_or_null (st, 2, api_key_hash);
  bz_db_bind_text_or_null (st, 3, status);
  bz_db_bind_text_or_null (st, 4, g_strcmp0 (status, "in_use") == 0 ? user_id : NULL);
  bz_db_bind_text_or_null (st, 5, now);
  if (!bz_db_step_done (st, error))
    return FALSE;
  if (out_old_status)
    *out_old_status = g_steal_pointer (&old);
  return TRUE;
}

gboolean
bz_gym_repo_mark_offline (BzStore *store, const char *cutoff, const char *now, GPtrArray **out_ids, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "UPDATE gym_machines SET status = 'offline', current_user_id = NULL, updated_at = ?2"
      " WHERE last_seen IS NOT NULL AND status <> 'offline' AND last_seen < ?1 RETURNING id", error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  if (!st)
    return FALSE;
  bz_db_bind_text_or_null (st, 1, cutoff);
  bz_db_bind_text_or_null (st, 2, now);
  for (;;)
    {
      gboolean have_row;
      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      g_ptr_array_add (ids, bz_db_column_text_dup (st, 0));
    }
  *out_ids = g_steal_pointer (&ids);
  return TRUE;
}

void
bz_workout_plan_row_clear (BzWorkoutPlanRow *r)
{
  g_clear_pointer (&r->id, g_free);
  g_clear_pointer (&r->patient_id, g_free);
  g_clear_pointer (&r->created_by, g_free);
  g_clear_pointer (&r->status, g_free);
  g_clear_pointer (&r->starts_on, g_free);
  g_clear_pointer (&r->ends_on, g_free);
  g_clear_pointer (&r->goal, g_free);
  g_clear_pointer (&r->level, g_free);
  g_clear_pointer (&r->provider, g_free);
  g_clear_pointer (&r->source, g_free);
  g_clear_pointer (&r->request_json, g_free);
  g_clear_pointer (&r->plan_json, g_free);
  g_clear_pointer (&r->created_at, g_free);
  g_clear_pointer (&r->deactivated_at, g_free);
}

#define PLAN_COLUMNS "id, patient_id, created_by, status, starts_on, ends_on, goal, level, days_per_week, seed," \
                     " provider, source, request_json, plan_json, created_at, deactivated_at"

gboolean
bz_workout_repo_replace_active (BzStore *store, const BzWorkoutPlanRow *r, guint keep_inactive, GError **error)
{
  sqlite3 *db = bz_store_db (store);

  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "UPDATE workout_plans SET status = 'inactive', deactivated_at = ?2 WHERE patient_id = ?1 AND status = 'active'", error);
    if (!st)
      return FALSE;
    bz_db_bind_text_or_null (st, 1, r->patient_id);
    bz_db_bind_text_or_null (st, 2, r->created_at);
    if (!bz_db_step_done (st, error))
      return FALSE;
  }
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "INSERT INTO workout_plans (" PLAN_COLUMNS ") VALUES"
        " (?1, ?2, ?3, 'active', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, NULL)", error);
    if (!st)
      return FALSE;
    bz_db_bind_text_or_null (st, 1, r->id);
    bz_db_bind_text_or_null (st, 2, r->patient_id);
    bz_db_bind_text_or_null (st, 3, r->created_by);
    bz_db_bind_text_or_null (st, 4, r->starts_on);
    bz_db_bind_text_or_null (st, 5, r->ends_on);
    bz_db_bind_text_or_null (st, 6, r->goal);
    bz_db_bind_text_or_null (st, 7, r->level);
    sqlite3_bind_int64 (st, 8, r->days_per_week);
    sqlite3_bind_int64 (st, 9, r->seed);
    bz_db_bind_text_or_null (st, 10, r->provider);
    bz_db_bind_text_or_null (st, 11, r->source);
    bz_db_bind_text_or_null (st, 12, r->request_json);
    bz_db_bind_text_or_null (st, 13, r->plan_json);
    bz_db_bind_text_or_null (st, 14, r->created_at);
    if (!bz_db_step_done (st, error))
      return FALSE;
  }
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "DELETE FROM workout_plans WHERE patient_id = ?1 AND status = 'inactive' AND id NOT IN"
        " (SELECT id FROM workout_plans WHERE patient_id = ?1 AND status = 'inactive'"
        "  ORDER BY deactivated_at DESC, created_at DESC, id DESC LIMIT ?2)", error);
    if (!st)
      return FALSE;
    bz_db_bind_text_or_null (st, 1, r->patient_id);
    sqlite3_bind_int64 (st, 2, keep_inactive);
    return bz_db_step_done (st, error);
  }
}

static gboolean
read_plan (sqlite3_stmt *st, BzWorkoutPlanRow *out, GError **error)
{
  gboolean have_row;

  if (!bz_repo_step (st, &have_row, error) || !have_row)
    return FALSE;
  out->id = bz_db_column_text_dup (st, 0);
  out->patient_id = bz_db_column_text_dup (st, 1);
  out->created_by = bz_db_column_text_dup (st, 2);
  out->status = bz_db_column_text_dup (st, 3);
  out->starts_on = bz_db_column_text_dup (st, 4);
  out->ends_on = bz_db_column_text_dup (st, 5);
  out->goal = bz_db_column_text_dup (st, 6);
  out->level = bz_db_column_text_dup (st, 7);
  out->days_per_week = sqlite3_column_int64 (st, 8);
  out->seed = sqlite3_column_int64 (st, 9);
  out->provider = bz_db_column_text_dup (st, 10);
  out->source = bz_db_column_text_dup (st, 11);
  out->request_json = bz_db_column_text_dup (st, 12);
  out->plan_json = bz_db_column_text_dup (st, 13);
  out->created_at = bz_db_column_text_dup (st, 14);
  out->deactivated_at = bz_db_column_text_dup (st, 15);
  return TRUE;
}

gboolean
bz_workout_repo_get_active (BzStore *store, const char *patient_id, BzWorkoutPlanRow *out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT " PLAN_COLUMNS " FROM workout_plans WHERE patient_id = ?1 AND status = 'active'", error);

  if (!st)
    return FALSE;
  bz_db_bind_text_or_null (st, 1, patient_id);
  return read_plan (st, out, error);
}

gboolean
bz_workout_repo_get (BzStore *store, const char *plan_id, BzWorkoutPlanRow *out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT " PLAN_COLUMNS " FROM workout_plans WHERE id = ?1", error);

  if (!st)
    return FALSE;
  bz_db_bind_text_or_null (st, 1, plan_id);
  return read_plan (st, out, error);
}

gboolean
bz_workout_repo_member (BzStore *store, const char *patient_id, char **out_goal, char **out_activity,
                        char **out_conditions, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT primary_goal, activity_level, bz_unseal ('patients', 'health_conditions', id, health_conditions)"
      " FROM patients WHERE id = ?1", error);
  gboolean have_row;

  if (!st)
    return FALSE;
  bz_db_bind_text_or_null (st, 1, patient_id);
  if (!bz_repo_step (st, &have_row, error) || !have_row)
    return FALSE;
  *out_goal = bz_db_column_text_dup (st, 0);
  *out_activity = bz_db_column_text_dup (st, 1);
  *out_conditions = bz_db_column_text_dup (st, 2);
  return TRUE;
}

/* --- Logged sessions -------------------------------------------------------------- */

void
bz_workout_session_row_clear (BzWorkoutSessionRow *r)
{
  g_clear_pointer (&r->id, g_free);
  g_clear_pointer (&r->patient_id, g_free);
  g_clear_pointer (&r->plan_id, g_free);
  g_clear_pointer (&r->performed_on, g_free);
  g_clear_pointer (&r->created_by, g_free);
  g_clear_pointer (&r->created_at, g_free);
  g_clear_pointer (&r->sets, g_array_unref);
  g_clear_pointer (&r->strings, g_ptr_array_unref);
}

static void
bind_optional_double (sqlite3_stmt *st, int idx, double v)
{
  if (v < 0)
    sqlite3_bind_null (st, idx);
  else
    sqlite3_bind_double (st, idx, v);
}

gboolean
bz_workout_repo_insert_session (BzStore *store, const BzWorkoutSessionRow *r, GError **error)
{
  sqlite3 *db = bz_store_db (store);

  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "INSERT INTO workout_sessions (id, patient_id, plan_id, plan_day, performed_on, duration_min, created_by, created_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
    if (!st)
      return FALSE;
    bz_db_bind_text_or_null (st, 1, r->id);
    bz_db_bind_text_or_null (st, 2, r->patient_id);
    bz_db_bind_text_or_null (st, 3, r->plan_id);
    if (r->plan_day > 0)
      sqlite3_bind_int64 (st, 4, r->plan_day);
    bz_db_bind_text_or_null (st, 5, r->performed_on);
    if (r->duration_min > 0)
      sqlite3_bind_int64 (st, 6, r->duration_min);
    bz_db_bind_text_or_null (st, 7, r->created_by);
    bz_db_bind_text_or_null (st, 8, r->created_at);
    if (!bz_db_step_done (st, error))
      return FALSE;
  }
  for (guint i = 0; r->sets && i < r->sets->len; i++)
    {
      const BzWorkoutSetRow *s = &g_array_index (r->sets, BzWorkoutSetRow, i);
      g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
          "INSERT INTO workout_session_sets (session_id, position, exercise_id, reps, weight_kg, minutes)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (!st)
        return FALSE;
      bz_db_bind_text_or_null (st, 1, r->id);
      sqlite3_bind_int64 (st, 2, i);
      bz_db_bind_text_or_null (st, 3, s->exercise_id);
      if (s->reps >= 0)
        sqlite3_bind_int64 (st, 4, s->reps);
      bind_optional_double (st, 5, s->weight_kg);
      bind_optional_double (st, 6, s->minutes);
      if (!bz_db_step_done (st, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bz_workout_repo_sessions (BzStore *store, const char *patient_id, const char *from, const char *to, GArray **out,
                          GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT s.id, s.plan_id, s.plan_day, s.performed_on, s.duration_min, x.exercise_id, x.reps, x.weight_kg, x.minutes"
      " FROM workout_sessions s LEFT JOIN workout_session_sets x ON x.session_id = s.id"
      " WHERE s.patient_id = ?1 AND s.performed_on BETWEEN ?2 AND ?3"
      " ORDER BY s.performed_on, s.created_at, s.id, x.position", error);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (BzWorkoutSessionRow));

  if (!st)
    return FALSE;
  g_array_set_clear_func (rows, (GDestroyNotify) bz_workout_session_row_clear);
  bz_db_bind_text_or_null (st, 1, patient_id);
  bz_db_bind_text_or_null (st, 2, from);
  bz_db_bind_text_or_null (st, 3, to);
  for (;;)
    {
      gboolean have_row;
      BzWorkoutSessionRow *cur = rows->len ? &g_array_index (rows, BzWorkoutSessionRow, rows->len - 1) : NULL;
      const char *id;
      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      id = (const char *) sqlite3_column_text (st, 0);
      if (cur == NULL || g_strcmp0 (cur->id, id) != 0)
        {
          BzWorkoutSessionRow r = { 0 };
          r.id = g_strdup (id);
          r.patient_id = g_strdup (patient_id);
          r.plan_id = bz_db_column_text_dup (st, 1);
          r.plan_day = sqlite3_column_int64 (st, 2);
          r.performed_on = bz_db_column_text_dup (st, 3);
          r.duration_min = sqlite3_column_int64 (st, 4);
          r.sets = g_array_new (FALSE, TRUE, sizeof (BzWorkoutSetRow));
          r.strings = g_ptr_array_new_with_free_func (g_free);
          g_array_append_val (rows, r);
          cur = &g_array_index (rows, BzWorkoutSessionRow, rows->len - 1);
        }
      if (sqlite3_column_type (st, 5) != SQLITE_NULL)
        {
          BzWorkoutSetRow s;
          char *ex = bz_db_column_text_dup (st, 5);
          g_ptr_array_add (cur->strings, ex);
          s.exercise_id = ex;
          s.reps = sqlite3_column_type (st, 6) == SQLITE_NULL ? -1 : sqlite3_column_int64 (st, 6);
          s.weight_kg = sqlite3_column_type (st, 7) == SQLITE_NULL ? -1 : sqlite3_column_double (st, 7);
          s.minutes = sqlite3_column_type (st, 8) == SQLITE_NULL ? -1 : sqlite3_column_double (st, 8);
          g_array_append_val (cur->sets, s);
        }
    }
  *out = g_steal_pointer (&rows);
  return TRUE;
}
