/* bz-meal-plan-resources.h — the manual meal plan (seed 004, issue 7):
 * its declarations, with seed 004's camelCase names, and its nutrition
 * roll-ups (per recipe, per meal, per day, overall, daily average).
 *
 * Where the declarations depart from seed 004's examples:
 *   - a day's "meals" is an array of {mealName, ...} in the slot order, not
 *     an object keyed by meal name: the declarations (and the OpenAPI
 *     document made from them) have fixed member names, and an array keeps
 *     the order the nutritionist gave the slots;
 *   - the same for nutrition.dayWise[].meals;
 *   - micronutrients are those Balanza's recipes carry per serving (fiber
 *     among the macros, sodium among the minerals: SR28 291 and 307).
 */
#pragma once

#include "bz-recipe-resources.h"
#include "bz-resource.h"
#include "bz-smae.h"

G_BEGIN_DECLS

/** BZ_MEAL_PLAN_DRAFT_DAYS: days a draft lives before it expires (seed 004). */
#define BZ_MEAL_PLAN_DRAFT_DAYS 7
/** BZ_MEAL_PLAN_MAX_DAYS: longest plan, in days (seed 004 durationDays 1-30). */
#define BZ_MEAL_PLAN_MAX_DAYS 30
/** BZ_MEAL_PLAN_MAX_SLOTS: meal slots a day may have. */
#define BZ_MEAL_PLAN_MAX_SLOTS 12
/** BZ_MEAL_PLAN_MAX_RECIPES: recipes a meal slot may have. */
#define BZ_MEAL_PLAN_MAX_RECIPES 12
/** BZ_MEAL_PLAN_MAX_MODIFICATIONS: ingredient modifications a slot's recipe may keep (Balanza's bound). */
#define BZ_MEAL_PLAN_MAX_MODIFICATIONS 50
/** BZ_MEAL_PLAN_MEAL_NAME_MAX: longest meal name, in characters. */
#define BZ_MEAL_PLAN_MEAL_NAME_MAX 60

/* {quantity, unit}, as seed 004 writes every nutrient. */
#define BZ_NUTRIENT_QUANTITY_FIELDS(F) \
  F (NUTRIENT_QUANTITY_QUANTITY, .name = "quantity", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1) \
  F (NUTRIENT_QUANTITY_UNIT, .name = "unit", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "kcal, g or mg")
BZ_RESOURCE_DECLARE (bz_nutrient_quantity, NUTRIENT_QUANTITY, BZ_NUTRIENT_QUANTITY_FIELDS)

#define BZ_PLAN_MACROS_FIELDS(F) \
  F (PLAN_MACROS_PROTEIN, .name = "protein", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_nutrient_quantity_resource, .description = "g (SR28 203)") \
  F (PLAN_MACROS_CARBS, .name = "carbs", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_nutrient_quantity_resource, .description = "g (SR28 205)") \
  F (PLAN_MACROS_FAT, .name = "fat", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_nutrient_quantity_resource, .description = "g (SR28 204)") \
  F (PLAN_MACROS_FIBER, .name = "fiber", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_nutrient_quantity_resource, .description = "g (SR28 291)")
BZ_RESOURCE_DECLARE (bz_plan_macros, PLAN_MACROS, BZ_PLAN_MACROS_FIELDS)

#define BZ_PLAN_MINERALS_FIELDS(F) \
  F (PLAN_MINERALS_SODIUM, .name = "sodium", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_nutrient_quantity_resource, .description = "mg (SR28 307)")
BZ_RESOURCE_DECLARE (bz_plan_minerals, PLAN_MINERALS, BZ_PLAN_MINERALS_FIELDS)

#define BZ_PLAN_MICROS_FIELDS(F) \
  F (PLAN_MICROS_MINERALS, .name = "minerals", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_plan_minerals_resource)
