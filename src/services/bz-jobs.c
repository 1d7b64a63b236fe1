/* bz-jobs.c — BzJobRunner: the durable jobs' worker (see bz-jobs.h). */
#include "bz-jobs.h"

#include "bz-error.h"

typedef struct
{
  BzJobHandlerFlags flags;
  BzJobHandler func;
  gpointer user_data;
  GDestroyNotify destroy;
} Handler;

struct _BzJobRunner
{
  BzStore *store;
  char *owner;
  GHashTable *handlers;     /* kind (owned) -> Handler* */
  GPtrArray *kinds;         /* NULL-terminated, borrowed from handlers' keys */
  guint lease_ms;
  guint poll_ms;
  GThread *worker;
  GThread *heartbeat;
  GCancellable *cancellable;

  GMutex lock;              /* guards what follows */
  GCond cond;
  gboolean started;
  gboolean stopping;
  gboolean woken;
  gint64 current_id;        /* the running job's claim (0: none), for the heartbeat */
  int current_attempts;
  char *current_kind;
  guint done;
  guint failed;
};

static void
handler_free (gpointer data)
{
  Handler *h = data;
  if (h->destroy)
    h->destroy (h->user_data);
  g_free (h);
}

BzJobRunner *
bz_job_runner_new (BzStore *store)
{
  BzJobRunner *self = g_new0 (BzJobRunner, 1);

  g_return_val_if_fail (BZ_IS_STORE (store), NULL);
  self->store = g_object_ref (store);
  self->owner = g_uuid_string_random ();
  self->handlers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, handler_free);
  self->kinds = g_ptr_array_new ();
  g_ptr_array_add (self->kinds, NULL);
  self->lease_ms = BZ_JOBS_LEASE_MS;
  self->poll_ms = BZ_JOBS_POLL_MS;
  self->cancellable = g_cancellable_new ();
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  return self;
}

void
bz_job_runner_set_timing (BzJobRunner *self, guint lease_ms, guint poll_ms)
{
  g_return_if_fail (self != NULL && !self->started && lease_ms > 0 && poll_ms > 0);
  self->lease_ms = lease_ms;
  self->poll_ms = poll_ms;
}

void
bz_job_runner_register (BzJobRunner *self, const char *kind, BzJobHandlerFlags flags,
                        BzJobHandler handler, gpointer user_data, GDestroyNotify destroy)
{
  Handler *h;
  char *key;

  g_return_if_fail (self != NULL && !self->started);
  g_return_if_fail (kind != NULL && handler != NULL);
  g_return_if_fail (!g_hash_table_contains (self->handlers, kind));

  h = g_new0 (Handler, 1);
  h->flags = flags;
  h->func = handler;
  h->user_data = user_data;
  h->destroy = destroy;
  key = g_strdup (kind);
  g_hash_table_insert (self->handlers, key, h);
  g_ptr_array_insert (self->kinds, self->kinds->len - 1, key);
}

const char *
bz_job_runner_get_owner (BzJobRunner *self)
{
  return self->owner;
}

static const char *const *
kinds (BzJobRunner *self)
{
  return (const char *const *) self->kinds->pdata;
}

/* Records the outcome of @job's handler; on the worker's thread. */
static void
record (BzJobRunner *self, Handler *h, const BzJob *job, gboolean ok, GError *handler_error)
{
  g_autoptr(GError) error = NULL;
  gboolean in_tx = h && (h->flags & BZ_JOB_HANDLER_TRANSACTIONAL);
  gboolean recorded;

  if (ok)
    {
      recorded = bz_jobs_repo_complete (self->store, job, bz_jobs_now_ms (), &error) &&
                 (!in_tx || bz_store_commit (self->store, &error));
      if (!recorded && in_tx)
        bz_store_rollback (self->store);   /* the handler's writes go with the "done" */
      if (recorded)
        g_debug ("Job %" G_GINT64_FORMAT " (%s) done, attempt %d", job->id, job->kind, job->attempts);
      else
        g_warning ("Job %" G_GINT64_FORMAT " (%s) ran but was not recorded done: %s",
                   job->id, job->kind, error->message);
      g_mutex_lock (&self->lock);
      self->done += recorded;
      g_mutex_unlock (&self->lock);
      return;
    }

