/* test-exercise-library.c — data/exercises (bz-exercise.h) as shipped: at
 * least 150 exercises, unique slugs, names and instructions in Spanish and
 * English, every term of its vocabulary (checked by the loader, and here
 * the loader itself is shown to refuse each kind of fault), each category
 * and level present, every exercise with its Compendium MET (the values
 * checked against data/exercises/compendium-2011.tsv), every machine kind
 * used by some exercise. */
#include <glib/gstdio.h>
#include <string.h>

#include "bz-error.h"
#include "bz-exercise.h"
#include "bz-vocab.h"

static const BzExerciseLibrary *
library (void)
{
  g_autoptr(GError) error = NULL;
  const BzExerciseLibrary *lib = bz_exercise_library_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (lib);
  return lib;
}

static void
test_counts (void)
{
  const BzExerciseLibrary *lib = library ();
  guint n = bz_exercise_library_get_n (lib), per_category[3] = { 0 }, per_level[3] = { 0 };
  g_autoptr(GHashTable) slugs = g_hash_table_new (g_str_hash, g_str_equal);
  guint64 equipment = 0, muscles = 0;

  g_assert_cmpuint (n, >=, BZ_EXERCISE_MIN_COUNT);
  for (guint i = 0; i < n; i++)
    {
      const BzExercise *e = bz_exercise_library_get (lib, i);
      g_assert_true (g_hash_table_add (slugs, e->slug));   /* unique */
      g_assert_true (bz_exercise_library_lookup (lib, e->slug) == e);
      g_assert_cmpuint (strlen (e->name_es), >, 2);
      g_assert_cmpuint (strlen (e->name_en), >, 2);
      g_assert_cmpuint (strlen (e->steps_es), >, 30);
      g_assert_cmpuint (strlen (e->steps_en), >, 30);
      g_assert_cmpstr (e->steps_es, !=, e->steps_en);
      g_assert_nonnull (bz_vocab_canonical (&bz_vocab_exercise_category, e->category));
      g_assert_nonnull (bz_vocab_canonical (&bz_vocab_training_level, e->level));
      g_assert_cmpuint (e->primary, !=, 0);
      g_assert_cmpuint (e->primary >> bz_vocab_muscle.n_terms, ==, 0);
      g_assert_cmpuint (e->secondary >> bz_vocab_muscle.n_terms, ==, 0);
      g_assert_cmpuint (e->equipment >> bz_vocab_equipment.n_terms, ==, 0);
      g_assert_cmpuint (e->level_rank, <, 3);
      per_level[e->level_rank]++;
      per_category[g_str_equal (e->category, "strength") ? 0 : g_str_equal (e->category, "cardio") ? 1 : 2]++;
      /* Every entry, of every category, carries its Compendium MET
       * (test_compendium checks the values). */
      g_assert_cmpfloat (e->met, >=, 2);
      g_assert_cmpfloat (e->met, <=, 15);
      g_assert_nonnull (e->met_code);
      g_assert_cmpuint (strlen (e->met_code), ==, 5);   /* the Compendium's 5-digit codes */
      equipment |= e->equipment;
      muscles |= e->primary;
    }
  g_test_message ("%u exercises: %u strength, %u cardio, %u mobility; %u/%u/%u by level", n, per_category[0],
                  per_category[1], per_category[2], per_level[0], per_level[1], per_level[2]);
  g_assert_cmpuint (per_category[0], >=, 100);
  g_assert_cmpuint (per_category[1], >=, 15);
  g_assert_cmpuint (per_category[2], >=, 20);
  for (guint l = 0; l < 3; l++)
    g_assert_cmpuint (per_level[l], >=, 10);
  /* Every equipment term and every muscle is used by some exercise. */
  for (guint i = 0; i < bz_vocab_equipment.n_terms; i++)
    if (!(equipment & ((guint64) 1 << i)))
      g_error ("no exercise uses %s", bz_vocab_equipment.terms[i].id);
  for (guint i = 0; i < bz_vocab_muscle.n_terms; i++)
    if (!(muscles & ((guint64) 1 << i)))
      g_error ("no exercise works %s first", bz_vocab_muscle.terms[i].id);
}

static void
test_machine_kinds (void)
{
  g_assert_true (bz_equipment_is_machine ("treadmill"));
  g_assert_true (bz_equipment_is_machine ("cable"));
  g_assert_true (bz_equipment_is_machine ("calf_raise_machine"));
  g_assert_false (bz_equipment_is_machine ("dumbbell"));
  g_assert_false (bz_equipment_is_machine ("bodyweight"));
  g_assert_false (bz_equipment_is_machine ("bench"));
  g_assert_false (bz_equipment_is_machine ("no-such-thing"));
  g_assert_cmpuint (bz_vocab_bit (&bz_vocab_equipment, "bodyweight"), ==, BZ_EQUIPMENT_BODYWEIGHT);
}

