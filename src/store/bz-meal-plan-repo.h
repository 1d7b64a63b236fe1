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
 * (each with its title and per-serving nutrition x servings).  Nutrition
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
 * bz_meal_plan_repo_current:
 * @patient_id: a patient's id
 * @out: (out) (transfer full) (nullable): a MealPlanSummary record of the
 *   patient's finalized or active plan (at most one: meal_plans_one_current),
 *   or %NULL when there is none
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
 * one current plan: any other "finalized" or "active" plan of @patient_id
 * becomes "completed" first.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_meal_plan_repo_finalize (BzStore *store, const char *plan_id, const char *patient_id,
                                      const char *plan_name, const char *now, GError **error);

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
 * @per_serving: the recipe's nutrition per serving after them
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

G_END_DECLS
