/* bz-patient-service.h — patient management (seed 002 §4.4).
 *
 * A nutritionist sees only own patients; a patient sees only self; every read
 * of a patient record by someone other than the patient is written to
 * `record_access_audit`.
 */
#pragma once

#include "bz-services.h"

G_BEGIN_DECLS

/**
 * bz_patients_create:
 * @caller: a nutritionist
 * @input: {email, first_name, last_name, phone?, date_of_birth?, gender?,
 *   primary_goal?, target_weight_kg?, health_conditions?[], allergies?[],
 *   password? (else a random temporary one), send_welcome_email?}
 * Returns: (transfer full): {patient: {id, user_id, email, full_name,
 *   nutritionist_id, status, user_created, welcome_email_sent, temporary_password_sent}}
 * Errors: FORBIDDEN (not a nutritionist), VALIDATION, CONFLICT (email taken).
 */
JsonNode *bz_patients_create (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

/**
 * bz_patients_list:
 * @status: "active" (default when NULL), "inactive", "graduated", "dropped" or "all"
 * @search: (nullable): matched against name and email, case-insensitive
 * @page: 1-based; @limit: 1..100
 * Returns: (transfer full): {patients: [...], pagination: {...}}
 */
JsonNode *bz_patients_list   (BzServices *svc, const BzCaller *caller, const char *search,
                              const char *status, guint page, guint limit, GError **error);

/**
 * bz_patients_get:
 * Returns: (transfer full): {patient: {id, basic_info, current_metrics,
 *   progress_history, active_meal_plan, appointments, clinical_notes}}
 * Errors: NOT_FOUND (unknown id or not the caller's patient).
 */
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
