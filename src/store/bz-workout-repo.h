/* bz-workout-repo.h — the gym's machines and the members' workout plans
 * (data/sql/030_workouts.sql; seed 000 story 4.1).  Every function runs on
 * the calling thread's connection, inside its open transaction if any. */
#pragma once

#include "bz-store.h"

G_BEGIN_DECLS

/**
 * BzGymMachine:
 * @id: @kind (a machine term of bz_vocab_equipment): @name: @zone
 *   (nullable): @status (available, in_use, out_of_service, offline):
 *   @last_seen (nullable, UTC ISO 8601: the last heartbeat)
 *
 * A gym_machines row as anyone may see it: the API key's hash and the
 * current user stay in the store (data/sql/037_gym_machine_heartbeats.sql).
 */
typedef struct
{
  char *id, *kind, *name, *zone, *status, *last_seen;
} BzGymMachine;

/**
 * bz_gym_machine_free:
 * @m: (nullable) (transfer full): a machine of bz_gym_repo_list()
 *
 * Frees @m and its strings.
 */
void bz_gym_machine_free (BzGymMachine *m);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzGymMachine, bz_gym_machine_free)

/**
 * bz_gym_repo_list:
 * @out: (out) (transfer full) (element-type BzGymMachine): every machine, by kind then name
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_gym_repo_list   (BzStore *store, GPtrArray **out, GError **error);

/**
 * bz_gym_repo_get:
 * @id: a gym_machines.id
 * Returns: (transfer full) (nullable): the machine; %NULL with @error
 *   NOT_FOUND (or a database error).
 */
BzGymMachine *bz_gym_repo_get (BzStore *store, const char *id, GError **error);

/**
 * bz_gym_repo_insert:
 * @machine: the row (@zone and @last_seen may be %NULL)
 * @api_key_hash: (nullable): hex SHA-256 of the machine's API key; %NULL:
 *   the machine cannot report (the demo's machines)
 * @now: created_at and updated_at
 * Returns: %FALSE with @error (CONFLICT for an existing id or key hash).
 */
gboolean bz_gym_repo_insert (BzStore *store, const BzGymMachine *machine, const char *api_key_hash,
                             const char *now, GError **error);

/**
 * bz_gym_repo_set_status:
 * Sets a machine's status (and updated_at = @now); the current user is
 * cleared.  Not a heartbeat: last_seen is unchanged.
 * Returns: %FALSE with @error; NOT_FOUND for an unknown id.
 */
gboolean bz_gym_repo_set_status (BzStore *store, const char *id, const char *status, const char *now, GError **error);

/**
 * bz_gym_repo_heartbeat:
 * @id: the machine
 * @api_key_hash: hex SHA-256 of the key presented
 * @status: available, in_use or out_of_service
 * @user_id: (nullable): with in_use, the member using it (users.id)
 * @now: last_seen and updated_at
 * @out_old_status: (out) (transfer full) (optional): the status before
 *
 * Records a heartbeat of machine @id when @api_key_hash is its key's.
 * Returns: %FALSE with @error: UNAUTHENTICATED when there is no machine @id
 *   with that key (the same answer for both: ids do not leak), VALIDATION
 *   when @user_id is no user, or a database error.
 */
gboolean bz_gym_repo_heartbeat (BzStore *store, const char *id, const char *api_key_hash, const char *status,
                                const char *user_id, const char *now, char **out_old_status, GError **error);

/**
 * bz_gym_repo_check_key:
 * Returns: %TRUE when machine @id exists and @api_key_hash (hex SHA-256)
 *   is its key's; %FALSE with @error UNAUTHENTICATED otherwise (or a
 *   database error).
 */
gboolean bz_gym_repo_check_key (BzStore *store, const char *id, const char *api_key_hash, GError **error);

/**
 * bz_gym_repo_mark_offline:
 * @cutoff: UTC ISO 8601: machines whose last heartbeat is older go offline
 * @now: updated_at
 * @out_ids: (out) (transfer full) (element-type utf8): the machines marked
 *   now (not those offline already, nor those never heard from)
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_gym_repo_mark_offline (BzStore *store, const char *cutoff, const char *now, GPtrArray **out_ids,
                                   GError **error);

/**
 * BzWorkoutPlanRow:
 * A workout_plans row; every string owned.
 */
