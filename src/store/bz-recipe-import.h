/* bz-recipe-import.h — loads Balanza's Mexican recipe catalogue
 * (data/recipes/recipes-es-MX.json, see data/recipes/SOURCE.md) into the
 * recipe tables of data/sql/006_recipes.sql.
 *
 * The catalogue's fields become the seed's (SOURCE.md, "Format"): name ->
 * title; meal_types (English) -> meal_types in Spanish, the first one being
 * meal_type; difficulty easy/medium/hard -> facil/media/dificil; the tags
 * that bz_vocab_dietary_tag knows (vegetariano, sin gluten...) ->
 * dietary_tags as its English codes, the others (tradicional, económico...)
 * -> tags as written; instructions -> steps 1, 2, ...  Each recipe's id is
 * bz_recipe_uuid ("recipe/" + its catalogue id), so it never changes.
 *
 * Nutrition per serving: for each of energy (SR28 208), protein (203),
 * carbohydrate (205), fat (204), fiber (291) and sodium (307), the sum over
 * the ingredients of grams x value per 100 g / 100, from the panel columns of
 * `foods` (a value SR28 lacks counts as 0), divided by servings: what
 * data/recipes/check-recipes.py prints.  SMAE equivalents per serving: see
 * bz_recipe_totals_add().
 */
#pragma once

#include <gio/gio.h>

#include "bz-store.h"

G_BEGIN_DECLS

/**
 * bz_recipe_import:
 * @store: the opened store, migrated (006) and with USDA SR28 imported
 *   (bz_usda_import()): ingredients refer to its foods
 * @path: the catalogue file (e.g. bz_recipe_default_source())
 * @cancellable: (nullable): checked before the write transaction
 * @error: return location for a #GError
 *
 * Loads the catalogue once: when `recipe_import` already records the
 * file's SHA-256 this returns %TRUE at once (idempotent; one small read of
 * the file).  Otherwise, in one transaction on the calling thread's
 * connection: every recipe inserted, or replaced when the file changed (its
 * created_at, ratings and tried count kept), catalogue recipes no longer in
 * the file deleted, each change logged (table "recipes") and the file's
 * SHA-256 recorded; watchers are notified after the commit.  Any failure
 * rolls everything back.  Takes well under a second for the catalogue (88 recipes when measured; 113 now).
 *
 * Errors: G_IO_ERROR (the file cannot be read), G_IO_ERROR_CANCELLED,
 * BZ_ERROR_UNAVAILABLE (SR28 is not imported yet, or the database stays
 * locked), BZ_ERROR_INTERNAL (malformed JSON, a recipe with a missing or
 * wrong field, or an ndb_no that is not an SR28 food: the message names the
 * recipe and the field; an SQLite failure).
 *
 * Returns: %TRUE when the catalogue is loaded.
 */
gboolean  bz_recipe_import (BzStore *store, const char *path, GCancellable *cancellable, GError **error);

/**
 * bz_recipe_default_source:
 *
 * Where the catalogue is, like bz_usda_default_source_dir(): the file
 * $BALANZA_RECIPES_FILE if set; else the first `balanza/recipes/recipes-es-MX.json`
 * under the XDG system data dirs (the installed copy, see data/meson.build);
 * else `data/recipes/recipes-es-MX.json` of the source tree (BZ_SOURCE_DIR).
 *
 * Returns: (transfer full): a file path.
 */
char     *bz_recipe_default_source (void);

G_END_DECLS
