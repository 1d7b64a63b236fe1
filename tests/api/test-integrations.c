/* test-integrations.c — /api/integrations (issue 11): the health of the
 * providers and webhooks, and webhook deliveries end to end with the jobs'
 * clock under the test's control (bz_jobs_set_test_now_ms()), a job runner
 * of its own with only the webhook handler.
 *
 * Run from test-api's binary (test-api.c registers test_integrations()
 * before its last test), so its responses go through the OpenAPI schema
 * check and its operations count in the every-operation check.
 *
 * Providers: "testpay" (a counting processor), "flaky" (a processor that
 * always fails: retried, then parked); their secrets are set in the
 * environment (BALANZA_WEBHOOK_SECRET_<PROVIDER>) before the first delivery. */
#include "bz-api-fixture.h"

#include "bz-integration-repo.h"
#include "bz-integration-service.h"
#include "bz-jobs.h"
#include "bz-resilient.h"
#include "bz-store.h"

void test_integrations (void);

#define SECRET "whsec_test_3f8a1c9d2b7e4f60a5d1"
#define FLAKY_SECRET "whsec_flaky_9e2d7c4b1a0f8e6d"
/* 2027-01-11 12:00:00 UTC. */
#define NOW_MS G_GINT64_CONSTANT (1799668800000)

static guint testpay_processed;

static gboolean
count_testpay (BzStore *store, const char *provider, const char *event_type, JsonObject *event,
               GCancellable *cancellable, gpointer user_data, GError **error)
{
  g_atomic_int_inc (&testpay_processed);
  return TRUE;
}

static gboolean
always_fail (BzStore *store, const char *provider, const char *event_type, JsonObject *event,
             GCancellable *cancellable, gpointer user_data, GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the downstream system said no");
  return FALSE;
}

/* POSTs @body to the webhook of @provider with @signature (NULL: none). */
static BzApiResponse *
deliver (const char *provider, const char *body, gsize len, const char *signature, const char *content_type)
{
  g_autofree char *path = g_strconcat ("/api/integrations/webhooks/", provider, NULL);
  const char *headers[] = { BZ_WEBHOOK_SIGNATURE_HEADER, signature, NULL };

  return bz_api_call (bz_api_shared (), "POST", path, NULL, content_type ? content_type : "application/json",
                      body, len, signature ? headers : NULL);
}

/* POSTs @body signed with @secret at @at_s. */
static BzApiResponse *
deliver_signed (const char *provider, const char *secret, const char *body, gint64 at_s)
{
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autofree char *sig = bz_integrations_sign_webhook (secret, at_s, bytes);
  return deliver (provider, body, strlen (body), sig, NULL);
}

static gint64
count_where (const char *sql, const char *arg)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (api->store), sql, &error);

  g_assert_no_error (error);
  if (arg)
    sqlite3_bind_text (st, 1, arg, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  return sqlite3_column_int64 (st, 0);
}

static gint64
webhook_jobs (void)
{
  return count_where ("SELECT count(*) FROM jobs WHERE kind = ?1", BZ_INTEGRATION_WEBHOOK_JOB);
}

/* The state, attempts and last error of the delivery @delivery_id. */
static char *
event_state (const char *delivery_id, int *out_attempts)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (api->store),
      "SELECT state, attempts FROM integration_events WHERE delivery_id = ?1", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (st, 1, delivery_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (st) != SQLITE_ROW)
    return g_strdup ("");
  if (out_attempts)
    *out_attempts = sqlite3_column_int (st, 1);
  return g_strdup ((const char *) sqlite3_column_text (st, 0));
}

/* Moves the clock to @ms, wakes @runner and waits (at most 10 s) until the
 * delivery @delivery_id is in @state with @attempts. */
static void
run_until (BzJobRunner *runner, gint64 ms, const char *delivery_id, const char *state, int attempts)
{
  bz_jobs_set_test_now_ms (ms);
  bz_job_runner_wake (runner);
  for (guint i = 0; i < 1000; i++)
    {
      int n = -1;
      g_autofree char *now = event_state (delivery_id, &n);
      if (g_str_equal (now, state) && n == attempts)
        return;
      g_usleep (10000);
    }
  g_error ("delivery %s never reached %s after %d attempts", delivery_id, state, attempts);
}

