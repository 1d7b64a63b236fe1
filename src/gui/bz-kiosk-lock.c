/* bz-kiosk-lock.c — the member kiosk's lock (bz-kiosk-lock.h). */
#include "bz-kiosk-lock.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bz-auth-service.h"
#include "bz-error.h"

typedef struct
{
  GtkWindow *window;              /* not owned: the lock lives on it */
  BzKioskSessionFunc get_session;
  gboolean locked;
  guint idle_seconds;             /* sign the member out after this long without input */
  gint64 last_input;              /* monotonic µs */
  guint idle_check;               /* the 1 s check's source */
  gboolean member_in;             /* a member was signed in at the last check */
} KioskLock;

static void
kiosk_lock_free (gpointer p)
{
  KioskLock *lock = p;
  g_clear_handle_id (&lock->idle_check, g_source_remove);
  g_free (lock);
}

static GQuark
lock_quark (void)
{
  return g_quark_from_static_string ("bz-kiosk-lock");
}

static KioskLock *
lock_of (GtkWindow *window)
{
  return g_object_get_qdata (G_OBJECT (window), lock_quark ());
}

static gboolean
close_request_cb (GtkWindow *window, KioskLock *lock)
{
  return lock->locked;   /* TRUE stops the close */
}

/* Shortcuts that would quit, close or leave full screen: taken here, in the
 * capture phase, so nothing below (nor the application) sees them. */
static gboolean
swallow_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  return TRUE;
}

/* --- the staff check ----------------------------------------------------------- */

static void
sign_in_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  GtkWindow *window = g_task_get_source_object (task);
  KioskLock *lock = lock_of (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzCaller) caller = bz_auth_sign_in_finish (BZ_SERVICES (source), result, &error);

  if (caller == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (caller->role != BZ_ROLE_NUTRITIONIST && caller->role != BZ_ROLE_ADMIN)
    {
      g_task_return_new_error (task, BZ_ERROR, BZ_ERROR_FORBIDDEN, "%s",
                               _("Only clinic staff can leave the kiosk."));
      return;
    }
  g_message ("Kiosk unlocked by %s", caller->email);
  if (lock)
    lock->locked = FALSE;
  g_task_return_boolean (task, TRUE);
  gtk_window_close (window);
}

void
bz_kiosk_lock_unlock_async (GtkWindow *window, const char *email, const char *password,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  KioskLock *lock;
  BzGuiSession *session;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GTK_IS_WINDOW (window));
  lock = lock_of (window);
  g_return_if_fail (lock != NULL);

  task = g_task_new (window, NULL, callback, user_data);
  g_task_set_source_tag (task, bz_kiosk_lock_unlock_async);
  session = lock->get_session (window);
  if (session == NULL)
    {
      g_task_return_new_error (task, BZ_ERROR, BZ_ERROR_UNAVAILABLE, "%s", _("Balanza is still starting."));
      return;
    }
  bz_auth_sign_in_async (bz_gui_session_get_services (session), email ? email : "", password ? password : "",
                         NULL, sign_in_done_cb, g_steal_pointer (&task));
}

gboolean
bz_kiosk_lock_unlock_finish (GtkWindow *window, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, window), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
bz_kiosk_lock_is_locked (GtkWindow *window)
{
  KioskLock *lock = lock_of (window);
  return lock != NULL && lock->locked;
}

/* --- the unlock dialog ------------------------------------------------------------ */

typedef struct
{
  GtkEditable *email;
  GtkEditable *password;
} UnlockDialog;

static void open_unlock_dialog (GtkWindow *window, const char *email, const char *error_text);

/* A refused check opens the dialog again, with the email kept and the reason. */
static void
dialog_unlock_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GtkWindow *window = GTK_WINDOW (source);
  g_autofree char *email = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (bz_kiosk_lock_unlock_finish (window, result, &error))
    return;
  if (error->domain == BZ_ERROR && error->code == BZ_ERROR_UNAUTHENTICATED)
    text = g_strdup (_("Wrong email or password."));
  else if (error->domain == BZ_ERROR && error->code == BZ_ERROR_FORBIDDEN)
    text = g_strdup (error->message);
  else
    text = bz_error_to_user_message (error);
  open_unlock_dialog (window, email, text);
}

/* AdwMessageDialog closes itself on every response: the check runs after. */
static void
dialog_response_cb (AdwMessageDialog *dialog, const char *response, GtkWindow *window)
{
  UnlockDialog *d = g_object_get_data (G_OBJECT (dialog), "bz-unlock");

  if (g_strcmp0 (response, "unlock") != 0)
    return;
  bz_kiosk_lock_unlock_async (window, gtk_editable_get_text (d->email), gtk_editable_get_text (d->password),
                              dialog_unlock_done_cb, g_strdup (gtk_editable_get_text (d->email)));
  gtk_editable_set_text (d->password, "");
}

