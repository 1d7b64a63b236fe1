/* test-draft-expiry.c — the meal plans' draft expiry as a durable job
 * (BZ_MEAL_PLAN_DRAFT_EXPIRY_JOB, bz-meal-plan-service.h) on a real SQLite
 * file, with the jobs' fake clock (bz_jobs_set_test_now_ms()) so that a job
 * due in 7 days runs now: created with its draft, due at expiresAt, deletes
 * the draft exactly once; a finalized plan is untouched; a restart in the
 * middle of the job (claimed, store closed and reopened) still deletes it
 * once; drafts made before the job existed get theirs at start-up, once. */
#include "bz-error.h"
#include "bz-jobs.h"
#include "bz-meal-plan-repo.h"
#include "bz-meal-plan-service.h"
#include "bz-test-util.h"

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

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = bz_test_tmpdir ("draft-expiry");
  open_store (f);
  exec (f->store,
        "INSERT INTO users (id, email, username, password_hash, first_name, last_name, user_type, created_at, updated_at)"
        " VALUES ('" NUTRI "', 'n@test.local', 'n', 'x', 'Ana', 'López', 'nutritionist', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
        " ('" MEMBER "', 'm@test.local', 'm', 'x', 'Luis', 'Soto', 'patient', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
        "INSERT INTO patients (id, user_id, nutritionist_id, created_at, updated_at)"
        " VALUES ('" PATIENT "', '" MEMBER "', '" NUTRI "', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');");
  f->nutri = bz_caller_new (NUTRI, BZ_ROLE_NUTRITIONIST, "n@test.local");
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

/* A draft made by the service; its expiresAt in ms in @out_expires_ms. */
static char *
create_draft (Fixture *f, gint64 *out_expires_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) in = json_object_new ();
  g_autoptr(BzRecord) draft = NULL;
  g_autoptr(GDateTime) expires = NULL;

  json_object_set_string_member (in, "clientId", PATIENT);
  json_object_set_string_member (in, "planDate", "2026-12-28");
  json_object_set_int_member (in, "durationDays", 2);
  draft = bz_meal_plans_create (f->svc, f->nutri, in, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  expires = g_date_time_new_from_iso8601 (bz_record_get_string (draft, BZ_MEAL_PLAN_DRAFT_EXPIRES_AT), NULL);
  g_assert_nonnull (expires);
  *out_expires_ms = g_date_time_to_unix (expires) * 1000;
  return g_strdup (bz_record_get_string (draft, BZ_MEAL_PLAN_DRAFT_DRAFT_ID));
}

static gint64
count (BzStore *store, const char *sql, const char *arg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), sql, &error);
  gint64 n;

  g_assert_no_error (error);
  sqlite3_bind_text (st, 1, arg, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (st, 0);
  return n;
}

/* The draft expiry job of @draft_id (there is exactly one). */
static BzJob *
job_of (BzStore *store, const char *draft_id)
{
  g_autoptr(GError) error = NULL;
  gint64 id;
  BzJob *job;

  g_assert_cmpint (count (store, "SELECT count(*) FROM jobs WHERE kind = 'meal_plan.draft_expiry'"
                                 " AND idempotency_key = ?1", draft_id), ==, 1);
  id = count (store, "SELECT id FROM jobs WHERE kind = 'meal_plan.draft_expiry' AND idempotency_key = ?1", draft_id);
  job = bz_jobs_repo_get (store, id, &error);
  g_assert_no_error (error);
  return job;
}

static gboolean
plan_exists (BzStore *store, const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) plan = bz_meal_plan_repo_get (store, id, &error);
  g_assert_no_error (error);
  return plan != NULL;
}

static gint64
deletions_logged (BzStore *store, const char *id)
{
  return count (store, "SELECT count(*) FROM changes WHERE table_name = 'meal_plans' AND op = 'delete'"
                       " AND row_id = ?1", id);
}

/* Runs a runner with the draft expiry handler until it has completed
 * @done jobs (at most 10 s), then stops it.  Returns what it completed. */
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
  /* A little longer: whatever else would run (a second run) has the chance to. */
  g_usleep (100000);
  bz_job_runner_stop (runner);
  bz_job_runner_get_counts (runner, &n_done, &n_failed);
  g_assert_cmpuint (n_failed, ==, 0);
  return n_done;
}

