/* bz-resources.h — the declarations of Balanza's API resources (see
 * bz-resource.h for the mechanism).  One line per field; names, units and
 * vocabularies are the seeds' (seed 000 story 4.3, seed 002 §3-4). */
#pragma once

#include "bz-limits.h"
#include "bz-resource.h"

G_BEGIN_DECLS

/* Nutrient panel: the macronutrients Balanza tracks (USDA SR28 nutrient
 * numbers 208, 203, 205, 204, 291, 307), rounded to 0.1 when written. */
#define BZ_NUTRIENTS_FIELDS(F) \
  F (NUTRIENTS_ENERGY_KCAL, .name = "energy_kcal", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_ROUND1, .column = "energy_kcal", .unit = "kcal", .description = "Energy (SR28 208)") \
  F (NUTRIENTS_PROTEIN_G, .name = "protein_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_ROUND1, .column = "protein_g", .unit = "g", .description = "Protein (SR28 203)") \
  F (NUTRIENTS_CARBOHYDRATE_G, .name = "carbohydrate_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_ROUND1, .column = "carbohydrate_g", .unit = "g", .description = "Carbohydrate by difference (SR28 205)") \
  F (NUTRIENTS_FAT_G, .name = "fat_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_ROUND1, .column = "fat_g", .unit = "g", .description = "Total lipid (SR28 204)") \
  F (NUTRIENTS_FIBER_G, .name = "fiber_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_ROUND1, .column = "fiber_g", .unit = "g", .description = "Total dietary fiber (SR28 291)") \
  F (NUTRIENTS_SODIUM_MG, .name = "sodium_mg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_ROUND1, .column = "sodium_mg", .unit = "mg", .description = "Sodium (SR28 307)")
BZ_RESOURCE_DECLARE (bz_nutrients, NUTRIENTS, BZ_NUTRIENTS_FIELDS)

/* One food of a meal: a USDA food and its grams. */
#define BZ_MEAL_ITEM_FIELDS(F) \
  F (MEAL_ITEM_NDB_NO, .name = "ndb_no", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .column = "ndb_no", .min = 1, .max = 5, .description = "USDA SR28 food number") \
  F (MEAL_ITEM_DESCRIPTION, .name = "description", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The food's SR28 long description") \
  F (MEAL_ITEM_GRAMS, .name = "grams", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_REQUIRED, .column = "grams", .min = BZ_MEAL_ITEM_MIN_G, .max = BZ_MEAL_ITEM_MAX_G, .unit = "g", .description = "Portion eaten") \
  F (MEAL_ITEM_NUTRITION, .name = "nutrition", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_INLINE, .ref = &bz_nutrients_resource, .description = "The portion's nutrients, from SR28 values per 100 g")
BZ_RESOURCE_DECLARE (bz_meal_item, MEAL_ITEM, BZ_MEAL_ITEM_FIELDS)

/* A logged meal (seed 000 story 4.3). */
#define BZ_MEAL_FIELDS(F) \
  F (MEAL_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "id") \
  F (MEAL_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .column = "patient_id", .description = "For a nutritionist: one of own patients; members omit it") \
  F (MEAL_MEAL_TYPE, .name = "meal_type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_REQUIRED, .column = "meal_type", .vocab = &bz_vocab_meal_type) \
  F (MEAL_EATEN_AT, .name = "eaten_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "eaten_at") \
  F (MEAL_DATE, .name = "date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY, .column = "eaten_date", .description = "The clinic's local calendar date of eaten_at") \
  F (MEAL_PHOTO_URL, .name = "photo_url", .type = BZ_FIELD_URI, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The photo's display copy (at most 1280 px, no EXIF)") \
  F (MEAL_DETECTION_STATUS, .name = "detection_status", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .column = "detection_status", .vocab = &bz_vocab_detection_status) \
  F (MEAL_SOURCE, .name = "source", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .column = "source", .vocab = &bz_vocab_meal_source) \
  F (MEAL_NUTRITION, .name = "nutrition", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_INLINE, .ref = &bz_nutrients_resource, .description = "Sum of the items") \
  F (MEAL_ITEMS, .name = "items", .type = BZ_FIELD_ARRAY, .ref = &bz_meal_item_resource, .max = BZ_MEAL_MAX_ITEMS, .description = "The foods of the meal")
BZ_RESOURCE_DECLARE (bz_meal, MEAL, BZ_MEAL_FIELDS)

/* What the energy targets of a day rest on. */
#define BZ_TARGETS_BASIS_FIELDS(F) \
  F (TARGETS_BASIS_METHOD, .name = "method", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "\"mifflin_st_jeor\": Mifflin et al., Am J Clin Nutr 1990;51:241-7") \
  F (TARGETS_BASIS_SCAN_ID, .name = "scan_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (TARGETS_BASIS_MEASURED_AT, .name = "measured_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY) \
  F (TARGETS_BASIS_WEIGHT_KG, .name = "weight_kg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .unit = "kg") \
  F (TARGETS_BASIS_HEIGHT_CM, .name = "height_cm", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .unit = "cm") \
  F (TARGETS_BASIS_AGE, .name = "age", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .unit = "years") \
  F (TARGETS_BASIS_SEX, .name = "sex", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_sex) \
  F (TARGETS_BASIS_BMR_KCAL, .name = "bmr_kcal", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .unit = "kcal/day", .description = "Basal metabolic rate") \
  F (TARGETS_BASIS_PROTEIN_REFERENCE_WEIGHT_KG, .name = "protein_reference_weight_kg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .unit = "kg") \
  F (TARGETS_BASIS_ACTIVITY_LEVEL, .name = "activity_level", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_activity_level) \
  F (TARGETS_BASIS_ACTIVITY_FACTOR, .name = "activity_factor", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .description = "Physical activity level (FAO/WHO/UNU 2001)") \
  F (TARGETS_BASIS_GOAL, .name = "goal", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_goal)
BZ_RESOURCE_DECLARE (bz_targets_basis, TARGETS_BASIS, BZ_TARGETS_BASIS_FIELDS)

/* GET /api/nutrition/daily: a day's intake against its targets. */
#define BZ_DAILY_INTAKE_FIELDS(F) \
  F (DAILY_INTAKE_DATE, .name = "date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY) \
  F (DAILY_INTAKE_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (DAILY_INTAKE_INTAKE, .name = "intake", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_nutrients_resource, .description = "Sum of the day's meals") \
  F (DAILY_INTAKE_TARGETS_BASIS, .name = "targets_basis", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_targets_basis_resource, .description = "Null when the patient has no scan yet") \
  F (DAILY_INTAKE_TARGETS, .name = "targets", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_nutrients_resource) \
  F (DAILY_INTAKE_REMAINING, .name = "remaining", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_nutrients_resource, .description = "targets - intake") \
  F (DAILY_INTAKE_MEALS, .name = "meals", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_meal_resource, .description = "The day's meals by time")
BZ_RESOURCE_DECLARE (bz_daily_intake, DAILY_INTAKE, BZ_DAILY_INTAKE_FIELDS)

/* Page of a list (seed 002 §4.1). */
#define BZ_PAGINATION_FIELDS(F) \
  F (PAGINATION_CURRENT_PAGE, .name = "current_page", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (PAGINATION_TOTAL_PAGES, .name = "total_pages", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (PAGINATION_TOTAL_ITEMS, .name = "total_items", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (PAGINATION_LIMIT, .name = "limit", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (PAGINATION_HAS_NEXT, .name = "has_next", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY)
BZ_RESOURCE_DECLARE (bz_pagination, PAGINATION, BZ_PAGINATION_FIELDS)

/** bz_pagination_new: Returns: (transfer full): the Pagination record of @page of @limit over @total items. */
BzRecord *bz_pagination_new (guint page, guint limit, gint64 total);

#define BZ_MEAL_HISTORY_FIELDS(F) \
  F (MEAL_HISTORY_MEALS, .name = "meals", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_meal_resource, .description = "Newest first") \
  F (MEAL_HISTORY_PAGINATION, .name = "pagination", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_pagination_resource)
BZ_RESOURCE_DECLARE (bz_meal_history, MEAL_HISTORY, BZ_MEAL_HISTORY_FIELDS)

#define BZ_DETECTION_FIELDS(F) \
  F (DETECTION_STATUS, .name = "status", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_detection_status) \
  F (DETECTION_PROVIDER, .name = "provider", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The meal-detection service that answered; null when none is configured")
BZ_RESOURCE_DECLARE (bz_detection, DETECTION, BZ_DETECTION_FIELDS)

/* POST /api/nutrition/upload-meal: the stored meal and what detection said. */
#define BZ_MEAL_UPLOAD_FIELDS(F) \
  F (MEAL_UPLOAD_MEAL, .name = "meal", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_meal_resource) \
  F (MEAL_UPLOAD_DETECTION, .name = "detection", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_detection_resource)
BZ_RESOURCE_DECLARE (bz_meal_upload, MEAL_UPLOAD, BZ_MEAL_UPLOAD_FIELDS)

G_END_DECLS
