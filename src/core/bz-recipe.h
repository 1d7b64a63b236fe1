/* bz-recipe.h — the recipe domain (issue 7; seed 002 §3.3 social.recipes,
 * §4.5 recipe endpoints): the vocabularies recipes speak, a recipe's
 * nutrition and SMAE equivalents per serving from its USDA SR28
 * ingredients, the catalogue's stable ids, and the query of a recipe search.
 *
 * Spelling: the seed's recipe API speaks Spanish (meal_type "desayuno",
 * "colacion", "comida", "cena"; difficulty "facil", "media", "dificil") while
 * the meal log of seed 000 stores English meal types (bz_vocab_meal_type:
 * "breakfast"...).  Recipes store and serialize the seed's Spanish ids and
 * accept the English ones (and accents, any case) as aliases, so a client may
 * send either.  Dietary tags are the seed's English codes ("vegetarian",
 * "gluten_free", as in seed 002 §3.3 and the §4.5 example) with the Spanish
 * labels of data/recipes as aliases.
 */
#pragma once

#include "bz-limits.h"

#include "bz-nutrition.h"
#include "bz-smae.h"
#include "bz-vocab.h"

G_BEGIN_DECLS

/** bz_vocab_recipe_meal_type: desayuno, colacion, comida, cena (seed 002 §3.3 recipes.meal_type), English aliases. */
extern const BzVocab bz_vocab_recipe_meal_type;
/** bz_vocab_recipe_difficulty: facil, media, dificil (seed 002 §3.3 recipes.difficulty), English aliases. */
extern const BzVocab bz_vocab_recipe_difficulty;
/**
 * bz_vocab_dietary_tag: the dietary tags Balanza can vouch for, each with
 * the rule data/recipes/check-recipes.py verifies (data/recipes/SOURCE.md,
 * "Tags"): vegetarian, vegan, gluten_free, no_added_sugar, high_protein
 * (≥ 20 g per serving, ≥ 10 g for a snack), high_fiber (≥ 8 g, ≥ 4 g for a
 * snack), low_fat (≤ 25 % of the energy), low_sodium (≤ 140 mg per serving),
 * quick (prep + cook ≤ 20 min).  Aliases: the Spanish labels of the
 * catalogue ("vegetariano", "sin gluten", "alto en proteína"...).
 */
extern const BzVocab bz_vocab_dietary_tag;
/**
 * bz_vocab_recipe_sort: the orders of a recipe search: relevance (best
 * full-text match first; without a search the same as rating), rating
 * (rating_average, highest first, unrated last), created_at (newest first),
 * tried_count (most first), total_time (quickest first), calories (fewest
 * kcal per serving first).  Ties are broken by title.
 */
extern const BzVocab bz_vocab_recipe_sort;

/**
 * bz_vocab_moderation_status: pending, approved, rejected (seed 002 §3.3
 * recipes.moderation_status, DEFAULT 'pending').  The catalogue is approved;
 * a recipe a user posts is pending until reviewed.
 */
extern const BzVocab bz_vocab_moderation_status;

/**
 * BzRecipeSort:
 * The terms of %bz_vocab_recipe_sort, in its order.
 */
typedef enum
{
  BZ_RECIPE_SORT_RELEVANCE,
  BZ_RECIPE_SORT_RATING,
  BZ_RECIPE_SORT_CREATED_AT,
  BZ_RECIPE_SORT_TRIED_COUNT,
  BZ_RECIPE_SORT_TOTAL_TIME,
  BZ_RECIPE_SORT_CALORIES,
  BZ_RECIPE_N_SORTS
} BzRecipeSort;

/**
 * bz_recipe_sort_from_id:
 * @id: (nullable): a canonical term of %bz_vocab_recipe_sort
 * Returns: its #BzRecipeSort, or -1 when @id is not one.
 */
int         bz_recipe_sort_from_id (const char *id);

/** BZ_RECIPE_QUERY_ANY: a numeric filter of #BzRecipeQuery that is not set. */
#define BZ_RECIPE_QUERY_ANY G_MININT64

/** Bounds of #BzRecipeQuery (seed 002 §4.1 pagination; a day in minutes). */
#define BZ_RECIPE_LIMIT_MAX BZ_LIST_LIMIT_MAX
#define BZ_RECIPE_LIMIT_DEFAULT BZ_LIST_LIMIT_DEFAULT
#define BZ_RECIPE_PREP_TIME_MAX_MIN 1440
#define BZ_RECIPE_SEARCH_MAX_CHARS 200

