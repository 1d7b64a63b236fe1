/* bz-ai-meal-plan-resources.h — POST /api/v1/ai/generate-meal-plan (seed 002
 * §4.7, §6.7; issue 11): its request and answer, declared once (bz-resource.h),
 * in seed 002's snake_case.  The plan is made by the diet planning service of
 * POST /api/integrations/diet-plans (bz-diet-plan-resources.h) and stored as
 * a meal plan; this answer adds seed 002's view of it: meals with times and
 * SMAE equivalents, day totals, a weekly summary, a shopping list and a cost
 * estimate in MXN (bz-food-prices.h). */
#pragma once

#include "bz-diet-plan-resources.h"
#include "bz-resources.h"

G_BEGIN_DECLS

/** BZ_AI_MEAL_PLAN_PREFERENCES_MAX: dietary_preferences entries (there are 3 preferences). */
#define BZ_AI_MEAL_PLAN_PREFERENCES_MAX 3

#define BZ_AI_MEAL_PLAN_REQUEST_FIELDS(F) \
  F (AI_MEAL_PLAN_REQUEST_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .description = "The nutritionist's patient (required for a nutritionist); a member leaves it out: the plan is for self") \
  F (AI_MEAL_PLAN_REQUEST_DURATION_DAYS, .name = "duration_days", .type = BZ_FIELD_INTEGER, .min = 1, .max = BZ_DIET_PLANNER_MAX_DAYS, .unit = "days", .description = "1 to 14; default 7") \
  F (AI_MEAL_PLAN_REQUEST_MEALS_PER_DAY, .name = "meals_per_day", .type = BZ_FIELD_INTEGER, .min = BZ_DIET_PLANNER_MIN_MEALS, .max = BZ_DIET_PLANNER_MAX_MEALS, .description = "3 to 6; default 5 (desayuno, colación AM, comida, colación PM, cena: seed 002 §6.7)") \
  F (AI_MEAL_PLAN_REQUEST_CALORIES_TARGET, .name = "calories_target", .type = BZ_FIELD_NUMBER, .min = BZ_DIET_CALORIES_TARGET_MIN, .max = BZ_DIET_CALORIES_TARGET_MAX, .unit = "kcal", .description = "The day's energy target; default: the latest scan's (Mifflin-St Jeor × activity, the goal). Protein, carbohydrate and fat keep their shares of it") \
  F (AI_MEAL_PLAN_REQUEST_DIETARY_PREFERENCES, .name = "dietary_preferences", .type = BZ_FIELD_STRING_ARRAY, .max = BZ_AI_MEAL_PLAN_PREFERENCES_MAX, .vocab = &bz_vocab_dietary_preference, .description = "omnivore, vegetarian or vegan (Spanish names accepted); at most one of them; default: the patient's") \
  F (AI_MEAL_PLAN_REQUEST_EXCLUDE_FOODS, .name = "exclude_foods", .type = BZ_FIELD_STRING_ARRAY, .max = BZ_DIET_PLAN_LIST_MAX, .description = "Words no ingredient may start a word with (case and accents ignored: \"brócoli\"); the patient's allergies and restrictions are always excluded") \
  F (AI_MEAL_PLAN_REQUEST_BUDGET_LEVEL, .name = "budget_level", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_budget_level, .description = "economico, moderado or alto; default moderado.  Echoed with the cost estimate: the planner does not choose recipes by price")
BZ_RESOURCE_DECLARE (bz_ai_meal_plan_request, AI_MEAL_PLAN_REQUEST, BZ_AI_MEAL_PLAN_REQUEST_FIELDS)

