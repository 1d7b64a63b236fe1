/* bz-handlers-workouts.c — seed 000 story 4.1: POST
 * /api/integrations/workout-plans, GET /api/workouts/daily and GET
 * /api/workouts/library.  Thin: parse -> service (bz-workout-service.h) ->
 * serialize.  There is no PATCH or DELETE: plans are not modifiable by the
 * member; a nutritionist replaces a patient's plan by generating another. */
#include "bz-router.h"

#include "bz-analytics-resources.h"
#include "bz-workout-resources.h"
#include "bz-workout-service.h"
#include "bz-jobs.h"

static BzResponse *
generate (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;

  if (body == NULL || !(data = bz_workouts_generate_plan (svc, req->caller, body, error)))
    return NULL;
  return bz_response_record (201, data);
}

static BzResponse *
daily (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_workouts_daily (svc, req->caller, bz_request_query (req, "patient_id"),
                                      bz_request_query (req, "date"), error);
  return data ? bz_response_record (200, data) : NULL;
}

static BzResponse *
library (BzServices *svc, BzRequest *req, GError **error)
{
  BzExerciseFilter f = {
    bz_request_query (req, "muscle"), bz_request_query (req, "equipment"), bz_request_query (req, "level"),
    bz_request_query (req, "category"), bz_request_query (req, "q"), bz_request_query (req, "page"),
    bz_request_query (req, "limit"),
  };
  BzRecord *data = bz_workouts_library (svc, req->caller, &f, error);
  return data ? bz_response_record (200, data) : NULL;
}

static BzResponse *
log_session (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;

  if (body == NULL || !(data = bz_workouts_log_session (svc, req->caller, body, error)))
    return NULL;
  return bz_response_record (201, data);
}

static BzResponse *
analytics (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_workouts_analytics (svc, req->caller, bz_request_query (req, "patient_id"),
                                          bz_request_query (req, "period"), bz_request_query (req, "date"), error);
  return data ? bz_response_record (200, data) : NULL;
}

const BzRoute bz_workout_routes[] = {
  { "POST", "/api/integrations/workout-plans", generate, 0, 0,
    "Generate a workout plan (nutritionist for a patient, or a member for self): 14 days from the exercise library "
    "for the goal, level, days a week, equipment (default: the gym's working machines and free weights) and "
    "excluded muscles, sets, repetitions and rest after ACSM 2009; it becomes the member's one active plan "
    "(activePlans.workoutPlanId), the previous one is deactivated, and a job plans again after 14 days. Plans "
    "cannot be edited: a new plan replaces the active one",
    .request = &bz_workout_plan_request_resource, .response = &bz_workout_plan_result_resource },
  { "GET", "/api/workouts/daily", daily, 0, 0,
    "The active workout plan's session of a date (default today), each exercise with the gym's machines of its "
    "kinds and their status now (a member's own; a nutritionist's patient's)",
    .response = &bz_workout_daily_resource, .query = &bz_workout_daily_query_resource },
  { "GET", "/api/workouts/library", library, 0, 0,
    "Balanza's exercise library, Spanish and English, filtered by muscle, equipment, level, category and words of "
    "the name, a page at a time",
    .response = &bz_exercise_list_resource, .query = &bz_exercise_query_resource },
  { "POST", "/api/workouts/sessions", log_session, 0, 0,
    "Log a completed workout session (a member's own; a nutritionist's patient's): the exercises of the library "
    "and their sets, today or up to 30 days back; linked to the active plan's day when the date is one of its "
    "training days",
    .request = &bz_workout_session_resource, .response = &bz_workout_session_resource },
  { "GET", "/api/analytics/workout/summary", analytics, BZ_ROUTE_POOL, 0,
    "Workout analytics over a day, week or month: sessions and sessions a week, volume (repetitions x load) in "
    "all and by muscle group, cardio minutes, adherence to the active plan, and each loaded exercise's first and "
    "last session",
    .response = &bz_workout_analytics_resource, .query = &bz_analytics_query_resource },
  { NULL }
};
