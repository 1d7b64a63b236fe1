/* bz-analytics-resources.h — the nutrition analytics (issue 12; seed 001
 * "GET /api/analytics/nutrition/...": compliance, macro distribution, logging
 * streaks) declared once (bz-resource.h): the JSON, the OpenAPI schema and
 * the query parameters come from here.  The figures: bz-analytics.h. */
#pragma once

#include "bz-analytics.h"
#include "bz-resources.h"

G_BEGIN_DECLS

#define BZ_NUTRITION_DAY_FIELDS(F) \
  F (NUTRITION_DAY_DATE, .name = "date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY, .description = "The clinic's local calendar date") \
  F (NUTRITION_DAY_MEALS, .name = "meals", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Meals logged (0: nothing logged)") \
  F (NUTRITION_DAY_INTAKE, .name = "intake", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_nutrients_resource) \
  F (NUTRITION_DAY_TARGETS, .name = "targets", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_nutrients_resource, .description = "Mifflin-St Jeor targets from the latest scan on or before the day; null before the first scan") \
  F (NUTRITION_DAY_TARGET_MET, .name = "target_met", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "Energy within 10 % of the target; null without targets") \
  F (NUTRITION_DAY_PLANNED, .name = "planned", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_nutrients_resource, .description = "The meal plan's day (recipes x servings); null when no plan day falls on the date") \
  F (NUTRITION_DAY_PLAN_MET, .name = "plan_met", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "Energy within 10 % of the plan's day; null without a plan day")
BZ_RESOURCE_DECLARE (bz_nutrition_day, NUTRITION_DAY, BZ_NUTRITION_DAY_FIELDS)

#define BZ_MACRO_DISTRIBUTION_FIELDS(F) \
  F (MACRO_DISTRIBUTION_PROTEIN_PERCENT, .name = "protein_percent", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .unit = "%", .description = "Share of energy, 4 kcal/g (Atwater general factors, FAO FNP 77)") \
  F (MACRO_DISTRIBUTION_CARBOHYDRATE_PERCENT, .name = "carbohydrate_percent", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .unit = "%", .description = "Share of energy, 4 kcal/g") \
  F (MACRO_DISTRIBUTION_FAT_PERCENT, .name = "fat_percent", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .unit = "%", .description = "Share of energy, 9 kcal/g")
BZ_RESOURCE_DECLARE (bz_macro_distribution, MACRO_DISTRIBUTION, BZ_MACRO_DISTRIBUTION_FIELDS)

#define BZ_NUTRITION_ANALYTICS_FIELDS(F) \
  F (NUTRITION_ANALYTICS_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (NUTRITION_ANALYTICS_PERIOD, .name = "period", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_analytics_period) \
  F (NUTRITION_ANALYTICS_START_DATE, .name = "start_date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY) \
  F (NUTRITION_ANALYTICS_END_DATE, .name = "end_date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY) \
  F (NUTRITION_ANALYTICS_DAYS, .name = "days", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_nutrition_day_resource, .description = "Oldest first") \
  F (NUTRITION_ANALYTICS_DAYS_LOGGED, .name = "days_logged", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (NUTRITION_ANALYTICS_ADHERENCE_RATE, .name = "adherence_rate", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .unit = "%", .description = "Days with the energy within 10 % of the target, of the days with targets (unlogged days count as missed); null without targets") \
  F (NUTRITION_ANALYTICS_PLAN_ADHERENCE_RATE, .name = "plan_adherence_rate", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .unit = "%", .description = "The same against the meal plan's days; null without a plan day") \
  F (NUTRITION_ANALYTICS_MEAN_INTAKE, .name = "mean_intake", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_nutrients_resource, .description = "Mean of the logged days") \
  F (NUTRITION_ANALYTICS_MACRO_DISTRIBUTION, .name = "macro_distribution", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_macro_distribution_resource, .description = "Of the span's whole intake") \
  F (NUTRITION_ANALYTICS_CURRENT_STREAK_DAYS, .name = "current_streak_days", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Consecutive days with a meal ending on end_date (or the day before, while end_date has none), counted up to a year back") \
  F (NUTRITION_ANALYTICS_LONGEST_STREAK_DAYS, .name = "longest_streak_days", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "The longest run of logged days within the span")
BZ_RESOURCE_DECLARE (bz_nutrition_analytics, NUTRITION_ANALYTICS, BZ_NUTRITION_ANALYTICS_FIELDS)

#define BZ_ANALYTICS_QUERY_FIELDS(F) \
  F (ANALYTICS_QUERY_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .description = "For a nutritionist: one of own patients; members omit it") \
  F (ANALYTICS_QUERY_PERIOD, .name = "period", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_analytics_period, .description = "day, week (7 days) or month (30 days) ending on date (default week)") \
  F (ANALYTICS_QUERY_DATE, .name = "date", .type = BZ_FIELD_DATE, .description = "The span's last day, the clinic's local date (default today; not after today)")
BZ_RESOURCE_DECLARE (bz_analytics_query, ANALYTICS_QUERY, BZ_ANALYTICS_QUERY_FIELDS)

G_END_DECLS