typedef struct
{
  char *id, *patient_id, *created_by, *status, *starts_on, *ends_on, *goal, *level;
  gint64 days_per_week, seed;
  char *provider, *source, *request_json, *plan_json, *created_at, *deactivated_at;
} BzWorkoutPlanRow;

/**
 * bz_workout_plan_row_clear:
 * @row: a row (its strings owned)
 *
 * Frees @row's strings and sets them to %NULL (for g_auto()).
 */
void bz_workout_plan_row_clear (BzWorkoutPlanRow *row);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BzWorkoutPlanRow, bz_workout_plan_row_clear)

/**
 * bz_workout_repo_replace_active:
 * @row: the new plan (its status is written "active")
 * @keep_inactive: how many of the patient's inactive plans to keep, newest first
 * @error: CONFLICT when @row's id exists
 *
 * Deactivates the patient's active plan (status inactive, deactivated_at =
 * @row's created_at), inserts @row as the active one and deletes the
 * patient's inactive plans beyond the newest @keep_inactive.  Call it inside
 * a transaction (bz_store_begin()).
 *
 * Returns: %FALSE with @error.
 */
gboolean bz_workout_repo_replace_active (BzStore *store, const BzWorkoutPlanRow *row, guint keep_inactive, GError **error);

/**
 * bz_workout_repo_get_active:
 * @out: (out caller-allocates): the patient's active plan, when found
 * Returns: %TRUE when found; %FALSE without @error when the patient has none,
 *   with @error on a database error.
 */
gboolean bz_workout_repo_get_active (BzStore *store, const char *patient_id, BzWorkoutPlanRow *out, GError **error);

/**
 * bz_workout_repo_get:
 * Returns: %TRUE when @plan_id exists (filled into @out); %FALSE without
 *   @error when it does not, with @error on a database error.
 */
gboolean bz_workout_repo_get (BzStore *store, const char *plan_id, BzWorkoutPlanRow *out, GError **error);

G_END_DECLS

G_BEGIN_DECLS

/**
 * bz_workout_repo_member:
 * @out_goal: (out) (transfer full) (nullable): patients.primary_goal
 * @out_activity: (out) (transfer full): patients.activity_level
 * @out_conditions: (out) (transfer full): patients.health_conditions (a JSON array of text)
 *
 * What the planner reads of a member's record.
 *
 * Returns: %TRUE when the patient exists; %FALSE without @error when not,
 *   with @error on a database error.
 */
gboolean bz_workout_repo_member (BzStore *store, const char *patient_id, char **out_goal, char **out_activity,
                                 char **out_conditions, GError **error);

G_END_DECLS

G_BEGIN_DECLS

/**
 * BzWorkoutSetRow:
 * One set of a logged session: @exercise_id (a slug), @reps (-1: none),
 * @weight_kg (-1: none), @minutes (-1: none).
 */
typedef struct
{
  const char *exercise_id;
  gint64 reps;
  double weight_kg, minutes;
} BzWorkoutSetRow;

/**
 * BzWorkoutSessionRow:
 * A logged session; @plan_id nullable, @plan_day 0 when none, @duration_min
 * 0 when not given; @sets (element-type BzWorkoutSetRow) in order, their
 * exercise ids owned by @strings.
 */
typedef struct
{
  char *id, *patient_id, *plan_id, *performed_on, *created_by, *created_at;
  gint64 plan_day, duration_min;
  GArray *sets;
  GPtrArray *strings;
} BzWorkoutSessionRow;

/**
 * bz_workout_session_row_clear:
 * @row: a session row (its strings, sets and exercise ids owned)
 *
 * Frees what @row holds and sets it to %NULL (for g_auto()).
 */
void bz_workout_session_row_clear (BzWorkoutSessionRow *row);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BzWorkoutSessionRow, bz_workout_session_row_clear)

/**
 * bz_workout_repo_insert_session:
 * Inserts @row and its sets (inside the caller's transaction).
 * Returns: %FALSE with @error (CONFLICT for an existing id).
 */
gboolean bz_workout_repo_insert_session (BzStore *store, const BzWorkoutSessionRow *row, GError **error);

/**
 * bz_workout_repo_sessions:
 * @from: @to: local dates, inclusive
 * @out: (out) (transfer full) (element-type BzWorkoutSessionRow): the
 *   patient's sessions in the span, by date then creation, each with its sets
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_workout_repo_sessions (BzStore *store, const char *patient_id, const char *from, const char *to,
                                   GArray **out, GError **error);

G_END_DECLS
