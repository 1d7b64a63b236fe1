/* bz-meal-plan-repo.h — the meal plan aggregate's SQL: meal_plans,
 * meal_plan_slots and meal_plan_recipes (data/sql/007_meal_plans.sql).
 * Writes run in the caller's transaction (bz_store_begin()). */
#pragma once

#include "bz-meal-plan-resources.h"
#include "bz-resources.h"
#include "bz-store.h"

G_BEGIN_DECLS

/**
 * BzMealPlanNew:
 * What a new draft is made of: its draftId, patient (patients.id),
 * nutritionist (users.id), day 1 (YYYY-MM-DD), days (1-30), and the times
 * (ISO 8601 UTC) it was made and expires.
 */
typedef struct
{
  const char *id;
  const char *patient_id;
  const char *nutritionist_id;
  const char *plan_date;
  gint64 duration_days;
  const char *now;
  const char *expires_at;
} BzMealPlanNew;

/**
 * bz_meal_plan_repo_insert:
 * @plan: the draft
 * @meals: the slot names every day gets, in order
 * @error: %BZ_ERROR_CONFLICT when @plan->id is taken; %BZ_ERROR_INTERNAL
 *
 * Inserts a draft with @meals as the empty slots of each of its days.
 *
 * Returns: %FALSE with @error on failure.
 */
gboolean  bz_meal_plan_repo_insert (BzStore *store, const BzMealPlanNew *plan, const char *const *meals,
                                    GError **error);

/**
 * bz_meal_plan_repo_get:
 * @id: a draftId
 * @error: %BZ_ERROR_INTERNAL or %BZ_ERROR_UNAVAILABLE
 *
 * Reads a plan in three statements: the plan, its slots, their recipes
 * (each with its title and per-serving nutrition and SMAE equivalents x
 * servings).  Nutrition
 * roll-ups are not computed (bz_meal_plan_roll_up()).
 *
 * Returns: (transfer full) (nullable): a MealPlan record; %NULL without
 *   @error when no plan has @id.
 */
BzRecord *bz_meal_plan_repo_get (BzStore *store, const char *id, GError **error);

/**
 * bz_meal_plan_repo_add_recipe:
 * @meal_key: bz_meal_plan_meal_key() of @meal_name
 * @meal_name: the slot's name if it has to be made (after the day's others)
 * @recipe_id: a recipes.id
 * @servings: 0.1 to 20
 * @now: ISO 8601 UTC, the plan's new updatedAt
 *
 * Appends @recipe_id to the slot, creating the slot if the day lacks it.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_meal_plan_repo_add_recipe (BzStore *store, const char *plan_id, gint64 day, const char *meal_key,
                                        const char *meal_name, const char *recipe_id, double servings,
                                        const char *now, GError **error);

/**
 * bz_meal_plan_repo_remove:
 * @recipe_id: (nullable): the recipe to remove (every time it is in the
 *   slot); %NULL for all of them
 * @remove_slot: remove the slot itself (with its recipes)
 * @out_found: (out): whether the slot (and @recipe_id in it, if given) existed
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_meal_plan_repo_remove (BzStore *store, const char *plan_id, gint64 day, const char *meal_key,
                                    const char *recipe_id, gboolean remove_slot, const char *now,
                                    gboolean *out_found, GError **error);

/**
 * bz_meal_plan_repo_empty_slots:
 * Returns: how many slots of the plan have no recipe (-1 with @error).
 */
gint64    bz_meal_plan_repo_empty_slots (BzStore *store, const char *plan_id, GError **error);

/**
 * bz_meal_plan_repo_day_for_date:
 * @patient_id: a patient's id
 * @date: YYYY-MM-DD, the clinic's local date
 * @out: (out) (transfer full) (nullable): a DailyPlan record: the day of the
 *   patient's plan that falls on @date, its slots with their recipes (each
 *   with its nutrition and SMAE equivalents for its servings; totalNutrition
 *   and totals are not computed: bz_plan_day_roll_up()); %NULL when no plan
 *   covers @date
 *
 * The plan is the patient's active one if its days cover @date, else the
 * upcoming (finalized) one, else the last completed one; archived plans and
 * drafts are never shown.  Three statements whatever the plan's size: the
 * plan, that day's slots, their recipes.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_meal_plan_repo_day_for_date (BzStore *store, const char *patient_id, const char *date, BzRecord **out,
                                          GError **error);

/**
 * bz_meal_plan_repo_current:
 * @patient_id: a patient's id
 * @out: (out) (transfer full) (nullable): a MealPlanSummary record of the
 *   patient's current plan: the active one, else the upcoming (finalized)
 *   one (at most one of each: meal_plans_one_active, meal_plans_one_upcoming
 *   in data/sql/011_meal_plan_lifecycle.sql); %NULL when there is none
 *
 * Returns: %FALSE with @error (BZ_ERROR_INTERNAL, UNAVAILABLE) on a database error.
 */
