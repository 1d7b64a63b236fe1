/* bz-meal-plan-document.h — everything a printed meal plan needs, in one call
 * (issue 7, "At the desk": print and export the plan to PDF), and the
 * member's plan for today (the kiosk).
 *
 * The document is plain data built on a worker thread from the service
 * layer's own reads (bz_meal_plans_get(), bz_recipes_get()) and the SR28
 * foods of the ingredients (bz-meal-plan-document-repo.h); the GUI renders
 * it (bz-plan-print.c) without further calls.
 *
 * Ingredient swaps made with update-customizations
 * (bz_meal_plans_update_customizations()) count in the week, the day totals
 * and the shopping list (bz_meal_plan_customized_ingredients(), the same
 * rule); the recipe sheets and the days' SMAE equivalents use the catalogue
 * recipe, with the swaps listed beside the plan (a known limit). */
#pragma once

#include "bz-meal-plan-resources.h"
#include "bz-services.h"
#include "bz-smae.h"

G_BEGIN_DECLS

/**
 * BzPlanDocIngredient:
 * @ndb_no: USDA SR28 food number
 * @name: the food's Spanish name (foods.name_es), else its SR28 description
 * @name_es: (nullable): its Spanish name; with @description, for
 *   bz_food_display_name() in an interface of another language
 * @description: (nullable): its SR28 Long_Desc (%NULL for a food the store
 *   lacks)
 * @text: the recipe's household quantity in Spanish ("2 jitomates medianos"),
 *   for the recipe's own yield
 * @grams_per_serving: grams (edible portion) in one serving (g)
 * @grams_in_plan: grams for every serving of the recipe in the plan (g):
 *   @grams_per_serving x #BzPlanDocRecipe.servings_in_plan
 */
typedef struct
{
  char *ndb_no;
  char *name;
  char *name_es;
  char *description;
  char *text;
  double grams_per_serving;
  double grams_in_plan;
} BzPlanDocIngredient;

/**
 * BzPlanDocRecipe:
 * @id: the recipe's id (recipes.id)
 * @title: its Spanish title
 * @description: (nullable): its description
 * @yield_servings: servings the recipe makes as written (≥ 1)
 * @servings_in_plan: the sum of its servings over every slot of the plan
 * @uses: how many slots of the plan have it
 * @prep_time_min: preparation time (min)
 * @cook_time_min: cooking time (min)
 * @per_serving: its catalogue nutrition per serving (kcal, g, mg)
 * @smae_per_serving: (array fixed-size=BZ_SMAE_N_GROUPS): its SMAE
 *   equivalents per serving, by #BzSmaeGroup (bz_recipe_totals_add() on
 *   each ingredient)
 * @ingredients: (element-type BzPlanDocIngredient): in the recipe's order
 * @steps: (array zero-terminated=1): the steps in Spanish, in order
 *
 * A recipe of the plan, in full, scaled to what the plan uses.
 */
typedef struct
{
  char *id;
  char *title;
  char *description;
  guint yield_servings;
  double servings_in_plan;
  guint uses;
  gint64 prep_time_min, cook_time_min;
  BzPlanTotals per_serving;
  double smae_per_serving[BZ_SMAE_N_GROUPS];
  GPtrArray *ingredients;
  GStrv steps;
} BzPlanDocRecipe;

/**
 * BzShoppingSection:
 * The food groups of the shopping list, in the order a Mexican market (and
 * the SMAE) lists them: verduras, frutas, cereales y tubérculos,
 * leguminosas, alimentos de origen animal, leche y yogur, aceites y grasas
 * (nuts and seeds included: SMAE counts them as fats with protein),
 * azúcares, and condimentos y otros (SMAE's free foods, and foods SMAE
 * gives no group: mixed dishes, soups).  The subgroups of a SMAE group (by
 * fat, by sugar) are one section: a shopper buys chicken, not "AOA de muy
 * bajo aporte de grasa".
 */
typedef enum
{
  BZ_SHOPPING_VEGETABLES,
  BZ_SHOPPING_FRUITS,
  BZ_SHOPPING_CEREALS,
  BZ_SHOPPING_LEGUMES,
  BZ_SHOPPING_ANIMAL,
  BZ_SHOPPING_MILK,
  BZ_SHOPPING_FATS,
  BZ_SHOPPING_SUGARS,
  BZ_SHOPPING_OTHER,
  BZ_SHOPPING_N_SECTIONS
} BzShoppingSection;

/**
 * bz_shopping_section_for_group:
 * @group: a SMAE group, or %BZ_SMAE_NONE
 * Returns: the shopping list section of a food of @group.
 */
