/* bz-diet-plan-resources.h — the declarations of seed 000 story 4.2's diet
 * planning endpoints (issue 11): POST /api/integrations/diet-plans (its
 * request and answer) and GET /api/nutrition/library.  camelCase, as seed
 * 000 writes; the plan itself is a MealPlan (bz-meal-plan-resources.h) with
 * creationMethod "auto_generated", and the nutrient panels are the daily's
 * (bz_nutrients_resource).  The planner's rules: bz-diet-planner.h. */
#pragma once

#include "bz-diet-planner.h"
#include "bz-meal-plan-resources.h"
#include "bz-resources.h"

G_BEGIN_DECLS

/** BZ_DIET_PLAN_LIST_MAX: entries of allergies, excludeFoods and excludedTags (Balanza's bound). */
#define BZ_DIET_PLAN_LIST_MAX 20
/** BZ_DIET_PLAN_START_MAX_DAYS: planDate at most 30 days ahead (Balanza's bound; the plan is for now). */
#define BZ_DIET_PLAN_START_MAX_DAYS 30
/** BZ_DIET_CALORIES_TARGET_MIN: a requested energy target of at least 800 kcal a day: below it is a
 * very-low-energy diet, which needs medical supervision (NICE CG189, 2014, 1.7.1: "Do not routinely use
 * very-low-calorie diets (800 kcal/day or less)"). */
#define BZ_DIET_CALORIES_TARGET_MIN 800
/** BZ_DIET_CALORIES_TARGET_MAX: at most 6000 kcal a day (Balanza's bound: above the needs of any patient a
 * clinic plans for; a larger figure is a typing error). */
#define BZ_DIET_CALORIES_TARGET_MAX 6000

#define BZ_DIET_PLAN_REQUEST_FIELDS(F) \
  F (DIET_PLAN_REQUEST_PATIENT_ID, .name = "patientId", .type = BZ_FIELD_UUID, .description = "The nutritionist's patient (required for a nutritionist); a member leaves it out: the plan is for self") \
  F (DIET_PLAN_REQUEST_DAYS, .name = "days", .type = BZ_FIELD_INTEGER, .min = 1, .max = BZ_DIET_PLANNER_MAX_DAYS, .description = "1 to 14; default 7") \
  F (DIET_PLAN_REQUEST_MEALS_PER_DAY, .name = "mealsPerDay", .type = BZ_FIELD_INTEGER, .min = BZ_DIET_PLANNER_MIN_MEALS, .max = BZ_DIET_PLANNER_MAX_MEALS, .description = "3 to 6; default 5 (desayuno, colación, comida, colación, cena)") \
  F (DIET_PLAN_REQUEST_PLAN_DATE, .name = "planDate", .type = BZ_FIELD_DATE, .description = "Day 1: today (the clinic's date; the default) up to 30 days ahead") \
  F (DIET_PLAN_REQUEST_DIETARY_PREFERENCE, .name = "dietaryPreference", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_dietary_preference, .description = "Default: the patient's, else omnivore") \
  F (DIET_PLAN_REQUEST_ALLERGIES, .name = "allergies", .type = BZ_FIELD_STRING_ARRAY, .max = BZ_DIET_PLAN_LIST_MAX, .description = "Added to the patient's allergies and food restrictions: an allergen (gluten, crustaceans, egg, fish, peanut, soy, milk, tree_nuts, or a Spanish or English name of one) excludes every recipe with it; any other word excludes the recipes with an ingredient of that name") \
  F (DIET_PLAN_REQUEST_EXCLUDE_FOODS, .name = "excludeFoods", .type = BZ_FIELD_STRING_ARRAY, .max = BZ_DIET_PLAN_LIST_MAX, .description = "Words no ingredient may start a word with (case and accents ignored: \"brócoli\")") \
  F (DIET_PLAN_REQUEST_EXCLUDED_TAGS, .name = "excludedTags", .type = BZ_FIELD_STRING_ARRAY, .max = BZ_DIET_PLAN_LIST_MAX, .description = "Recipe tags to leave out (dietary tags or free tags: \"horneado\")") \
  F (DIET_PLAN_REQUEST_PLAN_NAME, .name = "planName", .type = BZ_FIELD_STRING, .min = 1, .max = 100, .description = "Default: \"Plan automático\" and planDate") \
  F (DIET_PLAN_REQUEST_CALORIES_TARGET, .name = "caloriesTarget", .type = BZ_FIELD_NUMBER, .min = BZ_DIET_CALORIES_TARGET_MIN, .max = BZ_DIET_CALORIES_TARGET_MAX, .unit = "kcal", .description = "The day's energy target instead of the latest scan's (800-6000 kcal); protein, carbohydrate and fat are scaled with it, keeping their shares of the energy")
