/* bz-rate-limiter.h — a thread-safe sliding-window rate limiter keyed by string.
 *
 * Each key (a client address, a user id, ...) may record at most @max_events
 * events in any window of @window_us microseconds (a sliding-window log: the
 * exact timestamps of the last @max_events allowed events are kept per key in
 * a ring buffer).  Denied attempts are not recorded, so a client that keeps
 * hammering is let in again as soon as its oldest allowed event leaves the
 * window.
 *
 * Pure: no I/O and no clock; the caller passes the time (use
 * g_get_monotonic_time() in production), so tests are deterministic.
 *
 * Memory is bounded: keys with no event inside the window are dropped by a
 * sweep that runs at most once per window (and whenever the table reaches
 * %BZ_RATE_LIMITER_SWEEP_KEYS keys), so the table holds only the keys seen in
 * roughly the last two windows, each costing @max_events × 8 bytes.
 *
 * Used for seed 002 §7.4.2 (5 login attempts per minute per address) and the
 * per-user API limits.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A sweep of idle keys is forced once the table holds this many keys. */
#define BZ_RATE_LIMITER_SWEEP_KEYS 4096

typedef struct _BzRateLimiter BzRateLimiter;

/**
 * bz_rate_limiter_new:
 * @max_events: events allowed per window per key (> 0)
 * @window_us: the window length in microseconds (> 0)
 *
 * Returns: (transfer full): a new limiter; free with bz_rate_limiter_free().
 */
BzRateLimiter *bz_rate_limiter_new   (guint max_events, gint64 window_us);

/**
 * bz_rate_limiter_new_counting:
 * @max_events: events allowed per window per key (> 0; any size)
 * @window_us: the window length in microseconds (> 0)
 *
 * A limiter of the same interface that keeps two counters per key instead of
 * @max_events timestamps: the sliding-window estimate of Cloudflare's
 * "How we built rate limiting capable of scaling to millions of domains"
 * (2017): previous fixed window's count × the share of it still inside the
 * sliding window, plus the current window's count.  O(1) memory per key
 * whatever @max_events (per-user API limits, up to "unlimited" in
 * benchmarks); exact for bursts from idle (the (@max_events + 1)th event in a
 * window is denied), approximate when traffic straddles windows.
 *
 * Returns: (transfer full): a new limiter; free with bz_rate_limiter_free().
 */
BzRateLimiter *bz_rate_limiter_new_counting (guint max_events, gint64 window_us);

void           bz_rate_limiter_free  (BzRateLimiter *self);

/**
 * bz_rate_limiter_check:
 * @key: the limited subject, e.g. a client address
 * @now_us: the current time in microseconds on a monotonic clock; callers
 *   must pass non-decreasing times (earlier times are treated as the latest
 *   time seen for the key)
 * @out_retry_after_s: (out) (optional): when denied, whole seconds (>= 1)
 *   until the next event for @key would be allowed; 0 when allowed
 *
 * Checks whether one more event for @key fits in the window and, if so,
 * records it.  Thread-safe.
 *
 * Returns: %TRUE if the event is allowed (and was recorded), %FALSE if the
 *   limit is reached.
 */
gboolean       bz_rate_limiter_check (BzRateLimiter *self,
                                      const char    *key,
                                      gint64         now_us,
                                      guint         *out_retry_after_s);

/**
 * bz_rate_limiter_peek:
 * @key: the limited subject
 * @now_us: as for bz_rate_limiter_check()
 * @out_retry_after_s: (out) (optional): as for bz_rate_limiter_check()
 *
 * Tells whether bz_rate_limiter_check() would allow an event for @key now,
 * without recording one: for limits on failures, checked before the attempt
 * and recorded only when it fails.  Thread-safe.
 *
 * Returns: %TRUE if one more event would be allowed.
 */
gboolean       bz_rate_limiter_peek  (BzRateLimiter *self,
                                      const char    *key,
                                      gint64         now_us,
                                      guint         *out_retry_after_s);

/** bz_rate_limiter_reset: forgets every key (tests, configuration reloads). */
void           bz_rate_limiter_reset (BzRateLimiter *self);

/** bz_rate_limiter_get_n_keys: Returns: how many keys are tracked now (tests, metrics). */
guint          bz_rate_limiter_get_n_keys (BzRateLimiter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzRateLimiter, bz_rate_limiter_free)

G_END_DECLS