BZ_RESOURCE_DECLARE (bz_plan_micros, PLAN_MICROS, BZ_PLAN_MICROS_FIELDS)

/* The three members of every nutrition value of seed 004. */
#define BZ_PLAN_NUTRITION_MEMBERS_(F, P) \
  F (P##_CALORIES, .name = "calories", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_nutrient_quantity_resource, .description = "kcal (SR28 208)") \
  F (P##_MACROS, .name = "macros", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_plan_macros_resource) \
  F (P##_MICROS, .name = "micros", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_plan_micros_resource) \
  F (P##_EQUIVALENTS, .name = "equivalents", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_smae_equivalents_resource, .description = "SMAE equivalents: the recipes' per serving (from their SR28 ingredients, after any modification) x servings, summed")

#define BZ_PLAN_NUTRITION_FIELDS(F) BZ_PLAN_NUTRITION_MEMBERS_ (F, PLAN_NUTRITION)
BZ_RESOURCE_DECLARE (bz_plan_nutrition, PLAN_NUTRITION, BZ_PLAN_NUTRITION_FIELDS)

/* A meal's nutrition in nutrition.dayWise[].meals. */
#define BZ_PLAN_MEAL_NUTRITION_FIELDS(F) \
  F (PLAN_MEAL_NUTRITION_MEAL_NAME, .name = "mealName", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  BZ_PLAN_NUTRITION_MEMBERS_ (F, PLAN_MEAL_NUTRITION)
BZ_RESOURCE_DECLARE (bz_plan_meal_nutrition, PLAN_MEAL_NUTRITION, BZ_PLAN_MEAL_NUTRITION_FIELDS)

#define BZ_PLAN_DAY_NUTRITION_FIELDS(F) \
  F (PLAN_DAY_NUTRITION_DAY, .name = "day", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "1 to durationDays") \
  F (PLAN_DAY_NUTRITION_DATE, .name = "date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY) \
  F (PLAN_DAY_NUTRITION_MEALS, .name = "meals", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_plan_meal_nutrition_resource, .description = "The slots with at least one recipe, in slot order") \
  F (PLAN_DAY_NUTRITION_DAY_TOTAL, .name = "dayTotal", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_plan_nutrition_resource)
BZ_RESOURCE_DECLARE (bz_plan_day_nutrition, PLAN_DAY_NUTRITION, BZ_PLAN_DAY_NUTRITION_FIELDS)

#define BZ_PLAN_NUTRITION_SUMMARY_FIELDS(F) \
  F (PLAN_NUTRITION_SUMMARY_DAY_WISE, .name = "dayWise", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_plan_day_nutrition_resource) \
  F (PLAN_NUTRITION_SUMMARY_OVERALL, .name = "overall", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_plan_nutrition_resource, .description = "Sum over every day") \
  F (PLAN_NUTRITION_SUMMARY_DAILY_AVERAGE, .name = "dailyAverage", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_plan_nutrition_resource, .description = "overall / durationDays")
BZ_RESOURCE_DECLARE (bz_plan_nutrition_summary, PLAN_NUTRITION_SUMMARY, BZ_PLAN_NUTRITION_SUMMARY_FIELDS)

/* One recipe of a meal slot, for its servings. */
#define BZ_PLAN_RECIPE_FIELDS(F) \
  F (PLAN_RECIPE_ID, .name = "id", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The recipe's id in its provider") \
  F (PLAN_RECIPE_PROVIDER, .name = "provider", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "\"balanza\": Balanza's catalogue (GET /api/v1/recipes)") \
  F (PLAN_RECIPE_TITLE, .name = "title", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (PLAN_RECIPE_SERVINGS, .name = "servings", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .description = "0.1 to 20") \
  F (PLAN_RECIPE_NUTRITION, .name = "nutrition", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_plan_nutrition_resource, .description = "The recipe's nutrition per serving x servings")
BZ_RESOURCE_DECLARE (bz_plan_recipe, PLAN_RECIPE, BZ_PLAN_RECIPE_FIELDS)

#define BZ_PLAN_MEAL_FIELDS(F) \
  F (PLAN_MEAL_MEAL_NAME, .name = "mealName", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "As first written; matched without regard to case") \
  F (PLAN_MEAL_RECIPES, .name = "recipes", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_plan_recipe_resource, .description = "In the order added") \
  F (PLAN_MEAL_SELECTED_RECIPE_ID, .name = "selectedRecipeId", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The first recipe; null when the slot is empty") \
  F (PLAN_MEAL_TOTAL_NUTRITION, .name = "totalNutrition", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_plan_nutrition_resource, .description = "Sum of its recipes; null when the slot is empty")
BZ_RESOURCE_DECLARE (bz_plan_meal, PLAN_MEAL, BZ_PLAN_MEAL_FIELDS)

#define BZ_PLAN_DAY_FIELDS(F) \
  F (PLAN_DAY_DAY, .name = "day", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "1 to durationDays") \
  F (PLAN_DAY_DATE, .name = "date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY, .description = "planDate + day - 1") \
  F (PLAN_DAY_MEALS, .name = "meals", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_plan_meal_resource, .description = "The meal slots in order")
BZ_RESOURCE_DECLARE (bz_plan_day, PLAN_DAY, BZ_PLAN_DAY_FIELDS)

/* GET /api/nutrition/daily's "planned" (issue 7): the day of the patient's
 * plan that falls on the date, in the daily's own terms (snake_case, the
 * Nutrients panel of intake and targets), so a phone sets it beside what was
 * eaten.  The whole plan, in seed 004's shape, is GET
 * /api/meal-plans/manual/{plan_id}. */
#define BZ_DAILY_PLAN_RECIPE_FIELDS(F) \
  F (DAILY_PLAN_RECIPE_RECIPE_ID, .name = "recipe_id", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "GET /api/v1/recipes/{id}") \
  F (DAILY_PLAN_RECIPE_TITLE, .name = "title", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (DAILY_PLAN_RECIPE_SERVINGS, .name = "servings", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY) \
  F (DAILY_PLAN_RECIPE_NUTRITION, .name = "nutrition", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_nutrients_resource, .description = "For those servings, with the slot's ingredient changes")
BZ_RESOURCE_DECLARE (bz_daily_plan_recipe, DAILY_PLAN_RECIPE, BZ_DAILY_PLAN_RECIPE_FIELDS)

#define BZ_DAILY_PLAN_MEAL_FIELDS(F) \
  F (DAILY_PLAN_MEAL_MEAL_NAME, .name = "meal_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The slot's name as the plan writes it (breakfast, comida, ...)") \
  F (DAILY_PLAN_MEAL_RECIPES, .name = "recipes", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_daily_plan_recipe_resource) \
  F (DAILY_PLAN_MEAL_NUTRITION, .name = "nutrition", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_nutrients_resource, .description = "The slot's recipes together")
BZ_RESOURCE_DECLARE (bz_daily_plan_meal, DAILY_PLAN_MEAL, BZ_DAILY_PLAN_MEAL_FIELDS)

#define BZ_DAILY_PLAN_FIELDS(F) \
  F (DAILY_PLAN_PLAN_ID, .name = "plan_id", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The plan's id (GET /api/meal-plans/manual/{id})") \
  F (DAILY_PLAN_PLAN_NAME, .name = "plan_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE) \
  F (DAILY_PLAN_STATUS, .name = "status", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "active; finalized for a plan that has not started yet; completed for one that has ended") \
  F (DAILY_PLAN_PLAN_DATE, .name = "plan_date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY, .description = "Day 1 of the plan") \
  F (DAILY_PLAN_DURATION_DAYS, .name = "duration_days", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (DAILY_PLAN_DAY, .name = "day", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Which day of the plan the date is: 1 to duration_days") \
  F (DAILY_PLAN_MEALS, .name = "meals", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_daily_plan_meal_resource, .description = "That day's meal slots in order, each with its recipes and servings") \
  F (DAILY_PLAN_NUTRITION, .name = "nutrition", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_nutrients_resource, .description = "The day's planned nutrients: the sum of its recipes") \
  F (DAILY_PLAN_EQUIVALENTS, .name = "equivalents", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_smae_equivalents_resource, .description = "The day's planned SMAE equivalents")
BZ_RESOURCE_DECLARE (bz_daily_plan, DAILY_PLAN, BZ_DAILY_PLAN_FIELDS)

/* searchParams, snake_case as in seed 004. */
#define BZ_PLAN_SEARCH_PARAMS_FIELDS(F) \
  F (PLAN_SEARCH_PARAMS_CREATION_METHOD, .name = "creation_method", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (PLAN_SEARCH_PARAMS_CLIENT_ID, .name = "client_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (PLAN_SEARCH_PARAMS_PLAN_DATE, .name = "plan_date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY) \
  F (PLAN_SEARCH_PARAMS_DURATION_DAYS, .name = "duration_days", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY)
BZ_RESOURCE_DECLARE (bz_plan_search_params, PLAN_SEARCH_PARAMS, BZ_PLAN_SEARCH_PARAMS_FIELDS)

/* A meal plan (seed 004 GET /api/meal-plans/manual/{id}). */
#define BZ_MEAL_PLAN_FIELDS(F) \
  F (MEAL_PLAN_ID, .name = "id", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The draftId: manual-{clientId}-{milliseconds since 1970}") \
  F (MEAL_PLAN_CLIENT_ID, .name = "clientId", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .description = "The patient") \
  F (MEAL_PLAN_NUTRITIONIST_ID, .name = "nutritionistId", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (MEAL_PLAN_STATUS, .name = "status", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "draft, finalized, active, completed or archived") \
  F (MEAL_PLAN_CREATION_METHOD, .name = "creationMethod", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "manual") \
  F (MEAL_PLAN_PLAN_NAME, .name = "planName", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "Given when finalized") \
  F (MEAL_PLAN_PLAN_DATE, .name = "planDate", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY, .description = "Day 1") \
  F (MEAL_PLAN_END_DATE, .name = "endDate", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY, .description = "planDate + durationDays, as in seed 004's example (the day after the last)") \
  F (MEAL_PLAN_DURATION_DAYS, .name = "durationDays", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (MEAL_PLAN_SEARCH_PARAMS, .name = "searchParams", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_plan_search_params_resource) \
  F (MEAL_PLAN_SUGGESTIONS, .name = "suggestions", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_plan_day_resource, .description = "One per day") \
  F (MEAL_PLAN_NUTRITION, .name = "nutrition", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_plan_nutrition_summary_resource) \
  F (MEAL_PLAN_CREATED_AT, .name = "createdAt", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY) \
  F (MEAL_PLAN_UPDATED_AT, .name = "updatedAt", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY) \
  F (MEAL_PLAN_EXPIRES_AT, .name = "expiresAt", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "createdAt + 7 days for a draft; null once finalized") \
  F (MEAL_PLAN_FINALIZED_AT, .name = "finalizedAt", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE)
BZ_RESOURCE_DECLARE (bz_meal_plan, MEAL_PLAN, BZ_MEAL_PLAN_FIELDS)

/* POST /api/meal-plans/manual/create: the request. */
#define BZ_MEAL_PLAN_CREATE_FIELDS(F) \
  F (MEAL_PLAN_CREATE_CLIENT_ID, .name = "clientId", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_REQUIRED, .description = "One of the nutritionist's patients") \
  F (MEAL_PLAN_CREATE_MEAL_PROGRAM_ID, .name = "mealProgramId", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_NULLABLE, .description = "A meal program to copy the slots from; Balanza has no meal programs yet, so any id answers 404") \
  F (MEAL_PLAN_CREATE_PLAN_DATE, .name = "planDate", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_REQUIRED, .description = "Day 1, YYYY-MM-DD") \
  F (MEAL_PLAN_CREATE_DURATION_DAYS, .name = "durationDays", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_MEAL_PLAN_MAX_DAYS, .unit = "days")
BZ_RESOURCE_DECLARE (bz_meal_plan_create, MEAL_PLAN_CREATE, BZ_MEAL_PLAN_CREATE_FIELDS)

/* POST /api/meal-plans/manual/create: the answer. */
#define BZ_MEAL_PLAN_DRAFT_FIELDS(F) \
  F (MEAL_PLAN_DRAFT_DRAFT_ID, .name = "draftId", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "manual-{clientId}-{milliseconds since 1970}") \
  F (MEAL_PLAN_DRAFT_STATUS, .name = "status", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "draft") \
  F (MEAL_PLAN_DRAFT_CREATION_METHOD, .name = "creationMethod", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "manual") \
  F (MEAL_PLAN_DRAFT_PLAN_DATE, .name = "planDate", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY) \
  F (MEAL_PLAN_DRAFT_DURATION_DAYS, .name = "durationDays", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (MEAL_PLAN_DRAFT_EXPIRES_AT, .name = "expiresAt", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .description = "7 days after creation")
BZ_RESOURCE_DECLARE (bz_meal_plan_draft, MEAL_PLAN_DRAFT, BZ_MEAL_PLAN_DRAFT_FIELDS)

/* add-recipe's "recipe": which recipe, from where. */
#define BZ_PLAN_RECIPE_REF_FIELDS(F) \
  F (PLAN_RECIPE_REF_ID, .name = "id", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = 100, .description = "For provider balanza, a recipe id of GET /api/v1/recipes") \
  F (PLAN_RECIPE_REF_PROVIDER, .name = "provider", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = 40, .description = "balanza; edamam and spoonacular are answered 400 (no connection to them yet)") \
  F (PLAN_RECIPE_REF_SOURCE, .name = "source", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = 40, .description = "api or cached; for balanza both read the local catalogue")
BZ_RESOURCE_DECLARE (bz_plan_recipe_ref, PLAN_RECIPE_REF, BZ_PLAN_RECIPE_REF_FIELDS)

/* POST /api/meal-plans/manual/add-recipe. */
#define BZ_MEAL_PLAN_ADD_RECIPE_FIELDS(F) \
  F (MEAL_PLAN_ADD_RECIPE_DRAFT_ID, .name = "draftId", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = 120) \
  F (MEAL_PLAN_ADD_RECIPE_DAY, .name = "day", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_MEAL_PLAN_MAX_DAYS, .description = "1 to the plan's durationDays") \
  F (MEAL_PLAN_ADD_RECIPE_MEAL_NAME, .name = "mealName", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_MEAL_PLAN_MEAL_NAME_MAX, .description = "Any name; matched without regard to case, made if the day lacks it") \
  F (MEAL_PLAN_ADD_RECIPE_RECIPE, .name = "recipe", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_REQUIRED, .ref = &bz_plan_recipe_ref_resource) \
  F (MEAL_PLAN_ADD_RECIPE_SERVINGS, .name = "servings", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE, .min = 0.1, .max = 20, .description = "Default 1")
BZ_RESOURCE_DECLARE (bz_meal_plan_add_recipe, MEAL_PLAN_ADD_RECIPE, BZ_MEAL_PLAN_ADD_RECIPE_FIELDS)

/* DELETE /api/meal-plans/manual/remove-recipe. */
#define BZ_MEAL_PLAN_REMOVE_RECIPE_FIELDS(F) \
  F (MEAL_PLAN_REMOVE_RECIPE_DRAFT_ID, .name = "draftId", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = 120) \
  F (MEAL_PLAN_REMOVE_RECIPE_DAY, .name = "day", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_MEAL_PLAN_MAX_DAYS) \
  F (MEAL_PLAN_REMOVE_RECIPE_MEAL_NAME, .name = "mealName", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_MEAL_PLAN_MEAL_NAME_MAX) \
  F (MEAL_PLAN_REMOVE_RECIPE_RECIPE_ID, .name = "recipeId", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = 100, .description = "Only this recipe; absent: every recipe of the slot") \
  F (MEAL_PLAN_REMOVE_RECIPE_REMOVE_MEAL_SLOT, .name = "removeMealSlot", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_NULLABLE, .description = "Without recipeId, remove the slot itself (default false)")
BZ_RESOURCE_DECLARE (bz_meal_plan_remove_recipe, MEAL_PLAN_REMOVE_RECIPE, BZ_MEAL_PLAN_REMOVE_RECIPE_FIELDS)

/* POST /api/meal-plans/manual/finalize. */
#define BZ_MEAL_PLAN_FINALIZE_FIELDS(F) \
  F (MEAL_PLAN_FINALIZE_DRAFT_ID, .name = "draftId", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = 120) \
  F (MEAL_PLAN_FINALIZE_PLAN_NAME, .name = "planName", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = 120)
BZ_RESOURCE_DECLARE (bz_meal_plan_finalize, MEAL_PLAN_FINALIZE, BZ_MEAL_PLAN_FINALIZE_FIELDS)

/* One ingredient modification (seed 004 PUT /api/meal-plans/draft).
 * Ingredients are named by SR28 number or by words of their Spanish text or
 * SR28 description; amounts are grams. */
#define BZ_PLAN_MODIFICATION_FIELDS(F) \
  F (PLAN_MODIFICATION_TYPE, .name = "type", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = 20, .description = "replace, omit or add") \
  F (PLAN_MODIFICATION_ORIGINAL_INGREDIENT, .name = "originalIngredient", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = 200, .description = "replace, omit: the recipe's ingredient, by SR28 number or words of its text or description") \
  F (PLAN_MODIFICATION_NEW_INGREDIENT, .name = "newIngredient", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = 200, .description = "replace, add: an SR28 food number (GET /api/v1/foods)") \
  F (PLAN_MODIFICATION_AMOUNT, .name = "amount", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE, .min = 0.1, .max = 10000, .description = "replace, add: of newIngredient, for the whole recipe, in unit") \
  F (PLAN_MODIFICATION_UNIT, .name = "unit", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = 20, .description = "g (only grams for now)") \
  F (PLAN_MODIFICATION_ORIGINAL_AMOUNT, .name = "originalAmount", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE, .min = 0, .max = 10000, .description = "Recorded; the whole ingredient is replaced or omitted") \
  F (PLAN_MODIFICATION_ORIGINAL_UNIT, .name = "originalUnit", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = 20)
BZ_RESOURCE_DECLARE (bz_plan_modification, PLAN_MODIFICATION, BZ_PLAN_MODIFICATION_FIELDS)

#define BZ_PLAN_CUSTOMIZATIONS_FIELDS(F) \
  F (PLAN_CUSTOMIZATIONS_RECIPE_ID, .name = "recipeId", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = 100) \
  F (PLAN_CUSTOMIZATIONS_SOURCE, .name = "source", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = 40) \
  F (PLAN_CUSTOMIZATIONS_MODIFICATIONS, .name = "modifications", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_REQUIRED, .ref = &bz_plan_modification_resource, .max = BZ_MEAL_PLAN_MAX_MODIFICATIONS, .description = "Merged with the stored ones: the same type and ingredients replace the old one")
BZ_RESOURCE_DECLARE (bz_plan_customizations, PLAN_CUSTOMIZATIONS, BZ_PLAN_CUSTOMIZATIONS_FIELDS)

/* PUT /api/meal-plans/draft. */
#define BZ_MEAL_PLAN_DRAFT_UPDATE_FIELDS(F) \
  F (MEAL_PLAN_DRAFT_UPDATE_ACTION, .name = "action", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = 40, .description = "update-customizations") \
  F (MEAL_PLAN_DRAFT_UPDATE_DRAFT_ID, .name = "draftId", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = 120) \
  F (MEAL_PLAN_DRAFT_UPDATE_DAY, .name = "day", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_MEAL_PLAN_MAX_DAYS) \
  F (MEAL_PLAN_DRAFT_UPDATE_MEAL_NAME, .name = "mealName", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_MEAL_PLAN_MEAL_NAME_MAX) \
  F (MEAL_PLAN_DRAFT_UPDATE_RECIPE_ID, .name = "recipeId", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = 100) \
  F (MEAL_PLAN_DRAFT_UPDATE_CUSTOMIZATIONS, .name = "customizations", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_REQUIRED, .ref = &bz_plan_customizations_resource) \
  F (MEAL_PLAN_DRAFT_UPDATE_AUTO_CALCULATE_NUTRITION, .name = "autoCalculateNutrition", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_NULLABLE, .description = "Nutrition is always recalculated")
BZ_RESOURCE_DECLARE (bz_meal_plan_draft_update, MEAL_PLAN_DRAFT_UPDATE, BZ_MEAL_PLAN_DRAFT_UPDATE_FIELDS)

#define BZ_PLAN_CUSTOMIZATION_RESULT_FIELDS(F) \
  F (PLAN_CUSTOMIZATION_RESULT_MODIFIED_NUTRITION, .name = "modifiedNutrition", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_plan_nutrition_resource, .description = "The recipe after the modifications, for its servings in the meal") \
  F (PLAN_CUSTOMIZATION_RESULT_MICRONUTRIENTS_INCLUDED, .name = "micronutrientsIncluded", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .description = "true: sodium (and fiber) are counted") \
  F (PLAN_CUSTOMIZATION_RESULT_DEBUG_STEPS, .name = "debugSteps", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY, .description = "What each modification did")
BZ_RESOURCE_DECLARE (bz_plan_customization_result, PLAN_CUSTOMIZATION_RESULT, BZ_PLAN_CUSTOMIZATION_RESULT_FIELDS)

/**
 * BzPlanTotals:
 * @smae: SMAE equivalents per #BzSmaeGroup (unrounded)
 *
 * A nutrition sum: energy in kcal, protein, carbohydrate, fat and fiber in
 * g, sodium in mg (the per-serving values of a Balanza recipe), and the
 * SMAE equivalents that go with them.
 */
typedef struct
{
  double kcal, protein_g, carbs_g, fat_g, fiber_g, sodium_mg;
  double smae[BZ_SMAE_N_GROUPS];
} BzPlanTotals;

/**
 * bz_smae_record_new:
 * @smae: (array fixed-size=BZ_SMAE_N_GROUPS): equivalents per #BzSmaeGroup
 *
 * Returns: (transfer full): a SmaeEquivalents record (field index =
 *   #BzSmaeGroup, bz-recipe-resources.h) holding @smae.
 */
BzRecord *bz_smae_record_new (const double smae[BZ_SMAE_N_GROUPS]);

/**
 * bz_smae_record_add:
 * @rec: (nullable): a SmaeEquivalents record; %NULL adds nothing
 * @smae: (array fixed-size=BZ_SMAE_N_GROUPS) (inout): the running sum
 * @factor: what @rec's values are multiplied by (servings, 1)
 *
 * Adds @factor x @rec's equivalents to @smae; a group @rec lacks counts 0.
 */
void      bz_smae_record_add (BzRecord *rec, double smae[BZ_SMAE_N_GROUPS], double factor);

/**
 * bz_smae_set_panel:
 * @rec: a record
 * @field: an OBJECT field of @rec whose .ref is #bz_smae_equivalents_resource
 * @smae: (array fixed-size=BZ_SMAE_N_GROUPS): equivalents per #BzSmaeGroup
 *
 * Sets @field to the SmaeEquivalents of @smae as bz_record_take_object()
 * with bz_smae_record_new() would, held as a panel (bz_record_set_panel():
 * no child record is made unless the field is read as an object).
 */
void      bz_smae_set_panel  (BzRecord *rec, guint field, const double smae[BZ_SMAE_N_GROUPS]);

/**
 * bz_smae_panel_add:
 * @rec: (nullable): a record; %NULL adds nothing
 * @field: an OBJECT field of @rec whose .ref is #bz_smae_equivalents_resource
 * @smae: (array fixed-size=BZ_SMAE_N_GROUPS) (inout): the running sum
 * @factor: what the values are multiplied by (servings, 1)
 *
 * As bz_smae_record_add() on bz_record_get_object() (@field null, or a
 * group it lacks, adds nothing), for a panel or a record alike, without
 * making a panel into a record.
 */
void      bz_smae_panel_add  (BzRecord *rec, guint field, double smae[BZ_SMAE_N_GROUPS], double factor);

/**
 * bz_plan_day_roll_up:
 * @day: a PlanDay record, or a DailyPlan record (its meals)
 * @meals_field: the field of @day holding its PlanMeal array
 *   (%BZ_PLAN_DAY_MEALS or %BZ_DAILY_PLAN_MEALS)
 * @day_n: (nullable): a PlanDayNutrition record to fill with the day's
 *   non-empty meals (dayWise[].meals)
 * @out_total: (out caller-allocates): the day's total
 *
 * Sets each meal's totalNutrition and selectedRecipeId (null for an empty
 * slot) from its recipes' nutrition, and sums the day.
 */
void      bz_plan_day_roll_up (BzRecord *day, guint meals_field, BzRecord *day_n, BzPlanTotals *out_total);

/** bz_plan_totals_add: adds @factor x @b to @a. */
void      bz_plan_totals_add (BzPlanTotals *a, const BzPlanTotals *b, double factor);

/**
 * bz_plan_nutrition_new:
 * @resource: &bz_plan_nutrition_resource or &bz_plan_meal_nutrition_resource
 * Returns: (transfer full): a record of @resource whose calories, macros and
 *   micros are @t, each {quantity, unit}.
 */
BzRecord *bz_plan_nutrition_new (const BzResource *resource, const BzPlanTotals *t);

/**
 * bz_plan_nutrition_read:
 * @nutrition: (nullable): a PlanNutrition record
 * Adds the quantities of @nutrition (x @factor) to @t.
 */
void      bz_plan_nutrition_read (BzRecord *nutrition, BzPlanTotals *t, double factor);

/**
 * bz_meal_plan_roll_up:
 * @plan: a MealPlan record whose suggestions carry each recipe's nutrition
 *   for its servings
 *
 * Sets each meal's totalNutrition and selectedRecipeId (null for an empty
 * slot) and the plan's nutrition: per day and meal (dayWise, empty meals
 * left out), the sum of every day (overall) and overall divided by
 * durationDays (dailyAverage).
 */
void      bz_meal_plan_roll_up (BzRecord *plan);

/**
 * bz_meal_plan_default_meals:
 * Returns: (transfer none): the slots of a day of a new draft without a
 *   meal program, as seed 004 lists them: breakfast, lunch, dinner, snack.
 */
const char *const *bz_meal_plan_default_meals (void);

/**
 * bz_meal_plan_meal_key:
 * @name: a meal name
 * Returns: (transfer full): the key slots are matched by: @name stripped,
 *   case-folded and normalized (NFKC), so "Breakfast" matches "breakfast".
 */
char     *bz_meal_plan_meal_key (const char *name);

G_END_DECLS
