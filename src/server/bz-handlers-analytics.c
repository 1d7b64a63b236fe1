/* bz-handlers-analytics.c — nutrition analytics (seed 001 "GET
 * /api/analytics/nutrition/...", issue 12): thin, bz-analytics-service.h does
 * the work. */
#include "bz-router.h"

#include "bz-analytics-service.h"

static BzResponse *
nutrition_summary (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_analytics_nutrition (svc, req->caller, bz_request_query (req, "patient_id"),
                                           bz_request_query (req, "period"), bz_request_query (req, "date"), error);
  return data ? bz_response_record (200, data) : NULL;
}

const BzRoute bz_analytics_routes[] = {
  /* Off the server thread: a month is six statements and 30 days of records. */
  { "GET", "/api/analytics/nutrition/summary", nutrition_summary, BZ_ROUTE_POOL, 0,
    "Compliance with the targets and the meal plan per day over a day, week or month, with the macronutrient "
    "distribution and logging streaks (a member's own; a nutritionist's patient's)",
    .response = &bz_nutrition_analytics_resource, .query = &bz_analytics_query_resource },
  { NULL }
};
