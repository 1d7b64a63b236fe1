/* bz-nutritionist-resources.c — the tables of bz-nutritionist-resources.h. */
#include "bz-nutritionist-resources.h"

BZ_RESOURCE_DEFINE (bz_day_hours, DAY_HOURS, "DayHours", "A day's working hours", BZ_DAY_HOURS_FIELDS)
BZ_RESOURCE_DEFINE (bz_working_hours, WORKING_HOURS, "WorkingHours", "A week of working hours (null: closed)", BZ_WORKING_HOURS_FIELDS)
BZ_RESOURCE_DEFINE (bz_nutritionist_profile, NUTRITIONIST_PROFILE, "NutritionistProfile",
                    "A nutritionist's professional profile (seed 002 section 3.2)", BZ_NUTRITIONIST_PROFILE_FIELDS)
