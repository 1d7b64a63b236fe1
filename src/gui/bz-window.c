/* bz-window.c — the workstation window (and, with kiosk, the member kiosk).
 *
 * Pages: start-up progress → sign-in → patients ⇄ patient.  A status row at
 * the bottom shows the URL phones use and how many phones are connected
 * (BzApplication, which owns the runtime, tells it).  The window only knows
 * the service layer, through its BzGuiSession.  In kiosk mode the window is
 * fullscreen and locked (bz-kiosk-lock.h: no close, quit or window buttons;
 * staff leave it by signing in), only members sign in, they see their own
 * page, and the kiosk signs out by itself after two idle minutes.
 *
 * Actions are installed on the class (gtk_widget_class_install_action) under
 * the "win." prefix, their shortcuts come from bz-shortcuts.c, and every page's
 * header bar carries the primary menu (F10): sign out, preferences, keyboard
 * shortcuts, help, about.  The kiosk has no menu, and its preferences, help,
 * about and quit actions are disabled.
 */
#include "bz-window.h"

#include <glib/gi18n.h>

#include "config.h"
#include "bz-application.h"
#include "bz-gui-util.h"
#include "bz-inbox.h"
#include "bz-kiosk-lock.h"
#include "bz-preferences.h"
#include "bz-profile-dialog.h"
#include "bz-resources.h"
#include "bz-runtime.h"
#include "bz-shortcuts.h"

#define KIOSK_IDLE_S    120

struct _BzWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwStatusPage *loading_page;
  GtkProgressBar *progress_bar;
  GtkLabel *phase_label;
  AdwStatusPage *error_page;
  BzSignInPage *sign_in_page;
  GtkStack *nav_stack;
  BzPatientsPage *patients_page;
  BzPatientPage *patient_page;
  GtkWidget *status_bar;
  GtkLabel *lan_label;
  GtkLabel *phones_label;

  gboolean kiosk;
  BzGuiSession *session;
  guint idle_source;
  BzMealDialog *meal_dialog;   /* weak */
  AdwToast *last_toast;        /* weak */
  GtkWindow *preferences;      /* weak */
  GMenuModel *primary_menu;
  GPtrArray *inbox_buttons;    /* BzInboxButton in the header bars (issue 10) */
  GtkWindow *inbox;            /* weak */
};

G_DEFINE_FINAL_TYPE (BzWindow, bz_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_actions (BzWindow *self);

/* --- start-up ---------------------------------------------------------------- */

void
bz_window_show_progress (BzWindow *self, const char *phase, double fraction)
{
  g_return_if_fail (BZ_IS_WINDOW (self));

  if (phase)
    gtk_label_set_label (self->phase_label, phase);
  if (fraction >= 0)
    gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0, 1));
  else
    gtk_progress_bar_pulse (self->progress_bar);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
}