BzShoppingSection bz_shopping_section_for_group (BzSmaeGroup group);

/**
 * bz_shopping_section_name:
 * Returns: (transfer none): the section's name, translated (gettext:
 *   "Verduras", "Frutas", ... in Spanish).
 */
const char *bz_shopping_section_name (BzShoppingSection section);

/**
 * bz_meal_plan_document_smae_name:
 * @group: a SMAE group (not %BZ_SMAE_NONE)
 * Returns: (transfer none): its readable name, translated ("Cereales y
 *   tubérculos sin grasa" in Spanish), as SMAE 4th ed. names it.
 */
const char *bz_meal_plan_document_smae_name (BzSmaeGroup group);

/**
 * BzShoppingItem:
 * @ndb_no: USDA SR28 food number
 * @name: its Spanish name, else its SR28 description
 * @name_es: (nullable): its Spanish name
 * @description: its SR28 Long_Desc
 * @smae_group: its SMAE group (bz_smae_classify()), or %BZ_SMAE_NONE
 * @section: its #BzShoppingSection
 * @grams: the sum over the whole plan of each use's ingredient grams per
 *   serving x servings (g, edible portion as SR28 gives it: no refuse added)
 */
typedef struct
{
  char *ndb_no;
  char *name;
  char *name_es;
  char *description;
  BzSmaeGroup smae_group;
  BzShoppingSection section;
  double grams;
} BzShoppingItem;

/**
 * BzPlanDocChange:
 * @type: "replace", "omit" or "add" (seed 004 modification types)
 * @original: (nullable): the recipe ingredient it names, as written
 *   (an SR28 number or words of the ingredient)
 * @original_name: (nullable): when @original is an SR28 number the store
 *   has, that food's Spanish name (else its SR28 description); else %NULL
 * @new_ndb_no: (nullable): the SR28 number of the food put in
 * @new_name_es: (nullable): that food's Spanish name
 * @new_description: (nullable): its SR28 description (%NULL when unknown)
 * @amount_g: grams of the new food for the whole recipe; 0 when none
 *
 * One ingredient change the nutritionist made to a recipe in one slot.
 */
typedef struct
{
  char *type;
  char *original;
  char *original_name;
  char *new_ndb_no;
  char *new_name_es;
  char *new_description;
  double amount_g;
} BzPlanDocChange;

/**
 * BzPlanDocCustomized:
 * @day: the plan day, 1-based
 * @meal_name: the slot's name as the plan writes it
 * @recipe_id: the recipe's id
 * @changes: (element-type BzPlanDocChange): in the order they apply
 *
 * A recipe of a slot with ingredient changes.  The document lists them as
 * written; the recipe sheets and the days' equivalents keep the catalogue
 * recipe's ingredients, while the plan's nutrition and the shopping list
 * count them (see above).
 */
typedef struct
{
  guint day;
  char *meal_name;
  char *recipe_id;
  GPtrArray *changes;
} BzPlanDocCustomized;

/**
 * BzMealPlanDocument:
 * @plan: the MealPlan record with its roll-ups (bz_meal_plans_get())
 * @patient_name: (nullable): the patient's name
 * @nutritionist_name: (nullable): the nutritionist's name
 * @recipes: (element-type BzPlanDocRecipe): each recipe the plan uses once,
 *   in the order of first use (day, slot, position)
 * @n_days: the plan's durationDays
 * @day_smae: (array length=n_days x BZ_SMAE_N_GROUPS): SMAE equivalents
 *   per day and group: day d (0-based), group g at [d * BZ_SMAE_N_GROUPS + g]
 * @shopping: (element-type BzShoppingItem): every ingredient food of the
 *   plan once, with the swaps applied (a food a swap took out entirely is
 *   not listed), by section (#BzShoppingSection order), then by name
 *   (g_utf8_collate_key() order); unknown foods are left out
 * @customized: (element-type BzPlanDocCustomized): the slots' recipes with
 *   ingredient changes, in plan order
 *
 * The printable meal plan.
 */
typedef struct
{
  BzRecord *plan;
  char *patient_name;
  char *nutritionist_name;
  GPtrArray *recipes;
  guint n_days;
  double *day_smae;
  GPtrArray *shopping;
  GPtrArray *customized;
} BzMealPlanDocument;

/** bz_meal_plan_document_free: frees @doc and everything it holds. */
void bz_meal_plan_document_free (BzMealPlanDocument *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzMealPlanDocument, bz_meal_plan_document_free)

/**
 * bz_meal_plan_document_find_recipe:
 * Returns: (transfer none) (nullable): the document's recipe of id @id.
 */
