/* bz-meal-plan-service.h — manual meal plans (issue 7; seed 004, the
 * Manual Meal Plan API): drafts a nutritionist fills with recipes of
 * Balanza's catalogue, their nutrition roll-ups, and finalizing.
 *
 * Who may do what: a nutritionist writes and reads the plans of own
 * patients (bz_patients_resolve()); a member reads own plans.  A plan of
 * anyone else answers %BZ_ERROR_NOT_FOUND, as an unknown id does. */
#pragma once

#include "bz-meal-plan-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/**
 * bz_meal_plans_create:
 * @caller: (nullable): a nutritionist (%BZ_ERROR_FORBIDDEN otherwise;
 *   %NULL: %BZ_ERROR_UNAUTHENTICATED)
 * @input: a MealPlanCreate object {clientId, mealProgramId?, planDate,
 *   durationDays 1-30}
 * @error: %BZ_ERROR_VALIDATION with field details; %BZ_ERROR_NOT_FOUND
 *   when clientId is not one of the caller's patients, or for any
 *   mealProgramId (no meal programs exist yet)
 *
 * Makes a draft of durationDays days, each with the empty slots
 * bz_meal_plan_default_meals(), expiring %BZ_MEAL_PLAN_DRAFT_DAYS days
 * from now.
 *
 * Returns: (transfer full): a MealPlanDraft record; %NULL with @error.
 */
BzRecord *bz_meal_plans_create (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

/**
 * bz_meal_plans_get:
 * @caller: (nullable): the patient's nutritionist or the patient
 * @draft_id: (nullable): a draftId
 * @error: %BZ_ERROR_NOT_FOUND when no plan the caller may read has
 *   @draft_id, or it is a draft past its expiresAt
 *
 * Returns: (transfer full): a MealPlan record with its nutrition roll-ups
 *   (bz_meal_plan_roll_up()); %NULL with @error.
 */
BzRecord *bz_meal_plans_get    (BzServices *svc, const BzCaller *caller, const char *draft_id, GError **error);

/**
 * bz_meal_plans_add_recipe:
 * @input: a MealPlanAddRecipe object
 * @error: %BZ_ERROR_VALIDATION (day past durationDays, a provider other
 *   than balanza, a source other than api or cached, too many slots or
 *   recipes); %BZ_ERROR_NOT_FOUND (draft, recipe); %BZ_ERROR_FORBIDDEN
 *   (not a nutritionist); %BZ_ERROR_CONFLICT (plan no longer a draft)
 *
 * Appends the recipe to the slot mealName of day, making the slot if
 * the day has none of that name (any case).
 *
 * Returns: (transfer full): the MealPlan, as bz_meal_plans_get().
 */
BzRecord *bz_meal_plans_add_recipe    (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

/**
 * bz_meal_plans_remove_recipe:
 * @input: a MealPlanRemoveRecipe object
 * @error: as bz_meal_plans_add_recipe(); %BZ_ERROR_NOT_FOUND also when
 *   the slot (or recipeId in it) does not exist
 *
 * Removes recipeId from the slot, or all its recipes, or (removeMealSlot
 * without recipeId) the slot itself.
 *
 * Returns: (transfer full): the MealPlan, as bz_meal_plans_get().
 */
BzRecord *bz_meal_plans_remove_recipe (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

/**
 * bz_meal_plans_finalize:
 * @input: a MealPlanFinalize object {draftId, planName}
 * @error: %BZ_ERROR_VALIDATION when a slot has no recipe (detail
 *   "suggestions", "incomplete"); %BZ_ERROR_CONFLICT when the plan is not a
 *   draft; others as bz_meal_plans_add_recipe()
 *
 * Status "finalized", finalizedAt now, expiresAt null, planName set.
 *
 * Returns: (transfer full): the MealPlan, as bz_meal_plans_get().
 */
BzRecord *bz_meal_plans_finalize      (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

/**
 * bz_meal_plans_update_customizations:
 * @input: a MealPlanDraftUpdate object (action "update-customizations")
 * @error: %BZ_ERROR_VALIDATION (action, a modification's type or the
 *   fields its type needs, a unit other than grams, a newIngredient that is
 *   not an SR28 food number or food, an originalIngredient no ingredient
 *   matches); %BZ_ERROR_NOT_FOUND (plan, or recipeId not in the slot)
 *
 * Merges the modifications with the recipe's stored ones (the same type and
 * ingredients replace the old one), applies them in order to the recipe's
 * SR28 ingredients (so later ones can modify the result of earlier ones),
 * and stores them with the recipe's new nutrition per serving, which reads
 * of the plan then use.  At any status (seed 004), not on an expired draft.
 *
 * Returns: (transfer full): a PlanCustomizationResult record: the recipe's
 *   nutrition for its servings in the meal, and a step per change.
 */
BzRecord *bz_meal_plans_update_customizations (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                               GError **error);

/**
 * BZ_MEAL_PLAN_DRAFT_EXPIRY_JOB:
 *
 * The durable job (bz-jobs.h) that ends a draft at its expiresAt, with
 * payload {"draftId": ...} and the draftId as idempotency key.
 * bz_meal_plans_create() enqueues it in the transaction that inserts the
 * draft, due at expiresAt.  Its handler (%BZ_JOB_HANDLER_TRANSACTIONAL, so
 * exactly once) DELETES the plan with its slots and recipes if it is still a
 * draft whose expiresAt has passed; a finalized (or later) plan never expires
 * and is left as it is (seed 004).  Deleted rather than given a status:
 * seed 004's lifecycle has no stored "expired" state (an expired draft is
 * one that was never finalized; "archived" is the history of a plan that
 * was used), its API already answers 404 "does not exist or has expired",
 * and its performance notes ask for expired drafts to be cleaned up.
 */
#define BZ_MEAL_PLAN_DRAFT_EXPIRY_JOB "meal_plan.draft_expiry"

/**
 * bz_meal_plans_register_jobs:
 * @runner: a runner not yet started
 *
 * Registers the handler of %BZ_MEAL_PLAN_DRAFT_EXPIRY_JOB.
 */
void      bz_meal_plans_register_jobs (BzJobRunner *runner);

/**
 * bz_meal_plans_schedule_draft_expiry:
 * @out_count: (out) (optional): how many jobs were enqueued
 * @error: a database error
 *
 * Enqueues %BZ_MEAL_PLAN_DRAFT_EXPIRY_JOB for every draft that has none (the
 * drafts made before expiry was a job), in one transaction; the runtime
 * calls it at start-up.  Idempotent: a draft's job is keyed by its id, and a
 * second call finds nothing to do.
 *
 * Returns: %FALSE with @error on failure (nothing enqueued).
 */
gboolean  bz_meal_plans_schedule_draft_expiry (BzServices *svc, guint *out_count, GError **error);

G_END_DECLS