void
bz_window_show_error (BzWindow *self, const char *message)
{
  g_return_if_fail (BZ_IS_WINDOW (self));

  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static void session_signed_in_cb (BzWindow *self);

void
bz_window_set_services (BzWindow *self, BzServices *services, gboolean demo)
{
  g_return_if_fail (BZ_IS_WINDOW (self));
  g_return_if_fail (BZ_IS_SERVICES (services));

  g_clear_object (&self->session);
  self->session = bz_gui_session_new (services);
  g_signal_connect_object (self->session, "notify::signed-in", G_CALLBACK (session_signed_in_cb),
                           self, G_CONNECT_SWAPPED);

  bz_sign_in_page_set_session (self->sign_in_page, self->session);
  bz_patients_page_set_session (self->patients_page, self->session);
  bz_patient_page_set_session (self->patient_page, self->session);
  for (guint i = 0; self->inbox_buttons && i < self->inbox_buttons->len; i++)
    bz_inbox_button_set_session (g_ptr_array_index (self->inbox_buttons, i), self->session);

  if (demo)
    bz_sign_in_page_set_hint (self->sign_in_page,
                              self->kiosk
                              /* TRANSLATORS: the demo clinic's member e-mail and password */
                              ? _("Demo clinic: paciente01@balanza.local · Demo-2026!")
                              /* TRANSLATORS: the demo clinic's nutritionist e-mail and password */
                              : _("Demo clinic: demo@balanza.local · Demo-2026!"));

  gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
  bz_sign_in_page_reset (self->sign_in_page);
  update_actions (self);
}

void
bz_window_set_phone_status (BzWindow *self, const char *lan_url, guint n_connected)
{
  g_autofree char *url_text = NULL;
  g_autofree char *phones_text = NULL;

  g_return_if_fail (BZ_IS_WINDOW (self));

  if (self->kiosk || lan_url == NULL)
    {
      gtk_widget_set_visible (self->status_bar, FALSE);
      return;
    }
  /* TRANSLATORS: %s is the URL the phone app connects to */
  url_text = g_strdup_printf (_("Phones connect to %s"), lan_url);
  gtk_label_set_label (self->lan_label, url_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->lan_label),
                               _("Enter this address in the Balanza phone app on the clinic’s network"));
  if (n_connected == 0)
    phones_text = g_strdup (_("No phones connected"));
  else
    phones_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u phone connected", "%u phones connected",
                                                n_connected), n_connected);
  gtk_label_set_label (self->phones_label, phones_text);
  gtk_widget_set_visible (self->status_bar, TRUE);
}

/* --- navigation ---------------------------------------------------------------- */

static gboolean
kiosk_idle_cb (gpointer user_data)
{
  BzWindow *self = user_data;
  self->idle_source = 0;
  if (self->session && bz_gui_session_get_signed_in (self->session))
    bz_gui_session_set_caller (self->session, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
kiosk_event_cb (GtkEventControllerLegacy *controller, GdkEvent *event, BzWindow *self)
{
  if (self->idle_source)
    {
      g_source_remove (self->idle_source);
      self->idle_source = g_timeout_add_seconds (KIOSK_IDLE_S, kiosk_idle_cb, self);
    }
  return GDK_EVENT_PROPAGATE;
}

static void
session_signed_in_cb (BzWindow *self)
{
  const BzCaller *caller = bz_gui_session_get_caller (self->session);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (self->meal_dialog)
    bz_meal_dialog_discard (self->meal_dialog);

  if (caller == NULL)
    {
      bz_patient_page_clear (self->patient_page);
      bz_patients_page_clear (self->patients_page);
      gtk_stack_set_visible_child_name (self->nav_stack, "patients");
      gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
      bz_sign_in_page_reset (self->sign_in_page);
    }
  else if (self->kiosk)
    {
      bz_patient_page_show_patient (self->patient_page, NULL, caller->email, NULL);
      gtk_stack_set_visible_child_name (self->nav_stack, "patient");
      gtk_stack_set_visible_child_name (self->main_stack, "workstation");
      self->idle_source = g_timeout_add_seconds (KIOSK_IDLE_S, kiosk_idle_cb, self);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->nav_stack, "patients");
      gtk_stack_set_visible_child_name (self->main_stack, "workstation");
      bz_patients_page_reload (self->patients_page);
      bz_patients_page_focus_search (self->patients_page);
    }
  update_actions (self);
}

static void
patient_activated_cb (BzWindow *self, BzRecord *patient)
{
  /* a PatientSummary record of the patients page */
  bz_patient_page_show_patient (self->patient_page, bz_record_get_string (patient, BZ_PATIENT_SUMMARY_ID),
                                bz_record_get_string (patient, BZ_PATIENT_SUMMARY_FULL_NAME),
                                bz_record_get_string (patient, BZ_PATIENT_SUMMARY_EMAIL));
  gtk_stack_set_visible_child_name (self->nav_stack, "patient");
  gtk_widget_grab_focus (GTK_WIDGET (bz_patient_page_get_avatar_view (self->patient_page)));
  update_actions (self);
}

static gboolean
on_patient_page (BzWindow *self)
{
  return !self->kiosk && self->session && bz_gui_session_get_signed_in (self->session)
         && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "workstation") == 0
         && g_strcmp0 (gtk_stack_get_visible_child_name (self->nav_stack), "patient") == 0;
}

