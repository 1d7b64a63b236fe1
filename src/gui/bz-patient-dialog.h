/* bz-patient-dialog.h — "New Patient" and "Edit Patient": the fields of
 * seed 002 §4.4 patient creation, consent, and (new patients) the temporary
 * password handed over once, shown and printable.  Validation is the
 * service's (bz_patients_check_form()), the same the API runs. */
#pragma once

#include <adwaita.h>

#include "bz-gui-session.h"

G_BEGIN_DECLS

#define BZ_TYPE_PATIENT_DIALOG (bz_patient_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BzPatientDialog, bz_patient_dialog, BZ, PATIENT_DIALOG, AdwWindow)

/**
 * bz_patient_dialog_new_create:
 * @parent: (nullable): the transient parent
 * @session: the signed-in nutritionist's session
 *
 * An empty form; Save creates the patient (bz_patients_create_async()) and
 * the dialog then shows the temporary password until it is closed.
 * Emits "saved" (the PatientCreation #BzRecord, transfer none) on success.
 *
 * Returns: (transfer none): the new dialog (a toplevel: GTK keeps it).
 */
BzPatientDialog *bz_patient_dialog_new_create (GtkWindow *parent, BzGuiSession *session);

/**
 * bz_patient_dialog_new_edit:
 * @parent: (nullable): the transient parent
 * @session: the signed-in nutritionist's session
 * @patient_id: one of the nutritionist's patients
 *
 * Loads the patient (bz_patients_get_file_async()), fills the form with
 * its fields and status; Save writes them (bz_patients_update_async()),
 * emits "saved" (the PatientInfo #BzRecord, transfer none) and closes.
 *
 * Returns: (transfer none): the new dialog.
 */
BzPatientDialog *bz_patient_dialog_new_edit   (GtkWindow *parent, BzGuiSession *session, const char *patient_id);

/**
 * bz_patient_dialog_get_entry:
 * @field: a #BzPatientForm member backed by a text row: "first_name",
 *   "last_name", "email", "phone", "date_of_birth", "state", "city", "target_weight_kg",
 *   "health_conditions", "allergies", "food_restrictions" (lists: entries
 *   separated by commas)
 *
 * Returns: (transfer none) (nullable): the row, as the user types into it.
 */
GtkEditable *bz_patient_dialog_get_entry   (BzPatientDialog *self, const char *field);

/**
 * bz_patient_dialog_set_choice:
 * @field: "gender", "primary_goal", "activity_level", "dietary_preference"
 *   or "status"
 * @term: (nullable): a term id of the field's vocabulary; %NULL is "Not set"
 *
 * Selects the row's item for @term, as the user picks it.
 * Returns: %TRUE when @field has such an item.
 */
gboolean     bz_patient_dialog_set_choice  (BzPatientDialog *self, const char *field, const char *term);
/** bz_patient_dialog_get_choice: Returns: (transfer none) (nullable): the term chosen for @field (tests). */
const char  *bz_patient_dialog_get_choice  (BzPatientDialog *self, const char *field);

/** bz_patient_dialog_set_consent: checks or clears the privacy-notice consent row. */
void         bz_patient_dialog_set_consent (BzPatientDialog *self, gboolean accepted);
/**
 * bz_patient_dialog_set_consent_switch:
 * @field: "data_processing", "marketing_communications" or "data_sharing_partners"
 * @on: the switch's new state
 *
 * Flips the Privacy group's switch as the user does (Edit only), which
 * stores the change (bz_consents_set_for_patient_async()).
 *
 * Returns: %TRUE when the switch exists and is not waiting on the store.
 */
gboolean     bz_patient_dialog_set_consent_switch (BzPatientDialog *self, const char *field, gboolean on);
/** bz_patient_dialog_get_consent_switch: Returns: whether @field's switch is on. */
gboolean     bz_patient_dialog_get_consent_switch (BzPatientDialog *self, const char *field);
/** bz_patient_dialog_consents_pending: Returns: whether the consents are being read or stored. */
gboolean     bz_patient_dialog_consents_pending   (BzPatientDialog *self);
/** bz_patient_dialog_get_notice_summary: Returns: (transfer none) (nullable): the notice row's line (version, date). */
const char  *bz_patient_dialog_get_notice_summary (BzPatientDialog *self);
/**
 * bz_patient_dialog_view_notice:
 *
 * What View Notice… does: the privacy notice (bz_privacy_notice_get()) in
 * the desk's language (English when the desk runs in English, else the
 * binding Spanish text), in a message dialog over this one.
 *
 * Returns: (transfer none) (nullable): the dialog, presented; %NULL (and the
 *   reason line says why) when the text cannot be read.
 */
AdwMessageDialog *bz_patient_dialog_view_notice (BzPatientDialog *self);
/** bz_patient_dialog_focus_privacy: scrolls the Privacy group into view and focuses its first switch (Edit only). */
void         bz_patient_dialog_focus_privacy (BzPatientDialog *self);
/** bz_patient_dialog_can_save: Returns: whether Save is enabled. */
gboolean     bz_patient_dialog_can_save    (BzPatientDialog *self);
/**
 * bz_patient_dialog_get_reason:
 * Returns: (transfer none): what the line under the form says: why Save
 *   is disabled (the first failing field, in the form's order) or why the
 *   last save failed; "" when there is nothing to say.
 */
const char  *bz_patient_dialog_get_reason  (BzPatientDialog *self);
/** bz_patient_dialog_save: what Save does (nothing while disabled). */
void         bz_patient_dialog_save        (BzPatientDialog *self);
/** bz_patient_dialog_get_state: Returns: "loading", "form" or "created". */
const char  *bz_patient_dialog_get_state   (BzPatientDialog *self);
/** bz_patient_dialog_is_busy: Returns: %TRUE while loading or saving. */
gboolean     bz_patient_dialog_is_busy     (BzPatientDialog *self);
/**
 * bz_patient_dialog_get_password_text:
 * Returns: (transfer none): the temporary password as the "created" page
 *   shows it; "" before creation and after the dialog forgot it.
 */
const char  *bz_patient_dialog_get_password_text (BzPatientDialog *self);

/**
 * bz_patient_dialog_export_sheet:
 * @path: where to write the PDF
 * @error: GTK_PRINT_ERROR, or %G_IO_ERROR_NOT_FOUND before creation
 *
 * Writes the hand-over sheet the Print button prints (patient, sign-in
 * email, temporary password, first sign-in instructions) to a PDF without
 * a dialog.
 *
 * Returns: %TRUE when written.
 */
gboolean     bz_patient_dialog_export_sheet (BzPatientDialog *self, const char *path, GError **error);

/**
 * bz_patient_dialog_ask_delete_account:
 * Asks (destructive, Cancel by default) before deleting the patient's
 * account at their request; "Delete Account" calls
 * bz_patient_dialog_delete_account().  Only when editing.
 * Returns: (transfer none): the question, presented.
 */
AdwMessageDialog *bz_patient_dialog_ask_delete_account (BzPatientDialog *self);

/**
 * bz_patient_dialog_delete_account:
 * Deletes the patient's account (bz_privacy_delete_account_for_patient_async())
 * without asking; emits "account-deleted" and closes on success, or says why
 * under the form.
 */
void              bz_patient_dialog_delete_account     (BzPatientDialog *self);

G_END_DECLS
