/* test-resilient.c — BzResilient (bz-resilient.h) with a fake provider and a
 * fake clock (its waits move the clock: no sleeping).  Seed 003's
 * IntegrationError and the local diet planner: test-provider-kinds.c. */
#include <string.h>

#include "bz-resilient.h"

/* --- The fake clock ------------------------------------------------------------ */

typedef struct
{
  gint64 now;          /* µs */
  double random;       /* what random01 answers */
  guint sleeps;
  gint64 slept[16];    /* ms of each wait */
} FakeClock;

static gint64 fake_now (gpointer d) { return ((FakeClock *) d)->now; }
static double fake_random (gpointer d) { return ((FakeClock *) d)->random; }

static gboolean
fake_sleep (gint64 us, GCancellable *cancellable, gpointer d)
{
  FakeClock *c = d;
  if (g_cancellable_is_cancelled (cancellable))
    return FALSE;
  if (c->sleeps < G_N_ELEMENTS (c->slept))
    c->slept[c->sleeps] = us / 1000;
  c->sleeps++;
  c->now += us;
  return TRUE;
}

/* 2026-11-15 12:00 UTC. */
#define T0 (G_GINT64_CONSTANT (1794744000) * G_USEC_PER_SEC)

static BzResilientClock
clock_of (FakeClock *c)
{
  BzResilientClock k = { fake_now, fake_sleep, fake_random, c };
  c->now = T0;
  return k;
}

/* --- The fake provider: a script of outcomes ------------------------------------ */

typedef struct
{
  int code;            /* -1: answer {"ok": true, "n": call}; else a BzIntegrationErrorCode */
  gboolean retryable;
  guint retry_after;
} Step;

typedef struct
{
  const Step *script;
  guint n_steps;
  guint calls;
  double cost;             /* per successful call */
  GCancellable *cancel_on_call;  /* cancelled during the call */
  FakeClock *clock;
  gint64 latency_us;       /* the clock moves by this per call */
} Fake;

static JsonNode *
fake_call (gpointer data, GCancellable *cancellable, double *out_cost, GError **error)
{
  Fake *f = data;
  const Step *s = &f->script[MIN (f->calls, f->n_steps - 1)];
  g_autoptr(JsonBuilder) b = NULL;

  f->calls++;
  if (f->clock)
    f->clock->now += f->latency_us;
  if (f->cancel_on_call)
    g_cancellable_cancel (f->cancel_on_call);
  if (s->code >= 0)
    {
      g_propagate_error (error, bz_integration_error_new ("fake", s->code, 0, s->retryable, s->retry_after,
                                                          "scripted failure %u", f->calls));
      return NULL;
    }
  *out_cost = f->cost;
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "ok");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "n");
  json_builder_add_int_value (b, f->calls);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static guint local_calls;

static JsonNode *
local_call (gpointer data, GCancellable *cancellable, double *out_cost, GError **error)
{
  JsonNode *n = json_node_new (JSON_NODE_OBJECT);
  JsonObject *o = json_object_new ();
  local_calls++;
  json_object_set_boolean_member (o, "ok", TRUE);
  json_object_set_string_member (o, "from", "local");
  json_node_take_object (n, o);
  return n;
}

#define OK { -1, FALSE, 0 }
#define DOWN { BZ_INTEGRATION_ERROR_UNAVAILABLE, TRUE, 0 }

static BzResilientConfig
config (void)
{
  BzResilientConfig c;
  bz_resilient_config_init (&c);
  return c;
}

static JsonNode *
run (BzResilient *r, Fake *f, const char *key, gboolean with_local, BzResilientSource *src, GError **error)
{
  BzResilientRequest req = { "/fake", key, fake_call, f, with_local ? local_call : NULL, NULL };
  return bz_resilient_call (r, &req, NULL, src, error);
}

static gint64
member_n (JsonNode *n)
{
  return json_object_get_int_member_with_default (json_node_get_object (n), "n", -1);
}

/* --- Tests ------------------------------------------------------------------------ */

