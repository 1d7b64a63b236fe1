/* bz-preferences.c — the desk's Preferences window (bz-preferences.h). */
#include "bz-preferences.h"

#include <glib/gi18n.h>
#include <gst/gst.h>

#include "bz-nutrition.h"
#include "bz-vocab.h"

struct _BzPreferences
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
  GCancellable *cancellable;
  GtkWidget *bind_row;
  GPtrArray *camera_ids;   /* of char*: "" (first camera found), then device paths */
  gboolean keyring_checked;
};

G_DEFINE_FINAL_TYPE (BzPreferences, bz_preferences, ADW_TYPE_PREFERENCES_WINDOW)

/* --- rows ---------------------------------------------------------------------- */

static GtkWidget *
switch_row (AdwPreferencesGroup *group, const char *name, const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  gtk_widget_set_name (sw, name);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  adw_preferences_group_add (group, row);
  return sw;
}

/* An enum key shown as a combo row: item i is the schema's i-th nick. */
static gboolean
enum_get_mapping (GValue *value, GVariant *variant, gpointer user_data)
{
  const char *const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i]; i++)
    if (g_strcmp0 (nicks[i], nick) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
enum_set_mapping (const GValue *value, const GVariantType *type, gpointer user_data)
{
  const char *const *nicks = user_data;
  guint i = g_value_get_uint (value);

  return i < g_strv_length ((char **) nicks) ? g_variant_new_string (nicks[i]) : NULL;
}

static GtkWidget *
combo_row (AdwPreferencesGroup *group, const char *name, const char *title, const char *subtitle,
           const char *const *labels)
{
  GtkWidget *row = adw_combo_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (gtk_string_list_new (labels)));
  adw_preferences_group_add (group, row);
  return row;
}

/* The bind address is saved only when it is an IP address (what
 * bz_server_start() can listen on); otherwise the row shows an error. */
static GVariant *
address_set_mapping (const GValue *value, const GVariantType *type, gpointer user_data)
{
  const char *text = g_value_get_string (value);
  g_autoptr(GInetAddress) address = text ? g_inet_address_new_from_string (g_strstrip (g_strdup (text))) : NULL;

  if (address == NULL)
    return NULL;   /* not written */
  return g_variant_new_take_string (g_inet_address_to_string (address));
}

static void
bind_text_changed_cb (GtkEditable *row, GParamSpec *pspec, BzPreferences *self)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (gtk_editable_get_text (row));

  if (address)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static AdwPreferencesPage *
server_page_new (BzPreferences *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *row, *spin, *sw;

  adw_preferences_page_set_title (page, _("Server"));
  adw_preferences_page_set_icon_name (page, "network-server-symbolic");
  adw_preferences_group_set_title (group, _("API for Phones"));
  adw_preferences_group_set_description (group, _("Changes to the server apply at next start of Balanza."));
  adw_preferences_page_add (page, group);

  /* Port: AdwSpinRow needs libadwaita 1.4; a spin button in an action row. */
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Port"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("0 picks a free port"));
  spin = gtk_spin_button_new_with_range (0, G_MAXUINT16, 1);
  gtk_widget_set_name (spin, "server-port");
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  g_settings_bind (self->settings, "server-port", gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (spin)), "value",
                   G_SETTINGS_BIND_DEFAULT);

  row = adw_entry_row_new ();
  self->bind_row = row;
  gtk_widget_set_name (row, "server-bind-address");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Listen on address (0.0.0.0: the clinic network; 127.0.0.1: this computer only)"));
  adw_preferences_group_add (group, row);
  g_settings_bind_with_mapping (self->settings, "server-bind-address", row, "text", G_SETTINGS_BIND_DEFAULT,
                                NULL, address_set_mapping, NULL, NULL);
  g_signal_connect_object (row, "notify::text", G_CALLBACK (bind_text_changed_cb), self, 0);

  sw = switch_row (group, "serve-http", _("Plain HTTP"), _("Phones on the clinic network connect over HTTP"));
  g_settings_bind (self->settings, "serve-http", sw, "active", G_SETTINGS_BIND_DEFAULT);

  sw = switch_row (group, "serve-https", _("HTTPS"),
                   _("Paired phones connect over HTTPS with the clinic’s own certificate (port 8421)"));
  g_settings_bind (self->settings, "serve-https", sw, "active", G_SETTINGS_BIND_DEFAULT);
  return page;
}

/* --- the clinic page --------------------------------------------------------------- */

static const char *const report_nicks[] = { "desk", "es", "en", NULL };

static gboolean
camera_get_mapping (GValue *value, GVariant *variant, gpointer user_data)
{
  BzPreferences *self = user_data;
  const char *id = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < self->camera_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->camera_ids, i), id) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
camera_set_mapping (const GValue *value, const GVariantType *type, gpointer user_data)
{
  BzPreferences *self = user_data;
  guint i = g_value_get_uint (value);

  return i < self->camera_ids->len ? g_variant_new_string (g_ptr_array_index (self->camera_ids, i)) : NULL;
}

/* The cameras GStreamer sees (Video/Source), by device path; the saved one is
 * kept in the list even when it is unplugged. */