  if (in_tx)
    bz_store_rollback (self->store);
  if (g_error_matches (handler_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    recorded = bz_jobs_repo_release (self->store, job, &error);
  else
    {
      const char *message = handler_error ? handler_error->message : "the handler failed without an error";
      gboolean permanent = g_error_matches (handler_error, BZ_ERROR, BZ_ERROR_VALIDATION);

      g_message ("Job %" G_GINT64_FORMAT " (%s) failed, attempt %d of %d: %s", job->id, job->kind,
                 job->attempts, job->max_attempts, message);
      recorded = bz_jobs_repo_fail (self->store, job, message, permanent, bz_jobs_now_ms (),
                                    g_random_double (), &error);
      g_mutex_lock (&self->lock);
      self->failed++;
      g_mutex_unlock (&self->lock);
    }
  if (!recorded)
    g_warning ("Job %" G_GINT64_FORMAT " (%s): outcome not recorded: %s", job->id, job->kind,
               error->message);
}

static void
run_job (BzJobRunner *self, BzJob *job)
{
  Handler *h = g_hash_table_lookup (self->handlers, job->kind);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_mutex_lock (&self->lock);
  self->current_id = job->id;
  self->current_attempts = job->attempts;
  self->current_kind = job->kind;
  g_mutex_unlock (&self->lock);

  if (h == NULL)   /* not claimed by kind: cannot happen, but never loop on it */
    {
      g_set_error (&error, BZ_ERROR, BZ_ERROR_VALIDATION, "No handler for job kind '%s'", job->kind);
      ok = FALSE;
    }
  else if ((h->flags & BZ_JOB_HANDLER_TRANSACTIONAL) && !bz_store_begin (self->store, &error))
    {
      h = NULL;    /* no transaction to close */
      ok = FALSE;
    }
  else
    {
      ok = h->func (self->store, job, self->cancellable, h->user_data, &error);
      if (!ok && error == NULL)
        g_critical ("Job handler for '%s' failed without setting an error", job->kind);
    }
  record (self, h, job, ok, error);

  g_mutex_lock (&self->lock);
  self->current_id = 0;
  self->current_kind = NULL;
  g_mutex_unlock (&self->lock);
}

static gpointer
worker (gpointer data)
{
  BzJobRunner *self = data;

  g_mutex_lock (&self->lock);
  while (!self->stopping)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BzJob) job = NULL;
      gint64 now, next_at = G_MAXINT64, wait_ms;

      self->woken = FALSE;
      g_mutex_unlock (&self->lock);

      now = bz_jobs_now_ms ();
      if (self->kinds->len > 1)   /* no kind, no claim: the write lock stays free */
        job = bz_jobs_repo_claim (self->store, self->owner, kinds (self), now, self->lease_ms, &error);
      if (job && g_cancellable_is_cancelled (self->cancellable))
        {
          /* Claimed as the runner began to stop: give it back unrun. */
          if (!bz_jobs_repo_release (self->store, job, &error))
            g_warning ("Jobs: cannot give job %" G_GINT64_FORMAT " back: %s", job->id, error->message);
          g_mutex_lock (&self->lock);
          continue;
        }
      if (job)
        {
          run_job (self, job);
          g_mutex_lock (&self->lock);
          continue;
        }
      if (error)
        g_warning ("Jobs: cannot claim: %s", error->message);
      else if (self->kinds->len > 1 && !bz_jobs_repo_next_run_at (self->store, kinds (self), &next_at, &error))
        g_warning ("Jobs: cannot look for the next job: %s", error->message);

      /* Sleep until the next job is due (or a lease ends), at most poll_ms. */
      wait_ms = next_at == G_MAXINT64 ? self->poll_ms : CLAMP (next_at - now, 1, (gint64) self->poll_ms);
      g_mutex_lock (&self->lock);
      {
        gint64 deadline = g_get_monotonic_time () + wait_ms * G_TIME_SPAN_MILLISECOND;
        while (!self->stopping && !self->woken)
          if (!g_cond_wait_until (&self->cond, &self->lock, deadline))
            break;
      }
    }
  g_mutex_unlock (&self->lock);
  return NULL;
}

