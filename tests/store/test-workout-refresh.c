/* test-workout-refresh.c — the workout plans' 14-day refresh as a durable
 * job (bz-workout-service.h), on a fake clock (bz_jobs_set_test_now_ms()):
 * a plan made on 1 December queues its refresh for 15 December; a runner
 * before then runs nothing; on the 15th it plans again from the member's
 * record as it is then (a new goal) and the gym as it is then (the
 * treadmills out of service; a knee injury among the health conditions), the old plan inactive and the new one active
 * with its own refresh queued; a refresh of a plan replaced since does
 * nothing; replaced plans beyond BZ_WORKOUT_INACTIVE_KEPT are deleted. */
#include <string.h>

#include "bz-error.h"
#include "bz-jobs.h"
#include "bz-test-util.h"
#include "bz-workout-repo.h"
#include "bz-workout-resources.h"
#include "bz-workout-service.h"

#define NUTRI "11111111-1111-4111-8111-111111111111"
#define MEMBER "22222222-2222-4222-8222-222222222222"
#define PATIENT "33333333-3333-4333-8333-333333333333"

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

static gint64
local_ms (int y, int m, int d, int h)
{
  g_autoptr(GDateTime) t = g_date_time_new_local (y, m, d, h, 0, 0);
  return g_date_time_to_unix (t) * 1000;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = bz_test_tmpdir ("workout-refresh");
  f->store = bz_store_open (f->dir, &error);
  g_assert_no_error (error);
  f->svc = bz_services_new (f->store);
  exec (f->store,
        "INSERT INTO users (id, email, username, password_hash, first_name, last_name, user_type, created_at, updated_at)"
        " VALUES ('" NUTRI "', 'n@test.local', 'n', 'x', 'Ana', 'López', 'nutritionist', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
        " ('" MEMBER "', 'm@test.local', 'm', 'x', 'Luis', 'Soto', 'patient', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
        "INSERT INTO patients (id, user_id, nutritionist_id, primary_goal, activity_level, created_at, updated_at)"
        " VALUES ('" PATIENT "', '" MEMBER "', '" NUTRI "', 'muscle_gain', 'moderate', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');");
  g_assert_true (bz_workouts_add_demo_machines (f->svc, &error));
  g_assert_no_error (error);
  f->nutri = bz_caller_new (NUTRI, BZ_ROLE_NUTRITIONIST, "n@test.local");
  bz_jobs_set_test_now_ms (local_ms (2026, 12, 1, 12));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  bz_jobs_set_test_now_ms (0);
  g_clear_object (&f->svc);
  g_clear_object (&f->store);
  bz_caller_free (f->nutri);
  bz_test_rmdir (f->dir);
  g_free (f->dir);
}

static gint64
count (BzStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  return sqlite3_column_int64 (st, 0);
}

/* Runs a runner with the workout handler until it has completed @done jobs
 * (at most 10 s) and a moment more; returns what it completed. */
static guint
run_jobs (Fixture *f, guint done)
{
  g_autoptr(BzJobRunner) runner = bz_job_runner_new (f->store);
  guint n_done = 0, n_failed = 0;

  bz_workouts_register_jobs (runner, f->svc);
  bz_job_runner_set_timing (runner, BZ_JOBS_LEASE_MS, 20);
  bz_job_runner_start (runner);
  for (guint i = 0; i < 1000 && n_done < done; i++)
    {
      bz_job_runner_get_counts (runner, &n_done, &n_failed);
      if (n_done < done)
        g_usleep (10000);
    }
  g_usleep (100000);
  bz_job_runner_stop (runner);
  bz_job_runner_get_counts (runner, &n_done, &n_failed);
  g_assert_cmpuint (n_failed, ==, 0);
  return n_done;
}

static char *
generate (Fixture *f, const char *extra)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("{\"patientId\":\"" PATIENT "\"%s}", extra);
  g_autoptr(JsonNode) node = json_from_string (text, &error);
  g_autoptr(BzRecord) res = NULL;

  g_assert_no_error (error);
  res = bz_workouts_generate_plan (f->svc, f->nutri, json_node_get_object (node), &error);
  g_assert_no_error (error);
  return g_strdup (bz_record_get_string (res, BZ_WORKOUT_PLAN_RESULT_WORKOUT_PLAN_ID));
}

static gboolean
plan_uses (const BzWorkoutPlanRow *row, const char *slug)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\"", slug);
  return strstr (row->plan_json, needle) != NULL;
}

