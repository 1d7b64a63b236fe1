/* test-plan-lifecycle.c — the meal plans' status lifecycle as durable jobs
 * (BZ_MEAL_PLAN_ACTIVATE_JOB, BZ_MEAL_PLAN_COMPLETE_JOB,
 * bz-meal-plan-service.h) on a real SQLite file with the jobs' fake clock:
 * a plan finalized through the service for a later day gets its activation
 * job, due at local midnight of its planDate; a restart in the middle of
 * the job (claimed, its transaction rolled back, store closed and reopened)
 * activates it exactly once; plans finalized before the lifecycle was a job
 * get their jobs at start-up, once. */
#include <string.h>

#include "bz-error.h"
#include "bz-jobs.h"
#include "bz-meal-plan-repo.h"
#include "bz-meal-plan-service.h"
#include "bz-test-util.h"

#define NUTRI "11111111-1111-4111-8111-111111111111"
#define MEMBER "22222222-2222-4222-8222-222222222222"
#define PATIENT "33333333-3333-4333-8333-333333333333"
#define RECIPE "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"

typedef struct
{
  char *dir;
  BzStore *store;
  BzServices *svc;
  BzCaller *nutri;
} Fixture;

static void
exec (BzStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_assert_true (bz_db_exec (bz_store_db (store), sql, &error));
  g_assert_no_error (error);
}

static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = bz_store_open (f->dir, &error);
  g_assert_no_error (error);
  f->svc = bz_services_new (f->store);
}

static void
close_store (Fixture *f)
{
  g_clear_object (&f->svc);
  g_clear_object (&f->store);
}

static gint64
local_ms (int y, int m, int d, int h)
{
  g_autoptr(GDateTime) t = g_date_time_new_local (y, m, d, h, 0, 0);
  return g_date_time_to_unix (t) * 1000;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = bz_test_tmpdir ("plan-lifecycle");
  open_store (f);
  exec (f->store,
        "INSERT INTO users (id, email, username, password_hash, first_name, last_name, user_type, created_at, updated_at)"
        " VALUES ('" NUTRI "', 'n@test.local', 'n', 'x', 'Ana', 'López', 'nutritionist', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
        " ('" MEMBER "', 'm@test.local', 'm', 'x', 'Luis', 'Soto', 'patient', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
        "INSERT INTO patients (id, user_id, nutritionist_id, created_at, updated_at)"
        " VALUES ('" PATIENT "', '" MEMBER "', '" NUTRI "', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
        "INSERT INTO recipes (id, title, meal_type, prep_time_min, cook_time_min, servings, calories, protein_g, carbs_g,"
        " fat_g, fiber_g, sodium_mg, created_at, updated_at) VALUES"
        " ('" RECIPE "', 'Huevos a la mexicana', 'desayuno', 5, 10, 2, 200, 12, 6, 14, 1.5, 300, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');");
  f->nutri = bz_caller_new (NUTRI, BZ_ROLE_NUTRITIONIST, "n@test.local");
  bz_jobs_set_test_now_ms (local_ms (2026, 12, 1, 12));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  bz_jobs_set_test_now_ms (0);
  close_store (f);
  bz_caller_free (f->nutri);
  bz_test_rmdir (f->dir);
  g_free (f->dir);
}

static gint64
count (BzStore *store, const char *sql, const char *arg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), sql, &error);

  g_assert_no_error (error);
  sqlite3_bind_text (st, 1, arg, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  return sqlite3_column_int64 (st, 0);
}

static BzJob *
job_of (BzStore *store, const char *kind, const char *plan_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM jobs WHERE kind = '%s' AND idempotency_key = ?1", kind);
  BzJob *job = bz_jobs_repo_get (store, count (store, sql, plan_id), &error);

  g_assert_no_error (error);
  g_assert_nonnull (job);
  return job;
}

static void
assert_status (BzStore *store, const char *id, const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) plan = bz_meal_plan_repo_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpstr (bz_record_get_string (plan, BZ_MEAL_PLAN_STATUS), ==, status);
}

/* A one-day plan from @date with the recipe in its four slots, finalized
 * through the service; its id. */
