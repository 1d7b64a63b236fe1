/* bz-rate-limiter.c — thread-safe sliding-window rate limiter keyed by string. */
#include "bz-rate-limiter.h"

typedef struct
{
  gint64 newest;    /* time of the latest recorded event */
  guint first;      /* ring index of the oldest event still in the window */
  guint count;      /* events in the ring */
  gint64 times[];   /* max_events timestamps (ring buffer) */
} Entry;

struct _BzRateLimiter
{
  GMutex lock;
  guint max_events;
  gint64 window_us;
  GHashTable *keys;        /* char* -> Entry* */
  gint64 last_sweep_us;
  guint sweep_threshold;   /* force a sweep once the table reaches this size */
};

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

  g_hash_table_iter_init (&it, self->keys);
  while (g_hash_table_iter_next (&it, NULL, &value))
    {
      Entry *e = value;
      if (e->newest <= now_us - self->window_us)
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
      e = g_malloc0 (sizeof (Entry) + self->max_events * sizeof (gint64));
      e->newest = G_MININT64;
      g_hash_table_insert (self->keys, g_strdup (key), e);
    }

  /* Never let time run backwards for a key. */
  if (now_us < e->newest)
    now_us = e->newest;

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
      /* Round up: a client that waits retry_after_s seconds is allowed. */
      retry_after_s = (guint) MAX ((gint64) 1, (wait_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
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
  entry_expire (self, e, now_us);
  if (e->count < self->max_events)
    return TRUE;
  if (out_retry_after_s)
    {
      gint64 wait_us = e->times[e->first] + self->window_us - now_us;
      *out_retry_after_s = (guint) MAX ((gint64) 1, (wait_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
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
