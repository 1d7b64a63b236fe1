/* bz-plan-tasks.c — the desk's asynchronous calls for generated plans and
 * the integrations' health (issue 11: "the nutritionist can generate,
 * review and replace a patient's diet and workout plans", "the desk shows
 * the integration health"): each runs its synchronous service call on a
 * worker thread (bz_service_task_run()). */
#include "bz-integration-service.h"
#include "bz-service-task-private.h"
#include "bz-workout-service.h"
#include "bz-jobs.h"

static gpointer
diet_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_integrations_generate_diet_plan (svc, caller, args, error);
}

void
bz_integrations_generate_diet_plan_async (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                          GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_integrations_generate_diet_plan_async, "bz-diet-plan", caller,
                       BZ_SERVICE_TASK_NEEDS_CALLER, diet_work, json_object_ref (input),
                       (GDestroyNotify) json_object_unref, g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_integrations_generate_diet_plan_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_integrations_generate_diet_plan_async, error);
}

static gpointer
workout_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_workouts_generate_plan (svc, caller, args, error);
}

void
bz_workouts_generate_plan_async (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                 GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_workouts_generate_plan_async, "bz-workout-plan", caller,
                       BZ_SERVICE_TASK_NEEDS_CALLER, workout_work, json_object_ref (input),
                       (GDestroyNotify) json_object_unref, g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_workouts_generate_plan_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_workouts_generate_plan_async, error);
}

static gpointer
health_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_integrations_health (svc, caller, error);
}

void
bz_integrations_health_async (BzServices *svc, const BzCaller *caller, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_integrations_health_async, "bz-integrations-health", caller,
                       BZ_SERVICE_TASK_NEEDS_CALLER, health_work, NULL, NULL, g_object_unref, cancellable, callback,
                       user_data);
}

BzRecord *
bz_integrations_health_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_integrations_health_async, error);
}
