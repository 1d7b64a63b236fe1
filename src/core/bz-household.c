/* bz-household.c — Mexican household measures (see bz-household.h). */
#include "bz-household.h"

#include <math.h>
#include <string.h>

#define WORDS(...) ((const char *const[]) { __VA_ARGS__, NULL })

/* The Spanish plural (SMAE writes "1 ½ tazas"), the SMAE volume, and the
 * first words of the SR28 Msre_Desc that are the same count measure, best
 * first: a "medium" piece is the SMAE's pieza; a named piece (a breast, an
 * egg) before a generic "piece" or "unit" (SR28's chicken "unit" is the
 * yield of a pound of chicken, not a piece on a plate); "large" and
 * "small" only when the food has no other. */
static const struct
{
  const char *plural;
  double ml;
  const char *const *sr28;
} info[] = {
  { "tortillas", 0, WORDS ("tortilla", "tortillas") },
  { "piezas", 0, WORDS ("medium", "egg", "breast", "thigh", "drumstick", "leg", "wing", "fillet", "patty", "link",
                        "roll", "bun", "muffin", "biscuit", "cookie", "bar", "ear", "potato", "taco", "tostada",
                        "tamale", "enchilada", "burrito", "sandwich", "pancake", "waffle", "doughnut", "piece",
                        "pieces", "each", "fruit", "whole", "unit", "item", "large", "small") },
  { "rebanadas", 0, WORDS ("slice", "slices") },
  { "tazas", 240, NULL },
  { "cucharadas", 15, NULL },
  { "cucharaditas", 5, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (info) == BZ_HOUSEHOLD_N_MEASURES);

/* US volume measures of SR28 (21 CFR 101.9(b)(5)(viii): 1 cup = 240 ml for
 * labels; SR28's household cups are the US customary cup, 236.59 ml). */
static const struct
{
  const char *word;
  double ml;
} us_volumes[] = {
  { "cup", 236.588 }, { "cups", 236.588 }, { "tbsp", 14.787 }, { "tablespoon", 14.787 }, { "tablespoons", 14.787 },
  { "tsp", 4.929 }, { "teaspoon", 4.929 }, { "teaspoons", 4.929 }, { "fl", 29.574 },
};

double
bz_household_ml (BzHouseholdMeasure measure)
{
  g_return_val_if_fail (measure < BZ_HOUSEHOLD_N_MEASURES, 0);
  return info[measure].ml;
}

/* The first word of @desc, lower case, into @buf. */
static const char *
first_word (const char *desc, char *buf, gsize size)
{
  gsize n = 0;

  while (desc && desc[n] && n + 1 < size && (g_ascii_isalpha (desc[n])))
    {
      buf[n] = g_ascii_tolower (desc[n]);
      n++;
    }
  buf[n] = '\0';
  return buf;
}

/* The quantity of @grams in measures of @unit_grams, rounded to a quarter;
 * 0 when it is outside ¼ .. BZ_HOUSEHOLD_MAX_QUANTITY or, when @strict,
 * when the rounding moves it more than BZ_HOUSEHOLD_MAX_ROUNDING. */
static double
quarters (double grams, double unit_grams, gboolean strict)
{
  double exact, q;

  if (!(unit_grams > 0))
    return 0;
  exact = grams / unit_grams;
  q = round (exact * 4) / 4;
  if (q < 0.25 || q > BZ_HOUSEHOLD_MAX_QUANTITY)
    return 0;
  return !strict || fabs (q - exact) <= BZ_HOUSEHOLD_MAX_ROUNDING * exact ? q : 0;
}

gboolean
bz_household_portion (const BzSr28Weight *weights, guint n_weights, double grams, BzHouseholdPortion *out)
{
  double g_per_ml = 0;

  g_return_val_if_fail (out != NULL, FALSE);
  memset (out, 0, sizeof *out);
  if (!(grams > 0) || (weights == NULL && n_weights > 0))
    return FALSE;

  /* The density, from the first SR28 volume measure. */
  for (guint i = 0; i < n_weights && g_per_ml == 0; i++)
    {
      char word[32];
      first_word (weights[i].description, word, sizeof word);
      for (guint v = 0; v < G_N_ELEMENTS (us_volumes); v++)
        if (strcmp (word, us_volumes[v].word) == 0 && weights[i].amount > 0 && weights[i].grams > 0)
          {
            g_per_ml = weights[i].grams / (weights[i].amount * us_volumes[v].ml);
            break;
          }
    }

  for (guint pass = 0; pass < 2; pass++)
    for (guint m = 0; m < BZ_HOUSEHOLD_N_MEASURES; m++)
      {
        double unit = 0, q;

        if (info[m].sr28)
          {
            /* The best-ranked SR28 word of this measure that the food has. */
            for (guint w = 0; info[m].sr28[w] && unit == 0; w++)
              for (guint i = 0; i < n_weights && unit == 0; i++)
                {
                  char word[32];
                  if (strcmp (first_word (weights[i].description, word, sizeof word), info[m].sr28[w]) == 0 &&
                      weights[i].amount > 0 && weights[i].grams > 0)
                    unit = weights[i].grams / weights[i].amount;
                }
          }
        else
          unit = g_per_ml * info[m].ml;
        if ((q = quarters (grams, unit, pass == 0)) > 0)
          {
            out->measure = m;
            out->quantity = q;
            out->unit_grams = unit;
            out->from_volume = info[m].sr28 == NULL;
            return TRUE;
          }
      }
  return FALSE;
}

char *
bz_household_format (const BzHouseholdPortion *portion)
{
  static const char *const fractions[] = { "", "¼", "½", "¾" };
  g_autofree char *number = NULL;
  double q;
  guint whole, quarter;

  g_return_val_if_fail (portion != NULL && portion->measure < BZ_HOUSEHOLD_N_MEASURES, NULL);
  q = MAX (round (portion->quantity * 4) / 4, 0.25);
  whole = (guint) floor (q);
  quarter = (guint) round ((q - whole) * 4) % 4;
  if (whole && quarter)
    number = g_strdup_printf ("%u %s", whole, fractions[quarter]);
  else if (whole)
    number = g_strdup_printf ("%u", whole);
  else
    number = g_strdup (fractions[quarter]);
  return g_strdup_printf ("%s %s", number, q > 1 ? info[portion->measure].plural : bz_vocab_household_measure.terms[portion->measure].id);
}
