/* bz-handlers-diet.c — seed 000 story 4.2: POST /api/integrations/diet-plans
 * (a generated plan, stored and finalized) and GET /api/nutrition/library
 * (the planner's options).  Thin: parse -> service -> serialize. */
#include "bz-router.h"

#include "bz-diet-plan-resources.h"
#include "bz-integration-service.h"

static BzResponse *
generate (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;

  if (body == NULL || !(data = bz_integrations_generate_diet_plan (svc, req->caller, body, error)))
    return NULL;
  return bz_response_record (201, data);
}

static BzResponse *
library (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_nutrition_library (svc, req->caller, error);
  return data ? bz_response_record (200, data) : NULL;
}

const BzRoute bz_diet_routes[] = {
  { "POST", "/api/integrations/diet-plans", generate, 0, 0,
    "Generate a diet plan (nutritionist for a patient, or a member for self): recipes of the catalogue for every "
    "meal of 1-14 days, each day within ±5 % of the energy and ±10 % of the macronutrient targets where the "
    "catalogue allows (days that miss are reported), no allergen or excluded food, the dietary preference kept, "
    "no recipe more than twice a week; stored as a finalized meal plan that becomes the active plan on planDate",
    .request = &bz_diet_plan_request_resource, .response = &bz_diet_plan_result_resource },
  { "GET", "/api/nutrition/library", library, 0, 0,
    "The diet planner's options: dietary preferences, allergens, dietary tags, the meals of a day, the longest plan",
    .response = &bz_nutrition_library_resource },
  { NULL }
};
