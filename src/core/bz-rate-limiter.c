/* bz-rate-limiter.c — thread-safe sliding-window rate limiter keyed by string. */
#include "bz-rate-limiter.h"

typedef struct
{
  gint64 newest;    /* time of the latest recorded event */
  guint first;      /* ring index of the oldest event still in the window */
  guint count;      /* events in the ring */
  gint64 times[];   /* max_events timestamps (ring buffer); in counting mode
                     * [0] the current window's start, [1] the previous
                     * window's count, [2] the current window's count */
} Entry;

struct _BzRateLimiter
{
  GMutex lock;
  gboolean counting;       /* approximate sliding window, O(1) per key */
  guint max_events;
  gint64 window_us;
  GHashTable *keys;        /* char* -> Entry* */
  gint64 last_sweep_us;
  guint sweep_threshold;   /* force a sweep once the table reaches this size */
};

/* Whole seconds (at least 1, rounded up) to wait @wait_us: a client that
 * waits that long is allowed. */
static guint
retry_seconds (gint64 wait_us)
{
  return (guint) MAX ((gint64) 1, (wait_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

BzRateLimiter *
bz_rate_limiter_new (guint max_events, gint64 window_us)
{
  BzRateLimiter *self;

  g_return_val_if_fail (max_events > 0, NULL);
  g_return_val_if_fail (window_us > 0, NULL);

  self = g_new0 (BzRateLimiter, 1);
  g_mutex_init (&self->lock);
  self->max_events = max_events;
  self->window_us = window_us;
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->last_sweep_us = G_MININT64;
  self->sweep_threshold = BZ_RATE_LIMITER_SWEEP_KEYS;
  return self;
}

BzRateLimiter *
bz_rate_limiter_new_counting (guint max_events, gint64 window_us)
{
  BzRateLimiter *self = bz_rate_limiter_new (max_events, window_us);
  if (self)
    self->counting = TRUE;
  return self;
}

/* Counting mode: rolls @e's two windows forward to the one holding @now_us and
 * returns the estimated events in the sliding window ending at @now_us. */
static double
counting_estimate (BzRateLimiter *self, Entry *e, gint64 now_us)
{
  gint64 w = self->window_us;
  gint64 start = now_us - ((now_us % w) + w) % w;
  if (e->times[0] != start)
    {
      e->times[1] = e->times[0] == start - w ? e->times[2] : 0;
      e->times[2] = 0;
      e->times[0] = start;
    }
  return (double) e->times[1] * (double) (w - (now_us - start)) / (double) w + (double) e->times[2];
}

/* Counting mode: whole seconds until the estimate drops below the limit. */
static guint
counting_retry_after (BzRateLimiter *self, Entry *e, gint64 now_us)
{
  gint64 w = self->window_us, start = e->times[0];
  gint64 wait_us;
  if ((guint64) e->times[2] >= self->max_events || e->times[1] == 0)
    wait_us = start + w - now_us;   /* the current window must end */
  else
    {
      /* prev * (w - t) / w + cur < max  <=>  t > w * (1 - (max - cur) / prev) */
      double t = (double) w * (1.0 - (double) (self->max_events - e->times[2]) / (double) e->times[1]);
      wait_us = (gint64) t + 1 - (now_us - start);
    }
  return retry_seconds (wait_us);
}

void
bz_rate_limiter_free (BzRateLimiter *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->keys);
  g_mutex_clear (&self->lock);
  g_free (self);
}

/* Drops the events that left the window ending at @now_us. */
static void
entry_expire (BzRateLimiter *self, Entry *e, gint64 now_us)
{
  while (e->count > 0 && e->times[e->first] <= now_us - self->window_us)
    {
      e->first = (e->first + 1) % self->max_events;
      e->count--;
    }
}

/* Removes every key without an event inside the window.  Lock held. */
static void
sweep (BzRateLimiter *self, gint64 now_us)
{
  GHashTableIter it;
  gpointer value;

  /* Counting mode still weighs the previous window: keep two windows. */
  gint64 keep = self->counting ? 2 * self->window_us : self->window_us;

  g_hash_table_iter_init (&it, self->keys);
  while (g_hash_table_iter_next (&it, NULL, &value))
    {
      Entry *e = value;
      if (e->newest <= now_us - keep)
        g_hash_table_iter_remove (&it);
    }
  self->last_sweep_us = now_us;
  /* Amortized O(1) per check even when many keys are active: the next forced
   * sweep waits until the table doubles. */
  self->sweep_threshold = MAX (BZ_RATE_LIMITER_SWEEP_KEYS,
                               2 * g_hash_table_size (self->keys));
}

gboolean
bz_rate_limiter_check (BzRateLimiter *self,
                       const char    *key,
                       gint64         now_us,
                       guint         *out_retry_after_s)
{
  g_autoptr(GMutexLocker) locker = NULL;
  Entry *e;
  gboolean allowed;
  guint retry_after_s = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);

  if (self->last_sweep_us == G_MININT64)
    self->last_sweep_us = now_us;
  else if (now_us - self->last_sweep_us >= self->window_us ||
           g_hash_table_size (self->keys) >= self->sweep_threshold)
    sweep (self, now_us);

  e = g_hash_table_lookup (self->keys, key);
  if (e == NULL)
    {
      e = g_malloc0 (sizeof (Entry) + (self->counting ? 3 : self->max_events) * sizeof (gint64));
      e->newest = G_MININT64;
      if (self->counting)
        e->times[0] = G_MININT64;
      g_hash_table_insert (self->keys, g_strdup (key), e);
    }

  /* Never let time run backwards for a key. */
  if (now_us < e->newest)
    now_us = e->newest;

  if (self->counting)
    {
      allowed = counting_estimate (self, e, now_us) < (double) self->max_events;
      if (allowed)
        {
          e->times[2]++;
          e->newest = now_us;
        }
      else
        retry_after_s = counting_retry_after (self, e, now_us);
      if (out_retry_after_s)
        *out_retry_after_s = retry_after_s;
      return allowed;
    }

  entry_expire (self, e, now_us);

  if (e->count < self->max_events)
    {
      e->times[(e->first + e->count) % self->max_events] = now_us;
      e->count++;
      e->newest = now_us;
      allowed = TRUE;
    }
  else
    {
      gint64 wait_us = e->times[e->first] + self->window_us - now_us;
      retry_after_s = retry_seconds (wait_us);
      allowed = FALSE;
    }

  if (out_retry_after_s)
    *out_retry_after_s = retry_after_s;
  return allowed;
}

gboolean
bz_rate_limiter_peek (BzRateLimiter *self,
                      const char    *key,
                      gint64         now_us,
                      guint         *out_retry_after_s)
{
  g_autoptr(GMutexLocker) locker = NULL;
  Entry *e;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  if (out_retry_after_s)
    *out_retry_after_s = 0;
  e = g_hash_table_lookup (self->keys, key);
  if (e == NULL)
    return TRUE;
  if (now_us < e->newest)
    now_us = e->newest;
  if (self->counting)
    {
      if (counting_estimate (self, e, now_us) < (double) self->max_events)
        return TRUE;
      if (out_retry_after_s)
        *out_retry_after_s = counting_retry_after (self, e, now_us);
      return FALSE;
    }
  entry_expire (self, e, now_us);
  if (e->count < self->max_events)
    return TRUE;
  if (out_retry_after_s)
    {
      gint64 wait_us = e->times[e->first] + self->window_us - now_us;
      *out_retry_after_s = retry_seconds (wait_us);
    }
  return FALSE;
}

void
bz_rate_limiter_reset (BzRateLimiter *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (self != NULL);
  locker = g_mutex_locker_new (&self->lock);
  g_hash_table_remove_all (self->keys);
  self->last_sweep_us = G_MININT64;
  self->sweep_threshold = BZ_RATE_LIMITER_SWEEP_KEYS;
}

guint
bz_rate_limiter_get_n_keys (BzRateLimiter *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (self != NULL, 0);
  locker = g_mutex_locker_new (&self->lock);
  return g_hash_table_size (self->keys);
}