gboolean  bz_meal_plan_repo_current (BzStore *store, const char *patient_id, BzRecord **out, GError **error);

/**
 * bz_meal_plan_repo_finalize:
 * @plan_name: the plan's name
 *
 * Sets status "finalized", finalized_at and updated_at to @now and
 * expires_at to NULL, for a plan still in "draft"; it becomes the patient's
 * one upcoming plan: any other "finalized" plan of @patient_id (one that
 * never started) becomes "archived" first.  The active plan is left alone
 * (bz_meal_plan_repo_activate() ends it).  In bz-meal-plan-repo-lifecycle.c.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_meal_plan_repo_finalize (BzStore *store, const char *plan_id, const char *patient_id,
                                      const char *plan_name, const char *now, GError **error);

/**
 * BzPlanTransition:
 * @BZ_PLAN_TRANSITION_DONE: the plan moved
 * @BZ_PLAN_TRANSITION_NOT_APPLICABLE: nothing to do: no such plan, or it is
 *   no longer in the status the transition starts from (already moved, or
 *   superseded)
 * @BZ_PLAN_TRANSITION_NOT_YET: the plan is in that status but its date has
 *   not come (a job run early: retry later)
 */
typedef enum
{
  BZ_PLAN_TRANSITION_DONE,
  BZ_PLAN_TRANSITION_NOT_APPLICABLE,
  BZ_PLAN_TRANSITION_NOT_YET,
} BzPlanTransition;

/**
 * bz_meal_plan_repo_activate:
 * @today: YYYY-MM-DD, the clinic's local date now
 * @now: ISO 8601 UTC, the updated_at of the plans that change
 * @out: (out): what happened
 * @out_end_date: (out) (optional) (transfer full) (nullable): when done, the
 *   plan's end date (planDate + durationDays, the day after its last)
 *
 * finalized -> active, when @plan_id is "finalized" and its planDate is on
 * or before @today.  First, for the same patient: any "completed" plan
 * becomes "archived", and the "active" plan (if any) becomes "completed"
 * when its end date is on or before @today (it ran its course) or
 * "archived" otherwise (cut short).  Each change is logged in `changes`.
 * Runs in the caller's transaction; check-then-act, so running it twice
 * does what running it once does.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_meal_plan_repo_activate (BzStore *store, const char *plan_id, const char *today, const char *now,
                                      BzPlanTransition *out, char **out_end_date, GError **error);

/**
 * bz_meal_plan_repo_complete:
 * @today: YYYY-MM-DD, the clinic's local date now
 * @out: (out): what happened
 *
 * active -> completed, when @plan_id is "active" and its end date
 * (planDate + durationDays) is on or before @today.  Logged in `changes`;
 * in the caller's transaction; idempotent.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_meal_plan_repo_complete (BzStore *store, const char *plan_id, const char *today, const char *now,
                                      BzPlanTransition *out, GError **error);

/**
 * bz_meal_plan_repo_list_unscheduled_lifecycle:
 * @activate_kind: the activation job's kind
 * @complete_kind: the completion job's kind
 * @out_ids: (out) (transfer full): plans without the job they wait for:
 *   "finalized" ones without a job of @activate_kind keyed by their id,
 *   "active" ones without one of @complete_kind
 * @out_kinds: (out) (transfer full): the kind each needs
 * @out_dates: (out) (transfer full): the local date it is due: the planDate
 *   to activate, the end date (planDate + durationDays) to complete
 *
 * For start-up: the plans finalized before the lifecycle was a job.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_meal_plan_repo_list_unscheduled_lifecycle (BzStore *store, const char *activate_kind,
                                                        const char *complete_kind, char ***out_ids,
                                                        char ***out_kinds, char ***out_dates, GError **error);

/**
 * bz_meal_plan_repo_get_customizations:
 * @out_found: (out): whether the slot has @recipe_id
 * @out_modifications: (out) (transfer full) (nullable): its stored
 *   modifications (a JSON array as text), %NULL when unmodified
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_meal_plan_repo_get_customizations (BzStore *store, const char *plan_id, gint64 day, const char *meal_key,
                                                const char *recipe_id, gboolean *out_found, char **out_modifications,
                                                GError **error);

/**
 * bz_meal_plan_repo_set_customizations:
 * @modifications: the merged modifications, a JSON array as text
 * @per_serving: the recipe's nutrition and SMAE equivalents per serving
 *   after them
 *
 * Stores both for every time @recipe_id is in the slot; reads of the plan
 * then use @per_serving instead of the recipe's own.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_meal_plan_repo_set_customizations (BzStore *store, const char *plan_id, gint64 day, const char *meal_key,
                                                const char *recipe_id, const char *modifications,
                                                const BzPlanTotals *per_serving, const char *now, GError **error);

/**
 * bz_meal_plan_repo_delete_expired_draft:
 * @plan_id: a draftId
 * @now: ISO 8601 UTC, as expires_at is written ("YYYY-MM-DDTHH:MM:SSZ")
 * @out_deleted: (out): whether the plan was deleted
 *
 * Deletes the plan, its slots and their recipes (ON DELETE CASCADE) when it
 * is still a draft whose expires_at is at or before @now, and logs the
 * deletion in `changes`; any other plan (finalized or later, a draft not yet
 * expired, none) is left as it is and @out_deleted is %FALSE.  Runs in the
 * caller's transaction: the draft expiry job's (bz-meal-plan-service.h).
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_meal_plan_repo_delete_expired_draft (BzStore *store, const char *plan_id, const char *now,
                                                  gboolean *out_deleted, GError **error);

/**
 * bz_meal_plan_repo_list_unscheduled_drafts:
 * @job_kind: the draft expiry job's kind
 * @out_ids: (out) (transfer full): the drafts that have no job of
 *   @job_kind keyed by their id, in id order
 * @out_expires: (out) (transfer full): their expires_at, in the same order
 *
 * The drafts made before their expiry became a job (or whose job was lost),
 * so that start-up can enqueue it.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_meal_plan_repo_list_unscheduled_drafts (BzStore *store, const char *job_kind, char ***out_ids,
                                                     char ***out_expires, GError **error);

/* --- Generated plans (issue 11; bz-meal-plan-repo-generated.c) ------------------- */

