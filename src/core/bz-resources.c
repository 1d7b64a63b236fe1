/* bz-resources.c — the tables of bz-resources.h. */
#include "bz-resources.h"

BZ_RESOURCE_DEFINE (bz_nutrients, NUTRIENTS, "Nutrients", "Macronutrient panel (USDA SR28 nutrients)", BZ_NUTRIENTS_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_item, MEAL_ITEM, "MealItem", "One food of a meal", BZ_MEAL_ITEM_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal, MEAL, "Meal", "A logged meal (seed 000 story 4.3)", BZ_MEAL_FIELDS)
BZ_RESOURCE_DEFINE (bz_targets_basis, TARGETS_BASIS, "TargetsBasis", "What the day's targets rest on", BZ_TARGETS_BASIS_FIELDS)
BZ_RESOURCE_DEFINE (bz_daily_intake, DAILY_INTAKE, "DailyIntake", "A day's intake against its targets", BZ_DAILY_INTAKE_FIELDS)
BZ_RESOURCE_DEFINE (bz_pagination, PAGINATION, "Pagination", "A page of a list (seed 002 section 4.1)", BZ_PAGINATION_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_history, MEAL_HISTORY, "MealHistory", "A page of meals", BZ_MEAL_HISTORY_FIELDS)
BZ_RESOURCE_DEFINE (bz_detection, DETECTION, "MealDetection", "What meal detection found", BZ_DETECTION_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_upload, MEAL_UPLOAD, "MealUpload", "A stored meal photo", BZ_MEAL_UPLOAD_FIELDS)

BzRecord *
bz_pagination_new (guint page, guint limit, gint64 total)
{
  BzRecord *p = bz_record_new (&bz_pagination_resource);
  gint64 total_pages = limit ? (total + limit - 1) / limit : 0;

  bz_record_set_int (p, BZ_PAGINATION_CURRENT_PAGE, page);
  bz_record_set_int (p, BZ_PAGINATION_TOTAL_PAGES, total_pages);
  bz_record_set_int (p, BZ_PAGINATION_TOTAL_ITEMS, total);
  bz_record_set_int (p, BZ_PAGINATION_LIMIT, limit);
  bz_record_set_boolean (p, BZ_PAGINATION_HAS_NEXT, (gint64) page < total_pages);
  return p;
}
