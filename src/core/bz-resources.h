/* bz-resources.h — the declarations of Balanza's API resources (see
 * bz-resource.h for the mechanism).  One line per field; names, units and
 * vocabularies are the seeds' (seed 000 story 4.3, seed 002 §3-4). */
#pragma once

#include "bz-limits.h"
#include "bz-nutrition.h"
#include "bz-resource.h"

G_BEGIN_DECLS

/* Declared with their tables in bz-recipe-resources.h (SmaeEquivalents) and
 * bz-meal-plan-resources.h (DailyPlan), which include this header; named
 * here so that Meal and DailyIntake can refer to them. */
extern BzResource bz_smae_equivalents_resource;
extern BzResource bz_daily_plan_resource;

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

/**
 * bz_nutrients_record_new:
 * @n: a panel (bz-nutrition.h)
 * Returns: (transfer full): the Nutrients record of @n.
 */
BzRecord *bz_nutrients_record_new (const BzNutrients *n);
/** bz_nutrients_from_record: @panel: a Nutrients record; @n: (out): its values (NAN for nulls). */
void      bz_nutrients_from_record (BzRecord *panel, BzNutrients *n);

/**
 * bz_nutrients_set_panel:
 * @rec: a record
 * @field: an OBJECT field of @rec whose .ref is #bz_nutrients_resource
 * @n: the values
 *
 * Sets @field to the Nutrients of @n as bz_record_take_object() with
 * bz_nutrients_record_new() would, held as a panel (bz_record_set_panel():
 * no child record is made unless the field is read as an object).
 */
void      bz_nutrients_set_panel   (BzRecord *rec, guint field, const BzNutrients *n);

/**
 * bz_nutrients_from_panel:
 * @rec: a record
 * @field: an OBJECT field of @rec whose .ref is #bz_nutrients_resource
 * @n: (out): its values, NAN for nulls (all NAN when @field is null)
 *
 * Reads the Nutrients of @field, a panel or a record alike, as
 * bz_nutrients_from_record() on bz_record_get_object() would, without
 * making a panel into a record.
 *
 * Returns: whether @field holds a value.
 */
gboolean  bz_nutrients_from_panel  (BzRecord *rec, guint field, BzNutrients *n);