static gboolean
signed_in_workstation (BzWindow *self)
{
  return !self->kiosk && self->session && bz_gui_session_get_signed_in (self->session);
}

static void
update_actions (BzWindow *self)
{
  GtkWidget *w = GTK_WIDGET (self);
  gboolean signed_in = self->session && bz_gui_session_get_signed_in (self->session);

  gtk_widget_action_set_enabled (w, "win.back", on_patient_page (self));
  gtk_widget_action_set_enabled (w, "win.add-meal", on_patient_page (self));
  gtk_widget_action_set_enabled (w, "win.search", signed_in_workstation (self));
  gtk_widget_action_set_enabled (w, "win.sign-out", signed_in);
  gtk_widget_action_set_enabled (w, "win.refresh", signed_in);
  /* The kiosk: no way out, nor into the desk's settings (bz-kiosk-lock.h). */
  gtk_widget_action_set_enabled (w, "win.preferences", !self->kiosk);
  gtk_widget_action_set_enabled (w, "win.profile", signed_in_workstation (self)
                                 && bz_gui_session_get_caller (self->session)->role == BZ_ROLE_NUTRITIONIST);
  gtk_widget_action_set_enabled (w, "win.inbox", signed_in_workstation (self)
                                 && bz_gui_session_get_caller (self->session)->role == BZ_ROLE_NUTRITIONIST);
  gtk_widget_action_set_enabled (w, "win.show-help-overlay", !self->kiosk);
  gtk_widget_action_set_enabled (w, "win.help", !self->kiosk);
  gtk_widget_action_set_enabled (w, "win.about", !self->kiosk);
  gtk_widget_action_set_enabled (w, "win.quit", !self->kiosk);
}

static void
back_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  BzWindow *self = BZ_WINDOW (widget);

  if (!on_patient_page (self))
    return;
  if (self->meal_dialog)
    bz_meal_dialog_discard (self->meal_dialog);
  gtk_stack_set_visible_child_name (self->nav_stack, "patients");
  bz_patient_page_clear (self->patient_page);
  update_actions (self);
  bz_patients_page_focus_search (self->patients_page);
}

static void
search_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  BzWindow *self = BZ_WINDOW (widget);

  if (on_patient_page (self))
    back_activated (widget, NULL, NULL);
  bz_patients_page_focus_search (self->patients_page);
}

/* @upload: the MealUpload record {meal, detection} of bz_meals_log_finish(). */
static void
meal_saved_cb (BzMealDialog *dialog, BzRecord *upload, BzWindow *self)
{
  BzRecord *meal = bz_record_get_object (upload, BZ_MEAL_UPLOAD_MEAL);
  BzRecord *detection = bz_record_get_object (upload, BZ_MEAL_UPLOAD_DETECTION);
  guint n_items = meal ? bz_record_get_n_items (meal, BZ_MEAL_ITEMS) : 0;
  const char *status = detection ? bz_record_get_string (detection, BZ_DETECTION_STATUS) : NULL;

  if (n_items == 0 && g_strcmp0 (status, "manual_entry_required") == 0)
    bz_window_add_toast (self, _("Meal photo saved. Add its foods when you know them."));
  else
    bz_window_add_toast (self, _("Meal saved"));
  bz_patient_page_refresh (self->patient_page);
}

