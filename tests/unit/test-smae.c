/* test-smae.c — SMAE groups of real SR28 foods and their equivalents.
 * The panels are USDA SR28 values per 100 g (data/foods, NUT_DATA nutrients
 * 208, 203, 204, 205), copied with their NDB numbers. */
#include "bz-smae.h"

typedef struct
{
  const char *ndb, *group, *desc;
  double kcal, protein, fat, carbohydrate;
  BzSmaeGroup expect;
} Food;

static const Food foods[] = {
  { "01211", "0100", "Milk, whole, 3.25% milkfat, without added vitamin A and vitamin D", 61, 3.15, 3.27, 4.78, BZ_SMAE_MILK_WHOLE },
  { "01079", "0100", "Milk, reduced fat, fluid, 2% milkfat, with added vitamin A and vitamin D", 50, 3.30, 1.98, 4.80, BZ_SMAE_MILK_REDUCED_FAT },
  { "01123", "0100", "Egg, whole, raw, fresh", 143, 12.56, 9.51, 0.72, BZ_SMAE_ANIMAL_MODERATE_FAT },
  { "01026", "0100", "Cheese, mozzarella, whole milk", 300, 22.17, 22.35, 2.19, BZ_SMAE_ANIMAL_HIGH_FAT },
  { "05064", "0500", "Chicken, broilers or fryers, breast, meat only, cooked, roasted", 165, 31.02, 3.57, 0, BZ_SMAE_ANIMAL_VERY_LOW_FAT },
  { "13023", "1300", "Beef, brisket, whole, separable lean only, all grades, raw", 155, 20.72, 7.37, 0, BZ_SMAE_ANIMAL_LOW_FAT },
  { "11205", "1100", "Cucumber, with peel, raw", 15, 0.65, 0.11, 3.63, BZ_SMAE_VEGETABLES },
  { "11124", "1100", "Carrots, raw", 41, 0.93, 0.24, 9.58, BZ_SMAE_VEGETABLES },
  { "11352", "1100", "Potatoes, flesh and skin, raw", 77, 2.05, 0.09, 17.49, BZ_SMAE_CEREALS_NO_FAT },
  { "09003", "0900", "Apples, raw, with skin", 52, 0.26, 0.17, 13.81, BZ_SMAE_FRUITS },
  { "09040", "0900", "Bananas, raw", 89, 1.09, 0.33, 22.84, BZ_SMAE_FRUITS },
  { "09037", "0900", "Avocados, raw, all commercial varieties", 160, 2.00, 14.66, 8.53, BZ_SMAE_FATS_NO_PROTEIN },
  { "20036", "2000", "Rice, brown, long-grain, raw", 367, 7.54, 3.20, 76.25, BZ_SMAE_CEREALS_NO_FAT },
  { "18363", "1800", "Tortillas, ready-to-bake or -fry, corn", 218, 5.70, 2.85, 44.64, BZ_SMAE_CEREALS_NO_FAT },
  { "16043", "1600", "Beans, pinto, mature seeds, cooked, boiled, without salt", 143, 9.01, 0.65, 26.22, BZ_SMAE_LEGUMES },
  { "04053", "0400", "Oil, olive, salad or cooking", 884, 0, 100, 0, BZ_SMAE_FATS_NO_PROTEIN },
  { "12061", "1200", "Nuts, almonds", 579, 21.15, 49.93, 21.55, BZ_SMAE_FATS_WITH_PROTEIN },
  { "19335", "1900", "Sugars, granulated", 387, 0, 0, 99.98, BZ_SMAE_SUGARS_NO_FAT },
  { "14003", "1400", "Alcoholic beverage, beer, regular, all", 43, 0.46, 0, 3.55, BZ_SMAE_NONE },
};

static BzNutrients
portion (const Food *f, double grams)
{
  BzNutrients per_100g = { f->kcal, f->protein, f->carbohydrate, f->fat, 0, 0 }, p = { 0 };
  bz_nutrients_add_scaled (&p, &per_100g, grams);
  return p;
}

static void
test_classify (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (foods); i++)
    {
      BzNutrients per_100g = portion (&foods[i], 100);
      BzSmaeGroup g = bz_smae_classify (foods[i].group, foods[i].desc, &per_100g);
      if (g != foods[i].expect)
        g_error ("%s %s: group %d, expected %d", foods[i].ndb, foods[i].desc, g, foods[i].expect);
    }
}

