/* bz-nutrition.c — nutrient vectors and energy requirements (sources in the header). */
#include "bz-nutrition.h"

#include <math.h>

void
bz_nutrients_add (BzNutrients *acc, const BzNutrients *n, double factor)
{
  acc->energy_kcal += n->energy_kcal * factor;
  acc->protein_g += n->protein_g * factor;
  acc->carbohydrate_g += n->carbohydrate_g * factor;
  acc->fat_g += n->fat_g * factor;
  acc->fiber_g += n->fiber_g * factor;
  acc->sodium_mg += n->sodium_mg * factor;
}

void
bz_nutrients_add_scaled (BzNutrients *acc, const BzNutrients *p, double grams)
{
  bz_nutrients_add (acc, p, grams / 100.0);
}

static double
round1 (double v)
{
  return round (v * 10.0) / 10.0;
}

JsonObject *
bz_nutrients_to_json (const BzNutrients *n)
{
  JsonObject *o = json_object_new ();
  json_object_set_double_member (o, "energy_kcal", round1 (n->energy_kcal));
  json_object_set_double_member (o, "protein_g", round1 (n->protein_g));
  json_object_set_double_member (o, "carbohydrate_g", round1 (n->carbohydrate_g));
  json_object_set_double_member (o, "fat_g", round1 (n->fat_g));
  json_object_set_double_member (o, "fiber_g", round1 (n->fiber_g));
  json_object_set_double_member (o, "sodium_mg", round1 (n->sodium_mg));
  return o;
}

double
bz_bmr_mifflin_st_jeor (BzSex sex, double weight_kg, double height_cm, double age_years)
{
  double base = 10.0 * weight_kg + 6.25 * height_cm - 5.0 * age_years;
  return sex == BZ_SEX_MALE ? base + 5.0 : base - 161.0;
}

static const struct { const char *name; double factor; } levels[] = {
  [BZ_ACTIVITY_SEDENTARY] = { "sedentary", 1.2 },
  [BZ_ACTIVITY_LIGHT] = { "light", 1.375 },
  [BZ_ACTIVITY_MODERATE] = { "moderate", 1.55 },
  [BZ_ACTIVITY_ACTIVE] = { "active", 1.725 },
  [BZ_ACTIVITY_VERY_ACTIVE] = { "very_active", 1.9 },
};

double
bz_activity_factor (BzActivityLevel level)
{
  g_return_val_if_fail (level <= BZ_ACTIVITY_VERY_ACTIVE, 1.2);
  return levels[level].factor;
}

gboolean
bz_activity_level_from_string (const char *s, BzActivityLevel *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (g_strcmp0 (s, levels[i].name) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

double
bz_protein_reference_weight (double weight_kg, double height_cm)
{
  double h = height_cm / 100.0;
  double ibw = 22.0 * h * h;
  if (h <= 0 || weight_kg / (h * h) < 30.0)
    return weight_kg;
  return ibw + 0.4 * (weight_kg - ibw);
}

void
bz_daily_targets (BzSex sex, double weight_kg, double height_cm, double age_years,
                  BzActivityLevel level, BzGoal goal, BzNutrients *out)
{
  double bmr = bz_bmr_mifflin_st_jeor (sex, weight_kg, height_cm, age_years);
  double energy = bmr * bz_activity_factor (level);
  double protein_per_kg = 1.2;

  if (goal == BZ_GOAL_WEIGHT_LOSS)
    {
      energy = MAX (energy - 500.0, bmr);
      protein_per_kg = 1.6;
    }
  else if (goal == BZ_GOAL_MUSCLE_GAIN)
    {
      energy += 300.0;
      protein_per_kg = 1.6;
    }

  out->energy_kcal = energy;
  out->protein_g = protein_per_kg * bz_protein_reference_weight (weight_kg, height_cm);
  out->fat_g = energy * 0.30 / 9.0;
  out->carbohydrate_g = MAX (0.0, (energy - out->protein_g * 4.0 - out->fat_g * 9.0) / 4.0);
  out->fiber_g = 14.0 * energy / 1000.0;
  out->sodium_mg = 2000.0;
}
