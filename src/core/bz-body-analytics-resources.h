/* bz-body-analytics-resources.h — GET /api/analytics/body/trends and
 * /api/analytics/body/compare (issue 8; seed 001 "GET /api/analytics/body/...
 * - Body composition trend analysis") declared once (bz-resource.h).  The
 * figures: bz-body-analytics.h. */
#pragma once

#include "bz-resources.h"

G_BEGIN_DECLS

#define BZ_BODY_METRIC_NAMES "weight_kg, fat_mass_kg, lean_mass_kg, body_fat_percent, skeletal_muscle_mass_kg, " \
  "waist_to_height_ratio, neck_cm, chest_cm, waist_cm, hip_cm, arm_cm, thigh_cm, calf_cm, lean_{right_arm,left_arm,trunk,right_leg,left_leg}_kg, " \
  "fat_{right_arm,left_arm,trunk,right_leg,left_leg}_kg"

#define BZ_BODY_POINT_FIELDS(F) \
  F (BODY_POINT_SCAN_ID, .name = "scan_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (BODY_POINT_MEASURED_AT, .name = "measured_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY) \
  F (BODY_POINT_VALUE, .name = "value", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .description = "In the trend's unit")
BZ_RESOURCE_DECLARE (bz_body_point, BODY_POINT, BZ_BODY_POINT_FIELDS)

#define BZ_BODY_TREND_FIELDS(F) \
  F (BODY_TREND_METRIC, .name = "metric", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "One of " BZ_BODY_METRIC_NAMES "; fat_mass_kg = weight × body fat %, lean_mass_kg = weight − fat mass, waist_to_height_ratio = waist / height (Ashwell and Hsieh 2005)") \
  F (BODY_TREND_UNIT, .name = "unit", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "kg, %, cm or ratio") \
  F (BODY_TREND_POINTS, .name = "points", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_body_point_resource, .description = "The scans that have the value, oldest first") \
  F (BODY_TREND_FIRST, .name = "first", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE) \
  F (BODY_TREND_LAST, .name = "last", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE) \
  F (BODY_TREND_CHANGE, .name = "change", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "last − first") \
  F (BODY_TREND_RATE_PER_WEEK, .name = "rate_per_week", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "Least-squares slope of the points over time, per 7 days; null with fewer than two points")
BZ_RESOURCE_DECLARE (bz_body_trend, BODY_TREND, BZ_BODY_TREND_FIELDS)

#define BZ_BODY_TRENDS_FIELDS(F) \
  F (BODY_TRENDS_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (BODY_TRENDS_START_DATE, .name = "start_date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "As asked; null: from the first scan") \
  F (BODY_TRENDS_END_DATE, .name = "end_date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "As asked; null: to the latest scan") \
  F (BODY_TRENDS_SCAN_COUNT, .name = "scan_count", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Scans in the period") \
  F (BODY_TRENDS_TRENDS, .name = "trends", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_body_trend_resource, .description = "One per metric, in the order of the metric list, also when no scan has it (no points)")
BZ_RESOURCE_DECLARE (bz_body_trends, BODY_TRENDS, BZ_BODY_TRENDS_FIELDS)

#define BZ_BODY_TRENDS_QUERY_FIELDS(F) \
  F (BODY_TRENDS_QUERY_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .description = "For a nutritionist: one of own patients; members omit it") \
  F (BODY_TRENDS_QUERY_START_DATE, .name = "start_date", .type = BZ_FIELD_DATE, .description = "First day of the period, the clinic's local date (default: the first scan)") \
  F (BODY_TRENDS_QUERY_END_DATE, .name = "end_date", .type = BZ_FIELD_DATE, .description = "Last day of the period, included (default: the latest scan); not before start_date")
BZ_RESOURCE_DECLARE (bz_body_trends_query, BODY_TRENDS_QUERY, BZ_BODY_TRENDS_QUERY_FIELDS)

#define BZ_BODY_CHANGE_FIELDS(F) \
  F (BODY_CHANGE_METRIC, .name = "metric", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "As BodyTrend.metric") \
  F (BODY_CHANGE_UNIT, .name = "unit", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (BODY_CHANGE_FROM, .name = "from", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The earlier scan's value; null when not measured") \
  F (BODY_CHANGE_TO, .name = "to", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE) \
  F (BODY_CHANGE_CHANGE, .name = "change", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "to − from; null unless both were measured") \
  F (BODY_CHANGE_RATE_PER_WEEK, .name = "rate_per_week", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "change / weeks between the scans; null when the scans share their instant")
BZ_RESOURCE_DECLARE (bz_body_change, BODY_CHANGE, BZ_BODY_CHANGE_FIELDS)

#define BZ_BODY_COMPARE_FIELDS(F) \
  F (BODY_COMPARE_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (BODY_COMPARE_FROM, .name = "from", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_scan_resource, .description = "The earlier of the two scans, with its avatar") \
  F (BODY_COMPARE_TO, .name = "to", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_scan_resource, .description = "The later one") \
  F (BODY_COMPARE_DAYS_BETWEEN, .name = "days_between", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .unit = "days") \
  F (BODY_COMPARE_CHANGES, .name = "changes", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_body_change_resource, .description = "One per metric, in the order of the metric list")
BZ_RESOURCE_DECLARE (bz_body_compare, BODY_COMPARE, BZ_BODY_COMPARE_FIELDS)

#define BZ_BODY_COMPARE_QUERY_FIELDS(F) \
  F (BODY_COMPARE_QUERY_FROM_SCAN_ID, .name = "from_scan_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_REQUIRED, .description = "A scan of the caller's (a member's own, a nutritionist's patient's)") \
  F (BODY_COMPARE_QUERY_TO_SCAN_ID, .name = "to_scan_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_REQUIRED, .description = "Another scan of the same patient; the two may come in either order")
BZ_RESOURCE_DECLARE (bz_body_compare_query, BODY_COMPARE_QUERY, BZ_BODY_COMPARE_QUERY_FIELDS)

G_END_DECLS