static const Food *
food (const char *ndb)
{
  for (guint i = 0; i < G_N_ELEMENTS (foods); i++)
    if (g_str_equal (foods[i].ndb, ndb))
      return &foods[i];
  g_assert_not_reached ();
}

/* SMAE's household portions of one equivalent come out near 1. */
static void
test_equivalents (void)
{
  const struct { const char *ndb; double grams, lo, hi; } cases[] = {
    { "01211", 244, 0.9, 1.1 },   /* 1 taza de leche entera */
    { "18363", 30, 0.8, 1.0 },    /* 1 tortilla de maíz */
    { "16043", 86, 0.9, 1.1 },    /* 1/2 taza de frijoles cocidos */
    { "04053", 5, 0.95, 1.05 },   /* 1 cucharadita de aceite */
    { "19335", 10, 0.95, 1.05 },  /* 2 cucharaditas de azúcar */
    { "05064", 25, 1.0, 1.2 },    /* 25 g de pechuga de pollo */
    { "09003", 106, 0.9, 1.05 },  /* 1 manzana pequeña */
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Food *f = food (cases[i].ndb);
      BzNutrients per_100g = portion (f, 100), p = portion (f, cases[i].grams);
      double eq = bz_smae_equivalents (bz_smae_classify (f->group, f->desc, &per_100g), &p);
      if (eq < cases[i].lo || eq > cases[i].hi)
        g_error ("%s, %.0f g: %.2f equivalents", f->desc, cases[i].grams, eq);
    }
}

static void
test_references (void)
{
  /* Seed 002 section 6.5's simplified values agree with SMAE's. */
  const BzSmaeReference *c = bz_smae_reference (BZ_SMAE_CEREALS_NO_FAT);
  const BzSmaeReference *m = bz_smae_reference (BZ_SMAE_ANIMAL_LOW_FAT);
  g_assert_cmpfloat (c->energy_kcal, ==, 70);
  g_assert_cmpfloat (c->carbohydrate_g, ==, 15);
  g_assert_cmpfloat (m->protein_g, ==, 7);
  g_assert_cmpfloat (m->fat_g, ==, 3);
  g_assert_cmpfloat (bz_smae_reference (BZ_SMAE_FATS_NO_PROTEIN)->energy_kcal, ==, 45);
  g_assert_cmpfloat (bz_smae_reference (BZ_SMAE_VEGETABLES)->energy_kcal, ==, 25);
  g_assert_cmpfloat (bz_smae_reference (BZ_SMAE_FRUITS)->carbohydrate_g, ==, 15);
  /* Each reference's energy is close to 4/9/4 kcal per g of its macronutrients. */
  for (int g = 0; g < BZ_SMAE_N_GROUPS; g++)
    {
      const BzSmaeReference *r = bz_smae_reference (g);
      double atwater = 4 * r->protein_g + 9 * r->fat_g + 4 * r->carbohydrate_g;
      g_assert_cmpfloat (ABS (atwater - r->energy_kcal), <=, 10);
      g_assert_cmpint (bz_smae_group_from_id (r->id), ==, g);
    }
  g_assert_cmpint (bz_smae_group_from_id ("nope"), ==, BZ_SMAE_NONE);
}

static void
test_decompose (void)
{
  BzNutrients dish = { 0 };
  double eq[BZ_SMAE_N_GROUPS];

  dish.carbohydrate_g = 30, dish.protein_g = 20, dish.fat_g = 15;
  bz_smae_decompose (&dish, eq);
  g_assert_cmpfloat_with_epsilon (eq[BZ_SMAE_CEREALS_NO_FAT], 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (eq[BZ_SMAE_ANIMAL_MODERATE_FAT], 16.0 / 7, 1e-9);
  g_assert_cmpfloat_with_epsilon (eq[BZ_SMAE_FATS_NO_PROTEIN], (15 - 16.0 / 7 * 5) / 5, 1e-9);
  g_assert_cmpfloat (eq[BZ_SMAE_FRUITS], ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/smae/classify", test_classify);
  g_test_add_func ("/smae/equivalents", test_equivalents);
  g_test_add_func ("/smae/references", test_references);
  g_test_add_func ("/smae/decompose", test_decompose);
  return g_test_run ();
}