BzMealDialog *
bz_window_open_meal_dialog (BzWindow *self)
{
  g_return_val_if_fail (BZ_IS_WINDOW (self), NULL);

  if (!on_patient_page (self) || bz_patient_page_get_patient_id (self->patient_page) == NULL)
    return NULL;
  if (self->meal_dialog)
    {
      gtk_window_present (GTK_WINDOW (self->meal_dialog));
      return self->meal_dialog;
    }
  self->meal_dialog = bz_meal_dialog_new (GTK_WINDOW (self), self->session,
                                          bz_patient_page_get_patient_id (self->patient_page),
                                          bz_patient_page_get_patient_name (self->patient_page));
  g_object_add_weak_pointer (G_OBJECT (self->meal_dialog), (gpointer *) &self->meal_dialog);
  g_signal_connect_object (self->meal_dialog, "saved", G_CALLBACK (meal_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self->meal_dialog));
  return self->meal_dialog;
}

static void
add_meal_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  bz_window_open_meal_dialog (BZ_WINDOW (widget));
}

static void
sign_out_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  BzWindow *self = BZ_WINDOW (widget);
  if (self->session)
    bz_gui_session_set_caller (self->session, NULL);
}

static void
refresh_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  BzWindow *self = BZ_WINDOW (widget);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->nav_stack), "patient") == 0)
    bz_patient_page_refresh (self->patient_page);
  else
    bz_patients_page_reload (self->patients_page);
}

/* --- the primary menu's actions --------------------------------------------------- */

GtkWindow *
bz_window_open_preferences (BzWindow *self)
{
  g_autoptr(GSettings) settings = NULL;

  g_return_val_if_fail (BZ_IS_WINDOW (self), NULL);

  if (self->kiosk)
    return NULL;
  if (self->preferences)
    {
      gtk_window_present (self->preferences);
      return self->preferences;
    }
  settings = bz_runtime_settings_new ();
  if (settings == NULL)
    {
      bz_window_add_toast (self, _("Preferences are not available: the settings schema is not installed"));
      return NULL;
    }
  self->preferences = GTK_WINDOW (bz_preferences_new (GTK_WINDOW (self), settings));
  g_object_add_weak_pointer (G_OBJECT (self->preferences), (gpointer *) &self->preferences);
  gtk_window_present (self->preferences);
  return self->preferences;
}

static void
preferences_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  bz_window_open_preferences (BZ_WINDOW (widget));
}

GtkWindow *
bz_window_open_profile (BzWindow *self)
{
  GtkWindow *dialog;

  g_return_val_if_fail (BZ_IS_WINDOW (self), NULL);
  if (!gtk_widget_is_sensitive (GTK_WIDGET (self)) || self->kiosk || self->session == NULL
      || !bz_gui_session_get_signed_in (self->session))
    return NULL;
  dialog = GTK_WINDOW (bz_profile_dialog_new (GTK_WINDOW (self), self->session));
  gtk_window_present (dialog);
  return dialog;
}

static void
profile_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  bz_window_open_profile (BZ_WINDOW (widget));
}

GtkWindow *
bz_window_open_inbox (BzWindow *self)
{
  g_return_val_if_fail (BZ_IS_WINDOW (self), NULL);
  if (self->kiosk || self->session == NULL || !bz_gui_session_get_signed_in (self->session))
    return NULL;
  if (self->inbox == NULL)
    {
      self->inbox = GTK_WINDOW (bz_inbox_new (GTK_WINDOW (self), self->session));
      g_object_add_weak_pointer (G_OBJECT (self->inbox), (gpointer *) &self->inbox);
    }
  gtk_window_present (self->inbox);
  return self->inbox;
}

static void
inbox_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  bz_window_open_inbox (BZ_WINDOW (widget));
}

static void
shortcuts_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  gtk_window_present (bz_shortcuts_window_new (GTK_WINDOW (widget)));
}

/* F1: the Mallard pages of help/ (installed under share/help/LANG/balanza)
 * through yelp; without yelp, a toast says so. */
