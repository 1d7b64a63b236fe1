/* bz-smae.c — SMAE equivalent groups (see bz-smae.h for the source). */
#include "bz-smae.h"

#include <stdlib.h>
#include <string.h>

/* SMAE 4th ed. (2014), "aporte nutrimental promedio por equivalente". */
static const BzSmaeReference references[BZ_SMAE_N_GROUPS] = {
  [BZ_SMAE_VEGETABLES] = { "verduras", 25, 2, 0, 4 },
  [BZ_SMAE_FRUITS] = { "frutas", 60, 0, 0, 15 },
  [BZ_SMAE_CEREALS_NO_FAT] = { "cereales_sin_grasa", 70, 2, 0, 15 },
  [BZ_SMAE_CEREALS_WITH_FAT] = { "cereales_con_grasa", 115, 2, 5, 15 },
  [BZ_SMAE_LEGUMES] = { "leguminosas", 120, 8, 1, 20 },
  [BZ_SMAE_ANIMAL_VERY_LOW_FAT] = { "aoa_muy_bajo_aporte_grasa", 40, 7, 1, 0 },
  [BZ_SMAE_ANIMAL_LOW_FAT] = { "aoa_bajo_aporte_grasa", 55, 7, 3, 0 },
  [BZ_SMAE_ANIMAL_MODERATE_FAT] = { "aoa_moderado_aporte_grasa", 75, 7, 5, 0 },
  [BZ_SMAE_ANIMAL_HIGH_FAT] = { "aoa_alto_aporte_grasa", 100, 7, 8, 0 },
  [BZ_SMAE_MILK_SKIM] = { "leche_descremada", 95, 9, 2, 12 },
  [BZ_SMAE_MILK_REDUCED_FAT] = { "leche_semidescremada", 110, 9, 4, 12 },
  [BZ_SMAE_MILK_WHOLE] = { "leche_entera", 150, 9, 8, 12 },
  [BZ_SMAE_MILK_WITH_SUGAR] = { "leche_con_azucar", 200, 8, 5, 30 },
  [BZ_SMAE_FATS_NO_PROTEIN] = { "grasas_sin_proteina", 45, 0, 5, 0 },
  [BZ_SMAE_FATS_WITH_PROTEIN] = { "grasas_con_proteina", 70, 3, 5, 3 },
  [BZ_SMAE_SUGARS_NO_FAT] = { "azucares_sin_grasa", 40, 0, 0, 10 },
  [BZ_SMAE_SUGARS_WITH_FAT] = { "azucares_con_grasa", 85, 0, 5, 10 },
  [BZ_SMAE_FREE] = { "libres", 0, 0, 0, 0 },
};

const BzSmaeReference *
bz_smae_reference (BzSmaeGroup group)
{
  g_return_val_if_fail (group >= 0 && group < BZ_SMAE_N_GROUPS, NULL);
  return &references[group];
}

BzSmaeGroup
bz_smae_group_from_id (const char *id)
{
  for (int g = 0; id && g < BZ_SMAE_N_GROUPS; g++)
    if (strcmp (references[g].id, id) == 0)
      return g;
  return BZ_SMAE_NONE;
}

static gboolean
starts_with_any (const char *s, const char *const *prefixes)
{
  for (guint i = 0; prefixes[i]; i++)
    if (g_str_has_prefix (s, prefixes[i]))
      return TRUE;
  return FALSE;
}

static gboolean
contains_any (const char *s, const char *const *words)
{
  for (guint i = 0; words[i]; i++)
    if (strstr (s, words[i]))
      return TRUE;
  return FALSE;
}

/* Lipids that come with 7 g of protein: the subgroup of an animal-source food. */
static BzSmaeGroup
animal_subgroup (const BzNutrients *n)
{
  double fat_per_7g = n->protein_g > 0 ? n->fat_g / n->protein_g * 7.0 : G_MAXDOUBLE;

  if (fat_per_7g <= 2.0)
    return BZ_SMAE_ANIMAL_VERY_LOW_FAT;
  if (fat_per_7g <= 4.0)
    return BZ_SMAE_ANIMAL_LOW_FAT;
  if (fat_per_7g <= 6.5)
    return BZ_SMAE_ANIMAL_MODERATE_FAT;
  return BZ_SMAE_ANIMAL_HIGH_FAT;
}

static BzSmaeGroup
milk_subgroup (const BzNutrients *n)
{
  double fat_per_9g = n->protein_g > 0 ? n->fat_g / n->protein_g * 9.0 : G_MAXDOUBLE;

  if (n->carbohydrate_g > 1.6 * n->protein_g)
    return BZ_SMAE_MILK_WITH_SUGAR;
  if (fat_per_9g <= 3.0)
    return BZ_SMAE_MILK_SKIM;
  if (fat_per_9g <= 6.0)
    return BZ_SMAE_MILK_REDUCED_FAT;
  return BZ_SMAE_MILK_WHOLE;
}

static BzSmaeGroup
cereal_subgroup (const BzNutrients *n)
{
  double fat_per_15g = n->carbohydrate_g > 0 ? n->fat_g / n->carbohydrate_g * 15.0 : G_MAXDOUBLE;
  return fat_per_15g > 2.5 ? BZ_SMAE_CEREALS_WITH_FAT : BZ_SMAE_CEREALS_NO_FAT;
}

static BzSmaeGroup
sugar_subgroup (const BzNutrients *n)
{
  double fat_per_10g = n->carbohydrate_g > 0 ? n->fat_g / n->carbohydrate_g * 10.0 : G_MAXDOUBLE;
  return fat_per_10g > 2.5 ? BZ_SMAE_SUGARS_WITH_FAT : BZ_SMAE_SUGARS_NO_FAT;
}

