/* bz-handlers-ai-plans.c — seed 002 §4.7 POST /api/v1/ai/generate-meal-plan
 * (issue 11): a plan from the diet planner of POST /api/integrations/diet-plans
 * with its shopping list and cost estimate.  Thin: parse -> service -> serialize. */
#include "bz-router.h"

#include "bz-ai-meal-plan-resources.h"
#include "bz-ai-meal-plan-service.h"

static BzResponse *
generate_meal_plan (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;

  if (body == NULL || !(data = bz_ai_generate_meal_plan (svc, req->caller, body, error)))
    return NULL;
  return bz_response_record (200, data);
}

const BzRoute bz_ai_plan_routes[] = {
  { "POST", "/api/v1/ai/generate-meal-plan", generate_meal_plan, 0, 0,
    "Generate a meal plan (seed 002 §6.7): 5 meals a day by default from the recipe catalogue, by the diet "
    "planner of POST /api/integrations/diet-plans (stored, finalized, active from today), with each day's "
    "totals, a shopping list of the plan's ingredients (grams and Mexican purchase units) and an estimated "
    "cost in MXN from a table of estimated prices (foods without a price are listed, not guessed)",
    .request = &bz_ai_meal_plan_request_resource, .response = &bz_ai_meal_plan_result_resource },
  { NULL }
};
