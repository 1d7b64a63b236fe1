/* bz-recipe-service.h — recipes (issue 7; seed 002 §4.5 GET /recipes,
 * GET /recipes/{recipe_id}, POST /recipes).  The catalogue is loaded at
 * start-up by bz_recipe_import() (data/recipes, see SOURCE.md).
 *
 * WHO SEES WHAT.  A published recipe (the catalogue; later, approved ones)
 * is seen by every signed-in user.  A recipe a user posts is pending review
 * (seed 002 §3.3 moderation_status DEFAULT 'pending', §4.5 "En revisión para
 * publicación") and is seen only by its author and by nutritionists and
 * admins, who review recipes; other members do not find it in a search, and
 * its id and photos answer 404 to them.  A rejected recipe is its author's
 * only.  Reviewing (approve/reject) has no endpoint yet. */
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
 * One page of the recipes @caller may see (published ones; their own; and
 * for nutritionists and admins those pending review) that match every filter given, in the
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
 *   %BZ_ERROR_UNAUTHENTICATED.  Who sees a pending recipe: see the top of
 *   this file
 * @recipe_id: (nullable): the recipe's id
 * @error: %BZ_ERROR_NOT_FOUND when no published recipe has @recipe_id
 *   (malformed ids included); %BZ_ERROR_INTERNAL or %BZ_ERROR_UNAVAILABLE
 *
 * Returns: (transfer full): a RecipeEnvelope record {recipe} whose recipe
 *   has its ingredients (with their SR28 descriptions), instructions,
 *   nutrition per serving and SMAE equivalents per serving; %NULL with @error.
 */
BzRecord *bz_recipes_get  (BzServices *svc, const BzCaller *caller, const char *recipe_id, GError **error);

/**
 * bz_recipes_create:
 * @caller: (nullable): who writes it: a member, nutritionist or admin (seed
 *   002 §3.3 author_type); %NULL fails with %BZ_ERROR_UNAUTHENTICATED
 * @input: (nullable) (transfer none): the recipe as JSON, as a Recipe
 *   without its read-only members: title, description, meal_type,
 *   cuisine_type, dietary_tags, tags, difficulty, prep_time_min,
 *   cook_time_min, servings, ingredients [{ndb_no, grams, text?}] and
 *   instructions [string or {instruction}].  Modified in place: steps given
 *   as strings become objects, the seed's step_number, photo_url and
 *   duration_min are dropped, an ingredient without text gets "N g"
 * @photos: (nullable) (element-type GBytes): the photos as uploaded, main
 *   photo first, at most %BZ_RECIPE_MAX_PHOTOS
 * @error: %BZ_ERROR_VALIDATION with a detail per fault: those of
 *   bz_resource_parse() on the Recipe declaration (field paths such as
 *   "ingredients[2].grams"), "ingredients"/"instructions" "required" when
 *   empty, "ingredients[i].ndb_no" "unknown_food", "dietary_tags"
 *   "invalid_choice" (not a tag) or "does_not_hold", "files"
 *   "too_many_items", "files[i]" "required" (empty part); then the errors of
 *   bz_photo_prepare() for "files[i]" (413 too large or too many pixels, 415
 *   not JPEG/PNG, truncated or corrupt); %BZ_ERROR_INTERNAL or UNAVAILABLE.
 *   Nothing is stored unless it succeeds.
 *
 * Creates a recipe pending review.  Its nutrition per serving and SMAE
 * equivalents per serving are computed from the ingredients' USDA SR28
 * panels as the catalogue's are (bz_recipe_totals_add(); never taken from
 * the request); its dietary_tags are every tag that holds for them
 * (bz_recipe_derive_tags(), data/recipes/SOURCE.md), and a tag the author
 * names must be one of those; its allergens are read from the ingredients
 * on every read (bz_food_allergens()).  The photos are checked and get a
 * display copy (bz_photo_prepare()); both are stored in the blob store.
 *
 * Returns: (transfer full): a RecipeCreated record {recipe, moderation_status
 *   "pending"}, the recipe as its author sees it; %NULL with @error.
 */
BzRecord *bz_recipes_create (BzServices *svc, const BzCaller *caller, JsonObject *input, GPtrArray *photos,
                             GError **error);

/**
 * bz_recipes_get_photo:
 * @recipe_id: (nullable): the recipe
 * @position: (nullable): "0" for the main photo, "1"... (path text)
 * @original: the photo as uploaded instead of its display copy (≤ 1280 px, no EXIF)
 * @out_mime_type: (out) (transfer full): "image/jpeg" or "image/png"
 * @out_etag: (out) (optional) (transfer full): the blob's SHA-256
 * @error: %BZ_ERROR_NOT_FOUND unless @caller may see the recipe (see the
 *   top of this file) and it has that photo
 *
 * Returns: (transfer full): the bytes, checked against their hash; %NULL with @error.
 */
GBytes   *bz_recipes_get_photo (BzServices *svc, const BzCaller *caller, const char *recipe_id, const char *position,
                                gboolean original, char **out_mime_type, char **out_etag, GError **error);

G_END_DECLS