static void
test_retries_only_retryable (void)
{
  FakeClock c = { 0 };
  BzResilientClock k = clock_of (&c);
  g_autoptr(BzResilient) r = bz_resilient_new ("diet_planning", "fake", NULL, &k);
  static const Step flaky[] = { DOWN, DOWN, OK };
  static const Step refused[] = { { BZ_INTEGRATION_ERROR_INVALID_REQUEST, FALSE, 0 } };
  static const Step garbage[] = { { BZ_INTEGRATION_ERROR_BAD_RESPONSE, FALSE, 0 }, OK };
  Fake f1 = { flaky, 3 }, f2 = { refused, 1 }, f3 = { garbage, 2 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) a = NULL, b = NULL, d = NULL;
  BzResilientSource src;

  /* Two retryable failures, then an answer: three attempts, two waits. */
  a = run (r, &f1, NULL, TRUE, &src, &error);
  g_assert_no_error (error);
  g_assert_cmpint (src, ==, BZ_RESILIENT_REMOTE);
  g_assert_cmpuint (f1.calls, ==, 3);
  g_assert_cmpuint (c.sleeps, ==, 2);
  g_assert_cmpint (member_n (a), ==, 3);

  /* Our request refused: one attempt, no wait, and no fallback (the local
   * provider would answer a wrong request). */
  local_calls = 0;
  b = run (r, &f2, NULL, TRUE, &src, &error);
  g_assert_null (b);
  g_assert_error (error, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_INVALID_REQUEST);
  g_clear_error (&error);
  g_assert_cmpuint (f2.calls, ==, 1);
  g_assert_cmpuint (c.sleeps, ==, 2);
  g_assert_cmpuint (local_calls, ==, 0);

  /* A bad answer is not retried (the same request gets the same answer): one
   * attempt, then the local provider. */
  d = run (r, &f3, NULL, TRUE, &src, &error);
  g_assert_no_error (error);
  g_assert_cmpint (src, ==, BZ_RESILIENT_LOCAL);
  g_assert_cmpuint (f3.calls, ==, 1);
  g_assert_cmpuint (local_calls, ==, 1);

  /* The default attempts: 3, then the chain goes on. */
  {
    static const Step always_down[] = { DOWN };
    Fake f4 = { always_down, 1 };
    g_autoptr(JsonNode) e = run (r, &f4, NULL, FALSE, &src, &error);
    g_assert_null (e);
    g_assert_error (error, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_MANUAL_ENTRY);
    g_assert_cmpuint (f4.calls, ==, BZ_RESILIENT_MAX_ATTEMPTS);
  }
}

