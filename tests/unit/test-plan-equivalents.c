/* test-plan-equivalents.c — the SMAE equivalents of meals, plan days and
 * plan roll-ups (bz-meal-plan-resources.[ch] over bz-smae and
 * bz_recipe_totals_add()), on SR28 foods checked by hand.
 *
 * Panels: USDA SR28 per 100 g (data/foods NUT_DATA 208, 203, 204, 205,
 * read with xz -dc ... | grep "^~01123~"), groups from FOOD_DES:
 *   01123 Egg, whole, raw, fresh (0100): 143 kcal, 12.56 g protein, 9.51 g
 *     fat, 0.72 g carbohydrate.  Fat per 7 g protein 5.30 -> moderate fat;
 *     100 g: 12.56 / 7 = 1.794 equivalents.
 *   09040 Bananas, raw (0900): 89, 1.09, 0.33, 22.84 -> frutas; 120 g:
 *     27.408 g carbohydrate / 15 = 1.827.
 *   04053 Oil, olive (0400): 884, 0, 100, 0 -> grasas sin proteína; 10 g:
 *     10 / 5 = 2.
 *   20045 Rice, white, long-grain, cooked (2000): 130, 2.69, 0.28, 28.17;
 *     fat per 15 g carbohydrate 0.149 -> cereales sin grasa; 150 g: 42.255 /
 *     15 = 2.817. */
#include <string.h>

#include "bz-meal-plan-resources.h"

typedef struct
{
  const char *group, *desc;
  double kcal, protein, fat, carbohydrate, grams;
} Item;

static const Item meal[] = {
  { "0100", "Egg, whole, raw, fresh", 143, 12.56, 9.51, 0.72, 100 },
  { "0900", "Bananas, raw", 89, 1.09, 0.33, 22.84, 120 },
  { "0400", "Oil, olive, salad or cooking", 884, 0, 100, 0, 10 },
  { "2000", "Rice, white, long-grain, regular, enriched, cooked", 130, 2.69, 0.28, 28.17, 150 },
};

/* The meal's equivalents as bz-meal-repo.c counts them. */
static void
meal_equivalents (double out[BZ_SMAE_N_GROUPS])
{
  BzRecipeTotals t = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (meal); i++)
    {
      BzNutrients per_100g = { meal[i].kcal, meal[i].protein, meal[i].carbohydrate, meal[i].fat, 0, 0 };
      bz_recipe_totals_add (&t, meal[i].group, meal[i].desc, &per_100g, meal[i].grams);
    }
  memcpy (out, t.smae, sizeof t.smae);
}

