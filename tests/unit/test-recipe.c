/* test-recipe.c — the recipe domain (src/core/bz-recipe.h) and its declarations. */
#include <math.h>

#include "bz-recipe-resources.h"

/* The SmaeEquivalents fields are the SMAE groups, in BzSmaeGroup order,
 * named by bz_smae_reference()'s ids: field index = group. */
static void
test_smae_fields_are_groups (void)
{
  g_assert_cmpuint (bz_smae_equivalents_resource.n_fields, ==, BZ_SMAE_N_GROUPS);
  for (guint g = 0; g < BZ_SMAE_N_GROUPS; g++)
    g_assert_cmpstr (bz_smae_equivalents_resource.fields[g].name, ==, bz_smae_reference (g)->id);
}

/* Both spellings of the seed: Spanish ids, English and accented aliases. */
static void
test_vocabularies (void)
{
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_recipe_meal_type, "comida"), ==, "comida");
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_recipe_meal_type, "lunch"), ==, "comida");
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_recipe_meal_type, "Colación"), ==, "colacion");
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_recipe_meal_type, "SNACK"), ==, "colacion");
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_recipe_meal_type, "breakfast"), ==, "desayuno");
  g_assert_null (bz_vocab_canonical (&bz_vocab_recipe_meal_type, "postre"));
  /* The meal log's vocabulary reads the recipe's Spanish ids as its English ones. */
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_meal_type, "colacion"), ==, "snack");

  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_recipe_difficulty, "Fácil"), ==, "facil");
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_recipe_difficulty, "medium"), ==, "media");
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_recipe_difficulty, "difícil"), ==, "dificil");
  g_assert_null (bz_vocab_canonical (&bz_vocab_recipe_difficulty, "extreme"));

  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_dietary_tag, "sin azúcar añadida"), ==, "no_added_sugar");
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_dietary_tag, "Alto en proteína"), ==, "high_protein");
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_dietary_tag, "rápido"), ==, "quick");
  g_assert_cmpstr (bz_vocab_canonical (&bz_vocab_dietary_tag, "gluten_free"), ==, "gluten_free");
  g_assert_null (bz_vocab_canonical (&bz_vocab_dietary_tag, "tradicional"));

  g_assert_cmpint (bz_recipe_sort_from_id (bz_vocab_canonical (&bz_vocab_recipe_sort, "calorías")), ==, BZ_RECIPE_SORT_CALORIES);
  g_assert_cmpint (bz_recipe_sort_from_id ("rating"), ==, BZ_RECIPE_SORT_RATING);
  g_assert_cmpint (bz_recipe_sort_from_id ("nope"), ==, -1);
  g_assert_cmpint (bz_recipe_sort_from_id (NULL), ==, -1);
}

/* Name-based ids agree with Python's uuid.uuid5(uuid.UUID(BZ_RECIPE_NAMESPACE), name). */
static void
test_uuid (void)
{
  g_autofree char *tacos = bz_recipe_uuid ("recipe/tacos-de-pollo-con-nopales");
  g_autofree char *author = bz_recipe_uuid ("author/balanza");

  g_assert_cmpstr (tacos, ==, "a30e3bc1-5424-59ca-96fd-8370b836955d");
  g_assert_cmpstr (author, ==, BZ_RECIPE_CATALOGUE_AUTHOR_ID);
}

/* A two-serving recipe of SR28 values (per 100 g): nutrition and SMAE add
 * up per ingredient; a mixed dish is decomposed; spices count nothing. */
static void
test_totals (void)
{
  /* 01085 nonfat milk, 09040 banana, 02010 cinnamon, 22 Meals (mixed). */
  const BzNutrients milk = { 34, 3.37, 4.96, 0.08, 0, 42 };
  const BzNutrients banana = { 89, 1.09, 22.84, 0.33, 2.6, 1 };
  const BzNutrients cinnamon = { 247, 3.99, 80.59, 1.24, 53.1, 10 };
  const BzNutrients dish = { 150, 7, 15, 6, 1, 400 };
  BzRecipeTotals t = { { 0 } };
  BzNutrients per;
  double smae[BZ_SMAE_N_GROUPS], parts[BZ_SMAE_N_GROUPS];
  BzNutrients dish_portion = { 0 };

  bz_recipe_totals_add (&t, "0100", "Milk, nonfat, fluid, with added vitamin A and vitamin D (fat free or skim)", &milk, 500);
  bz_recipe_totals_add (&t, "0900", "Bananas, raw", &banana, 200);
  bz_recipe_totals_add (&t, "0200", "Spices, cinnamon, ground", &cinnamon, 1);
  bz_recipe_totals_add (&t, "2200", "Burrito, beans and cheese", &dish, 100);
  bz_recipe_totals_per_serving (&t, 2, &per, smae);

  g_assert_cmpfloat_with_epsilon (per.energy_kcal, (34 * 5 + 89 * 2 + 2.47 + 150) / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (per.sodium_mg, (42 * 5 + 1 * 2 + 0.1 + 400) / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (smae[BZ_SMAE_MILK_SKIM], 500 * 4.96 / 100 / 12 / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (smae[BZ_SMAE_FRUITS], 200 * 22.84 / 100 / 15 / 2, 1e-9);
  g_assert_cmpfloat (smae[BZ_SMAE_FREE], ==, 0);
  bz_nutrients_add_scaled (&dish_portion, &dish, 100);
  bz_smae_decompose (&dish_portion, parts);
  g_assert_cmpfloat_with_epsilon (smae[BZ_SMAE_CEREALS_NO_FAT], parts[BZ_SMAE_CEREALS_NO_FAT] / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (smae[BZ_SMAE_ANIMAL_MODERATE_FAT], parts[BZ_SMAE_ANIMAL_MODERATE_FAT] / 2, 1e-9);
  g_assert_cmpfloat (smae[BZ_SMAE_VEGETABLES], ==, 0);
}

/* The catalogue author and the Recipe's JSON: the seed's members, list
 * entries without instructions (OPTIONAL). */
static void
test_recipe_json (void)
{
  g_autoptr(BzRecord) r = bz_record_new (&bz_recipe_resource);
  g_autoptr(GString) out = g_string_new (NULL);

  bz_record_take_object (r, BZ_RECIPE_AUTHOR, bz_recipe_author_new_catalogue ());
  bz_record_set_string (r, BZ_RECIPE_MEAL_TYPE, "comida");
  bz_record_set_empty_array (r, BZ_RECIPE_INGREDIENTS);
  bz_record_write_json (r, out);
  g_assert_nonnull (strstr (out->str, "\"author\":{\"id\":\"" BZ_RECIPE_CATALOGUE_AUTHOR_ID "\",\"username\":\"balanza\","
                                      "\"full_name\":\"Balanza\",\"user_type\":\"admin\"}"));
  g_assert_nonnull (strstr (out->str, "\"main_photo_url\":null"));
  g_assert_nonnull (strstr (out->str, "\"ingredients\":[]"));
  g_assert_null (strstr (out->str, "instructions"));
  bz_record_set_empty_array (r, BZ_RECIPE_INSTRUCTIONS);
  g_string_truncate (out, 0);
  bz_record_write_json (r, out);
  g_assert_nonnull (strstr (out->str, "\"instructions\":[]"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/recipe/smae-fields", test_smae_fields_are_groups);
  g_test_add_func ("/recipe/vocabularies", test_vocabularies);
  g_test_add_func ("/recipe/uuid", test_uuid);
  g_test_add_func ("/recipe/totals", test_totals);
  g_test_add_func ("/recipe/json", test_recipe_json);
  return g_test_run ();
}