static void
test_backoff_bounds (void)
{
  BzResilientConfig cfg = config ();
  FakeClock c = { 0 };
  BzResilientClock k = clock_of (&c);
  static const Step limited[] = { { BZ_INTEGRATION_ERROR_RATE_LIMITED, TRUE, 3 }, DOWN, OK };
  g_autoptr(GError) error = NULL;

  /* Full jitter: [0, min (cap, base * 2^(retry-1))). */
  for (guint retry = 1; retry <= 12; retry++)
    {
      gint64 ceiling = MIN (cfg.backoff_cap_ms, cfg.backoff_base_ms << (retry - 1));
      g_assert_cmpint (bz_resilient_backoff_ms (&cfg, retry, 0.0), ==, 0);
      g_assert_cmpint (bz_resilient_backoff_ms (&cfg, retry, 0.5), ==, ceiling / 2);
      g_assert_cmpint (bz_resilient_backoff_ms (&cfg, retry, 0.999999), ==, ceiling - 1);
      g_assert_cmpint (bz_resilient_backoff_ms (&cfg, retry, 1.0), <, ceiling);
    }
  g_assert_cmpint (bz_resilient_backoff_ms (&cfg, 1, 0.999999), ==, BZ_RESILIENT_BACKOFF_BASE_MS - 1);
  g_assert_cmpint (bz_resilient_backoff_ms (&cfg, 30, 0.999999), ==, BZ_RESILIENT_BACKOFF_CAP_MS - 1);

  /* In a call: a 429 with Retry-After 3 s waits 3 s, longer than the jitter;
   * the next wait is the jitter's (random 0.5 of the second ceiling). */
  {
    g_autoptr(BzResilient) r = NULL;
    g_autoptr(JsonNode) a = NULL;
    Fake f = { limited, 3 };
    c.random = 0.5;
    r = bz_resilient_new ("chat", "fake", &cfg, &k);
    a = run (r, &f, NULL, FALSE, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (c.sleeps, ==, 2);
    g_assert_cmpint (c.slept[0], ==, 3000);
    g_assert_cmpint (c.slept[1], ==, cfg.backoff_base_ms * 2 / 2);
  }

  /* A retry-after past the deadline: no wait, no more attempts. */
  {
    static const Step slow[] = { { BZ_INTEGRATION_ERROR_RATE_LIMITED, TRUE, 60 }, OK };
    g_autoptr(BzResilient) r = bz_resilient_new ("chat", "fake", &cfg, &k);
    g_autoptr(JsonNode) a = NULL;
    Fake f = { slow, 2 };
    BzResilientSource src;
    c.sleeps = 0;
    a = run (r, &f, NULL, TRUE, &src, &error);
    g_assert_no_error (error);
    g_assert_cmpint (src, ==, BZ_RESILIENT_LOCAL);
    g_assert_cmpuint (f.calls, ==, 1);
    g_assert_cmpuint (c.sleeps, ==, 0);
  }
}

static void
assert_breaker (BzResilient *r, BzBreakerState want)
{
  BzResilientStats s;
  bz_resilient_get_stats (r, &s);
  g_assert_cmpstr (bz_breaker_state_name (s.breaker), ==, bz_breaker_state_name (want));
  bz_resilient_stats_clear (&s);
}

static void
test_breaker (void)
{
  BzResilientConfig cfg = config ();
  FakeClock c = { 0 };
  BzResilientClock k = clock_of (&c);
  g_autoptr(BzResilient) r = NULL;
  static const Step down[] = { DOWN };
  static const Step up[] = { OK };
  Fake fd = { down, 1 }, fu = { up, 1 };
  BzResilientSource src;
  GError *error = NULL;
  JsonNode *a;

  cfg.max_attempts = 1;
  cfg.breaker_failures = 3;
  r = bz_resilient_new ("meal_detection", "fake", &cfg, &k);

  /* closed -> open after 3 consecutive failures. */
  for (guint i = 0; i < 3; i++)
    {
      assert_breaker (r, BZ_BREAKER_CLOSED);
      a = run (r, &fd, NULL, TRUE, &src, &error);
      g_assert_no_error (error);
      g_assert_cmpint (src, ==, BZ_RESILIENT_LOCAL);
      json_node_unref (a);
    }
  g_assert_cmpuint (fd.calls, ==, 3);
  assert_breaker (r, BZ_BREAKER_OPEN);

  /* Open: the remote is not called. */
  a = run (r, &fu, NULL, TRUE, &src, &error);
  g_assert_no_error (error);
  g_assert_cmpint (src, ==, BZ_RESILIENT_LOCAL);
  g_assert_cmpuint (fu.calls, ==, 0);
  json_node_unref (a);

  /* Still open 1 µs before the cool-down's end; half-open at it. */
  c.now += cfg.breaker_cooldown_ms * 1000 - 1;
  assert_breaker (r, BZ_BREAKER_OPEN);
  c.now += 1;
  assert_breaker (r, BZ_BREAKER_HALF_OPEN);

  /* half-open -> open: the probe fails; the cool-down starts again. */
  a = run (r, &fd, NULL, TRUE, &src, &error);
  g_assert_no_error (error);
  json_node_unref (a);
  g_assert_cmpuint (fd.calls, ==, 4);
  assert_breaker (r, BZ_BREAKER_OPEN);
  c.now += cfg.breaker_cooldown_ms * 1000 / 2;
  assert_breaker (r, BZ_BREAKER_OPEN);
  c.now += cfg.breaker_cooldown_ms * 1000 / 2;
  assert_breaker (r, BZ_BREAKER_HALF_OPEN);

  /* half-open -> closed: the probe succeeds. */
  a = run (r, &fu, NULL, TRUE, &src, &error);
  g_assert_no_error (error);
  g_assert_cmpint (src, ==, BZ_RESILIENT_REMOTE);
  g_assert_cmpuint (fu.calls, ==, 1);
  json_node_unref (a);
  assert_breaker (r, BZ_BREAKER_CLOSED);

  /* Refusals of our request do not count: closed after many. */
  {
    static const Step refused[] = { { BZ_INTEGRATION_ERROR_INVALID_REQUEST, FALSE, 0 } };
    Fake fr = { refused, 1 };
    for (guint i = 0; i < 5; i++)
      {
        g_assert_null (run (r, &fr, NULL, TRUE, &src, &error));
        g_clear_error (&error);
      }
    assert_breaker (r, BZ_BREAKER_CLOSED);
  }
}

static void
test_breaker_error_rate (void)
{
  BzResilientConfig cfg = config ();
  FakeClock c = { 0 };
  BzResilientClock k = clock_of (&c);
  g_autoptr(BzResilient) r = NULL;
  /* Never two failures in a row: only the rate can open it. */
  static const Step alternate[] = { OK, DOWN, OK, DOWN, OK, DOWN, OK, DOWN };
  Fake f = { alternate, 8 };
  GError *error = NULL;

  cfg.max_attempts = 1;
  cfg.breaker_failures = 100;
  cfg.breaker_min_calls = 6;
  cfg.breaker_error_rate = 0.5;
  r = bz_resilient_new ("chat", "fake", &cfg, &k);
  for (guint i = 0; i < 5; i++)
    {
      json_node_unref (run (r, &f, NULL, TRUE, NULL, &error));
      g_assert_no_error (error);
      assert_breaker (r, BZ_BREAKER_CLOSED);    /* fewer than 6 attempts: the rate does not count yet */
    }
  json_node_unref (run (r, &f, NULL, TRUE, NULL, &error));
  assert_breaker (r, BZ_BREAKER_OPEN);          /* 3 of 6 */

  /* Attempts older than the window are forgotten. */
  {
    BzResilientStats s;
    bz_resilient_get_stats (r, &s);
    g_assert_cmpfloat (s.error_rate, ==, 0.5);
    bz_resilient_stats_clear (&s);
    c.now += cfg.breaker_window_ms * 1000 + 1;
    bz_resilient_get_stats (r, &s);
    g_assert_cmpfloat (s.error_rate, ==, 0.0);
    bz_resilient_stats_clear (&s);
  }
}

static void
test_token_bucket (void)
{
  BzResilientConfig cfg = config ();
  FakeClock c = { 0 };
  BzResilientClock k = clock_of (&c);
  g_autoptr(BzResilient) r = NULL;
  static const Step up[] = { OK };
  Fake f = { up, 1 };
  BzResilientSource src;
  GError *error = NULL;

  cfg.bucket_capacity = 2;
  cfg.bucket_per_s = 0.5;      /* a token every 2 s */
  r = bz_resilient_new ("chat", "fake", &cfg, &k);
  for (guint i = 0; i < 2; i++)
    {
      json_node_unref (run (r, &f, NULL, TRUE, &src, &error));
      g_assert_cmpint (src, ==, BZ_RESILIENT_REMOTE);
    }
  /* Empty: the remote is not called; the local answers. */
  json_node_unref (run (r, &f, NULL, TRUE, &src, &error));
  g_assert_no_error (error);
  g_assert_cmpint (src, ==, BZ_RESILIENT_LOCAL);
  g_assert_cmpuint (f.calls, ==, 2);
  /* 1.9 s later still none; at 2 s one. */
  c.now += 1900 * 1000;
  json_node_unref (run (r, &f, NULL, TRUE, &src, &error));
  g_assert_cmpint (src, ==, BZ_RESILIENT_LOCAL);
  c.now += 100 * 1000;
  json_node_unref (run (r, &f, NULL, TRUE, &src, &error));
  g_assert_cmpint (src, ==, BZ_RESILIENT_REMOTE);
  g_assert_cmpuint (f.calls, ==, 3);
  /* Never more than the capacity, however long idle. */
  c.now += G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC;
  {
    BzResilientStats s;
    bz_resilient_get_stats (r, &s);
    g_assert_cmpfloat (s.tokens, ==, 2.0);
    bz_resilient_stats_clear (&s);
  }
}

static void
test_quota (void)
{
  BzResilientConfig cfg = config ();
  FakeClock c = { 0 };
  BzResilientClock k = clock_of (&c);
  g_autoptr(BzResilient) calls = NULL, cost = NULL;
  static const Step up[] = { OK };
  Fake f = { up, 1 }, g = { up, 1, 0, 4.0 };
  BzResilientSource src;
  BzResilientStats s;
  GError *error = NULL;

  cfg.monthly_calls = 2;
  calls = bz_resilient_new ("diet_planning", "fake", &cfg, &k);
  json_node_unref (run (calls, &f, "a", TRUE, &src, &error));
  json_node_unref (run (calls, &f, "b", TRUE, &src, &error));
  g_assert_cmpint (src, ==, BZ_RESILIENT_REMOTE);
  /* Used up: a new key falls back to the local provider, a known one to its
   * cached answer; the remote is not called. */
  json_node_unref (run (calls, &f, "c", TRUE, &src, &error));
  g_assert_no_error (error);
  g_assert_cmpint (src, ==, BZ_RESILIENT_LOCAL);
  json_node_unref (run (calls, &f, "a", TRUE, &src, &error));
  g_assert_cmpint (src, ==, BZ_RESILIENT_CACHED);
  g_assert_cmpuint (f.calls, ==, 2);
  bz_resilient_get_stats (calls, &s);
  g_assert_cmpuint (s.quota_calls_used, ==, 2);
  g_assert_cmpuint (s.quota_calls_limit, ==, 2);
  g_assert_cmpstr (bz_resilient_health (&s), ==, "degraded");
  bz_resilient_stats_clear (&s);
  /* Without a fallback: manual entry. */
  g_assert_null (run (calls, &f, "d", FALSE, &src, &error));
  g_assert_error (error, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_MANUAL_ENTRY);
  g_clear_error (&error);
  /* A new month (UTC) starts a new quota. */
  c.now = T0 + G_GINT64_CONSTANT (16) * 24 * 3600 * G_USEC_PER_SEC;   /* 2026-12-01 12:00 */
  json_node_unref (run (calls, &f, "d", TRUE, &src, &error));
  g_assert_cmpint (src, ==, BZ_RESILIENT_REMOTE);

  /* The cost quota: 4 MXN a call, 10 a month: the third call is refused. */
  cfg.monthly_calls = 0;
  cfg.monthly_cost = 10;
  cost = bz_resilient_new ("meal_detection", "fake", &cfg, &k);
  for (guint i = 0; i < 3; i++)
    {
      json_node_unref (run (cost, &g, NULL, TRUE, &src, &error));
      g_assert_cmpint (src, ==, BZ_RESILIENT_REMOTE);
    }
  json_node_unref (run (cost, &g, NULL, TRUE, &src, &error));
  g_assert_cmpint (src, ==, BZ_RESILIENT_LOCAL);
  g_assert_cmpuint (g.calls, ==, 3);
  bz_resilient_get_stats (cost, &s);
  g_assert_cmpfloat (s.quota_cost_used, ==, 12.0);
  bz_resilient_stats_clear (&s);
}

static void
test_cached_when_open (void)
{
  BzResilientConfig cfg = config ();
  FakeClock c = { 0 };
  BzResilientClock k = clock_of (&c);
  g_autoptr(BzResilient) r = NULL;
  static const Step script[] = { OK, OK, DOWN };
  Fake f = { script, 3 };
  g_autoptr(JsonNode) first = NULL, again = NULL;
  BzResilientSource src;
  GError *error = NULL;

  cfg.max_attempts = 1;
  cfg.breaker_failures = 1;
  r = bz_resilient_new ("diet_planning", "fake", &cfg, &k);
  first = run (r, &f, "patient-1", FALSE, &src, &error);
  g_assert_cmpint (member_n (first), ==, 1);
  json_node_unref (run (r, &f, "patient-2", FALSE, &src, &error));
  /* The third call fails and opens the breaker: patient-1's last good answer. */
  again = run (r, &f, "patient-1", FALSE, &src, &error);
  g_assert_no_error (error);
  g_assert_cmpint (src, ==, BZ_RESILIENT_CACHED);
  g_assert_true (json_node_equal (first, again));
  assert_breaker (r, BZ_BREAKER_OPEN);
  g_assert_cmpuint (f.calls, ==, 3);
  /* Open: cached without calling; an unknown key with no local: manual. */
  json_node_unref (run (r, &f, "patient-2", FALSE, &src, &error));
  g_assert_cmpint (src, ==, BZ_RESILIENT_CACHED);
  g_assert_null (run (r, &f, "patient-3", FALSE, &src, &error));
  g_assert_error (error, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_MANUAL_ENTRY);
  g_clear_error (&error);
  g_assert_cmpuint (f.calls, ==, 3);
  {
    BzResilientStats s;
    bz_resilient_get_stats (r, &s);
    g_assert_cmpuint (s.served_remote, ==, 2);
    g_assert_cmpuint (s.served_cached, ==, 2);
    g_assert_cmpuint (s.manual, ==, 1);
    g_assert_cmpstr (bz_resilient_health (&s), ==, "down");
    g_assert_nonnull (s.last_error);
    bz_resilient_stats_clear (&s);
  }
}

typedef struct
{
  char *month;
  guint64 calls;
} Usage;

static void
on_usage (BzResilient *r, const char *month, guint64 calls, double cost, gpointer data)
{
  Usage *u = data;
  g_free (u->month);
  u->month = g_strdup (month);
  u->calls += calls;
}

static void
test_usage (void)
{
  BzResilientConfig cfg = config ();
  FakeClock c = { 0 };
  BzResilientClock k = clock_of (&c);
  g_autoptr(BzResilient) r = NULL;
  static const Step up[] = { OK };
  Fake f = { up, 1 };
  Usage u = { 0 };
  g_autofree char *month = NULL;
  BzResilientSource src;
  BzResilientStats s;
  GError *error = NULL;

  cfg.monthly_calls = 3;
  r = bz_resilient_new ("chat", "fake", &cfg, &k);
  bz_resilient_set_usage_func (r, on_usage, &u);
  month = bz_resilient_dup_month (r);
  g_assert_cmpstr (month, ==, "2026-11");

  /* Last month's usage does not count. */
  bz_resilient_restore_usage (r, "2026-10", 3, 0);
  json_node_unref (run (r, &f, NULL, TRUE, &src, &error));
  g_assert_cmpint (src, ==, BZ_RESILIENT_REMOTE);
  g_assert_cmpstr (u.month, ==, "2026-11");
  g_assert_cmpuint (u.calls, ==, 1);

  /* This month's (an earlier run's 3 calls, of which this run's 1): the
   * quota is used up, the larger figure wins. */
  bz_resilient_restore_usage (r, "2026-11", 3, 1.5);
  bz_resilient_restore_usage (r, "2026-11", 3, 1.5);
  json_node_unref (run (r, &f, NULL, TRUE, &src, &error));
  g_assert_cmpint (src, ==, BZ_RESILIENT_LOCAL);
  g_assert_cmpuint (f.calls, ==, 1);
  g_assert_cmpuint (u.calls, ==, 1);
  bz_resilient_get_stats (r, &s);
  g_assert_cmpuint (s.quota_calls_used, ==, 3);
  g_assert_cmpfloat (s.quota_cost_used, ==, 1.5);
  bz_resilient_stats_clear (&s);
  g_free (u.month);
}

static gboolean
reject_unless_ok (JsonNode *answer, GError **error)
{
  if (JSON_NODE_HOLDS_OBJECT (answer) && json_object_has_member (json_node_get_object (answer), "from"))
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no \"from\"");
  return FALSE;
}