BZ_RESOURCE_DECLARE (bz_diet_plan_request, DIET_PLAN_REQUEST, BZ_DIET_PLAN_REQUEST_FIELDS)

#define BZ_DIET_PLAN_DAY_FIELDS(F) \
  F (DIET_PLAN_DAY_DAY, .name = "day", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (DIET_PLAN_DAY_DATE, .name = "date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY) \
  F (DIET_PLAN_DAY_WITHIN_TOLERANCE, .name = "withinTolerance", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .description = "Energy within ±5 % and protein, carbohydrate and fat within ±10 % of the targets") \
  F (DIET_PLAN_DAY_NUTRITION, .name = "nutrition", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_nutrients_resource, .description = "The day's recipes for their servings") \
  F (DIET_PLAN_DAY_ENERGY_DEVIATION, .name = "energyDeviationPercent", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "%", .description = "(day − target) / target × 100") \
  F (DIET_PLAN_DAY_PROTEIN_DEVIATION, .name = "proteinDeviationPercent", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "%") \
  F (DIET_PLAN_DAY_CARBOHYDRATE_DEVIATION, .name = "carbohydrateDeviationPercent", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "%") \
  F (DIET_PLAN_DAY_FAT_DEVIATION, .name = "fatDeviationPercent", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "%") \
  F (DIET_PLAN_DAY_SIDE_FOODS, .name = "sideFoods", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY, .description = "The day's SMAE side foods, in meal order, each as \"meal: food, household amount (grams)\" in Spanish; they are stored as added ingredients of the meal's main recipe")
BZ_RESOURCE_DECLARE (bz_diet_plan_day, DIET_PLAN_DAY, BZ_DIET_PLAN_DAY_FIELDS)

#define BZ_DIET_TOLERANCE_FIELDS(F) \
  F (DIET_TOLERANCE_ENERGY_PERCENT, .name = "energyPercent", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .unit = "%", .description = "5 (issue 11)") \
  F (DIET_TOLERANCE_MACRO_PERCENT, .name = "macroPercent", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .unit = "%", .description = "10 (issue 11)")
BZ_RESOURCE_DECLARE (bz_diet_tolerance, DIET_TOLERANCE, BZ_DIET_TOLERANCE_FIELDS)

#define BZ_DIET_RESTRICTIONS_FIELDS(F) \
  F (DIET_RESTRICTIONS_DIETARY_PREFERENCE, .name = "dietaryPreference", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_dietary_preference) \
  F (DIET_RESTRICTIONS_ALLERGENS, .name = "allergens", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY, .description = "The allergens excluded (the patient's allergies and restrictions and the request's)") \
  F (DIET_RESTRICTIONS_EXCLUDED_FOODS, .name = "excludedFoods", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY, .description = "Words excluded from the ingredients") \
  F (DIET_RESTRICTIONS_EXCLUDED_TAGS, .name = "excludedTags", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY) \
  F (DIET_RESTRICTIONS_CANDIDATE_RECIPES, .name = "candidateRecipes", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Recipes of the catalogue left after them")
BZ_RESOURCE_DECLARE (bz_diet_restrictions, DIET_RESTRICTIONS, BZ_DIET_RESTRICTIONS_FIELDS)

#define BZ_ACTIVE_PLANS_FIELDS(F) \
  F (ACTIVE_PLANS_DIET_PLAN_ID, .name = "dietPlanId", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The patient's current diet plan (seed 000 activePlans.dietPlanId)")
BZ_RESOURCE_DECLARE (bz_active_plans, ACTIVE_PLANS, BZ_ACTIVE_PLANS_FIELDS)

#define BZ_DIET_PLAN_RESULT_FIELDS(F) \
  F (DIET_PLAN_RESULT_DIET_PLAN_ID, .name = "dietPlanId", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The meal plan's id (GET /api/meal-plans/manual/{id})") \
  F (DIET_PLAN_RESULT_ACTIVE_PLANS, .name = "activePlans", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_active_plans_resource) \
  F (DIET_PLAN_RESULT_PROVIDER, .name = "provider", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The planning service: local (embedded)") \
  F (DIET_PLAN_RESULT_SOURCE, .name = "source", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "remote, cached or local: where the answer came from (the fallback chain)") \
  F (DIET_PLAN_RESULT_SOLVER, .name = "solver", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "glpk (the mixed-integer program solved), glpk_time_limit (its best solution when time ran out) or greedy (the fallback)") \
  F (DIET_PLAN_RESULT_WITHIN_TOLERANCE, .name = "withinTolerance", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .description = "Every day within tolerance; false: the catalogue, after the restrictions, cannot meet the targets: see days") \
  F (DIET_PLAN_RESULT_DAYS_WITHIN, .name = "daysWithinTolerance", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (DIET_PLAN_RESULT_TOLERANCE, .name = "tolerance", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_diet_tolerance_resource) \
  F (DIET_PLAN_RESULT_TARGETS, .name = "targets", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_nutrients_resource, .description = "The day's targets (Mifflin-St Jeor × activity, the goal; the latest scan)") \
  F (DIET_PLAN_RESULT_RESTRICTIONS, .name = "restrictions", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_diet_restrictions_resource) \
  F (DIET_PLAN_RESULT_DAYS, .name = "days", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_diet_plan_day_resource, .description = "Each day against the targets") \
  F (DIET_PLAN_RESULT_PLAN, .name = "plan", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_meal_plan_resource, .description = "The stored plan, finalized: it becomes the active plan on planDate")
BZ_RESOURCE_DECLARE (bz_diet_plan_result, DIET_PLAN_RESULT, BZ_DIET_PLAN_RESULT_FIELDS)

/* GET /api/nutrition/library. */
#define BZ_LIBRARY_TERM_FIELDS(F) \
  F (LIBRARY_TERM_ID, .name = "id", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "What requests send") \
  F (LIBRARY_TERM_LABEL, .name = "label", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "In the caller's language")
BZ_RESOURCE_DECLARE (bz_library_term, LIBRARY_TERM, BZ_LIBRARY_TERM_FIELDS)

#define BZ_LIBRARY_MEAL_FIELDS(F) \
  F (LIBRARY_MEAL_ID, .name = "id", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (LIBRARY_MEAL_NAME, .name = "name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "As the plan names the meal") \
  F (LIBRARY_MEAL_SHARE, .name = "share", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .description = "Of the day's energy, 0-1")
BZ_RESOURCE_DECLARE (bz_library_meal, LIBRARY_MEAL, BZ_LIBRARY_MEAL_FIELDS)

#define BZ_MEAL_SCHEDULE_FIELDS(F) \
  F (MEAL_SCHEDULE_MEALS_PER_DAY, .name = "mealsPerDay", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (MEAL_SCHEDULE_MEALS, .name = "meals", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_library_meal_resource)
BZ_RESOURCE_DECLARE (bz_meal_schedule, MEAL_SCHEDULE, BZ_MEAL_SCHEDULE_FIELDS)

#define BZ_NUTRITION_LIBRARY_FIELDS(F) \
  F (NUTRITION_LIBRARY_DIETARY_PREFERENCES, .name = "dietaryPreferences", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_library_term_resource, .description = "dietaryPreference of POST /api/integrations/diet-plans") \
  F (NUTRITION_LIBRARY_ALLERGENS, .name = "allergens", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_library_term_resource, .description = "The allergens the recipes are checked for (NOM-051)") \
  F (NUTRITION_LIBRARY_DIETARY_TAGS, .name = "dietaryTags", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_library_term_resource) \
  F (NUTRITION_LIBRARY_MEAL_SCHEDULES, .name = "mealSchedules", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_meal_schedule_resource, .description = "The meals of a day for each mealsPerDay") \
  F (NUTRITION_LIBRARY_MAX_DAYS, .name = "maxDays", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (NUTRITION_LIBRARY_RECIPE_COUNT, .name = "recipeCount", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Published recipes the planner chooses from")
BZ_RESOURCE_DECLARE (bz_nutrition_library, NUTRITION_LIBRARY, BZ_NUTRITION_LIBRARY_FIELDS)

G_END_DECLS
