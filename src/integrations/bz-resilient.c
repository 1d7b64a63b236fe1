/* bz-resilient.c — BzResilient: deadline, retries, breaker, bucket, quota,
 * cache and fallbacks of an outside service's calls (see bz-resilient.h). */
#include "bz-resilient.h"
#include "bz-resilient-private.h"
#include "bz-vocab.h"

#include <math.h>

typedef struct
{
  gint64 at_us;
  gboolean failed;
} Outcome;

typedef struct
{
  JsonNode *answer;
  gint64 stored_us;
} CacheEntry;

struct _BzResilient
{
  char *kind;
  char *provider;
  BzResilientConfig config;
  BzResilientClock clock;
  BzResilientValidate validate;
  BzResilientUsageFunc usage_func;
  gpointer usage_data;

  GMutex lock;                 /* guards what follows */
  BzBreakerState breaker;
  guint consecutive_failures;
  gint64 opened_at_us;
  gboolean probe_out;          /* half-open: the one probe is running */
  Outcome window[BZ_RESILIENT_WINDOW_SLOTS];
  guint window_next;
  double tokens;
  gint64 refilled_at_us;
  int quota_month;             /* year * 12 + month - 1, UTC */
  guint64 quota_calls;
  double quota_cost;
  GHashTable *cache;           /* key -> CacheEntry */
  guint64 attempts, successes, failures;
  guint64 served[3], manual;
  gint64 last_check_us;
  char *last_error;
};

const char *
bz_breaker_state_name (BzBreakerState state)
{
  g_return_val_if_fail ((guint) state < bz_vocab_breaker_state.n_terms, NULL);
  return bz_vocab_breaker_state.terms[state].id;
}

const char *
bz_resilient_source_name (BzResilientSource source)
{
  static const char *const names[] = { "remote", "cached", "local" };
  g_return_val_if_fail ((guint) source < G_N_ELEMENTS (names), NULL);
  return names[source];
}

static gint64 now_us (BzResilient *self) { return self->clock.now_us (self->clock.user_data); }

/* --- Construction -------------------------------------------------------------- */

static void
cache_entry_free (gpointer data)
{
  CacheEntry *e = data;
  json_node_unref (e->answer);
  g_free (e);
}

BzResilient *
bz_resilient_new (const char *kind, const char *provider, const BzResilientConfig *config,
                  const BzResilientClock *clock)
{
  BzResilient *self;

  g_return_val_if_fail (kind != NULL && provider != NULL, NULL);
  self = g_new0 (BzResilient, 1);
  self->kind = g_strdup (kind);
  self->provider = g_strdup (provider);
  if (config)
    self->config = *config;
  else
    bz_resilient_config_init (&self->config);
  self->config.max_attempts = MAX (self->config.max_attempts, 1);
  self->config.breaker_failures = MAX (self->config.breaker_failures, 1);
  self->config.bucket_capacity = MAX (self->config.bucket_capacity, 1.0);
  if (self->config.bucket_per_s <= 0)
    self->config.bucket_per_s = BZ_RESILIENT_BUCKET_PER_S;
  if (self->config.deadline_ms <= 0)
    self->config.deadline_ms = BZ_RESILIENT_DEADLINE_MS;
  if (clock)
    self->clock = *clock;
  bz_resilient_clock_fill (&self->clock);
  g_mutex_init (&self->lock);
  self->tokens = self->config.bucket_capacity;
  self->refilled_at_us = now_us (self);
  self->quota_month = -1;
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cache_entry_free);
  return self;
}

void
bz_resilient_free (BzResilient *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->cache);
  g_mutex_clear (&self->lock);
  g_free (self->last_error);
  g_free (self->kind);
  g_free (self->provider);
  g_free (self);
}

const char *bz_resilient_get_kind (BzResilient *self) { return self->kind; }
const char *bz_resilient_get_provider (BzResilient *self) { return self->provider; }
const BzResilientConfig *bz_resilient_get_config (BzResilient *self) { return &self->config; }

void
bz_resilient_set_validator (BzResilient *self, BzResilientValidate validate)
{
  self->validate = validate;
}

