/* bz-recipe-repo.h — the recipe aggregate's SQL: recipes, recipe_ingredients,
 * recipe_steps and the recipes_fts index (data/sql/006_recipes.sql), read
 * as #BzRecord of bz_recipe_resource (src/core/bz-recipe-resources.h). */
#pragma once

#include "bz-recipe-resources.h"
#include "bz-store.h"

G_BEGIN_DECLS

/**
 * bz_recipe_repo_find:
 * @query: a query whose terms are already canonical (meal_type "comida",
 *   difficulty "facil", dietary_tags one id per element, sort_by a term of
 *   %bz_vocab_recipe_sort or %NULL) and in range (the service checks)
 * @out: (out) (transfer full): the page's Recipe records, each with its
 *   ingredients (instructions absent)
 * @out_total: (out): how many published recipes match
 * @error: BZ_ERROR_INTERNAL or UNAVAILABLE on a database error
 *
 * One page of published recipes.  @query->search becomes an FTS5 query over
 * title and description: its words, accents and case folded, Spanish stop
 * words ("de", "con") skipped, each a prefix term, and a word in Spanish
 * plural also matches its singular ("nopales" finds "nopal", "frijoles"
 * "frijol"), all ANDed; every piece of user text stays inside quotes, so no
 * FTS5 syntax reaches the query.  Text without a word searches nothing (all
 * recipes match).
 *
 * Three statements whatever the page size: the count, the page, and the
 * page's ingredients.
 *
 * Returns: %FALSE with @error on failure.
 */
gboolean  bz_recipe_repo_find (BzStore *store, const BzRecipeQuery *query,
                               GPtrArray **out, gint64 *out_total, GError **error);

/**
 * bz_recipe_repo_get:
 * @id: a recipe id (any text)
 *
 * Three statements: the recipe, its ingredients, its steps.
 *
 * Returns: (transfer full) (nullable): the published Recipe @id with its
 *   ingredients and instructions, or %NULL, without error when there is
 *   none, with @error on a database error.
 */
BzRecord *bz_recipe_repo_get  (BzStore *store, const char *id, GError **error);

/**
 * bz_recipe_repo_get_visible:
 * @id: a recipe id (any text)
 * @viewer_id: (nullable): who asks: their own recipes are found whatever
 *   their moderation status
 * @sees_pending: also find a recipe pending review (nutritionists, admins)
 *
 * bz_recipe_repo_get() (which is this with no viewer: published only) for
 * a caller who may see more.
 *
 * Returns: (transfer full) (nullable): the Recipe, %NULL when none is
 *   visible (without error) or on a database error (with @error).
 */
BzRecord *bz_recipe_repo_get_visible (BzStore *store, const char *id, const char *viewer_id,
                                      gboolean sees_pending, GError **error);

/**
 * bz_recipe_repo_set_photo_urls:
 * @recipe: a Recipe record with its id set
 * @n_photos: how many photos it has
 *
 * Sets main_photo_url ("/api/v1/recipes/{id}/photos/0", null without
 * photos) and gallery_photos (one URL per photo, in order).
 */
void      bz_recipe_repo_set_photo_urls (BzRecord *recipe, guint n_photos);

/* --- Recipes users write (bz-recipe-repo-user.c) ----------------------------- */

/**
 * BzRecipePhotoRow:
 * @sha256: the original's blob (already stored with bz_blob_put())
 * @display_sha256: the display copy's blob
 * @width: the original's width (pixels)
 * @height: the original's height (pixels)
 */
typedef struct
{
  const char *sha256;
  const char *display_sha256;
  guint width;
  guint height;
} BzRecipePhotoRow;

/**
 * bz_recipe_repo_insert_user:
 * @recipe: a valid Recipe record with id, title, description, meal_type,
 *   cuisine_type, dietary_tags, tags, difficulty, prep_time_min,
 *   cook_time_min, servings, nutrition_per_serving,
 *   smae_equivalents_per_serving, ingredients {ndb_no, grams, text} and
 *   instructions
 * @author_id: the user who wrote it
 * @photos: (array length=n_photos): its photos, main photo first
 * @now: "YYYY-MM-DDTHH:MM:SSZ"
 *
 * Inserts a user's recipe, not verified, not published and pending review,
 * with its ingredients, steps and photos, and logs the change, inside the
 * caller's transaction.
 *
 * Returns: %FALSE with @error (CONFLICT: an unknown ndb_no; INTERNAL).
 */
