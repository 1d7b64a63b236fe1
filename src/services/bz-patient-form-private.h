/* bz-patient-form-private.h — between bz-patient-form.c and
 * bz-patient-service.c: the validation steps that collect into a caller's
 * BzValidation, so a body's type errors and its rule errors come back in
 * one answer.  Not for other files. */
#pragma once

#include "bz-patient-service.h"

G_BEGIN_DECLS

/**
 * bz_patient_form_check_into:
 * @form: the fields as given
 * @mode: creation or update
 * @norm: (out caller-allocates): the normalized fields (trimmed names,
 *   lowercased email, canonical vocabulary ids, "+52…" phone; activity
 *   "light" for a creation without one); clear with bz_patient_form_clear()
 *   whatever @v says
 * @v: gets one detail per failing field
 *
 * bz_patients_check_form() without finishing @v.
 */
void bz_patient_form_check_into     (const BzPatientForm *form, BzPatientFormMode mode, BzPatientForm *norm,
                                     BzValidation *v);

/**
 * bz_patient_form_from_json_into:
 * @o: a NewPatient or PatientUpdate body
 * @out: (out caller-allocates): its members; clear with bz_patient_form_clear()
 * @v: gets an "invalid_type" detail per member of the wrong JSON type
 *
 * bz_patients_form_from_json() without finishing @v.
 */
void bz_patient_form_from_json_into (JsonObject *o, BzPatientForm *out, BzValidation *v);

G_END_DECLS
