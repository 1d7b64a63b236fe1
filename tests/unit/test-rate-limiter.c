/* test-rate-limiter.c — BzRateLimiter: sliding window, keys, expiry, threads. */
#include <glib.h>

#include "bz-rate-limiter.h"

#define S ((gint64) G_USEC_PER_SEC)

static void
test_allows_up_to_limit (void)
{
  g_autoptr(BzRateLimiter) rl = bz_rate_limiter_new (5, 60 * S);
  guint retry = 99;

  for (int i = 0; i < 5; i++)
    {
      g_assert_true (bz_rate_limiter_check (rl, "10.0.0.1", 1000 * S + i * S, &retry));
      g_assert_cmpuint (retry, ==, 0);
    }
  /* 6th at t0+10 s: the oldest (t0) leaves the window at t0+60 s. */
  g_assert_false (bz_rate_limiter_check (rl, "10.0.0.1", 1010 * S, &retry));
  g_assert_cmpuint (retry, ==, 50);
  /* Rounded up: 0.5 s left -> 1 s. */
  g_assert_false (bz_rate_limiter_check (rl, "10.0.0.1", 1059 * S + S / 2, &retry));
  g_assert_cmpuint (retry, ==, 1);
  /* NULL out parameter is fine. */
  g_assert_false (bz_rate_limiter_check (rl, "10.0.0.1", 1010 * S, NULL));
}

static void
test_sliding_window (void)
{
  g_autoptr(BzRateLimiter) rl = bz_rate_limiter_new (3, 10 * S);
  guint retry = 0;

  g_assert_true (bz_rate_limiter_check (rl, "k", 0, NULL));
  g_assert_true (bz_rate_limiter_check (rl, "k", 4 * S, NULL));
  g_assert_true (bz_rate_limiter_check (rl, "k", 8 * S, NULL));
  g_assert_false (bz_rate_limiter_check (rl, "k", 9 * S, &retry));
  g_assert_cmpuint (retry, ==, 1);
  /* Exactly one window after the first event, it no longer counts. */
  g_assert_true (bz_rate_limiter_check (rl, "k", 10 * S, NULL));
  /* Now the window holds 4, 8, 10: next slot at 14 s. */
  g_assert_false (bz_rate_limiter_check (rl, "k", 11 * S, &retry));
  g_assert_cmpuint (retry, ==, 3);
  g_assert_true (bz_rate_limiter_check (rl, "k", 14 * S, NULL));
}

static void
test_denied_not_recorded (void)
{
  g_autoptr(BzRateLimiter) rl = bz_rate_limiter_new (2, 10 * S);

  g_assert_true (bz_rate_limiter_check (rl, "k", 0, NULL));
  g_assert_true (bz_rate_limiter_check (rl, "k", 1 * S, NULL));
  /* Hammering while denied does not push the window forward. */
  for (int i = 0; i < 100; i++)
    g_assert_false (bz_rate_limiter_check (rl, "k", 2 * S + i * 1000, NULL));
  g_assert_true (bz_rate_limiter_check (rl, "k", 10 * S, NULL));
}

static void
test_keys_independent (void)
{
  g_autoptr(BzRateLimiter) rl = bz_rate_limiter_new (1, 60 * S);

  g_assert_true (bz_rate_limiter_check (rl, "a", 0, NULL));
  g_assert_false (bz_rate_limiter_check (rl, "a", 1, NULL));
  g_assert_true (bz_rate_limiter_check (rl, "b", 1, NULL));
  g_assert_true (bz_rate_limiter_check (rl, "", 1, NULL));
  g_assert_false (bz_rate_limiter_check (rl, "b", 2, NULL));
}

static void
test_idle_keys_expire (void)
{
  g_autoptr(BzRateLimiter) rl = bz_rate_limiter_new (5, 60 * S);

  for (int i = 0; i < 1000; i++)
    {
      g_autofree char *key = g_strdup_printf ("192.0.2.%d", i);
      g_assert_true (bz_rate_limiter_check (rl, key, i * 1000, NULL));
    }
  g_assert_cmpuint (bz_rate_limiter_get_n_keys (rl), ==, 1000);

  /* One key stays active near the end of the window. */
  g_assert_true (bz_rate_limiter_check (rl, "active", 50 * S, NULL));
  g_assert_cmpuint (bz_rate_limiter_get_n_keys (rl), ==, 1001);

  /* A window later, the idle keys are swept; "active" is still in its window. */
  g_assert_true (bz_rate_limiter_check (rl, "new", 61 * S, NULL));
  g_assert_cmpuint (bz_rate_limiter_get_n_keys (rl), ==, 2);

  /* And after another window, only the key just seen remains. */
  g_assert_true (bz_rate_limiter_check (rl, "newer", 200 * S, NULL));
  g_assert_cmpuint (bz_rate_limiter_get_n_keys (rl), ==, 1);
}

static void
test_forced_sweep_bounds_memory (void)
{
  g_autoptr(BzRateLimiter) rl = bz_rate_limiter_new (1, 10 * S);
  gint64 t = 0;

  /* A flood of distinct keys, each idle after its single event: the table
   * never grows much beyond what one window can hold plus the threshold. */
  for (int i = 0; i < 50000; i++, t += 1000) /* 1 ms apart: 10000 keys per window */
    {
      g_autofree char *key = g_strdup_printf ("2001:db8::%x", i);
      g_assert_true (bz_rate_limiter_check (rl, key, t, NULL));
      g_assert_cmpuint (bz_rate_limiter_get_n_keys (rl), <=, 2 * 10000 + 2);
    }
}

