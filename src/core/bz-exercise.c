/* bz-exercise.c — the exercise library (see bz-exercise.h). */
#include "bz-exercise.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "config.h"

#include "bz-error.h"

/* The files, in their order (data/exercises/SOURCE.md). */
static const char *const library_files[] = {
  "strength-upper.json", "strength-lower-core.json", "cardio.json", "mobility.json",
};

struct _BzExerciseLibrary
{
  GArray *items;         /* BzExercise */
  GHashTable *by_slug;   /* slug -> index + 1 */
};

char *
bz_exercise_default_dir (void)
{
  const char *env = g_getenv ("BALANZA_EXERCISES_DIR");
  const char *const *dirs = g_get_system_data_dirs ();

  if (env && *env)
    return g_strdup (env);
  for (guint i = 0; dirs[i]; i++)
    {
      g_autofree char *probe = g_build_filename (dirs[i], "balanza", "exercises", library_files[0], NULL);
      if (g_file_test (probe, G_FILE_TEST_IS_REGULAR))
        return g_build_filename (dirs[i], "balanza", "exercises", NULL);
    }
  {
    g_autofree char *installed = g_build_filename (BZ_PKGDATADIR, "exercises", library_files[0], NULL);
    if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
      return g_build_filename (BZ_PKGDATADIR, "exercises", NULL);
  }
  return g_build_filename (BZ_SOURCE_DIR, "data", "exercises", NULL);
}

guint64
bz_vocab_bit (const BzVocab *vocab, const char *id)
{
  g_return_val_if_fail (vocab->n_terms <= 64, 0);
  for (guint i = 0; id && i < vocab->n_terms; i++)
    if (strcmp (vocab->terms[i].id, id) == 0)
      return (guint64) 1 << i;
  return 0;
}

guint64
bz_equipment_machine_mask (void)
{
  guint64 first = bz_vocab_bit (&bz_vocab_equipment, "cable");
  guint64 all = bz_vocab_equipment.n_terms == 64 ? G_MAXUINT64 : ((guint64) 1 << bz_vocab_equipment.n_terms) - 1;
  return all & ~(first - 1);
}

gboolean
bz_equipment_is_machine (const char *id)
{
  return (bz_vocab_bit (&bz_vocab_equipment, id) & bz_equipment_machine_mask ()) != 0;
}

static void
exercise_clear (BzExercise *e)
{
  g_free (e->slug);
  g_free (e->name_es);
  g_free (e->name_en);
  g_free (e->steps_es);
  g_free (e->steps_en);
  g_free (e->met_code);
}

void
bz_exercise_library_free (BzExerciseLibrary *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->items);
  g_hash_table_unref (self->by_slug);
  g_free (self);
}

/* A non-empty text member, or NULL. */
static const char *
text_member (JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  const char *s;

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  s = json_node_get_string (n);
  return s && *s && g_utf8_validate (s, -1, NULL) ? s : NULL;
}

/* The mask of @name's array of @vocab ids; FALSE when it is not one. */
static gboolean
mask_member (JsonObject *o, const char *name, const BzVocab *vocab, guint64 *out)
{
  JsonNode *n = json_object_get_member (o, name);
  JsonArray *a;

  *out = 0;
  if (n == NULL || !JSON_NODE_HOLDS_ARRAY (n))
    return FALSE;
  a = json_node_get_array (n);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      guint64 bit;
      if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING ||
          !(bit = bz_vocab_bit (vocab, json_node_get_string (e))))
        return FALSE;
      *out |= bit;
    }
  return TRUE;
}

/* A slug: [a-z0-9-], 1-64, no leading or trailing dash. */
static gboolean
slug_ok (const char *s)
{
  gsize n = s ? strlen (s) : 0;

  if (n == 0 || n > 64 || s[0] == '-' || s[n - 1] == '-')
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!(g_ascii_islower (s[i]) || g_ascii_isdigit (s[i]) || s[i] == '-'))
      return FALSE;
  return TRUE;
}