static void
test_refresh (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = generate (f, ",\"daysPerWeek\":4");
  g_auto(BzWorkoutPlanRow) row = { 0 }, fresh = { 0 }, old = { 0 };

  g_assert_true (bz_workout_repo_get_active (f->store, PATIENT, &row, &error));
  g_assert_cmpstr (row.id, ==, first);
  g_assert_cmpstr (row.starts_on, ==, "2026-12-01");
  g_assert_cmpstr (row.ends_on, ==, "2026-12-14");
  g_assert_cmpstr (row.goal, ==, "hypertrophy");      /* from muscle_gain */
  g_assert_cmpstr (row.level, ==, "intermediate");    /* from a moderate activity level */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM jobs WHERE kind = '" BZ_WORKOUT_REFRESH_JOB "'"), ==, 1);

  /* A week later: not due, still queued (due on the 15th, 14 days on). */
  bz_jobs_set_test_now_ms (local_ms (2026, 12, 8, 12));
  g_assert_cmpuint (run_jobs (f, 0), ==, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM jobs WHERE kind = '" BZ_WORKOUT_REFRESH_JOB "'"
                                            " AND state = 'queued' AND run_at = %" G_GINT64_FORMAT,
                                            local_ms (2026, 12, 1, 12) + 14 * G_GINT64_CONSTANT (86400000));
    g_assert_cmpint (count (f->store, sql), ==, 1);
  }

  /* The member's data changes meanwhile: a new goal; the treadmills break. */
  exec (f->store, "UPDATE patients SET primary_goal = 'weight_loss', health_conditions = '[\"diabetes\",\"lesión de rodilla\"]'"
                  " WHERE id = '" PATIENT "';"
                  "UPDATE gym_machines SET status = 'out_of_service' WHERE kind = 'treadmill';");

  /* Day 15: planned again. */
  bz_jobs_set_test_now_ms (local_ms (2026, 12, 15, 12) + 60000);
  g_assert_cmpuint (run_jobs (f, 1), ==, 1);
  g_assert_true (bz_workout_repo_get_active (f->store, PATIENT, &fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fresh.id, !=, first);
  g_assert_cmpstr (fresh.starts_on, ==, "2026-12-15");
  g_assert_cmpstr (fresh.goal, ==, "weight_loss");
  g_assert_cmpint (fresh.days_per_week, ==, 4);      /* the request's choice kept */
  g_assert_cmpstr (fresh.created_by, ==, NUTRI);
  g_assert_nonnull (strstr (fresh.plan_json, "\"excludedMuscles\":[\"quadriceps\"]"));   /* the knee, from the record */
  g_assert_nonnull (strstr (row.plan_json, "\"excludedMuscles\":[]"));   /* none the first time */
  for (const char *const *s = (const char *const[]) { "treadmill-brisk-walk", "treadmill-incline-walk", "treadmill-jog",
                                                       "treadmill-run", NULL }; *s; s++)
    g_assert_false (plan_uses (&fresh, *s));
  g_assert_true (bz_workout_repo_get (f->store, first, &old, &error));
  g_assert_cmpstr (old.status, ==, "inactive");
  g_assert_nonnull (old.deactivated_at);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM workout_plans WHERE status = 'active'"), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM jobs WHERE kind = '" BZ_WORKOUT_REFRESH_JOB "' AND state = 'queued'"),
                   ==, 1);

  /* The first plan's refresh again (at least once delivery): nothing happens. */
  {
    g_autofree char *payload = g_strdup_printf ("{\"planId\":\"%s\"}", first);
    g_assert_true (bz_services_enqueue_job (f->svc, BZ_WORKOUT_REFRESH_JOB, payload, "again", bz_jobs_now_ms (), &error));
    g_assert_cmpuint (run_jobs (f, 1), ==, 1);
    g_assert_cmpint (count (f->store, "SELECT count(*) FROM workout_plans"), ==, 2);
  }
}

static void
test_cleanup (Fixture *f, gconstpointer data)
{
  g_autofree char *last = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_free (last);
      bz_jobs_set_test_now_ms (local_ms (2026, 12, 1, 12) + i * 1000);
      last = generate (f, "");
    }
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM workout_plans"), ==, 1 + BZ_WORKOUT_INACTIVE_KEPT);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM workout_plans WHERE status = 'active'"), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/workout-refresh/refresh", Fixture, NULL, fixture_setup, test_refresh, fixture_teardown);
  g_test_add ("/workout-refresh/cleanup", Fixture, NULL, fixture_setup, test_cleanup, fixture_teardown);
  return g_test_run ();
}
