/* test-menu.c — the desk's primary menu, Preferences, Keyboard Shortcuts,
 * Help and About on a real window (suite 'gui', issue 12).
 *
 * Under Xvfb, with GSettings on the memory backend over the build tree's
 * compiled schema and no Secret Service (a session bus address that leads
 * nowhere): every page's header bar has the primary menu (F10) at its far
 * end; the menu opens; Preferences changes the port, the bind address (a bad
 * one is refused), HTTP, the report language, the default activity level and
 * a provider, and GSettings reads them back (and the rows follow a change
 * made elsewhere); the API key rows are insensitive without a keyring; the
 * Keyboard Shortcuts window lists the shortcuts table; About shows meson's
 * version; F1 without yelp says help is not installed.  The kiosk has no menu
 * and none of these actions.
 *
 * Screenshots: tests/gui/test-menu-*.png in the build dir; with
 * $BALANZA_SCREENSHOT_DIR also menu.png, preferences.png, preferences-clinic.png,
 * preferences-integrations.png, shortcuts.png and about.png there.
 */
#include <adwaita.h>
#include <gtk/gtk.h>
#include <string.h>

#include "config.h"
#include "bz-application.h"
#include "bz-preferences.h"
#include "bz-runtime.h"
#include "bz-shortcuts.h"
#include "bz-window.h"
#include "bz-camera.h"
#include "bz-gui-test.h"

/* --- helpers ------------------------------------------------------------------ */

static void
collect_menu_buttons (GtkWidget *w, gboolean in_header_bar, GPtrArray *out)
{
  in_header_bar = in_header_bar || ADW_IS_HEADER_BAR (w);
  if (in_header_bar && GTK_IS_MENU_BUTTON (w) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (w)))
    g_ptr_array_add (out, w);
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    collect_menu_buttons (c, in_header_bar, out);
}

static guint
count_header_bars (GtkWidget *w)
{
  guint n = ADW_IS_HEADER_BAR (w) ? 1 : 0;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    n += count_header_bars (c);
  return n;
}

static GtkWidget *
find_named (GtkWidget *w, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (w), name) == 0)
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
must_find (GtkWidget *w, const char *name)
{
  GtkWidget *found = find_named (w, name);
  if (found == NULL)
    g_error ("no widget named %s", name);
  return found;
}

static void
collect_type (GtkWidget *w, GType type, GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
    g_ptr_array_add (out, w);
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    collect_type (c, type, out);
}

static gboolean
menu_has_action (GMenuModel *model, const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_strcmp0 (name, action) == 0)
        return TRUE;
      if (section && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* The visible toplevel of @type, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *tops = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (tops, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;   /* the toplevel list keeps it */
    }
  return NULL;
}

/* What F10 does: GtkWindow's own F10 shortcut opens the shown primary menu
 * button's menu.  Returns: whether the window had it. */
static gboolean
press_f10 (GtkWidget *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  g_autoptr(GtkShortcutTrigger) f10 = gtk_keyval_trigger_new (GDK_KEY_F10, 0);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);
      if (!GTK_IS_SHORTCUT_CONTROLLER (c))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (c)); j++)
        {
          g_autoptr(GtkShortcut) s = g_list_model_get_item (G_LIST_MODEL (c), j);
          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (s), f10))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (s), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                 window, gtk_shortcut_get_arguments (s));
        }
    }
  return FALSE;
}

static void
shoot (GtkWidget *widget, const char *name)
{
  g_autoptr(GdkTexture) shot = NULL;
  g_autofree char *build_name = g_strdup_printf ("test-menu-%s", name);

  bz_gui_test_settle (300);
  shot = bz_gui_test_screenshot (widget);
  bz_gui_test_save_png (shot, build_name, name);
}

static char *
dict_value (GSettings *settings, const char *key, const char *kind)
{
  g_autoptr(GVariant) dict = g_settings_get_value (settings, key);
  const char *value = NULL;
  return g_variant_lookup (dict, kind, "&s", &value) ? g_strdup (value) : NULL;
}

/* --- the desk ------------------------------------------------------------------ */

/* Every accelerator of the table that names an action is one of the window's
 * class bindings to that action (bz_shortcuts_add_bindings()). */
