/* bz-preferences-integrations.c — the Integrations page of the Preferences
 * window (bz-preferences.h): for each service kind of ARCHITECTURE.md
 * "Integrations" (and the chat assistant) its provider, base URL and model in
 * the GSettings dictionaries integration-providers, integration-base-urls and
 * integration-models (kind -> value; an unset kind uses the embedded local
 * provider), and its API key in the desktop keyring (libsecret schema
 * "org.balanza.Balanza.ApiKey", attribute "kind"), never in GSettings.
 */
#include "bz-preferences.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

static const char *const kinds[] = { "workout", "diet", "vision", "scan", "chat", NULL };

static const struct { const char *title; const char *subtitle; } kind_labels[] = {
  { N_("Workout Planning"), N_("Exercise plans for members") },
  { N_("Diet Planning"), N_("Meal plan suggestions") },
  { N_("Meal Photo Detection"), N_("Foods recognised in meal photos") },
  { N_("Body Scans"), N_("3D scans and avatars") },
  { N_("Chat Assistant"), N_("Answers to members’ questions") },
};

/* The providers of the schema's description, in the combo rows' order. */
static const char *const provider_ids[] = { "local", "http", "openai", NULL };
static const char *const provider_labels[] = {
  N_("Built-in (works offline)"), N_("Balanza HTTP service"), N_("OpenAI-compatible"), NULL
};

const char *const *
bz_preferences_integration_kinds (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (kinds) - 1;
  return kinds;
}

static const SecretSchema *
api_key_schema (void)
{
  static const SecretSchema schema = {
    "org.balanza.Balanza.ApiKey", SECRET_SCHEMA_NONE,
    { { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } }
  };
  return &schema;
}

typedef struct
{
  const char *kind;             /* static */
  GSettings *settings;          /* not owned: the page's */
  AdwExpanderRow *expander;
  AdwComboRow *provider;
  AdwEntryRow *base_url;
  AdwEntryRow *model;
  AdwEntryRow *api_key;         /* AdwPasswordEntryRow */
} KindRows;

typedef struct
{
  GSettings *settings;
  GCancellable *cancellable;
  KindRows rows[G_N_ELEMENTS (kinds) - 1];
  GCallback done;
  gpointer done_data;
} Page;

static void
page_free (gpointer p)
{
  Page *page = p;
  g_clear_object (&page->settings);
  g_clear_object (&page->cancellable);
  g_free (page);
}

/* --- the dictionaries ---------------------------------------------------------- */

static char *
dict_get (GSettings *settings, const char *key, const char *kind)
{
  g_autoptr(GVariant) dict = g_settings_get_value (settings, key);
  const char *value = NULL;

  return g_strdup (g_variant_lookup (dict, kind, "&s", &value) ? value : "");
}

/* Sets @kind's entry of the a{ss} @key; an empty @value removes it. */
static void
dict_set (GSettings *settings, const char *key, const char *kind, const char *value)
{
  g_autoptr(GVariant) dict = g_settings_get_value (settings, key);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *k, *v;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, dict);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (g_strcmp0 (k, kind) != 0)
      g_variant_builder_add (&builder, "{ss}", k, v);
  if (value && *value)
    g_variant_builder_add (&builder, "{ss}", kind, value);
  g_settings_set_value (settings, key, g_variant_builder_end (&builder));
}

gboolean
bz_preferences_integration_openai (GSettings *settings, const char *kind, BzOpenAISettings *out)
{
  g_autofree char *provider = dict_get (settings, "integration-providers", kind);

  memset (out, 0, sizeof *out);
  if (g_strcmp0 (provider, "openai") != 0)
    return FALSE;
  out->base_url = dict_get (settings, "integration-base-urls", kind);
  out->model = dict_get (settings, "integration-models", kind);
  if (*out->base_url == '\0' || *out->model == '\0')
    {
      bz_openai_settings_clear (out);
      return FALSE;
    }
  out->api_key = secret_password_lookup_sync (api_key_schema (), NULL, NULL, "kind", kind, NULL);
  out->json_mode = TRUE;
  return TRUE;
}

static guint
provider_index (const char *id)
{
  for (guint i = 0; provider_ids[i]; i++)
    if (g_strcmp0 (provider_ids[i], id) == 0)
      return i;
  return 0;   /* unset or unknown: the embedded local provider */
}