/* The run_at of the job keyed @key ("event:<id>:<attempt>"); -1 when none. */
static gint64
job_run_at (const char *key)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (api->store),
      "SELECT run_at FROM jobs WHERE kind = 'integration.webhook' AND idempotency_key = ?1", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (st, 1, key, -1, SQLITE_TRANSIENT);
  return sqlite3_step (st) == SQLITE_ROW ? sqlite3_column_int64 (st, 0) : -1;
}

static JsonObject *
find (JsonArray *a, const char *member, const char *value)
{
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);
      if (g_strcmp0 (json_object_get_string_member (o, member), value) == 0)
        return o;
    }
  return NULL;
}

/* Refusals: each leaves events and jobs as they were. */
static void
test_refusals (gint64 now_s)
{
  static const char body[] = "{\"id\":\"evt_refused\",\"type\":\"invoice.paid\"}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (body, strlen (body));
  gint64 events = bz_api_count (bz_api_shared (), "integration_events"), jobs = webhook_jobs ();

  /* A signature by another secret; no signature; a malformed one. */
  {
    g_autoptr(BzApiResponse) r = deliver_signed ("testpay", "whsec_not_the_right_one_000", body, now_s);
    bz_api_expect (r, 401);
    g_assert_cmpstr (bz_api_error_code (r), ==, "UNAUTHENTICATED");
  }
  {
    g_autoptr(BzApiResponse) r = deliver ("testpay", body, strlen (body), NULL, NULL);
    bz_api_expect (r, 401);
  }
  {
    g_autoptr(BzApiResponse) r = deliver ("testpay", body, strlen (body), "v1=abc, t=", NULL);
    bz_api_expect (r, 401);
  }
  /* The right secret over other bytes (the body changed in transit). */
  {
    g_autofree char *sig = bz_integrations_sign_webhook (SECRET, now_s, bytes);
    static const char tampered[] = "{\"id\":\"evt_refused\",\"type\":\"invoice.refunded\"}";
    g_autoptr(BzApiResponse) r = deliver ("testpay", tampered, strlen (tampered), sig, NULL);
    bz_api_expect (r, 401);
  }
  /* Stale by 301 s, or 301 s in the future: replays; at 300 s it passes
   * the window (and is stored: the last check). */
  {
    g_autoptr(BzApiResponse) r = deliver_signed ("testpay", SECRET, body, now_s - BZ_WEBHOOK_TOLERANCE_S - 1);
    bz_api_expect (r, 401);
    g_assert_cmpstr (bz_api_error_code (r), ==, "UNAUTHENTICATED");
  }
  {
    g_autoptr(BzApiResponse) r = deliver_signed ("testpay", SECRET, body, now_s + BZ_WEBHOOK_TOLERANCE_S + 1);
    bz_api_expect (r, 401);
  }
  /* A provider without a secret has no webhook; nor has a bad name. */
  {
    g_autoptr(BzApiResponse) r = deliver_signed ("nosecret", SECRET, body, now_s);
    bz_api_expect (r, 404);
  }
  {
    g_autoptr(BzApiResponse) r = deliver_signed ("TestPay", SECRET, body, now_s);
    bz_api_expect (r, 404);
  }
  /* Over 64 KiB, even well signed. */
  {
    GString *big = g_string_new ("{\"id\":\"evt_big\",\"type\":\"x\",\"pad\":\"");
    g_autoptr(BzApiResponse) r = NULL;
    while (big->len <= BZ_WEBHOOK_BODY_MAX)
      g_string_append (big, "0123456789abcdef");
    g_string_append (big, "\"}");
    r = deliver_signed ("testpay", SECRET, big->str, now_s);
    bz_api_expect (r, 413);
    g_string_free (big, TRUE);
  }
  /* Well signed, but not a usable event: not JSON, no id, no type, a type
   * too long, not application/json. */
  {
    g_autoptr(BzApiResponse) r = deliver_signed ("testpay", SECRET, "{\"id\":", now_s);
    bz_api_expect (r, 400);
  }
  {
    g_autoptr(BzApiResponse) r = deliver_signed ("testpay", SECRET, "{\"type\":\"invoice.paid\",\"id\":7}", now_s);
    bz_api_expect (r, 400);
    g_assert_true (bz_api_has_detail (r, "id"));
  }
  {
    g_autofree char *long_type = g_strnfill (101, 'x');
    g_autofree char *b = g_strdup_printf ("{\"id\":\"evt_long\",\"type\":\"%s\"}", long_type);
    g_autoptr(BzApiResponse) r = deliver_signed ("testpay", SECRET, b, now_s);
    bz_api_expect (r, 400);
    g_assert_true (bz_api_has_detail (r, "type"));
  }
  {
    g_autofree char *sig = bz_integrations_sign_webhook (SECRET, now_s, bytes);
    g_autoptr(BzApiResponse) r = deliver ("testpay", body, strlen (body), sig, "text/plain");
    bz_api_expect (r, 415);
  }
  g_assert_cmpint (bz_api_count (bz_api_shared (), "integration_events"), ==, events);
  g_assert_cmpint (webhook_jobs (), ==, jobs);

  /* The edge of the window is inside it. */
  {
    g_autoptr(BzApiResponse) r = deliver_signed ("testpay", SECRET, body, now_s - BZ_WEBHOOK_TOLERANCE_S);
    bz_api_expect (r, 202);
  }
}

