/* test-settings-schema.c — the desk's GSettings schema (data/org.balanza.Balanza.gschema.xml,
 * compiled into <build>/data) against the one home of each fact it repeats: the activity
 * levels of bz-vocab.c, the API rate limit of bz-limits.h and balanzad's default port. */
#include <gio/gio.h>

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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/settings-schema/facts", test_schema);
  return g_test_run ();
}
