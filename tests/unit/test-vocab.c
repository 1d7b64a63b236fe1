/* test-vocab.c — controlled vocabularies: ids, Spanish aliases, case and accents. */
#include "bz-vocab.h"

static void
test_meal_types (void)
{
  static const struct { const char *in, *id; } cases[] = {
    { "breakfast", "breakfast" }, { "Lunch", "lunch" }, { "DINNER", "dinner" }, { "snack", "snack" },
    { "desayuno", "breakfast" }, { "comida", "lunch" }, { "Cena", "dinner" },
    { "colación", "snack" }, { "Colacion", "snack" }, { "COLACIÓN", "snack" }, { " comida ", "lunch" },
    { "almuerzo", "lunch" }, { "colación", "snack" } /* decomposed ó */,
    { "brunch", NULL }, { "", NULL }, { "comid", NULL }, { NULL, NULL },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_meal_type, cases[i].in), ==, cases[i].id);
  g_assert_cmpstr (bz_vocab_label (&bz_vocab_meal_type, "nope", "Meal"), ==, "Meal");
  g_assert_cmpstr (bz_vocab_label (&bz_vocab_meal_type, "snack", NULL), ==, "Snack");  /* LC_ALL=C.UTF-8 */
  /* Every id is its own canonical form, and no alias belongs to two terms. */
  for (guint i = 0; i < bz_vocab_meal_type.n_terms; i++)
    {
      const BzTerm *t = &bz_vocab_meal_type.terms[i];
      g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_meal_type, t->id), ==, t->id);
      for (guint a = 0; t->aliases[a]; a++)
        g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_meal_type, t->aliases[a]), ==, t->id);
    }
}

/* Goals, genders and scan sexes: Spanish names map to the seed's ids. */
static void
test_other_vocabularies (void)
{
  const BzVocab *all[] = { &bz_vocab_meal_type, &bz_vocab_goal, &bz_vocab_gender, &bz_vocab_sex };
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_goal, "Bajar de peso"), ==, "weight_loss");
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_goal, "ganar músculo"), ==, "muscle_gain");
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_goal, "maintenance"), ==, "maintenance");
  g_assert_null (bz_vocab_canonical (&bz_vocab_goal, "bulking"));
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_gender, "Mujer"), ==, "female");
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_gender, "prefiero no decir"), ==, "prefer_not_to_say");
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_sex, "Masculino"), ==, "male");
  g_assert_null (bz_vocab_canonical (&bz_vocab_sex, "other"));  /* the equations take two sexes */
  /* In every vocabulary, ids and aliases are lower case without accents and
   * name one term each. */
  for (guint v = 0; v < G_N_ELEMENTS (all); v++)
    for (guint i = 0; i < all[v]->n_terms; i++)
      {
        const BzTerm *t = &all[v]->terms[i];
        g_assert_cmpstr (bz_vocab_canonical (all[v], t->id), ==, t->id);
        for (guint a = 0; t->aliases[a]; a++)
          g_assert_cmpstr (bz_vocab_canonical (all[v], t->aliases[a]), ==, t->id);
      }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/vocab/meal-types", test_meal_types);
  g_test_add_func ("/vocab/others", test_other_vocabularies);
  return g_test_run ();
}