static GtkStringList *
list_cameras (BzPreferences *self)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  g_autofree char *saved = g_settings_get_string (self->settings, "camera-device");
  gboolean saved_found = *saved == '\0';

  gtk_string_list_append (labels, _("First camera found"));
  g_ptr_array_add (self->camera_ids, g_strdup (""));
  if (gst_init_check (NULL, NULL, NULL))
    {
      g_autoptr(GstDeviceMonitor) monitor = gst_device_monitor_new ();
      GList *devices;

      gst_device_monitor_add_filter (monitor, "Video/Source", NULL);
      devices = gst_device_monitor_get_devices (monitor);
      for (GList *l = devices; l; l = l->next)
        {
          g_autoptr(GstStructure) props = gst_device_get_properties (l->data);
          g_autofree char *name = gst_device_get_display_name (l->data);
          const char *path = props ? gst_structure_get_string (props, "device.path") : NULL;
          g_autofree char *label = NULL;

          if (path == NULL && props)
            path = gst_structure_get_string (props, "api.v4l2.path");
          if (path == NULL)
            continue;
          label = g_strdup_printf ("%s (%s)", name, path);
          gtk_string_list_append (labels, label);
          g_ptr_array_add (self->camera_ids, g_strdup (path));
          saved_found = saved_found || g_strcmp0 (path, saved) == 0;
        }
      g_list_free_full (devices, gst_object_unref);
    }
  if (!saved_found)
    {
      /* TRANSLATORS: %s is a camera's device path, e.g. /dev/video2 */
      g_autofree char *label = g_strdup_printf (_("%s (not connected)"), saved);
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->camera_ids, g_steal_pointer (&saved));
    }
  return labels;
}

static AdwPreferencesPage *
clinic_page_new (BzPreferences *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group;
  const char *languages[] = { _("Same as the desk"), _("Spanish"), _("English"), NULL };
  g_autoptr(GPtrArray) levels = g_ptr_array_new_with_free_func (g_free);
  const char **level_nicks = g_new0 (const char *, bz_vocab_activity_level.n_terms + 1);   /* to the binding */
  GtkWidget *row;

  adw_preferences_page_set_title (page, _("Clinic"));
  adw_preferences_page_set_icon_name (page, "emblem-system-symbolic");

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Reports and New Patients"));
  adw_preferences_page_add (page, group);
  row = combo_row (group, "report-language", _("Language of reports"),
                   _("Printed meal plans and progress reports"), languages);
  g_settings_bind_with_mapping (self->settings, "report-language", row, "selected", G_SETTINGS_BIND_DEFAULT,
                                enum_get_mapping, enum_set_mapping, (gpointer) report_nicks, NULL);

  /* The vocabulary's levels, in its order (the schema's enum repeats them:
   * tests/unit/test-settings-schema.c), with their PAL factors. */
  for (guint i = 0; i < bz_vocab_activity_level.n_terms; i++)
    {
      const BzTerm *term = &bz_vocab_activity_level.terms[i];
      /* TRANSLATORS: an activity level and its factor for the energy target, e.g. "Lightly active (× 1.375)" */
      g_ptr_array_add (levels, g_strdup_printf (_("%s (× %g)"), _(term->label), bz_activity_factor ((BzActivityLevel) i)));
      level_nicks[i] = term->id;
    }
  g_ptr_array_add (levels, NULL);
  row = combo_row (group, "default-activity-level", _("Default activity level"),
                   _("New patients start with it"),
                   (const char *const *) levels->pdata);
  g_settings_bind_with_mapping (self->settings, "default-activity-level", row, "selected", G_SETTINGS_BIND_DEFAULT,
                                enum_get_mapping, enum_set_mapping, level_nicks, g_free);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Camera"));
  adw_preferences_page_add (page, group);
  row = adw_combo_row_new ();
  gtk_widget_set_name (row, "camera-device");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Camera for meal photos"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list_cameras (self)));
  adw_preferences_group_add (group, row);
  g_settings_bind_with_mapping (self->settings, "camera-device", row, "selected", G_SETTINGS_BIND_DEFAULT,
                                camera_get_mapping, camera_set_mapping, self, NULL);
  return page;
}

/* --- object ------------------------------------------------------------------------ */

static void
keyring_checked_cb (BzPreferences *self)
{
  self->keyring_checked = TRUE;
}

gboolean
bz_preferences_get_keyring_checked (BzPreferences *self)
{
  g_return_val_if_fail (BZ_IS_PREFERENCES (self), FALSE);
  return self->keyring_checked;
}

static void
bz_preferences_dispose (GObject *object)
{
  BzPreferences *self = BZ_PREFERENCES (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (bz_preferences_parent_class)->dispose (object);
}

static void
bz_preferences_finalize (GObject *object)
{
  BzPreferences *self = BZ_PREFERENCES (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->camera_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (bz_preferences_parent_class)->finalize (object);
}

static void
bz_preferences_class_init (BzPreferencesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bz_preferences_dispose;
  G_OBJECT_CLASS (klass)->finalize = bz_preferences_finalize;
}

static void
bz_preferences_init (BzPreferences *self)
{
  self->cancellable = g_cancellable_new ();
  self->camera_ids = g_ptr_array_new_with_free_func (g_free);
}

BzPreferences *
bz_preferences_new (GtkWindow *parent, GSettings *settings)
{
  BzPreferences *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (BZ_TYPE_PREFERENCES, "modal", parent != NULL, "transient-for", parent,
                       "search-enabled", FALSE, NULL);
  self->settings = g_object_ref (settings);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), server_page_new (self));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), clinic_page_new (self));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              bz_preferences_integrations_page_new (settings, self->cancellable,
                                                                    G_CALLBACK (keyring_checked_cb), self));
  return self;
}
