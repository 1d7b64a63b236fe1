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

/* The same as JSON trees, for the GUI until it binds the records. */

/** bz_patients_create: Returns: (transfer full): the JSON of bz_patients_add(): {patient: {...}}. */
JsonNode *bz_patients_create (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

/** bz_patients_list: Returns: (transfer full): the JSON of bz_patients_get_list(): {patients, pagination}. */
JsonNode *bz_patients_list   (BzServices *svc, const BzCaller *caller, const char *search,
                              const char *status, guint page, guint limit, GError **error);

/** bz_patients_get: Returns: (transfer full): the JSON of bz_patients_get_file(): {patient: {...}}. */
JsonNode *bz_patients_get    (BzServices *svc, const BzCaller *caller, const char *patient_id, GError **error);

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