static void
help_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  g_autofree char *yelp = g_find_program_in_path ("yelp");

  if (yelp == NULL)
    {
      bz_window_add_toast (BZ_WINDOW (widget), _("Help is not installed on this computer (the Yelp help viewer is missing)"));
      return;
    }
  gtk_show_uri (GTK_WINDOW (widget), "help:balanza", GDK_CURRENT_TIME);
}

GtkWindow *
bz_window_show_about (BzWindow *self)
{
  static const char *developers[] = { "The Balanza developers", NULL };
  const char *translators = _("translator-credits");
  AdwAboutWindow *about;

  g_return_val_if_fail (BZ_IS_WINDOW (self), NULL);

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  adw_about_window_set_application_name (about, _("Balanza"));
  adw_about_window_set_application_icon (about, BZ_APPLICATION_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);          /* meson's project version */
  adw_about_window_set_developer_name (about, _("The Balanza developers"));
  adw_about_window_set_developers (about, developers);
  /* TRANSLATORS: your names, one a line; the About window lists them */
  if (g_strcmp0 (translators, "translator-credits") != 0)
    adw_about_window_set_translator_credits (about, translators);
  adw_about_window_set_comments (about, _("The nutrition clinic’s workstation: patients, body scans with a 3D avatar, "
                                          "meals with photos and USDA foods, and the server for the clinic’s phones. "
                                          "Everything works offline."));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);  /* meson.build: GPL-3.0-or-later */
  adw_about_window_add_legal_section (about, _("Food data"),
                                      "U.S. Department of Agriculture, Agricultural Research Service. "
                                      "USDA National Nutrient Database for Standard Reference, Release 28.",
                                      GTK_LICENSE_CUSTOM, _("Public domain"));
  gtk_window_present (GTK_WINDOW (about));
  return GTK_WINDOW (about);
}

static void
about_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  bz_window_show_about (BZ_WINDOW (widget));
}

static void
quit_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));

  if (app)
    g_application_quit (G_APPLICATION (app));
  else
    gtk_window_destroy (GTK_WINDOW (widget));
}

static GMenuModel *
primary_menu_new (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) session = g_menu_new ();
  g_autoptr(GMenu) app = g_menu_new ();

  g_menu_append (session, _("_Refresh"), "win.refresh");
  g_menu_append (session, _("Professional _Profile"), "win.profile");
  g_menu_append (session, _("_Sign Out"), "win.sign-out");
  g_menu_append (app, _("_Preferences"), "win.preferences");
  g_menu_append (app, _("_Keyboard Shortcuts"), "win.show-help-overlay");
  g_menu_append (app, _("_Help"), "win.help");
  g_menu_append (app, _("_About Balanza"), "win.about");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (session));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (app));
  return G_MENU_MODEL (menu);
}

static GtkMenuButton *
find_primary_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkMenuButton *found = find_primary_button (c);
      if (found)
        return found;
    }
  return NULL;
}

/* Every header bar of the window's pages gets the primary menu: the page's
 * own primary GtkMenuButton shows it, or one is added at the far end.  In
 * the kiosk, primary menu buttons are hidden instead. */
