/* bz-meal-plan-lifecycle.c — the meal plans' status lifecycle after
 * finalizing (seed 004: finalized -> active -> completed -> archived) as
 * durable jobs; the rules are in bz-meal-plan-service.h, the SQL in
 * bz-meal-plan-repo-lifecycle.c.
 *
 * Every date here is the clinic's local calendar date (as planDate and
 * GET /api/nutrition/daily's date are), taken from the jobs' clock
 * (bz_jobs_now_ms()), so that tests can move it. */
#include "bz-meal-plan-service-private.h"

#include <stdio.h>
#include <string.h>

#include "bz-jobs.h"
#include "bz-json.h"
#include "bz-meal-plan-repo.h"

/* The local date of @ms (ms since 1970), YYYY-MM-DD. */
static char *
local_date (gint64 ms)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_local (ms / 1000);
  return g_date_time_format (t, "%Y-%m-%d");
}

/* ISO 8601 UTC of @ms, as updated_at is written. */
static char *
utc_text (gint64 ms)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (ms / 1000);
  return g_date_time_format (t, "%Y-%m-%dT%H:%M:%SZ");
}

/* Local midnight at the start of the YYYY-MM-DD @date, in ms; -1 when
 * @date is not a date. */
static gint64
local_midnight_ms (const char *date)
{
  g_autoptr(GDateTime) t = NULL;
  int y, m, d;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return -1;
  t = g_date_time_new_local (y, m, d, 0, 0, 0);
  return t ? g_date_time_to_unix (t) * 1000 : -1;
}

char *
bz_meal_plan_today (void)
{
  return local_date (bz_jobs_now_ms ());
}

static char *
payload_for (const char *plan_id)
{
  GString *s = g_string_new ("{\"planId\":");
  bz_json_append_string (s, plan_id);
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

/* Enqueues @kind for @plan_id, due at local midnight of @date, in the
 * transaction open on this thread's connection. */
static gboolean
enqueue_on (BzStore *store, BzServices *svc, const char *kind, const char *plan_id, const char *date, GError **error)
{
  g_autofree char *payload = payload_for (plan_id);
  gint64 due = local_midnight_ms (date);

  if (due < 0)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "Meal plan %s has an unreadable date '%s'", plan_id, date);
      return FALSE;
    }
  if (svc)
    return bz_services_enqueue_job (svc, kind, payload, plan_id, due, error);
  return bz_jobs_repo_enqueue (store, kind, payload, plan_id, due, 0, bz_jobs_now_ms (), NULL, NULL, error);
}

/* Activates @plan_id if its day has come and enqueues its completion;
 * *@out says what happened. */
static gboolean
activate (BzStore *store, BzServices *svc, const char *plan_id, BzPlanTransition *out, GError **error)
{
  gint64 now = bz_jobs_now_ms ();
  g_autofree char *today = local_date (now), *now_s = utc_text (now), *end_date = NULL;

  if (!bz_meal_plan_repo_activate (store, plan_id, today, now_s, out, &end_date, error))
    return FALSE;
  if (*out != BZ_PLAN_TRANSITION_DONE)
    return TRUE;
  g_debug ("Meal plans: %s is active until %s", plan_id, end_date);
  return enqueue_on (store, svc, BZ_MEAL_PLAN_COMPLETE_JOB, plan_id, end_date, error);
}

gboolean
bz_meal_plan_lifecycle_start (BzServices *svc, const char *plan_id, const char *plan_date, GError **error)
{
  /* Always through the job, also when planDate has come (the job is then
   * due at once): finalize answers status "finalized" as seed 004 says, and
   * the runner makes the plan active a moment later. */
  return enqueue_on (bz_services_get_store (svc), svc, BZ_MEAL_PLAN_ACTIVATE_JOB, plan_id, plan_date, error);
}

/* The planId of a lifecycle job's payload; a VALIDATION error (the job
 * fails at once, bz-jobs.h) when it has none. */