gint64
bz_resilient_backoff_ms (const BzResilientConfig *config, guint retry, double random01)
{
  gint64 ceiling = MAX (config->backoff_base_ms, 1);

  for (guint i = 1; i < retry && ceiling < config->backoff_cap_ms; i++)
    ceiling *= 2;
  ceiling = MIN (ceiling, MAX (config->backoff_cap_ms, 1));
  random01 = CLAMP (random01, 0.0, 1.0);
  return MIN ((gint64) (random01 * (double) ceiling), ceiling - 1);
}

/* --- State (all under self->lock) ------------------------------------------- */

static void
refill (BzResilient *self, gint64 now)
{
  if (now > self->refilled_at_us)
    {
      double add = (double) (now - self->refilled_at_us) / G_USEC_PER_SEC * self->config.bucket_per_s;
      self->tokens = MIN (self->config.bucket_capacity, self->tokens + add);
    }
  self->refilled_at_us = MAX (now, self->refilled_at_us);
}

static int month_of (gint64 now);

static void
roll_month (BzResilient *self, gint64 now)
{
  int month = month_of (now);

  if (month != self->quota_month)
    {
      self->quota_month = month;
      self->quota_calls = 0;
      self->quota_cost = 0;
    }
}

static int
month_of (gint64 now)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  return t ? g_date_time_get_year (t) * 12 + g_date_time_get_month (t) - 1 : 0;
}

static char *
month_text (int month)
{
  return g_strdup_printf ("%04d-%02d", month / 12, month % 12 + 1);
}

char *
bz_resilient_dup_month (BzResilient *self)
{
  return month_text (month_of (now_us (self)));
}

void
bz_resilient_set_usage_func (BzResilient *self, BzResilientUsageFunc func, gpointer user_data)
{
  self->usage_func = func;
  self->usage_data = user_data;
}

void
bz_resilient_restore_usage (BzResilient *self, const char *month, guint64 calls, double cost)
{
  g_autofree char *now = NULL;

  g_mutex_lock (&self->lock);
  roll_month (self, now_us (self));
  now = month_text (self->quota_month);
  if (g_strcmp0 (month, now) == 0)
    {
      self->quota_calls = MAX (self->quota_calls, calls);
      self->quota_cost = MAX (self->quota_cost, cost);
    }
  g_mutex_unlock (&self->lock);
}

static gboolean
quota_left (BzResilient *self)
{
  return (self->config.monthly_calls == 0 || self->quota_calls < self->config.monthly_calls) &&
         (self->config.monthly_cost <= 0 || self->quota_cost < self->config.monthly_cost);
}

static double
window_rate (BzResilient *self, gint64 now, guint *out_n)
{
  guint n = 0, failed = 0;

  for (guint i = 0; i < BZ_RESILIENT_WINDOW_SLOTS; i++)
    if (self->window[i].at_us != 0 && now - self->window[i].at_us <= self->config.breaker_window_ms * 1000)
      {
        n++;
        failed += self->window[i].failed;
      }
  if (out_n)
    *out_n = n;
  return n ? (double) failed / n : 0.0;
}

/* The breaker's state at @now: an open breaker whose cool-down ended is half-open. */
static BzBreakerState
breaker_now (BzResilient *self, gint64 now)
{
  if (self->breaker == BZ_BREAKER_OPEN &&
      now - self->opened_at_us >= self->config.breaker_cooldown_ms * 1000)
    self->breaker = BZ_BREAKER_HALF_OPEN;
  return self->breaker;
}

static void
trip (BzResilient *self, gint64 now)
{
  if (self->breaker != BZ_BREAKER_OPEN)
    g_message ("Integrations: %s/%s circuit opened", self->kind, self->provider);
  self->breaker = BZ_BREAKER_OPEN;
  self->opened_at_us = now;
  self->probe_out = FALSE;
  self->consecutive_failures = 0;   /* after the cool-down, only the probe decides */
}

static void
record (BzResilient *self, gint64 now, const GError *error, double cost)
{
  gboolean failed = error && bz_integration_error_counts_as_failure (error);

