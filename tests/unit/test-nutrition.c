/* test-nutrition.c — energy requirements and nutrient arithmetic against hand-worked values. */
#include "bz-nutrition.h"

static void
test_mifflin (void)
{
  /* Mifflin et al. 1990: 10·kg + 6.25·cm − 5·y + 5 (men) / − 161 (women). */
  g_assert_cmpfloat_with_epsilon (bz_bmr_mifflin_st_jeor (BZ_SEX_MALE, 88.4, 175.2, 41), 1779.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (bz_bmr_mifflin_st_jeor (BZ_SEX_FEMALE, 60, 165, 30), 1320.25, 1e-9);
  g_assert_cmpfloat (bz_activity_factor (BZ_ACTIVITY_SEDENTARY), ==, 1.2);
  g_assert_cmpfloat (bz_activity_factor (BZ_ACTIVITY_VERY_ACTIVE), ==, 1.9);
}

static void
test_targets (void)
{
  BzNutrients t;
  /* Woman 60 kg, 165 cm, 30 y, light activity, maintenance. */
  bz_daily_targets (BZ_SEX_FEMALE, 60, 165, 30, BZ_ACTIVITY_LIGHT, BZ_GOAL_MAINTENANCE, &t);
  g_assert_cmpfloat_with_epsilon (t.energy_kcal, 1320.25 * 1.375, 1e-6);
  g_assert_cmpfloat_with_epsilon (t.protein_g, 72.0, 1e-9);               /* 1.2 g/kg */
  g_assert_cmpfloat_with_epsilon (t.fat_g, t.energy_kcal * 0.3 / 9, 1e-9);
  /* the macronutrients add up to the energy target */
  g_assert_cmpfloat_with_epsilon (t.protein_g * 4 + t.carbohydrate_g * 4 + t.fat_g * 9, t.energy_kcal, 1e-6);
  g_assert_cmpfloat_with_epsilon (t.fiber_g, 14.0 * t.energy_kcal / 1000.0, 1e-9);
  g_assert_cmpfloat (t.sodium_mg, ==, 2000.0);

  /* Weight loss: −500 kcal, never below BMR. */
  bz_daily_targets (BZ_SEX_FEMALE, 50, 150, 70, BZ_ACTIVITY_SEDENTARY, BZ_GOAL_WEIGHT_LOSS, &t);
  g_assert_cmpfloat_with_epsilon (t.energy_kcal, bz_bmr_mifflin_st_jeor (BZ_SEX_FEMALE, 50, 150, 70), 1e-9);
}

static void
test_protein_reference (void)
{
  BzNutrients t;
  /* Below BMI 30 the actual weight counts. */
  g_assert_cmpfloat (bz_protein_reference_weight (80, 180), ==, 80);
  /* 120.4 kg, 157.6 cm (BMI 48.5): IBW = 22·1.576² = 54.64; ABW = 54.64 + 0.4·65.76 = 80.94 kg. */
  g_assert_cmpfloat_with_epsilon (bz_protein_reference_weight (120.4, 157.6), 80.945, 0.01);
  bz_daily_targets (BZ_SEX_FEMALE, 120.4, 157.6, 51, BZ_ACTIVITY_LIGHT, BZ_GOAL_WEIGHT_LOSS, &t);
  g_assert_cmpfloat_with_epsilon (t.protein_g, 1.6 * 80.945, 0.02);
  /* protein stays a plausible share of energy (< 35 %) */
  g_assert_cmpfloat (t.protein_g * 4 / t.energy_kcal, <, 0.35);
  g_assert_cmpfloat (t.carbohydrate_g, >, 0);
}

static void
test_scaling (void)
{
  BzNutrients butter = { 717, 0.85, 0.06, 81.11, 0, 643 }, acc = { 0 };
  g_autoptr(JsonObject) o = NULL;
  bz_nutrients_add_scaled (&acc, &butter, 10);
  bz_nutrients_add_scaled (&acc, &butter, 20);
  g_assert_cmpfloat_with_epsilon (acc.energy_kcal, 215.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (acc.sodium_mg, 192.9, 1e-9);
  o = bz_nutrients_to_json (&acc);
  g_assert_cmpfloat (json_object_get_double_member (o, "energy_kcal"), ==, 215.1);
  g_assert_cmpfloat (json_object_get_double_member (o, "protein_g"), ==, 0.3);   /* 0.255 rounds to 0.3 */
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nutrition/mifflin", test_mifflin);
  g_test_add_func ("/nutrition/targets", test_targets);
  g_test_add_func ("/nutrition/protein-reference", test_protein_reference);
  g_test_add_func ("/nutrition/scaling", test_scaling);
  return g_test_run ();
}
