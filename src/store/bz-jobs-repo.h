/* bz-jobs-repo.h — the durable job queue: the `jobs` table (data/sql/008_jobs.sql).
 *
 * A job is a row: a kind ("draft_expiry", ...), a JSON payload, the time it
 * may run from, and its state:
 *
 *   queued --claim--> running --complete--> done
 *                        |  \--fail (attempts < max_attempts)--> queued, run_at = now + backoff
 *                        |   \-fail (attempts = max_attempts, or permanent)--> failed
 *                        \--lease expires (its worker died)--> queued, run_at = now
 *                                                   (failed when it was the last attempt)
 *
 * Leases: bz_jobs_repo_claim() picks the next due job and leases it to one
 * owner until lease_expires_at, in one IMMEDIATE transaction, so two workers
 * (threads or processes) never both claim it.  While the lease holds, no
 * one else can claim the job; its worker renews the lease while the handler
 * runs (bz_jobs_repo_renew_lease()).  Once a lease has expired, the next
 * claim requeues the job (bz_jobs_repo_requeue_expired()).  complete, fail,
 * renew and release are fenced: they change the row only while the same
 * claim (owner and attempt number) still holds it, and report
 * BZ_ERROR_CONFLICT otherwise, so a worker that lost its lease cannot
 * overwrite the outcome of the next one.
 *
 * Delivery is at least once, not exactly once: a worker that dies (or
 * stalls longer than its lease) after a handler's effects and before
 * bz_jobs_repo_complete() leaves the job to run again.  Handlers must be
 * idempotent (check-then-act on the rows they change, idempotency keys on
 * what they send out).  A handler whose effects are only writes to this
 * database can be made exactly-once by running it and bz_jobs_repo_complete()
 * in one transaction (BZ_JOB_HANDLER_TRANSACTIONAL in bz-jobs.h).
 *
 * Times are milliseconds since the Unix epoch (UTC), passed in by the caller
 * (@now_ms) so that tests control the clock.  Every function runs on the
 * calling thread's connection (bz_store_db()).  Jobs are internal: their
 * writes are not appended to the change log.
 */
#pragma once

#include "bz-store.h"

G_BEGIN_DECLS

/** BZ_JOBS_DEFAULT_MAX_ATTEMPTS: attempts of a job enqueued with max_attempts 0. */
#define BZ_JOBS_DEFAULT_MAX_ATTEMPTS 5
/** BZ_JOBS_BACKOFF_BASE_MS: the retry delay's scale: about 10 s after the first failure. */
#define BZ_JOBS_BACKOFF_BASE_MS      10000
/** BZ_JOBS_BACKOFF_CAP_MS: no retry waits longer than 1 h. */
#define BZ_JOBS_BACKOFF_CAP_MS       (60 * 60 * 1000)

typedef enum
{
  BZ_JOB_QUEUED,
  BZ_JOB_RUNNING,
  BZ_JOB_DONE,
  BZ_JOB_FAILED,
} BzJobState;

/**
 * BzJob:
 * @id: jobs.id
 * @kind: the handler's kind, e.g. "draft_expiry"
 * @payload: the JSON text given to enqueue ("{}" when none)
 * @idempotency_key: (nullable): unique per kind
 * @state: where it is
 * @run_at: ms; not before
 * @attempts: claims so far (this one included, for a claimed job)
 * @max_attempts: claims allowed
 * @lease_owner: (nullable): the claimer, while running
 * @lease_expires_at: ms, while running; 0 otherwise
 * @last_error: (nullable): the message of the last failure
 * @created_at: ms
 * @finished_at: ms when done or failed; 0 otherwise
 *
 * One row of `jobs`; strings owned, freed with bz_job_free().
 */
typedef struct
{
  gint64 id;
  char *kind;
  char *payload;
  char *idempotency_key;
  BzJobState state;
  gint64 run_at;
  int attempts;
  int max_attempts;
  char *lease_owner;
  gint64 lease_expires_at;
  char *last_error;
  gint64 created_at;
  gint64 finished_at;
} BzJob;

/** bz_job_free: frees @job and its strings; %NULL is fine. */
void    bz_job_free (BzJob *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzJob, bz_job_free)

/** bz_job_state_name: Returns: (transfer none): "queued", "running", "done" or "failed". */
const char *bz_job_state_name (BzJobState state);

/**
 * bz_jobs_now_ms:
 * Returns: the wall clock in ms since the Unix epoch (g_get_real_time()),
 *   or the time set by bz_jobs_set_test_now_ms().
 */