static char *
plan_id_of (const BzJob *job, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *id = NULL;
  JsonNode *root;

  if (json_parser_load_from_data (parser, job->payload, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    id = bz_json_get_string (json_node_get_object (root), "planId");
  if (id == NULL || *id == '\0')
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION, "Meal plan job %s without a planId: %s", job->kind, job->payload);
      return NULL;
    }
  return g_strdup (id);
}

/* A job that ran before its plan's date (the clock or the time zone moved):
 * an ordinary failure, retried with backoff. */
static gboolean
not_yet (const BzJob *job, const char *plan_id, GError **error)
{
  g_set_error (error, BZ_ERROR, BZ_ERROR_CONFLICT, "%s for %s ran before its date; retried later", job->kind, plan_id);
  return FALSE;
}

/* BzJobHandler of BZ_MEAL_PLAN_ACTIVATE_JOB, in the transaction that marks
 * the job done (BZ_JOB_HANDLER_TRANSACTIONAL). */
static gboolean
run_activate (BzStore *store, const BzJob *job, GCancellable *cancellable, gpointer user_data, GError **error)
{
  g_autofree char *plan_id = plan_id_of (job, error);
  BzPlanTransition done;

  if (plan_id == NULL || !activate (store, NULL, plan_id, &done, error))
    return FALSE;
  if (done == BZ_PLAN_TRANSITION_NOT_YET)
    return not_yet (job, plan_id, error);
  return TRUE;
}

/* BzJobHandler of BZ_MEAL_PLAN_COMPLETE_JOB (transactional too). */
static gboolean
run_complete (BzStore *store, const BzJob *job, GCancellable *cancellable, gpointer user_data, GError **error)
{
  g_autofree char *plan_id = plan_id_of (job, error);
  g_autofree char *today = NULL, *now_s = NULL;
  gint64 now = bz_jobs_now_ms ();
  BzPlanTransition done;

  if (plan_id == NULL)
    return FALSE;
  today = local_date (now);
  now_s = utc_text (now);
  if (!bz_meal_plan_repo_complete (store, plan_id, today, now_s, &done, error))
    return FALSE;
  if (done == BZ_PLAN_TRANSITION_NOT_YET)
    return not_yet (job, plan_id, error);
  if (done == BZ_PLAN_TRANSITION_DONE)
    g_debug ("Meal plans: %s completed", plan_id);
  return TRUE;
}

void
bz_meal_plans_register_lifecycle_jobs (BzJobRunner *runner)
{
  bz_job_runner_register (runner, BZ_MEAL_PLAN_ACTIVATE_JOB, BZ_JOB_HANDLER_TRANSACTIONAL, run_activate, NULL, NULL);
  bz_job_runner_register (runner, BZ_MEAL_PLAN_COMPLETE_JOB, BZ_JOB_HANDLER_TRANSACTIONAL, run_complete, NULL, NULL);
}

gboolean
bz_meal_plans_schedule_lifecycle (BzServices *svc, guint *out_count, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_auto(GStrv) ids = NULL, kinds = NULL, dates = NULL;
  guint n = 0;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), FALSE);
  if (out_count)
    *out_count = 0;
  if (!bz_store_begin (store, error))
    return FALSE;
  if (!bz_meal_plan_repo_list_unscheduled_lifecycle (store, BZ_MEAL_PLAN_ACTIVATE_JOB, BZ_MEAL_PLAN_COMPLETE_JOB,
                                                     &ids, &kinds, &dates, error))
    goto fail;
  for (guint i = 0; ids[i]; i++)
    {
      g_autoptr(GError) local = NULL;

      /* A date already past is due at once. */
      if (!enqueue_on (store, svc, kinds[i], ids[i], dates[i], &local))
        {
          if (local->domain == BZ_ERROR && local->code == BZ_ERROR_INTERNAL)
            {
              g_warning ("%s; not scheduled", local->message);
              continue;
            }
          g_propagate_error (error, g_steal_pointer (&local));
          goto fail;
        }
      n++;
    }
  if (!bz_store_commit (store, error))
    goto fail;
  if (out_count)
    *out_count = n;
  return TRUE;

fail:
  bz_store_rollback (store);
  return FALSE;
}