/* Rows from the settings (at start and on every change, also from elsewhere). */
static void
rows_load (KindRows *r)
{
  g_autofree char *provider = dict_get (r->settings, "integration-providers", r->kind);
  g_autofree char *url = dict_get (r->settings, "integration-base-urls", r->kind);
  g_autofree char *model = dict_get (r->settings, "integration-models", r->kind);
  guint i = provider_index (provider);
  gboolean remote = i > 0;

  if (adw_combo_row_get_selected (r->provider) != i)
    adw_combo_row_set_selected (r->provider, i);
  adw_expander_row_set_subtitle (r->expander, _(provider_labels[i]));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (r->base_url)), url) != 0)
    gtk_editable_set_text (GTK_EDITABLE (r->base_url), url);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (r->model)), model) != 0)
    gtk_editable_set_text (GTK_EDITABLE (r->model), model);
  gtk_widget_set_sensitive (GTK_WIDGET (r->base_url), remote);
  gtk_widget_set_sensitive (GTK_WIDGET (r->model), remote);
}

static void
settings_changed_cb (GtkWidget *widget, const char *key, GSettings *settings)
{
  Page *page = g_object_get_data (G_OBJECT (widget), "bz-integrations");

  if (!g_str_has_prefix (key, "integration-"))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (page->rows); i++)
    rows_load (&page->rows[i]);
}

static void
provider_selected_cb (AdwComboRow *row, GParamSpec *pspec, KindRows *r)
{
  guint i = adw_combo_row_get_selected (row);

  if (i == GTK_INVALID_LIST_POSITION || provider_ids[i] == NULL)
    return;
  dict_set (r->settings, "integration-providers", r->kind, i == 0 ? NULL : provider_ids[i]);
}

static void
base_url_apply_cb (AdwEntryRow *row, KindRows *r)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*url && !g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  dict_set (r->settings, "integration-base-urls", r->kind, url);
}

static void
model_apply_cb (AdwEntryRow *row, KindRows *r)
{
  g_autofree char *model = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  dict_set (r->settings, "integration-models", r->kind, model);
}

/* --- the keyring ------------------------------------------------------------------ */

/* What an async keyring call gets: its widget, if it still exists when the call answers. */
typedef struct { GWeakRef ref; } WeakBox;

static WeakBox *
weak_ref_new (gpointer object)
{
  WeakBox *box = g_new0 (WeakBox, 1);
  g_weak_ref_init (&box->ref, object);
  return box;
}

static void
weak_box_free (WeakBox *box)
{
  g_weak_ref_clear (&box->ref);
  g_free (box);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeakBox, weak_box_free)

static void
key_row_set_state (KindRows *r, const char *title)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->api_key), title);
}

static void
key_stored_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(WeakBox) ref = user_data;   /* to the api key row */
  g_autoptr(GtkWidget) row = g_weak_ref_get (&ref->ref);
  g_autoptr(GError) error = NULL;
  gboolean ok = secret_password_store_finish (result, &error);

  if (row == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ok ? _("API key (saved in the keyring)") : _("API key (the keyring refused it)"));
  if (!ok)
    g_warning ("Preferences: cannot save an API key: %s", error->message);
}

static void
key_cleared_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(WeakBox) ref = user_data;
  g_autoptr(GtkWidget) row = g_weak_ref_get (&ref->ref);
  g_autoptr(GError) error = NULL;

  secret_password_clear_finish (result, &error);
  if (row && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("API key (none saved)"));
}


/* Apply: a key is stored (replacing the kind's old one); an empty one clears it. */
static void
api_key_apply_cb (AdwEntryRow *row, KindRows *r)
{
  const char *key = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *label = g_strdup_printf ("Balanza: %s API key", r->kind);

  if (*key == '\0')
    secret_password_clear (api_key_schema (), NULL, key_cleared_cb, weak_ref_new (row), "kind", r->kind, NULL);
  else
    secret_password_store (api_key_schema (), SECRET_COLLECTION_DEFAULT, label, key, NULL,
                           key_stored_cb, weak_ref_new (row), "kind", r->kind, NULL);
}

static void
key_lookup_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(WeakBox) ref = user_data;
  g_autoptr(GtkWidget) row = g_weak_ref_get (&ref->ref);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = secret_password_lookup_finish (result, &error);   /* not kept */

  if (row == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 key ? _("API key (saved in the keyring)") : _("API key (none saved)"));
}

static void
service_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(WeakBox) ref = user_data;   /* to the page */
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&ref->ref);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = secret_service_get_finish (result, &error);
  Page *page;

  if (widget == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  page = g_object_get_data (G_OBJECT (widget), "bz-integrations");
  for (guint i = 0; i < G_N_ELEMENTS (page->rows); i++)
    {
      KindRows *r = &page->rows[i];

      if (service == NULL)
        {
          key_row_set_state (r, _("API key: no keyring (Secret Service) is running on this computer"));
          gtk_widget_set_tooltip_text (GTK_WIDGET (r->api_key), error->message);
          gtk_widget_set_sensitive (GTK_WIDGET (r->api_key), FALSE);
          continue;
        }
      gtk_widget_set_sensitive (GTK_WIDGET (r->api_key), TRUE);
      secret_password_lookup (api_key_schema (), page->cancellable, key_lookup_cb, weak_ref_new (r->api_key),
                              "kind", r->kind, NULL);
    }
  if (service == NULL)
    g_message ("Preferences: API keys cannot be saved: %s", error->message);
  if (page->done)
    ((void (*) (gpointer)) page->done) (page->done_data);
}

