/* bz-recipe-search.h — pick a recipe of Balanza's catalogue for a meal slot:
 * search (title and description), meal type, servings; each result with
 * its photo (or a placeholder), meal type, kcal per serving and NOM-051
 * seals. */
#pragma once

#include <adwaita.h>

#include "bz-gui-session.h"

G_BEGIN_DECLS

#define BZ_TYPE_RECIPE_SEARCH (bz_recipe_search_get_type ())
G_DECLARE_FINAL_TYPE (BzRecipeSearch, bz_recipe_search, BZ, RECIPE_SEARCH, AdwWindow)

/**
 * bz_recipe_search_new:
 * @parent: the plan editor (modal over it)
 * @meal_type: (nullable): the slot's recipe meal type ("desayuno",
 *   "colacion", "comida", "cena"), the filter it starts with
 * @subtitle: (nullable): what the recipe is for ("Breakfast · day 1")
 *
 * Emits "chosen" (BzRecord *recipe: a Recipe record, transfer none; double
 * servings 0.1-20) when a result is activated, then closes.
 */
BzRecipeSearch *bz_recipe_search_new (GtkWindow *parent, BzGuiSession *session, const char *meal_type,
                                      const char *subtitle);

/** bz_recipe_search_set_text: types @text into the search entry. */
void     bz_recipe_search_set_text      (BzRecipeSearch *self, const char *text);
/** bz_recipe_search_is_busy: Returns: %TRUE while a search is under way. */
gboolean bz_recipe_search_is_busy       (BzRecipeSearch *self);
/** bz_recipe_search_get_n_results: Returns: recipes shown. */
guint    bz_recipe_search_get_n_results (BzRecipeSearch *self);
/** bz_recipe_search_result_photo_shown: Returns: %TRUE once result @index shows its recipe's photo. */
gboolean bz_recipe_search_result_photo_shown (BzRecipeSearch *self, guint index);
/** bz_recipe_search_choose: chooses result @index, as activating its row does. */
void     bz_recipe_search_choose        (BzRecipeSearch *self, guint index);

G_END_DECLS