  self->quota_cost += MAX (cost, 0);
  if (error && !failed)        /* our request's fault, or refused: not the service's */
    {
      if (self->breaker == BZ_BREAKER_HALF_OPEN)
        self->probe_out = FALSE;
      return;
    }
  self->window[self->window_next] = (Outcome) { MAX (now, 1), failed };
  self->window_next = (self->window_next + 1) % BZ_RESILIENT_WINDOW_SLOTS;
  if (!failed)
    {
      self->successes++;
      self->consecutive_failures = 0;
      if (self->breaker != BZ_BREAKER_CLOSED)
        g_message ("Integrations: %s/%s circuit closed", self->kind, self->provider);
      self->breaker = BZ_BREAKER_CLOSED;
      self->probe_out = FALSE;
      return;
    }
  self->failures++;
  self->consecutive_failures++;
  g_free (self->last_error);
  self->last_error = g_strdup (error->message);
  if (self->breaker == BZ_BREAKER_HALF_OPEN)
    trip (self, now);
  else
    {
      guint n;
      double rate = window_rate (self, now, &n);
      if (self->consecutive_failures >= self->config.breaker_failures ||
          (n >= self->config.breaker_min_calls && rate >= self->config.breaker_error_rate))
        trip (self, now);
    }
}

/* Whether the remote step may start: the breaker (taking the half-open
 * probe) and the quota. */
static gboolean
admit (BzResilient *self, gint64 now, GError **error)
{
  switch (breaker_now (self, now))
    {
    case BZ_BREAKER_OPEN:
      g_propagate_error (error, bz_integration_error_new (self->provider, BZ_INTEGRATION_ERROR_CIRCUIT_OPEN, 0, FALSE,
          (guint) ((self->opened_at_us + self->config.breaker_cooldown_ms * 1000 - now + 999999) / G_USEC_PER_SEC),
          "The circuit of %s/%s is open", self->kind, self->provider));
      return FALSE;
    case BZ_BREAKER_HALF_OPEN:
      if (self->probe_out)
        {
          g_propagate_error (error, bz_integration_error_new (self->provider, BZ_INTEGRATION_ERROR_CIRCUIT_OPEN, 0,
              FALSE, 0, "The circuit of %s/%s is half-open and its probe is out", self->kind, self->provider));
          return FALSE;
        }
      self->probe_out = TRUE;
      break;
    case BZ_BREAKER_CLOSED:
      break;
    }
  return TRUE;
}

/* Takes a token and counts the attempt in the quota, or says why not. */
static gboolean
take_attempt (BzResilient *self, gint64 now, GError **error)
{
  roll_month (self, now);
  if (!quota_left (self))
    {
      g_propagate_error (error, bz_integration_error_new (self->provider, BZ_INTEGRATION_ERROR_QUOTA_EXCEEDED, 0,
          FALSE, 0, "The monthly quota of %s/%s is used up", self->kind, self->provider));
      return FALSE;
    }
  refill (self, now);
  if (self->tokens < 1.0)
    {
      double wait_s = (1.0 - self->tokens) / self->config.bucket_per_s;
      g_propagate_error (error, bz_integration_error_new (self->provider, BZ_INTEGRATION_ERROR_RATE_LIMITED, 0,
          TRUE, (guint) ceil (wait_s), "Balanza's rate limit for %s/%s is reached", self->kind, self->provider));
      return FALSE;
    }
  self->tokens -= 1.0;
  self->quota_calls++;
  self->attempts++;
  self->last_check_us = now;
  return TRUE;
}

static void
cache_put (BzResilient *self, const char *key, JsonNode *answer, gint64 now)
{
  CacheEntry *e;

  if (key == NULL || self->config.cache_entries == 0)
    return;
  if (!g_hash_table_contains (self->cache, key) && g_hash_table_size (self->cache) >= self->config.cache_entries)
    {
      /* Full: drop the oldest answer (a linear scan; the table is small). */
      GHashTableIter it;
      gpointer k, v;
      const char *oldest = NULL;
      gint64 oldest_at = G_MAXINT64;
      g_hash_table_iter_init (&it, self->cache);
      while (g_hash_table_iter_next (&it, &k, &v))
        if (((CacheEntry *) v)->stored_us < oldest_at)
          {
            oldest_at = ((CacheEntry *) v)->stored_us;
            oldest = k;
          }
      g_hash_table_remove (self->cache, oldest);
    }
  e = g_new0 (CacheEntry, 1);
  e->answer = json_node_copy (answer);
  e->stored_us = now;
  g_hash_table_replace (self->cache, g_strdup (key), e);
}