static void
test_time_never_runs_backwards (void)
{
  g_autoptr(BzRateLimiter) rl = bz_rate_limiter_new (2, 10 * S);
  guint retry = 0;

  g_assert_true (bz_rate_limiter_check (rl, "k", 100 * S, NULL));
  g_assert_true (bz_rate_limiter_check (rl, "k", 50 * S, NULL)); /* recorded as 100 s */
  g_assert_false (bz_rate_limiter_check (rl, "k", 105 * S, &retry));
  g_assert_cmpuint (retry, ==, 5);
  g_assert_true (bz_rate_limiter_check (rl, "k", 110 * S, NULL));
}

static void
test_reset (void)
{
  g_autoptr(BzRateLimiter) rl = bz_rate_limiter_new (1, 10 * S);

  g_assert_true (bz_rate_limiter_check (rl, "k", 0, NULL));
  g_assert_false (bz_rate_limiter_check (rl, "k", 1, NULL));
  bz_rate_limiter_reset (rl);
  g_assert_cmpuint (bz_rate_limiter_get_n_keys (rl), ==, 0);
  g_assert_true (bz_rate_limiter_check (rl, "k", 2, NULL));
}

typedef struct
{
  BzRateLimiter *rl;
  gint allowed;
} ThreadData;

static gpointer
hammer (gpointer data)
{
  ThreadData *td = data;
  for (int i = 0; i < 2000; i++)
    {
      /* All within one window; two shared keys, plus a private one. */
      const char *key = (i % 2) ? "shared-a" : "shared-b";
      if (bz_rate_limiter_check (td->rl, key, 1000 + i, NULL))
        g_atomic_int_inc (&td->allowed);
      g_autofree char *mine = g_strdup_printf ("t%p-%d", (void *) g_thread_self (), i % 7);
      bz_rate_limiter_check (td->rl, mine, 1000 + i, NULL);
    }
  return NULL;
}

static void
test_threads (void)
{
  g_autoptr(BzRateLimiter) rl = bz_rate_limiter_new (100, 3600 * S);
  ThreadData td = { rl, 0 };
  GThread *threads[8];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("hammer", hammer, &td);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  /* Exactly the limit per shared key, no matter the interleaving. */
  g_assert_cmpint (td.allowed, ==, 200);
}

/* Counting mode: a burst from idle is cut exactly at the limit; the previous
 * window weighs in proportion to its share of the sliding window; peek does
 * not record; a limit of 10^8 costs no more memory than 100. */
static void
test_counting (void)
{
  g_autoptr(BzRateLimiter) rl = bz_rate_limiter_new_counting (100, 60 * S);
  g_autoptr(BzRateLimiter) huge = bz_rate_limiter_new_counting (100000000, 60 * S);
  gint64 t0 = 600 * S;  /* a window boundary */
  guint retry = 0;

  for (int i = 0; i < 100; i++)
    g_assert_true (bz_rate_limiter_check (rl, "u", t0 + i, NULL));
  g_assert_true (bz_rate_limiter_peek (rl, "v", t0, NULL));
  g_assert_false (bz_rate_limiter_peek (rl, "u", t0 + 100, &retry));
  g_assert_false (bz_rate_limiter_check (rl, "u", t0 + 100, &retry));
  g_assert_cmpuint (retry, ==, 60);  /* the whole current window must pass */
  /* 45 s into the next window, 100 × 15/60 = 25 remain counted: 75 more fit. */
  for (int i = 0; i < 75; i++)
    g_assert_true (bz_rate_limiter_check (rl, "u", t0 + 105 * S, NULL));
  g_assert_false (bz_rate_limiter_check (rl, "u", t0 + 105 * S, &retry));
  g_assert_cmpuint (retry, >=, 1);
  g_assert_cmpuint (retry, <=, 15);
  /* Two windows later everything is forgotten. */
  g_assert_true (bz_rate_limiter_check (rl, "u", t0 + 240 * S, NULL));
  /* Another key is independent. */
  g_assert_true (bz_rate_limiter_check (rl, "w", t0 + 100, NULL));
  /* A huge limit allocates per key like a small one (this would need 800 MB
   * per key as a sliding log). */
  for (int i = 0; i < 1000; i++)
    g_assert_true (bz_rate_limiter_check (huge, "u", t0 + i, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rate-limiter/allows-up-to-limit", test_allows_up_to_limit);
  g_test_add_func ("/rate-limiter/sliding-window", test_sliding_window);
  g_test_add_func ("/rate-limiter/denied-not-recorded", test_denied_not_recorded);
  g_test_add_func ("/rate-limiter/keys-independent", test_keys_independent);
  g_test_add_func ("/rate-limiter/idle-keys-expire", test_idle_keys_expire);
  g_test_add_func ("/rate-limiter/forced-sweep-bounds-memory", test_forced_sweep_bounds_memory);
  g_test_add_func ("/rate-limiter/time-never-runs-backwards", test_time_never_runs_backwards);
  g_test_add_func ("/rate-limiter/reset", test_reset);
  g_test_add_func ("/rate-limiter/threads", test_threads);
  g_test_add_func ("/rate-limiter/counting", test_counting);
  return g_test_run ();
}