const BzPlanDocRecipe *bz_meal_plan_document_find_recipe (const BzMealPlanDocument *doc, const char *id);

/**
 * bz_meal_plan_document_find_customized:
 * @day: 1-based
 * @meal_name: the slot's name (any case)
 * Returns: (transfer none) (nullable): the changes of @recipe_id in that
 *   slot, %NULL when it has none.
 */
const BzPlanDocCustomized *bz_meal_plan_document_find_customized (const BzMealPlanDocument *doc, guint day,
                                                                  const char *meal_name, const char *recipe_id);

/**
 * bz_meal_plans_document:
 * @caller: (nullable): the patient's nutritionist or the patient (member)
 * @draft_id: (nullable): the plan's draftId
 * @error: as bz_meal_plans_get() (%BZ_ERROR_NOT_FOUND for a plan the caller
 *   may not read, an unknown or expired one; %BZ_ERROR_UNAUTHENTICATED
 *   without a caller); %BZ_ERROR_INTERNAL or %BZ_ERROR_UNAVAILABLE on a
 *   database error
 *
 * Reads the plan, each of its recipes in full (bz_recipes_get()), the SR28
 * foods of their ingredients and the names for the header, and computes
 * the per-day SMAE equivalents and the shopping list: for each food, the
 * sum over every recipe use in the plan of (ingredient grams / recipe
 * yield) x servings.  A draft is printable too.
 *
 * Returns: (transfer full): the document; %NULL with @error.
 */
BzMealPlanDocument *bz_meal_plans_document (BzServices *svc, const BzCaller *caller, const char *draft_id,
                                            GError **error);

/**
 * bz_meal_plans_document_async:
 * @caller: copied; may be freed when this returns
 * @draft_id: copied
 *
 * bz_meal_plans_document() on a worker thread (bz_service_task_run());
 * @callback runs on the caller's thread-default main context.
 */
void                bz_meal_plans_document_async  (BzServices *svc, const BzCaller *caller, const char *draft_id,
                                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                                   gpointer user_data);

/**
 * bz_meal_plans_document_finish:
 * @error: G_IO_ERROR_CANCELLED or the errors of bz_meal_plans_document()
 * Returns: (transfer full): the document; %NULL with @error.
 */
BzMealPlanDocument *bz_meal_plans_document_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * BzMealPlanToday:
 * @date: the day asked for, YYYY-MM-DD
 * @plan: (nullable): the patient's current plan (finalized or active: the
 *   patient record's active_meal_plan) as a MealPlan record with roll-ups;
 *   %NULL when the patient has none
 * @day: (nullable): the day of @plan whose date is @date (a PlanDay record
 *   owned by @plan); %NULL when @date is outside the plan
 * @day_nutrition: (nullable): that day's dayTotal (a PlanNutrition record
 *   owned by @plan), %NULL when the day has no recipe
 *
 * A patient's plan for one day (the kiosk's "today").
 */
typedef struct
{
  char *date;
  BzRecord *plan;
  BzRecord *day;
  BzRecord *day_nutrition;
} BzMealPlanToday;

/** bz_meal_plan_today_free: frees @today. */
void bz_meal_plan_today_free (BzMealPlanToday *today);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzMealPlanToday, bz_meal_plan_today_free)

/**
 * bz_meal_plans_today:
 * @caller: (nullable): a member (own plan) or the patient's nutritionist
 * @patient_id: (nullable): for a nutritionist, one of own patients; a
 *   member may omit it (bz_patients_resolve())
 * @date: (nullable): YYYY-MM-DD; %NULL: today in local time
 * @error: %BZ_ERROR_UNAUTHENTICATED, %BZ_ERROR_NOT_FOUND (patient),
 *   %BZ_ERROR_VALIDATION (a nutritionist without @patient_id, a malformed
 *   @date), %BZ_ERROR_INTERNAL or %BZ_ERROR_UNAVAILABLE
 *
 * The patient's current plan and its day @date.  Not having a plan is not
 * an error: the result's plan is %NULL.
 *
 * Returns: (transfer full): the day; %NULL with @error.
 */
BzMealPlanToday *bz_meal_plans_today (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                      const char *date, GError **error);

/** bz_meal_plans_today_async: bz_meal_plans_today() on a worker thread; arguments are copied. */
void             bz_meal_plans_today_async  (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                             const char *date, GCancellable *cancellable,
                                             GAsyncReadyCallback callback, gpointer user_data);

/**
 * bz_meal_plans_today_finish:
 * Returns: (transfer full): the day; %NULL with @error.
 */
BzMealPlanToday *bz_meal_plans_today_finish (BzServices *svc, GAsyncResult *result, GError **error);

G_END_DECLS