/* --- the page ----------------------------------------------------------------------- */

static void
kind_rows_init (KindRows *r, guint index, GSettings *settings, AdwPreferencesGroup *group)
{
  g_autofree char *name = NULL;
  g_autoptr(GtkStringList) providers = gtk_string_list_new (NULL);

  r->kind = kinds[index];
  r->settings = settings;
  r->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->expander), _(kind_labels[index].title));
  gtk_widget_set_tooltip_text (GTK_WIDGET (r->expander), _(kind_labels[index].subtitle));
  adw_preferences_group_add (group, GTK_WIDGET (r->expander));

  for (guint i = 0; provider_labels[i]; i++)
    gtk_string_list_append (providers, _(provider_labels[i]));
  r->provider = ADW_COMBO_ROW (adw_combo_row_new ());
  name = g_strdup_printf ("provider-%s", r->kind);
  gtk_widget_set_name (GTK_WIDGET (r->provider), name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->provider), _("Provider"));
  adw_combo_row_set_model (r->provider, G_LIST_MODEL (providers));
  adw_expander_row_add_row (r->expander, GTK_WIDGET (r->provider));

  r->base_url = ADW_ENTRY_ROW (adw_entry_row_new ());
  g_free (name);
  name = g_strdup_printf ("base-url-%s", r->kind);
  gtk_widget_set_name (GTK_WIDGET (r->base_url), name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->base_url), _("Base URL"));
  adw_entry_row_set_show_apply_button (r->base_url, TRUE);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (r->base_url), 60);
  adw_expander_row_add_row (r->expander, GTK_WIDGET (r->base_url));

  r->model = ADW_ENTRY_ROW (adw_entry_row_new ());
  g_free (name);
  name = g_strdup_printf ("model-%s", r->kind);
  gtk_widget_set_name (GTK_WIDGET (r->model), name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->model), _("Model"));
  adw_entry_row_set_show_apply_button (r->model, TRUE);
  adw_expander_row_add_row (r->expander, GTK_WIDGET (r->model));

  r->api_key = ADW_ENTRY_ROW (adw_password_entry_row_new ());
  g_free (name);
  name = g_strdup_printf ("api-key-%s", r->kind);
  gtk_widget_set_name (GTK_WIDGET (r->api_key), name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->api_key), _("API key (checking the keyring…)"));
  adw_entry_row_set_show_apply_button (r->api_key, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (r->api_key), FALSE);
  adw_expander_row_add_row (r->expander, GTK_WIDGET (r->api_key));

  rows_load (r);
  g_signal_connect (r->provider, "notify::selected", G_CALLBACK (provider_selected_cb), r);
  g_signal_connect (r->base_url, "apply", G_CALLBACK (base_url_apply_cb), r);
  g_signal_connect (r->model, "apply", G_CALLBACK (model_apply_cb), r);
  g_signal_connect (r->api_key, "apply", G_CALLBACK (api_key_apply_cb), r);
}

AdwPreferencesPage *
bz_preferences_integrations_page_new (GSettings *settings, GCancellable *cancellable,
                                      GCallback done, gpointer done_data)
{
  AdwPreferencesPage *widget = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  Page *page = g_new0 (Page, 1);

  page->settings = g_object_ref (settings);
  page->cancellable = g_object_ref (cancellable);
  page->done = done;
  page->done_data = done_data;
  g_object_set_data_full (G_OBJECT (widget), "bz-integrations", page, page_free);

  adw_preferences_page_set_title (widget, _("Integrations"));
  adw_preferences_page_set_icon_name (widget, "network-workgroup-symbolic");
  adw_preferences_group_set_title (group, _("Services"));
  adw_preferences_group_set_description (group, _("Each service works offline with its built-in provider; a remote one "
                                                  "uses a server on the clinic network or online. "
                                                  "API keys are kept in the desktop keyring, not in Balanza’s settings."));
  adw_preferences_page_add (widget, group);
  for (guint i = 0; i < G_N_ELEMENTS (page->rows); i++)
    kind_rows_init (&page->rows[i], i, settings, group);
  g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), widget, G_CONNECT_SWAPPED);

  secret_service_get (SECRET_SERVICE_OPEN_SESSION, cancellable, service_cb, weak_ref_new (widget));
  return widget;
}
