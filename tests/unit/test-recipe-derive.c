/* test-recipe-derive.c — allergens and dietary tags from SR28 ingredients
 * (bz-recipe-derive.h).  The descriptions and food groups are SR28's
 * (data/foods/FOOD_DES.txt.xz), copied with their NDB numbers; what each
 * food is was checked by hand against the allergen list of NOM-051 / Codex
 * CXS 1-1985 §4.2.1.4 and the tag rules of data/recipes/SOURCE.md. */
#include "bz-recipe-derive.h"

typedef struct
{
  const char *ndb_no, *group, *desc;
  guint allergens;
} Food;

#define GLU BZ_ALLERGEN_GLUTEN
#define CRU BZ_ALLERGEN_CRUSTACEANS
#define EGG BZ_ALLERGEN_EGG
#define FIS BZ_ALLERGEN_FISH
#define PEA BZ_ALLERGEN_PEANUT
#define SOY BZ_ALLERGEN_SOY
#define MLK BZ_ALLERGEN_MILK
#define NUT BZ_ALLERGEN_TREE_NUTS

static const Food foods[] = {
  /* Dairy and egg (0100): milk, or egg. */
  { "01079", "0100", "Milk, reduced fat, fluid, 2% milkfat, with added vitamin A and vitamin D", MLK },
  { "01228", "0100", "Cheese, fresh, queso fresco", MLK },
  { "01123", "0100", "Egg, whole, raw, fresh", EGG },
  { "01145", "0100", "Butter, without salt", MLK },
  /* Cereals with gluten (the catalogue checker's GLUTEN_RE): oats count. */
  { "08120", "0800", "Cereals, oats, regular and quick, not fortified, dry", GLU },
  { "18075", "1800", "Bread, whole-wheat, commercially prepared", GLU },
  { "20081", "2000", "Wheat flour, white, all-purpose, enriched, bleached", GLU },
  { "20120", "2000", "Pasta, dry, enriched", GLU },
  { "18363", "1800", "Tortillas, ready-to-bake or -fry, corn", 0 },
  { "18364", "1800", "Tortillas, ready-to-bake or -fry, flour, refrigerated", GLU },
  { "20044", "2000", "Rice, white, long-grain, regular, raw, enriched", 0 },
  { "20310", "2000", "Noodles, egg, cooked, enriched, with added salt", GLU | EGG },
  /* Fish and crustaceans (1500); molluscs are neither. */
  { "15101", "1500", "Fish, snapper, mixed species, raw", FIS },
  { "15152", "1500", "Crustaceans, shrimp, mixed species, canned", CRU },
  { "15157", "1500", "Mollusks, clam, mixed species, raw", 0 },
  { "15121", "1500", "Fish, tuna, light, canned in water, drained solids", FIS },
  /* Legumes and nuts. */
  { "16098", "1600", "Peanut butter, smooth style, with salt", PEA },
  { "16126", "1600", "Tofu, firm, prepared with calcium sulfate and magnesium chloride (nigari)", SOY },
  { "16108", "1600", "Soybeans, mature seeds, raw", SOY },
  { "16043", "1600", "Beans, pinto, mature seeds, cooked, boiled, without salt", 0 },
  { "12061", "1200", "Nuts, almonds", NUT },
  { "12155", "1200", "Nuts, walnuts, english", NUT },
  { "12104", "1200", "Nuts, coconut meat, raw", 0 },
  { "12014", "1200", "Seeds, pumpkin and squash seed kernels, dried", 0 },
  /* Oils: soybean oil is excepted; the plants' "milks" are not milk. */
  { "04044", "0400", "Oil, soybean, salad or cooking", 0 },
  { "04582", "0400", "Oil, canola", 0 },
  { "12118", "1200", "Nuts, coconut milk, canned (liquid expressed from grated meat and water)", 0 },
  { "14091", "1400", "Beverages, almond milk, unsweetened, shelf stable", NUT },
  { "18373", "1800", "Leavening agents, cream of tartar", 0 },
  /* Vegetables, fruit, spices: nothing. */
  { "11963", "1100", "Nopales, raw", 0 },
  { "11209", "1100", "Eggplant, raw", 0 },
  { "09037", "0900", "Avocados, raw, all commercial varieties", 0 },
  { "02047", "0200", "Salt, table", 0 },
  /* Mixed dishes name what they hold. */
  { "06016", "0600", "Soup, cream of chicken, canned, condensed", MLK },
  { "21138", "2100", "Fast foods, potato, french fried in vegetable oil", 0 },
};

static void
test_allergens (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (foods); i++)
    {
      guint got = bz_food_allergens (foods[i].group, foods[i].desc);
      if (got != foods[i].allergens)
        g_error ("%s %s: allergens 0x%x, expected 0x%x", foods[i].ndb_no, foods[i].desc, got, foods[i].allergens);
    }
}