static void
open_unlock_dialog (GtkWindow *window, const char *email_text, const char *error_text)
{
  AdwMessageDialog *dialog;
  UnlockDialog *d;
  GtkWidget *box, *email, *password;

  if (!bz_kiosk_lock_is_locked (window))
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Leave the kiosk?"),
                                                       _("A nutritionist or administrator signs in to close the kiosk.")));
  d = g_new0 (UnlockDialog, 1);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  email = gtk_entry_new ();
  password = gtk_password_entry_new ();
  gtk_entry_set_input_purpose (GTK_ENTRY (email), GTK_INPUT_PURPOSE_EMAIL);
  gtk_entry_set_placeholder_text (GTK_ENTRY (email), _("Staff email"));
  if (email_text)
    gtk_editable_set_text (GTK_EDITABLE (email), email_text);
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (password), TRUE);
  g_object_set (password, "placeholder-text", _("Password"), "activates-default", TRUE, NULL);
  gtk_box_append (GTK_BOX (box), email);
  gtk_box_append (GTK_BOX (box), password);
  if (error_text)
    {
      GtkWidget *error = gtk_label_new (error_text);
      gtk_widget_add_css_class (error, "error");
      gtk_label_set_wrap (GTK_LABEL (error), TRUE);
      gtk_box_append (GTK_BOX (box), error);
    }
  d->email = GTK_EDITABLE (email);
  d->password = GTK_EDITABLE (password);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "unlock", _("_Leave Kiosk"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "unlock", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "unlock");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "bz-unlock", d, g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (dialog_response_cb), window);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (email_text ? password : email);
}

static void
unlock_action_cb (GSimpleAction *action, GVariant *param, gpointer window)
{
  open_unlock_dialog (GTK_WINDOW (window), NULL, NULL);
}

/* --- signing out an idle member ------------------------------------------------ */

static void
input_seen (KioskLock *lock)
{
  lock->last_input = g_get_monotonic_time ();
}

static gboolean
key_cb (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state, KioskLock *lock)
{
  input_seen (lock);
  return FALSE;
}

static void
motion_cb (GtkEventControllerMotion *controller, double x, double y, KioskLock *lock)
{
  input_seen (lock);
}

static void
press_cb (GtkGestureClick *gesture, int n_press, double x, double y, KioskLock *lock)
{
  input_seen (lock);
}

static gboolean
idle_check_cb (gpointer data)
{
  KioskLock *lock = data;
  BzGuiSession *session = lock->get_session (lock->window);
  gboolean member_in = session && bz_gui_session_get_signed_in (session);

  if (member_in && !lock->member_in)
    input_seen (lock);   /* the idle time counts from the sign-in at the earliest */
  lock->member_in = member_in;
  if (member_in && g_get_monotonic_time () - lock->last_input >= (gint64) lock->idle_seconds * G_USEC_PER_SEC)
    {
      lock->member_in = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (lock->window), "win.sign-out", NULL);
    }
  return G_SOURCE_CONTINUE;
}

/* Every key, pointer move and click on the window counts as input. */
static void
watch_idle (KioskLock *lock)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  lock->idle_seconds = BZ_KIOSK_IDLE_SECONDS;
  input_seen (lock);
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_cb), lock);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), lock);
  g_signal_connect (click, "pressed", G_CALLBACK (press_cb), lock);
  gtk_widget_add_controller (GTK_WIDGET (lock->window), key);
  gtk_widget_add_controller (GTK_WIDGET (lock->window), motion);
  gtk_widget_add_controller (GTK_WIDGET (lock->window), GTK_EVENT_CONTROLLER (click));
  lock->idle_check = g_timeout_add_seconds (1, idle_check_cb, lock);
}

void
bz_kiosk_lock_set_idle_timeout (GtkWindow *window, guint seconds)
{
  KioskLock *lock = lock_of (window);

  g_return_if_fail (lock != NULL && seconds > 0);
  lock->idle_seconds = seconds;
}

/* --- attaching -------------------------------------------------------------------- */

/* No minimize, maximize or close buttons in any header bar of the window. */
static void
hide_window_controls (GtkWidget *widget)
{
  if (ADW_IS_HEADER_BAR (widget))
    g_object_set (widget, "show-start-title-buttons", FALSE, "show-end-title-buttons", FALSE, NULL);
  else if (GTK_IS_HEADER_BAR (widget))
    gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (widget), FALSE);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    hide_window_controls (c);
}

void
bz_kiosk_lock_attach (GtkWindow *window, BzKioskSessionFunc get_session)
{
  static const struct { guint key; GdkModifierType mods; } swallowed[] = {
    { GDK_KEY_q, GDK_CONTROL_MASK }, { GDK_KEY_w, GDK_CONTROL_MASK }, { GDK_KEY_F11, 0 },
    { GDK_KEY_F4, GDK_ALT_MASK },
  };
  KioskLock *lock;
  GtkEventController *shortcuts;
  GActionGroup *group;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (lock_of (window) == NULL);

  lock = g_new0 (KioskLock, 1);
  lock->window = window;
  lock->get_session = get_session;
  lock->locked = TRUE;
  g_object_set_qdata_full (G_OBJECT (window), lock_quark (), lock, kiosk_lock_free);
  watch_idle (lock);

  gtk_window_set_deletable (window, FALSE);
  hide_window_controls (GTK_WIDGET (window));
  g_signal_connect (window, "close-request", G_CALLBACK (close_request_cb), lock);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (swallowed); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
        gtk_shortcut_new (gtk_keyval_trigger_new (swallowed[i].key, swallowed[i].mods),
                          gtk_callback_action_new (swallow_cb, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_l, GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK),
                        gtk_named_action_new ("kiosk.unlock")));
  gtk_widget_add_controller (GTK_WIDGET (window), shortcuts);

  /* The "kiosk" action group with "unlock". */
  group = G_ACTION_GROUP (g_simple_action_group_new ());
  {
    GSimpleAction *unlock = g_simple_action_new ("unlock", NULL);
    g_signal_connect (unlock, "activate", G_CALLBACK (unlock_action_cb), window);
    g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (unlock));
    g_object_unref (unlock);
  }
  gtk_widget_insert_action_group (GTK_WIDGET (window), "kiosk", group);
  g_object_unref (group);
}