/* --- One call ------------------------------------------------------------------- */

static void
log_attempt (BzResilient *self, const char *endpoint, gint64 duration_us, const GError *error)
{
  g_autofree char *service = g_strdup_printf ("%s/%s", self->kind, self->provider);
  g_autofree char *duration = g_strdup_printf ("%" G_GINT64_FORMAT, duration_us / 1000);
  const char *status = error == NULL ? "ok"
                       : error->domain == BZ_INTEGRATION_ERROR ? bz_integration_error_code_name (error->code)
                       : "ERROR";
  g_autofree char *http = g_strdup_printf ("%u", bz_integration_error_get_status (error));

  g_log_structured ("Balanza", G_LOG_LEVEL_INFO,
                    "BZ_SERVICE", service, "BZ_ENDPOINT", endpoint ? endpoint : "",
                    "BZ_DURATION_MS", duration, "BZ_STATUS", status, "BZ_HTTP_STATUS", http,
                    "MESSAGE", "API call %s %s: %s in %s ms", service, endpoint ? endpoint : "", status, duration);
}

/* One remote attempt under the deadline; the answer validated. */
static JsonNode *
attempt (BzResilient *self, const BzResilientRequest *req, gint64 deadline_us, GCancellable *cancellable,
         double *out_cost, GError **error)
{
  g_autoptr(GCancellable) child = g_cancellable_new ();
  g_autoptr(GError) local = NULL;
  GSource *timer;
  gulong handler = 0;
  gint64 remaining_ms = (deadline_us - now_us (self) + 999) / 1000;
  JsonNode *answer;

  if (cancellable)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (bz_resilient_cancel_child), child, NULL);
  timer = g_timeout_source_new ((guint) CLAMP (remaining_ms, 1, G_MAXUINT));
  g_source_set_callback (timer, bz_resilient_deadline_passed, g_object_ref (child), g_object_unref);
  g_source_attach (timer, bz_resilient_timer_context ());

  answer = req->remote (req->remote_data, child, out_cost, &local);

  g_source_destroy (timer);
  g_source_unref (timer);
  if (cancellable)
    g_cancellable_disconnect (cancellable, handler);
  if (answer == NULL && g_cancellable_is_cancelled (child) && !g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (&local);   /* stopped by the deadline, not by the caller */
      local = bz_integration_error_new (self->provider, BZ_INTEGRATION_ERROR_TIMEOUT, 0, TRUE, 0,
                                        "No answer from %s/%s within the deadline", self->kind, self->provider);
    }
  if (answer == NULL && local == NULL)
    local = bz_integration_error_new (self->provider, BZ_INTEGRATION_ERROR_BAD_RESPONSE, 0, FALSE, 0,
                                      "%s/%s gave no answer and no error", self->kind, self->provider);
  if (answer != NULL && self->validate != NULL && !self->validate (answer, &local))
    {
      g_autofree char *why = g_strdup (local ? local->message : "");
      g_clear_error (&local);
      g_clear_pointer (&answer, json_node_unref);
      local = bz_integration_error_new (self->provider, BZ_INTEGRATION_ERROR_BAD_RESPONSE, 0, FALSE, 0,
                                        "The answer of %s/%s breaks its schema: %s", self->kind, self->provider, why);
    }
  if (local)
    g_propagate_error (error, g_steal_pointer (&local));
  return answer;
}

/* The remote step: admission, attempts and retries.  %NULL with @error when
 * it gives no answer. */