/* Renews the running job's lease every third of the lease, so that a slow
 * handler keeps it.  On its own thread and connection: the worker is busy in
 * the handler. */
static gpointer
heartbeat (gpointer data)
{
  BzJobRunner *self = data;
  gint64 period = (gint64) self->lease_ms * G_TIME_SPAN_MILLISECOND / 3;
  gint64 deadline = g_get_monotonic_time () + period;

  g_mutex_lock (&self->lock);
  while (!self->stopping)
    {
      if (g_cond_wait_until (&self->cond, &self->lock, deadline))
        continue;   /* woken for the worker, or stopping */
      deadline = g_get_monotonic_time () + period;
      if (self->current_id != 0)
        {
          BzJob claim = { 0 };
          g_autoptr(GError) error = NULL;

          claim.id = self->current_id;
          claim.attempts = self->current_attempts;
          claim.kind = g_strdup (self->current_kind);
          claim.lease_owner = self->owner;
          g_mutex_unlock (&self->lock);
          if (!bz_jobs_repo_renew_lease (self->store, &claim, bz_jobs_now_ms (), self->lease_ms, &error))
            {
              /* CONFLICT: the job finished meanwhile (or the lease was lost,
               * and the fenced outcome will be rejected). */
              if (!g_error_matches (error, BZ_ERROR, BZ_ERROR_CONFLICT))
                g_warning ("Jobs: cannot renew the lease of job %" G_GINT64_FORMAT ": %s",
                           claim.id, error->message);
            }
          g_free (claim.kind);
          g_mutex_lock (&self->lock);
        }
    }
  g_mutex_unlock (&self->lock);
  return NULL;
}

void
bz_job_runner_start (BzJobRunner *self)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  if (self->started)
    {
      g_mutex_unlock (&self->lock);
      return;
    }
  self->started = TRUE;
  g_mutex_unlock (&self->lock);
  self->worker = g_thread_new ("bz-jobs", worker, self);
  self->heartbeat = g_thread_new ("bz-jobs-lease", heartbeat, self);
}

void
bz_job_runner_wake (BzJobRunner *self)
{
  g_mutex_lock (&self->lock);
  self->woken = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

gboolean
bz_job_runner_enqueue (BzJobRunner *self, const char *kind, const char *payload,
                       const char *idempotency_key, gint64 delay_ms, int max_attempts,
                       gint64 *out_id, GError **error)
{
  gint64 now = bz_jobs_now_ms ();

  if (!bz_jobs_repo_enqueue (self->store, kind, payload, idempotency_key, now + MAX (delay_ms, 0),
                             max_attempts, now, out_id, NULL, error))
    return FALSE;
  bz_job_runner_wake (self);
  return TRUE;
}

void
bz_job_runner_get_counts (BzJobRunner *self, guint *out_done, guint *out_failed)
{
  g_mutex_lock (&self->lock);
  if (out_done)
    *out_done = self->done;
  if (out_failed)
    *out_failed = self->failed;
  g_mutex_unlock (&self->lock);
}

void
bz_job_runner_stop (BzJobRunner *self)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
  g_cancellable_cancel (self->cancellable);
  /* The worker records its running job's outcome before it returns. */
  g_clear_pointer (&self->worker, g_thread_join);
  g_clear_pointer (&self->heartbeat, g_thread_join);
}

void
bz_job_runner_free (BzJobRunner *self)
{
  if (self == NULL)
    return;
  bz_job_runner_stop (self);
  g_ptr_array_unref (self->kinds);
  g_hash_table_unref (self->handlers);
  g_object_unref (self->cancellable);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self->owner);
  g_object_unref (self->store);
  g_free (self);
}
