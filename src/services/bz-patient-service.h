/* bz-patient-service.h — patient management (seed 002 §4.4).
 *
 * A nutritionist sees only own patients; a patient sees only self; every read
 * of a patient record by someone other than the patient is written to
 * `record_access_audit`.
 */
#pragma once

#include "bz-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/**
 * BzPatientForm:
 * @email: the sign-in email (creation only; ignored by bz_patients_update())
 * @password: (nullable): creation only; %NULL has one generated (the
 *   temporary password of PatientCreated, changed at first sign-in)
 * @first_name: 1..100 characters after trimming
 * @last_name: 1..100 characters after trimming
 * @phone: (nullable): "+52" and 10 digits, spaces allowed
 * @date_of_birth: (nullable): YYYY-MM-DD, in the past
 * @gender: (nullable): a #bz_vocab_gender term or alias
 * @state: (nullable): free text, at most 100 characters after trimming
 * @city: (nullable): as @state
 * @location_set: whether @state and @city are given: an update of a form
 *   without them (a caller that has no such fields) keeps the stored ones
 * @primary_goal: (nullable): a #bz_vocab_goal term or alias
 * @has_target_weight: whether @target_weight_kg is given
 * @target_weight_kg: kg, within PatientInput's declared range (20..400)
 * @health_conditions: (nullable) (array zero-terminated=1): free text, each
 *   at most %BZ_PATIENT_LIST_ENTRY_MAX bytes, at most
 *   %BZ_PATIENT_LIST_ENTRIES_MAX of them; %NULL is none
 * @allergies: (nullable) (array zero-terminated=1): as @health_conditions
 * @food_restrictions: (nullable) (array zero-terminated=1): as @health_conditions
 * @dietary_preference: (nullable): a #bz_vocab_dietary_preference term
 * @activity_level: (nullable): a #bz_vocab_activity_level term; %NULL is
 *   "light" on creation
 * @status: (nullable): a #bz_vocab_patient_status term (updates; creation
 *   always starts "active" and refuses another)
 * @privacy_consent: the patient accepted the privacy notice in force and
 *   consents to data processing (required for a creation that asks for it,
 *   see @consent_asked); recorded in user_consents (bz-consent-service.h)
 * @consent_asked: whether @privacy_consent was given at all: the desk
 *   always asks; an API client that omits `privacy_consent` records none
 * @client_address: (nullable): creation only: the address the request came
 *   from, kept with the consent (user_consents.ip_address); %NULL at the desk
 *
 * A patient's editable fields, typed: what the desk's form fills and what
 * the HTTP handlers parse a JSON body into, so both go through one
 * validation, bz_patients_check_form().  Every member is owned; clear with
 * bz_patient_form_clear().
 */
typedef struct
{
  char *email;
  char *password;
  char *first_name;
  char *last_name;
  char *phone;
  char *date_of_birth;
  char *gender;
  char *state;
  char *city;
  gboolean location_set;
  char *primary_goal;
  gboolean has_target_weight;
  double target_weight_kg;
  GStrv health_conditions;
  GStrv allergies;
  GStrv food_restrictions;
  char *dietary_preference;
  char *activity_level;
  char *status;
  gboolean privacy_consent;
  gboolean consent_asked;
  char *client_address;
} BzPatientForm;

/** bz_patient_form_clear: frees @form's members and zeroes it. */
void           bz_patient_form_clear (BzPatientForm *form);
/** bz_patient_form_copy: Returns: (transfer full): a deep copy, free with bz_patient_form_free(). */
BzPatientForm *bz_patient_form_copy  (const BzPatientForm *form);
/** bz_patient_form_free: clears and frees a form from bz_patient_form_copy(). */
void           bz_patient_form_free  (BzPatientForm *form);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BzPatientForm, bz_patient_form_clear)

/**
 * BzPatientFormMode:
 * @BZ_PATIENT_FORM_CREATE: a new patient: email and names required, a
 *   given password must follow seed 002 §7.4.1, status must be absent or
 *   "active", a consent asked for must be given
 * @BZ_PATIENT_FORM_UPDATE: changes to a patient: names required, email,
 *   password and consent are not checked
 */
typedef enum
{
  BZ_PATIENT_FORM_CREATE,
  BZ_PATIENT_FORM_UPDATE,
} BzPatientFormMode;

