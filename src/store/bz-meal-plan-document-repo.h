/* bz-meal-plan-document-repo.h — the reads the printable meal plan needs
 * beyond the plan and its recipes (bz-meal-plan-document.h): the SR28 foods
 * of the recipes' ingredients with their Spanish names and panels (for the
 * shopping list and its SMAE grouping), and the names of the patient and the
 * nutritionist for the document's header.  Read-only. */
#pragma once

#include "bz-nutrition.h"
#include "bz-store.h"

G_BEGIN_DECLS

/**
 * BzPlanFood:
 * @ndb_no: the USDA SR28 food number (NDB_No, 5 digits)
 * @food_group: its SR28 food group code (FdGrp_Cd, "1100")
 * @long_desc: its SR28 Long_Desc (English)
 * @name_es: (nullable): its Spanish (Mexico) display name (foods.name_es,
 *   data/foods names; migration 005), %NULL when it has none
 * @per_100g: its panel per 100 g edible portion; a nutrient SR28 has no
 *   value for is 0 (as data/recipes/SOURCE.md counts it)
 *
 * One food of the plan's ingredients.
 */
typedef struct
{
  char *ndb_no;
  char *food_group;
  char *long_desc;
  char *name_es;
  BzNutrients per_100g;
} BzPlanFood;

/** bz_plan_food_free: frees @food and its strings. */
void      bz_plan_food_free (BzPlanFood *food);

/**
 * bz_meal_plan_document_repo_foods:
 * @ndb_nos: (array zero-terminated=1): SR28 food numbers (duplicates allowed)
 * @out: (out) (transfer full): NDB_No -> #BzPlanFood for each of @ndb_nos
 *   the store has (an unknown number is simply absent)
 * @error: %BZ_ERROR_INTERNAL or %BZ_ERROR_UNAVAILABLE
 *
 * One statement, whatever the number of foods.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_meal_plan_document_repo_foods (BzStore *store, const char *const *ndb_nos, GHashTable **out,
                                            GError **error);

/**
 * bz_meal_plan_document_repo_names:
 * @patient_id: a patients.id
 * @nutritionist_id: (nullable): a users.id
 * @out_patient: (out) (transfer full): the patient's "first last" name
 *   (%NULL when @patient_id is unknown)
 * @out_nutritionist: (out) (transfer full): the nutritionist's "first last"
 *   name (%NULL when unknown or not asked)
 * @error: %BZ_ERROR_INTERNAL or %BZ_ERROR_UNAVAILABLE
 *
 * The names on the printed plan's header.  The caller has already checked
 * that the plan may be read (bz_meal_plans_get()): this is no ownership
 * check.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_meal_plan_document_repo_names (BzStore *store, const char *patient_id, const char *nutritionist_id,
                                            char **out_patient, char **out_nutritionist, GError **error);

/**
 * BzPlanModifiedUse:
 * @day: the plan day, 1-based
 * @meal_key: the slot's key (bz_meal_plan_meal_key())
 * @recipe_id: the recipe's id
 * @modifications: the stored modifications, a JSON array of
 *   PlanModification objects as text
 *
 * A recipe of a slot whose ingredients were customized
 * (bz_meal_plans_update_customizations()).
 */
typedef struct
{
  gint64 day;
  char *meal_key;
  char *recipe_id;
  char *modifications;
} BzPlanModifiedUse;

/** bz_plan_modified_use_free: frees @use. */
void      bz_plan_modified_use_free (BzPlanModifiedUse *use);

/**
 * bz_meal_plan_document_repo_modified:
 * @plan_id: a draftId
 * @out: (out) (transfer full) (element-type BzPlanModifiedUse): the plan's
 *   customized recipes, by day, slot position and recipe position; one per
 *   (day, slot, recipe) (its modifications are stored on every copy)
 * @error: %BZ_ERROR_INTERNAL or %BZ_ERROR_UNAVAILABLE
 *
 * One statement.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_meal_plan_document_repo_modified (BzStore *store, const char *plan_id, GPtrArray **out, GError **error);

G_END_DECLS
