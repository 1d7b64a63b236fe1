/* bz-analytics-resources.c — the tables of bz-analytics-resources.h. */
#include "bz-analytics-resources.h"

BZ_RESOURCE_DEFINE (bz_nutrition_day, NUTRITION_DAY, "NutritionDay", "A day's intake against its targets and plan", BZ_NUTRITION_DAY_FIELDS)
BZ_RESOURCE_DEFINE (bz_macro_distribution, MACRO_DISTRIBUTION, "MacroDistribution", "Share of energy by macronutrient", BZ_MACRO_DISTRIBUTION_FIELDS)
BZ_RESOURCE_DEFINE (bz_nutrition_analytics, NUTRITION_ANALYTICS, "NutritionAnalytics", "Compliance, macro distribution and logging streaks over a span of days", BZ_NUTRITION_ANALYTICS_FIELDS)
BZ_RESOURCE_DEFINE (bz_analytics_query, ANALYTICS_QUERY, "AnalyticsQuery", "Query of GET /api/analytics/nutrition/summary", BZ_ANALYTICS_QUERY_FIELDS)