static void
attach_primary_menu (BzWindow *self, GtkWidget *widget)
{
  if (ADW_IS_HEADER_BAR (widget))
    {
      GtkMenuButton *button = find_primary_button (widget);
      GtkWidget *parent, *last;

      if (self->kiosk)
        {
          if (button)
            gtk_widget_set_visible (GTK_WIDGET (button), FALSE);
          return;
        }
      if (button == NULL)
        {
          button = GTK_MENU_BUTTON (gtk_menu_button_new ());
          gtk_menu_button_set_icon_name (button, "open-menu-symbolic");
          gtk_menu_button_set_primary (button, TRUE);
          gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Main Menu"));
          /* pack_end puts it left of the end widgets packed before; it goes
           * to the far end, just before the window's own buttons. */
          adw_header_bar_pack_end (ADW_HEADER_BAR (widget), GTK_WIDGET (button));
          parent = gtk_widget_get_parent (GTK_WIDGET (button));
          last = parent ? gtk_widget_get_last_child (parent) : NULL;
          if (GTK_IS_BOX (parent) && GTK_IS_WINDOW_CONTROLS (last))
            last = gtk_widget_get_prev_sibling (last);
          if (GTK_IS_BOX (parent) && last && last != GTK_WIDGET (button))
            gtk_box_reorder_child_after (GTK_BOX (parent), GTK_WIDGET (button), last);
        }
      gtk_menu_button_set_menu_model (button, self->primary_menu);
      {
        /* The inbox's envelope, left of the menu (issue 10). */
        GtkWidget *inbox = bz_inbox_button_new ();
        adw_header_bar_pack_end (ADW_HEADER_BAR (widget), inbox);
        g_ptr_array_add (self->inbox_buttons, inbox);
      }
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    attach_primary_menu (self, c);
}

GMenuModel *
bz_window_get_primary_menu (BzWindow *self)
{
  g_return_val_if_fail (BZ_IS_WINDOW (self), NULL);
  return self->kiosk ? NULL : self->primary_menu;
}

/* --- object -------------------------------------------------------------------- */

static void
bz_window_dispose (GObject *object)
{
  BzWindow *self = BZ_WINDOW (object);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (self->last_toast)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->last_toast), (gpointer *) &self->last_toast);
      self->last_toast = NULL;
    }
  if (self->meal_dialog)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->meal_dialog), (gpointer *) &self->meal_dialog);
      gtk_window_destroy (GTK_WINDOW (self->meal_dialog));
      self->meal_dialog = NULL;
    }
  if (self->preferences)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->preferences), (gpointer *) &self->preferences);
      gtk_window_destroy (self->preferences);
      self->preferences = NULL;
    }
  g_clear_object (&self->primary_menu);
  if (self->inbox)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->inbox), (gpointer *) &self->inbox);
      gtk_window_destroy (self->inbox);
      self->inbox = NULL;
    }
  for (guint i = 0; self->inbox_buttons && i < self->inbox_buttons->len; i++)
    bz_inbox_button_set_session (g_ptr_array_index (self->inbox_buttons, i), NULL);
  g_clear_pointer (&self->inbox_buttons, g_ptr_array_unref);
  if (self->patients_page)
    bz_patients_page_set_session (self->patients_page, NULL);
  if (self->patient_page)
    bz_patient_page_set_session (self->patient_page, NULL);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), BZ_TYPE_WINDOW);
  G_OBJECT_CLASS (bz_window_parent_class)->dispose (object);
}

static void
bz_window_class_init (BzWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bz_window_dispose;

  g_type_ensure (BZ_TYPE_SIGN_IN_PAGE);
  g_type_ensure (BZ_TYPE_PATIENTS_PAGE);
  g_type_ensure (BZ_TYPE_PATIENT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/balanza/Balanza/ui/bz-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BzWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BzWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BzWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, BzWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BzWindow, phase_label);
  gtk_widget_class_bind_template_child (widget_class, BzWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, BzWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, BzWindow, nav_stack);
  gtk_widget_class_bind_template_child (widget_class, BzWindow, patients_page);
  gtk_widget_class_bind_template_child (widget_class, BzWindow, patient_page);
  gtk_widget_class_bind_template_child (widget_class, BzWindow, status_bar);
  gtk_widget_class_bind_template_child (widget_class, BzWindow, lan_label);
  gtk_widget_class_bind_template_child (widget_class, BzWindow, phones_label);
  gtk_widget_class_bind_template_callback (widget_class, patient_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.add-meal", NULL, add_meal_activated);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_activated);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_activated);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_activated);
  gtk_widget_class_install_action (widget_class, "win.profile", NULL, profile_activated);
  gtk_widget_class_install_action (widget_class, "win.inbox", NULL, inbox_activated);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, shortcuts_activated);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_activated);
  gtk_widget_class_install_action (widget_class, "win.about", NULL, about_activated);
  gtk_widget_class_install_action (widget_class, "win.quit", NULL, quit_activated);
  bz_shortcuts_add_bindings (widget_class);
}

