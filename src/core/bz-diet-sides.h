/* bz-diet-sides.h — the single foods the local diet planner may add to a
 * meal beside its recipes, in whole SMAE equivalents (issue 11, "The local
 * diet planner").
 *
 * Mexican clinics build a plan from equivalents of the Sistema Mexicano de
 * Alimentos Equivalentes (Pérez Lizaur AB, Palacios González B, Castro
 * Becerra AL, Flores Galicia I, 4th ed., Fomento de Nutrición y Salud, 2014;
 * bz-smae.h): "1 equivalent of animal-source food of very low fat", "1 of
 * skim milk", ...  The planner does the same where the recipes alone cannot
 * reach a day's targets (the protein of 1.2-1.6 g/kg, mostly): each group
 * is served by concrete foods of Balanza's food table (USDA SR28, with
 * their Spanish names), and a day is checked with those foods' own
 * nutrients per gram, not the group's nominal ones.
 *
 * One equivalent of a food is the amount of it that carries its group's
 * defining nutrient (bz_smae_equivalents(): 7 g of protein for
 * animal-source foods, 8 g for legumes, 12 g of carbohydrate for milk, 15 g
 * for cereals and fruit, 4 g for vegetables, 5 g of lipids for fats), from
 * the food's SR28 panel; its household measure comes from the SR28 weight
 * of one unit (WEIGHT.txt, data/foods/SOURCE.md), in quarters.
 *
 * Pure: no I/O; the caller reads the foods' panels from the store.
 */
#pragma once

#include "bz-diet-planner.h"

G_BEGIN_DECLS

/**
 * BzDietSideSpec:
 * @ndb_no: the SR28 food (NDB number)
 * @group: the SMAE group it serves (Balanza's assignment, which agrees with
 *   bz_smae_classify() except for tofu and soy drink, counted as legumes
 *   and as milk as Mexican clinics count them)
 * @name: its name in Spanish (Mexico), as a plan shows it
 * @meal_types: the #BzDietMealType bits of the meals it may go with
 *   (Balanza's choice: milk and oats with breakfast, snacks and dinner;
 *   meat, fish, legumes, rice, tortilla and cooked vegetables with the
 *   main meals; fruit, eggs whites, cottage cheese and avocado with any)
 * @unit: the household unit, singular ("taza"), and @units its plural
 * @unit_grams: grams of one unit (SR28 WEIGHT.txt of @ndb_no)
 *
 * One food of the planner's side list (bz_diet_side_specs()).
 */
typedef struct
{
  const char *ndb_no;
  BzSmaeGroup group;
  const char *name;
  guint meal_types;
  const char *unit, *units;
  double unit_grams;
} BzDietSideSpec;

/**
 * bz_diet_side_specs:
 * @n: (out): how many
 *
 * The side foods Balanza offers the planner: 3-4 foods each of
 * animal-source foods of very low fat, skim milk, legumes, cereals without
 * fat, fruit, vegetables and fats without protein, so that every patient's
 * restrictions leave some (vegan: legumes, tofu, soy drink; vegetarian:
 * also egg white, milk, yogurt and cottage cheese).
 *
 * Returns: (transfer none) (array length=n): the table.
 */
const BzDietSideSpec *bz_diet_side_specs (guint *n);

/**
 * BzDietSide:
 * @id: the SR28 NDB number (borrowed)
 * @name: Spanish name (borrowed)
 * @description: SR28 Long_Desc (borrowed)
 * @group: its SMAE group
 * @per_equivalent: nutrients of one equivalent of this food (kcal, g, mg),
 *   from its SR28 panel
 * @grams: grams of one equivalent
 * @meal_types: #BzDietMealType bits
 * @allergens: #BzAllergen bits (bz_food_allergens())
 * @traits: #BzFoodTraits bits (bz_food_traits()): what the dietary
 *   preference is checked against, by the rule of recipes' vegetarian and
 *   vegan tags (bz_recipe_derive_tags())
 * @unit, @units, @unit_grams: its household unit (#BzDietSideSpec)
 *
 * A side food ready for the planner (bz_diet_side_init()).
 */
typedef struct _BzDietSide
{
  const char *id, *name, *description;
  BzSmaeGroup group;
  BzNutrients per_equivalent;
  double grams;
  guint meal_types, allergens, traits;
  const char *unit, *units;
  double unit_grams;
} BzDietSide;

/**
 * bz_diet_side_init:
 * @out: (out caller-allocates): the side
 * @spec: its entry of bz_diet_side_specs()
 * @sr28_group: the food's FdGrp_Cd (from the store)
 * @long_desc: its Long_Desc (borrowed by @out)
 * @per_100g: its panel per 100 g edible portion (kcal, g, mg)
 *
 * Returns: %FALSE when the panel has none of the group's defining nutrient
 *   (the food cannot be counted in equivalents of it; @out is unusable).
 */
gboolean bz_diet_side_init (BzDietSide *out, const BzDietSideSpec *spec, const char *sr28_group,
                            const char *long_desc, const BzNutrients *per_100g);

/**
 * bz_diet_side_allowed:
 * Returns: whether @side may be in @request's plan: by the rules of
 *   bz_diet_recipe_allowed(), its allergens, its name and description
 *   against the excluded foods, and the dietary preference (vegetarian: no
 *   meat or fish; vegan: neither, nor dairy, egg or honey).  Its meal types
 *   are not looked at.
 */
gboolean bz_diet_side_allowed (const BzDietSide *side, const BzDietRequest *request);

/**
 * bz_diet_side_household:
 * @side: a side food
 * @equivalents: how many equivalents
 *
 * Returns: (transfer full): the amount in household units, in quarters,
 *   in Spanish ("1/2 de taza", "1 1/4 tazas", "3 piezas"); the grams are
 *   @equivalents × @side->grams.
 */
char *bz_diet_side_household (const BzDietSide *side, guint equivalents);

G_END_DECLS