/**
 * bz_patients_check_form:
 * @form: the fields
 * @mode: creation or update
 * @error: %BZ_ERROR_VALIDATION with one detail {field, issue, message} per
 *   failing field, in the order of #BzPatientForm's members
 *
 * The one validation of a patient's fields, for the API (bz_patients_add(),
 * bz_patients_patch()) and the desk's form, which calls it on every change
 * to explain a disabled Save.  It reads no store and writes nothing: the
 * uniqueness of email and phone is checked when writing (CONFLICT).
 * The name, email, phone, date and gender rules are registration's
 * (bz-auth-validate.c, seed 002 §7.4.1).
 *
 * Returns: %TRUE when valid.
 */
gboolean  bz_patients_check_form (const BzPatientForm *form, BzPatientFormMode mode, GError **error);

/**
 * bz_patients_create:
 * @caller: a nutritionist
 * @form: the new patient (checked with bz_patients_check_form(), mode
 *   %BZ_PATIENT_FORM_CREATE)
 * @error: FORBIDDEN (not a nutritionist), VALIDATION (details per field),
 *   CONFLICT (email, phone taken)
 *
 * Creates the patient's account and patient row in one transaction; the
 * store is unchanged after every refusal.  bz_patients_add() is this with a
 * JSON body.
 *
 * Returns: (transfer full): a PatientCreation record {patient:
 *   PatientCreated, with temporary_password when one was generated};
 *   %NULL with @error.
 */
BzRecord *bz_patients_create     (BzServices *svc, const BzCaller *caller, const BzPatientForm *form, GError **error);

/**
 * bz_patient_form_from_info:
 * @info: a PatientInfo record (basic_info of bz_patients_get_file())
 * @out: (out caller-allocates): its fields (email set, password %NULL,
 *   consent_asked %FALSE)
 *
 * What the desk's Edit form starts from, and what PATCH lays its members
 * over.
 */
void      bz_patient_form_from_info (BzRecord *info, BzPatientForm *out);

/**
 * bz_patients_update:
 * @caller: a nutritionist, the patient's
 * @patient_id: one of the caller's patients
 * @form: all the patient's fields as they should be (checked with
 *   bz_patients_check_form(), mode %BZ_PATIENT_FORM_UPDATE); its email
 *   and password are ignored
 * @error: FORBIDDEN (not a nutritionist), NOT_FOUND (unknown, or another
 *   nutritionist's patient: the same answer), VALIDATION, CONFLICT (phone
 *   taken)
 *
 * Writes the patient's `users` and `patients` rows in one transaction and
 * notifies "patients"; the store is unchanged after every refusal.
 *
 * Returns: (transfer full): the PatientInfo record as stored; %NULL with @error.
 */
BzRecord *bz_patients_update     (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                  const BzPatientForm *form, GError **error);

/**
 * bz_patients_patch:
 * @caller: a nutritionist, the patient's
 * @patient_id: one of the caller's patients
 * @body: a PatientUpdate JSON object (bz_patient_update_resource): the
 *   members given change, the others keep their stored value
 * @error: as bz_patients_update(); VALIDATION also for wrong types and
 *   unknown or read-only members (bz_resource_parse())
 *
 * PATCH /api/v1/nutritionist/patients/{patient_id}: the stored fields
 * (bz_patient_form_from_info()) with @body's members over them, then
 * bz_patients_update().
 *
 * Returns: (transfer full): the PatientInfo record as stored; %NULL with @error.
 */
BzRecord *bz_patients_patch      (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                  JsonObject *body, GError **error);

/**
 * bz_patients_form_from_json:
 * @input: a NewPatient body
 * @out: (out caller-allocates): its members, typed
 * @error: VALIDATION when a member has the wrong JSON type
 *
 * Returns: %TRUE when @out was filled.
 */
gboolean  bz_patients_form_from_json (JsonObject *input, BzPatientForm *out, GError **error);

/**
 * bz_patients_add:
 * @caller: a nutritionist
 * @client_address: (nullable): the request's client address, kept with the
 *   consent (#BzPatientForm's client_address)
 * @input: the NewPatient body {email, first_name, last_name, password? (else
 *   a random temporary one, returned once), phone?, date_of_birth?, gender?,
 *   primary_goal?, target_weight_kg? (the declaration's range),
 *   health_conditions?[], allergies?[], food_restrictions?[],
 *   dietary_preference?, activity_level?, privacy_consent?}
 * @error: FORBIDDEN (not a nutritionist), VALIDATION (details per field:
 *   wrong JSON types and the rules of bz_patients_check_form() in one
 *   answer), CONFLICT (email, phone taken)
 *
 * bz_patients_create() with a JSON body (bz_patients_form_from_json()):
 * creates the patient's account and patient row in one transaction.
 *
 * Returns: (transfer full): a PatientCreation record {patient: PatientCreated};
 *   %NULL with @error.
 */
