/* bz-ai-meal-plan-resources.c — the tables of bz-ai-meal-plan-resources.h. */
#include "bz-ai-meal-plan-resources.h"

BZ_RESOURCE_DEFINE (bz_ai_meal_plan_request, AI_MEAL_PLAN_REQUEST, "AiMealPlanRequest", "POST /api/v1/ai/generate-meal-plan (seed 002 §4.7)", BZ_AI_MEAL_PLAN_REQUEST_FIELDS)
BZ_RESOURCE_DEFINE (bz_ai_plan_meal, AI_PLAN_MEAL, "AiPlanMeal", "A recipe of a meal of a generated plan", BZ_AI_PLAN_MEAL_FIELDS)
BZ_RESOURCE_DEFINE (bz_ai_daily_totals, AI_DAILY_TOTALS, "AiDailyTotals", "A day's energy and macronutrients", BZ_AI_DAILY_TOTALS_FIELDS)
BZ_RESOURCE_DEFINE (bz_ai_plan_day, AI_PLAN_DAY, "AiPlanDay", "A day of a generated plan", BZ_AI_PLAN_DAY_FIELDS)
BZ_RESOURCE_DEFINE (bz_ai_weekly_summary, AI_WEEKLY_SUMMARY, "AiWeeklySummary", "The plan against its targets", BZ_AI_WEEKLY_SUMMARY_FIELDS)
BZ_RESOURCE_DEFINE (bz_shopping_item, SHOPPING_ITEM, "ShoppingItem", "An ingredient of the plan, summed over its days, with its estimated cost", BZ_SHOPPING_ITEM_FIELDS)
BZ_RESOURCE_DEFINE (bz_ai_meal_plan, AI_MEAL_PLAN, "AiMealPlan", "A generated meal plan with its shopping list and cost estimate (seed 002 §6.7)", BZ_AI_MEAL_PLAN_FIELDS)
BZ_RESOURCE_DEFINE (bz_ai_meal_plan_result, AI_MEAL_PLAN_RESULT, "AiMealPlanResult", "POST /api/v1/ai/generate-meal-plan's answer", BZ_AI_MEAL_PLAN_RESULT_FIELDS)