/* A Compendium of Physical Activities code: five ASCII digits ("02054"). */
static gboolean
met_code_ok (const char *s)
{
  if (s == NULL || strlen (s) != 5)
    return FALSE;
  for (guint i = 0; i < 5; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* Checks and adds one entry; sets @error naming the member otherwise. */
static gboolean
add_entry (BzExerciseLibrary *lib, const char *file, guint index, JsonNode *node, GError **error)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *slug = o ? text_member (o, "slug") : NULL;
  const char *bad = NULL;
  BzExercise e = { 0 };
  static const char *const texts[] = { "name_es", "name_en", "steps_es", "steps_en" };

  if (o == NULL)
    bad = "entry";
  else if (!slug_ok (slug))
    bad = "slug";
  else if (g_hash_table_contains (lib->by_slug, slug))
    bad = "slug (a duplicate)";
  else if (!(e.category = bz_vocab_canonical (&bz_vocab_exercise_category, text_member (o, "category"))) ||
           g_strcmp0 (e.category, text_member (o, "category")) != 0)
    bad = "category";
  else if (!(e.level = bz_vocab_canonical (&bz_vocab_training_level, text_member (o, "level"))) ||
           g_strcmp0 (e.level, text_member (o, "level")) != 0)
    bad = "level";
  else if (!mask_member (o, "primary", &bz_vocab_muscle, &e.primary) || e.primary == 0)
    bad = "primary";
  else if (!mask_member (o, "secondary", &bz_vocab_muscle, &e.secondary))
    bad = "secondary";
  else if (!mask_member (o, "equipment", &bz_vocab_equipment, &e.equipment) || e.equipment == 0)
    bad = "equipment";
  for (guint i = 0; !bad && i < G_N_ELEMENTS (texts); i++)
    if (!text_member (o, texts[i]))
      bad = texts[i];
  /* Cardio must carry its MET; strength and mobility may (both members or neither). */
  if (!bad && (g_str_equal (e.category, "cardio") || json_object_has_member (o, "met") ||
               json_object_has_member (o, "met_code")))
    {
      JsonNode *met = json_object_get_member (o, "met");
      if (met == NULL || !JSON_NODE_HOLDS_VALUE (met) ||
          (json_node_get_value_type (met) != G_TYPE_DOUBLE && json_node_get_value_type (met) != G_TYPE_INT64) ||
          json_node_get_double (met) < 1 || json_node_get_double (met) > 25)
        bad = "met";
      else if (!met_code_ok (text_member (o, "met_code")))
        bad = "met_code";
      else
        e.met = json_node_get_double (met);
    }
  if (bad)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "%s: exercise %u (%s): %s is missing or wrong", file,
                   index + 1, slug ? slug : "?", bad);
      return FALSE;
    }
  e.level_rank = g_str_equal (e.level, "beginner") ? 0 : g_str_equal (e.level, "intermediate") ? 1 : 2;
  e.slug = g_strdup (slug);
  e.name_es = g_strdup (text_member (o, "name_es"));
  e.name_en = g_strdup (text_member (o, "name_en"));
  e.steps_es = g_strdup (text_member (o, "steps_es"));
  e.steps_en = g_strdup (text_member (o, "steps_en"));
  e.met_code = e.met > 0 ? g_strdup (text_member (o, "met_code")) : NULL;
  g_array_append_val (lib->items, e);
  g_hash_table_insert (lib->by_slug, g_array_index (lib->items, BzExercise, lib->items->len - 1).slug,
                       GUINT_TO_POINTER (lib->items->len));
  return TRUE;
}

BzExerciseLibrary *
bz_exercise_library_load (const char *dir, GError **error)
{
  g_autoptr(BzExerciseLibrary) lib = g_new0 (BzExerciseLibrary, 1);

  g_return_val_if_fail (dir != NULL, NULL);
  lib->items = g_array_new (FALSE, TRUE, sizeof (BzExercise));
  g_array_set_clear_func (lib->items, (GDestroyNotify) exercise_clear);
  /* Keys are the items' own slugs; the array does not move them (g_strdup'd). */
  lib->by_slug = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint f = 0; f < G_N_ELEMENTS (library_files); f++)
    {
      g_autofree char *path = g_build_filename (dir, library_files[f], NULL);
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) local = NULL;
      JsonNode *root;
      JsonArray *list;

      if (!json_parser_load_from_file (parser, path, &local))
        {
          g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "%s: %s", library_files[f], local->message);
          return NULL;
        }
      root = json_parser_get_root (parser);
      if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
        {
          g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "%s: not a JSON array", library_files[f]);
          return NULL;
        }
      list = json_node_get_array (root);
      for (guint i = 0; i < json_array_get_length (list); i++)
        if (!add_entry (lib, library_files[f], i, json_array_get_element (list, i), error))
          return NULL;
    }
  return g_steal_pointer (&lib);
}

const BzExerciseLibrary *
bz_exercise_library_default (GError **error)
{
  static GMutex lock;
  static BzExerciseLibrary *library;
  BzExerciseLibrary *lib;

  g_mutex_lock (&lock);
  if (library == NULL)
    {
      g_autofree char *dir = bz_exercise_default_dir ();
      library = bz_exercise_library_load (dir, error);
    }
  lib = library;
  g_mutex_unlock (&lock);
  return lib;
}

guint
bz_exercise_library_get_n (const BzExerciseLibrary *self)
{
  return self->items->len;
}

const BzExercise *
bz_exercise_library_get (const BzExerciseLibrary *self, guint i)
{
  g_return_val_if_fail (i < self->items->len, NULL);
  return &g_array_index (self->items, BzExercise, i);
}

const BzExercise *
bz_exercise_library_lookup (const BzExerciseLibrary *self, const char *slug)
{
  guint i = slug ? GPOINTER_TO_UINT (g_hash_table_lookup (self->by_slug, slug)) : 0;
  return i ? &g_array_index (self->items, BzExercise, i - 1) : NULL;
}
