/* bz-recipe-derive.h — what a recipe's USDA SR28 ingredients say about it:
 * its allergens and the dietary tags that hold (issue 7, POST /recipes:
 * "dietary_tags and allergens are derived from the ingredients where they
 * can be").
 *
 * DIETARY TAGS.  The rules are those data/recipes/check-recipes.py verifies
 * for the catalogue (data/recipes/SOURCE.md, "Tags"), written once more in C
 * with the same SR28 food groups, description patterns and NDB numbers, so a
 * recipe a user writes is tagged as the catalogue is: vegetarian, vegan,
 * gluten_free, no_added_sugar from the ingredients; high_protein, high_fiber,
 * low_fat, low_sodium from the nutrition per serving; quick from the times.
 *
 * ALLERGENS.  The list is that of NOM-051-SCFI/SSA1-2010 (the foods and
 * ingredients that cause hypersensitivity, which a label must declare), which
 * follows the Codex Alimentarius General Standard for the Labelling of
 * Prepackaged Foods (CXS 1-1985, §4.2.1.4): cereals containing gluten,
 * crustaceans, eggs, fish, peanuts, soybeans, milk, tree nuts, and sulphites
 * at 10 mg/kg or more.  The Codex list was read; the NOM-051 inciso number was
 * not verified here, and the norm's list is taken to be Codex's, as the
 * secondary sources consulted for bz-nom051.h say.  Sulphites cannot be
 * derived: SR28 carries no sulphite values, so they are never reported.
 * Soybean oil is not counted as soy (the norm excepts refined soybean oil).
 *
 * HOW FAR THE DERIVATION GOES.  An SR28 food is one food with an English
 * description and a food group; what a composite food (bread, a soup, a
 * mixed dish) was made of is only known when its description says it.  So
 * "Bread, whole-wheat" is gluten, but the milk or egg that a bread may hold
 * is not seen.  The allergens are what the ingredients are, a help for the
 * reader, not a guarantee for an allergic patient: the response says so.
 */
#pragma once

#include "bz-nutrition.h"
#include "bz-vocab.h"

G_BEGIN_DECLS

/**
 * BzAllergen:
 * The allergens of the NOM-051 / Codex list that SR28 lets Balanza see, one
 * bit each, in the order of %bz_vocab_allergen.
 */
typedef enum
{
  BZ_ALLERGEN_GLUTEN      = 1 << 0,  /* cereales que contienen gluten */
  BZ_ALLERGEN_CRUSTACEANS = 1 << 1,  /* crustáceos */
  BZ_ALLERGEN_EGG         = 1 << 2,  /* huevo */
  BZ_ALLERGEN_FISH        = 1 << 3,  /* pescado */
  BZ_ALLERGEN_PEANUT      = 1 << 4,  /* cacahuate */
  BZ_ALLERGEN_SOY         = 1 << 5,  /* soya */
  BZ_ALLERGEN_MILK        = 1 << 6,  /* leche */
  BZ_ALLERGEN_TREE_NUTS   = 1 << 7,  /* nueces de árbol */
} BzAllergen;

#define BZ_ALLERGEN_N 8

/** bz_vocab_allergen: gluten, crustaceans, egg, fish, peanut, soy, milk, tree_nuts (Spanish aliases). */
extern const BzVocab bz_vocab_allergen;

/**
 * BzFoodTraits:
 * What one SR28 food means for the tags (data/recipes/check-recipes.py):
 * @BZ_FOOD_MEAT_FISH: poultry, meat, sausage or fish (SR28 groups 0500,
 *   0700, 1000, 1300, 1500, 1700), or a fat, soup or mixed dish (0400, 0600,
 *   2100, 2200, 3500, 3600) whose description names chicken, beef, pork,
 *   fish, clam, shrimp, meat, gelatin, lard or tallow
 * @BZ_FOOD_DAIRY_EGG: group 0100 (dairy and egg products)
 * @BZ_FOOD_HONEY: honey (NDB 19296)
 * @BZ_FOOD_GLUTEN: a description naming wheat, bread, pasta, barley, rye,
 *   oats (usually contaminated) and the like
 * @BZ_FOOD_ADDED_SUGAR: sugar, brown sugar (piloncillo), honey or a syrup
 *   (NDB 19296, 19334, 19335, 19912, 19353, 19340, 19350)
 */
typedef enum
{
  BZ_FOOD_MEAT_FISH   = 1 << 0,
  BZ_FOOD_DAIRY_EGG   = 1 << 1,
  BZ_FOOD_HONEY       = 1 << 2,
  BZ_FOOD_GLUTEN      = 1 << 3,
  BZ_FOOD_ADDED_SUGAR = 1 << 4,
} BzFoodTraits;

/**
 * bz_food_traits:
 * @ndb_no: the SR28 NDB number ("19296")
 * @sr28_group: its FdGrp_Cd ("1900")
 * @long_desc: its Long_Desc
 *
 * Returns: a bitmask of #BzFoodTraits.
 */
guint  bz_food_traits    (const char *ndb_no, const char *sr28_group, const char *long_desc);

/**
 * bz_food_allergens:
 * @sr28_group: FdGrp_Cd
 * @long_desc: Long_Desc
 *
 * The allergens one SR28 food is or names: group 0100 is milk, or egg when
 * its description starts with or names egg(s); gluten as %BZ_FOOD_GLUTEN;
 * fish and crustaceans from group 1500 (shrimp, crab, lobster, crayfish,
 * prawns are crustaceans; molluscs count as neither) and from descriptions
 * naming them; peanut, soy (not soybean oil), tree nuts (almond, walnut,
 * cashew, pecan, pistachio, hazelnut/filbert, macadamia, Brazil nut, pine
 * nut, chestnut; not coconut, which Codex does not list) and milk (milk,
 * cheese, butter, cream, yogurt, whey, casein; not the "milks" and "butters"
 * of plants, nor cream of tartar) from the description.
 *
 * Returns: a bitmask of #BzAllergen.
 */
guint  bz_food_allergens (const char *sr28_group, const char *long_desc);

/**
 * bz_allergens_to_strv:
 * @allergens: a bitmask of #BzAllergen
 *
 * Returns: (transfer full): the ids of %bz_vocab_allergen in its order (an
 *   empty vector for 0).
 */
GStrv  bz_allergens_to_strv (guint allergens);

/**
 * bz_recipe_derive_tags:
 * @traits: the OR of bz_food_traits() over the ingredients
 * @per_serving: the nutrition of one serving (kcal, g, mg)
 * @snack_only: the recipe is only a snack (meal type colacion): the protein
 *   and fiber thresholds halve, as in data/recipes/SOURCE.md
 * @total_time_min: prep_time_min + cook_time_min (min)
 *
 * Every tag of %bz_vocab_dietary_tag that holds (data/recipes/SOURCE.md):
 * vegetarian (no %BZ_FOOD_MEAT_FISH), vegan (neither that, dairy, egg nor
 * honey), gluten_free (no %BZ_FOOD_GLUTEN), no_added_sugar (no
 * %BZ_FOOD_ADDED_SUGAR), high_protein (≥ 20 g, ≥ 10 g for a snack),
 * high_fiber (≥ 8 g, ≥ 4 g for a snack), low_fat (fat × 9 kcal/g ≤ 25 % of
 * the energy, energy > 0), low_sodium (≤ 140 mg), quick (≤ 20 min).
 *
 * Returns: (transfer full): the canonical tag ids in the vocabulary's order.
 */
GStrv  bz_recipe_derive_tags (guint traits, const BzNutrients *per_serving, gboolean snack_only,
                              gint64 total_time_min);

G_END_DECLS