static JsonNode *
answer_hola (gpointer data, GCancellable *cancellable, double *out_cost, GError **error)
{
  JsonNode *n = json_node_new (JSON_NODE_OBJECT);
  JsonObject *o = json_object_new ();
  json_object_set_string_member (o, "reply", "hola");
  json_node_take_object (n, o);
  *out_cost = 0.25;
  return n;
}

/* A provider's monthly usage: an earlier run's counts against its quota,
 * and each attempt is stored; health shows both. */
static void
test_usage (const char *nutri)
{
  BzApi *api = bz_api_shared ();
  BzResilientConfig cfg;
  BzResilient *r;
  BzResilientRequest req = { "/v1/chat/completions", "q1", answer_hola, NULL, NULL, NULL };
  g_autofree char *month = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) a = NULL;
  gint64 calls = 0;
  double cost = 0;

  bz_resilient_config_init (&cfg);
  cfg.monthly_calls = 5;
  r = bz_resilient_new ("chat", "apitest", &cfg, NULL);
  month = bz_resilient_dup_month (r);
  g_assert_true (bz_integration_repo_add_usage (api->store, "chat", "apitest", month, 2, 1.5, &error));
  bz_integrations_register (api->services, r);
  g_assert_true (bz_integrations_lookup (api->services, "chat", "apitest") == r);
  a = bz_resilient_call (r, &req, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bz_integration_repo_get_usage (api->store, "chat", "apitest", month, &calls, &cost, &error));
  g_assert_cmpint (calls, ==, 3);
  g_assert_cmpfloat_with_epsilon (cost, 1.75, 1e-9);
  {
    g_autoptr(BzApiResponse) h = bz_api_json (api, "GET", "/api/integrations/health", nutri, NULL);
    JsonObject *p;
    bz_api_expect (h, 200);
    p = find (json_object_get_array_member (bz_api_data (h), "providers"), "name", "apitest");
    g_assert_nonnull (p);
    g_assert_cmpstr (json_object_get_string_member (p, "kind"), ==, "chat");
    g_assert_cmpint (json_object_get_int_member (p, "quota_calls_used"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (p, "quota_calls_limit"), ==, 5);
    g_assert_cmpint (json_object_get_int_member (p, "attempts"), ==, 1);
    g_assert_false (json_object_get_null_member (p, "last_check"));
    g_assert_true (json_object_get_null_member (p, "quota_cost_limit"));
    g_assert_cmpstr (json_object_get_string_member (p, "status"), ==, "healthy");
  }
  /* Unregistered: no later test of this binary sees it; health no longer shows it. */
  g_assert_true (bz_integrations_unregister (api->services, "chat", "apitest"));
  g_assert_null (bz_integrations_lookup (api->services, "chat", "apitest"));
  g_assert_false (bz_integrations_unregister (api->services, "chat", "apitest"));
  {
    g_autoptr(BzApiResponse) h = bz_api_json (api, "GET", "/api/integrations/health", nutri, NULL);
    bz_api_expect (h, 200);
    g_assert_null (find (json_object_get_array_member (bz_api_data (h), "providers"), "name", "apitest"));
  }
}