#define BZ_AI_PLAN_MEAL_FIELDS(F) \
  F (AI_PLAN_MEAL_MEAL_TYPE, .name = "meal_type", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The meal of the day: desayuno, colacion_matutina, comida, colacion_vespertina, cena, colacion_nocturna (GET /api/nutrition/library)") \
  F (AI_PLAN_MEAL_MEAL_NAME, .name = "meal_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "As the plan names it (\"Colación matutina\")") \
  F (AI_PLAN_MEAL_TIME, .name = "time", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "A suggested time, HH:MM (Balanza's schedule: desayuno 08:00, colación 11:00, comida 14:30, colación 17:30, cena 20:30, colación nocturna 22:00)") \
  F (AI_PLAN_MEAL_RECIPE_ID, .name = "recipe_id", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "GET /api/v1/recipes/{id}") \
  F (AI_PLAN_MEAL_RECIPE_NAME, .name = "recipe_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (AI_PLAN_MEAL_PORTIONS, .name = "portions", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .description = "Servings of the recipe, in halves (0.5 to 3)") \
  F (AI_PLAN_MEAL_NUTRITION, .name = "nutrition", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_nutrients_resource, .description = "The recipe's per serving × portions") \
  F (AI_PLAN_MEAL_EQUIVALENTS, .name = "equivalents", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "SMAE equivalents of those portions, in words (\"1.5 cereales sin grasa, 1 frutas\"); empty when none reaches 0.5")
BZ_RESOURCE_DECLARE (bz_ai_plan_meal, AI_PLAN_MEAL, BZ_AI_PLAN_MEAL_FIELDS)

#define BZ_AI_DAILY_TOTALS_FIELDS(F) \
  F (AI_DAILY_TOTALS_CALORIES, .name = "calories", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "kcal") \
  F (AI_DAILY_TOTALS_PROTEIN_G, .name = "protein_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "g") \
  F (AI_DAILY_TOTALS_CARBS_G, .name = "carbs_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "g") \
  F (AI_DAILY_TOTALS_FAT_G, .name = "fat_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "g")
BZ_RESOURCE_DECLARE (bz_ai_daily_totals, AI_DAILY_TOTALS, BZ_AI_DAILY_TOTALS_FIELDS)

#define BZ_AI_PLAN_DAY_FIELDS(F) \
  F (AI_PLAN_DAY_DAY, .name = "day", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (AI_PLAN_DAY_DATE, .name = "date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY) \
  F (AI_PLAN_DAY_MEALS, .name = "meals", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_ai_plan_meal_resource, .description = "One entry per recipe, in the order of the day's meals (a meal may have two recipes)") \
  F (AI_PLAN_DAY_DAILY_TOTALS, .name = "daily_totals", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_ai_daily_totals_resource, .description = "The sum of the day's meals") \
  F (AI_PLAN_DAY_WITHIN_TOLERANCE, .name = "within_tolerance", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .description = "Energy within ±5 % and protein, carbohydrate and fat within ±10 % of the targets")
BZ_RESOURCE_DECLARE (bz_ai_plan_day, AI_PLAN_DAY, BZ_AI_PLAN_DAY_FIELDS)

#define BZ_AI_WEEKLY_SUMMARY_FIELDS(F) \
  F (AI_WEEKLY_SUMMARY_DAYS, .name = "days", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (AI_WEEKLY_SUMMARY_DAYS_WITHIN_TOLERANCE, .name = "days_within_tolerance", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (AI_WEEKLY_SUMMARY_TARGETS, .name = "targets", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_ai_daily_totals_resource, .description = "The day's targets") \
  F (AI_WEEKLY_SUMMARY_DAILY_AVERAGE, .name = "daily_average", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_ai_daily_totals_resource, .description = "The days' totals / days") \
  F (AI_WEEKLY_SUMMARY_SOLVER, .name = "solver", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "As POST /api/integrations/diet-plans answers: glpk, glpk_time_limit or greedy") \
  F (AI_WEEKLY_SUMMARY_SOURCE, .name = "source", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "remote, cached or local: where the plan came from (the fallback chain)")
BZ_RESOURCE_DECLARE (bz_ai_weekly_summary, AI_WEEKLY_SUMMARY, BZ_AI_WEEKLY_SUMMARY_FIELDS)

#define BZ_SHOPPING_ITEM_FIELDS(F) \
  F (SHOPPING_ITEM_NDB_NO, .name = "ndb_no", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "USDA SR28 food number (GET /api/v1/foods/{ndb_no})") \
  F (SHOPPING_ITEM_ITEM, .name = "item", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "Its Spanish (Mexico) name, else the SR28 description") \
  F (SHOPPING_ITEM_GRAMS, .name = "grams", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "g", .description = "The sum over the plan's days of the recipes' grams of it per serving × portions (edible portion)") \
  F (SHOPPING_ITEM_QUANTITY, .name = "quantity", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "How much to buy, in unit (kg and litro to the next 0.05, others whole); null without a known unit") \
  F (SHOPPING_ITEM_UNIT, .name = "unit", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The Mexican purchase unit: kg, litro, pieza, manojo, paquete, bolsa, sobre...; null when unknown") \
  F (SHOPPING_ITEM_UNIT_GRAMS, .name = "unit_grams", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .unit = "g", .description = "Grams in one unit") \
  F (SHOPPING_ITEM_PRICE_MXN_PER_KG, .name = "price_mxn_per_kg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .unit = "MXN/kg", .description = "An estimate (data/prices/food-prices-mx.tsv); null: no price known") \
  F (SHOPPING_ITEM_ESTIMATED_COST_MXN, .name = "estimated_cost_mxn", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .unit = "MXN", .description = "grams / 1000 × price_mxn_per_kg, to the centavo; null: no price known") \
  F (SHOPPING_ITEM_PRICE_BASIS, .name = "price_basis", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "profeco-qqp-2025-10 (a published average) or estimate-2025 (Balanza's rough estimate); null: no price")
BZ_RESOURCE_DECLARE (bz_shopping_item, SHOPPING_ITEM, BZ_SHOPPING_ITEM_FIELDS)

#define BZ_AI_MEAL_PLAN_FIELDS(F) \
  F (AI_MEAL_PLAN_ID, .name = "id", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The stored meal plan (GET /api/meal-plans/manual/{id}); finalized, it becomes the patient's active plan today") \
  F (AI_MEAL_PLAN_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (AI_MEAL_PLAN_DAYS, .name = "days", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_ai_plan_day_resource) \
  F (AI_MEAL_PLAN_WEEKLY_SUMMARY, .name = "weekly_summary", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_ai_weekly_summary_resource) \
  F (AI_MEAL_PLAN_SHOPPING_LIST, .name = "shopping_list", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_shopping_item_resource, .description = "Every ingredient of the plan's recipes, once, in the order of the heaviest first") \
  F (AI_MEAL_PLAN_ESTIMATED_COST_MXN, .name = "estimated_cost_mxn", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .unit = "MXN", .description = "The sum of the shopping list's estimated costs, to the centavo: an estimate, without the items of missing_prices") \
  F (AI_MEAL_PLAN_COST_PER_DAY_MXN, .name = "cost_per_day_mxn", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .unit = "MXN", .description = "estimated_cost_mxn / days, to the centavo") \
  F (AI_MEAL_PLAN_MISSING_PRICES, .name = "missing_prices", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY, .description = "ndb_no of the shopping list's items without a price: left out of the estimate, not guessed") \
  F (AI_MEAL_PLAN_PRICES_AS_OF, .name = "prices_as_of", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The month of the price table, YYYY-MM") \
  F (AI_MEAL_PLAN_BUDGET_LEVEL, .name = "budget_level", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_budget_level, .description = "The request's (default moderado)")
BZ_RESOURCE_DECLARE (bz_ai_meal_plan, AI_MEAL_PLAN, BZ_AI_MEAL_PLAN_FIELDS)

#define BZ_AI_MEAL_PLAN_RESULT_FIELDS(F) \
  F (AI_MEAL_PLAN_RESULT_MEAL_PLAN, .name = "meal_plan", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_ai_meal_plan_resource)
BZ_RESOURCE_DECLARE (bz_ai_meal_plan_result, AI_MEAL_PLAN_RESULT, BZ_AI_MEAL_PLAN_RESULT_FIELDS)

G_END_DECLS