static void
check_bindings (BzWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GListModel *bindings = NULL;
  guint n_table, n_checked = 0;
  const BzShortcut *table = bz_shortcuts_get_table (&n_table);

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && bindings == NULL; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_SHORTCUT_CONTROLLER (c) && g_strcmp0 (gtk_event_controller_get_name (c), "gtk-widget-class-shortcuts") == 0)
        bindings = G_LIST_MODEL (c);   /* the window keeps it */
    }
  g_assert_nonnull (bindings);
  for (guint i = 0; i < n_table; i++)
    {
      g_auto(GStrv) accels = NULL;
      if (table[i].action == NULL)
        continue;
      accels = g_strsplit (table[i].bound ? table[i].bound : table[i].shown, " ", -1);
      for (guint a = 0; accels[a]; a++)
        {
          g_autoptr(GtkShortcutTrigger) want = gtk_shortcut_trigger_parse_string (accels[a]);
          gboolean found = FALSE;

          g_assert_nonnull (want);
          for (guint j = 0; j < g_list_model_get_n_items (bindings) && !found; j++)
            {
              g_autoptr(GtkShortcut) sc = g_list_model_get_item (bindings, j);
              GtkShortcutAction *action = gtk_shortcut_get_action (sc);
              found = gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (sc), want)
                      && GTK_IS_NAMED_ACTION (action)
                      && g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), table[i].action) == 0;
            }
          if (!found)
            g_error ("%s is not bound to %s", accels[a], table[i].action);
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, >=, 10);
}

static void
check_menus (BzWindow *window)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GMenuModel *menu = bz_window_get_primary_menu (window);
  GtkWidget *shown = NULL;
  GtkPopover *popover;

  g_assert_nonnull (menu);
  for (const char *const *a = (const char *const[]) { "win.sign-out", "win.preferences", "win.show-help-overlay",
                                                        "win.help", "win.about", NULL }; *a; a++)
    g_assert_true (menu_has_action (menu, *a));

  /* One primary menu in each page's header bar (start-up, error, sign-in,
   * patients, patient), at the far end; F10 opens the shown one. */
  collect_menu_buttons (GTK_WIDGET (window), FALSE, buttons);
  g_assert_cmpuint (buttons->len, ==, count_header_bars (GTK_WIDGET (window)));
  g_assert_cmpuint (buttons->len, >=, 5);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *b = buttons->pdata[i];
      g_assert_true (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (b)) == menu);
      g_assert_true (gtk_widget_get_visible (b));
      /* nothing after it but the window's buttons */
      g_assert_true (gtk_widget_get_next_sibling (b) == NULL || GTK_IS_WINDOW_CONTROLS (gtk_widget_get_next_sibling (b)));
      if (gtk_widget_get_mapped (b))
        shown = b;
    }
  g_assert_nonnull (shown);

  g_assert_true (press_f10 (GTK_WIDGET (window)));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (shown));
  WAIT_FOR (popover && gtk_widget_get_mapped (GTK_WIDGET (popover)), 10, "the primary menu");
  shoot (GTK_WIDGET (popover), "menu.png");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (shown));
}