/**
 * BzMealPlanPortion:
 * @day: 1 to the plan's days
 * @meal: index into the slot names given with it
 * @recipe_id: a recipes.id
 * @servings: 0.5 to 20
 *
 * One recipe of one meal of a generated plan.
 */
typedef struct
{
  gint64 day;
  guint meal;
  const char *recipe_id;
  double servings;
} BzMealPlanPortion;

/**
 * bz_meal_plan_repo_insert_generated:
 * @plan: the plan's row (@plan->expires_at is ignored: stored NULL)
 * @meals: the slot names every day gets, in order
 * @portions: (array length=n_portions): the recipes, in each slot's order
 * @error: %BZ_ERROR_CONFLICT when @plan->id is taken; %BZ_ERROR_INTERNAL
 *
 * Inserts a draft whose creation_method is 'auto_generated', its slots and
 * their recipes, and logs it (bz_meal_plan_repo_finalize() moves it on, in
 * the same transaction).
 *
 * Returns: %FALSE with @error on failure.
 */
gboolean  bz_meal_plan_repo_insert_generated (BzStore *store, const BzMealPlanNew *plan, const char *const *meals,
                                              const BzMealPlanPortion *portions, guint n_portions, GError **error);

/**
 * BzPlannerProfile:
 * What the diet planner reads of a patient besides the latest scan: the
 * allergies and food restrictions (JSON arrays of text, as stored), the
 * dietary preference (nullable) and the assigned nutritionist (nullable).
 */
typedef struct
{
  char *allergies_json;
  char *restrictions_json;
  char *dietary_preference;
  char *nutritionist_id;
} BzPlannerProfile;

/** bz_planner_profile_clear: frees @profile's strings (for g_auto). */
void      bz_planner_profile_clear (BzPlannerProfile *profile);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BzPlannerProfile, bz_planner_profile_clear)

/**
 * bz_meal_plan_repo_planner_profile:
 * @patient_id: a patients.id
 * @out: (out caller-allocates): filled when found
 *
 * Returns: %TRUE when the patient exists; %FALSE without @error when not,
 *   with @error on a database error.
 */
gboolean  bz_meal_plan_repo_planner_profile (BzStore *store, const char *patient_id, BzPlannerProfile *out,
                                             GError **error);

G_END_DECLS
