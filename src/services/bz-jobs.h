/* bz-jobs.h — BzJobRunner: runs the durable jobs of the `jobs` table
 * (bz-jobs-repo.h) on a worker thread.
 *
 * A runner has a registry of handlers by kind, a worker thread with its own
 * SQLite connection that claims due jobs of those kinds one at a time, and a
 * heartbeat thread (its own connection too) that renews the running job's
 * lease every third of the lease, so a slow handler keeps its job and no
 * other runner (thread or process) can claim it meanwhile.  When no job is
 * due the worker sleeps until the next one is (at most the poll interval:
 * jobs enqueued by another process), and bz_job_runner_enqueue() /
 * bz_job_runner_wake() wake it at once.
 *
 * Guarantees (tests/store/test-jobs.c):
 * - a job runs only when due (run_at), and never in two runners at once
 *   while its runner's process lives (lease + heartbeat; only a process
 *   stalled for longer than the lease can lose it, and then the fenced
 *   complete/fail of bz-jobs-repo.h reject its outcome);
 * - a failed job is retried with exponential backoff and jitter
 *   (bz_jobs_backoff_ms()) up to its max_attempts, then left failed with its
 *   last error;
 * - a job whose runner died (crash, kill, power cut) is run again once its
 *   lease expires, by the next runner that polls (after a restart: the
 *   runtime's).  Nothing is lost; delivery is AT LEAST ONCE, so a handler
 *   must be idempotent: running it twice must do what running it once does.
 *   A handler registered %BZ_JOB_HANDLER_TRANSACTIONAL runs inside the
 *   transaction that marks its job done, so its database writes happen
 *   exactly once (a crash before COMMIT rolls them back with the "done").
 *
 * Stopping (bz_job_runner_stop()) cancels the handlers' #GCancellable and
 * WAITS for the running job: a handler that finishes is recorded as usual;
 * one that returns G_IO_ERROR_CANCELLED gives its job back unrun (queued, the
 * attempt not counted).  No lease is left to expire after a clean stop.
 *
 * Users: bz-runtime.c starts one runner, hands it to the services
 * (bz_services_set_job_runner(); they enqueue with bz_services_enqueue_job())
 * and stops it at shutdown.  Kinds: the meal plans' draft expiry
 * (%BZ_MEAL_PLAN_DRAFT_EXPIRY_JOB, bz-meal-plan-service.h); next the plan
 * refresh, webhooks and notifications (issue 7).  Blob garbage collection
 * keeps its own thread (bz_blob_gc_start()); it is not a job.
 */
#pragma once

#include <gio/gio.h>

#include "bz-jobs-repo.h"
#include "bz-store.h"

G_BEGIN_DECLS

/** BZ_JOBS_LEASE_MS: a claim lasts 60 s, renewed every 20 s while the handler runs. */
#define BZ_JOBS_LEASE_MS   60000
/** BZ_JOBS_POLL_MS: an idle runner looks for due jobs at least every 5 s. */
#define BZ_JOBS_POLL_MS     5000

typedef struct _BzJobRunner BzJobRunner;

/**
 * BzJobHandlerFlags:
 * @BZ_JOB_HANDLER_NONE: the handler runs outside any transaction
 * @BZ_JOB_HANDLER_TRANSACTIONAL: the runner opens a write transaction
 *   (bz_store_begin()) on the worker's connection before the handler and
 *   commits it with the job's completion; a failing handler's writes are
 *   rolled back.  For short handlers whose effects are database writes of
 *   this thread's connection: the write lock is held while it runs.
 */
typedef enum
{
  BZ_JOB_HANDLER_NONE          = 0,
  BZ_JOB_HANDLER_TRANSACTIONAL = 1 << 0,
} BzJobHandlerFlags;

