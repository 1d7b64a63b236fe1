/* bz-ai-meal-plan-service.h — seed 002 §4.7 POST /api/v1/ai/generate-meal-plan
 * and §6.7's meal plan generator (issue 11): a plan from the diet planning
 * service of POST /api/integrations/diet-plans, with a shopping list and a
 * cost estimate in MXN. */
#pragma once

#include "bz-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/**
 * bz_ai_generate_meal_plan:
 * @svc: the service layer
 * @caller: a nutritionist (for one of own patients) or a member (for self)
 * @input: an AiMealPlanRequest object (bz-ai-meal-plan-resources.h):
 *   patient_id, duration_days (1-14, default 7), meals_per_day (3-6,
 *   default 5), calories_target (800-6000 kcal), dietary_preferences (at
 *   most one preference), exclude_foods, budget_level
 * @error: %BZ_ERROR_UNAUTHENTICATED; %BZ_ERROR_FORBIDDEN (an admin);
 *   %BZ_ERROR_VALIDATION with field details under the request's names
 *   ("duration_days", "dietary_preferences" with issue "conflicting" for
 *   two preferences, "exclude_foods[i]" for a blank or too long entry, and
 *   "recipes"/"unsatisfiable" when the catalogue cannot make the plan);
 *   %BZ_ERROR_NOT_FOUND (not the caller's patient); %BZ_ERROR_CONFLICT (no
 *   body scan, no nutritionist); %BZ_ERROR_UPSTREAM, %BZ_ERROR_UNAVAILABLE
 *   (the planning service): as bz_integrations_generate_diet_plan()
 *
 * Makes the plan with bz_integrations_generate_diet_plan() (the same
 * planner, checks and storage: a finalized meal plan, active from today)
 * and describes it as seed 002 does: per day, each recipe of each meal
 * with a suggested time, portions, nutrients (the recipe's per serving ×
 * portions) and SMAE equivalents, and the day's totals; a summary against
 * the targets; the shopping list (each SR28 food of the plan's recipes
 * once: Σ over the plan of its grams in the recipe / the recipe's servings
 * × portions, with the Mexican purchase unit and quantity where the price
 * table has them); and the cost: each food's grams / 1000 × its MXN per kg
 * from data/prices/food-prices-mx.tsv (estimates, bz-food-prices.h),
 * rounded to the centavo and summed.  Foods without a price are listed in
 * missing_prices and left out of the sum, never guessed.  Blocking (the
 * planner): call on a worker thread.
 *
 * Returns: (transfer full): an AiMealPlanResult record; %NULL with @error
 *   (nothing stored).
 */
BzRecord *bz_ai_generate_meal_plan (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

G_END_DECLS