static void
test_allergen_strv (void)
{
  g_auto(GStrv) none = bz_allergens_to_strv (0);
  g_auto(GStrv) some = bz_allergens_to_strv (MLK | GLU | NUT);
  g_autofree char *joined = g_strjoinv (",", some);

  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpstr (joined, ==, "gluten,milk,tree_nuts");
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_allergen, "Cacahuate"), ==, "peanut");
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_allergen, "crustáceos"), ==, "crustaceans");
}

static void
test_traits (void)
{
  /* data/recipes/check-recipes.py: groups 0500...1700 are meat or fish;
   * a mixed dish is when it names one; 0100 is dairy/egg; 19296 honey. */
  g_assert_cmpuint (bz_food_traits ("05062", "0500", "Chicken, broiler or fryers, breast, skinless, boneless, meat only, raw"),
                    ==, BZ_FOOD_MEAT_FISH);
  g_assert_cmpuint (bz_food_traits ("06016", "0600", "Soup, cream of chicken, canned, condensed"), ==, BZ_FOOD_MEAT_FISH);
  g_assert_cmpuint (bz_food_traits ("06008", "0600", "Soup, beef broth or bouillon canned, ready-to-serve"), ==, BZ_FOOD_MEAT_FISH);
  g_assert_cmpuint (bz_food_traits ("04002", "0400", "Lard"), ==, BZ_FOOD_MEAT_FISH);
  g_assert_cmpuint (bz_food_traits ("01079", "0100", "Milk, reduced fat, fluid, 2% milkfat"), ==, BZ_FOOD_DAIRY_EGG);
  g_assert_cmpuint (bz_food_traits ("19296", "1900", "Honey"), ==, BZ_FOOD_HONEY | BZ_FOOD_ADDED_SUGAR);
  g_assert_cmpuint (bz_food_traits ("19335", "1900", "Sugars, granulated"), ==, BZ_FOOD_ADDED_SUGAR);
  g_assert_cmpuint (bz_food_traits ("08120", "0800", "Cereals, oats, regular and quick, not fortified, dry"), ==, BZ_FOOD_GLUTEN);
  g_assert_cmpuint (bz_food_traits ("18363", "1800", "Tortillas, ready-to-bake or -fry, corn"), ==, 0);
  g_assert_cmpuint (bz_food_traits ("11963", "1100", "Nopales, raw"), ==, 0);
}

static gchar *
tags (guint traits, double kcal, double protein, double fat, double fiber, double sodium, gboolean snack, gint64 min)
{
  BzNutrients n = { .energy_kcal = kcal, .protein_g = protein, .fat_g = fat, .fiber_g = fiber, .sodium_mg = sodium };
  g_auto(GStrv) t = bz_recipe_derive_tags (traits, &n, snack, min);
  return g_strjoinv (",", t);
}

static void
test_tags (void)
{
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f = NULL;

  /* Nothing of animal origin, nothing added, 20 g protein, 8 g fiber, fat
   * 9 × 10 = 90 kcal = 25 % of 360 (at the threshold), 140 mg sodium, 20 min:
   * every tag holds at its threshold. */
  a = tags (0, 360, 20, 10, 8, 140, FALSE, 20);
  g_assert_cmpstr (a, ==, "vegetarian,vegan,gluten_free,no_added_sugar,high_protein,high_fiber,low_fat,low_sodium,quick");
  /* Just past every threshold: none of the nutrition tags. */
  b = tags (0, 360, 19.9, 10.1, 7.9, 140.1, FALSE, 21);
  g_assert_cmpstr (b, ==, "vegetarian,vegan,gluten_free,no_added_sugar");
  /* A snack: 10 g protein and 4 g fiber are enough. */
  c = tags (BZ_FOOD_DAIRY_EGG, 200, 10, 2, 4, 300, TRUE, 30);
  g_assert_cmpstr (c, ==, "vegetarian,gluten_free,no_added_sugar,high_protein,high_fiber,low_fat");
  /* Meat, gluten, sugar. */
  d = tags (BZ_FOOD_MEAT_FISH | BZ_FOOD_GLUTEN | BZ_FOOD_ADDED_SUGAR, 500, 30, 25, 2, 900, FALSE, 60);
  g_assert_cmpstr (d, ==, "high_protein");
  /* Honey is not vegan; no energy is not low fat. */
  e = tags (BZ_FOOD_HONEY | BZ_FOOD_ADDED_SUGAR, 0, 0, 0, 0, 0, FALSE, 5);
  g_assert_cmpstr (e, ==, "vegetarian,gluten_free,low_sodium,quick");
  f = tags (BZ_FOOD_DAIRY_EGG, 100, 0, 0, 0, 0, FALSE, 100);
  g_assert_cmpstr (f, ==, "vegetarian,gluten_free,no_added_sugar,low_fat,low_sodium");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/recipe-derive/allergens", test_allergens);
  g_test_add_func ("/recipe-derive/allergen-strv", test_allergen_strv);
  g_test_add_func ("/recipe-derive/traits", test_traits);
  g_test_add_func ("/recipe-derive/tags", test_tags);
  return g_test_run ();
}
