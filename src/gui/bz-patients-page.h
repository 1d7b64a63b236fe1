/* bz-patients-page.h — the nutritionist's own patients: search and a GtkListView. */
#pragma once

#include <gtk/gtk.h>

#include "bz-gui-session.h"

G_BEGIN_DECLS

#define BZ_TYPE_PATIENTS_PAGE (bz_patients_page_get_type ())
G_DECLARE_FINAL_TYPE (BzPatientsPage, bz_patients_page, BZ, PATIENTS_PAGE, GtkWidget)

GtkWidget  *bz_patients_page_new          (void);
/** bz_patients_page_set_session: @session: (nullable); loads the list when signed in. */
void        bz_patients_page_set_session  (BzPatientsPage *self, BzGuiSession *session);
/** bz_patients_page_reload: fetches the list again (keeps the search). */
void        bz_patients_page_reload       (BzPatientsPage *self);
/** bz_patients_page_focus_search: focuses and selects the search entry (Ctrl+F). */
void        bz_patients_page_focus_search (BzPatientsPage *self);
/** bz_patients_page_set_search: types @text into the search (the list reloads after the debounce). */
void        bz_patients_page_set_search   (BzPatientsPage *self, const char *text);
/** bz_patients_page_get_state: Returns: the shown state: "loading", "list", "empty" or "error". */
const char *bz_patients_page_get_state    (BzPatientsPage *self);
/** bz_patients_page_clear: forgets the list and the search (on sign-out). */
void        bz_patients_page_clear        (BzPatientsPage *self);
/**
 * bz_patients_page_get_model:
 * Returns: (transfer none): the shown patients: the "patients" model of the
 *   last PatientList record (PatientSummary records), or an empty model
 *   before the first list.  A reload replaces it.
 */
GListModel *bz_patients_page_get_model    (BzPatientsPage *self);
/** bz_patients_page_is_loading: Returns: %TRUE while a request is in flight. */
gboolean    bz_patients_page_is_loading   (BzPatientsPage *self);
/** bz_patients_page_activate_row: opens the patient at @position, as Enter or a click does. */
void        bz_patients_page_activate_row (BzPatientsPage *self, guint position);

G_END_DECLS