BzSmaeGroup
bz_smae_classify (const char *sr28_group, const char *long_desc, const BzNutrients *n)
{
  static const char *const milks[] = { "Milk", "Yogurt", "Kefir", "Buttermilk", NULL };
  static const char *const cheeses_eggs[] = { "Cheese", "Egg", "Cottage", NULL };
  static const char *const creams_butters[] = { "Cream", "Butter", "Sour cream", "Whipped", NULL };
  static const char *const alcohol[] = { "Alcoholic", "alcoholic", "Wine", "Beer", "Liqueur", NULL };
  static const char *const free_drinks[] = { "Water", "Coffee, brewed", "Tea, brewed", "Tea, herb", NULL };
  const char *desc = long_desc ? long_desc : "";
  int code;

  g_return_val_if_fail (sr28_group != NULL && n != NULL, BZ_SMAE_NONE);
  code = atoi (sr28_group);

  switch (code)
    {
    case 100:   /* Dairy and Egg Products */
      if (starts_with_any (desc, creams_butters))
        return BZ_SMAE_FATS_NO_PROTEIN;
      if (starts_with_any (desc, milks))
        return milk_subgroup (n);
      if (starts_with_any (desc, cheeses_eggs))
        return animal_subgroup (n);
      return n->protein_g >= 5 ? animal_subgroup (n) : BZ_SMAE_NONE;
    case 200:   /* Spices and Herbs */
      return BZ_SMAE_FREE;
    case 400:   /* Fats and Oils */
      return BZ_SMAE_FATS_NO_PROTEIN;
    case 500: case 700: case 1000: case 1300: case 1500: case 1700:
      /* Poultry, Sausages and Luncheon Meats, Pork, Beef, Finfish and Shellfish, Lamb, Veal and Game */
      return animal_subgroup (n);
    case 800: case 1800: case 2000:
      /* Breakfast Cereals, Baked Products, Cereal Grains and Pasta */
      return cereal_subgroup (n);
    case 900:   /* Fruits and Fruit Juices */
      if (n->fat_g > 10.0)
        return BZ_SMAE_FATS_NO_PROTEIN;   /* avocado, olives: SMAE counts them as fats */
      return n->energy_kcal < 20 ? BZ_SMAE_FREE : BZ_SMAE_FRUITS;
    case 1100:  /* Vegetables and Vegetable Products */
      if (n->carbohydrate_g > 10.0 && n->protein_g < n->carbohydrate_g / 3.0)
        return cereal_subgroup (n);   /* starchy: potato, corn, plantain */
      return BZ_SMAE_VEGETABLES;
    case 1200:  /* Nut and Seed Products */
      return BZ_SMAE_FATS_WITH_PROTEIN;
    case 1600:  /* Legumes and Legume Products */
      if (g_str_has_prefix (desc, "Peanut") || n->fat_g > 30.0)
        return BZ_SMAE_FATS_WITH_PROTEIN;
      return BZ_SMAE_LEGUMES;
    case 1400:  /* Beverages */
      if (contains_any (desc, alcohol))
        return BZ_SMAE_NONE;
      if (starts_with_any (desc, free_drinks) || n->energy_kcal < 20)
        return BZ_SMAE_FREE;
      return sugar_subgroup (n);
    case 1900:  /* Sweets */
      return sugar_subgroup (n);
    case 2500:  /* Snacks */
      return cereal_subgroup (n);
    default:    /* 0300 Baby Foods, 0600 Soups, 2100 Fast Foods, 2200 Meals, 3500, 3600 */
      return BZ_SMAE_NONE;
    }
}

double
bz_smae_equivalents (BzSmaeGroup group, const BzNutrients *p)
{
  g_return_val_if_fail (group >= 0 && group < BZ_SMAE_N_GROUPS && p != NULL, 0);

  switch (group)
    {
    case BZ_SMAE_LEGUMES:
    case BZ_SMAE_ANIMAL_VERY_LOW_FAT:
    case BZ_SMAE_ANIMAL_LOW_FAT:
    case BZ_SMAE_ANIMAL_MODERATE_FAT:
    case BZ_SMAE_ANIMAL_HIGH_FAT:
      return p->protein_g / references[group].protein_g;
    case BZ_SMAE_FATS_NO_PROTEIN:
    case BZ_SMAE_FATS_WITH_PROTEIN:
      return p->fat_g / references[group].fat_g;
    case BZ_SMAE_FREE:
      return 0;
    default:
      return p->carbohydrate_g / references[group].carbohydrate_g;
    }
}

void
bz_smae_decompose (const BzNutrients *p, double out[BZ_SMAE_N_GROUPS])
{
  const BzSmaeReference *cereal = &references[BZ_SMAE_CEREALS_NO_FAT];
  const BzSmaeReference *animal = &references[BZ_SMAE_ANIMAL_MODERATE_FAT];
  const BzSmaeReference *fat = &references[BZ_SMAE_FATS_NO_PROTEIN];
  double protein_left, fat_left;

  g_return_if_fail (p != NULL && out != NULL);
  memset (out, 0, sizeof (double) * BZ_SMAE_N_GROUPS);
  out[BZ_SMAE_CEREALS_NO_FAT] = MAX (0, p->carbohydrate_g) / cereal->carbohydrate_g;
  protein_left = MAX (0, p->protein_g - out[BZ_SMAE_CEREALS_NO_FAT] * cereal->protein_g);
  out[BZ_SMAE_ANIMAL_MODERATE_FAT] = protein_left / animal->protein_g;
  fat_left = MAX (0, p->fat_g - out[BZ_SMAE_ANIMAL_MODERATE_FAT] * animal->fat_g);
  out[BZ_SMAE_FATS_NO_PROTEIN] = fat_left / fat->fat_g;
}
