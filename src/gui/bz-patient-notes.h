/* bz-patient-notes.h — the patient page's notes-and-appointments panel
 * (issue 12): the next and last appointment, "Book appointment" (date,
 * time, duration), the appointments with Complete and Cancel for a
 * scheduled one, and the clinical notes (newest first) with "Add note".
 * A clear empty state for each list.  For the patient's nutritionist at the
 * desk: for anyone else (the member's kiosk) it hides itself.  Loads and
 * writes through bz-clinical-service.h on worker threads and follows the
 * store's change notices ("clinical_notes", "appointments"). */
#pragma once

#include <gtk/gtk.h>

#include "bz-gui-session.h"

G_BEGIN_DECLS

#define BZ_TYPE_PATIENT_NOTES (bz_patient_notes_get_type ())
G_DECLARE_FINAL_TYPE (BzPatientNotes, bz_patient_notes, BZ, PATIENT_NOTES, GtkWidget)

/** bz_patient_notes_new: Returns: (transfer floating): an empty panel. */
GtkWidget *bz_patient_notes_new (void);

/**
 * bz_patient_notes_load:
 * @session: (nullable): the signed-in session; %NULL clears the panel
 * @patient_id: (nullable): the patient; %NULL clears and hides the panel
 *
 * Shows @patient_id's notes and appointments, cancelling any load still
 * running; hidden unless the caller is a nutritionist.
 */
void       bz_patient_notes_load (BzPatientNotes *self, BzGuiSession *session, const char *patient_id);

/** bz_patient_notes_is_busy: Returns: %TRUE while a load or a write runs. */
gboolean   bz_patient_notes_is_busy (BzPatientNotes *self);

/** bz_patient_notes_get_n_notes: Returns: the notes shown. */
guint      bz_patient_notes_get_n_notes (BzPatientNotes *self);

/** bz_patient_notes_get_n_appointments: Returns: the appointments shown. */
guint      bz_patient_notes_get_n_appointments (BzPatientNotes *self);

/**
 * bz_patient_notes_get_next_label:
 * Returns: (transfer none): the "Next appointment: …" line as shown (for tests).
 */
const char *bz_patient_notes_get_next_label (BzPatientNotes *self);

G_END_DECLS
