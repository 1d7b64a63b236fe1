/* bz-kiosk-lock.h — the member kiosk's lock (issue 12): a member cannot close,
 * quit or leave the kiosk window; staff leave it by signing in. */
#pragma once

#include <gtk/gtk.h>

#include "bz-gui-session.h"

G_BEGIN_DECLS

/**
 * BZ_KIOSK_IDLE_SECONDS:
 * A member signed in at the kiosk who gives it no input (key, pointer move,
 * touch) for this long is signed out, so the next person does not find the
 * last one's record open.  Balanza's choice: two minutes, long enough to
 * read the page, short for a walk away.
 */
#define BZ_KIOSK_IDLE_SECONDS 120

/**
 * BzKioskSessionFunc:
 * @window: the kiosk window
 *
 * Returns: (transfer none) (nullable): the window's session, %NULL while the
 *   runtime is still starting.
 */
typedef BzGuiSession *(*BzKioskSessionFunc) (GtkWindow *window);

/**
 * bz_kiosk_lock_attach:
 * @window: a kiosk window (fullscreen)
 * @get_session: how to reach the window's service layer for the staff check
 *
 * Locks @window: its close request (the close button, Alt+F4 and every
 * other "close" the window manager sends) is refused, the header bars
 * present when it is called show no window buttons, and Ctrl+Q, Ctrl+W,
 * Alt+F4 and F11 do nothing.  Ctrl+Alt+Shift+L
 * (the "kiosk.unlock" action) asks for a staff sign-in: a nutritionist's
 * or an administrator's email and password, checked by the auth service
 * like any sign-in (so its rate limits apply); when they are right the lock
 * is lifted and the window closes.  A member's credentials are refused.
 * Application-wide shortcuts (app.quit) are the application's to leave out
 * in kiosk mode (bz-application.c).  A member left signed in without input
 * for %BZ_KIOSK_IDLE_SECONDS is signed out ("win.sign-out").
 */
void     bz_kiosk_lock_attach    (GtkWindow *window, BzKioskSessionFunc get_session);

/**
 * bz_kiosk_lock_set_idle_timeout:
 * @window: a locked kiosk window
 * @seconds: the member's idle time before the sign-out (default
 *   %BZ_KIOSK_IDLE_SECONDS); checked once a second
 */
void     bz_kiosk_lock_set_idle_timeout (GtkWindow *window, guint seconds);

/**
 * bz_kiosk_lock_is_locked:
 * @window: a window
 *
 * Returns: %TRUE while @window is a locked kiosk window.
 */
gboolean bz_kiosk_lock_is_locked (GtkWindow *window);

/**
 * bz_kiosk_lock_unlock_async:
 * @window: a locked kiosk window
 * @email: a staff member's email
 * @password: the password; copied and wiped by the auth service
 * @callback: (nullable): called when the check ends
 * @user_data: for @callback
 *
 * The check the unlock dialog runs, for the dialog and for tests: a staff
 * sign-in through the auth service.  On success the lock is lifted and
 * @window is closed.  Finish with bz_kiosk_lock_unlock_finish().
 */
void     bz_kiosk_lock_unlock_async  (GtkWindow *window, const char *email, const char *password,
                                      GAsyncReadyCallback callback, gpointer user_data);

/**
 * bz_kiosk_lock_unlock_finish:
 * @window: the window passed to bz_kiosk_lock_unlock_async()
 * @result: the result
 * @error: %BZ_ERROR_UNAUTHENTICATED (wrong credentials), %BZ_ERROR_FORBIDDEN
 *   (a member's credentials), %BZ_ERROR_UNAVAILABLE (runtime not started),
 *   %BZ_ERROR_RATE_LIMITED
 *
 * Returns: %TRUE when the lock was lifted.
 */
gboolean bz_kiosk_lock_unlock_finish (GtkWindow *window, GAsyncResult *result, GError **error);

G_END_DECLS
