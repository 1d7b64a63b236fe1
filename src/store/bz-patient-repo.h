/* bz-patient-repo.h — the patients aggregate: `patients` joined with the
 * patient's `users` row, and its progress from `body_scans`; read as records
 * of bz_patient_summary_resource and bz_patient_info_resource.
 *
 * Every function runs on the calling thread's connection (bz_store_db());
 * writers run inside the caller's transaction (bz_store_begin()) and append
 * their row to the change log.  Authorization is the caller's: these
 * functions filter by the ids they are given, nothing more.
 */
#pragma once

#include "bz-resources.h"
#include "bz-store.h"

G_BEGIN_DECLS

/**
 * BzPatientRecord:
 * @id: the new patients.id (a UUID of the caller's)
 * @user_id: the patient's users.id
 * @nutritionist_id: the assigned nutritionist's users.id
 * @primary_goal: (nullable): weight_loss, muscle_gain, maintenance or health_condition
 * @has_target_weight: whether @target_weight_kg is set (else NULL is stored)
 * @target_weight_kg: target body weight, kg
 * @health_conditions_json: JSON array of strings, as text ("[]" when none)
 * @allergies_json: JSON array of strings, as text ("[]" when none)
 * @created_at: ISO 8601 UTC; also assigned_at and updated_at
 * @food_restrictions_json: (nullable): JSON array of strings, as text; %NULL is "[]"
 * @dietary_preference: (nullable): omnivore, vegetarian or vegan
 * @activity_level: (nullable): a bz_vocab_activity_level id; %NULL is "light"
 *
 * A new patient's columns, all borrowed; status starts "active".
 */
typedef struct
{
  const char *id;
  const char *user_id;
  const char *nutritionist_id;
  const char *primary_goal;
  gboolean has_target_weight;
  double target_weight_kg;
  const char *health_conditions_json;
  const char *allergies_json;
  const char *created_at;
  const char *food_restrictions_json;
  const char *dietary_preference;
  const char *activity_level;
} BzPatientRecord;

/**
 * BzPatientChanges:
 * @first_name: users.first_name
 * @last_name: users.last_name
 * @phone: (nullable): users.phone
 * @date_of_birth: (nullable): users.date_of_birth, YYYY-MM-DD
 * @gender: (nullable): users.gender
 * @keep_location: leave users.state and users.city as they are (@state and
 *   @city are then ignored)
 * @state: (nullable): users.state (036_user_location.sql)
 * @city: (nullable): users.city
 * @primary_goal: (nullable): patients.primary_goal
 * @has_target_weight: whether @target_weight_kg is set (else NULL is stored)
 * @target_weight_kg: kg
 * @health_conditions_json: JSON array of strings, as text
 * @allergies_json: JSON array of strings, as text
 * @food_restrictions_json: JSON array of strings, as text
 * @dietary_preference: (nullable): patients.dietary_preference
 * @activity_level: patients.activity_level
 * @status: patients.status
 * @updated_at: ISO 8601 UTC, stamped on both rows
 *
 * Every editable column of a patient and its account, all borrowed, already
 * validated (bz_patients_check_form()).
 */
typedef struct
{
  const char *first_name;
  const char *last_name;
  const char *phone;
  const char *date_of_birth;
  const char *gender;
  gboolean keep_location;
  const char *state;
  const char *city;
  const char *primary_goal;
  gboolean has_target_weight;
  double target_weight_kg;
  const char *health_conditions_json;
  const char *allergies_json;
  const char *food_restrictions_json;
  const char *dietary_preference;
  const char *activity_level;
  const char *status;
  const char *updated_at;
} BzPatientChanges;

