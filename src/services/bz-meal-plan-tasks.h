/* bz-meal-plan-tasks.h — the manual meal-plan service (bz-meal-plan-service.h)
 * and the recipe search (bz-recipe-service.h) off the calling thread, for
 * the plan editor at the desk (issue 7), plus what the editor needs that the
 * seed 004 API has not: the list of a patient's plans, changing a recipe's
 * servings, several recipes in one call, and a recipe's NOM-051 seals.
 *
 * Every _async call runs its synchronous service function on a GTask worker
 * thread (the thread's own SQLite connection; bz-service-task-private.h)
 * with a copy of the caller and of every argument, so the caller may free
 * them when the _async function returns.  %NULL callers finish with
 * %BZ_ERROR_UNAUTHENTICATED without running the work.  The cancellable is
 * checked before the work starts and after it ends: a cancelled call
 * finishes with %G_IO_ERROR_CANCELLED, but a write that already ran is not
 * undone.  Callbacks run on the thread-default main context of the caller
 * of the _async function.  Each _finish sets, besides
 * %G_IO_ERROR_CANCELLED and %BZ_ERROR_UNAUTHENTICATED, the errors of the
 * synchronous call named.
 */
#pragma once

#include "bz-meal-plan-service.h"
#include "bz-nom051.h"
#include "bz-recipe-service.h"

G_BEGIN_DECLS

/**
 * bz_meal_plans_create_async:
 * @input: (transfer none): a MealPlanCreate object {clientId, planDate,
 *   durationDays}; deep-copied
 *
 * bz_meal_plans_create() on a worker thread.
 */
