/* bz-integration-diet-private.h — the diet plan's side foods between the
 * store, the planning provider and the stored meal plan
 * (bz-integration-diet-sides.c); for bz-integration-diet.c only. */
#pragma once

#include <json-glib/json-glib.h>

#include "bz-diet-sides.h"
#include "bz-meal-plan-repo.h"
#include "bz-store.h"

G_BEGIN_DECLS

/**
 * BzDietSideFoods:
 * @sides: #BzDietSide, in bz_diet_side_specs()'s order, borrowing from @foods
 * @foods: NDB number -> #BzRecipeFood (the SR28 panels), owned
 */
typedef struct
{
  GArray *sides;
  GHashTable *foods;
} BzDietSideFoods;

/**
 * BzPlannedSide:
 * @day: 1 to the plan's days
 * @meal: the meal's index in the day
 * @side: index into #BzDietSideFoods.sides
 * @equivalents: whole SMAE equivalents
 *
 * One side food of one meal of a generated plan.
 */
typedef struct
{
  gint64 day;
  guint meal;
  guint side;
  guint equivalents;
} BzPlannedSide;

/**
 * bz_diet_side_foods_load:
 * Reads the panels of bz_diet_side_specs()'s foods (bz_recipe_repo_foods())
 * into @out; a food missing from the store, or whose panel cannot count in
 * its group, is left out.
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_diet_side_foods_load  (BzStore *store, BzDietSideFoods *out, GError **error);
/** bz_diet_side_foods_clear: frees what @f holds. */
void     bz_diet_side_foods_clear (BzDietSideFoods *f);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BzDietSideFoods, bz_diet_side_foods_clear)

/**
 * bz_diet_side_foods_to_request:
 * Adds the provider request's side_foods member (bz-provider-kinds.h) to @b,
 * an object being built.
 */
void     bz_diet_side_foods_to_request (const BzDietSideFoods *f, JsonBuilder *b);

/**
 * bz_diet_side_foods_check:
 * @meal: a meal of the provider's answer
 * @req: the request (the patient's restrictions)
 * @meal_type: the meal's #BzDietMealType
 * @out: (element-type BzPlannedSide): where the meal's sides go
 *
 * Checks the meal's foods (absent: none): each one of @f's, allowed for the
 * patient (bz_diet_side_allowed()), suiting the meal, 1 to
 * %BZ_DIET_SIDE_MAX_EQUIVALENTS whole equivalents, one per SMAE group, at
 * most %BZ_DIET_SLOT_MAX_SIDE_EQUIVALENTS in the meal.
 *
 * Returns: whether they keep those rules (nothing is added otherwise).
 */
gboolean bz_diet_side_foods_check (const BzDietSideFoods *f, JsonObject *meal, const BzDietRequest *req,
                                   guint meal_type, gint64 day, guint meal_index, GArray *out);

/**
 * bz_diet_side_foods_add_days:
 * Adds each planned side's nutrients (its food's own, for its grams) to
 * @days (array length = the plan's days).
 */
void     bz_diet_side_foods_add_days (const BzDietSideFoods *f, GArray *planned, BzNutrients *days);

/**
 * bz_diet_side_foods_store:
 * @plan_id: the generated plan, just inserted (same transaction)
 * @meals: its slot names, in order
 * @portions: (array length=n_portions): its recipes
 * @recipes: the Recipe records, and @diet the #BzDietRecipe, of the
 *   catalogue, in the same order
 * @planned: (element-type BzPlannedSide): the sides
 *
 * A meal plan's slot holds recipes only (meal_plan_recipes), so a meal's
 * side foods are stored as what the meal plan resource already allows: seed
 * 004's "add" ingredient modifications of the meal's recipe with the most
 * servings, their amounts for the whole recipe (grams in the meal × the
 * recipe's servings made / its servings in the meal), and the recipe's
 * nutrition and SMAE equivalents per serving after them
 * (bz_meal_plan_repo_set_customizations()), which the plan's roll-ups, its
 * document and shopping list, and the daily then read.  The side food's
 * equivalents are counted by the recipes' rule (bz_recipe_totals_add()).
 *
 * Returns: %FALSE with @error (%BZ_ERROR_INTERNAL when an amount would pass
 *   the modification's bound) on failure.
 */
gboolean bz_diet_side_foods_store (BzStore *store, const char *plan_id, const char *const *meals,
                                   const BzDietSideFoods *f, GArray *planned, const BzMealPlanPortion *portions,
                                   guint n_portions, GPtrArray *recipes, GArray *diet, const char *now,
                                   GError **error);

G_END_DECLS
