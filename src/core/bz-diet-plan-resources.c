/* bz-diet-plan-resources.c — the tables of bz-diet-plan-resources.h. */
#include "bz-diet-plan-resources.h"

BZ_RESOURCE_DEFINE (bz_diet_plan_request, DIET_PLAN_REQUEST, "DietPlanRequest", "POST /api/integrations/diet-plans", BZ_DIET_PLAN_REQUEST_FIELDS)
BZ_RESOURCE_DEFINE (bz_diet_plan_day, DIET_PLAN_DAY, "DietPlanDay", "A day of a generated plan against the targets", BZ_DIET_PLAN_DAY_FIELDS)
BZ_RESOURCE_DEFINE (bz_diet_tolerance, DIET_TOLERANCE, "DietTolerance", "The tolerances a day is held to", BZ_DIET_TOLERANCE_FIELDS)
BZ_RESOURCE_DEFINE (bz_diet_restrictions, DIET_RESTRICTIONS, "DietRestrictions", "What the plan left out", BZ_DIET_RESTRICTIONS_FIELDS)
BZ_RESOURCE_DEFINE (bz_active_plans, ACTIVE_PLANS, "ActivePlans", "The patient's current plans (seed 000)", BZ_ACTIVE_PLANS_FIELDS)
BZ_RESOURCE_DEFINE (bz_diet_plan_result, DIET_PLAN_RESULT, "DietPlanResult", "A generated diet plan, stored and finalized", BZ_DIET_PLAN_RESULT_FIELDS)
BZ_RESOURCE_DEFINE (bz_library_term, LIBRARY_TERM, "LibraryTerm", "A term of a vocabulary", BZ_LIBRARY_TERM_FIELDS)
BZ_RESOURCE_DEFINE (bz_library_meal, LIBRARY_MEAL, "LibraryMeal", "A meal of a day's schedule", BZ_LIBRARY_MEAL_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_schedule, MEAL_SCHEDULE, "MealSchedule", "The meals of a day", BZ_MEAL_SCHEDULE_FIELDS)
BZ_RESOURCE_DEFINE (bz_nutrition_library, NUTRITION_LIBRARY, "NutritionLibrary", "The diet planner's options (seed 000 story 4.2)", BZ_NUTRITION_LIBRARY_FIELDS)
