/* bz-window.h — the workstation window (and, with kiosk, the member kiosk). */
#pragma once

#include <adwaita.h>

#include "bz-meal-dialog.h"
#include "bz-patient-page.h"
#include "bz-patients-page.h"
#include "bz-gui-session.h"
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
 * bz_window_show_progress:
 * @phase: (nullable): what start-up is doing; %NULL keeps the last one
 * @fraction: 0..1; negative pulses the bar
 * Shows the start-up page.
 */
void            bz_window_show_progress      (BzWindow *self, const char *phase, double fraction);

/** bz_window_show_error: shows the error page with @message (start-up failed). */
void            bz_window_show_error         (BzWindow *self, const char *message);

/**
 * bz_window_set_services:
 * @services: (transfer none): what the pages call (through the window's session)
 * @demo: show the demo clinic's credentials on the sign-in page
 * Gives the window a new signed-out session over @services and shows sign-in.
 */
void            bz_window_set_services       (BzWindow *self, BzServices *services, gboolean demo);

/**
 * bz_window_set_phone_status:
 * @lan_url: (nullable): the URL phones use; %NULL hides the status row
 * @n_connected: phones that called the API lately
 * The workstation's status row (the kiosk never shows it).
 */
void            bz_window_set_phone_status   (BzWindow *self, const char *lan_url, guint n_connected);

/** bz_window_get_session: Returns: (transfer none) (nullable): set by bz_window_set_services(). */
BzGuiSession   *bz_window_get_session        (BzWindow *self);

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

/**
 * bz_window_get_toast_text:
 * What the last toast said, while it is still shown or queued (tests).
 * Returns: (transfer none) (nullable): its text, or %NULL.
 */
const char     *bz_window_get_toast_text     (BzWindow *self);

/**
 * bz_window_get_primary_menu:
 * Returns: (transfer none) (nullable): the menu every page's primary
 *   GtkMenuButton (F10) shows; %NULL in the kiosk, which has none.
 */
GMenuModel     *bz_window_get_primary_menu   (BzWindow *self);

/**
 * bz_window_open_preferences:
 * Opens (or raises) the preferences window over the desk's GSettings
 * (bz_runtime_settings_new()); without the schema, a toast says so.
 * Returns: (transfer none) (nullable): the window; %NULL in the kiosk or without the schema.
 */
GtkWindow      *bz_window_open_preferences   (BzWindow *self);

/**
 * bz_window_open_profile:
 * Opens the signed-in nutritionist's professional profile (bz-profile-dialog.h).
 * Returns: (transfer none) (nullable): the dialog; %NULL in the kiosk or signed out.
 */
GtkWindow      *bz_window_open_profile       (BzWindow *self);

/**
 * bz_window_show_about:
 * Shows the About window (AdwAboutWindow): version (meson's), license, developers, translators.
 * Returns: (transfer none): the About window.
 */
GtkWindow      *bz_window_show_about         (BzWindow *self);

/** bz_window_get_status_text: Returns: (transfer full): the status row's text (tests). */
char           *bz_window_get_status_text    (BzWindow *self);

/**
 * bz_window_open_inbox:
 * The nutritionist's inbox of patient messages and notifications (win.inbox,
 * Ctrl+I; bz-inbox.h), one per window.
 * Returns: (transfer none) (nullable): the inbox, or %NULL when no
 *   nutritionist is signed in at the workstation.
 */
GtkWindow *bz_window_open_inbox (BzWindow *self);

G_END_DECLS
