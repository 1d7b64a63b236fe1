/* test-household.c — Mexican household measures (bz-household.h) of real
 * SR28 foods: their household weights copied from data/foods/WEIGHT.txt
 * (Msre_Desc, Amount, Gm_Wgt) with their NDB numbers. */
#include <math.h>

#include "bz-household.h"


static const BzSr28Weight egg[] = {   /* 01123 Egg, whole, raw, fresh */
  { "large", 1, 50 }, { "extra large", 1, 56 }, { "jumbo", 1, 63 }, { "cup (4.86 large eggs)", 1, 243 },
  { "medium", 1, 44 }, { "small", 1, 38 } };
static const BzSr28Weight milk[] = {   /* 01211 Milk, whole, 3.25% milkfat */
  { "cup", 1, 244 }, { "tbsp", 1, 15 }, { "fl oz", 1, 30.5 }, { "quart", 1, 976 } };
static const BzSr28Weight banana[] = {   /* 09040 Bananas, raw */
  { "cup, mashed", 1, 225 }, { "cup, sliced", 1, 150 }, { "extra small (less than 6\" long)", 1, 81 },
  { "small (6\" to 6-7/8\" long)", 1, 101 }, { "medium (7\" to 7-7/8\" long)", 1, 118 },
  { "large (8\" to 8-7/8\" long)", 1, 136 }, { "NLEA serving", 1, 126 } };
static const BzSr28Weight rice[] = { { "cup", 1, 158 } };   /* 20045 Rice, white, long-grain, cooked */
static const BzSr28Weight oil[] = {   /* 04053 Oil, olive */
  { "tablespoon", 1, 13.5 }, { "cup", 1, 216 }, { "tsp", 1, 4.5 } };
static const BzSr28Weight tortilla[] = {   /* 18363 Tortillas, corn */
  { "oz", 1, 28.35 }, { "enchilada", 1, 19 }, { "tortilla", 1, 24 } };
static const BzSr28Weight chicken[] = {   /* 05064 Chicken breast, roasted */
  { "cup, chopped or diced", 1, 140 }, { "unit (yield from 1 lb ready-to-cook chicken)", 1, 52 },
  { "breast, bone and skin removed", 0.5, 86 } };
static const BzSr28Weight salsa[] = {   /* 06164 Sauce, salsa, ready-to-serve */
  { "tbsp", 2, 36 }, { "cup", 0.5, 130 }, { "cup", 1, 259 } };
static const BzSr28Weight ounces[] = { { "oz", 1, 28.35 }, { "package", 1, 340 }, { "serving", 1, 85 } };

static void
check (const BzSr28Weight *w, guint n, double grams, const char *measure, double quantity, double unit_grams,
       gboolean from_volume, const char *text)
{
  BzHouseholdPortion p;
  g_autofree char *t = NULL;

  g_assert_true (bz_household_portion (w, n, grams, &p));
  g_assert_cmpstr (bz_vocab_household_measure.terms[p.measure].id, ==, measure);
  g_assert_cmpfloat (p.quantity, ==, quantity);
  g_assert_cmpfloat (fabs (p.unit_grams - unit_grams), <, 0.05);
  g_assert_cmpint (p.from_volume, ==, from_volume);
  t = bz_household_format (&p);
  g_assert_cmpstr (t, ==, text);
}