static void
test_validation (void)
{
  FakeClock c = { 0 };
  BzResilientClock k = clock_of (&c);
  g_autoptr(BzResilient) r = bz_resilient_new ("chat", "fake", NULL, &k);
  static const Step up[] = { OK };
  Fake f = { up, 1 };
  BzResilientSource src;
  GError *error = NULL;
  BzResilientStats s;

  /* The remote's answer lacks "from": not used, not cached, not retried. */
  bz_resilient_set_validator (r, reject_unless_ok);
  json_node_unref (run (r, &f, "k", TRUE, &src, &error));
  g_assert_no_error (error);
  g_assert_cmpint (src, ==, BZ_RESILIENT_LOCAL);
  g_assert_cmpuint (f.calls, ==, 1);
  bz_resilient_get_stats (r, &s);
  g_assert_cmpuint (s.failures, ==, 1);
  g_assert_nonnull (strstr (s.last_error, "schema"));
  bz_resilient_stats_clear (&s);
}

static void
test_cancellation (void)
{
  FakeClock c = { 0 };
  BzResilientClock k = clock_of (&c);
  g_autoptr(BzResilient) r = bz_resilient_new ("chat", "fake", NULL, &k);
  static const Step down[] = { DOWN };
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  Fake f = { down, 1 };
  BzResilientRequest req = { "/fake", "k", fake_call, &f, local_call, NULL };
  GError *error = NULL;

  /* Cancelled before: nothing is called. */
  local_calls = 0;
  g_cancellable_cancel (cancel);
  g_assert_null (bz_resilient_call (r, &req, cancel, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (f.calls, ==, 0);

  /* Cancelled during an attempt: no retry, no fallback, not a failure. */
  g_cancellable_reset (cancel);
  f.cancel_on_call = cancel;
  g_assert_null (bz_resilient_call (r, &req, cancel, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (f.calls, ==, 1);
  g_assert_cmpuint (c.sleeps, ==, 0);
  g_assert_cmpuint (local_calls, ==, 0);
  {
    BzResilientStats s;
    bz_resilient_get_stats (r, &s);
    g_assert_cmpuint (s.failures, ==, 0);
    bz_resilient_stats_clear (&s);
  }
}

/* A provider that hangs until its cancellable fires. */
typedef struct
{
  GMutex lock;
  GCond cond;
  gboolean started;
} Hang;

static JsonNode *
hang_call (gpointer data, GCancellable *cancellable, double *out_cost, GError **error)
{
  Hang *h = data;
  GPollFD fd;

  g_mutex_lock (&h->lock);
  h->started = TRUE;
  g_cond_broadcast (&h->cond);
  g_mutex_unlock (&h->lock);
  g_assert_true (g_cancellable_make_pollfd (cancellable, &fd));
  g_poll (&fd, 1, -1);
  g_cancellable_release_fd (cancellable);
  g_cancellable_set_error_if_cancelled (cancellable, error);
  return NULL;
}

static void
on_done (GObject *source, GAsyncResult *res, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (res);
}

static void
test_async_cancel_and_deadline (void)
{
  BzResilientConfig cfg = config ();
  g_autoptr(BzResilient) r = NULL;
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  GAsyncResult *res = NULL;
  Hang h = { 0 };
  BzResilientRequest req = { "/hang", NULL, hang_call, &h, local_call, NULL };
  GError *error = NULL;
  BzResilientSource src;
  JsonNode *a;

  g_mutex_init (&h.lock);
  g_cond_init (&h.cond);
  cfg.max_attempts = 1;
  r = bz_resilient_new ("chat", "fake", &cfg, NULL);

  /* On a GTask thread, cancelled by the caller while the provider hangs. */
  local_calls = 0;
  bz_resilient_call_async (r, &req, cancel, on_done, &res);
  g_mutex_lock (&h.lock);
  while (!h.started)
    g_cond_wait (&h.cond, &h.lock);
  g_mutex_unlock (&h.lock);
  g_cancellable_cancel (cancel);
  while (res == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (bz_resilient_call_finish (r, res, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&res);
  g_assert_cmpuint (local_calls, ==, 0);

  /* The deadline stops a provider that hangs (real time, 20 ms): a time-out,
   * then the local answer. */
  cfg.deadline_ms = 20;
  bz_resilient_free (g_steal_pointer (&r));
  r = bz_resilient_new ("chat", "fake", &cfg, NULL);
  h.started = FALSE;
  bz_resilient_call_async (r, &req, NULL, on_done, &res);
  while (res == NULL)
    g_main_context_iteration (NULL, TRUE);
  a = bz_resilient_call_finish (r, res, &src, &error);
  g_assert_no_error (error);
  g_assert_cmpint (src, ==, BZ_RESILIENT_LOCAL);
  json_node_unref (a);
  g_clear_object (&res);
  {
    BzResilientStats s;
    bz_resilient_get_stats (r, &s);
    g_assert_cmpuint (s.failures, ==, 1);
    g_assert_nonnull (strstr (s.last_error, "deadline"));
    bz_resilient_stats_clear (&s);
  }
  g_mutex_clear (&h.lock);
  g_cond_clear (&h.cond);
}

/* Half-open lets one probe through: while it runs, calls skip the remote;
 * a cancelled probe is no verdict, and the next call probes. */
static void
test_half_open_one_probe (void)
{
  BzResilientConfig cfg = config ();
  FakeClock c = { 0 };
  BzResilientClock k = clock_of (&c);
  g_autoptr(BzResilient) r = NULL;
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  static const Step down[] = { DOWN }, up[] = { OK };
  Fake fd = { down, 1 }, fu = { up, 1 };
  Hang h = { 0 };
  BzResilientRequest probe = { "/hang", NULL, hang_call, &h, local_call, NULL };
  GAsyncResult *res = NULL;
  BzResilientSource src;
  GError *error = NULL;

  g_mutex_init (&h.lock);
  g_cond_init (&h.cond);
  cfg.max_attempts = 1;
  cfg.breaker_failures = 1;
  r = bz_resilient_new ("chat", "fake", &cfg, &k);
  json_node_unref (run (r, &fd, NULL, TRUE, NULL, &error));
  assert_breaker (r, BZ_BREAKER_OPEN);
  c.now += cfg.breaker_cooldown_ms * 1000;

  bz_resilient_call_async (r, &probe, cancel, on_done, &res);
  g_mutex_lock (&h.lock);
  while (!h.started)
    g_cond_wait (&h.cond, &h.lock);
  g_mutex_unlock (&h.lock);
  json_node_unref (run (r, &fu, NULL, TRUE, &src, &error));
  g_assert_no_error (error);
  g_assert_cmpint (src, ==, BZ_RESILIENT_LOCAL);
  g_assert_cmpuint (fu.calls, ==, 0);

  g_cancellable_cancel (cancel);
  while (res == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (bz_resilient_call_finish (r, res, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&res);
  assert_breaker (r, BZ_BREAKER_HALF_OPEN);
  json_node_unref (run (r, &fu, NULL, TRUE, &src, &error));
  g_assert_cmpint (src, ==, BZ_RESILIENT_REMOTE);
  assert_breaker (r, BZ_BREAKER_CLOSED);
  g_mutex_clear (&h.lock);
  g_cond_clear (&h.cond);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/resilient/retries-only-retryable", test_retries_only_retryable);
  g_test_add_func ("/resilient/backoff-bounds", test_backoff_bounds);
  g_test_add_func ("/resilient/breaker", test_breaker);
  g_test_add_func ("/resilient/breaker-error-rate", test_breaker_error_rate);
  g_test_add_func ("/resilient/token-bucket", test_token_bucket);
  g_test_add_func ("/resilient/quota", test_quota);
  g_test_add_func ("/resilient/cached-when-open", test_cached_when_open);
  g_test_add_func ("/resilient/usage", test_usage);
  g_test_add_func ("/resilient/validation", test_validation);
  g_test_add_func ("/resilient/cancellation", test_cancellation);
  g_test_add_func ("/resilient/async-cancel-and-deadline", test_async_cancel_and_deadline);
  g_test_add_func ("/resilient/half-open-one-probe", test_half_open_one_probe);
  return g_test_run ();
}
