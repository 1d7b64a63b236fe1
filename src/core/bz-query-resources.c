/* bz-query-resources.c — the tables of bz-query-resources.h. */
#include "bz-query-resources.h"

BZ_RESOURCE_DEFINE (bz_food_query, FOOD_QUERY, "FoodQuery", "Query of GET /foods", BZ_FOOD_QUERY_FIELDS)
BZ_RESOURCE_DEFINE (bz_patient_query, PATIENT_QUERY, "PatientQuery", "Query of GET /nutritionist/patients", BZ_PATIENT_QUERY_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_history_query, MEAL_HISTORY_QUERY, "MealHistoryQuery", "Query of GET /nutrition/meal-history", BZ_MEAL_HISTORY_QUERY_FIELDS)
BZ_RESOURCE_DEFINE (bz_daily_query, DAILY_QUERY, "DailyQuery", "Query of GET /nutrition/daily", BZ_DAILY_QUERY_FIELDS)
BZ_RESOURCE_DEFINE (bz_scan_query, SCAN_QUERY, "ScanQuery", "Query of GET /scans", BZ_SCAN_QUERY_FIELDS)
BZ_RESOURCE_DEFINE (bz_photo_query, PHOTO_QUERY, "PhotoQuery", "Query of GET /meals/{id}/photo", BZ_PHOTO_QUERY_FIELDS)
BZ_RESOURCE_DEFINE (bz_avatar_query, AVATAR_QUERY, "AvatarQuery", "Query of GET /avatars/{id}.glb", BZ_AVATAR_QUERY_FIELDS)
BZ_RESOURCE_DEFINE (bz_recipe_query, RECIPE_QUERY, "RecipeQuery", "Query of GET /recipes (seed 002 section 4.5)", BZ_RECIPE_QUERY_FIELDS)