/**
 * BzJobHandler:
 * @store: the store; use it on this (the worker's) thread
 * @job: (transfer none): the claimed job (kind, payload JSON text, attempts
 *   counting this one, max_attempts)
 * @cancellable: cancelled when the runner stops
 * @user_data: the data given to bz_job_runner_register()
 * @error: set on failure.  G_IO_ERROR_CANCELLED gives the job back unrun;
 *   BZ_ERROR_VALIDATION (a payload that will never do) fails it at once;
 *   anything else is retried with backoff until max_attempts.
 *
 * Runs one job, on the runner's worker thread.  Must be idempotent (see
 * above).
 *
 * Returns: %TRUE when the job is done.
 */
typedef gboolean (*BzJobHandler) (BzStore *store, const BzJob *job, GCancellable *cancellable,
                                  gpointer user_data, GError **error);

/**
 * bz_job_runner_new:
 * @store: (transfer none): the store; a reference is held until bz_job_runner_free()
 *
 * Returns: (transfer full): a runner with no handlers, not started.
 */
BzJobRunner *bz_job_runner_new      (BzStore *store);

/**
 * bz_job_runner_set_timing:
 * @lease_ms: how long a claim lasts (%BZ_JOBS_LEASE_MS), > 0
 * @poll_ms: the longest idle sleep (%BZ_JOBS_POLL_MS), > 0
 *
 * For tests, before bz_job_runner_start().
 */
void         bz_job_runner_set_timing (BzJobRunner *self, guint lease_ms, guint poll_ms);

/**
 * bz_job_runner_register:
 * @kind: the jobs' kind ([a-z0-9_.-]{1,64}), registered once
 * @handler: runs a job of @kind
 * @user_data: for @handler
 * @destroy: (nullable): frees @user_data when the runner is freed
 *
 * Adds a handler; call before bz_job_runner_start().  The runner claims only
 * the kinds it has handlers for, so runners with different handlers can
 * share a database.
 */
void         bz_job_runner_register (BzJobRunner *self, const char *kind, BzJobHandlerFlags flags,
                                     BzJobHandler handler, gpointer user_data,
                                     GDestroyNotify destroy);

/**
 * bz_job_runner_get_owner:
 * Returns: (transfer none): the runner's lease owner id (a random UUID).
 */
const char  *bz_job_runner_get_owner (BzJobRunner *self);

/** bz_job_runner_start: starts the worker and heartbeat threads "bz-jobs", "bz-jobs-lease". */
void         bz_job_runner_start    (BzJobRunner *self);

/**
 * bz_job_runner_enqueue:
 * @kind, @payload, @idempotency_key, @max_attempts: as bz_jobs_repo_enqueue()
 * @delay_ms: run no sooner than this many ms from now (0: now)
 * @out_id: (out) (optional): the job's id
 * @error: as bz_jobs_repo_enqueue()
 *
 * Enqueues a job on the calling thread's connection (inside its transaction
 * if one is open: then call bz_job_runner_wake() after the commit) and wakes
 * the worker.  Thread-safe.
 *
 * Returns: %TRUE when queued (or already queued under @idempotency_key).
 */
gboolean     bz_job_runner_enqueue  (BzJobRunner *self, const char *kind, const char *payload,
                                     const char *idempotency_key, gint64 delay_ms, int max_attempts,
                                     gint64 *out_id, GError **error);

/** bz_job_runner_wake: makes the worker look for due jobs now.  Thread-safe. */
void         bz_job_runner_wake     (BzJobRunner *self);

/**
 * bz_job_runner_get_counts:
 * @out_done: (out) (optional): jobs this runner completed
 * @out_failed: (out) (optional): handler failures (retried or not)
 *
 * Thread-safe.
 */
void         bz_job_runner_get_counts (BzJobRunner *self, guint *out_done, guint *out_failed);

/**
 * bz_job_runner_stop:
 * @self: the runner
 *
 * Cancels the handlers' cancellable, waits for the running job to be
 * recorded (done, failed or given back) and joins the threads.  Idempotent.
 */
void         bz_job_runner_stop     (BzJobRunner *self);

/** bz_job_runner_free: stops @self if needed, frees it and drops its store reference. */
void         bz_job_runner_free     (BzJobRunner *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzJobRunner, bz_job_runner_free)

G_END_DECLS