BzRecord *bz_patients_add      (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                const char *client_address, GError **error);

/**
 * bz_patients_get_list:
 * @caller: a nutritionist
 * @search: (nullable): matched against name and email, case-insensitive
 * @status: (nullable): "active" (default when %NULL), "inactive",
 *   "graduated", "dropped" or "all"
 * @page: 1-based
 * @limit: 1..100
 * @error: FORBIDDEN (not a nutritionist), VALIDATION (status)
 *
 * Returns: (transfer full): a PatientList record {patients: [PatientSummary]
 *   by last name, pagination}; %NULL with @error.
 */
BzRecord *bz_patients_get_list (BzServices *svc, const BzCaller *caller, const char *search,
                                const char *status, guint page, guint limit, GError **error);

/**
 * bz_patients_get_file:
 * @patient_id: (nullable): for a nutritionist, one of own patients; a
 *   patient may omit it
 * @error: NOT_FOUND (unknown id or not the caller's patient), VALIDATION
 *
 * The read is audited (bz_patients_audit_read()) before it happens.
 *
 * Returns: (transfer full): a PatientFileEnvelope record {patient: {id,
 *   basic_info, current_metrics (the newest scan, or null),
 *   progress_history (oldest first), active_meal_plan (null),
 *   appointments ([]), clinical_notes ([])}}; %NULL with @error.
 */
BzRecord *bz_patients_get_file (BzServices *svc, const BzCaller *caller, const char *patient_id, GError **error);

/* The same calls off the calling thread (GIO style), for the GUI.  Each runs
 * the synchronous call on a GTask worker thread (that thread's own SQLite
 * connection), so the GUI thread never waits on the disk.  The caller is
 * copied, so it may be freed when the _async function returns; %NULL
 * (signed out) finishes with %BZ_ERROR_UNAUTHENTICATED.  The cancellable is
 * checked before the work starts and after it ends: a cancelled call
 * finishes with %G_IO_ERROR_CANCELLED.  The callback runs on the
 * thread-default main context of the caller of the _async function. */

/**
 * bz_patients_get_list_async:
 * @svc: the service layer (the task's source object; kept alive until @callback)
 * @caller: (nullable): a nutritionist; copied
 * @search: (nullable): matched against name and email; copied
 * @status: (nullable): as bz_patients_get_list(); copied
 * @page: 1-based
 * @limit: 1..100
 * @cancellable: (nullable): checked before and after the work
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Runs bz_patients_get_list() on a worker thread.  Finish with
 * bz_patients_get_list_finish().
 */
void      bz_patients_get_list_async  (BzServices *svc, const BzCaller *caller, const char *search,
                                       const char *status, guint page, guint limit,
                                       GCancellable *cancellable, GAsyncReadyCallback callback,
                                       gpointer user_data);

/**
 * bz_patients_get_list_finish:
 * @svc: the service layer passed to bz_patients_get_list_async()
 * @result: the #GAsyncResult given to the callback
 * @error: %G_IO_ERROR_CANCELLED, %BZ_ERROR_UNAUTHENTICATED (no caller), or
 *   what bz_patients_get_list() sets: %BZ_ERROR_FORBIDDEN (not a
 *   nutritionist), %BZ_ERROR_VALIDATION (status, page, limit), a store error
 *
 * Returns: (transfer full) (nullable): the PatientList record {patients:
 *   [PatientSummary] by last name (its "patients" property is a
 *   #GListModel of them), pagination}, or %NULL with @error set.
 */