static char *
finalized_plan (Fixture *f, const char *date, const char *expect_status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) in = json_object_new ();
  g_autoptr(JsonObject) fin = json_object_new ();
  g_autoptr(BzRecord) draft = NULL, done = NULL;
  char *id;

  json_object_set_string_member (in, "clientId", PATIENT);
  json_object_set_string_member (in, "planDate", date);
  json_object_set_int_member (in, "durationDays", 1);
  draft = bz_meal_plans_create (f->svc, f->nutri, in, &error);
  g_assert_no_error (error);
  id = g_strdup (bz_record_get_string (draft, BZ_MEAL_PLAN_DRAFT_DRAFT_ID));
  for (guint i = 0; bz_meal_plan_default_meals ()[i]; i++)
    {
      g_autoptr(JsonObject) add = json_object_new ();
      g_autoptr(JsonObject) ref = json_object_new ();
      g_autoptr(BzRecord) r = NULL;
      json_object_set_string_member (ref, "id", RECIPE);
      json_object_set_string_member (ref, "provider", "balanza");
      json_object_set_string_member (add, "draftId", id);
      json_object_set_int_member (add, "day", 1);
      json_object_set_string_member (add, "mealName", bz_meal_plan_default_meals ()[i]);
      json_object_set_object_member (add, "recipe", json_object_ref (ref));
      r = bz_meal_plans_add_recipe (f->svc, f->nutri, add, &error);
      g_assert_no_error (error);
    }
  json_object_set_string_member (fin, "draftId", id);
  json_object_set_string_member (fin, "planName", "Semana");
  done = bz_meal_plans_finalize (f->svc, f->nutri, fin, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bz_record_get_string (done, BZ_MEAL_PLAN_STATUS), ==, expect_status);
  return id;
}

/* Runs a runner with the meal plans' handlers until it has completed @done
 * jobs (at most 10 s); returns what it completed. */
static guint
run_jobs (BzStore *store, guint done)
{
  g_autoptr(BzJobRunner) runner = bz_job_runner_new (store);
  guint n_done = 0, n_failed = 0;

  bz_meal_plans_register_jobs (runner);
  bz_job_runner_set_timing (runner, BZ_JOBS_LEASE_MS, 20);
  bz_job_runner_start (runner);
  for (guint i = 0; i < 1000; i++)
    {
      bz_job_runner_get_counts (runner, &n_done, &n_failed);
      if (n_done >= done)
        break;
      g_usleep (10000);
    }
  g_usleep (100000);   /* whatever else would run has the chance to */
  bz_job_runner_stop (runner);
  bz_job_runner_get_counts (runner, &n_done, &n_failed);
  g_assert_cmpuint (n_failed, ==, 0);
  return n_done;
}

static gint64
updates_logged (BzStore *store, const char *id)
{
  return count (store, "SELECT count(*) FROM changes WHERE table_name = 'meal_plans' AND op = 'update' AND row_id = ?1", id);
}