static void
check_preferences (BzWindow *window)
{
  g_autoptr(GSettings) settings = bz_runtime_settings_new ();
  GtkWindow *prefs;
  GtkWidget *row, *w;
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GVariant) port = NULL;

  g_assert_nonnull (settings);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  WAIT_FOR ((prefs = find_toplevel (BZ_TYPE_PREFERENCES)) != NULL, 10, "the preferences window");
  g_assert_true (gtk_window_get_transient_for (prefs) == GTK_WINDOW (window));
  /* A second time raises the same window. */
  g_assert_true (bz_window_open_preferences (window) == prefs);

  /* Server: port, address, HTTP; HTTPS is not there yet. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (must_find (GTK_WIDGET (prefs), "server-port")), 8500);
  port = g_settings_get_value (settings, "server-port");
  g_assert_cmpuint (g_variant_get_uint16 (port), ==, 8500);

  row = must_find (GTK_WIDGET (prefs), "server-bind-address");
  gtk_editable_set_text (GTK_EDITABLE (row), "127.0.0.1");
  text = g_settings_get_string (settings, "server-bind-address");
  g_assert_cmpstr (text, ==, "127.0.0.1");
  g_clear_pointer (&text, g_free);
  gtk_editable_set_text (GTK_EDITABLE (row), "clinic-server");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  text = g_settings_get_string (settings, "server-bind-address");
  g_assert_cmpstr (text, ==, "127.0.0.1");     /* not an address: not saved */
  gtk_editable_set_text (GTK_EDITABLE (row), "127.0.0.1");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  w = must_find (GTK_WIDGET (prefs), "serve-http");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (w)));
  gtk_switch_set_active (GTK_SWITCH (w), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "serve-http"));
  gtk_switch_set_active (GTK_SWITCH (w), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "serve-http"));
  w = must_find (GTK_WIDGET (prefs), "serve-https");
  g_assert_true (gtk_widget_is_sensitive (w));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (w)));   /* HTTPS by default (issue 9) */
  gtk_switch_set_active (GTK_SWITCH (w), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "serve-https"));
  shoot (GTK_WIDGET (prefs), "preferences.png");

  /* The runtime started by the GUI takes them, flags first. */
  {
    BzRuntimeOptions opts = { .port = -1, .https_port = -1 };
    bz_runtime_options_apply_settings (&opts, settings);
    g_assert_cmpint (opts.port, ==, 8500);
    g_assert_cmpstr (opts.bind, ==, "127.0.0.1");
    g_assert_false (opts.no_http);
    g_assert_true (opts.no_https);
    g_assert_cmpint (opts.https_port, ==, BZ_RUNTIME_DEFAULT_HTTPS_PORT);
    bz_runtime_options_clear (&opts);
  }

  /* Clinic: both ways, the enums by their nicks. */
  row = must_find (GTK_WIDGET (prefs), "report-language");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  value = g_settings_get_string (settings, "report-language");
  g_assert_cmpstr (value, ==, "es");
  g_clear_pointer (&value, g_free);
  g_settings_set_string (settings, "report-language", "en");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 2);
  row = must_find (GTK_WIDGET (prefs), "default-activity-level");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 1);   /* "light" */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 3);
  value = g_settings_get_string (settings, "default-activity-level");
  g_assert_cmpstr (value, ==, "active");
  g_clear_pointer (&value, g_free);
  row = must_find (GTK_WIDGET (prefs), "camera-device");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);   /* first camera found */
  /* The camera setting is what a photo is taken with; the environment's
   * pipeline wins; a value that is not a device path adds nothing. */
  {
    g_autofree char *device = bz_camera_source_for (NULL, "/dev/video2");
    g_autofree char *by_id = bz_camera_source_for (NULL, "/dev/v4l/by-id/usb-Logitech_C920-video-index0");
    g_autofree char *sneaky = bz_camera_source_for (NULL, "/dev/video0 ! filesink location=/tmp/x");
    g_autofree char *env = bz_camera_source_for ("videotestsrc num-buffers=1", "/dev/video2");
    g_autofree char *first = bz_camera_source_for (NULL, "");
    g_assert_cmpstr (device, ==, "v4l2src device=/dev/video2");
    g_assert_cmpstr (by_id, ==, "v4l2src device=/dev/v4l/by-id/usb-Logitech_C920-video-index0");
    g_assert_cmpstr (sneaky, ==, "v4l2src");
    g_assert_cmpstr (env, ==, "videotestsrc num-buffers=1");
    g_assert_cmpstr (first, ==, "v4l2src");
    if (g_getenv (BZ_CAMERA_PIPELINE_ENV) == NULL)
      {
        g_autofree char *chosen = NULL;
        g_settings_set_string (settings, "camera-device", "/dev/video5");
        chosen = bz_camera_dup_source ();
        g_assert_cmpstr (chosen, ==, "v4l2src device=/dev/video5");
        g_settings_reset (settings, "camera-device");
      }
  }
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                           ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_PAGE)));
  shoot (GTK_WIDGET (prefs), "preferences-clinic.png");

  /* Integrations: provider, base URL and model per kind; no key rows
   * without a keyring. */
  row = must_find (GTK_WIDGET (prefs), "provider-vision");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  value = dict_value (settings, "integration-providers", "vision");
  g_assert_cmpstr (value, ==, "openai");
  g_clear_pointer (&value, g_free);
  row = must_find (GTK_WIDGET (prefs), "base-url-vision");
  g_assert_true (gtk_widget_get_sensitive (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "http://192.168.1.20:8080/v1");
  g_signal_emit_by_name (row, "apply");
  value = dict_value (settings, "integration-base-urls", "vision");
  g_assert_cmpstr (value, ==, "http://192.168.1.20:8080/v1");
  g_clear_pointer (&value, g_free);
  gtk_editable_set_text (GTK_EDITABLE (row), "not a url");
  g_signal_emit_by_name (row, "apply");
  value = dict_value (settings, "integration-base-urls", "vision");
  g_assert_cmpstr (value, ==, "http://192.168.1.20:8080/v1");
  g_clear_pointer (&value, g_free);
  gtk_editable_set_text (GTK_EDITABLE (row), "http://192.168.1.20:8080/v1");
  g_signal_emit_by_name (row, "apply");
  row = must_find (GTK_WIDGET (prefs), "model-vision");
  gtk_editable_set_text (GTK_EDITABLE (row), "llava");
  g_signal_emit_by_name (row, "apply");
  value = dict_value (settings, "integration-models", "vision");
  g_assert_cmpstr (value, ==, "llava");
  g_clear_pointer (&value, g_free);
  g_assert_false (gtk_widget_get_sensitive (must_find (GTK_WIDGET (prefs), "base-url-diet")));
  value = dict_value (settings, "integration-providers", "diet");
  g_assert_null (value);   /* unset: the local provider */

  WAIT_FOR (bz_preferences_get_keyring_checked (BZ_PREFERENCES (prefs)), 30, "the keyring check");
  {
    guint n_kinds;
    const char *const *kinds = bz_preferences_integration_kinds (&n_kinds);
    for (guint i = 0; i < n_kinds; i++)
      {
        g_autofree char *name = g_strdup_printf ("api-key-%s", kinds[i]);
        g_assert_false (gtk_widget_get_sensitive (must_find (GTK_WIDGET (prefs), name)));
      }
  }
  {
    GtkWidget *page = gtk_widget_get_ancestor (must_find (GTK_WIDGET (prefs), "api-key-vision"),
                                               ADW_TYPE_PREFERENCES_PAGE);
    g_autoptr(GPtrArray) expanders = g_ptr_array_new ();
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs), ADW_PREFERENCES_PAGE (page));
    collect_type (page, ADW_TYPE_EXPANDER_ROW, expanders);
    g_assert_cmpuint (expanders->len, ==, 5);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expanders->pdata[2]), TRUE);   /* vision */
    shoot (GTK_WIDGET (prefs), "preferences-integrations.png");
  }
  gtk_window_close (prefs);
  WAIT_FOR (find_toplevel (BZ_TYPE_PREFERENCES) == NULL, 10, "the preferences window to close");
}