static JsonNode *
remote_step (BzResilient *self, const BzResilientRequest *req, GCancellable *cancellable, GError **error)
{
  gint64 start = now_us (self);
  gint64 deadline = start + self->config.deadline_ms * 1000;
  gboolean admitted;

  g_mutex_lock (&self->lock);
  admitted = admit (self, start, error);
  g_mutex_unlock (&self->lock);
  if (!admitted)
    return NULL;

  for (guint n = 1;; n++)
    {
      g_autoptr(GError) local = NULL;
      JsonNode *answer = NULL;
      double cost = 0;
      gint64 t0 = now_us (self), wait_ms;
      gboolean taken, open;

      g_mutex_lock (&self->lock);
      taken = take_attempt (self, t0, &local);
      if (!taken && self->breaker == BZ_BREAKER_HALF_OPEN)
        self->probe_out = FALSE;   /* no probe was made: the next call makes it */
      g_mutex_unlock (&self->lock);
      if (!taken)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      answer = attempt (self, req, deadline, cancellable, &cost, &local);
      log_attempt (self, req->endpoint, now_us (self) - t0, local);
      if (self->usage_func)
        {
          g_autofree char *month = month_text (month_of (t0));
          self->usage_func (self, month, 1, answer ? MAX (cost, 0) : 0, self->usage_data);
        }
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_clear_pointer (&answer, json_node_unref);
          g_mutex_lock (&self->lock);
          if (self->breaker == BZ_BREAKER_HALF_OPEN)
            self->probe_out = FALSE;
          g_mutex_unlock (&self->lock);
          g_clear_error (&local);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The call was cancelled");
          return NULL;
        }
      g_mutex_lock (&self->lock);
      record (self, now_us (self), local, cost);
      if (answer)
        cache_put (self, req->key, answer, now_us (self));
      open = self->breaker == BZ_BREAKER_OPEN;
      g_mutex_unlock (&self->lock);
      if (answer)
        return answer;

      if (!bz_integration_error_is_retryable (local) || n >= self->config.max_attempts || open)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      wait_ms = bz_resilient_backoff_ms (&self->config, n, self->clock.random01 (self->clock.user_data));
      wait_ms = MAX (wait_ms, (gint64) bz_integration_error_get_retry_after (local) * 1000);
      if (now_us (self) + wait_ms * 1000 >= deadline)
        {
          g_propagate_error (error, g_steal_pointer (&local));   /* no time left for another */
          return NULL;
        }
      if (!self->clock.sleep_us (wait_ms * 1000, cancellable, self->clock.user_data))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The call was cancelled");
          return NULL;
        }
    }
}

static JsonNode *
finish (BzResilient *self, JsonNode *answer, BzResilientSource source, BzResilientSource *out_source)
{
  g_mutex_lock (&self->lock);
  self->served[source]++;
  g_mutex_unlock (&self->lock);
  if (out_source)
    *out_source = source;
  return answer;
}

