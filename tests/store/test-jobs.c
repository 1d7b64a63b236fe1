/* test-jobs.c — the durable job queue (bz-jobs-repo.h) and its runner
 * (bz-jobs.h) on a real SQLite file: claim/complete, idempotency keys,
 * retries with backoff, lease expiry, two runners, a restart in the middle
 * of a job, jobs in the future, stop, transactional handlers. */
#include "bz-error.h"
#include "bz-jobs.h"
#include "bz-test-util.h"

static const char *const test_kinds[] = { "test", NULL };

typedef struct
{
  char *dir;
  BzStore *store;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  f->dir = bz_test_tmpdir ("jobs");
  f->store = bz_store_open (f->dir, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  bz_test_rmdir (f->dir);
  g_free (f->dir);
}

static gint64
enqueue (BzStore *store, const char *key, gint64 run_at, int max_attempts)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  g_assert_true (bz_jobs_repo_enqueue (store, "test", "{\"n\":1}", key, run_at, max_attempts,
                                       run_at, &id, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static BzJob *
get (BzStore *store, gint64 id)
{
  g_autoptr(GError) error = NULL;
  BzJob *job = bz_jobs_repo_get (store, id, &error);
  g_assert_no_error (error);
  return job;
}

static void
test_claim_complete (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 t = 1700000000000;
  gint64 id = enqueue (f->store, NULL, t, 0);
  g_autoptr(BzJob) job = NULL, none = NULL, other = NULL, after = NULL;

  g_assert_cmpint (bz_store_schema_version (f->store), >=, 8);
  /* Another kind is not claimed by a claimer of "test" only. */
  g_assert_true (bz_jobs_repo_enqueue (f->store, "other", NULL, NULL, t, 0, t, NULL, NULL, &error));
  job = bz_jobs_repo_claim (f->store, "A", test_kinds, t, 1000, &error);
  g_assert_no_error (error);
  g_assert_nonnull (job);
  g_assert_cmpint (job->id, ==, id);
  g_assert_cmpstr (job->kind, ==, "test");
  g_assert_cmpstr (job->payload, ==, "{\"n\":1}");
  g_assert_cmpint (job->state, ==, BZ_JOB_RUNNING);
  g_assert_cmpint (job->attempts, ==, 1);
  g_assert_cmpint (job->max_attempts, ==, BZ_JOBS_DEFAULT_MAX_ATTEMPTS);
  g_assert_cmpstr (job->lease_owner, ==, "A");
  g_assert_cmpint (job->lease_expires_at, ==, t + 1000);

  /* Leased: nobody else gets it. */
  none = bz_jobs_repo_claim (f->store, "B", test_kinds, t + 10, 1000, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  g_assert_true (bz_jobs_repo_complete (f->store, job, t + 20, &error));
  g_assert_no_error (error);
  after = get (f->store, id);
  g_assert_cmpint (after->state, ==, BZ_JOB_DONE);
  g_assert_cmpint (after->finished_at, ==, t + 20);
  g_assert_null (after->lease_owner);
  g_assert_cmpint (after->lease_expires_at, ==, 0);

  /* Done is final: completing again is a conflict, and nothing is claimed. */
  g_assert_false (bz_jobs_repo_complete (f->store, job, t + 30, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_CONFLICT);
  g_clear_error (&error);
  other = bz_jobs_repo_claim (f->store, "B", test_kinds, t + 10000, 1000, &error);
  g_assert_no_error (error);
  g_assert_null (other);
}

static void
test_idempotency_key (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 t = 1700000000000, a = 0, b = 0, c = 0, d = 0, e = 0;
  gboolean created = FALSE;

  g_assert_true (bz_jobs_repo_enqueue (f->store, "test", NULL, "plan:1", t, 0, t, &a, &created, &error));
  g_assert_true (created);
  g_assert_true (bz_jobs_repo_enqueue (f->store, "test", "{\"x\":2}", "plan:1", t + 5, 0, t, &b, &created, &error));
  g_assert_no_error (error);
  g_assert_false (created);
  g_assert_cmpint (a, ==, b);
  {
    /* The first job is kept as it was. */
    g_autoptr(BzJob) job = get (f->store, a);
    g_assert_cmpstr (job->payload, ==, "{}");
    g_assert_cmpint (job->run_at, ==, t);
    g_assert_cmpstr (job->idempotency_key, ==, "plan:1");
  }
  /* The key is unique per kind; jobs without a key never collide. */
  g_assert_true (bz_jobs_repo_enqueue (f->store, "other", NULL, "plan:1", t, 0, t, &c, &created, &error));
  g_assert_true (created);
  g_assert_cmpint (c, !=, a);
  g_assert_true (bz_jobs_repo_enqueue (f->store, "test", NULL, NULL, t, 0, t, &d, &created, &error));
  g_assert_true (bz_jobs_repo_enqueue (f->store, "test", NULL, NULL, t, 0, t, &e, &created, &error));
  g_assert_true (created);
  g_assert_cmpint (d, !=, e);
  g_assert_no_error (error);

  /* Still taken once the job is done. */
  {
    g_autoptr(BzJob) job = bz_jobs_repo_claim (f->store, "A", test_kinds, t, 1000, &error);
    g_assert_cmpint (job->id, ==, a);
    g_assert_true (bz_jobs_repo_complete (f->store, job, t, &error));
    g_assert_true (bz_jobs_repo_enqueue (f->store, "test", NULL, "plan:1", t, 0, t, &b, &created, &error));
    g_assert_false (created);
    g_assert_cmpint (b, ==, a);
  }

  /* Bad kinds and payloads. */
  g_assert_false (bz_jobs_repo_enqueue (f->store, "Bad Kind", NULL, NULL, t, 0, t, NULL, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (bz_jobs_repo_enqueue (f->store, "test", "{not json", NULL, t, 0, t, NULL, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (bz_jobs_repo_enqueue (f->store, "test", NULL, "", t, 0, t, NULL, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
}

static void
test_backoff_formula (void)
{
  gint64 prev_max = 0;

  for (int n = 1; n <= 30; n++)
    {
      gint64 lo = bz_jobs_backoff_ms (n, 0.0), hi = bz_jobs_backoff_ms (n, 0.999999);
      gint64 ceiling = MIN ((gint64) BZ_JOBS_BACKOFF_BASE_MS << MIN (n - 1, 30), BZ_JOBS_BACKOFF_CAP_MS);
      g_assert_cmpint (lo, ==, ceiling / 2);
      g_assert_cmpint (hi, <=, ceiling);
      g_assert_cmpint (hi, >=, ceiling - 10);
      /* Never shorter than any delay before it. */
      g_assert_cmpint (lo, >=, prev_max / 2 * 1);
      g_assert_cmpint (lo, >=, n == 1 ? 0 : MIN (prev_max, BZ_JOBS_BACKOFF_CAP_MS / 2));
      prev_max = hi;
    }
  g_assert_cmpint (bz_jobs_backoff_ms (1, 0.5), ==, 7500);
  g_assert_cmpint (bz_jobs_backoff_ms (1000, 0.0), ==, BZ_JOBS_BACKOFF_CAP_MS / 2);
}

static void
test_retries (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 t = 1700000000000, now = t, prev_delay = 0;
  gint64 id = enqueue (f->store, NULL, t, 3);

  for (int attempt = 1; attempt <= 3; attempt++)
    {
      g_autoptr(BzJob) job = bz_jobs_repo_claim (f->store, "A", test_kinds, now, 1000, &error);
      g_autoptr(BzJob) after = NULL;
      g_autofree char *message = g_strdup_printf ("boom %d", attempt);

      g_assert_no_error (error);
      g_assert_nonnull (job);
      g_assert_cmpint (job->attempts, ==, attempt);
      g_assert_true (bz_jobs_repo_fail (f->store, job, message, FALSE, now, g_random_double (), &error));
      g_assert_no_error (error);
      after = get (f->store, id);
      g_assert_cmpstr (after->last_error, ==, message);
      g_assert_cmpint (after->attempts, ==, attempt);
      if (attempt < 3)
        {
          gint64 delay = after->run_at - now;
          g_assert_cmpint (after->state, ==, BZ_JOB_QUEUED);
          g_assert_cmpint (delay, >=, bz_jobs_backoff_ms (attempt, 0.0));
          g_assert_cmpint (delay, <=, bz_jobs_backoff_ms (attempt, 1.0));
          g_assert_cmpint (delay, >=, prev_delay);   /* run_at grows */
          prev_delay = delay;
          /* Not before its time. */
          {
            g_autoptr(BzJob) early = bz_jobs_repo_claim (f->store, "A", test_kinds, after->run_at - 1, 1000, &error);
            g_assert_no_error (error);
            g_assert_null (early);
          }
          now = after->run_at;
        }
      else
        {
          g_assert_cmpint (after->state, ==, BZ_JOB_FAILED);
          g_assert_cmpint (after->finished_at, ==, now);
        }
    }
  {
    /* Failed is final. */
    g_autoptr(BzJob) none = bz_jobs_repo_claim (f->store, "A", test_kinds, now + 24 * 3600 * 1000LL, 1000, &error);
    g_assert_no_error (error);
    g_assert_null (none);
  }
  {
    /* A permanent failure does not wait for max_attempts. */
    gint64 id2 = enqueue (f->store, NULL, t, 5);
    g_autoptr(BzJob) job = bz_jobs_repo_claim (f->store, "A", test_kinds, now, 1000, &error);
    g_autoptr(BzJob) after = NULL;
    g_assert_cmpint (job->id, ==, id2);
    g_assert_true (bz_jobs_repo_fail (f->store, job, "bad payload", TRUE, now, 0.5, &error));
    after = get (f->store, id2);
    g_assert_cmpint (after->state, ==, BZ_JOB_FAILED);
    g_assert_cmpint (after->attempts, ==, 1);
  }
}

static void
test_lease_expiry (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 t = 1700000000000;
  gint64 id = enqueue (f->store, NULL, t, 2);
  g_autoptr(BzJob) a = bz_jobs_repo_claim (f->store, "A", test_kinds, t, 1000, &error);
  g_autoptr(BzJob) early = NULL, b = NULL, after = NULL, c = NULL;

  g_assert_nonnull (a);
  /* A renews at t + 500: the lease now ends at t + 1500. */
  g_assert_true (bz_jobs_repo_renew_lease (f->store, a, t + 500, 1000, &error));
  g_assert_cmpint (a->lease_expires_at, ==, t + 1500);
  early = bz_jobs_repo_claim (f->store, "B", test_kinds, t + 1499, 1000, &error);
  g_assert_no_error (error);
  g_assert_null (early);

  /* Expired: B gets it, as attempt 2; A can neither finish, fail, renew nor release it. */
  b = bz_jobs_repo_claim (f->store, "B", test_kinds, t + 1500, 1000, &error);
  g_assert_no_error (error);
  g_assert_nonnull (b);
  g_assert_cmpint (b->id, ==, id);
  g_assert_cmpint (b->attempts, ==, 2);
  g_assert_cmpstr (b->lease_owner, ==, "B");
  g_assert_false (bz_jobs_repo_complete (f->store, a, t + 1600, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (bz_jobs_repo_fail (f->store, a, "late", FALSE, t + 1600, 0.5, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (bz_jobs_repo_renew_lease (f->store, a, t + 1600, 1000, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (bz_jobs_repo_release (f->store, a, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_CONFLICT);
  g_clear_error (&error);

  /* B dies too, on the last attempt: the expired lease fails the job. */
  {
    guint n = 0;
    g_assert_true (bz_jobs_repo_requeue_expired (f->store, t + 2499, &n, &error));
    g_assert_cmpuint (n, ==, 0);
    g_assert_true (bz_jobs_repo_requeue_expired (f->store, t + 2500, &n, &error));
    g_assert_cmpuint (n, ==, 1);
  }
  after = get (f->store, id);
  g_assert_cmpint (after->state, ==, BZ_JOB_FAILED);
  g_assert_nonnull (strstr (after->last_error, "lease expired"));
  c = bz_jobs_repo_claim (f->store, "C", test_kinds, t + 5000, 1000, &error);
  g_assert_no_error (error);
  g_assert_null (c);
}

/* --- The runner ------------------------------------------------------------ */

typedef struct
{
  gint runs[256];          /* executions per job id */
  gint in_flight[256];     /* runners inside the handler per job id */
  gint overlaps;           /* a job found already in flight */
  gint total;
  guint sleep_us;
} Counter;

static gboolean
count_handler (BzStore *store, const BzJob *job, GCancellable *cancellable, gpointer user_data,
               GError **error)
{
  Counter *c = user_data;
  g_assert_cmpint (job->id, <, 256);
  if (g_atomic_int_add (&c->in_flight[job->id], 1) != 0)
    g_atomic_int_inc (&c->overlaps);
  if (c->sleep_us)
    g_usleep (c->sleep_us);
  g_atomic_int_inc (&c->runs[job->id]);
  g_atomic_int_inc (&c->total);
  g_atomic_int_add (&c->in_flight[job->id], -1);
  return TRUE;
}

static BzJobRunner *
counting_runner (BzStore *store, Counter *c, guint lease_ms)
{
  BzJobRunner *r = bz_job_runner_new (store);
  bz_job_runner_set_timing (r, lease_ms, 20);
  bz_job_runner_register (r, "test", BZ_JOB_HANDLER_NONE, count_handler, c, NULL);
  return r;
}

static void
wait_for_total (Counter *c, int total, guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * 1000;
  while (g_atomic_int_get (&c->total) < total && g_get_monotonic_time () < deadline)
    g_usleep (5000);
  g_assert_cmpint (g_atomic_int_get (&c->total), ==, total);
}

static int
count_state (BzStore *store, const char *state)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
                                              "SELECT count(*) FROM jobs WHERE state = ?", NULL);
  sqlite3_bind_text (st, 1, state, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  return sqlite3_column_int (st, 0);
}

static void
test_two_runners (Fixture *f, gconstpointer data)
{
  /* 1 ms in the handler: each runner leaves the write lock to the other
   * between its claims, so both take jobs (with an instant handler one
   * runner's claims starve the other's busy wait). */
  Counter c = { .sleep_us = 1000 };
  g_autoptr(BzJobRunner) r1 = counting_runner (f->store, &c, 5000);
  g_autoptr(BzJobRunner) r2 = counting_runner (f->store, &c, 5000);
  guint done1 = 0, done2 = 0;

  for (int i = 0; i < 100; i++)
    enqueue (f->store, NULL, bz_jobs_now_ms (), 0);
  bz_job_runner_start (r1);
  bz_job_runner_start (r2);
  for (int i = 0; i < 100; i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_true (bz_job_runner_enqueue (i % 2 ? r1 : r2, "test", NULL, NULL, 0, 0, NULL, &error));
      g_assert_no_error (error);
    }
  wait_for_total (&c, 200, 60000);
  bz_job_runner_stop (r1);
  bz_job_runner_stop (r2);
  for (int id = 1; id <= 200; id++)
    g_assert_cmpint (c.runs[id], ==, 1);
  g_assert_cmpint (c.overlaps, ==, 0);
  g_assert_cmpint (count_state (f->store, "done"), ==, 200);
  bz_job_runner_get_counts (r1, &done1, NULL);
  bz_job_runner_get_counts (r2, &done2, NULL);
  g_assert_cmpuint (done1 + done2, ==, 200);
  g_assert_cmpuint (done1, >, 0);
  g_assert_cmpuint (done2, >, 0);
  g_test_message ("runner 1 ran %u jobs, runner 2 %u", done1, done2);
}

/* A handler slower than the lease keeps its job: the heartbeat renews the
 * lease, and a second runner polling all along never runs it. */
static void
test_slow_handler_keeps_lease (Fixture *f, gconstpointer data)
{
  Counter c = { .sleep_us = 1200 * 1000 };
  g_autoptr(BzJobRunner) r1 = counting_runner (f->store, &c, 300);
  g_autoptr(BzJobRunner) r2 = counting_runner (f->store, &c, 300);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  bz_job_runner_start (r1);
  g_assert_true (bz_job_runner_enqueue (r1, "test", NULL, NULL, 0, 0, &id, &error));
  while (g_atomic_int_get (&c.in_flight[id]) == 0)
    g_usleep (2000);
  bz_job_runner_start (r2);
  wait_for_total (&c, 1, 10000);
  g_usleep (400 * 1000);
  bz_job_runner_stop (r1);
  bz_job_runner_stop (r2);
  g_assert_cmpint (c.runs[id], ==, 1);
  g_assert_cmpint (c.overlaps, ==, 0);
  {
    g_autoptr(BzJob) job = get (f->store, id);
    g_assert_cmpint (job->state, ==, BZ_JOB_DONE);
    g_assert_cmpint (job->attempts, ==, 1);
  }
}

/* The process dies while a job is leased (here: claimed and never finished,
 * the store closed); after a restart the job runs exactly once more, and not
 * before its lease ends. */
static void
test_restart_mid_job (void)
{
  g_autofree char *dir = bz_test_tmpdir ("jobs-restart");
  g_autoptr(GError) error = NULL;
  Counter c = { 0 };
  gint64 id = 0, claimed_at;
  const gint64 lease = 1500;

  {
    g_autoptr(BzStore) store = bz_store_open (dir, &error);
    g_autoptr(BzJob) job = NULL;
    g_assert_no_error (error);
    id = enqueue (store, "draft:1", bz_jobs_now_ms (), 0);
    claimed_at = bz_jobs_now_ms ();
    job = bz_jobs_repo_claim (store, "crashed-runner", test_kinds, claimed_at, lease, &error);
    g_assert_nonnull (job);
    /* ... the handler starts, and the process dies. */
  }
  {
    g_autoptr(BzStore) store = bz_store_open (dir, &error);
    g_autoptr(BzJobRunner) runner = counting_runner (store, &c, 5000);
    g_autoptr(BzJob) job = NULL;
    gboolean created = TRUE;

    g_assert_no_error (error);
    /* Enqueuing it again (the service that made it runs again) adds nothing. */
    g_assert_true (bz_jobs_repo_enqueue (store, "test", NULL, "draft:1", bz_jobs_now_ms (), 0,
                                         bz_jobs_now_ms (), NULL, &created, &error));
    g_assert_false (created);
    bz_job_runner_start (runner);
    g_usleep (300 * 1000);
    if (bz_jobs_now_ms () < claimed_at + lease)
      g_assert_cmpint (g_atomic_int_get (&c.total), ==, 0);   /* still leased to the dead runner */
    wait_for_total (&c, 1, 10000);
    g_assert_cmpint (bz_jobs_now_ms (), >=, claimed_at + lease);
    g_usleep (300 * 1000);
    bz_job_runner_stop (runner);
    g_assert_cmpint (c.runs[id], ==, 1);
    g_assert_cmpint (c.total, ==, 1);
    job = get (store, id);
    g_assert_cmpint (job->state, ==, BZ_JOB_DONE);
    g_assert_cmpint (job->attempts, ==, 2);
  }
  bz_test_rmdir (dir);
}

static void
test_future_job (Fixture *f, gconstpointer data)
{
  Counter c = { 0 };
  g_autoptr(BzJobRunner) runner = counting_runner (f->store, &c, 5000);
  g_autoptr(GError) error = NULL;
  gint64 id = 0, start = g_get_monotonic_time (), ran_after_ms;

  bz_job_runner_start (runner);
  g_assert_true (bz_job_runner_enqueue (runner, "test", NULL, NULL, 600, 0, &id, &error));
  g_assert_no_error (error);
  g_usleep (300 * 1000);
  g_assert_cmpint (g_atomic_int_get (&c.total), ==, 0);
  wait_for_total (&c, 1, 10000);
  ran_after_ms = (g_get_monotonic_time () - start) / 1000;
  g_assert_cmpint (ran_after_ms, >=, 590);
  bz_job_runner_stop (runner);
  {
    g_autoptr(BzJob) job = get (f->store, id);
    g_assert_cmpint (job->state, ==, BZ_JOB_DONE);
    g_assert_cmpint (job->finished_at, >=, job->run_at);
  }
}

typedef struct
{
  GMutex lock;
  GCond cond;
  gboolean entered;
} Gate;

static gboolean
wait_for_stop_handler (BzStore *store, const BzJob *job, GCancellable *cancellable, gpointer user_data,
                       GError **error)
{
  Gate *g = user_data;
  g_mutex_lock (&g->lock);
  g->entered = TRUE;
  g_cond_broadcast (&g->cond);
  g_mutex_unlock (&g->lock);
  while (!g_cancellable_is_cancelled (cancellable))
    g_usleep (2000);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* Stop cancels the handler and waits for it: its job goes back unrun, with
 * no lease left to expire and the attempt not counted. */
static void
test_stop_gives_job_back (Fixture *f, gconstpointer data)
{
  Gate g = { 0 };
  BzJobRunner *runner = bz_job_runner_new (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzJob) job = NULL;
  gint64 id = 0;

  g_mutex_init (&g.lock);
  g_cond_init (&g.cond);
  bz_job_runner_set_timing (runner, 5000, 20);
  bz_job_runner_register (runner, "test", BZ_JOB_HANDLER_NONE, wait_for_stop_handler, &g, NULL);
  bz_job_runner_start (runner);
  g_assert_true (bz_job_runner_enqueue (runner, "test", NULL, NULL, 0, 0, &id, &error));
  g_mutex_lock (&g.lock);
  while (!g.entered)
    g_cond_wait (&g.cond, &g.lock);
  g_mutex_unlock (&g.lock);
  bz_job_runner_free (runner);
  job = get (f->store, id);
  g_assert_cmpint (job->state, ==, BZ_JOB_QUEUED);
  g_assert_cmpint (job->attempts, ==, 0);
  g_assert_null (job->lease_owner);
  g_mutex_clear (&g.lock);
  g_cond_clear (&g.cond);
}

static gboolean
tx_handler (BzStore *store, const BzJob *job, GCancellable *cancellable, gpointer user_data,
            GError **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO effects (job_id) VALUES (%" G_GINT64_FORMAT ")", job->id);
  if (!bz_db_exec (bz_store_db (store), sql, error))
    return FALSE;
  if (strstr (job->payload, "reject"))
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_VALIDATION, "rejected payload");
      return FALSE;
    }
  return TRUE;
}

static int
count_effects (BzStore *store, gint64 id)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
                                              "SELECT count(*) FROM effects WHERE job_id = ?", NULL);
  sqlite3_bind_int64 (st, 1, id);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  return sqlite3_column_int (st, 0);
}

/* A transactional handler's writes commit with the job's "done", and a
 * failing one's are rolled back with it. */
static void
test_transactional_handler (Fixture *f, gconstpointer data)
{
  g_autoptr(BzJobRunner) runner = bz_job_runner_new (f->store);
  g_autoptr(GError) error = NULL;
  gint64 ok_id = 0, bad_id = 0;
  guint done = 0, failed = 0;
  gint64 deadline;

  g_assert_true (bz_db_exec (bz_store_db (f->store), "CREATE TABLE effects (job_id INTEGER)", &error));
  bz_job_runner_set_timing (runner, 5000, 20);
  bz_job_runner_register (runner, "test", BZ_JOB_HANDLER_TRANSACTIONAL, tx_handler, NULL, NULL);
  bz_job_runner_start (runner);
  g_assert_true (bz_job_runner_enqueue (runner, "test", "{\"do\":\"it\"}", NULL, 0, 0, &ok_id, &error));
  g_assert_true (bz_job_runner_enqueue (runner, "test", "{\"do\":\"reject\"}", NULL, 0, 0, &bad_id, &error));
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while (done + failed < 2 && g_get_monotonic_time () < deadline)
    {
      g_usleep (5000);
      bz_job_runner_get_counts (runner, &done, &failed);
    }
  bz_job_runner_stop (runner);
  g_assert_cmpuint (done, ==, 1);
  g_assert_cmpuint (failed, ==, 1);
  g_assert_cmpint (count_effects (f->store, ok_id), ==, 1);
  g_assert_cmpint (count_effects (f->store, bad_id), ==, 0);
  {
    g_autoptr(BzJob) ok = get (f->store, ok_id);
    g_autoptr(BzJob) bad = get (f->store, bad_id);
    g_assert_cmpint (ok->state, ==, BZ_JOB_DONE);
    g_assert_cmpint (bad->state, ==, BZ_JOB_FAILED);   /* VALIDATION: permanent */
    g_assert_cmpstr (bad->last_error, ==, "rejected payload");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/jobs/claim-complete", test_claim_complete);
  ADD ("/jobs/idempotency-key", test_idempotency_key);
  g_test_add_func ("/jobs/backoff-formula", test_backoff_formula);
  ADD ("/jobs/retries", test_retries);
  ADD ("/jobs/lease-expiry", test_lease_expiry);
  ADD ("/jobs/runner/two-runners", test_two_runners);
  ADD ("/jobs/runner/slow-handler-keeps-lease", test_slow_handler_keeps_lease);
  g_test_add_func ("/jobs/runner/restart-mid-job", test_restart_mid_job);
  ADD ("/jobs/runner/future-job", test_future_job);
  ADD ("/jobs/runner/stop-gives-job-back", test_stop_gives_job_back);
  ADD ("/jobs/runner/transactional", test_transactional_handler);
#undef ADD
  return g_test_run ();
}
