/* test-kiosk.c — the member kiosk's lock on a real window and store (suite 'gui').
 *
 * Under Xvfb: a kiosk window over a demo clinic refuses to close (what the
 * close button and Alt+F4 ask for), offers no close button, answers its
 * unlock shortcut's action with a staff sign-in dialog, refuses a member's
 * and a wrong password, and closes for the demo nutritionist.
 */
#include <adwaita.h>
#include <gtk/gtk.h>

#include "bz-application.h"
#include "bz-error.h"
#include "bz-gui-util.h"
#include "bz-kiosk-lock.h"
#include "bz-auth-service-private.h"
#include "bz-runtime.h"
#include "bz-sign-in-page.h"
#include "bz-startup.h"
#include "bz-window.h"
#include "bz-gui-test.h"
#include "bz-test-util.h"

#define DEMO_PASSWORD "Demo-2026!"

typedef struct
{
  gboolean done;
  gboolean unlocked;
  GError *error;
} Unlock;

static void
unlock_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Unlock *u = user_data;
  u->unlocked = bz_kiosk_lock_unlock_finish (GTK_WINDOW (source), result, &u->error);
  u->done = TRUE;
}

static gboolean
try_unlock (GtkWindow *window, const char *email, const char *password, GError **error)
{
  Unlock u = { 0 };
  bz_kiosk_lock_unlock_async (window, email, password, unlock_done, &u);
  WAIT_FOR (u.done, 60, "the staff check");
  if (u.error)
    g_propagate_error (error, u.error);
  return u.unlocked;
}

/* The AdwMessageDialog transient for @window, or NULL. */
static GtkWindow *
find_dialog (GtkWindow *window)
{
  GListModel *tops = gtk_window_get_toplevels ();   /* transfer none */
  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (tops, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == window &&
          gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;   /* the toplevel list keeps it alive */
    }
  return NULL;
}

/* Counts the header bars under @w that show window buttons, and all of them. */
static void
count_header_bars (GtkWidget *w, guint *with_buttons, guint *all)
{
  if (ADW_IS_HEADER_BAR (w))
    {
      gboolean start = TRUE, end = TRUE;
      g_object_get (w, "show-start-title-buttons", &start, "show-end-title-buttons", &end, NULL);
      (*all)++;
      if (start || end)
        (*with_buttons)++;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    count_header_bars (c, with_buttons, all);
}

static void
test_kiosk_lock (void)
{
  g_autofree char *data_dir = bz_test_tmpdir ("kiosk");
  BzRuntimeOptions opts = { 0 };
  BzRuntime *runtime = NULL;
  BzWindow *window;
  GtkWindow *dialog;
  g_autoptr(GError) error = NULL;

  opts.data_dir = g_strdup (data_dir);
  opts.port = 0;
  opts.bind = g_strdup ("127.0.0.1");
  opts.demo = TRUE;

  window = bz_window_new (NULL, TRUE);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  bz_startup_run (window, &opts, NULL, bz_gui_test_runtime_done, &runtime);
  WAIT_FOR (runtime != NULL, 240, "the kiosk's runtime (food import, demo clinic)");

  /* Locked from the start: no close button, and a close request (the close
   * button, Alt+F4 from the window manager) leaves the window up. */
  g_assert_true (bz_kiosk_lock_is_locked (GTK_WINDOW (window)));
  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (window)));
  {
    guint with_buttons = 0, all = 0;
    count_header_bars (GTK_WIDGET (window), &with_buttons, &all);
    g_assert_cmpuint (all, >=, 2);          /* sign-in and the member's page */
    g_assert_cmpuint (with_buttons, ==, 0);
  }
  gtk_window_close (GTK_WINDOW (window));
  bz_gui_test_settle (300);
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* The unlock shortcut's action opens the staff sign-in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.unlock", NULL));
  WAIT_FOR ((dialog = find_dialog (GTK_WINDOW (window))) != NULL, 10, "the unlock dialog");
  gtk_window_close (dialog);   /* Escape / Cancel */
  WAIT_FOR (find_dialog (GTK_WINDOW (window)) == NULL, 10, "the unlock dialog to close");
  g_assert_true (bz_kiosk_lock_is_locked (GTK_WINDOW (window)));

  /* A member cannot leave; a wrong password neither. */
  g_assert_false (try_unlock (GTK_WINDOW (window), "paciente01@balanza.local", DEMO_PASSWORD, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (try_unlock (GTK_WINDOW (window), "demo@balanza.local", "not-the-password", &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
  g_clear_error (&error);
  bz_gui_test_settle (200);
  g_assert_nonnull (window);
  g_assert_true (bz_kiosk_lock_is_locked (GTK_WINDOW (window)));

  /* A member left idle is signed out: the kiosk goes back to its sign-in. */
  {
    BzSignInPage *sign_in = bz_window_get_sign_in_page (window);
    gint64 signed_in_at;
    bz_auth_reset_rate_limits ();
    gtk_editable_set_text (bz_sign_in_page_get_email_entry (sign_in), "paciente01@balanza.local");
    gtk_editable_set_text (bz_sign_in_page_get_password_entry (sign_in), DEMO_PASSWORD);
    bz_gui_test_activate_entry (bz_sign_in_page_get_password_entry (sign_in));
    WAIT_FOR (g_strcmp0 (bz_window_get_page_name (window), "patient") == 0, 30, "the member's page");
    signed_in_at = g_get_monotonic_time ();
    bz_kiosk_lock_set_idle_timeout (GTK_WINDOW (window), 2);
    WAIT_FOR (g_strcmp0 (bz_window_get_page_name (window), "sign-in") == 0, 15, "the idle member's sign-out");
    /* not before the idle time, less the once-a-second check's granularity */
    g_assert_cmpint (g_get_monotonic_time () - signed_in_at, >=, 1 * G_USEC_PER_SEC);
    g_assert_false (bz_gui_session_get_signed_in (bz_window_get_session (window)));
    bz_kiosk_lock_set_idle_timeout (GTK_WINDOW (window), BZ_KIOSK_IDLE_SECONDS);
  }

  /* Staff can: the lock lifts and the window closes. */
  g_assert_true (try_unlock (GTK_WINDOW (window), "demo@balanza.local", DEMO_PASSWORD, &error));
  g_assert_no_error (error);
  WAIT_FOR (window == NULL, 10, "the kiosk window to close");

  bz_runtime_shutdown (runtime);
  g_clear_object (&runtime);
  bz_runtime_options_clear (&opts);
  bz_test_rmdir (data_dir);
}

int
main (int argc, char **argv)
{
  if (!bz_gui_test_init (&argc, &argv))
    return 77;
  g_test_add_func ("/gui/kiosk-lock", test_kiosk_lock);
  return g_test_run ();
}
