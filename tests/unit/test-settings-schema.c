/* test-settings-schema.c — the desk's GSettings schema (data/org.balanza.Balanza.gschema.xml,
 * compiled into <build>/data) against the one home of each fact it repeats: the activity
 * levels of bz-vocab.c, the API rate limit of bz-limits.h and balanzad's default port;
 * the keys the Preferences window binds; no secret in it (API keys live in the keyring);
 * and what the GUI's runtime takes from it (bz_runtime_options_apply_settings(), flags
 * first), on the memory backend. */
#include <gio/gio.h>
#include <string.h>

#include "config.h"
#include "bz-limits.h"
#include "bz-runtime.h"
#include "bz-vocab.h"

static GSettingsSchema *
load_schema (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "..", "data", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsSchemaSource) source =
    g_settings_schema_source_new_from_directory (dir, NULL, TRUE, &error);
  g_assert_no_error (error);
  return g_settings_schema_source_lookup (source, "org.balanza.Balanza", FALSE);
}

static void
test_schema (void)
{
  g_autoptr(GSettingsSchema) schema = load_schema ();
  g_autoptr(GSettingsSchemaKey) level = NULL, limit = NULL, port = NULL;
  g_autoptr(GVariant) range = NULL, def = NULL;
  g_autoptr(GVariant) nicks = NULL;
  const char *kind;

  g_assert_nonnull (schema);

  /* Activity levels: the vocabulary's ids, in its order. */
  level = g_settings_schema_get_key (schema, "default-activity-level");
  range = g_settings_schema_key_get_range (level);
  g_variant_get (range, "(&sv)", &kind, &nicks);
  g_assert_cmpstr (kind, ==, "enum");
  g_assert_cmpuint (g_variant_n_children (nicks), ==, bz_vocab_activity_level.n_terms);
  for (guint i = 0; i < bz_vocab_activity_level.n_terms; i++)
    {
      const char *nick = NULL;
      g_variant_get_child (nicks, i, "&s", &nick);
      g_assert_cmpstr (nick, ==, bz_vocab_activity_level.terms[i].id);
    }

  limit = g_settings_schema_get_key (schema, "api-rate-limit");
  def = g_settings_schema_key_get_default_value (limit);
  g_assert_cmpuint (g_variant_get_uint32 (def), ==, BZ_API_REQUESTS_PER_MINUTE);
  g_clear_pointer (&def, g_variant_unref);

  port = g_settings_schema_get_key (schema, "server-port");
  def = g_settings_schema_key_get_default_value (port);
  g_assert_cmpuint (g_variant_get_uint16 (def), ==, BZ_RUNTIME_DEFAULT_PORT);
}

/* The keys the Preferences window (src/gui/bz-preferences*.c) binds, with their types. */
static void
test_preferences_keys (void)
{
  static const struct { const char *key; const char *type; } keys[] = {
    { "server-port", "q" }, { "server-bind-address", "s" }, { "serve-http", "b" }, { "serve-https", "b" }, { "https-port", "q" },
    { "report-language", "s" }, { "default-activity-level", "s" }, { "camera-device", "s" },
    { "integration-providers", "a{ss}" }, { "integration-base-urls", "a{ss}" }, { "integration-models", "a{ss}" },
  };
  static const char *const report_nicks[] = { "desk", "es", "en" };
  g_autoptr(GSettingsSchema) schema = load_schema ();
  g_auto(GStrv) names = g_settings_schema_list_keys (schema);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, keys[i].key);
      g_assert_cmpstr (g_variant_type_peek_string (g_settings_schema_key_get_value_type (key)), ==, keys[i].type);
    }

  /* Report languages: the combo row's order. */
  {
    g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, "report-language");
    g_autoptr(GVariant) range = g_settings_schema_key_get_range (key);
    g_autoptr(GVariant) nicks = NULL;
    const char *kind;

    g_variant_get (range, "(&sv)", &kind, &nicks);
    g_assert_cmpstr (kind, ==, "enum");
    g_assert_cmpuint (g_variant_n_children (nicks), ==, G_N_ELEMENTS (report_nicks));
    for (guint i = 0; i < G_N_ELEMENTS (report_nicks); i++)
      {
        const char *nick = NULL;
        g_variant_get_child (nicks, i, "&s", &nick);
        g_assert_cmpstr (nick, ==, report_nicks[i]);
      }
  }

  /* HTTP and HTTPS both on (issue 9: HTTPS beside HTTP), HTTPS on 8421. */
  {
    g_autoptr(GSettingsSchemaKey) http = g_settings_schema_get_key (schema, "serve-http");
    g_autoptr(GSettingsSchemaKey) https = g_settings_schema_get_key (schema, "serve-https");
    g_autoptr(GSettingsSchemaKey) https_port = g_settings_schema_get_key (schema, "https-port");
    g_autoptr(GVariant) on = g_settings_schema_key_get_default_value (http);
    g_autoptr(GVariant) tls = g_settings_schema_key_get_default_value (https);
    g_autoptr(GVariant) port = g_settings_schema_key_get_default_value (https_port);
    g_assert_true (g_variant_get_boolean (on));
    g_assert_true (g_variant_get_boolean (tls));
    g_assert_cmpuint (g_variant_get_uint16 (port), ==, BZ_RUNTIME_DEFAULT_HTTPS_PORT);
  }

  /* No secret in GSettings: API keys go to the keyring. */
  for (guint i = 0; names[i]; i++)
    for (const char *const *word = (const char *const[]) { "key", "secret", "password", "token", NULL }; *word; word++)
      if (strstr (names[i], *word))
        g_error ("the schema has a key named %s: secrets belong in the keyring", names[i]);
}

