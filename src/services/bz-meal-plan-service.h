/* bz-meal-plan-service.h — manual meal plans (issue 7; seed 004, the
 * Manual Meal Plan API): drafts a nutritionist fills with recipes of
 * Balanza's catalogue, their nutrition roll-ups, and finalizing.
 *
 * Who may do what: a nutritionist writes and reads the plans of own
 * patients (bz_patients_resolve()); a member reads own plans.  A plan of
 * anyone else answers %BZ_ERROR_NOT_FOUND, as an unknown id does.
 *
 * The status lifecycle (seed 004 "Status Lifecycle":
 * draft -> finalized -> active -> completed -> archived).  "Today" is the
 * clinic's local date on the jobs' clock (bz_jobs_now_ms()); a plan's days
 * run from planDate to endDate - 1, endDate = planDate + durationDays.
 *
 *   - draft: made by bz_meal_plans_create(); the only status recipes can be
 *     added to or removed from.  Never finalized within
 *     %BZ_MEAL_PLAN_DRAFT_DAYS days, it expires: deleted by
 *     %BZ_MEAL_PLAN_DRAFT_EXPIRY_JOB (seed 004's "expired" is not stored).
 *   - draft -> finalized: bz_meal_plans_finalize().  The patient's other
 *     finalized plan, if any (an upcoming plan that never started), becomes
 *     archived in the same transaction: a patient has at most one upcoming
 *     plan.  The active plan is left running until the new one starts.
 *   - finalized -> active: on planDate, by %BZ_MEAL_PLAN_ACTIVATE_JOB
 *     (enqueued at finalize, due at local midnight of planDate: at once when
 *     that has passed, so finalize itself always answers "finalized" as seed
 *     004 says).  In the job's transaction, for that patient: the
 *     active plan (if any) ends — completed when its endDate is today or
 *     earlier (it ran its course), archived otherwise (superseded before its
 *     last day) — and any completed plan becomes archived.  So a patient has
 *     at most one active plan (the unique index meal_plans_one_active holds
 *     it whatever runs) and at most one completed plan: the last one that
 *     ran its course, until the next plan starts.
 *   - active -> completed: after its last day, by
 *     %BZ_MEAL_PLAN_COMPLETE_JOB, due at local midnight of endDate and
 *     enqueued when the plan becomes active.
 *   - completed -> archived: when the patient's next plan becomes active.
 *   - archived: history; nothing moves it again.
 *
 * The jobs are keyed by the plan's id (one activation and one completion
 * per plan, ever), enqueued in the transaction that makes them necessary,
 * and run with %BZ_JOB_HANDLER_TRANSACTIONAL, so their writes happen exactly
 * once; each handler checks the plan is still in the status it moves from
 * (an upcoming plan archived before its day is left alone).  A job that
 * finds its date not yet come (the clock or time zone moved) fails and is
 * retried with backoff.  Plans finalized before the lifecycle was a job get
 * their jobs at start-up (bz_meal_plans_schedule_lifecycle()).
 *
 * The patient record's active_meal_plan shows the active plan, else the
 * upcoming one (bz_meal_plan_repo_current()); GET /api/nutrition/daily's
 * "planned" shows the day of the active plan, else the upcoming or
 * completed one, that falls on the date asked for. */
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
 * Status "finalized", finalizedAt now, expiresAt null, planName set; then
 * the lifecycle above: the patient's other upcoming plan is archived and
 * the plan's activation job is enqueued (due at once when its planDate has
 * come: the plan is active a moment after this call returns).
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
 * BZ_MEAL_PLAN_ACTIVATE_JOB:
 *
 * The durable job that makes a finalized plan active on its planDate (see
 * the lifecycle above): payload {"planId": ...}, the plan's id as
 * idempotency key, due at local midnight of planDate.
 */
#define BZ_MEAL_PLAN_ACTIVATE_JOB "meal_plan.activate"

/**
 * BZ_MEAL_PLAN_COMPLETE_JOB:
 *
 * The durable job that completes an active plan after its last day:
 * payload {"planId": ...}, keyed by the plan's id, due at local midnight of
 * endDate (planDate + durationDays).
 */
#define BZ_MEAL_PLAN_COMPLETE_JOB "meal_plan.complete"

/**
 * bz_meal_plans_register_jobs:
 * @runner: a runner not yet started
 *
 * Registers the handlers of %BZ_MEAL_PLAN_DRAFT_EXPIRY_JOB and of the
 * lifecycle's jobs (bz_meal_plans_register_lifecycle_jobs()).
 */
void      bz_meal_plans_register_jobs (BzJobRunner *runner);

/**
 * bz_meal_plans_register_lifecycle_jobs:
 * @runner: a runner not yet started
 *
 * Registers only the handlers of %BZ_MEAL_PLAN_ACTIVATE_JOB and
 * %BZ_MEAL_PLAN_COMPLETE_JOB (transactional), for a runner that must not
 * expire drafts (tests).
 */
void      bz_meal_plans_register_lifecycle_jobs (BzJobRunner *runner);

/**
 * bz_meal_plans_schedule_lifecycle:
 * @out_count: (out) (optional): how many jobs were enqueued
 * @error: a database error
 *
 * Enqueues %BZ_MEAL_PLAN_ACTIVATE_JOB for every finalized plan that has
 * none and %BZ_MEAL_PLAN_COMPLETE_JOB for every active plan that has none
 * (plans finalized before the lifecycle was a job), in one transaction; a
 * date already past makes the job due at once.  Idempotent (keyed by plan
 * id).  bz_meal_plans_schedule_draft_expiry() calls it.
 *
 * Returns: %FALSE with @error on failure (nothing enqueued).
 */
gboolean  bz_meal_plans_schedule_lifecycle (BzServices *svc, guint *out_count, GError **error);

/**
 * bz_meal_plans_schedule_draft_expiry:
 * @out_count: (out) (optional): how many jobs were enqueued
 * @error: a database error
 *
 * Enqueues %BZ_MEAL_PLAN_DRAFT_EXPIRY_JOB for every draft that has none (the
 * drafts made before expiry was a job), in one transaction; the runtime
 * calls it at start-up.  Idempotent: a draft's job is keyed by its id, and a
 * second call finds nothing to do.  Then schedules the lifecycle's jobs the
 * same way (bz_meal_plans_schedule_lifecycle()); @out_count counts both.
 *
 * Returns: %FALSE with @error on failure (nothing enqueued).
 */
gboolean  bz_meal_plans_schedule_draft_expiry (BzServices *svc, guint *out_count, GError **error);

G_END_DECLS
