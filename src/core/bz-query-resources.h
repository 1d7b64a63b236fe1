/* bz-query-resources.h — the query parameters of the API's GET routes,
 * declared like resources (bz-resource.h): the OpenAPI document lists them
 * as parameters "in: query" with their types, ranges and vocabularies, and
 * the handlers read their bounds from here. */
#pragma once

#include "bz-gltf.h"
#include "bz-limits.h"
#include "bz-recipe.h"
#include "bz-resource.h"

G_BEGIN_DECLS

#define BZ_QUERY_PAGE_FIELDS_(F, SYM) \
  F (SYM##_PAGE, .name = "page", .type = BZ_FIELD_INTEGER, .min = 1, .max = G_MAXINT32, .description = "Page number, from 1 (default 1)") \
  F (SYM##_LIMIT, .name = "limit", .type = BZ_FIELD_INTEGER, .min = 1, .max = BZ_LIST_LIMIT_MAX, .description = "Items per page (default 20)")

#define BZ_FOOD_QUERY_FIELDS(F) \
  F (FOOD_QUERY_SEARCH, .name = "search", .type = BZ_FIELD_STRING, .description = "Words of an English description or a Spanish name; the last may be a prefix, accents optional") \
  BZ_QUERY_PAGE_FIELDS_ (F, FOOD_QUERY)
BZ_RESOURCE_DECLARE (bz_food_query, FOOD_QUERY, BZ_FOOD_QUERY_FIELDS)

#define BZ_PATIENT_QUERY_FIELDS(F) \
  F (PATIENT_QUERY_SEARCH, .name = "search", .type = BZ_FIELD_STRING, .description = "Part of a name or e-mail") \
  F (PATIENT_QUERY_STATUS, .name = "status", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_patient_status) \
  BZ_QUERY_PAGE_FIELDS_ (F, PATIENT_QUERY)
BZ_RESOURCE_DECLARE (bz_patient_query, PATIENT_QUERY, BZ_PATIENT_QUERY_FIELDS)

#define BZ_MEAL_HISTORY_QUERY_FIELDS(F) \
  F (MEAL_HISTORY_QUERY_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .description = "For a nutritionist: one of own patients; members omit it") \
  BZ_QUERY_PAGE_FIELDS_ (F, MEAL_HISTORY_QUERY)
BZ_RESOURCE_DECLARE (bz_meal_history_query, MEAL_HISTORY_QUERY, BZ_MEAL_HISTORY_QUERY_FIELDS)

#define BZ_DAILY_QUERY_FIELDS(F) \
  F (DAILY_QUERY_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .description = "For a nutritionist: one of own patients; members omit it") \
  F (DAILY_QUERY_DATE, .name = "date", .type = BZ_FIELD_DATE, .description = "The clinic's local date (default today)")
BZ_RESOURCE_DECLARE (bz_daily_query, DAILY_QUERY, BZ_DAILY_QUERY_FIELDS)

#define BZ_SCAN_QUERY_FIELDS(F) \
  F (SCAN_QUERY_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .description = "For a nutritionist: one of own patients; members omit it")
BZ_RESOURCE_DECLARE (bz_scan_query, SCAN_QUERY, BZ_SCAN_QUERY_FIELDS)

#define BZ_PHOTO_QUERY_FIELDS(F) \
  F (PHOTO_QUERY_SIZE, .name = "size", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_photo_size, .description = "display (default) or original")
BZ_RESOURCE_DECLARE (bz_photo_query, PHOTO_QUERY, BZ_PHOTO_QUERY_FIELDS)

/* GET /avatars/{id}.glb (seed 000 story 4.4 criterion 6, issue 8). */
#define BZ_AVATAR_QUERY_FIELDS(F) \
  F (AVATAR_QUERY_LOD, .name = "lod", .type = BZ_FIELD_INTEGER, .min = 0, .max = BZ_GLTF_LOD_COUNT - 1, \
     .description = "Level of detail: 0 (finest, default), 1 or 2 (coarsest; at most 30 KB compressed)") \
  F (AVATAR_QUERY_COMPRESSION, .name = "compression", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_avatar_compression, \
     .description = "meshopt (default: KHR_mesh_quantization and EXT_meshopt_compression, both required; LOD 0 at most 150 KB) " \
                    "or none (plain glTF 2.0 for loaders without those extensions)")
BZ_RESOURCE_DECLARE (bz_avatar_query, AVATAR_QUERY, BZ_AVATAR_QUERY_FIELDS)

#define BZ_RECIPE_QUERY_FIELDS(F) \
  F (RECIPE_QUERY_SEARCH, .name = "search", .type = BZ_FIELD_STRING, .description = "Words of the title or description, accents optional") \
  F (RECIPE_QUERY_MEAL_TYPE, .name = "meal_type", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_recipe_meal_type) \
  F (RECIPE_QUERY_DIETARY_TAGS, .name = "dietary_tags", .type = BZ_FIELD_STRING_ARRAY, .description = "Every tag must hold; repeat the parameter or separate by commas") \
  F (RECIPE_QUERY_MAX_PREP_TIME_MIN, .name = "max_prep_time_min", .type = BZ_FIELD_INTEGER, .min = 0, .max = BZ_RECIPE_PREP_TIME_MAX_MIN, .unit = "min") \
  F (RECIPE_QUERY_DIFFICULTY, .name = "difficulty", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_recipe_difficulty) \
  F (RECIPE_QUERY_IS_VERIFIED, .name = "is_verified", .type = BZ_FIELD_BOOLEAN) \
  F (RECIPE_QUERY_SORT_BY, .name = "sort_by", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_recipe_sort) \
  BZ_QUERY_PAGE_FIELDS_ (F, RECIPE_QUERY)
BZ_RESOURCE_DECLARE (bz_recipe_query, RECIPE_QUERY, BZ_RECIPE_QUERY_FIELDS)

G_END_DECLS