/* What `balanza` takes from the preferences: port, address and HTTP, unless flags say. */
static void
test_runtime_options (void)
{
  g_autoptr(GSettings) settings = bz_runtime_settings_new ();
  BzRuntimeOptions opts = { .port = -1, .https_port = -1 };

  g_assert_nonnull (settings);
  /* Defaults: the same as balanzad's. */
  bz_runtime_options_apply_settings (&opts, settings);
  bz_runtime_options_finish (&opts);
  g_assert_cmpint (opts.port, ==, BZ_RUNTIME_DEFAULT_PORT);
  g_assert_cmpstr (opts.bind, ==, "0.0.0.0");
  g_assert_false (opts.no_http);
  g_assert_false (opts.no_https);   /* HTTPS beside HTTP (issue 9) */
  g_assert_cmpint (opts.https_port, ==, BZ_RUNTIME_DEFAULT_HTTPS_PORT);
  bz_runtime_options_clear (&opts);

  g_settings_set_value (settings, "server-port", g_variant_new_uint16 (9001));
  g_settings_set_string (settings, "server-bind-address", "127.0.0.1");
  g_settings_set_boolean (settings, "serve-http", FALSE);
  opts = (BzRuntimeOptions) { .port = -1, .https_port = -1 };
  bz_runtime_options_apply_settings (&opts, settings);
  bz_runtime_options_finish (&opts);
  g_assert_cmpint (opts.port, ==, 9001);
  g_assert_cmpstr (opts.bind, ==, "127.0.0.1");
  g_assert_true (opts.no_http);
  bz_runtime_options_clear (&opts);

  /* --port and --bind win. */
  opts = (BzRuntimeOptions) { .port = 0, .https_port = -1, .bind = g_strdup ("::1") };
  bz_runtime_options_apply_settings (&opts, settings);
  bz_runtime_options_finish (&opts);
  g_assert_cmpint (opts.port, ==, 0);
  g_assert_cmpint (opts.https_port, ==, 0);   /* --port 0: HTTPS on any free port too */
  g_assert_cmpstr (opts.bind, ==, "::1");
  bz_runtime_options_clear (&opts);

  /* An empty address in the settings: the default. */
  g_settings_set_string (settings, "server-bind-address", "");
  opts = (BzRuntimeOptions) { .port = -1, .https_port = -1 };
  bz_runtime_options_apply_settings (&opts, settings);
  bz_runtime_options_finish (&opts);
  g_assert_cmpstr (opts.bind, ==, "0.0.0.0");
  bz_runtime_options_clear (&opts);
}

int
main (int argc, char **argv)
{
  g_autofree char *schemas = g_build_filename (BZ_BUILD_DIR, "data", NULL);

  /* bz_runtime_settings_new() on the build tree's schema and no dconf. */
  g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/settings-schema/facts", test_schema);
  g_test_add_func ("/settings-schema/preferences-keys", test_preferences_keys);
  g_test_add_func ("/settings-schema/runtime-options", test_runtime_options);
  return g_test_run ();
}