static void
bz_window_init (BzWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->primary_menu = primary_menu_new ();
  self->inbox_buttons = g_ptr_array_new ();
  update_actions (self);
}

static BzGuiSession *
kiosk_session (GtkWindow *window)
{
  return BZ_WINDOW (window)->session;
}

BzWindow *
bz_window_new (GtkApplication *application, gboolean kiosk)
{
  BzWindow *self = g_object_new (BZ_TYPE_WINDOW, "application", application, NULL);

  self->kiosk = kiosk;
  bz_sign_in_page_set_mode (self->sign_in_page, kiosk ? BZ_SIGN_IN_MEMBER : BZ_SIGN_IN_STAFF);
  bz_patient_page_set_kiosk (self->patient_page, kiosk);
  attach_primary_menu (self, GTK_WIDGET (self));
  update_actions (self);
  if (kiosk)
    {
      GtkEventController *legacy = gtk_event_controller_legacy_new ();
      gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
      g_signal_connect (legacy, "event", G_CALLBACK (kiosk_event_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self), legacy);
      gtk_window_set_title (GTK_WINDOW (self), _("Balanza Kiosk"));
      gtk_window_fullscreen (GTK_WINDOW (self));
      bz_kiosk_lock_attach (GTK_WINDOW (self), kiosk_session);
    }
  return self;
}

BzGuiSession *
bz_window_get_session (BzWindow *self)
{
  g_return_val_if_fail (BZ_IS_WINDOW (self), NULL);
  return self->session;
}

const char *
bz_window_get_page_name (BzWindow *self)
{
  const char *main;

  g_return_val_if_fail (BZ_IS_WINDOW (self), NULL);
  main = gtk_stack_get_visible_child_name (self->main_stack);
  if (g_strcmp0 (main, "workstation") == 0)
    return gtk_stack_get_visible_child_name (self->nav_stack);
  return main;
}

BzSignInPage *
bz_window_get_sign_in_page (BzWindow *self)
{
  g_return_val_if_fail (BZ_IS_WINDOW (self), NULL);
  return self->sign_in_page;
}

BzPatientsPage *
bz_window_get_patients_page (BzWindow *self)
{
  g_return_val_if_fail (BZ_IS_WINDOW (self), NULL);
  return self->patients_page;
}

BzPatientPage *
bz_window_get_patient_page (BzWindow *self)
{
  g_return_val_if_fail (BZ_IS_WINDOW (self), NULL);
  return self->patient_page;
}

void
bz_window_add_toast (BzWindow *self, const char *message)
{
  AdwToast *toast;

  g_return_if_fail (BZ_IS_WINDOW (self));
  toast = adw_toast_new (message);
  if (self->last_toast)
    g_object_remove_weak_pointer (G_OBJECT (self->last_toast), (gpointer *) &self->last_toast);
  self->last_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->last_toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

const char *
bz_window_get_toast_text (BzWindow *self)
{
  g_return_val_if_fail (BZ_IS_WINDOW (self), NULL);
  return self->last_toast ? adw_toast_get_title (self->last_toast) : NULL;
}

void
bz_window_dismiss_toast (BzWindow *self)
{
  g_return_if_fail (BZ_IS_WINDOW (self));
  if (self->last_toast)
    adw_toast_dismiss (self->last_toast);
}

char *
bz_window_get_status_text (BzWindow *self)
{
  g_return_val_if_fail (BZ_IS_WINDOW (self), NULL);
  if (!gtk_widget_get_visible (self->status_bar))
    return g_strdup ("");
  return g_strdup_printf ("%s | %s", gtk_label_get_label (self->lan_label),
                          gtk_label_get_label (self->phones_label));
}