JsonNode *
bz_resilient_call (BzResilient *self, const BzResilientRequest *req, GCancellable *cancellable,
                   BzResilientSource *out_source, GError **error)
{
  g_autoptr(GError) remote_error = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *answer = NULL;

  g_return_val_if_fail (self != NULL && req != NULL, NULL);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (req->remote)
    {
      answer = remote_step (self, req, cancellable, &remote_error);
      if (answer)
        return finish (self, answer, BZ_RESILIENT_REMOTE, out_source);
      if (g_error_matches (remote_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (remote_error, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_INVALID_REQUEST))
        {
          g_propagate_error (error, g_steal_pointer (&remote_error));
          return NULL;
        }
    }

  /* The last good answer for this request. */
  if (req->key)
    {
      g_mutex_lock (&self->lock);
      {
        CacheEntry *e = g_hash_table_lookup (self->cache, req->key);
        if (e)
          answer = json_node_copy (e->answer);
      }
      g_mutex_unlock (&self->lock);
      if (answer)
        return finish (self, answer, BZ_RESILIENT_CACHED, out_source);
    }

  /* The embedded provider. */
  if (req->local)
    {
      double cost = 0;
      answer = req->local (req->local_data, cancellable, &cost, &local_error);
      if (answer && self->validate && !self->validate (answer, &local_error))
        g_clear_pointer (&answer, json_node_unref);
      if (answer)
        return finish (self, answer, BZ_RESILIENT_LOCAL, out_source);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }

  g_mutex_lock (&self->lock);
  self->manual++;
  g_mutex_unlock (&self->lock);
  g_propagate_error (error, bz_integration_error_new (self->provider, BZ_INTEGRATION_ERROR_MANUAL_ENTRY, 0, FALSE, 0,
      "No answer from %s/%s (%s) and none cached or local (%s): enter it by hand", self->kind, self->provider,
      remote_error ? remote_error->message : "no remote provider",
      local_error ? local_error->message : "no local provider"));
  return NULL;
}

/* --- On a GTask thread ------------------------------------------------------------ */

typedef struct
{
  BzResilient *self;
  BzResilientRequest req;
  char *endpoint;
  char *key;
  BzResilientSource source;
} CallData;

static void
call_data_free (gpointer data)
{
  CallData *d = data;
  g_free (d->endpoint);
  g_free (d->key);
  g_free (d);
}

static void
call_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  CallData *d = task_data;
  GError *error = NULL;
  JsonNode *answer = bz_resilient_call (d->self, &d->req, cancellable, &d->source, &error);
  if (answer)
    g_task_return_pointer (task, answer, (GDestroyNotify) json_node_unref);
  else
    g_task_return_error (task, error);
}

void
bz_resilient_call_async (BzResilient *self, const BzResilientRequest *request, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  CallData *d = g_new0 (CallData, 1);

  d->self = self;
  d->req = *request;
  d->endpoint = g_strdup (request->endpoint);
  d->key = g_strdup (request->key);
  d->req.endpoint = d->endpoint;
  d->req.key = d->key;
  g_task_set_source_tag (task, bz_resilient_call_async);
  g_task_set_task_data (task, d, call_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, call_thread);
}

JsonNode *
bz_resilient_call_finish (BzResilient *self, GAsyncResult *result, BzResilientSource *out_source, GError **error)
{
  JsonNode *answer;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bz_resilient_call_async, NULL);
  answer = g_task_propagate_pointer (G_TASK (result), error);
  if (answer && out_source)
    *out_source = ((CallData *) g_task_get_task_data (G_TASK (result)))->source;
  return answer;
}

/* --- Health -------------------------------------------------------------------------- */

void
bz_resilient_get_stats (BzResilient *self, BzResilientStats *out)
{
  gint64 now = now_us (self);

  g_mutex_lock (&self->lock);
  roll_month (self, now);
  refill (self, now);
  *out = (BzResilientStats) {
    .breaker = breaker_now (self, now),
    .attempts = self->attempts, .successes = self->successes, .failures = self->failures,
    .served_remote = self->served[BZ_RESILIENT_REMOTE], .served_cached = self->served[BZ_RESILIENT_CACHED],
    .served_local = self->served[BZ_RESILIENT_LOCAL], .manual = self->manual,
    .error_rate = window_rate (self, now, NULL),
    .last_check_us = self->last_check_us,
    .last_error = g_strdup (self->last_error),
    .quota_calls_used = self->quota_calls, .quota_calls_limit = self->config.monthly_calls,
    .quota_cost_used = self->quota_cost, .quota_cost_limit = self->config.monthly_cost,
    .tokens = self->tokens,
  };
  g_mutex_unlock (&self->lock);
}

void
bz_resilient_stats_clear (BzResilientStats *stats)
{
  g_clear_pointer (&stats->last_error, g_free);
}

const char *
bz_resilient_health (const BzResilientStats *s)
{
  gboolean out_of_quota = (s->quota_calls_limit && s->quota_calls_used >= s->quota_calls_limit) ||
                          (s->quota_cost_limit > 0 && s->quota_cost_used >= s->quota_cost_limit);

  if (s->breaker == BZ_BREAKER_OPEN)
    return "down";
  if (s->breaker == BZ_BREAKER_HALF_OPEN || out_of_quota || s->error_rate > 0)
    return "degraded";
  return "healthy";
}
