/* test-exercise-library.c — data/exercises (bz-exercise.h) as shipped: at
 * least 150 exercises, unique slugs, names and instructions in Spanish and
 * English, every term of its vocabulary (checked by the loader, and here
 * the loader itself is shown to refuse each kind of fault), each category
 * and level present, cardio with its Compendium MET, every machine kind
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
      if (g_str_equal (e->category, "cardio"))
        {
          per_category[1]++;
          g_assert_cmpfloat (e->met, >=, 2);
          g_assert_cmpfloat (e->met, <=, 15);
          g_assert_nonnull (e->met_code);
          g_assert_cmpuint (strlen (e->met_code), ==, 5);   /* the Compendium's 5-digit codes */
        }
      else
        {
          per_category[g_str_equal (e->category, "strength") ? 0 : 2]++;
          g_assert_cmpfloat (e->met, ==, 0);
        }
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
    { "{}", "not a JSON array" },
    { "[" OK_ENTRY ("a-b", "") "," OK_ENTRY ("a-b", "") "]", "duplicate" },
    { "[" OK_ENTRY ("Bad Slug", "") "]", "slug" },
    { "[" OK_ENTRY ("x", ",\"primary\":[\"pecho\"]") "]", "primary" },   /* an alias is not an id */
    { "[" OK_ENTRY ("x", ",\"equipment\":[\"rocket\"]") "]", "equipment" },
    { "[" OK_ENTRY ("x", ",\"level\":\"expert\"") "]", "level" },
    { "[" OK_ENTRY ("x", ",\"name_en\":\"\"") "]", "name_en" },
    { "[" OK_ENTRY ("x", ",\"category\":\"cardio\"") "]", "met" },
    { "[" OK_ENTRY ("x", ",\"category\":\"cardio\",\"met\":5") "]", "met_code" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = broken_copy ("mobility.json", cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(BzExerciseLibrary) lib = bz_exercise_library_load (dir, &error);
      if (cases[i].member == NULL)
        {
          g_assert_no_error (error);
          g_assert_nonnull (bz_exercise_library_lookup (lib, "a-b"));
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/exercise-library/counts", test_counts);
  g_test_add_func ("/exercise-library/machine-kinds", test_machine_kinds);
  g_test_add_func ("/exercise-library/refusals", test_refusals);
  return g_test_run ();
}
