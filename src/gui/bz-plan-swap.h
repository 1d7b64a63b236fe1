/* bz-plan-swap.h — ingredient swaps of one recipe in a meal plan (seed 004
 * update-customizations): omit an ingredient, or replace it with another
 * USDA SR28 food of the same grams. */
#pragma once

#include <adwaita.h>

#include "bz-gui-session.h"
#include "bz-resources.h"

G_BEGIN_DECLS

#define BZ_TYPE_PLAN_SWAP (bz_plan_swap_get_type ())
G_DECLARE_FINAL_TYPE (BzPlanSwap, bz_plan_swap, BZ, PLAN_SWAP, AdwWindow)

/**
 * bz_plan_swap_new:
 * @parent: the plan editor (modal over it)
 * @recipe: (transfer none): a Recipe record with its ingredients
 *   (bz_recipes_get()); referenced
 *
 * Lists the recipe's ingredients, each with Omit and Replace.  Emits
 * "modify" (const char *type: "omit" or "replace"; const char *original:
 * the ingredient's SR28 number; const char *replacement: the new food's
 * SR28 number, %NULL for omit; double grams: for the whole recipe) and
 * closes.
 *
 * Returns: (transfer none): the window, not yet presented.
 */
BzPlanSwap *bz_plan_swap_new (GtkWindow *parent, BzGuiSession *session, BzRecord *recipe);

/** bz_plan_swap_omit: omits ingredient @index, as its Omit button does. */
void        bz_plan_swap_omit (BzPlanSwap *self, guint index);

/**
 * bz_plan_swap_replace:
 * @index: the ingredient
 * @ndb_no: an SR28 food number
 * Replaces ingredient @index with @ndb_no (its grams), as choosing a food
 * in its food search does.
 */
void        bz_plan_swap_replace (BzPlanSwap *self, guint index, const char *ndb_no);

G_END_DECLS