/* One food of a meal: a USDA food and its grams. */
#define BZ_MEAL_ITEM_FIELDS(F) \
  F (MEAL_ITEM_NDB_NO, .name = "ndb_no", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .column = "ndb_no", .min = 1, .max = 5, .description = "USDA SR28 food number") \
  F (MEAL_ITEM_DESCRIPTION, .name = "description", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The food's SR28 long description") \
  F (MEAL_ITEM_NAME_ES, .name = "name_es", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The food's Spanish (Mexico) name (data/foods/es-MX-names.tsv); null when it has none") \
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
  F (MEAL_ITEMS, .name = "items", .type = BZ_FIELD_ARRAY, .ref = &bz_meal_item_resource, .max = BZ_MEAL_MAX_ITEMS, .description = "The foods of the meal") \
  F (MEAL_EQUIVALENTS, .name = "equivalents", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_smae_equivalents_resource, .description = "SMAE equivalents of the items: each food classified into its SMAE group (bz_smae_classify()), or decomposed when it is a mixed dish (bz_smae_decompose())")
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
  F (DAILY_INTAKE_MEALS, .name = "meals", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_meal_resource, .description = "The day's meals by time") \
  F (DAILY_INTAKE_EQUIVALENTS, .name = "equivalents", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_smae_equivalents_resource, .description = "SMAE equivalents eaten: the sum of the meals'") \
  F (DAILY_INTAKE_PLANNED, .name = "planned", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_daily_plan_resource, .description = "The day of the patient's meal plan that falls on date (its active plan, else its upcoming or last completed one); null when no plan covers date")
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

/* PATCH /api/v1/meals/{meal_id}: what to change (at least one member). */
#define BZ_MEAL_UPDATE_FIELDS(F) \
  F (MEAL_UPDATE_MEAL_TYPE, .name = "meal_type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_WRITE_ONLY, .vocab = &bz_vocab_meal_type) \
  F (MEAL_UPDATE_EATEN_AT, .name = "eaten_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_WRITE_ONLY, .description = "When it was eaten (ISO 8601 with its time zone); the meal's date follows it") \
  F (MEAL_UPDATE_ITEMS, .name = "items", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_WRITE_ONLY, .ref = &bz_meal_item_resource, .max = BZ_MEAL_MAX_ITEMS, .description = "The meal's foods, replacing the ones it has")
BZ_RESOURCE_DECLARE (bz_meal_update, MEAL_UPDATE, BZ_MEAL_UPDATE_FIELDS)

/* POST /api/nutrition/log-previous-meal (seed 000 story 4.3 AC 4): a meal
 * of one's history logged again, without a new photo or detection. */
#define BZ_MEAL_REUSE_FIELDS(F) \
  F (MEAL_REUSE_MEAL_ID, .name = "meal_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_REQUIRED, .description = "A meal of the caller's history (a nutritionist: of own patients')") \
  F (MEAL_REUSE_MEAL_TYPE, .name = "meal_type", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_meal_type, .description = "Default: the earlier meal's") \
  F (MEAL_REUSE_EATEN_AT, .name = "eaten_at", .type = BZ_FIELD_DATE_TIME, .description = "Default: now; not in the future") \
  F (MEAL_REUSE_IMAGE_ID, .name = "image_id", .type = BZ_FIELD_UUID, .description = "Default: the earlier meal's photo.  A photo of today's plate the caller stored with POST /api/upload/meal-images")
BZ_RESOURCE_DECLARE (bz_meal_reuse, MEAL_REUSE, BZ_MEAL_REUSE_FIELDS)

/* DELETE /api/v1/meals/{meal_id}: what was deleted. */
#define BZ_MEAL_DELETED_FIELDS(F) \
  F (MEAL_DELETED_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (MEAL_DELETED_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (MEAL_DELETED_DELETED, .name = "deleted", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .description = "Always true")
BZ_RESOURCE_DECLARE (bz_meal_deleted, MEAL_DELETED, BZ_MEAL_DELETED_FIELDS)

/* One food a meal-detection service saw on a photo (seed 000 story 4.3),
 * matched to a USDA SR28 food when the food search finds one. */
#define BZ_DETECTED_FOOD_FIELDS(F) \
  F (DETECTED_FOOD_NAME, .name = "name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "What the service called it, in the request's language") \
  F (DETECTED_FOOD_GRAMS, .name = "grams", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "g", .description = "The service's estimate of the portion") \
  F (DETECTED_FOOD_CONFIDENCE, .name = "confidence", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .min = 0, .max = 1) \
  F (DETECTED_FOOD_NDB_NO, .name = "ndb_no", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The USDA SR28 food it was matched to by the food search; null: no match (the nutrients are the service's estimate)") \
  F (DETECTED_FOOD_DESCRIPTION, .name = "description", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The matched food's USDA description") \
  F (DETECTED_FOOD_NUTRIENTS, .name = "nutrients", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_nutrients_resource, .description = "Of the grams: from SR28 when matched, else the service's estimate")
BZ_RESOURCE_DECLARE (bz_detected_food, DETECTED_FOOD, BZ_DETECTED_FOOD_FIELDS)

/* One of the patient's earlier meals that the local meal detector proposes
 * for a new photo (bz-meal-detection.h): a proposal, not stored foods. */
#define BZ_MEAL_PROPOSAL_FIELDS(F) \
  F (MEAL_PROPOSAL_MEAL_ID, .name = "meal_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .description = "The latest earlier meal with these foods: accept it with PATCH /api/v1/meals/{meal_id} of the new meal (its items) or POST /api/nutrition/log-previous-meal") \
  F (MEAL_PROPOSAL_EATEN_AT, .name = "eaten_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .description = "When that meal was eaten") \
  F (MEAL_PROPOSAL_TIMES, .name = "times", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "How many of the patient's recent meals of this type had exactly these foods") \
  F (MEAL_PROPOSAL_TIMES_NEAR, .name = "times_at_this_hour", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "How many of them were eaten within 90 minutes of this meal's time of day") \
  F (MEAL_PROPOSAL_ITEMS, .name = "items", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_meal_item_resource, .max = BZ_MEAL_MAX_ITEMS, .description = "That meal's foods and grams") \
  F (MEAL_PROPOSAL_NUTRITION, .name = "nutrition", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_nutrients_resource, .description = "Their sum, from SR28")
BZ_RESOURCE_DECLARE (bz_meal_proposal, MEAL_PROPOSAL, BZ_MEAL_PROPOSAL_FIELDS)

#define BZ_DETECTION_FIELDS(F) \
  F (DETECTION_STATUS, .name = "status", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_detection_status) \
  F (DETECTION_PROVIDER, .name = "provider", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The meal-detection service that answered; null when none is configured") \
  F (DETECTION_SOURCE, .name = "source", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "remote (the service), cached (its last answer for the same photo) or local; null: manual entry") \
  F (DETECTION_FOODS, .name = "foods", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_detected_food_resource, .description = "Empty when the foods are to be entered by hand") \
  F (DETECTION_TOTAL, .name = "total", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_nutrients_resource, .description = "The foods' sum; null with no foods") \
  F (DETECTION_MESSAGE, .name = "message", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "Why the foods are to be entered by hand; null when detected") \
  F (DETECTION_PROPOSALS, .name = "proposals", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_OPTIONAL, .ref = &bz_meal_proposal_resource, .max = BZ_MEAL_PROPOSALS_MAX, .description = "With no meal-detection service configured: the patient's most similar earlier meals of the same type (the local detector; most frequent food sets at this time of day first), for the member to pick; absent otherwise")
BZ_RESOURCE_DECLARE (bz_detection, DETECTION, BZ_DETECTION_FIELDS)

/* POST /api/nutrition/upload-meal: the stored meal and what detection said. */
#define BZ_MEAL_UPLOAD_FIELDS(F) \
  F (MEAL_UPLOAD_MEAL, .name = "meal", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_meal_resource) \
  F (MEAL_UPLOAD_DETECTION, .name = "detection", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_detection_resource)
BZ_RESOURCE_DECLARE (bz_meal_upload, MEAL_UPLOAD, BZ_MEAL_UPLOAD_FIELDS)

/* --- Health (no seed: operations) ----------------------------------------- */

#define BZ_HEALTH_FIELDS(F) \
  F (HEALTH_STATUS, .name = "status", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "\"ok\"") \
  F (HEALTH_VERSION, .name = "version", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY)
BZ_RESOURCE_DECLARE (bz_health, HEALTH, BZ_HEALTH_FIELDS)

#define BZ_READINESS_FIELDS(F) \
  F (READINESS_STATUS, .name = "status", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "\"ready\"") \
  F (READINESS_SCHEMA_VERSION, .name = "schema_version", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "The last applied migration (data/sql)") \
  F (READINESS_FOODS, .name = "foods", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "USDA SR28 foods imported (8,789 when complete)")
BZ_RESOURCE_DECLARE (bz_readiness, READINESS, BZ_READINESS_FIELDS)

/* --- Accounts (seed 002 §4.2) --------------------------------------------- */

#define BZ_USER_FIELDS(F) \
  F (USER_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "id") \
  F (USER_EMAIL, .name = "email", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "email", .description = "Lowercase") \
  F (USER_USERNAME, .name = "username", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "username") \
  F (USER_FIRST_NAME, .name = "first_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "first_name") \
  F (USER_LAST_NAME, .name = "last_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "last_name") \
  F (USER_FULL_NAME, .name = "full_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (USER_USER_TYPE, .name = "user_type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .column = "user_type", .vocab = &bz_vocab_user_type) \
  F (USER_EMAIL_VERIFIED, .name = "email_verified", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .column = "email_verified") \
  F (USER_MUST_CHANGE_PASSWORD, .name = "must_change_password", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .column = "must_change_password", .description = "A generated password must be changed before anything else")
BZ_RESOURCE_DECLARE (bz_user, USER, BZ_USER_FIELDS)

/* Login and registration: tokens and who they belong to. */
#define BZ_SESSION_FIELDS(F) \
  F (SESSION_ACCESS_TOKEN, .name = "access_token", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "HS256 JWT, valid for expires_in seconds") \
  F (SESSION_REFRESH_TOKEN, .name = "refresh_token", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "Opaque, rotating, 30 days") \
  F (SESSION_TOKEN_TYPE, .name = "token_type", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "\"Bearer\"") \
  F (SESSION_EXPIRES_IN, .name = "expires_in", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .unit = "s") \
  F (SESSION_PASSWORD_CHANGE_REQUIRED, .name = "password_change_required", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY) \
  F (SESSION_USER, .name = "user", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_user_resource) \
  F (SESSION_IS_NEW_USER, .name = "is_new_user", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_OPTIONAL, .description = "Sign-in with Google only (seed 002 4.2): a member account was created for the Google e-mail")
BZ_RESOURCE_DECLARE (bz_session, SESSION, BZ_SESSION_FIELDS)

#define BZ_TOKEN_PAIR_FIELDS(F) \
  F (TOKEN_PAIR_ACCESS_TOKEN, .name = "access_token", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (TOKEN_PAIR_REFRESH_TOKEN, .name = "refresh_token", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The next one: the one sent is spent") \
  F (TOKEN_PAIR_TOKEN_TYPE, .name = "token_type", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (TOKEN_PAIR_EXPIRES_IN, .name = "expires_in", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .unit = "s")
BZ_RESOURCE_DECLARE (bz_token_pair, TOKEN_PAIR, BZ_TOKEN_PAIR_FIELDS)

/* --- Patients (seed 002 §4.3) --------------------------------------------- */

/* A row of the nutritionist's list: the columns are patients' (the user's
 * name and email, and the scans' figures, are joined or computed). */
#define BZ_PATIENT_SUMMARY_FIELDS(F) \
  F (PATIENT_SUMMARY_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "id") \
  F (PATIENT_SUMMARY_USER_ID, .name = "user_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "user_id") \
  F (PATIENT_SUMMARY_FULL_NAME, .name = "full_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (PATIENT_SUMMARY_EMAIL, .name = "email", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (PATIENT_SUMMARY_PHOTO_URL, .name = "photo_url", .type = BZ_FIELD_URI, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE) \
  F (PATIENT_SUMMARY_PRIMARY_GOAL, .name = "primary_goal", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "primary_goal", .vocab = &bz_vocab_goal) \
  F (PATIENT_SUMMARY_STATUS, .name = "status", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .column = "status", .vocab = &bz_vocab_patient_status) \
  F (PATIENT_SUMMARY_ASSIGNED_AT, .name = "assigned_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "assigned_at") \
  F (PATIENT_SUMMARY_LAST_APPOINTMENT, .name = "last_appointment", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE) \
  F (PATIENT_SUMMARY_NEXT_APPOINTMENT, .name = "next_appointment", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE) \
  F (PATIENT_SUMMARY_ADHERENCE_RATE, .name = "adherence_rate", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .unit = "%", .description = "Days of the last 7 (today included) with the energy within 10 % of the target; null before the first scan (GET /api/analytics/nutrition/summary has the days)") \
  F (PATIENT_SUMMARY_CURRENT_WEIGHT_KG, .name = "current_weight_kg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .unit = "kg", .description = "Weight of the latest scan") \
  F (PATIENT_SUMMARY_TARGET_WEIGHT_KG, .name = "target_weight_kg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "target_weight_kg", .unit = "kg") \
  F (PATIENT_SUMMARY_PROGRESS_PERCENTAGE, .name = "progress_percentage", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .unit = "%", .description = "Share of the way from the first scan's weight to the target") \
  F (PATIENT_SUMMARY_SCAN_COUNT, .name = "scan_count", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY)
BZ_RESOURCE_DECLARE (bz_patient_summary, PATIENT_SUMMARY, BZ_PATIENT_SUMMARY_FIELDS)

#define BZ_PATIENT_LIST_FIELDS(F) \
  F (PATIENT_LIST_PATIENTS, .name = "patients", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_patient_summary_resource) \
  F (PATIENT_LIST_PAGINATION, .name = "pagination", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_pagination_resource)
BZ_RESOURCE_DECLARE (bz_patient_list, PATIENT_LIST, BZ_PATIENT_LIST_FIELDS)

#define BZ_PATIENT_CREATED_FIELDS(F) \
  F (PATIENT_CREATED_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (PATIENT_CREATED_USER_ID, .name = "user_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (PATIENT_CREATED_EMAIL, .name = "email", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (PATIENT_CREATED_FULL_NAME, .name = "full_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (PATIENT_CREATED_NUTRITIONIST_ID, .name = "nutritionist_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (PATIENT_CREATED_STATUS, .name = "status", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_patient_status) \
  F (PATIENT_CREATED_USER_CREATED, .name = "user_created", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY) \
  F (PATIENT_CREATED_WELCOME_EMAIL_SENT, .name = "welcome_email_sent", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .description = "Always false: Balanza sends no e-mail") \
  F (PATIENT_CREATED_TEMPORARY_PASSWORD_SENT, .name = "temporary_password_sent", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY) \
  F (PATIENT_CREATED_TEMPORARY_PASSWORD, .name = "temporary_password", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "Shown once when Balanza generated it (null when the request gave a password); the patient must change it at first sign-in")
BZ_RESOURCE_DECLARE (bz_patient_created, PATIENT_CREATED, BZ_PATIENT_CREATED_FIELDS)

#define BZ_PATIENT_CREATION_FIELDS(F) \
  F (PATIENT_CREATION_PATIENT, .name = "patient", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_patient_created_resource)
BZ_RESOURCE_DECLARE (bz_patient_creation, PATIENT_CREATION, BZ_PATIENT_CREATION_FIELDS)

/* Circumferences of a scan, cm: only the measured ones are present.  Stored
 * as one JSON object (body_scans.circumferences_cm), hence no .column.  The
 * same members, nullable, are the rectification's (CircumferencesUpdate). */
#define BZ_CIRCUMFERENCE_MIN_CM 10
#define BZ_CIRCUMFERENCE_MAX_CM 250
#define BZ_CIRCUMFERENCES_FIELDS_(F, SYM, FLAGS) \
  F (SYM##_NECK, .name = "neck", .type = BZ_FIELD_NUMBER, .flags = FLAGS, .min = BZ_CIRCUMFERENCE_MIN_CM, .max = BZ_CIRCUMFERENCE_MAX_CM, .unit = "cm") \
  F (SYM##_CHEST, .name = "chest", .type = BZ_FIELD_NUMBER, .flags = FLAGS, .min = BZ_CIRCUMFERENCE_MIN_CM, .max = BZ_CIRCUMFERENCE_MAX_CM, .unit = "cm") \
  F (SYM##_WAIST, .name = "waist", .type = BZ_FIELD_NUMBER, .flags = FLAGS, .min = BZ_CIRCUMFERENCE_MIN_CM, .max = BZ_CIRCUMFERENCE_MAX_CM, .unit = "cm") \
  F (SYM##_HIP, .name = "hip", .type = BZ_FIELD_NUMBER, .flags = FLAGS, .min = BZ_CIRCUMFERENCE_MIN_CM, .max = BZ_CIRCUMFERENCE_MAX_CM, .unit = "cm") \
  F (SYM##_ARM, .name = "arm", .type = BZ_FIELD_NUMBER, .flags = FLAGS, .min = BZ_CIRCUMFERENCE_MIN_CM, .max = BZ_CIRCUMFERENCE_MAX_CM, .unit = "cm") \
  F (SYM##_THIGH, .name = "thigh", .type = BZ_FIELD_NUMBER, .flags = FLAGS, .min = BZ_CIRCUMFERENCE_MIN_CM, .max = BZ_CIRCUMFERENCE_MAX_CM, .unit = "cm") \
  F (SYM##_CALF, .name = "calf", .type = BZ_FIELD_NUMBER, .flags = FLAGS, .min = BZ_CIRCUMFERENCE_MIN_CM, .max = BZ_CIRCUMFERENCE_MAX_CM, .unit = "cm")
#define BZ_CIRCUMFERENCES_FIELDS(F) BZ_CIRCUMFERENCES_FIELDS_ (F, CIRCUMFERENCES, BZ_FIELD_OPTIONAL)
BZ_RESOURCE_DECLARE (bz_circumferences, CIRCUMFERENCES, BZ_CIRCUMFERENCES_FIELDS)

#define BZ_METRICS_FIELDS(F) \
  F (METRICS_SCAN_ID, .name = "scan_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "id") \
  F (METRICS_MEASURED_AT, .name = "measured_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "measured_at") \
  F (METRICS_WEIGHT_KG, .name = "weight_kg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .column = "weight_kg", .unit = "kg") \
  F (METRICS_BODY_FAT_PERCENT, .name = "body_fat_percent", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "body_fat_percent", .unit = "%") \
  F (METRICS_SKELETAL_MUSCLE_MASS_KG, .name = "skeletal_muscle_mass_kg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "skeletal_muscle_mass_kg", .unit = "kg") \
  F (METRICS_CIRCUMFERENCES_CM, .name = "circumferences_cm", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_circumferences_resource)
BZ_RESOURCE_DECLARE (bz_metrics, METRICS, BZ_METRICS_FIELDS)

/* The columns are of `patients` joined with the patient's `users` row, read
 * unqualified: no name is in both.  health_conditions and allergies are
 * JSON text columns, hence read by the repository. */
#define BZ_PATIENT_INFO_FIELDS(F) \
  F (PATIENT_INFO_USER_ID, .name = "user_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "user_id") \
  F (PATIENT_INFO_EMAIL, .name = "email", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "email") \
  F (PATIENT_INFO_FIRST_NAME, .name = "first_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "first_name") \
  F (PATIENT_INFO_LAST_NAME, .name = "last_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "last_name") \
  F (PATIENT_INFO_FULL_NAME, .name = "full_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (PATIENT_INFO_PHONE, .name = "phone", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "phone", .description = "+52 and 10 digits") \
  F (PATIENT_INFO_DATE_OF_BIRTH, .name = "date_of_birth", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "date_of_birth") \
  F (PATIENT_INFO_GENDER, .name = "gender", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "gender", .vocab = &bz_vocab_gender) \
  F (PATIENT_INFO_STATE, .name = "state", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "state", .description = "The Mexican state the patient lives in (free text, seed 002 §4.2)") \
  F (PATIENT_INFO_CITY, .name = "city", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "city") \
  F (PATIENT_INFO_PRIMARY_GOAL, .name = "primary_goal", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "primary_goal", .vocab = &bz_vocab_goal) \
  F (PATIENT_INFO_TARGET_WEIGHT_KG, .name = "target_weight_kg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "target_weight_kg", .unit = "kg") \
  F (PATIENT_INFO_HEALTH_CONDITIONS, .name = "health_conditions", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY) \
  F (PATIENT_INFO_ALLERGIES, .name = "allergies", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY) \
  F (PATIENT_INFO_STATUS, .name = "status", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .column = "status", .vocab = &bz_vocab_patient_status) \
  F (PATIENT_INFO_ASSIGNED_AT, .name = "assigned_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "assigned_at") \
  F (PATIENT_INFO_NUTRITIONIST_ID, .name = "nutritionist_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "nutritionist_id") \
  F (PATIENT_INFO_ACTIVITY_LEVEL, .name = "activity_level", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "activity_level", .vocab = &bz_vocab_activity_level) \
  F (PATIENT_INFO_FOOD_RESTRICTIONS, .name = "food_restrictions", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY) \
  F (PATIENT_INFO_DIETARY_PREFERENCE, .name = "dietary_preference", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "dietary_preference", .vocab = &bz_vocab_dietary_preference) \
  F (PATIENT_INFO_PRIVACY_CONSENT_AT, .name = "privacy_consent_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "privacy_consent_at", .description = "When the patient accepted the privacy notice, consenting to data processing (GET .../consents has the whole record); null when not recorded")
BZ_RESOURCE_DECLARE (bz_patient_info, PATIENT_INFO, BZ_PATIENT_INFO_FIELDS)

/* The patient's current meal plan (finalized or active; seed 004 lifecycle). */
#define BZ_MEAL_PLAN_SUMMARY_FIELDS(F) \
  F (MEAL_PLAN_SUMMARY_ID, .name = "id", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "id", .description = "The plan's draftId (seed 004)") \
  F (MEAL_PLAN_SUMMARY_PLAN_NAME, .name = "plan_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "plan_name") \
  F (MEAL_PLAN_SUMMARY_STATUS, .name = "status", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "status", .description = "finalized or active") \
  F (MEAL_PLAN_SUMMARY_START_DATE, .name = "start_date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY, .column = "plan_date", .description = "Day 1 of the plan") \
  F (MEAL_PLAN_SUMMARY_DURATION_DAYS, .name = "duration_days", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "duration_days") \
  F (MEAL_PLAN_SUMMARY_FINALIZED_AT, .name = "finalized_at", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "finalized_at")
BZ_RESOURCE_DECLARE (bz_meal_plan_summary, MEAL_PLAN_SUMMARY, BZ_MEAL_PLAN_SUMMARY_FIELDS)
#include "bz-clinical-resources.h"   /* Appointment, ClinicalNote (issue 12) */
#include "bz-challenge-resources.h"  /* Challenge, Leaderboard, Gamification (issue 10) */

#define BZ_PATIENT_FILE_FIELDS(F) \
  F (PATIENT_FILE_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (PATIENT_FILE_BASIC_INFO, .name = "basic_info", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_patient_info_resource) \
  F (PATIENT_FILE_CURRENT_METRICS, .name = "current_metrics", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_metrics_resource, .description = "The latest scan; null before the first") \
  F (PATIENT_FILE_PROGRESS_HISTORY, .name = "progress_history", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_metrics_resource, .description = "Every scan, oldest first") \
  F (PATIENT_FILE_ACTIVE_MEAL_PLAN, .name = "active_meal_plan", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_meal_plan_summary_resource, .description = "The current (finalized or active) meal plan; null when there is none") \
  F (PATIENT_FILE_APPOINTMENTS, .name = "appointments", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_appointment_resource, .description = "Upcoming first, then past (the first page of GET .../appointments)") \
  F (PATIENT_FILE_CLINICAL_NOTES, .name = "clinical_notes", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_clinical_note_resource, .description = "Newest first (the first page of GET .../notes)")
BZ_RESOURCE_DECLARE (bz_patient_file, PATIENT_FILE, BZ_PATIENT_FILE_FIELDS)

#define BZ_PATIENT_FILE_ENVELOPE_FIELDS(F) \
  F (PATIENT_FILE_ENVELOPE_PATIENT, .name = "patient", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_patient_file_resource)
BZ_RESOURCE_DECLARE (bz_patient_file_envelope, PATIENT_FILE_ENVELOPE, BZ_PATIENT_FILE_ENVELOPE_FIELDS)

/* --- Scans and avatars (seed 000 stories 2.x) ----------------------------- */

/* (AVATAR_PROVIDER_NAME: BZ_AVATAR_PROVIDER is the provider interface's cast.) */
#define BZ_AVATAR_FIELDS(F) \
  F (AVATAR_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "id") \
  F (AVATAR_URL, .name = "url", .type = BZ_FIELD_URI, .flags = BZ_FIELD_READ_ONLY, .description = "Binary glTF 2.0 (ETag, Range, immutable); meshopt-compressed LOD 0 unless ?lod= and ?compression=none say otherwise") \
  F (AVATAR_VERSION, .name = "version", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "version", .description = "1 for the patient's first scan, then one more per scan") \
  F (AVATAR_SIZE_BYTES, .name = "size_bytes", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "size_bytes", .unit = "bytes", .description = "Size of the stored file (url?lod=0&compression=none)") \
  F (AVATAR_ETAG, .name = "etag", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "blob_sha256", .description = "SHA-256 of the stored GLB, hex (the ETag of url?lod=0&compression=none)") \
  F (AVATAR_VERTEX_COUNT, .name = "vertex_count", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "vertex_count") \
  F (AVATAR_PROVIDER_NAME, .name = "provider", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "provider", .description = "The 3D-scanning service that made it (\"local\": the embedded body model)") \
  F (AVATAR_FORMAT, .name = "format", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "\"model/gltf-binary\"")
BZ_RESOURCE_DECLARE (bz_avatar, AVATAR, BZ_AVATAR_FIELDS)

#include "bz-inbody-resources.h"   /* Bioimpedance (issue 8) */

/* A Scan's plausible ranges for an InBody record (outside them is a typing
 * or unit error); the upload's (ScanInput) and the rectification's
 * (ScanUpdate): the bounds the upload has had since seed 000 story 4.4,
 * wide enough for any adult body and narrow enough to catch pounds typed
 * as kilograms or metres as centimetres. */
#define BZ_SCAN_AGE_MIN 5
#define BZ_SCAN_AGE_MAX 120
#define BZ_SCAN_HEIGHT_MIN_CM 100
#define BZ_SCAN_HEIGHT_MAX_CM 250
#define BZ_SCAN_WEIGHT_MIN_KG 20
#define BZ_SCAN_WEIGHT_MAX_KG 350
#define BZ_SCAN_BODY_FAT_MIN_PERCENT 2
#define BZ_SCAN_BODY_FAT_MAX_PERCENT 75
#define BZ_SCAN_MUSCLE_MIN_KG 5
#define BZ_SCAN_MUSCLE_MAX_KG 100

#define BZ_SCAN_FIELDS(F) \
  F (SCAN_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "id") \
  F (SCAN_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .column = "patient_id") \
  F (SCAN_MEASURED_AT, .name = "measured_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_REQUIRED, .column = "measured_at") \
  F (SCAN_SEX, .name = "sex", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_REQUIRED, .column = "sex", .vocab = &bz_vocab_sex) \
  F (SCAN_AGE, .name = "age", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_REQUIRED, .column = "age", .min = BZ_SCAN_AGE_MIN, .max = BZ_SCAN_AGE_MAX, .unit = "years") \
  F (SCAN_HEIGHT_CM, .name = "height_cm", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_REQUIRED, .column = "height_cm", .min = BZ_SCAN_HEIGHT_MIN_CM, .max = BZ_SCAN_HEIGHT_MAX_CM, .unit = "cm") \
  F (SCAN_WEIGHT_KG, .name = "weight_kg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_REQUIRED, .column = "weight_kg", .min = BZ_SCAN_WEIGHT_MIN_KG, .max = BZ_SCAN_WEIGHT_MAX_KG, .unit = "kg") \
  F (SCAN_BODY_FAT_PERCENT, .name = "body_fat_percent", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE, .column = "body_fat_percent", .min = BZ_SCAN_BODY_FAT_MIN_PERCENT, .max = BZ_SCAN_BODY_FAT_MAX_PERCENT, .unit = "%", .description = "Measured (e.g. bioimpedance); omitted or null when not measured, then the body model estimates it (body_fat_percent_estimated)") \
  F (SCAN_BODY_FAT_PERCENT_ESTIMATED, .name = "body_fat_percent_estimated", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE | BZ_FIELD_ROUND1, .column = "body_fat_percent_estimated", .unit = "%", .description = "When body_fat_percent was not measured: the body fat the avatar's volume implies (Siri 1961) for the model's composition estimate from height, weight, age, sex and circumferences (docs/body-model.md); null when measured") \
  F (SCAN_SKELETAL_MUSCLE_MASS_KG, .name = "skeletal_muscle_mass_kg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE, .column = "skeletal_muscle_mass_kg", .min = BZ_SCAN_MUSCLE_MIN_KG, .max = BZ_SCAN_MUSCLE_MAX_KG, .unit = "kg", .description = "Less than weight_kg; omitted or null when not measured") \
  F (SCAN_CIRCUMFERENCES_CM, .name = "circumferences_cm", .type = BZ_FIELD_OBJECT, .ref = &bz_circumferences_resource) \
  F (SCAN_BIOIMPEDANCE, .name = "bioimpedance", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_INLINE, .ref = &bz_bioimpedance_resource, .description = "Segmental lean and fat mass, visceral fat level, phase angle and body water of an InBody analyser") \
  F (SCAN_BMI, .name = "bmi", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .unit = "kg/m2", .description = "Body mass index, weight / height squared") \
  F (SCAN_AVATAR, .name = "avatar", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_avatar_resource)
BZ_RESOURCE_DECLARE (bz_scan, SCAN, BZ_SCAN_FIELDS)

/* PATCH /api/v1/scans/{scan_id} (issue 9, rectification): every member
 * optional, merged into the stored scan as JSON Merge Patch (RFC 7396): a
 * member given replaces, null clears an optional one (body fat, muscle, a
 * circumference, a bioimpedance value), nested objects merge.  The merged
 * scan passes the upload's rules (bz_scans_update()). */
#define BZ_CIRCUMFERENCES_UPDATE_FIELDS(F) BZ_CIRCUMFERENCES_FIELDS_ (F, CIRCUMFERENCES_UPDATE, BZ_FIELD_NULLABLE)
BZ_RESOURCE_DECLARE (bz_circumferences_update, CIRCUMFERENCES_UPDATE, BZ_CIRCUMFERENCES_UPDATE_FIELDS)

#define BZ_SCAN_UPDATE_FIELDS(F) \
  F (SCAN_UPDATE_MEASURED_AT, .name = "measured_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_WRITE_ONLY) \
  F (SCAN_UPDATE_SEX, .name = "sex", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_WRITE_ONLY, .vocab = &bz_vocab_sex) \
  F (SCAN_UPDATE_AGE, .name = "age", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_WRITE_ONLY, .min = BZ_SCAN_AGE_MIN, .max = BZ_SCAN_AGE_MAX, .unit = "years") \
  F (SCAN_UPDATE_HEIGHT_CM, .name = "height_cm", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_WRITE_ONLY, .min = BZ_SCAN_HEIGHT_MIN_CM, .max = BZ_SCAN_HEIGHT_MAX_CM, .unit = "cm") \
  F (SCAN_UPDATE_WEIGHT_KG, .name = "weight_kg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_WRITE_ONLY, .min = BZ_SCAN_WEIGHT_MIN_KG, .max = BZ_SCAN_WEIGHT_MAX_KG, .unit = "kg") \
  F (SCAN_UPDATE_BODY_FAT_PERCENT, .name = "body_fat_percent", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_WRITE_ONLY | BZ_FIELD_NULLABLE, .min = BZ_SCAN_BODY_FAT_MIN_PERCENT, .max = BZ_SCAN_BODY_FAT_MAX_PERCENT, .unit = "%", .description = "null: not measured, the body model estimates it again") \
  F (SCAN_UPDATE_SKELETAL_MUSCLE_MASS_KG, .name = "skeletal_muscle_mass_kg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_WRITE_ONLY | BZ_FIELD_NULLABLE, .min = BZ_SCAN_MUSCLE_MIN_KG, .max = BZ_SCAN_MUSCLE_MAX_KG, .unit = "kg", .description = "Less than weight_kg; null: not measured") \
  F (SCAN_UPDATE_CIRCUMFERENCES_CM, .name = "circumferences_cm", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_WRITE_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_circumferences_update_resource, .description = "Merged: a member null removes it; null removes them all") \
  F (SCAN_UPDATE_BIOIMPEDANCE, .name = "bioimpedance", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_WRITE_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_bioimpedance_resource, .description = "Merged: a member null clears it; null clears them all")
BZ_RESOURCE_DECLARE (bz_scan_update, SCAN_UPDATE, BZ_SCAN_UPDATE_FIELDS)

#define BZ_SCAN_LIST_FIELDS(F) \
  F (SCAN_LIST_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (SCAN_LIST_SCANS, .name = "scans", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_scan_resource, .description = "Newest first")
BZ_RESOURCE_DECLARE (bz_scan_list, SCAN_LIST, BZ_SCAN_LIST_FIELDS)

#define BZ_SCAN_UPLOAD_FIELDS(F) \
  F (SCAN_UPLOAD_AVATAR, .name = "avatar", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_avatar_resource) \
  F (SCAN_UPLOAD_SCAN, .name = "scan", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_scan_resource)
BZ_RESOURCE_DECLARE (bz_scan_upload, SCAN_UPLOAD, BZ_SCAN_UPLOAD_FIELDS)

/* --- Foods (USDA SR28) ----------------------------------------------------- */

#define BZ_FOOD_SUMMARY_FIELDS(F) \
  F (FOOD_SUMMARY_NDB_NO, .name = "ndb_no", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "ndb_no", .description = "SR28 NDB number") \
  F (FOOD_SUMMARY_DESCRIPTION, .name = "description", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "long_desc") \
  F (FOOD_SUMMARY_NAME_ES, .name = "name_es", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "name_es", .description = "Spanish (Mexico) name (data/foods/es-MX-names.tsv); null when the food has none") \
  F (FOOD_SUMMARY_SHORT_DESCRIPTION, .name = "short_description", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "short_desc") \
  F (FOOD_SUMMARY_FOOD_GROUP, .name = "food_group", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE) \
  F (FOOD_SUMMARY_ENERGY_KCAL, .name = "energy_kcal", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "energy_kcal", .unit = "kcal/100 g") \
  F (FOOD_SUMMARY_PROTEIN_G, .name = "protein_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "protein_g", .unit = "g/100 g") \
  F (FOOD_SUMMARY_CARBOHYDRATE_G, .name = "carbohydrate_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "carbohydrate_g", .unit = "g/100 g") \
  F (FOOD_SUMMARY_FAT_G, .name = "fat_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "fat_g", .unit = "g/100 g")
BZ_RESOURCE_DECLARE (bz_food_summary, FOOD_SUMMARY, BZ_FOOD_SUMMARY_FIELDS)

#define BZ_FOOD_LIST_FIELDS(F) \
  F (FOOD_LIST_FOODS, .name = "foods", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_food_summary_resource) \
  F (FOOD_LIST_PAGINATION, .name = "pagination", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_pagination_resource)
BZ_RESOURCE_DECLARE (bz_food_list, FOOD_LIST, BZ_FOOD_LIST_FIELDS)

#define BZ_FOOD_GROUP_FIELDS(F) \
  F (FOOD_GROUP_CODE, .name = "code", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "code", .description = "SR28 FdGrp_Cd") \
  F (FOOD_GROUP_NAME, .name = "name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "name")
BZ_RESOURCE_DECLARE (bz_food_group, FOOD_GROUP, BZ_FOOD_GROUP_FIELDS)

#define BZ_FOOD_NUTRIENT_FIELDS(F) \
  F (FOOD_NUTRIENT_NUTR_NO, .name = "nutr_no", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "nutr_no", .description = "SR28 Nutr_No") \
  F (FOOD_NUTRIENT_NAME, .name = "name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "name") \
  F (FOOD_NUTRIENT_TAGNAME, .name = "tagname", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "tagname", .description = "INFOODS tagname") \
  F (FOOD_NUTRIENT_UNIT, .name = "unit", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "units") \
  F (FOOD_NUTRIENT_VALUE_PER_100G, .name = "value_per_100g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .column = "value", .description = "In unit, per 100 g edible portion")
BZ_RESOURCE_DECLARE (bz_food_nutrient, FOOD_NUTRIENT, BZ_FOOD_NUTRIENT_FIELDS)

#define BZ_FOOD_PORTION_FIELDS(F) \
  F (FOOD_PORTION_SEQ, .name = "seq", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "seq") \
  F (FOOD_PORTION_AMOUNT, .name = "amount", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .column = "amount") \
  F (FOOD_PORTION_DESCRIPTION, .name = "description", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "description", .description = "Household measure (\"cup\", \"tortilla\")") \
  F (FOOD_PORTION_GRAMS, .name = "grams", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .column = "grams", .unit = "g")
BZ_RESOURCE_DECLARE (bz_food_portion, FOOD_PORTION, BZ_FOOD_PORTION_FIELDS)

#define BZ_FOOD_FIELDS(F) \
  F (FOOD_NDB_NO, .name = "ndb_no", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "ndb_no") \
  F (FOOD_DESCRIPTION, .name = "description", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "long_desc") \
  F (FOOD_NAME_ES, .name = "name_es", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "name_es", .description = "Spanish (Mexico) name (data/foods/es-MX-names.tsv); null when the food has none") \
  F (FOOD_SHORT_DESCRIPTION, .name = "short_description", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "short_desc") \
  F (FOOD_FOOD_GROUP, .name = "food_group", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_food_group_resource) \
  F (FOOD_NUTRIENTS, .name = "nutrients", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_food_nutrient_resource) \
  F (FOOD_PORTIONS, .name = "portions", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_food_portion_resource)
BZ_RESOURCE_DECLARE (bz_food, FOOD, BZ_FOOD_FIELDS)

#define BZ_FOOD_ENVELOPE_FIELDS(F) \
  F (FOOD_ENVELOPE_FOOD, .name = "food", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_food_resource)
BZ_RESOURCE_DECLARE (bz_food_envelope, FOOD_ENVELOPE, BZ_FOOD_ENVELOPE_FIELDS)

/* --- Request bodies that are not resources ---------------------------------- */

#define BZ_LOGIN_INPUT_FIELDS(F) \
  F (LOGIN_INPUT_EMAIL, .name = "email", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY) \
  F (LOGIN_INPUT_PASSWORD, .name = "password", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY)
BZ_RESOURCE_DECLARE (bz_login_input, LOGIN_INPUT, BZ_LOGIN_INPUT_FIELDS)

#define BZ_REFRESH_INPUT_FIELDS(F) \
  F (REFRESH_INPUT_REFRESH_TOKEN, .name = "refresh_token", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY)
BZ_RESOURCE_DECLARE (bz_refresh_input, REFRESH_INPUT, BZ_REFRESH_INPUT_FIELDS)

#define BZ_PASSWORD_CHANGE_INPUT_FIELDS(F) \
  F (PASSWORD_CHANGE_INPUT_CURRENT_PASSWORD, .name = "current_password", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY) \
  F (PASSWORD_CHANGE_INPUT_NEW_PASSWORD, .name = "new_password", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 8, .max = 100, .description = "Upper and lower case letters, a digit and one of !@#$%^&*(),.?:{}|<> or a double quote")
BZ_RESOURCE_DECLARE (bz_password_change_input, PASSWORD_CHANGE_INPUT, BZ_PASSWORD_CHANGE_INPUT_FIELDS)

/* Seed 002 §4.2 registration (bz-auth-validate.c checks the formats). */
#define BZ_REGISTER_INPUT_FIELDS(F) \
  F (REGISTER_INPUT_EMAIL, .name = "email", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 3, .max = 254) \
  F (REGISTER_INPUT_PASSWORD, .name = "password", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 8, .max = 100, .description = "Upper and lower case letters, a digit and one of !@#$%^&*(),.?:{}|<> or a double quote") \
  F (REGISTER_INPUT_FIRST_NAME, .name = "first_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 1, .max = 100) \
  F (REGISTER_INPUT_LAST_NAME, .name = "last_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 1, .max = 100) \
  F (REGISTER_INPUT_USER_TYPE, .name = "user_type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .vocab = &bz_vocab_user_type, .description = "patient or nutritionist") \
  F (REGISTER_INPUT_PHONE, .name = "phone", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .description = "+52 and 10 digits; spaces allowed") \
  F (REGISTER_INPUT_GENDER, .name = "gender", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_WRITE_ONLY, .vocab = &bz_vocab_gender) \
  F (REGISTER_INPUT_DATE_OF_BIRTH, .name = "date_of_birth", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_WRITE_ONLY) \
  F (REGISTER_INPUT_STATE, .name = "state", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .max = 100) \
  F (REGISTER_INPUT_CITY, .name = "city", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .max = 100) \
  F (REGISTER_INPUT_PROFESSIONAL_LICENSE, .name = "professional_license", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .max = 50, .description = "Nutritionists: cédula profesional") \
  F (REGISTER_INPUT_CLINIC_NAME, .name = "clinic_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .max = 200) \
  F (REGISTER_INPUT_DATA_PROCESSING, .name = "data_processing", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_WRITE_ONLY, .description = "Consent to the processing of personal and health data (seed 002 §7.3.1); members must send true") \
  F (REGISTER_INPUT_MARKETING_COMMUNICATIONS, .name = "marketing_communications", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_WRITE_ONLY) \
  F (REGISTER_INPUT_DATA_SHARING_PARTNERS, .name = "data_sharing_partners", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_WRITE_ONLY) \
  F (REGISTER_INPUT_PRIVACY_NOTICE_VERSION, .name = "privacy_notice_version", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .max = 10, .description = "The privacy notice accepted (GET /api/v1/privacy/notice); required with data_processing")
BZ_RESOURCE_DECLARE (bz_register_input, REGISTER_INPUT, BZ_REGISTER_INPUT_FIELDS)

#define BZ_PATIENT_INPUT_FIELDS(F) \
  F (PATIENT_INPUT_EMAIL, .name = "email", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 3, .max = 254) \
  F (PATIENT_INPUT_FIRST_NAME, .name = "first_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 1, .max = 100) \
  F (PATIENT_INPUT_LAST_NAME, .name = "last_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 1, .max = 100) \
  F (PATIENT_INPUT_PASSWORD, .name = "password", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .min = 8, .max = 100, .description = "Omit it to have one generated and returned once as temporary_password") \
  F (PATIENT_INPUT_PHONE, .name = "phone", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY) \
  F (PATIENT_INPUT_GENDER, .name = "gender", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_WRITE_ONLY, .vocab = &bz_vocab_gender) \
  F (PATIENT_INPUT_DATE_OF_BIRTH, .name = "date_of_birth", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_WRITE_ONLY) \
  F (PATIENT_INPUT_STATE, .name = "state", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .max = 100) \
  F (PATIENT_INPUT_CITY, .name = "city", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .max = 100) \
  F (PATIENT_INPUT_PRIMARY_GOAL, .name = "primary_goal", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_WRITE_ONLY, .vocab = &bz_vocab_goal) \
  F (PATIENT_INPUT_TARGET_WEIGHT_KG, .name = "target_weight_kg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_WRITE_ONLY | BZ_FIELD_NULLABLE, .min = 20, .max = 400, .unit = "kg") \
  F (PATIENT_INPUT_HEALTH_CONDITIONS, .name = "health_conditions", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_WRITE_ONLY, .max = BZ_PATIENT_LIST_ENTRIES_MAX, .description = "Each at most 100 characters") \
  F (PATIENT_INPUT_ALLERGIES, .name = "allergies", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_WRITE_ONLY, .max = BZ_PATIENT_LIST_ENTRIES_MAX, .description = "Each at most 100 characters") \
  F (PATIENT_INPUT_FOOD_RESTRICTIONS, .name = "food_restrictions", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_WRITE_ONLY, .max = BZ_PATIENT_LIST_ENTRIES_MAX, .description = "Each at most 100 characters (seed 002 §3.2 patients.food_restrictions)") \
  F (PATIENT_INPUT_DIETARY_PREFERENCE, .name = "dietary_preference", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_WRITE_ONLY | BZ_FIELD_NULLABLE, .vocab = &bz_vocab_dietary_preference) \
  F (PATIENT_INPUT_ACTIVITY_LEVEL, .name = "activity_level", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_WRITE_ONLY, .vocab = &bz_vocab_activity_level, .description = "light when omitted") \
  F (PATIENT_INPUT_PRIVACY_CONSENT, .name = "privacy_consent", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_WRITE_ONLY, .description = "The patient accepted the clinic's privacy notice in force and consents to data processing (LFPDPPP); false is refused, true records it in their consents (GET .../consents) with the request's address")
BZ_RESOURCE_DECLARE (bz_patient_input, PATIENT_INPUT, BZ_PATIENT_INPUT_FIELDS)

/* PATCH /api/v1/nutritionist/patients/{patient_id}: the members given
 * change, the others stay; the same rules as NewPatient (bz-patient-service.c).
 * A rectification (LFPDPPP, seed 002 §7.2): audited as "rectify_patient". */
#define BZ_PATIENT_UPDATE_FIELDS(F) \
  F (PATIENT_UPDATE_FIRST_NAME, .name = "first_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .min = 1, .max = 100) \
  F (PATIENT_UPDATE_LAST_NAME, .name = "last_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .min = 1, .max = 100) \
  F (PATIENT_UPDATE_PHONE, .name = "phone", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY | BZ_FIELD_NULLABLE, .max = 40, .description = "+52 and 10 digits; null removes it") \
  F (PATIENT_UPDATE_GENDER, .name = "gender", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_WRITE_ONLY | BZ_FIELD_NULLABLE, .vocab = &bz_vocab_gender) \
  F (PATIENT_UPDATE_DATE_OF_BIRTH, .name = "date_of_birth", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_WRITE_ONLY | BZ_FIELD_NULLABLE) \
  F (PATIENT_UPDATE_STATE, .name = "state", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY | BZ_FIELD_NULLABLE, .max = 100, .description = "Free text; null removes it") \
  F (PATIENT_UPDATE_CITY, .name = "city", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY | BZ_FIELD_NULLABLE, .max = 100, .description = "Free text; null removes it") \
  F (PATIENT_UPDATE_PRIMARY_GOAL, .name = "primary_goal", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_WRITE_ONLY | BZ_FIELD_NULLABLE, .vocab = &bz_vocab_goal) \
  F (PATIENT_UPDATE_TARGET_WEIGHT_KG, .name = "target_weight_kg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_WRITE_ONLY | BZ_FIELD_NULLABLE, .min = 20, .max = 400, .unit = "kg") \
  F (PATIENT_UPDATE_HEALTH_CONDITIONS, .name = "health_conditions", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_WRITE_ONLY, .max = BZ_PATIENT_LIST_ENTRIES_MAX, .description = "Each at most 100 characters") \
  F (PATIENT_UPDATE_ALLERGIES, .name = "allergies", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_WRITE_ONLY, .max = BZ_PATIENT_LIST_ENTRIES_MAX, .description = "Each at most 100 characters") \
  F (PATIENT_UPDATE_FOOD_RESTRICTIONS, .name = "food_restrictions", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_WRITE_ONLY, .max = BZ_PATIENT_LIST_ENTRIES_MAX, .description = "Each at most 100 characters") \
  F (PATIENT_UPDATE_DIETARY_PREFERENCE, .name = "dietary_preference", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_WRITE_ONLY | BZ_FIELD_NULLABLE, .vocab = &bz_vocab_dietary_preference) \
  F (PATIENT_UPDATE_ACTIVITY_LEVEL, .name = "activity_level", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_WRITE_ONLY, .vocab = &bz_vocab_activity_level) \
  F (PATIENT_UPDATE_STATUS, .name = "status", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_WRITE_ONLY, .vocab = &bz_vocab_patient_status)
BZ_RESOURCE_DECLARE (bz_patient_update, PATIENT_UPDATE, BZ_PATIENT_UPDATE_FIELDS)

/* POST /api/nutrition/upload-meal is multipart/form-data. */
#define BZ_MEAL_FORM_FIELDS(F) \
  F (MEAL_FORM_IMAGE, .name = "image", .type = BZ_FIELD_BINARY, .flags = BZ_FIELD_WRITE_ONLY, .description = "JPEG, PNG or WebP; at most 40 MP.  Required unless image_id is given") \
  F (MEAL_FORM_MEAL_TYPE, .name = "meal_type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .vocab = &bz_vocab_meal_type) \
  F (MEAL_FORM_ITEMS, .name = "items", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .description = "JSON text: an array of MealItemInput, at most 50") \
  F (MEAL_FORM_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_WRITE_ONLY, .description = "For a nutritionist: one of own patients") \
  F (MEAL_FORM_IMAGE_ID, .name = "image_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_WRITE_ONLY, .description = "Instead of image: a photo the caller stored with POST /api/upload/meal-images.  Sent again after a success, it answers the meal already logged")
BZ_RESOURCE_DECLARE (bz_meal_form, MEAL_FORM, BZ_MEAL_FORM_FIELDS)

G_END_DECLS