gint64  bz_jobs_now_ms (void);

/**
 * bz_jobs_set_test_now_ms:
 * @now_ms: what bz_jobs_now_ms() answers from now on, in every thread; 0
 *   goes back to the wall clock
 *
 * For tests only: a fake clock for the runner (its claims, leases and
 * outcomes) and the handlers that ask bz_jobs_now_ms() what time it is, so
 * that a job due in 7 days can run now.  Call bz_job_runner_wake() after
 * moving it forward.
 */
void    bz_jobs_set_test_now_ms (gint64 now_ms);

/**
 * bz_jobs_backoff_ms:
 * @attempts: the attempts made so far, >= 1
 * @random01: a number in [0, 1) (g_random_double() outside tests)
 *
 * The delay before the next attempt after @attempts failed ones: exponential
 * backoff with "equal jitter" (Marc Brooker, "Exponential Backoff And Jitter",
 * AWS Architecture Blog, 2015):
 *
 *   ceiling = min (CAP, BASE * 2^(attempts - 1))
 *   delay   = ceiling / 2 + random01 * ceiling / 2
 *
 * with BASE %BZ_JOBS_BACKOFF_BASE_MS (10 s) and CAP %BZ_JOBS_BACKOFF_CAP_MS
 * (1 h): 5-10 s, 10-20 s, 20-40 s, ... 30-60 min.  The jitter spreads the
 * retries of jobs that failed together (an upstream that was down) so they do
 * not come back in lockstep; unlike "full jitter" (0 to ceiling) half of the
 * delay is kept, so a retry never comes back at once, and the delays never
 * shrink from one attempt to the next (each lies in [ceiling/2, ceiling] and
 * the next ceiling/2 is this ceiling).
 *
 * Returns: the delay in ms.
 */
gint64  bz_jobs_backoff_ms (int attempts, double random01);

/**
 * bz_jobs_repo_enqueue:
 * @store: the store
 * @kind: the handler's kind ([a-z0-9_.-], 1-64 bytes)
 * @payload: (nullable): a JSON text for the handler; %NULL means "{}"
 * @idempotency_key: (nullable): at most one job of @kind ever has this key
 *   (e.g. "plan:<id>"): enqueuing it again, whatever the first job's state,
 *   adds nothing and returns the first job's id
 * @run_at: ms; the job is not claimed before
 * @max_attempts: claims allowed; 0 for %BZ_JOBS_DEFAULT_MAX_ATTEMPTS
 * @now_ms: the current time (created_at)
 * @out_id: (out) (optional): the job's id (the existing one for a known key)
 * @out_created: (out) (optional): %FALSE when the key was already taken
 * @error: BZ_ERROR_VALIDATION for a bad kind or payload that is not JSON;
 *   as bz_db_set_error() otherwise
 *
 * Adds a queued job, inside the caller's transaction if one is open (so a
 * service can enqueue with the rows the job is about, all or nothing).
 *
 * Returns: %TRUE when the job is (or already was) queued.
 */
gboolean bz_jobs_repo_enqueue (BzStore *store, const char *kind, const char *payload,
                               const char *idempotency_key, gint64 run_at, int max_attempts,
                               gint64 now_ms, gint64 *out_id, gboolean *out_created,
                               GError **error);

/**
 * bz_jobs_repo_claim:
 * @store: the store; no transaction open on this thread
 * @owner: the claimer (a runner's unique id)
 * @kinds: (array zero-terminated=1): the kinds the claimer can run
 * @now_ms: the current time
 * @lease_ms: how long the lease lasts, > 0
 * @error: BZ_ERROR_UNAVAILABLE when the database stays locked; as
 *   bz_db_set_error() otherwise
 *
 * In one BEGIN IMMEDIATE transaction: requeues the jobs whose lease expired
 * (bz_jobs_repo_requeue_expired()), then takes the due queued job of @kinds
 * with the earliest run_at (then lowest id), counts an attempt and leases it
 * to @owner until @now_ms + @lease_ms
 * (UPDATE ... WHERE id = (SELECT ... LIMIT 1) RETURNING ...).
 *
 * Returns: (transfer full) (nullable): the claimed job (state running), or
 *   %NULL: with @error on failure, without when no job is due.
 */
BzJob   *bz_jobs_repo_claim   (BzStore *store, const char *owner, const char *const *kinds,
                               gint64 now_ms, gint64 lease_ms, GError **error);