static void
test_portions (void)
{
  /* Count measures: SR28's own weight of the same measure. */
  check (tortilla, G_N_ELEMENTS (tortilla), 90, "tortilla", 3.75, 24, FALSE, "3 ¾ tortillas");
  check (tortilla, G_N_ELEMENTS (tortilla), 48, "tortilla", 2, 24, FALSE, "2 tortillas");
  check (egg, G_N_ELEMENTS (egg), 88, "pieza", 2, 44, FALSE, "2 piezas");   /* "medium" first */
  check (banana, G_N_ELEMENTS (banana), 118, "pieza", 1, 118, FALSE, "1 pieza");
  check (banana, G_N_ELEMENTS (banana), 59, "pieza", 0.5, 118, FALSE, "½ pieza");
  check (chicken, G_N_ELEMENTS (chicken), 120, "pieza", 0.75, 172, FALSE, "¾ pieza");   /* the breast, not the "unit" */
  /* Volumes: the SR28 density times the SMAE volume (240, 15, 5 ml). */
  check (milk, G_N_ELEMENTS (milk), 240, "taza", 1, 244 / 236.588 * 240, TRUE, "1 taza");
  check (milk, G_N_ELEMENTS (milk), 370, "taza", 1.5, 244 / 236.588 * 240, TRUE, "1 ½ tazas");
  check (rice, G_N_ELEMENTS (rice), 40, "taza", 0.25, 158 / 236.588 * 240, TRUE, "¼ taza");
  check (rice, G_N_ELEMENTS (rice), 20, "cucharada", 2, 158 / 236.588 * 15, TRUE, "2 cucharadas");
  check (oil, G_N_ELEMENTS (oil), 10, "cucharada", 0.75, 13.5 / 14.787 * 15, TRUE, "¾ cucharada");
  check (oil, G_N_ELEMENTS (oil), 2, "cucharadita", 0.5, 13.5 / 14.787 * 5, TRUE, "½ cucharadita");
  /* 60 g of salsa: ¼ taza (73 g) rounds too far; 3 ¼ cucharadas (59 g). */
  check (salsa, G_N_ELEMENTS (salsa), 60, "cucharada", 3.25, 18 / 14.787 * 15, TRUE, "3 ¼ cucharadas");
  /* No measure within 15 %: the first one in range all the same (8 g: 0.33 tortilla). */
  check (tortilla, G_N_ELEMENTS (tortilla), 8, "tortilla", 0.25, 24, FALSE, "¼ tortilla");
}

static void
test_no_portion (void)
{
  BzHouseholdPortion p;

  /* Ounces, packages and servings are not household measures. */
  g_assert_false (bz_household_portion (ounces, G_N_ELEMENTS (ounces), 100, &p));
  g_assert_false (bz_household_portion (NULL, 0, 100, &p));
  g_assert_false (bz_household_portion (rice, G_N_ELEMENTS (rice), 0, &p));
  /* More than 10 tazas of rice, less than ¼ cucharadita of oil. */
  g_assert_false (bz_household_portion (rice, G_N_ELEMENTS (rice), 2000, &p));
  g_assert_false (bz_household_portion (oil, G_N_ELEMENTS (oil), 0.2, &p));
}

static void
test_vocabulary (void)
{
  static const char *const order[] = { "tortilla", "pieza", "rebanada", "taza", "cucharada", "cucharadita" };

  /* bz-vocab.c's terms are in BzHouseholdMeasure's order. */
  g_assert_cmpuint (bz_vocab_household_measure.n_terms, ==, BZ_HOUSEHOLD_N_MEASURES);
  G_STATIC_ASSERT (G_N_ELEMENTS (order) == BZ_HOUSEHOLD_N_MEASURES);
  for (guint m = 0; m < BZ_HOUSEHOLD_N_MEASURES; m++)
    g_assert_cmpstr (bz_vocab_household_measure.terms[m].id, ==, order[m]);
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_household_measure, "Cucharadas"), ==, "cucharada");
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_household_measure, "cup"), ==, "taza");
  g_assert_null (bz_vocab_canonical (&bz_vocab_household_measure, "oz"));
  g_assert_cmpfloat (bz_household_ml (BZ_HOUSEHOLD_TAZA), ==, 240);
  g_assert_cmpfloat (bz_household_ml (BZ_HOUSEHOLD_CUCHARADA), ==, 15);
  g_assert_cmpfloat (bz_household_ml (BZ_HOUSEHOLD_CUCHARADITA), ==, 5);
  g_assert_cmpfloat (bz_household_ml (BZ_HOUSEHOLD_PIEZA), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/household/portions", test_portions);
  g_test_add_func ("/household/no-portion", test_no_portion);
  g_test_add_func ("/household/vocabulary", test_vocabulary);
  return g_test_run ();
}
