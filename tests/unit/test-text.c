/* test-text.c — bz-text: folding for search and Spanish alphabetical order. */
#include "bz-text.h"

static void
test_fold (void)
{
  static const char *const cases[][2] = {
    { "GARCÍA", "garcia" }, { "Núñez", "nunez" }, { "Pingüino", "pinguino" },
    { "ÁLVAREZ Ñandú", "alvarez nandu" }, { "plain", "plain" }, { "", "" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *f = bz_text_fold (cases[i][0]);
      g_assert_cmpstr (f, ==, cases[i][1]);
    }
  {
    /* Invalid UTF-8 is replaced, never passed on. */
    g_autofree char *f = bz_text_fold ("ab\xff" "c");
    g_assert_true (g_utf8_validate (f, -1, NULL));
  }
}

static int
collate (gconstpointer a, gconstpointer b, gpointer data)
{
  return bz_text_collate_es (*(const char *const *) a, *(const char *const *) b);
}

/* The order a Mexican clinic's list is read in (RAE/ASALE alphabet: ñ after
 * n, ch and ll as two letters, accents and case ignored). */
static void
test_collate_es (void)
{
  const char *names[] = { "Ochoa", "zamora", "Núñez", "Gutiérrez", "Llamas", "Nunez", "Gómez", "López",
                          "Chávez", "Cruz", "álvarez", "García", "Nava", "Ñuñoa", "Nuño" };
  static const char *const want[] = { "álvarez", "Chávez", "Cruz", "García", "Gómez", "Gutiérrez",
                                      "Llamas", "López", "Nava", "Nunez", "Núñez", "Nuño", "Ñuñoa",
                                      "Ochoa", "zamora" };
  g_qsort_with_data (names, G_N_ELEMENTS (names), sizeof names[0], collate, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (names[i], ==, want[i]);

  /* Equal keys (case, accents) are ordered, not equal; identical is 0. */
  g_assert_cmpint (bz_text_collate_es ("Gomez", "Gómez"), !=, 0);
  g_assert_cmpint (bz_text_collate_es ("Gomez", "Gómez") < 0, !=, bz_text_collate_es ("Gómez", "Gomez") < 0);
  g_assert_cmpint (bz_text_collate_es ("Ana", "Ana"), ==, 0);
  g_assert_cmpint (bz_text_collate_es ("nz", "ña"), <, 0);
  g_assert_cmpint (bz_text_collate_es ("ñz", "oa"), <, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/collate-es", test_collate_es);
  return g_test_run ();
}
