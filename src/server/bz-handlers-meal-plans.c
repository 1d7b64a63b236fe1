/* bz-handlers-meal-plans.c — /api/meal-plans/manual/… (seed 004, the
 * Manual Meal Plan API): each answer also carries seed 004's "message". */
#include "bz-router.h"

#include <glib/gi18n.h>

#include "bz-meal-plan-service.h"

static BzResponse *
answer (BzRecord *data, guint status, const char *message)
{
  BzResponse *resp;

  if (data == NULL)
    return NULL;
  resp = bz_response_record (status, data);
  resp->message = g_strdup (message);
  return resp;
}

static BzResponse *
create (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_meal_plans_create (svc, req->caller, body, error), 201,
                 _("Manual meal plan draft created successfully"));
}

static BzResponse *
get (BzServices *svc, BzRequest *req, GError **error)
{
  return answer (bz_meal_plans_get (svc, req->caller, bz_request_param (req, "id"), error), 200,
                 _("Meal plan draft retrieved successfully"));
}

static BzResponse *
add_recipe (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_meal_plans_add_recipe (svc, req->caller, body, error), 200, _("Recipe added successfully"));
}

static BzResponse *
remove_recipe (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_meal_plans_remove_recipe (svc, req->caller, body, error), 200, _("Recipe removed successfully"));
}

static BzResponse *
finalize (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_meal_plans_finalize (svc, req->caller, body, error), 200, _("Meal plan finalized successfully"));
}

static BzResponse *
update_draft (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_meal_plans_update_customizations (svc, req->caller, body, error), 200,
                 _("Customizations updated successfully"));
}

const BzRoute bz_meal_plan_routes[] = {
  { "POST", "/api/meal-plans/manual/create", create, 0, 0,
    "Create a manual meal plan draft (nutritionist, own patient): breakfast, lunch, dinner and snack slots per day, "
    "expiring in 7 days", .request = &bz_meal_plan_create_resource, .response = &bz_meal_plan_draft_resource },
  { "POST", "/api/meal-plans/manual/add-recipe", add_recipe, 0, 0,
    "Append a Balanza recipe to a meal slot (any name, any case; made if missing); answers the whole plan",
    .request = &bz_meal_plan_add_recipe_resource, .response = &bz_meal_plan_resource },
  { "DELETE", "/api/meal-plans/manual/remove-recipe", remove_recipe, 0, 0,
    "Remove a recipe, all recipes of a slot, or the slot; answers the whole plan",
    .request = &bz_meal_plan_remove_recipe_resource, .response = &bz_meal_plan_resource },
  { "POST", "/api/meal-plans/manual/finalize", finalize, 0, 0,
    "Finalize a draft whose every slot has a recipe: it becomes the patient's current plan",
    .request = &bz_meal_plan_finalize_resource, .response = &bz_meal_plan_resource },
  { "GET", "/api/meal-plans/manual/{id}", get, 0, 0,
    "A manual meal plan with its days, recipes and nutrition (dayWise, overall, dailyAverage)",
    .response = &bz_meal_plan_resource },
  { "PUT", "/api/meal-plans/draft", update_draft, 0, 0,
    "action update-customizations: replace, omit or add ingredients (SR28 numbers, grams) of a plan's recipe; "
    "answers its recalculated nutrition", .request = &bz_meal_plan_draft_update_resource,
    .response = &bz_plan_customization_result_resource },
  { NULL }
};