static void
test_meal (void)
{
  double smae[BZ_SMAE_N_GROUPS];
  g_autoptr(BzRecord) rec = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  double back[BZ_SMAE_N_GROUPS] = { 0 };

  meal_equivalents (smae);
  g_assert_cmpfloat_with_epsilon (smae[BZ_SMAE_ANIMAL_MODERATE_FAT], 12.56 / 7, 1e-9);
  g_assert_cmpfloat_with_epsilon (smae[BZ_SMAE_FRUITS], 22.84 * 1.2 / 15, 1e-9);
  g_assert_cmpfloat_with_epsilon (smae[BZ_SMAE_FATS_NO_PROTEIN], 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (smae[BZ_SMAE_CEREALS_NO_FAT], 28.17 * 1.5 / 15, 1e-9);
  for (int g = 0; g < BZ_SMAE_N_GROUPS; g++)
    if (g != BZ_SMAE_ANIMAL_MODERATE_FAT && g != BZ_SMAE_FRUITS && g != BZ_SMAE_FATS_NO_PROTEIN && g != BZ_SMAE_CEREALS_NO_FAT)
      g_assert_cmpfloat (smae[g], ==, 0);

  /* As a SmaeEquivalents record: the API's ids, rounded to 0.1 in JSON. */
  rec = bz_smae_record_new (smae);
  bz_record_write_json (rec, json);
  g_assert_nonnull (strstr (json->str, "\"aoa_moderado_aporte_grasa\":1.8"));
  g_assert_nonnull (strstr (json->str, "\"frutas\":1.8"));
  g_assert_nonnull (strstr (json->str, "\"grasas_sin_proteina\":2"));
  g_assert_nonnull (strstr (json->str, "\"cereales_sin_grasa\":2.8"));
  bz_smae_record_add (rec, back, 2);
  g_assert_cmpfloat_with_epsilon (back[BZ_SMAE_FRUITS], 2 * smae[BZ_SMAE_FRUITS], 1e-12);
  bz_smae_record_add (NULL, back, 1);   /* nothing */
  g_assert_cmpfloat_with_epsilon (back[BZ_SMAE_FRUITS], 2 * smae[BZ_SMAE_FRUITS], 1e-12);
}

/* A plan recipe's nutrition carries equivalents x servings, a day sums its
 * recipes, and the plan's overall and dailyAverage follow. */
static void
test_plan_roll_up (void)
{
  g_autoptr(BzRecord) plan = bz_record_new (&bz_meal_plan_resource);
  BzPlanTotals per_serving = { 400, 20, 50, 12, 3, 500, { 0 } }, read = { 0 };
  BzRecord *summary;

  meal_equivalents (per_serving.smae);
  bz_record_set_int (plan, BZ_MEAL_PLAN_DURATION_DAYS, 2);
  bz_record_set_empty_array (plan, BZ_MEAL_PLAN_SUGGESTIONS);
  for (int d = 1; d <= 2; d++)
    {
      BzRecord *day = bz_record_new (&bz_plan_day_resource);
      BzRecord *slot = bz_record_new (&bz_plan_meal_resource);
      BzRecord *recipe = bz_record_new (&bz_plan_recipe_resource);
      BzPlanTotals t = { 0 };

      bz_plan_totals_add (&t, &per_serving, d == 1 ? 1.5 : 1);   /* 1.5 servings on day 1, 1 on day 2 */
      bz_record_set_string (recipe, BZ_PLAN_RECIPE_ID, "r");
      bz_record_take_object (recipe, BZ_PLAN_RECIPE_NUTRITION, bz_plan_nutrition_new (&bz_plan_nutrition_resource, &t));
      bz_record_set_string (slot, BZ_PLAN_MEAL_MEAL_NAME, "comida");
      bz_record_set_empty_array (slot, BZ_PLAN_MEAL_RECIPES);
      bz_record_append (slot, BZ_PLAN_MEAL_RECIPES, recipe);
      bz_record_set_int (day, BZ_PLAN_DAY_DAY, d);
      bz_record_set_string (day, BZ_PLAN_DAY_DATE, d == 1 ? "2026-12-07" : "2026-12-08");
      bz_record_set_empty_array (day, BZ_PLAN_DAY_MEALS);
      bz_record_append (day, BZ_PLAN_DAY_MEALS, slot);
      bz_record_append (plan, BZ_MEAL_PLAN_SUGGESTIONS, day);
    }
  bz_meal_plan_roll_up (plan);
  summary = bz_record_get_object (plan, BZ_MEAL_PLAN_NUTRITION);
  bz_plan_nutrition_read (bz_record_get_object (summary, BZ_PLAN_NUTRITION_SUMMARY_OVERALL), &read, 1);
  g_assert_cmpfloat_with_epsilon (read.kcal, 1000, 1e-9);
  g_assert_cmpfloat_with_epsilon (read.smae[BZ_SMAE_FATS_NO_PROTEIN], 2.5 * 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (read.smae[BZ_SMAE_CEREALS_NO_FAT], 2.5 * 28.17 * 1.5 / 15, 1e-9);
  memset (&read, 0, sizeof read);
  bz_plan_nutrition_read (bz_record_get_object (summary, BZ_PLAN_NUTRITION_SUMMARY_DAILY_AVERAGE), &read, 1);
  g_assert_cmpfloat_with_epsilon (read.smae[BZ_SMAE_FATS_NO_PROTEIN], 2.5, 1e-9);
  memset (&read, 0, sizeof read);
  bz_plan_nutrition_read (bz_record_get_object (bz_record_get_item (summary, BZ_PLAN_NUTRITION_SUMMARY_DAY_WISE, 0),
                                                BZ_PLAN_DAY_NUTRITION_DAY_TOTAL), &read, 1);
  g_assert_cmpfloat_with_epsilon (read.smae[BZ_SMAE_FATS_NO_PROTEIN], 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (read.smae[BZ_SMAE_ANIMAL_MODERATE_FAT], 1.5 * 12.56 / 7, 1e-9);
  /* The meal's totalNutrition too, and dayWise[].meals[]. */
  memset (&read, 0, sizeof read);
  bz_plan_nutrition_read (bz_record_get_object (bz_record_get_item (bz_record_get_item (plan, BZ_MEAL_PLAN_SUGGESTIONS, 1),
                                                                    BZ_PLAN_DAY_MEALS, 0), BZ_PLAN_MEAL_TOTAL_NUTRITION), &read, 1);
  g_assert_cmpfloat_with_epsilon (read.smae[BZ_SMAE_FATS_NO_PROTEIN], 2, 1e-9);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan-equivalents/meal", test_meal);
  g_test_add_func ("/plan-equivalents/plan-roll-up", test_plan_roll_up);
  return g_test_run ();
}