static void
check_shortcuts_about_help (BzWindow *window)
{
  GtkWindow *shortcuts, *about;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  guint n_table;
  const BzShortcut *table = bz_shortcuts_get_table (&n_table);
  gboolean found_prefs = FALSE;
  g_autofree char *yelp = g_find_program_in_path ("yelp");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  WAIT_FOR ((shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW)) != NULL, 10, "the shortcuts window");
  {
    /* the section's shortcuts (the window's search page holds copies) */
    g_autoptr(GPtrArray) sections = g_ptr_array_new ();
    collect_type (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SECTION, sections);
    g_assert_cmpuint (sections->len, ==, 1);
    collect_type (sections->pdata[0], GTK_TYPE_SHORTCUTS_SHORTCUT, items);
  }
  g_assert_cmpuint (items->len, ==, n_table);
  {
    /* Each entry of the table once (the section lays them out in its own order). */
    g_autoptr(GPtrArray) wanted = g_ptr_array_new_with_free_func (g_free);
    for (guint i = 0; i < n_table; i++)
      g_ptr_array_add (wanted, g_strdup_printf ("%s|%s", g_dgettext (GETTEXT_PACKAGE, table[i].title), table[i].shown));
    for (guint i = 0; i < items->len; i++)
      {
        g_autofree char *accel = NULL, *title = NULL, *item = NULL;
        guint at;
        g_object_get (items->pdata[i], "accelerator", &accel, "title", &title, NULL);
        item = g_strdup_printf ("%s|%s", title, accel);
        if (!g_ptr_array_find_with_equal_func (wanted, item, g_str_equal, &at))
          g_error ("the shortcuts window lists %s, which the table does not have", item);
        g_ptr_array_remove_index (wanted, at);
        found_prefs = found_prefs || g_strcmp0 (accel, "<Control>comma") == 0;
      }
    g_assert_cmpuint (wanted->len, ==, 0);
  }
  g_assert_true (found_prefs);
  shoot (GTK_WIDGET (shortcuts), "shortcuts.png");
  gtk_window_close (shortcuts);
  WAIT_FOR (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) == NULL, 10, "the shortcuts window to close");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.about", NULL));
  WAIT_FOR ((about = find_toplevel (ADW_TYPE_ABOUT_WINDOW)) != NULL, 10, "the About window");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_nonnull (adw_about_window_get_developers (ADW_ABOUT_WINDOW (about)));
  shoot (GTK_WIDGET (about), "about.png");
  gtk_window_close (about);
  WAIT_FOR (find_toplevel (ADW_TYPE_ABOUT_WINDOW) == NULL, 10, "the About window to close");

  /* F1 without yelp (as on the test machines): a toast, no error. */
  if (yelp == NULL)
    {
      g_assert_null (bz_window_get_toast_text (window));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.help", NULL));
      g_assert_nonnull (bz_window_get_toast_text (window));
    }
  else
    g_test_message ("yelp is installed: F1 would open it, not checked");
}

