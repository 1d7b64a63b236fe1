/* bz-nutrition.h — nutrient vectors and energy requirements.
 *
 * Nutrient values follow USDA SR28 units and numbers (data/foods/SOURCE.md):
 * energy 208 (kcal), protein 203 (g), total lipid 204 (g), carbohydrate by
 * difference 205 (g), total dietary fiber 291 (g), sodium 307 (mg).
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/** BzNutrients: the macronutrient panel Balanza tracks; all per the stated unit. */
typedef struct
{
  double energy_kcal;
  double protein_g;
  double carbohydrate_g;
  double fat_g;
  double fiber_g;
  double sodium_mg;
} BzNutrients;

/** bz_nutrients_add: @acc += @n × @factor (e.g. factor −1 subtracts). */
void        bz_nutrients_add        (BzNutrients *acc, const BzNutrients *n, double factor);

/** bz_nutrients_add_scaled: @acc += @per_100g × (@grams / 100), for a portion of @grams g. */
void        bz_nutrients_add_scaled (BzNutrients *acc, const BzNutrients *per_100g, double grams);

/** bz_nutrients_to_json: Returns: (transfer full): {energy_kcal, protein_g, carbohydrate_g, fat_g, fiber_g, sodium_mg}, rounded to 0.1. */
JsonObject *bz_nutrients_to_json    (const BzNutrients *n);

typedef enum { BZ_SEX_FEMALE, BZ_SEX_MALE } BzSex;

/** BzActivityLevel: physical activity levels with their PAL multipliers. */
typedef enum
{
  BZ_ACTIVITY_SEDENTARY,   /* 1.2   */
  BZ_ACTIVITY_LIGHT,       /* 1.375 */
  BZ_ACTIVITY_MODERATE,    /* 1.55  */
  BZ_ACTIVITY_ACTIVE,      /* 1.725 */
  BZ_ACTIVITY_VERY_ACTIVE, /* 1.9   */
} BzActivityLevel;

/**
 * bz_bmr_mifflin_st_jeor:
 * @sex: biological sex
 * @weight_kg: body weight (kg)
 * @height_cm: standing height (cm)
 * @age_years: age (years)
 *
 * Basal metabolic rate after Mifflin MD, St Jeor ST et al., "A new predictive
 * equation for resting energy expenditure in healthy individuals",
 * Am J Clin Nutr 1990;51:241-7:
 *   BMR = 10·kg + 6.25·cm − 5·years + 5 (men) or − 161 (women).
 * Returns: BMR in kcal/day.
 */
double      bz_bmr_mifflin_st_jeor  (BzSex sex, double weight_kg, double height_cm, double age_years);

/**
 * bz_activity_factor:
 * Returns: the physical activity multiplier for @level (FAO/WHO/UNU 2001
 * "Human energy requirements" PAL bands as commonly applied to Mifflin-St Jeor).
 */
double      bz_activity_factor      (BzActivityLevel level);

/** bz_activity_level_from_string: "sedentary", "light", ... ; returns FALSE if unknown. */
gboolean    bz_activity_level_from_string (const char *s, BzActivityLevel *out);

typedef enum { BZ_GOAL_MAINTENANCE, BZ_GOAL_WEIGHT_LOSS, BZ_GOAL_MUSCLE_GAIN } BzGoal;

/**
 * bz_daily_targets:
 * @out: (out): daily targets
 *
 * energy = BMR × PAL, −500 kcal for weight loss (floored at BMR × 1.0) and
 * +300 kcal for muscle gain; protein 1.6 g/kg (weight loss, muscle gain) or
 * 1.2 g/kg of the protein reference weight (bz_protein_reference_weight());
 * fat 30 % of energy (9 kcal/g); carbohydrate the remainder (4 kcal/g);
 * fiber 14 g per 1000 kcal (Dietary Guidelines for Americans 2020-2025);
 * sodium < 2000 mg (WHO 2012 sodium guideline).
 */
void        bz_daily_targets        (BzSex sex, double weight_kg, double height_cm, double age_years,
                                     BzActivityLevel level, BzGoal goal, BzNutrients *out);

/**
 * bz_protein_reference_weight:
 * @weight_kg: actual body weight (kg)
 * @height_cm: standing height (cm)
 *
 * The weight protein needs are scaled by: the actual weight up to BMI 30;
 * above it the adjusted body weight IBW + 0.4 × (actual − IBW), with the
 * ideal body weight IBW taken at BMI 22 (Krenitsky J, "Adjusted body weight,
 * pro", Nutr Clin Pract 2005;20:468-73; IBW by BMI 22 as in Lemmens HJ et al.,
 * Obes Surg 2005;15:1082-3).
 * Returns: the reference weight in kg.
 */
double      bz_protein_reference_weight (double weight_kg, double height_cm);

G_END_DECLS