/**
 * bz_patient_repo_update:
 * @store: the store, inside a transaction of this thread
 * @patient_id: a patients.id (ownership already checked by the caller)
 * @changes: the new values of every editable column
 * @error: BZ_ERROR_CONFLICT (phone registered to another user; a detail on
 *   "phone"), BZ_ERROR_NOT_FOUND (no such patient), BZ_ERROR_INTERNAL
 *
 * Writes the patient's `patients` row and its `users` row and logs both
 * (tables "patients" and "users", op update).
 *
 * Returns: %TRUE when written.
 */
gboolean    bz_patient_repo_update        (BzStore *store, const char *patient_id,
                                           const BzPatientChanges *changes, GError **error);

/**
 * bz_patient_repo_insert:
 * @store: the store, inside a transaction of this thread
 * @patient: the new row
 * @error: BZ_ERROR_CONFLICT (the user already is a patient, unknown user),
 *   BZ_ERROR_INTERNAL
 *
 * Inserts @patient and logs it (table "patients", op insert).
 *
 * Returns: %TRUE when inserted.
 */
gboolean    bz_patient_repo_insert        (BzStore *store, const BzPatientRecord *patient, GError **error);

/**
 * bz_patient_repo_list:
 * @store: the store
 * @nutritionist_id: only this nutritionist's patients
 * @status: "active", "inactive", "graduated", "dropped", or "all"
 * @search: (nullable): matched, case-folded and as a substring, against
 *   "first last" and the email (LIKE wildcards in it match themselves)
 * @limit: rows of the page
 * @offset: rows skipped before the page
 * @out_total: (out): how many patients match in all
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE when busy)
 *
 * One page ordered by last name, first name (case-insensitive); one
 * statement for the page whatever its length (the scans' figures are
 * correlated subqueries, not a query per row), one for the count, and one
 * for the page's appointments.
 *
 * Returns: (transfer full) (element-type BzRecord): PatientSummary
 *   records: photo_url null, last_appointment and next_appointment as
 *   bz_clinical_repo_fill_last_next() gives them, current_weight_kg the newest scan's (or null),
 *   progress_percentage from the first scan's weight toward the target
 *   (0..100, rounded to 0.1; null without a scan or a target), or %NULL
 *   with @error.
 */
GPtrArray  *bz_patient_repo_list          (BzStore *store, const char *nutritionist_id, const char *status,
                                           const char *search, guint limit, gint64 offset,
                                           gint64 *out_total, GError **error);

/**
 * bz_patient_repo_id_of_user:
 * @store: the store
 * @user_id: a users.id
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Returns: (transfer full) (nullable): the patients.id of @user_id; %NULL
 *   without @error when @user_id is not a patient.
 */
char       *bz_patient_repo_id_of_user    (BzStore *store, const char *user_id, GError **error);

/**
 * bz_patient_repo_nutritionist_of_user:
 * @user_id: a users.id
 * Returns: (transfer full) (nullable): the users.id of the nutritionist the
 *   patient @user_id is assigned to; %NULL without @error when @user_id is
 *   not a patient or has no nutritionist.
 */
char       *bz_patient_repo_nutritionist_of_user (BzStore *store, const char *user_id, GError **error);

/**
 * bz_patient_repo_id_if_assigned:
 * @store: the store
 * @patient_id: a patients.id
 * @nutritionist_id: a users.id
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Returns: (transfer full) (nullable): @patient_id as stored when that
 *   patient is assigned to @nutritionist_id; %NULL without @error otherwise.
 */
char       *bz_patient_repo_id_if_assigned (BzStore *store, const char *patient_id,
                                            const char *nutritionist_id, GError **error);

/**
 * bz_patient_repo_get_basic_info:
 * @store: the store
 * @patient_id: a patients.id
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Returns: (transfer full) (nullable): the PatientInfo record (full_name
 *   "first last"; health_conditions, allergies and food_restrictions
 *   empty lists when none);
 *   %NULL without @error when there is no such patient.
 */
BzRecord   *bz_patient_repo_get_basic_info (BzStore *store, const char *patient_id, GError **error);

G_END_DECLS