void      bz_meal_plans_create_async  (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
/**
 * bz_meal_plans_create_finish:
 * Returns: (transfer full): the MealPlanDraft record; %NULL with @error
 *   (as bz_meal_plans_create()).
 */
BzRecord *bz_meal_plans_create_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_meal_plans_get_async:
 * @draft_id: the plan's draftId; copied
 *
 * bz_meal_plans_get() on a worker thread.
 */
void      bz_meal_plans_get_async     (BzServices *svc, const BzCaller *caller, const char *draft_id,
                                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
/**
 * bz_meal_plans_get_finish:
 * Returns: (transfer full): the MealPlan record with its roll-ups; %NULL
 *   with @error (as bz_meal_plans_get()).
 */
BzRecord *bz_meal_plans_get_finish    (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_meal_plans_add_recipe_async:
 * @input: (transfer none): a MealPlanAddRecipe object; deep-copied
 *
 * bz_meal_plans_add_recipe() on a worker thread.
 */
void      bz_meal_plans_add_recipe_async  (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                           GCancellable *cancellable, GAsyncReadyCallback callback,
                                           gpointer user_data);
/**
 * bz_meal_plans_add_recipe_finish:
 * Returns: (transfer full): the MealPlan as it now is; %NULL with @error
 *   (as bz_meal_plans_add_recipe()).
 */
BzRecord *bz_meal_plans_add_recipe_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_meal_plans_remove_recipe_async:
 * @input: (transfer none): a MealPlanRemoveRecipe object; deep-copied
 *
 * bz_meal_plans_remove_recipe() on a worker thread.
 */
void      bz_meal_plans_remove_recipe_async  (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                              GCancellable *cancellable, GAsyncReadyCallback callback,
                                              gpointer user_data);
/**
 * bz_meal_plans_remove_recipe_finish:
 * Returns: (transfer full): the MealPlan as it now is; %NULL with @error
 *   (as bz_meal_plans_remove_recipe()).
 */
BzRecord *bz_meal_plans_remove_recipe_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_meal_plans_update_customizations_async:
 * @input: (transfer none): a MealPlanDraftUpdate object; deep-copied
 *
 * bz_meal_plans_update_customizations() on a worker thread.
 */
void      bz_meal_plans_update_customizations_async  (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                                      GCancellable *cancellable, GAsyncReadyCallback callback,
                                                      gpointer user_data);
/**
 * bz_meal_plans_update_customizations_finish:
 * Returns: (transfer full): the PlanCustomizationResult record; %NULL with
 *   @error (as bz_meal_plans_update_customizations()).
 */
BzRecord *bz_meal_plans_update_customizations_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_meal_plans_finalize_async:
 * @input: (transfer none): a MealPlanFinalize object {draftId, planName};
 *   deep-copied
 *
 * bz_meal_plans_finalize() on a worker thread.
 */
void      bz_meal_plans_finalize_async  (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                         GCancellable *cancellable, GAsyncReadyCallback callback,
                                         gpointer user_data);
/**
 * bz_meal_plans_finalize_finish:
 * Returns: (transfer full): the finalized MealPlan; %NULL with @error (as
 *   bz_meal_plans_finalize(): %BZ_ERROR_VALIDATION "suggestions"
 *   "incomplete" while a slot is empty).
 */
BzRecord *bz_meal_plans_finalize_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_meal_plan_servings_range:
 * @out_min: (out): the fewest servings of a recipe in a plan
 * @out_max: (out): the most
 *
 * Seed 004's servings range (0.1 to 20), read from the one place it is
 * declared: the servings field of MealPlanAddRecipe
 * (bz-meal-plan-resources.h).  The editor's spin buttons use it.
 */
void      bz_meal_plan_servings_range (double *out_min, double *out_max);

/**
 * bz_meal_plans_set_servings:
 * @caller: (nullable): a nutritionist
 * @draft_id: a draft of one of the caller's patients
 * @day: 1 to the plan's durationDays
 * @meal_name: the slot (matched without regard to case)
 * @recipe_id: a recipe of the slot
 * @servings: the new servings, within bz_meal_plan_servings_range()
 * @error: %BZ_ERROR_VALIDATION ("servings" "out_of_range", or "day");
 *   %BZ_ERROR_NOT_FOUND (plan, slot, or @recipe_id not in it);
 *   %BZ_ERROR_CONFLICT (no longer a draft); %BZ_ERROR_FORBIDDEN
 *
 * Gives @recipe_id in the slot @servings servings.  Seed 004 has no call
 * for this, so it is the two it has: bz_meal_plans_remove_recipe() of
 * @recipe_id, then bz_meal_plans_add_recipe() of it with @servings; the
 * recipe therefore moves to the end of its slot, and every time it is in
 * the slot becomes one entry.  Should the add fail after the remove, the
 * recipe is added back with its old servings before the error is returned.
 *
 * Returns: (transfer full): the MealPlan as it now is; %NULL with @error.
 */
BzRecord *bz_meal_plans_set_servings (BzServices *svc, const BzCaller *caller, const char *draft_id, gint64 day,
                                      const char *meal_name, const char *recipe_id, double servings,
                                      GError **error);

/** bz_meal_plans_set_servings_async: bz_meal_plans_set_servings() on a worker thread; strings copied. */
void      bz_meal_plans_set_servings_async  (BzServices *svc, const BzCaller *caller, const char *draft_id,
                                             gint64 day, const char *meal_name, const char *recipe_id,
                                             double servings, GCancellable *cancellable,
                                             GAsyncReadyCallback callback, gpointer user_data);
/**
 * bz_meal_plans_set_servings_finish:
 * Returns: (transfer full): the MealPlan; %NULL with @error (as
 *   bz_meal_plans_set_servings()).
 */
BzRecord *bz_meal_plans_set_servings_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_meal_plans_list_for_patient:
 * @caller: (nullable): the patient's nutritionist, or the patient
 * @patient_id: (nullable): for a nutritionist, one of own patients; a
 *   member passes %NULL (or the own id)
 * @error: %BZ_ERROR_NOT_FOUND (not a patient the caller may see),
 *   %BZ_ERROR_VALIDATION (a nutritionist without @patient_id),
 *   %BZ_ERROR_UNAUTHENTICATED, a store error
 *
 * The patient's meal plans in every status but expired drafts (draft,
 * finalized, active, completed, archived), newest first, at most
 * %BZ_MEAL_PLAN_LIST_MAX (100): what the editor offers to open.  One
 * statement (bz-meal-plan-list-repo.c).
 *
 * Returns: (transfer full): a #GListModel of MealPlanSummary records
 *   (bz-resources.h: id, plan_name, status, start_date, duration_days,
 *   finalized_at); %NULL with @error.
 */
GListModel *bz_meal_plans_list_for_patient (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                            GError **error);

/** bz_meal_plans_list_for_patient_async: bz_meal_plans_list_for_patient() on a worker thread. */
void        bz_meal_plans_list_for_patient_async  (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                                   gpointer user_data);
/**
 * bz_meal_plans_list_for_patient_finish:
 * Returns: (transfer full): the #GListModel of MealPlanSummary records;
 *   %NULL with @error (as bz_meal_plans_list_for_patient()).
 */
GListModel *bz_meal_plans_list_for_patient_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_recipes_find_async:
 * @search: (nullable): free text (FTS5 prefixes, accents ignored); copied
 * @meal_type: (nullable): a recipe meal type in any spelling ("desayuno",
 *   "breakfast", "colación"...); copied
 * @page: 1-based
 * @limit: 1..%BZ_RECIPE_LIMIT_MAX recipes per page
 *
 * bz_recipes_find() on a worker thread with the other filters of
 * #BzRecipeQuery unset (relevance order with a search, rating without).
 */
void      bz_recipes_find_async  (BzServices *svc, const BzCaller *caller, const char *search, const char *meal_type,
                                  guint page, guint limit, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data);
/**
 * bz_recipes_find_finish:
 * Returns: (transfer full): a RecipeList record {recipes (each with its
 *   ingredients, nutrition and SMAE equivalents per serving), pagination};
 *   %NULL with @error (as bz_recipes_find()).
 */
BzRecord *bz_recipes_find_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_recipes_get_many_async:
 * @ids: (array zero-terminated=1): recipe ids; copied.  At most
 *   %BZ_MEAL_PLAN_MAX_DAYS x %BZ_MEAL_PLAN_MAX_SLOTS x
 *   %BZ_MEAL_PLAN_MAX_RECIPES of them (a whole plan's); more is
 *   %BZ_ERROR_VALIDATION
 *
 * bz_recipes_get() for each id, in one worker-thread run.  An id no
 * published recipe has (the catalogue's re-import dropped it) is left out.
 */
void        bz_recipes_get_many_async  (BzServices *svc, const BzCaller *caller, const char *const *ids,
                                        GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
/**
 * bz_recipes_get_many_finish:
 * Returns: (transfer full): a #GListModel of Recipe records (with
 *   ingredients, instructions, nutrition and SMAE equivalents per serving),
 *   in the order of the ids found; %NULL with @error (a store error).
 */
GListModel *bz_recipes_get_many_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_recipe_nom051_seals:
 * @recipe: a Recipe record with its ingredients (bz_recipes_find() or
 *   bz_recipes_get())
 * @today: (nullable): the date whose NOM-051 phase applies; %NULL = today
 *
 * The NOM-051-SCFI/SSA1-2010 (2020 modification) warning seals a serving
 * of @recipe would carry, by bz_nom051_seals(), on the values per 100 g:
 * energy and sodium per serving divided by the grams of a serving (the sum
 * of the ingredients' grams / servings), per 100 ml for a recipe tagged
 * "bebida".  What was added (inciso 4.5.3) is read from the ingredients'
 * SR28 descriptions: table salt ("Salt, table", SR28 02047) is added
 * sodium; "Oil, ...", butter, lard, margarine and shortening are added
 * fats; "Sugars, ...", honey and syrups are added sugars.  Balanza's
 * recipes carry neither free sugars nor saturated or trans fats per
 * serving, so only the EXCESO CALORÍAS and EXCESO SODIO seals can be
 * found: the others are never set.
 *
 * Returns: a bitmask of #BzNom051Seal.
 */
guint     bz_recipe_nom051_seals (BzRecord *recipe, const GDate *today);

G_END_DECLS