static void
test_desk (void)
{
  BzWindow *window = bz_window_new (NULL, FALSE);

  bz_gui_test_window = GTK_WIDGET (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  bz_window_show_progress (window, NULL, 0.4);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 10, "the window");

  check_bindings (window);
  check_menus (window);
  check_preferences (window);
  check_shortcuts_about_help (window);

  bz_gui_test_window = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- the kiosk ------------------------------------------------------------------ */

static void
test_kiosk (void)
{
  BzWindow *window = bz_window_new (NULL, TRUE);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  bz_gui_test_window = GTK_WIDGET (window);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 10, "the kiosk window");

  g_assert_null (bz_window_get_primary_menu (window));
  collect_menu_buttons (GTK_WIDGET (window), FALSE, buttons);
  for (guint i = 0; i < buttons->len; i++)
    g_assert_false (gtk_widget_get_visible (buttons->pdata[i]));

  /* Preferences, shortcuts, help, about and quit do nothing. */
  for (const char *const *a = (const char *const[]) { "win.preferences", "win.show-help-overlay", "win.help",
                                                        "win.about", "win.quit", NULL }; *a; a++)
    gtk_widget_activate_action (GTK_WIDGET (window), *a, NULL);
  g_assert_null (bz_window_open_preferences (window));
  bz_gui_test_settle (300);
  g_assert_nonnull (window);
  g_assert_null (find_toplevel (BZ_TYPE_PREFERENCES));
  g_assert_null (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_null (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_null (bz_window_get_toast_text (window));

  bz_gui_test_window = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
}

/* GTK 4.8 (Debian 12) warns "GtkLabel ... reported min width -3" whenever a
 * GtkShortcutsWindow is laid out, even one with a single shortcut and without
 * libadwaita's style: GTK's bug, not Balanza's.  Only that message is let
 * through as non-fatal; everything else goes to GLib's writer (fatal as usual). */
static GLogWriterOutput
log_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0
        && g_str_has_prefix (fields[i].value, "GtkLabel ")
        && strstr (fields[i].value, "reported min width -") != NULL)
      {
        g_test_message ("GTK 4.8 bug, ignored: %s", (const char *) fields[i].value);
        return G_LOG_WRITER_HANDLED;
      }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

int
main (int argc, char **argv)
{
  g_autofree char *schemas = g_build_filename (BZ_BUILD_DIR, "data", NULL);

  /* The build tree's compiled schema; no Secret Service, whatever the machine runs. */
  g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/balanza-test-bus", TRUE);
  g_log_set_writer_func (log_writer, NULL, NULL);
  if (!bz_gui_test_init (&argc, &argv))
    return 77;
  g_test_add_func ("/gui/menu/desk", test_desk);
  g_test_add_func ("/gui/menu/kiosk", test_kiosk);
  return g_test_run ();
}