/* A copy of the library in a temporary directory, with @file replaced. */
static char *
broken_copy (const char *file, const char *contents)
{
  static const char *const files[] = { "strength-upper.json", "strength-lower-core.json", "cardio.json", "mobility.json" };
  g_autofree char *src = bz_exercise_default_dir ();
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("bz-exercises-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *from = g_build_filename (src, files[i], NULL);
      g_autofree char *to = g_build_filename (dir, files[i], NULL);
      g_autofree char *text = NULL;
      g_assert_true (g_file_get_contents (from, &text, NULL, &error));
      g_assert_true (g_file_set_contents (to, g_str_equal (files[i], file) ? contents : text, -1, &error));
    }
  return dir;
}

static void
remove_copy (const char *dir)
{
  const char *name;
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);

  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

#define OK_ENTRY(slug, extra) \
  "{\"slug\":\"" slug "\",\"category\":\"mobility\",\"level\":\"beginner\",\"primary\":[\"chest\"],\"secondary\":[]," \
  "\"equipment\":[\"bodyweight\"],\"name_es\":\"Uno\",\"name_en\":\"One\",\"steps_es\":\"Haz esto\",\"steps_en\":\"Do this\"" extra "}"

static void
test_refusals (void)
{
  static const struct { const char *json, *member; } cases[] = {
    { "[" OK_ENTRY ("a-b", "") "]", NULL },
    { "[" OK_ENTRY ("a-b", ",\"met\":2.3,\"met_code\":\"02101\"") "]", NULL },   /* mobility with its MET */
    { "{}", "not a JSON array" },
    { "[" OK_ENTRY ("a-b", "") "," OK_ENTRY ("a-b", "") "]", "duplicate" },
    { "[" OK_ENTRY ("Bad Slug", "") "]", "slug" },
    { "[" OK_ENTRY ("x", ",\"primary\":[\"pecho\"]") "]", "primary" },   /* an alias is not an id */
    { "[" OK_ENTRY ("x", ",\"equipment\":[\"rocket\"]") "]", "equipment" },
    { "[" OK_ENTRY ("x", ",\"level\":\"expert\"") "]", "level" },
    { "[" OK_ENTRY ("x", ",\"name_en\":\"\"") "]", "name_en" },
    { "[" OK_ENTRY ("x", ",\"category\":\"cardio\"") "]", "met is" },
    { "[" OK_ENTRY ("x", ",\"category\":\"cardio\",\"met\":5") "]", "met_code is" },
    { "[" OK_ENTRY ("x", ",\"category\":\"cardio\",\"met\":5,\"met_code\":\"2101\"") "]", "met_code is" },
    { "[" OK_ENTRY ("x", ",\"category\":\"cardio\",\"met\":5,\"met_code\":\"0210a\"") "]", "met_code is" },
    { "[" OK_ENTRY ("x", ",\"category\":\"cardio\",\"met\":\"5\",\"met_code\":\"02101\"") "]", "met is" },
    { "[" OK_ENTRY ("x", ",\"category\":\"cardio\",\"met\":0.5,\"met_code\":\"02101\"") "]", "met is" },
    { "[" OK_ENTRY ("x", ",\"category\":\"cardio\",\"met\":true,\"met_code\":\"02101\"") "]", "met is" },
    /* Strength and mobility may carry a MET, but then with its code, and the other way round. */
    { "[" OK_ENTRY ("x", ",\"met\":2.3") "]", "met_code is" },
    { "[" OK_ENTRY ("x", ",\"met_code\":\"02101\"") "]", "met is" },
    { "[" OK_ENTRY ("x", ",\"category\":\"strength\",\"met\":3.5,\"met_code\":\"\"") "]", "met_code is" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = broken_copy ("mobility.json", cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(BzExerciseLibrary) lib = bz_exercise_library_load (dir, &error);
      if (cases[i].member == NULL)
        {
          const BzExercise *e;
          g_assert_no_error (error);
          e = bz_exercise_library_lookup (lib, "a-b");
          g_assert_nonnull (e);
          g_assert_cmpfloat (e->met, ==, strstr (cases[i].json, "02101") ? 2.3 : 0);
          g_assert_cmpstr (e->met_code, ==, strstr (cases[i].json, "02101") ? "02101" : NULL);
        }
      else
        {
          g_assert_null (lib);
          g_assert_error (error, BZ_ERROR, BZ_ERROR_INTERNAL);
          if (!strstr (error->message, cases[i].member))
            g_error ("case %u: %s does not name %s", i, error->message, cases[i].member);
        }
      remove_copy (dir);
    }
}

/* data/exercises/compendium-2011.tsv, read strictly: a "# " line naming
 * its source, the header "code<TAB>met<TAB>description", then one line a
 * code: five digits, the MET as published, the description.  Returns
 * code -> (double *) MET. */
static GHashTable *
compendium_table (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "compendium-2011.tsv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "# "));
  g_assert_nonnull (strstr (lines[0], "Ainsworth"));
  g_assert_nonnull (strstr (lines[0], "commit"));
  g_assert_cmpstr (lines[1], ==, "code\tmet\tdescription");
  for (guint i = 2; lines[i] && (*lines[i] || lines[i + 1]); i++)   /* up to the final newline */
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      char *end = NULL;
      double *met = g_new (double, 1);

      g_assert_cmpuint (g_strv_length (f), ==, 3);
      g_assert_cmpuint (strlen (f[0]), ==, 5);
      for (guint k = 0; k < 5; k++)
        g_assert_true (g_ascii_isdigit (f[0][k]));
      *met = g_ascii_strtod (f[1], &end);
      g_assert_true (end != f[1] && *end == '\0');
      g_assert_cmpfloat (*met, >=, 1);
      g_assert_cmpuint (strlen (f[2]), >, 5);
      if (!g_hash_table_insert (table, g_strdup (f[0]), met))
        g_error ("%s: code %s twice", path, f[0]);
    }
  g_assert_cmpuint (g_hash_table_size (table), >, 0);
  return table;
}

/* NULL when every exercise of @lib names a code of @table and carries the
 * MET @table gives it; else what is wrong, for the test's message. */
static char *
compendium_mismatch (const BzExerciseLibrary *lib, GHashTable *table)
{
  for (guint i = 0; i < bz_exercise_library_get_n (lib); i++)
    {
      const BzExercise *e = bz_exercise_library_get (lib, i);
      const double *met = e->met_code ? g_hash_table_lookup (table, e->met_code) : NULL;

      if (e->met_code == NULL)
        return g_strdup_printf ("%s has no Compendium code", e->slug);
      if (met == NULL)
        return g_strdup_printf ("%s names code %s, absent from compendium-2011.tsv", e->slug, e->met_code);
      if (ABS (*met - e->met) > 1e-9)
        return g_strdup_printf ("%s: MET %g, but the Compendium gives code %s %g", e->slug, e->met, e->met_code, *met);
    }
  return NULL;
}

/* Every exercise's MET is its code's value in the Compendium table shipped
 * beside it, and the table holds only codes the library uses; the check
 * itself is shown to catch a wrong MET and an unknown code. */
static void
test_compendium (void)
{
  static const struct { const char *json, *expect; } faults[] = {
    { "[" OK_ENTRY ("a-b", ",\"met\":2.5,\"met_code\":\"02101\"") "]", "a-b: MET 2.5, but the Compendium gives code 02101 2.3" },
    { "[" OK_ENTRY ("a-b", ",\"met\":2.5,\"met_code\":\"02100\"") "]", "a-b names code 02100, absent" },
    { "[" OK_ENTRY ("a-b", "") "]", "a-b has no Compendium code" },
  };
  g_autofree char *dir = bz_exercise_default_dir ();
  g_autoptr(GHashTable) table = compendium_table (dir);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  const BzExerciseLibrary *lib = library ();
  g_autofree char *wrong = compendium_mismatch (lib, table);
  GHashTableIter it;
  const char *code;

  if (wrong)
    g_error ("%s", wrong);
  for (guint i = 0; i < bz_exercise_library_get_n (lib); i++)
    g_hash_table_add (used, bz_exercise_library_get (lib, i)->met_code);
  g_hash_table_iter_init (&it, table);
  while (g_hash_table_iter_next (&it, (gpointer *) &code, NULL))
    if (!g_hash_table_contains (used, code))
      g_error ("compendium-2011.tsv: no exercise uses code %s", code);
  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autofree char *copy = broken_copy ("mobility.json", faults[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(BzExerciseLibrary) bad = bz_exercise_library_load (copy, &error);
      g_autofree char *found = NULL;

      g_assert_no_error (error);
      found = compendium_mismatch (bad, table);
      g_assert_nonnull (found);
      if (!g_str_has_prefix (found, faults[i].expect))
        g_error ("fault %u: %s, not %s", i, found, faults[i].expect);
      remove_copy (copy);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/exercise-library/counts", test_counts);
  g_test_add_func ("/exercise-library/machine-kinds", test_machine_kinds);
  g_test_add_func ("/exercise-library/refusals", test_refusals);
  g_test_add_func ("/exercise-library/compendium", test_compendium);
  return g_test_run ();
}
