/* bz-patient-page.h — one patient: avatar, scans, measurements chart, today's meals and intake. */
#pragma once

#include <gtk/gtk.h>

#include "bz-avatar-view.h"
#include "bz-gui-session.h"
#include "bz-kiosk-progress.h"

G_BEGIN_DECLS

#define BZ_TYPE_PATIENT_PAGE (bz_patient_page_get_type ())
G_DECLARE_FINAL_TYPE (BzPatientPage, bz_patient_page, BZ, PATIENT_PAGE, GtkWidget)

GtkWidget    *bz_patient_page_new              (void);
/** bz_patient_page_set_session: @session: (nullable). */
void          bz_patient_page_set_session      (BzPatientPage *self, BzGuiSession *session);
/** bz_patient_page_set_kiosk: a member's own page: no back or add-meal buttons, a sign-out button. */
void          bz_patient_page_set_kiosk        (BzPatientPage *self, gboolean kiosk);
/**
 * bz_patient_page_show_patient:
 * @patient_id: (nullable): the patients.id; %NULL shows the signed-in member
 * @name: (nullable): shown until the record loads; @email: (nullable)
 * Loads scans, the newest avatar and today's meals on worker threads.
 */
void          bz_patient_page_show_patient     (BzPatientPage *self, const char *patient_id,
                                                const char *name, const char *email);
/** bz_patient_page_clear: cancels loads and forgets the patient. */
void          bz_patient_page_clear            (BzPatientPage *self);
/** bz_patient_page_refresh: reloads scans and meals. */
void          bz_patient_page_refresh          (BzPatientPage *self);
const char   *bz_patient_page_get_patient_id   (BzPatientPage *self);
const char   *bz_patient_page_get_patient_name (BzPatientPage *self);
/** bz_patient_page_get_progress: Returns: (transfer none): the kiosk's progress section (hidden at the desk). */
BzKioskProgress *bz_patient_page_get_progress (BzPatientPage *self);
/** bz_patient_page_get_avatar_view: Returns: (transfer none). */
BzAvatarView *bz_patient_page_get_avatar_view  (BzPatientPage *self);
/** bz_patient_page_is_loading: Returns: %TRUE while scans, meals or the avatar load. */
gboolean      bz_patient_page_is_loading       (BzPatientPage *self);
/**
 * bz_patient_page_is_folded:
 * Returns: %TRUE while the page is too narrow for its two panes side by side
 *   and shows one at a time (the Body | Nutrition switcher is shown).
 */
gboolean      bz_patient_page_is_folded        (BzPatientPage *self);
/**
 * bz_patient_page_show_pane:
 * @pane: "body" or "nutrition"
 * Shows that pane when folded (as the switcher does); wide, both are shown.
 */
void          bz_patient_page_show_pane        (BzPatientPage *self, const char *pane);
/** bz_patient_page_get_n_meals: Returns: meals shown for today. */
guint         bz_patient_page_get_n_meals      (BzPatientPage *self);
/** bz_patient_page_get_n_scans: Returns: scans in the history. */
guint         bz_patient_page_get_n_scans      (BzPatientPage *self);

/** bz_patient_page_get_delete_toast: Returns: (transfer none) (nullable): the AdwToast of the newest meal deletion while it shows (tests). */
gpointer     bz_patient_page_get_delete_toast (BzPatientPage *self);

/** bz_patient_page_get_day_offset: Returns: the day the intake and meals show: 0 today, -1 yesterday, ... */
int          bz_patient_page_get_day_offset (BzPatientPage *self);

/**
 * bz_patient_page_avatar_picture:
 * Returns: (transfer full) (nullable): the avatar as the page shows it now,
 *   rendered by the window's renderer; %NULL when no avatar is shown.
 */
GdkTexture   *bz_patient_page_avatar_picture (BzPatientPage *self);

G_END_DECLS
