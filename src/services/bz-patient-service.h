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
 * bz_patients_add:
 * @caller: a nutritionist
 * @input: the NewPatient body {email, first_name, last_name, password? (else
 *   a random temporary one, returned once), phone?, date_of_birth?, gender?,
 *   primary_goal?, target_weight_kg? (the declaration's range),
 *   health_conditions?[], allergies?[]}
 * @error: FORBIDDEN (not a nutritionist), VALIDATION (details per field),
 *   CONFLICT (email, phone taken)
 *
 * Creates the patient's account and patient row in one transaction.
 *
 * Returns: (transfer full): a PatientCreation record {patient: PatientCreated};
 *   %NULL with @error.
 */
BzRecord *bz_patients_add      (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

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