BzRecord *bz_patients_get_list_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_patients_get_file_async:
 * @svc: the service layer (the task's source object; kept alive until @callback)
 * @caller: (nullable): a nutritionist or the patient; copied
 * @patient_id: (nullable): for a nutritionist, one of own patients; copied
 * @cancellable: (nullable): checked before and after the work
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Runs bz_patients_get_file() (an audited read) on a worker thread.  Finish
 * with bz_patients_get_file_finish().
 */
void      bz_patients_get_file_async  (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                       GCancellable *cancellable, GAsyncReadyCallback callback,
                                       gpointer user_data);

/**
 * bz_patients_get_file_finish:
 * @svc: the service layer passed to bz_patients_get_file_async()
 * @result: the #GAsyncResult given to the callback
 * @error: %G_IO_ERROR_CANCELLED, %BZ_ERROR_UNAUTHENTICATED (no caller), or
 *   what bz_patients_get_file() sets: %BZ_ERROR_NOT_FOUND (unknown id or not
 *   the caller's patient), %BZ_ERROR_VALIDATION
 *
 * Returns: (transfer full) (nullable): the PatientFileEnvelope record
 *   {patient: {id, basic_info, current_metrics (nullable), progress_history
 *   (oldest first), ...}}, or %NULL with @error set.
 */
BzRecord *bz_patients_get_file_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_patients_add_async:
 * @svc: the service layer (the task's source object; kept alive until @callback)
 * @caller: (nullable): a nutritionist; copied
 * @input: (transfer none): the NewPatient body of bz_patients_add();
 *   deep-copied, so the caller may change or free it when this returns
 * @cancellable: (nullable): checked before the work starts and after it
 *   ends.  A cancellation that arrives while the patient is being written
 *   does not undo the write: the call then finishes with
 *   %G_IO_ERROR_CANCELLED but the patient exists
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Runs bz_patients_add() on a worker thread.  Finish with
 * bz_patients_add_finish().
 */
void      bz_patients_add_async       (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                       GCancellable *cancellable, GAsyncReadyCallback callback,
                                       gpointer user_data);

/**
 * bz_patients_add_finish:
 * @svc: the service layer passed to bz_patients_add_async()
 * @result: the #GAsyncResult given to the callback
 * @error: %G_IO_ERROR_CANCELLED, %BZ_ERROR_UNAUTHENTICATED (no caller), or
 *   what bz_patients_add() sets: %BZ_ERROR_FORBIDDEN, %BZ_ERROR_VALIDATION
 *   (details per field), %BZ_ERROR_CONFLICT (email, phone taken)
 *
 * Returns: (transfer full) (nullable): the PatientCreation record {patient:
 *   PatientCreated}, or %NULL with @error set.
 */
BzRecord *bz_patients_add_finish      (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_patients_create_async:
 * @svc: the service layer (the task's source object; kept alive until @callback)
 * @caller: (nullable): a nutritionist; copied
 * @form: the new patient; deep-copied
 * @cancellable: (nullable): checked before the work starts and after it
 *   ends (a cancellation during the write does not undo it)
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Runs bz_patients_create() on a worker thread.  Finish with
 * bz_patients_create_finish().
 */
void      bz_patients_create_async  (BzServices *svc, const BzCaller *caller, const BzPatientForm *form,
                                     GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);

/**
 * bz_patients_create_finish:
 * @error: %G_IO_ERROR_CANCELLED, %BZ_ERROR_UNAUTHENTICATED (no caller), or
 *   what bz_patients_create() sets
 *
 * Returns: (transfer full) (nullable): the PatientCreation record, or %NULL
 *   with @error set.
 */
BzRecord *bz_patients_create_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_patients_update_async:
 * @svc: the service layer (the task's source object; kept alive until @callback)
 * @caller: (nullable): the patient's nutritionist; copied
 * @patient_id: one of the caller's patients; copied
 * @form: all fields as they should be; deep-copied
 * @cancellable: (nullable): checked before and after the work
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Runs bz_patients_update() on a worker thread.  Finish with
 * bz_patients_update_finish().
 */
void      bz_patients_update_async  (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                     const BzPatientForm *form, GCancellable *cancellable,
                                     GAsyncReadyCallback callback, gpointer user_data);

/**
 * bz_patients_update_finish:
 * @error: %G_IO_ERROR_CANCELLED, %BZ_ERROR_UNAUTHENTICATED (no caller), or
 *   what bz_patients_update() sets
 *
 * Returns: (transfer full) (nullable): the PatientInfo record, or %NULL with @error set.
 */
BzRecord *bz_patients_update_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_patients_resolve:
 * @patient_id: (nullable): requested patient; %NULL means "the caller himself"
 *
 * The one ownership check for patient-scoped data: a patient may only name
 * self (or nothing); a nutritionist must name one of own patients.
 * Returns: (transfer full): the patients.id the caller may act on.
 * Errors: NOT_FOUND, VALIDATION (nutritionist without patient_id).
 */
char     *bz_patients_resolve (BzServices *svc, const BzCaller *caller, const char *patient_id, GError **error);

/** bz_patients_audit_read: records that @caller read @patient_id's record (no-op for self). */
void      bz_patients_audit_read (BzServices *svc, const BzCaller *caller, const char *patient_id, const char *action);

G_END_DECLS
