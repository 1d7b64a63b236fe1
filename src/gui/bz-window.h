/* bz-window.h — the workstation window (and, with kiosk, the member kiosk). */
#pragma once

#include <adwaita.h>

#include "bz-meal-dialog.h"
#include "bz-patient-page.h"
#include "bz-patients-page.h"
#include "bz-runtime.h"
#include "bz-session.h"
#include "bz-sign-in-page.h"

G_BEGIN_DECLS

#define BZ_TYPE_WINDOW (bz_window_get_type ())
G_DECLARE_FINAL_TYPE (BzWindow, bz_window, BZ, WINDOW, AdwApplicationWindow)

/**
 * bz_window_new:
 * @application: (nullable)
 * @kiosk: a fullscreen member kiosk instead of the workstation
 */
BzWindow       *bz_window_new                (GtkApplication *application, gboolean kiosk);

/**
 * bz_window_start_runtime:
 * Shows the start-up page and, on a worker thread, runs bz_runtime_open()
 * (reporting its progress) and bz_runtime_start_server(); then shows sign-in.
 * On failure shows the error page.  @callback runs when done.
 */
void            bz_window_start_runtime        (BzWindow *self, const BzRuntimeOptions *opts,
                                                GCancellable *cancellable,
                                                GAsyncReadyCallback callback, gpointer user_data);
gboolean        bz_window_start_runtime_finish (BzWindow *self, GAsyncResult *result, GError **error);

/** bz_window_get_session: Returns: (transfer none) (nullable): set once the runtime is up. */
BzSession      *bz_window_get_session        (BzWindow *self);

/** bz_window_get_page_name: Returns: "loading", "error", "sign-in", "patients" or "patient". */
const char     *bz_window_get_page_name      (BzWindow *self);

BzSignInPage   *bz_window_get_sign_in_page   (BzWindow *self);
BzPatientsPage *bz_window_get_patients_page  (BzWindow *self);
BzPatientPage  *bz_window_get_patient_page   (BzWindow *self);

/** bz_window_open_meal_dialog: Returns: (transfer none) (nullable): the add-meal dialog for the shown patient. */
BzMealDialog   *bz_window_open_meal_dialog   (BzWindow *self);

/** bz_window_add_toast: shows @message briefly. */
void            bz_window_add_toast          (BzWindow *self, const char *message);
/** bz_window_dismiss_toast: hides the last toast, if still shown. */
void            bz_window_dismiss_toast      (BzWindow *self);

/** bz_window_get_status_text: Returns: (transfer full): the status row's text (tests). */
char           *bz_window_get_status_text    (BzWindow *self);

G_END_DECLS
