/* bz-smae.h — Sistema Mexicano de Alimentos Equivalentes (SMAE).
 *
 * The equivalent groups and the energy and macronutrients of one equivalent
 * of each, after Pérez Lizaur AB, Palacios González B, Castro Becerra AL,
 * Flores Galicia I. "Sistema Mexicano de Alimentos Equivalentes", 4th ed.
 * México: Fomento de Nutrición y Salud, A.C.; 2014 (the table of the
 * "aporte nutrimental promedio" of each group).  Seed 002 §6.5 gives a
 * simplified subset (cereal 70 kcal / 15 g carbohydrate / 2 g protein, meat
 * of low fat 55 kcal / 7 g protein / 3 g fat, fat 45 kcal / 5 g, vegetable
 * 25 kcal / 4 g / 2 g, fruit 60 kcal / 15 g); its values agree with these.
 *
 * Alcoholic beverages are not assigned a group here (bz_smae_classify()
 * answers %BZ_SMAE_NONE): their equivalent is counted in grams of alcohol,
 * which the macronutrient panel Balanza keeps does not carry.
 */
#pragma once

#include "bz-nutrition.h"

G_BEGIN_DECLS

typedef enum
{
  BZ_SMAE_NONE = -1,
  BZ_SMAE_VEGETABLES,            /* verduras */
  BZ_SMAE_FRUITS,                /* frutas */
  BZ_SMAE_CEREALS_NO_FAT,        /* cereales y tubérculos sin grasa */
  BZ_SMAE_CEREALS_WITH_FAT,      /* cereales y tubérculos con grasa */
  BZ_SMAE_LEGUMES,               /* leguminosas */
  BZ_SMAE_ANIMAL_VERY_LOW_FAT,   /* alimentos de origen animal, muy bajo aporte de grasa */
  BZ_SMAE_ANIMAL_LOW_FAT,        /* bajo aporte de grasa */
  BZ_SMAE_ANIMAL_MODERATE_FAT,   /* moderado aporte de grasa */
  BZ_SMAE_ANIMAL_HIGH_FAT,       /* alto aporte de grasa */
  BZ_SMAE_MILK_SKIM,             /* leche descremada */
  BZ_SMAE_MILK_REDUCED_FAT,      /* leche semidescremada */
  BZ_SMAE_MILK_WHOLE,            /* leche entera */
  BZ_SMAE_MILK_WITH_SUGAR,       /* leche con azúcar */
  BZ_SMAE_FATS_NO_PROTEIN,       /* aceites y grasas sin proteína */
  BZ_SMAE_FATS_WITH_PROTEIN,     /* aceites y grasas con proteína */
  BZ_SMAE_SUGARS_NO_FAT,         /* azúcares sin grasa */
  BZ_SMAE_SUGARS_WITH_FAT,       /* azúcares con grasa */
  BZ_SMAE_FREE,                  /* alimentos libres de energía */
  BZ_SMAE_N_GROUPS
} BzSmaeGroup;

/**
 * BzSmaeReference:
 * @id: a stable Spanish id ("cereales_sin_grasa"), for the API
 * @energy_kcal: energy of one equivalent (kcal)
 * @protein_g: protein of one equivalent (g)
 * @fat_g: lipids of one equivalent (g)
 * @carbohydrate_g: carbohydrate of one equivalent (g)
 *
 * One equivalent of a group (SMAE 4th ed., 2014).
 */
typedef struct
{
  const char *id;
  double energy_kcal, protein_g, fat_g, carbohydrate_g;
} BzSmaeReference;

/** bz_smae_reference: Returns: (transfer none): the reference of @group (not %BZ_SMAE_NONE). */
const BzSmaeReference *bz_smae_reference (BzSmaeGroup group);

/** bz_smae_group_from_id: Returns: the group whose id is @id, or %BZ_SMAE_NONE. */
BzSmaeGroup bz_smae_group_from_id (const char *id);

/**
 * bz_smae_classify:
 * @sr28_group: the food's USDA SR28 food group code (FdGrp_Cd, "0100".."3600")
 * @long_desc: its SR28 Long_Desc, English
 * @per_100g: its panel per 100 g edible portion
 *
 * Assigns an SR28 food to the SMAE group a Mexican nutritionist would count
 * it in, by rules on the SR28 group, the description and the macronutrient
 * profile:
 *   - meat, poultry, fish, eggs and cheese: animal-source foods, subgroup by
 *     the lipids that come with 7 g of protein (≤2 g very low, ≤4 low,
 *     ≤6.5 moderate, more high: midpoints between the subgroups' 1, 3, 5
 *     and 8 g);
 *   - milk and yogurt: milk, subgroup by lipids per 9 g of protein (≤3 g
 *     skim, ≤6 reduced fat, more whole) and sugared when carbohydrate
 *     exceeds 1.6 times the protein (plain milk is ~1.5);
 *   - fruits, except the fatty ones (more than 10 g of lipids per 100 g:
 *     avocado, olives) counted as fats without protein, as SMAE does;
 *     vegetables, except starchy ones (more than 10 g of
 *     carbohydrate per 100 g: potato, corn, plantain) counted as cereals and
 *     tubers; cereals, grains and baked goods, with fat when their lipids per
 *     15 g of carbohydrate exceed 2.5 g (midpoint of 0 and 5);
 *   - legumes, except peanuts (fats with protein); nuts and seeds: fats with
 *     protein; fats and oils: fats without protein;
 *   - sweets and sweetened drinks: sugars, with fat above 2.5 g of lipids
 *     per 10 g of carbohydrate; spices, water, coffee and tea, and foods under
 *     20 kcal per 100 g that fit no other rule: free foods;
 *   - alcoholic beverages, and mixed dishes (SR28 groups 0300, 2100, 2200,
 *     3500, 3600 and soups 0600): %BZ_SMAE_NONE — count them with
 *     bz_smae_decompose().
 *
 * Returns: the group, or %BZ_SMAE_NONE.
 */
BzSmaeGroup bz_smae_classify (const char *sr28_group, const char *long_desc, const BzNutrients *per_100g);

/**
 * bz_smae_equivalents:
 * @group: a group (not %BZ_SMAE_NONE)
 * @portion: the nutrients of the portion eaten
 *
 * How many equivalents of @group @portion is, from the nutrient that defines
 * the group: carbohydrate for vegetables (4 g), fruits and cereals (15 g),
 * milk (12 g) and sugars (10 g); protein for legumes (8 g) and animal-source
 * foods (7 g); lipids for fats (5 g); 0 for free foods.
 *
 * Returns: equivalents (unrounded; clinics round to 0.5).
 */
double      bz_smae_equivalents (BzSmaeGroup group, const BzNutrients *portion);

/**
 * bz_smae_decompose:
 * @portion: the nutrients of a mixed dish
 * @out: (out caller-allocates) (array fixed-size=BZ_SMAE_N_GROUPS): equivalents per group
 *
 * Counts a dish whose ingredients are unknown as the usual exchange-list
 * approximation: its carbohydrate as cereals without fat (15 g each, which
 * bring 2 g of protein), the protein left over as animal-source foods of
 * moderate fat (7 g each, which bring 5 g of lipids), and the lipids left
 * over as fats without protein (5 g each).  Foods of known ingredients (recipes, meals) should
 * instead add up the equivalents of each ingredient.
 */
void        bz_smae_decompose   (const BzNutrients *portion, double out[BZ_SMAE_N_GROUPS]);

G_END_DECLS