static void
test_expires_once (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzJob) job = NULL, early = NULL, after = NULL;
  g_autoptr(BzRecord) gone = NULL;
  g_autofree char *id = NULL;
  gint64 expires_ms;
  guint n;

  id = create_draft (f, &expires_ms);
  /* Enqueued with the draft: due at expiresAt, keyed by the draft id. */
  job = job_of (f->store, id);
  g_assert_cmpint (job->state, ==, BZ_JOB_QUEUED);
  g_assert_cmpint (job->run_at, ==, expires_ms);
  g_assert_cmpstr (job->idempotency_key, ==, id);
  g_assert_true (strstr (job->payload, id) != NULL);
  /* Not due a second before. */
  early = bz_jobs_repo_claim (f->store, "early", (const char *const[]) { BZ_MEAL_PLAN_DRAFT_EXPIRY_JOB, NULL },
                              expires_ms - 1000, 1000, &error);
  g_assert_no_error (error);
  g_assert_null (early);
  /* Nothing for start-up to add. */
  g_assert_true (bz_meal_plans_schedule_draft_expiry (f->svc, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);

  /* At expiresAt the job runs and deletes the draft with its slots. */
  bz_jobs_set_test_now_ms (expires_ms);
  g_assert_cmpuint (run_jobs (f->store, 1), ==, 1);
  g_assert_false (plan_exists (f->store, id));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meal_plan_slots WHERE plan_id = ?1", id), ==, 0);
  g_assert_cmpint (deletions_logged (f->store, id), ==, 1);
  after = job_of (f->store, id);
  g_assert_cmpint (after->state, ==, BZ_JOB_DONE);
  g_assert_cmpint (after->attempts, ==, 1);
  gone = bz_meal_plans_get (f->svc, f->nutri, id, &error);
  g_assert_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Once: a later runner, a later start-up, find nothing more to do. */
  bz_jobs_set_test_now_ms (expires_ms + 24 * 3600 * 1000);
  g_assert_true (bz_meal_plans_schedule_draft_expiry (f->svc, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (run_jobs (f->store, 0), ==, 0);
  g_assert_cmpint (deletions_logged (f->store, id), ==, 1);
}

static void
test_finalized_never_expires (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzJob) job = NULL;
  g_autoptr(BzRecord) plan = NULL;
  g_autofree char *id = NULL, *draft = NULL;
  gint64 expires_ms, draft_expires_ms;

  id = create_draft (f, &expires_ms);
  draft = create_draft (f, &draft_expires_ms);
  g_assert_true (bz_store_begin (f->store, &error));
  g_assert_true (bz_meal_plan_repo_finalize (f->store, id, PATIENT, "Semana 1", "2026-12-02T10:00:00Z", &error));
  g_assert_true (bz_store_commit (f->store, &error));
  g_assert_no_error (error);

  /* Both jobs are due; only the draft goes. */
  bz_jobs_set_test_now_ms (MAX (expires_ms, draft_expires_ms) + 1000);
  g_assert_cmpuint (run_jobs (f->store, 2), ==, 2);
  g_assert_true (plan_exists (f->store, id));
  g_assert_false (plan_exists (f->store, draft));
  plan = bz_meal_plan_repo_get (f->store, id, &error);
  g_assert_cmpstr (bz_record_get_string (plan, BZ_MEAL_PLAN_STATUS), ==, "finalized");
  g_assert_null (bz_record_get_string (plan, BZ_MEAL_PLAN_EXPIRES_AT));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meal_plan_slots WHERE plan_id = ?1", id), ==, 2 * 4);
  g_assert_cmpint (deletions_logged (f->store, id), ==, 0);
  job = job_of (f->store, id);
  g_assert_cmpint (job->state, ==, BZ_JOB_DONE);
}

static void
test_restart_in_the_middle (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzJob) claimed = NULL, after = NULL;
  g_autofree char *id = NULL;
  gboolean deleted = FALSE;
  gint64 expires_ms;
  guint n;

  id = create_draft (f, &expires_ms);

  /* A runner claims the job at expiresAt and starts the handler's
   * transaction: the draft is deleted there, then the process dies before
   * COMMIT (rolled back), with the job still leased to it. */
  bz_jobs_set_test_now_ms (expires_ms);
  claimed = bz_jobs_repo_claim (f->store, "dead-runner", (const char *const[]) { BZ_MEAL_PLAN_DRAFT_EXPIRY_JOB, NULL },
                                expires_ms, 1000, &error);
  g_assert_no_error (error);
  g_assert_nonnull (claimed);
  g_assert_cmpstr (claimed->idempotency_key, ==, id);
  g_assert_true (bz_store_begin (f->store, &error));
  g_assert_true (bz_meal_plan_repo_delete_expired_draft (f->store, id, "2099-01-01T00:00:00Z", &deleted, &error));
  g_assert_true (deleted);
  bz_store_rollback (f->store);
  close_store (f);

  /* Restart: the store reopens, start-up schedules nothing new (the key is
   * taken), and once the dead runner's lease is over the job runs again. */
  open_store (f);
  g_assert_true (plan_exists (f->store, id));
  g_assert_true (bz_meal_plans_schedule_draft_expiry (f->svc, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  bz_jobs_set_test_now_ms (expires_ms + 2000);
  g_assert_cmpuint (run_jobs (f->store, 1), ==, 1);
  g_assert_false (plan_exists (f->store, id));
  g_assert_cmpint (deletions_logged (f->store, id), ==, 1);
  after = job_of (f->store, id);
  g_assert_cmpint (after->state, ==, BZ_JOB_DONE);
  g_assert_cmpint (after->attempts, ==, 2);

  /* The dead runner's outcome, were it to come back, is refused. */
  g_assert_false (bz_jobs_repo_complete (f->store, claimed, expires_ms + 3000, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Another restart runs nothing twice. */
  close_store (f);
  open_store (f);
  g_assert_cmpuint (run_jobs (f->store, 0), ==, 0);
  g_assert_cmpint (deletions_logged (f->store, id), ==, 1);
}

/* Drafts made before their expiry was a job: start-up enqueues it, once. */
static void
test_existing_drafts (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzJob) old_job = NULL, new_job = NULL;
  g_autoptr(GDateTime) t = NULL;
  BzMealPlanNew old = { "manual-old-1", PATIENT, NUTRI, "2026-01-10", 3, "2026-01-01T10:00:00Z", "2026-01-08T10:00:00Z" };
  BzMealPlanNew recent = { "manual-new-1", PATIENT, NUTRI, "2026-12-28", 3, "2026-12-01T10:00:00Z", "2026-12-08T10:00:00Z" };
  guint n;

  g_assert_true (bz_store_begin (f->store, &error));
  g_assert_true (bz_meal_plan_repo_insert (f->store, &old, bz_meal_plan_default_meals (), &error));
  g_assert_true (bz_meal_plan_repo_insert (f->store, &recent, bz_meal_plan_default_meals (), &error));
  g_assert_true (bz_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM jobs WHERE kind = ?1", BZ_MEAL_PLAN_DRAFT_EXPIRY_JOB), ==, 0);

  g_assert_true (bz_meal_plans_schedule_draft_expiry (f->svc, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (bz_meal_plans_schedule_draft_expiry (f->svc, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  old_job = job_of (f->store, "manual-old-1");
  new_job = job_of (f->store, "manual-new-1");
  t = g_date_time_new_from_iso8601 ("2026-12-08T10:00:00Z", NULL);
  g_assert_cmpint (new_job->run_at, ==, g_date_time_to_unix (t) * 1000);

  /* On 2026-06-01 the January draft has expired, the December one has not. */
  g_clear_pointer (&t, g_date_time_unref);
  t = g_date_time_new_from_iso8601 ("2026-06-01T00:00:00Z", NULL);
  bz_jobs_set_test_now_ms (g_date_time_to_unix (t) * 1000);
  g_assert_cmpuint (run_jobs (f->store, 1), ==, 1);
  g_assert_false (plan_exists (f->store, "manual-old-1"));
  g_assert_true (plan_exists (f->store, "manual-new-1"));
  g_assert_cmpint (deletions_logged (f->store, "manual-old-1"), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/draft-expiry/expires-once", Fixture, NULL, fixture_setup, test_expires_once, fixture_teardown);
  g_test_add ("/draft-expiry/finalized-never-expires", Fixture, NULL, fixture_setup, test_finalized_never_expires,
              fixture_teardown);
  g_test_add ("/draft-expiry/restart-in-the-middle", Fixture, NULL, fixture_setup, test_restart_in_the_middle,
              fixture_teardown);
  g_test_add ("/draft-expiry/existing-drafts", Fixture, NULL, fixture_setup, test_existing_drafts, fixture_teardown);
  return g_test_run ();
}