gboolean  bz_recipe_repo_insert_user (BzStore *store, BzRecord *recipe, const char *author_id,
                                      const BzRecipePhotoRow *photos, guint n_photos, const char *now,
                                      GError **error);

/**
 * bz_recipe_repo_photo:
 * @recipe_id: the recipe
 * @position: 0 for the main photo
 * @original: the original's blob instead of the display copy's
 * @viewer_id: (nullable): as bz_recipe_repo_get_visible()
 * @sees_pending: as bz_recipe_repo_get_visible()
 * @out_sha256: (out) (transfer full) (nullable): the blob, %NULL when the
 *   recipe is not visible to the viewer or has no such photo
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_recipe_repo_photo (BzStore *store, const char *recipe_id, guint position, gboolean original,
                                const char *viewer_id, gboolean sees_pending, char **out_sha256, GError **error);

/* --- Writes (the catalogue importer, bz-recipe-import.c) -------------------- */

/**
 * BzRecipeFood:
 * @food_group: SR28 FdGrp_Cd
 * @long_desc: SR28 Long_Desc
 * @per_100g: the panel columns of `foods` (NULL values as 0)
 *
 * What a recipe's nutrition needs of one SR28 food.
 */
typedef struct
{
  char *food_group;
  char *long_desc;
  BzNutrients per_100g;
} BzRecipeFood;

void      bz_recipe_food_free (BzRecipeFood *food);

/**
 * bz_recipe_repo_foods:
 * @ndb_nos: (array zero-terminated=1): SR28 numbers
 * @out: (out) (transfer full): ndb_no -> #BzRecipeFood for each that exists
 *
 * One statement whatever the number of foods.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_recipe_repo_foods (BzStore *store, const char *const *ndb_nos, GHashTable **out, GError **error);

/**
 * bz_recipe_repo_catalogue_ids:
 * @out: (out) (transfer full): the ids (UUID text) of the catalogue recipes stored
 */
gboolean  bz_recipe_repo_catalogue_ids (BzStore *store, GHashTable **out, GError **error);

/**
 * bz_recipe_repo_put_catalogue:
 * @recipe: a Recipe record with id, title, description, meal_type,
 *   meal_types, cuisine_type, dietary_tags, tags, difficulty, prep_time_min,
 *   cook_time_min, servings, nutrition_per_serving,
 *   smae_equivalents_per_serving, ingredients {ndb_no, grams, text} and
 *   instructions
 * @catalogue_id: its data/recipes id
 * @now: "YYYY-MM-DDTHH:MM:SSZ": created_at of a new recipe, updated_at of all
 * @inserted: whether @recipe is new (for the change log)
 *
 * Inserts or replaces a catalogue recipe (author NULL: Balanza; verified,
 * published), its ingredients and its steps, and logs the change, inside
 * the caller's transaction.  A replaced recipe keeps its created_at,
 * ratings and tried count.
 *
 * Returns: %FALSE with @error (CONFLICT: an unknown ndb_no; INTERNAL).
 */
gboolean  bz_recipe_repo_put_catalogue (BzStore *store, BzRecord *recipe, const char *catalogue_id,
                                        const char *now, gboolean inserted, GError **error);

/**
 * bz_recipe_repo_delete_catalogue_except:
 * @keep: the ids to keep
 * @out_deleted: (out) (transfer full): the ids of the catalogue recipes
 *   deleted (no longer in the catalogue file)
 *
 * Inside the caller's transaction; logs each deletion.
 */
gboolean  bz_recipe_repo_delete_catalogue_except (BzStore *store, GHashTable *keep, GPtrArray **out_deleted,
                                                  GError **error);

/**
 * bz_recipe_repo_import_sha256:
 * @file: "recipes-es-MX.json"
 * @out_sha256: (out) (transfer full) (nullable): the hex SHA-256 recorded
 *   for @file, %NULL when it was never imported
 */
gboolean  bz_recipe_repo_import_sha256 (BzStore *store, const char *file, char **out_sha256, GError **error);

/** bz_recipe_repo_record_import: records that @file (@sha256, @rows recipes) is loaded, in the caller's transaction. */
gboolean  bz_recipe_repo_record_import (BzStore *store, const char *file, const char *sha256, guint rows,
                                        const char *now, GError **error);

/** bz_recipe_repo_count: Returns: how many recipes are stored (-1 with @error on failure). */
gint64    bz_recipe_repo_count (BzStore *store, GError **error);

G_END_DECLS