void
test_integrations (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *nutri = bz_api_register (api, "int-nutri@test.local", "nutritionist", NULL);
  g_autofree char *patient = bz_api_register (api, "int-patient@test.local", "patient", NULL);
  g_autoptr(BzJobRunner) runner = NULL;
  gint64 now_s = NOW_MS / 1000;
  static const char first[] = "{\"id\":\"evt_001\",\"type\":\"invoice.paid\",\"data\":{\"amount\":45000}}";

  g_setenv (BZ_WEBHOOK_SECRET_ENV_PREFIX "TESTPAY", SECRET, TRUE);
  g_setenv (BZ_WEBHOOK_SECRET_ENV_PREFIX "FLAKY", FLAKY_SECRET, TRUE);
  g_setenv (BZ_WEBHOOK_SECRET_ENV_PREFIX "SHORT", "too-short", TRUE);
  bz_integrations_set_webhook_processor ("testpay", count_testpay, NULL);
  bz_integrations_set_webhook_processor ("flaky", always_fail, NULL);
  bz_jobs_set_test_now_ms (NOW_MS);
  runner = bz_job_runner_new (api->store);
  bz_integrations_register_jobs (runner);
  bz_job_runner_set_timing (runner, BZ_JOBS_LEASE_MS, 20);
  bz_job_runner_start (runner);

  /* The signature is the standard HMAC-SHA256: a known answer (Python's
   * hmac.new (secret, b"1799668800." + body, hashlib.sha256), and
   * `openssl dgst -sha256 -hmac` agree). */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (first, strlen (first));
    g_autofree char *sig = bz_integrations_sign_webhook (SECRET, now_s, bytes);
    g_assert_cmpstr (sig, ==, "t=1799668800,v1=ff8a4eac39b080b4b0056bad7f9317dc86508eec0e1575db6c278e3c6b663930");
  }

  /* A good delivery: 202 at once, stored, then processed by the runner. */
  {
    g_autoptr(BzApiResponse) r = deliver_signed ("testpay", SECRET, first, now_s);
    JsonObject *d;
    bz_api_expect (r, 202);
    d = bz_api_data (r);
    g_assert_false (json_object_get_boolean_member (d, "duplicate"));
    g_assert_cmpstr (json_object_get_string_member (d, "delivery_id"), ==, "evt_001");
    g_assert_cmpstr (json_object_get_string_member (d, "provider"), ==, "testpay");
    g_assert_cmpstr (json_object_get_string_member (d, "event_type"), ==, "invoice.paid");
    run_until (runner, NOW_MS, "evt_001", "processed", 1);
    g_assert_cmpuint (g_atomic_int_get (&testpay_processed), ==, 1);
  }
  /* Replayed (a new signature, the same event id): acknowledged, not stored
   * or processed again. */
  {
    gint64 events = bz_api_count (api, "integration_events"), jobs = webhook_jobs ();
    g_autoptr(BzApiResponse) r = deliver_signed ("testpay", SECRET, first, now_s + 60);
    bz_api_expect (r, 202);
    g_assert_true (json_object_get_boolean_member (bz_api_data (r), "duplicate"));
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "state"), ==, "processed");
    g_assert_cmpint (bz_api_count (api, "integration_events"), ==, events);
    g_assert_cmpint (webhook_jobs (), ==, jobs);
    g_assert_cmpuint (g_atomic_int_get (&testpay_processed), ==, 1);
    g_assert_cmpint (count_where ("SELECT count(*) FROM integration_events WHERE delivery_id = ?1", "evt_001"), ==, 1);
  }

  test_refusals (now_s);
  /* A secret under 16 bytes is not used: no webhook. */
  {
    g_autoptr(BzApiResponse) r = deliver_signed ("short", "too-short", first, now_s);
    bz_api_expect (r, 404);
  }

  /* A processor that fails: attempts at t, t + 2 s, t + 2 s + 4 s, then parked. */
  {
    static const char body[] = "{\"id\":\"evt_flaky\",\"type\":\"account.updated\"}";
    g_autoptr(BzApiResponse) r = deliver_signed ("flaky", FLAKY_SECRET, body, now_s);
    g_autofree char *k2 = NULL, *k3 = NULL, *k4 = NULL;
    gint64 id;
    bz_api_expect (r, 202);
    id = json_object_get_int_member (bz_api_data (r), "event_id");
    k2 = g_strdup_printf ("event:%" G_GINT64_FORMAT ":2", id);
    k3 = g_strdup_printf ("event:%" G_GINT64_FORMAT ":3", id);
    k4 = g_strdup_printf ("event:%" G_GINT64_FORMAT ":4", id);
    run_until (runner, NOW_MS, "evt_flaky", "retrying", 1);
    g_assert_cmpint (job_run_at (k2), ==, NOW_MS + 2000);
    run_until (runner, NOW_MS + 2000, "evt_flaky", "retrying", 2);
    g_assert_cmpint (job_run_at (k3), ==, NOW_MS + 2000 + 4000);
    run_until (runner, NOW_MS + 6000, "evt_flaky", "failed", 3);
    g_assert_cmpint (job_run_at (k4), ==, -1);
  }

  /* Health: staff only; the embedded providers, and the webhooks' figures. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/integrations/health", nutri, NULL);
    JsonObject *d, *local, *testpay, *flaky;
    bz_api_expect (r, 200);
    d = bz_api_data (r);
    local = find (json_object_get_array_member (d, "providers"), "kind", "diet_planning");
    g_assert_nonnull (local);
    g_assert_cmpstr (json_object_get_string_member (local, "name"), ==, "local");
    g_assert_cmpstr (json_object_get_string_member (local, "breaker_state"), ==, "closed");
    g_assert_cmpstr (json_object_get_string_member (local, "status"), ==, "healthy");
    g_assert_true (json_object_get_null_member (local, "quota_calls_limit"));
    testpay = find (json_object_get_array_member (d, "webhooks"), "provider", "testpay");
    flaky = find (json_object_get_array_member (d, "webhooks"), "provider", "flaky");
    g_assert_nonnull (testpay);
    g_assert_nonnull (flaky);
    g_assert_true (json_object_get_boolean_member (testpay, "secret_configured"));
    g_assert_cmpint (json_object_get_int_member (testpay, "failed"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (flaky, "failed"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (flaky, "processed"), ==, 0);
    g_assert_null (find (json_object_get_array_member (d, "webhooks"), "provider", "short"));
    g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "degraded");   /* one parked */
    g_assert_null (strstr ((const char *) g_bytes_get_data (r->body, NULL), "whsec_"));
  }
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/integrations/health", patient, NULL);
    bz_api_expect (r, 403);
  }
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/integrations/health", NULL, NULL);
    bz_api_expect (r, 401);
  }

  test_usage (nutri);

  /* The test delivery: signed, stored and processed as any. */
  {
    gint64 events = bz_api_count (api, "integration_events");
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/integrations/test-webhook", nutri,
                                              "{\"service\":\"testpay\",\"event\":\"message.received\"}");
    const char *delivery;
    bz_api_expect (r, 202);
    delivery = json_object_get_string_member (bz_api_data (r), "delivery_id");
    g_assert_true (g_str_has_prefix (delivery, "test_"));
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "event_type"), ==, "message.received");
    run_until (runner, NOW_MS + 6000, delivery, "processed", 1);
    g_assert_cmpint (bz_api_count (api, "integration_events"), ==, events + 1);
  }
  {
    gint64 events = bz_api_count (api, "integration_events");
    g_autoptr(BzApiResponse) p = bz_api_json (api, "POST", "/api/integrations/test-webhook", patient,
                                              "{\"service\":\"testpay\",\"event\":\"message.received\"}");
    g_autoptr(BzApiResponse) u = bz_api_json (api, "POST", "/api/integrations/test-webhook", nutri,
                                              "{\"service\":\"nosecret\",\"event\":\"message.received\"}");
    g_autoptr(BzApiResponse) v = bz_api_json (api, "POST", "/api/integrations/test-webhook", nutri,
                                              "{\"service\":\"Test Pay\"}");
    bz_api_expect (p, 403);
    bz_api_expect (u, 404);
    bz_api_expect (v, 400);
    g_assert_true (bz_api_has_detail (v, "service"));
    g_assert_true (bz_api_has_detail (v, "event"));
    g_assert_cmpint (bz_api_count (api, "integration_events"), ==, events);
  }

  bz_job_runner_stop (runner);
  {
    guint done = 0, failed = 0;
    bz_job_runner_get_counts (runner, &done, &failed);
    g_assert_cmpuint (failed, ==, 0);     /* a processor's failure is the event's, not the job's */
    g_assert_cmpuint (done, >=, 6);
  }
  bz_integrations_set_webhook_processor ("testpay", NULL, NULL);
  bz_integrations_set_webhook_processor ("flaky", NULL, NULL);
  bz_jobs_set_test_now_ms (0);
}
