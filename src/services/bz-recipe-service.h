/* bz-recipe-service.h — recipes, read side (issue 7; seed 002 §4.5
 * GET /recipes and GET /recipes/{recipe_id}).  The catalogue is loaded at
 * start-up by bz_recipe_import() (data/recipes, see SOURCE.md).
 *
 * Writing recipes (seed 002 §4.5 POST /recipes, multipart with photos, and
 * its moderation) is not served yet. */
#pragma once

#include "bz-recipe-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/**
 * bz_recipes_find:
 * @caller: (nullable): who asks: any signed-in user (member, nutritionist,
 *   admin); %NULL fails with %BZ_ERROR_UNAUTHENTICATED
 * @query: the search; see #BzRecipeQuery for each filter.  Meal type,
 *   difficulty, dietary tags and sort_by are accepted in any of their
 *   vocabulary's spellings (Spanish or English, any case, with or without
 *   accents)
 * @error: %BZ_ERROR_VALIDATION with one detail per bad parameter:
 *   "meal_type", "difficulty", "dietary_tags", "sort_by" ("invalid_choice"),
 *   "page", "limit", "max_prep_time_min" ("out_of_range": page ≥ 1, limit
 *   1..%BZ_RECIPE_LIMIT_MAX, max_prep_time_min 0..%BZ_RECIPE_PREP_TIME_MAX_MIN
 *   min), "search" ("too_long": over %BZ_RECIPE_SEARCH_MAX_CHARS characters);
 *   %BZ_ERROR_INTERNAL or %BZ_ERROR_UNAVAILABLE on a database error
 *
 * One page of the published recipes that match every filter given, in the
 * order of @query->sort_by (bz_vocab_recipe_sort).  Each recipe carries its
 * ingredients, not its steps.  Three statements whatever the page size.
 *
 * Returns: (transfer full): a RecipeList record {recipes, pagination},
 *   pagination.total_items counting every match; %NULL with @error.
 */
BzRecord *bz_recipes_find (BzServices *svc, const BzCaller *caller, const BzRecipeQuery *query, GError **error);

/**
 * bz_recipes_get:
 * @caller: (nullable): any signed-in user; %NULL fails with
 *   %BZ_ERROR_UNAUTHENTICATED
 * @recipe_id: (nullable): the recipe's id
 * @error: %BZ_ERROR_NOT_FOUND when no published recipe has @recipe_id
 *   (malformed ids included); %BZ_ERROR_INTERNAL or %BZ_ERROR_UNAVAILABLE
 *
 * Returns: (transfer full): a RecipeEnvelope record {recipe} whose recipe
 *   has its ingredients (with their SR28 descriptions), instructions,
 *   nutrition per serving and SMAE equivalents per serving; %NULL with @error.
 */
BzRecord *bz_recipes_get  (BzServices *svc, const BzCaller *caller, const char *recipe_id, GError **error);

G_END_DECLS