static void
test_restart_in_the_middle (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzJob) job = NULL, claimed = NULL, after = NULL, complete = NULL;
  g_autofree char *id = finalized_plan (f, "2026-12-05", "finalized");
  gint64 due = local_ms (2026, 12, 5, 0), updates;
  BzPlanTransition t;
  guint n;

  /* Enqueued with the finalize: due at local midnight of planDate. */
  job = job_of (f->store, BZ_MEAL_PLAN_ACTIVATE_JOB, id);
  g_assert_cmpint (job->state, ==, BZ_JOB_QUEUED);
  g_assert_cmpint (job->run_at, ==, due);
  g_assert_true (strstr (job->payload, id) != NULL);
  updates = updates_logged (f->store, id);

  /* A runner claims it at midnight and activates the plan in the job's
   * transaction, then dies before COMMIT. */
  bz_jobs_set_test_now_ms (due);
  claimed = bz_jobs_repo_claim (f->store, "dead-runner", (const char *const[]) { BZ_MEAL_PLAN_ACTIVATE_JOB, NULL },
                                due, 1000, &error);
  g_assert_no_error (error);
  g_assert_nonnull (claimed);
  g_assert_true (bz_store_begin (f->store, &error));
  g_assert_true (bz_meal_plan_repo_activate (f->store, id, "2026-12-05", "2026-12-05T06:00:00Z", &t, NULL, &error));
  g_assert_cmpint (t, ==, BZ_PLAN_TRANSITION_DONE);
  bz_store_rollback (f->store);
  close_store (f);

  /* Restart: start-up schedules nothing new; after the lease the job runs
   * again, once: the plan is active, its completion queued. */
  open_store (f);
  assert_status (f->store, id, "finalized");
  g_assert_true (bz_meal_plans_schedule_draft_expiry (f->svc, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  bz_jobs_set_test_now_ms (due + 2000);
  g_assert_cmpuint (run_jobs (f->store, 1), ==, 1);
  assert_status (f->store, id, "active");
  g_assert_cmpint (updates_logged (f->store, id), ==, updates + 1);
  after = job_of (f->store, BZ_MEAL_PLAN_ACTIVATE_JOB, id);
  g_assert_cmpint (after->state, ==, BZ_JOB_DONE);
  g_assert_cmpint (after->attempts, ==, 2);
  complete = job_of (f->store, BZ_MEAL_PLAN_COMPLETE_JOB, id);
  g_assert_cmpint (complete->state, ==, BZ_JOB_QUEUED);
  g_assert_cmpint (complete->run_at, ==, local_ms (2026, 12, 6, 0));
  g_assert_false (bz_jobs_repo_complete (f->store, claimed, due + 3000, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Another restart runs nothing twice; the next midnight completes it. */
  close_store (f);
  open_store (f);
  g_assert_cmpuint (run_jobs (f->store, 0), ==, 0);
  g_assert_cmpint (updates_logged (f->store, id), ==, updates + 1);
  bz_jobs_set_test_now_ms (local_ms (2026, 12, 6, 0) + 1000);
  g_assert_cmpuint (run_jobs (f->store, 1), ==, 1);
  assert_status (f->store, id, "completed");
}

/* A plan whose planDate is today is "finalized" in finalize's answer (seed
 * 004), its activation due at once; the runner's first pass makes it active
 * and queues its completion for the next midnight. */
static void
test_active_at_finalize (Fixture *f, gconstpointer data)
{
  g_autofree char *today = finalized_plan (f, "2026-12-01", "finalized");
  g_autoptr(BzJob) activate = job_of (f->store, BZ_MEAL_PLAN_ACTIVATE_JOB, today);
  g_autoptr(BzJob) complete = NULL;

  g_assert_cmpint (activate->run_at, <=, bz_jobs_now_ms ());
  g_assert_cmpuint (run_jobs (f->store, 1), ==, 1);
  assert_status (f->store, today, "active");
  complete = job_of (f->store, BZ_MEAL_PLAN_COMPLETE_JOB, today);
  g_assert_cmpint (complete->run_at, ==, local_ms (2026, 12, 2, 0));
}

/* Plans finalized before the lifecycle was a job: start-up enqueues what
 * each waits for, once, and the jobs do the rest. */
static void
test_existing_plans (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  BzMealPlanNew x = { "manual-x-1", PATIENT, NUTRI, "2026-12-04", 3, "2026-11-20T10:00:00Z", "2026-11-27T10:00:00Z" };
  BzMealPlanNew y = { "manual-y-1", PATIENT, NUTRI, "2026-11-30", 3, "2026-11-20T10:00:00Z", "2026-11-27T10:00:00Z" };
  guint n;

  g_assert_true (bz_store_begin (f->store, &error));
  g_assert_true (bz_meal_plan_repo_insert (f->store, &x, bz_meal_plan_default_meals (), &error));
  g_assert_true (bz_meal_plan_repo_insert (f->store, &y, bz_meal_plan_default_meals (), &error));
  g_assert_true (bz_meal_plan_repo_finalize (f->store, "manual-x-1", PATIENT, "X", "2026-11-21T10:00:00Z", &error));
  g_assert_true (bz_store_commit (f->store, &error));
  g_assert_no_error (error);
  exec (f->store, "UPDATE meal_plans SET status = 'active', expires_at = NULL WHERE id = 'manual-y-1'");

  /* Two lifecycle jobs (X's activation, Y's completion), and the drafts:
   * none. */
  g_assert_true (bz_meal_plans_schedule_lifecycle (f->svc, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (bz_meal_plans_schedule_lifecycle (f->svc, &n, &error));
  g_assert_cmpuint (n, ==, 0);

  /* On 2026-12-05: Y (ended 2026-12-03) is completed, then X's activation
   * (due 2026-12-04) makes X active and the completed Y history. */
  bz_jobs_set_test_now_ms (local_ms (2026, 12, 5, 9));
  g_assert_cmpuint (run_jobs (f->store, 2), ==, 2);
  assert_status (f->store, "manual-y-1", "archived");
  assert_status (f->store, "manual-x-1", "active");
  {
    g_autoptr(BzJob) c = job_of (f->store, BZ_MEAL_PLAN_COMPLETE_JOB, "manual-x-1");
    g_assert_cmpint (c->run_at, ==, local_ms (2026, 12, 7, 0));
  }
  g_assert_true (bz_meal_plans_schedule_lifecycle (f->svc, &n, &error));
  g_assert_cmpuint (n, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/plan-lifecycle/restart-in-the-middle", Fixture, NULL, fixture_setup, test_restart_in_the_middle,
              fixture_teardown);
  g_test_add ("/plan-lifecycle/active-at-finalize", Fixture, NULL, fixture_setup, test_active_at_finalize,
              fixture_teardown);
  g_test_add ("/plan-lifecycle/existing-plans", Fixture, NULL, fixture_setup, test_existing_plans, fixture_teardown);
  return g_test_run ();
}