/**
 * bz_jobs_repo_complete:
 * @store: the store
 * @job: the job as claimed
 * @now_ms: the current time (finished_at)
 * @error: BZ_ERROR_CONFLICT when @job's claim no longer holds it (its lease
 *   expired and it was requeued or claimed again); as bz_db_set_error() otherwise
 *
 * Marks the job done.  Runs inside the caller's transaction if one is open.
 *
 * Returns: %TRUE when done.
 */
gboolean bz_jobs_repo_complete (BzStore *store, const BzJob *job, gint64 now_ms, GError **error);

/**
 * bz_jobs_repo_fail:
 * @store: the store
 * @job: the job as claimed
 * @message: what went wrong (kept in last_error)
 * @permanent: %TRUE when retrying cannot help (a payload the handler rejects)
 * @now_ms: the current time
 * @random01: the jitter, in [0, 1) (see bz_jobs_backoff_ms())
 * @error: BZ_ERROR_CONFLICT when @job's claim no longer holds it; as
 *   bz_db_set_error() otherwise
 *
 * Requeues the job at @now_ms + bz_jobs_backoff_ms (@job->attempts,
 * @random01), or marks it failed when @permanent or when it used its last
 * attempt.
 *
 * Returns: %TRUE when recorded.
 */
gboolean bz_jobs_repo_fail    (BzStore *store, const BzJob *job, const char *message,
                               gboolean permanent, gint64 now_ms, double random01,
                               GError **error);

/**
 * bz_jobs_repo_release:
 * @store: the store
 * @job: the job as claimed
 * @error: BZ_ERROR_CONFLICT when @job's claim no longer holds it
 *
 * Gives the job back unrun (its runner is stopping): queued again at its
 * run_at, and this attempt is not counted.
 *
 * Returns: %TRUE when released.
 */
gboolean bz_jobs_repo_release (BzStore *store, const BzJob *job, GError **error);

/**
 * bz_jobs_repo_renew_lease:
 * @store: the store
 * @job: the job as claimed; its lease_expires_at is updated
 * @now_ms: the current time
 * @lease_ms: the new lease runs until @now_ms + @lease_ms
 * @error: BZ_ERROR_CONFLICT when @job's claim no longer holds it (the lease
 *   expired and the job was requeued: stop working on it)
 *
 * Returns: %TRUE when the lease was extended.
 */
gboolean bz_jobs_repo_renew_lease (BzStore *store, BzJob *job, gint64 now_ms, gint64 lease_ms,
                                   GError **error);

/**
 * bz_jobs_repo_requeue_expired:
 * @store: the store
 * @now_ms: the current time
 * @out_count: (out) (optional): how many jobs were requeued or failed
 * @error: as bz_db_set_error()
 *
 * Running jobs whose lease ended before @now_ms go back to queued (run_at
 * @now_ms) with last_error "lease expired", or to failed when they used
 * their last attempt.  bz_jobs_repo_claim() does this first.
 *
 * Returns: %TRUE on success.
 */
gboolean bz_jobs_repo_requeue_expired (BzStore *store, gint64 now_ms, guint *out_count,
                                       GError **error);

/**
 * bz_jobs_repo_count_pending:
 * @store: the store
 * @out_queued: (out): jobs waiting (state queued, due or not)
 * @out_running: (out): jobs claimed and not finished (state running)
 * @error: as bz_db_set_error()
 *
 * The queue's depth, for GET /metrics: two counts over the partial indexes
 * jobs_due and jobs_leases (008_jobs.sql), so no table scan.
 *
 * Returns: %TRUE on success.
 */
gboolean bz_jobs_repo_count_pending (BzStore *store, gint64 *out_queued, gint64 *out_running, GError **error);

/**
 * bz_jobs_repo_get:
 * @store: the store
 * @id: jobs.id
 * @error: BZ_ERROR_NOT_FOUND when there is no such job
 *
 * Returns: (transfer full) (nullable): the job, or %NULL with @error.
 */
BzJob   *bz_jobs_repo_get     (BzStore *store, gint64 id, GError **error);

/**
 * bz_jobs_repo_next_run_at:
 * @store: the store
 * @kinds: (array zero-terminated=1): the kinds of interest
 * @out_at: (out): the earliest run_at of a queued job, or the earliest
 *   lease_expires_at of a running one, of @kinds; G_MAXINT64 when none
 * @error: as bz_db_set_error()
 *
 * When a runner has work next, so that it sleeps until then.
 *
 * Returns: %TRUE on success.
 */
gboolean bz_jobs_repo_next_run_at (BzStore *store, const char *const *kinds, gint64 *out_at,
                                   GError **error);

G_END_DECLS