/**
 * BzRecipeQuery:
 * @search: (nullable): free text, matched against title and description
 *   (FTS5; accents and case ignored; each word a prefix, Spanish plurals
 *   folded: "nopales" finds "nopal")
 * @meal_type: (nullable): a term of %bz_vocab_recipe_meal_type in any of
 *   its spellings; matches a recipe that fits it among its meal_types
 * @dietary_tags: (nullable) (array zero-terminated=1): terms of
 *   %bz_vocab_dietary_tag, each element possibly comma-separated
 *   ("vegan,gluten_free"); a recipe must carry all of them
 * @max_prep_time_min: the longest prep_time_min (min), or %BZ_RECIPE_QUERY_ANY
 * @difficulty: (nullable): a term of %bz_vocab_recipe_difficulty
 * @is_verified: -1 for any, 0 or 1
 * @sort_by: (nullable): a term of %bz_vocab_recipe_sort; %NULL is relevance
 *   with a search and rating without
 * @page: 1-based
 * @limit: recipes per page, 1..%BZ_RECIPE_LIMIT_MAX
 * @viewer_id: (nullable): who searches: the recipes this user wrote are
 *   found whatever their moderation status; %NULL finds published ones only
 * @viewer_sees_pending: also find every recipe still pending review (for
 *   nutritionists and admins, who review them)
 *
 * A recipe search (seed 002 §4.5 GET /recipes).  Start from
 * BZ_RECIPE_QUERY_INIT.
 */
typedef struct
{
  const char *search;
  const char *meal_type;
  const char *const *dietary_tags;
  gint64 max_prep_time_min;
  const char *difficulty;
  int is_verified;
  const char *sort_by;
  gint64 page;
  gint64 limit;
  const char *viewer_id;
  gboolean viewer_sees_pending;
} BzRecipeQuery;

#define BZ_RECIPE_QUERY_INIT { NULL, NULL, NULL, BZ_RECIPE_QUERY_ANY, NULL, -1, NULL, 1, BZ_RECIPE_LIMIT_DEFAULT, NULL, FALSE }

/**
 * BzRecipeTotals:
 * @total: the nutrients of the whole recipe (all servings)
 * @smae: (array fixed-size=BZ_SMAE_N_GROUPS): its SMAE equivalents per
 *   #BzSmaeGroup, whole recipe
 *
 * What a recipe's ingredients add up to.  Zero-initialize, then call
 * bz_recipe_totals_add() per ingredient.
 */
typedef struct
{
  BzNutrients total;
  double smae[BZ_SMAE_N_GROUPS];
} BzRecipeTotals;

/**
 * bz_recipe_totals_add:
 * @totals: the running totals
 * @sr28_group: the ingredient's SR28 food group code (FdGrp_Cd, "1100")
 * @long_desc: its SR28 Long_Desc
 * @per_100g: its panel per 100 g edible portion (a nutrient SR28 has no
 *   value for counts as 0, as data/recipes/SOURCE.md says)
 * @grams: grams of it in the whole recipe (g)
 *
 * Adds the portion's nutrients (@per_100g × @grams / 100, no cooking yield
 * or retention factor) and its SMAE equivalents: the food is classified with
 * bz_smae_classify() and counted with bz_smae_equivalents() from its group's
 * defining nutrient; a food SMAE has no group for (mixed dishes, soups,
 * alcoholic drinks) is counted with bz_smae_decompose().  Free foods
 * (spices, water) count 0.
 */
void        bz_recipe_totals_add          (BzRecipeTotals *totals, const char *sr28_group, const char *long_desc,
                                           const BzNutrients *per_100g, double grams);

/**
 * bz_recipe_totals_per_serving:
 * @totals: the whole recipe's totals
 * @servings: how many servings it makes, ≥ 1
 * @out_nutrients: (out caller-allocates): nutrients of one serving
 * @out_smae: (out caller-allocates) (array fixed-size=BZ_SMAE_N_GROUPS):
 *   equivalents of one serving per group, unrounded (clinics round to 0.5)
 *
 * Divides the totals by @servings.
 */
void        bz_recipe_totals_per_serving  (const BzRecipeTotals *totals, guint servings,
                                           BzNutrients *out_nutrients, double out_smae[BZ_SMAE_N_GROUPS]);

/**
 * BZ_RECIPE_NAMESPACE:
 * The RFC 4122 name space of Balanza's recipe ids (a random UUID, fixed
 * once for good: changing it would change every catalogue recipe's id).
 */
#define BZ_RECIPE_NAMESPACE "9b1a0323-bdc9-481c-a2b5-1f35b546ddf0"

/**
 * BZ_RECIPE_CATALOGUE_AUTHOR_ID:
 * The author id of the catalogue's recipes: Balanza itself, not a user
 * account; bz_recipe_uuid ("author/balanza").
 */
#define BZ_RECIPE_CATALOGUE_AUTHOR_ID "f0975963-b51a-557f-8c65-f25dc039b1e7"

/**
 * bz_recipe_uuid:
 * @name: the name to derive from: "recipe/" + a catalogue recipe's id
 *   ("recipe/tacos-de-pollo-con-nopales"), or "author/balanza"
 *
 * A name-based UUID (RFC 4122 §4.3, version 5: SHA-1) of @name in
 * %BZ_RECIPE_NAMESPACE, so a catalogue recipe keeps its id from one import
 * (and one machine) to the next.  Python's uuid.uuid5() gives the same.
 *
 * Returns: (transfer full): the UUID, lowercase text.
 */
char       *bz_recipe_uuid                (const char *name);

G_END_DECLS
