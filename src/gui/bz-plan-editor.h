/* bz-plan-editor.h — the meal-plan editor at the desk (issue 7): a patient's
 * plan as a grid of days x meal slots, recipes from a search, servings,
 * each day's kcal, macronutrients and SMAE equivalents against the
 * patient's targets, NOM-051 seals, undo, and finalize. */
#pragma once

#include <adwaita.h>

#include "bz-gui-session.h"
#include "bz-plan-swap.h"
#include "bz-recipe-search.h"

G_BEGIN_DECLS

#define BZ_TYPE_PLAN_EDITOR (bz_plan_editor_get_type ())
G_DECLARE_FINAL_TYPE (BzPlanEditor, bz_plan_editor, BZ, PLAN_EDITOR, AdwWindow)

/**
 * bz_plan_editor_new:
 * @parent: (nullable): the transient parent (the workstation window)
 * @session: the signed-in nutritionist's session
 * @patient_id: one of the nutritionist's patients
 * @patient_name: (nullable): shown in the title
 *
 * Loads the patient's plans (bz_meal_plans_list_for_patient_async()) and
 * daily targets (bz_meals_get_daily_async()), then opens the newest draft,
 * else the current (finalized or active) plan, else offers to create one
 * (start date today, 7 days).
 *
 * Returns: (transfer none): the editor, not yet presented; it is destroyed
 *   when closed.
 */
BzPlanEditor *bz_plan_editor_new (GtkWindow *parent, BzGuiSession *session, const char *patient_id,
                                  const char *patient_name);

/* For tests and the keyboard: what the widgets do. */

/** bz_plan_editor_is_busy: Returns: %TRUE while a load or a change is under way (or queued). */
gboolean    bz_plan_editor_is_busy (BzPlanEditor *self);
/** bz_plan_editor_get_state: Returns: the page shown: "loading", "start", "plan" or "error". */
const char *bz_plan_editor_get_state (BzPlanEditor *self);
/**
 * bz_plan_editor_create:
 * @start_date: YYYY-MM-DD, day 1
 * @days: 1 to 30
 * Creates a draft as the start page's Create button does, and opens it.
 */
void        bz_plan_editor_create (BzPlanEditor *self, const char *start_date, guint days);
/** bz_plan_editor_get_plan: Returns: (transfer none) (nullable): the MealPlan record shown. */
BzRecord   *bz_plan_editor_get_plan (BzPlanEditor *self);
/**
 * bz_plan_editor_open_search:
 * @day: 1 to durationDays
 * @meal_name: a slot of that day
 * Opens the recipe search for the slot, as its "Add recipe" button does.
 * Returns: (transfer none): the search window.
 */
BzRecipeSearch *bz_plan_editor_open_search (BzPlanEditor *self, guint day, const char *meal_name);
/**
 * bz_plan_editor_open_swap:
 * @day: 1 to durationDays
 * @meal_name: a slot of that day
 * @recipe_id: a recipe of the slot
 * Opens the ingredient swaps of the recipe, as its Ingredients button does.
 * Returns: (transfer none) (nullable): the window; %NULL when the plan is not
 *   a draft or the recipe is not known.
 */
BzPlanSwap *bz_plan_editor_open_swap (BzPlanEditor *self, guint day, const char *meal_name, const char *recipe_id);
/** bz_plan_editor_get_day_total_text: Returns: (transfer none): the kcal line of @day's totals as shown. */
const char *bz_plan_editor_get_day_total_text (BzPlanEditor *self, guint day);
/** bz_plan_editor_get_finalize_hint: Returns: (transfer none): why Finalize is off, or "" when it is on. */
const char *bz_plan_editor_get_finalize_hint (BzPlanEditor *self);
/** bz_plan_editor_dismiss_toast: hides the last toast, if still shown. */
void        bz_plan_editor_dismiss_toast (BzPlanEditor *self);
/** bz_plan_editor_finalize: finalizes with @plan_name, as the Finalize dialog does. */
void        bz_plan_editor_finalize (BzPlanEditor *self, const char *plan_name);

G_END_DECLS
