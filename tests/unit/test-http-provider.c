/* test-http-provider.c — the `http` provider (bz-http-provider.h) through
 * BzResilient against a fake service: a libsoup server in this binary, on
 * loopback, that answers 503, 429 with Retry-After, malformed JSON, a body
 * that breaks the schema, 400, or nothing at all, as each test scripts it.
 * The calls run on GTask threads (bz_resilient_call_async()) while this
 * thread's main context serves.  Waits between attempts go through a fake
 * sleep that records them: nothing sleeps. */
#include <libsoup/soup.h>
#include <string.h>

#include "bz-http-provider.h"
#include "bz-resilient.h"

typedef struct
{
  const char *const *script;   /* what to answer to each request, in order (the last repeats) */
  guint requests;
  char *last_body;
  char *last_auth;
  char *last_path;
  GPtrArray *paused;
} Fake;

static Fake fake;

static void
serve (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  guint n = 0;
  const char *what;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  SoupMessageHeaders *out = soup_server_message_get_response_headers (msg);

  while (fake.script[n + 1] && n < fake.requests)
    n++;
  what = fake.script[n];
  fake.requests++;
  g_free (fake.last_body);
  g_free (fake.last_auth);
  g_free (fake.last_path);
  fake.last_body = g_strndup (body->data, body->length);
  fake.last_auth = g_strdup (soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization"));
  fake.last_path = g_strdup (path);

  if (g_str_equal (what, "ok"))
    {
      static const char ok[] = "{\"provider\":\"remote\",\"targets\":{\"energy_kcal\":1800}}";
      soup_message_headers_replace (out, BZ_HTTP_PROVIDER_COST_HEADER, "0.5");
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, ok, strlen (ok));
    }
  else if (g_str_equal (what, "429"))
    {
      soup_message_headers_replace (out, "Retry-After", "2");
      soup_server_message_set_status (msg, 429, NULL);
    }
  else if (g_str_equal (what, "garbage"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{\"targets\":", 11);
    }
  else if (g_str_equal (what, "schema"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{\"unexpected\":1}", 16);
    }
  else if (g_str_equal (what, "hang"))
    {
      soup_server_message_pause (msg);
      g_ptr_array_add (fake.paused, g_object_ref (msg));
    }
  else
    soup_server_message_set_status (msg, (guint) g_ascii_strtoull (what, NULL, 10), NULL);
}

/* Connections are accepted here and handed to libsoup, as bz-server.c does:
 * libsoup 3.2's own listener leaks every socket it accepts. */
static gboolean
on_incoming (GSocketService *service, GSocketConnection *connection, GObject *source, gpointer server)
{
  g_autoptr(GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);
  g_autoptr(GError) error = NULL;

  if (!soup_server_accept_iostream (server, G_IO_STREAM (connection), local, remote, &error))
    g_error ("accept: %s", error->message);
  return TRUE;
}

static guint sleeps;
static gint64 slept_ms[8];

static gboolean
record_sleep (gint64 us, GCancellable *cancellable, gpointer data)
{
  if (sleeps < G_N_ELEMENTS (slept_ms))
    slept_ms[sleeps] = us / 1000;
  sleeps++;
  return !g_cancellable_is_cancelled (cancellable);
}

static double half (gpointer data) { return 0.5; }

/* Answers that plan something: the schema of a diet plan, minimal. */
static gboolean
has_targets (JsonNode *answer, GError **error)
{
  if (JSON_NODE_HOLDS_OBJECT (answer) && json_object_has_member (json_node_get_object (answer), "targets"))
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no targets");
  return FALSE;
}

static void
on_done (GObject *source, GAsyncResult *res, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (res);
}

/* One call through @r on a GTask thread while this thread serves. */
static JsonNode *
call (BzResilient *r, BzProviderCall *remote, BzProviderCall *local, const char *key,
      BzResilientSource *src, GError **error)
{
  BzResilientRequest req = { "/diet-plans", key, bz_provider_call, remote, local ? bz_provider_call : NULL, local };
  GAsyncResult *res = NULL;
  JsonNode *answer;

  bz_resilient_call_async (r, &req, NULL, on_done, &res);
  while (res == NULL)
    g_main_context_iteration (NULL, TRUE);
  answer = bz_resilient_call_finish (r, res, src, error);
  g_object_unref (res);
  return answer;
}

static const char *
provider_of (JsonNode *answer)
{
  return json_object_get_string_member_with_default (json_node_get_object (answer), "provider", "");
}

static void
test_http_provider (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) listening = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzHttpProvider) http = NULL, closed = NULL;
  g_autoptr(BzDietPlanner) local = bz_local_diet_planner_new ();
  g_autoptr(JsonObject) request = json_object_new ();
  g_autofree char *base = NULL;
  BzResilientClock clock = { NULL, record_sleep, half, NULL };
  BzResilientConfig cfg;
  BzProviderCall remote_call = { 0 }, local_call = { local, request, NULL };
  BzResilientSource src;

  fake.paused = g_ptr_array_new_with_free_func (g_object_unref);
  soup_server_add_handler (server, NULL, serve, NULL, NULL);
  g_signal_connect (service, "incoming", G_CALLBACK (on_incoming), server);
  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (service), any_port, G_SOCKET_TYPE_STREAM,
                                                G_SOCKET_PROTOCOL_TCP, NULL, &listening, &error));
  g_socket_service_start (service);
  base = g_strdup_printf ("http://127.0.0.1:%u/v1", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (listening)));

  g_assert_null (bz_http_provider_new ("ftp://127.0.0.1/", NULL));
  g_assert_null (bz_http_provider_new ("not a url", NULL));
  http = bz_http_provider_new (base, "key-123");
  g_assert_cmpstr (bz_diet_planner_get_name (BZ_DIET_PLANNER (http)), ==, "http");
  remote_call.provider = http;
  remote_call.request = request;
  json_object_set_string_member (request, "sex", "male");
  json_object_set_int_member (request, "age_years", 40);
  json_object_set_int_member (request, "weight_kg", 80);
  json_object_set_int_member (request, "height_cm", 175);

  bz_resilient_config_init (&cfg);
  cfg.breaker_failures = 100;   /* this test is about retries and fallbacks */

  /* 503, 503, then an answer: three requests, two waits, the answer's cost. */
  {
    static const char *const script[] = { "503", "503", "ok", NULL };
    g_autoptr(BzResilient) r = bz_resilient_new ("diet_planning", "http", &cfg, &clock);
    g_autoptr(JsonNode) a = NULL;
    BzResilientStats s;
    fake = (Fake) { script, 0, NULL, NULL, NULL, fake.paused };
    bz_resilient_set_validator (r, has_targets);
    a = call (r, &remote_call, &local_call, "p1", &src, &error);
    g_assert_no_error (error);
    g_assert_cmpint (src, ==, BZ_RESILIENT_REMOTE);
    g_assert_cmpstr (provider_of (a), ==, "remote");
    g_assert_cmpuint (fake.requests, ==, 3);
    g_assert_cmpuint (sleeps, ==, 2);
    /* The contract: POST <base>/diet-plans, the request as JSON, the key as a bearer token. */
    g_assert_cmpstr (fake.last_path, ==, "/v1/diet-plans");
    g_assert_cmpstr (fake.last_auth, ==, "Bearer key-123");
    {
      g_autoptr(JsonNode) sent = json_from_string (fake.last_body, NULL);
      g_assert_cmpint (json_object_get_int_member (json_node_get_object (sent), "age_years"), ==, 40);
    }
    bz_resilient_get_stats (r, &s);
    g_assert_cmpfloat (s.quota_cost_used, ==, 0.5);
    g_assert_cmpuint (s.failures, ==, 2);
    bz_resilient_stats_clear (&s);

    /* 429 with Retry-After: 2: the wait is 2 s (longer than the jitter's). */
    {
      static const char *const limited[] = { "429", "ok", NULL };
      g_autoptr(JsonNode) b = NULL;
      fake.script = limited;
      fake.requests = 0;
      sleeps = 0;
      b = call (r, &remote_call, &local_call, "p1", &src, &error);
      g_assert_no_error (error);
      g_assert_cmpint (src, ==, BZ_RESILIENT_REMOTE);
      g_assert_cmpuint (fake.requests, ==, 2);
      g_assert_cmpint (slept_ms[0], ==, 2000);
    }
    /* Malformed JSON: not retried; the local planner answers. */
    {
      static const char *const garbage[] = { "garbage", NULL };
      g_autoptr(JsonNode) b = NULL;
      fake.script = garbage;
      fake.requests = 0;
      b = call (r, &remote_call, &local_call, "p2", &src, &error);
      g_assert_no_error (error);
      g_assert_cmpint (src, ==, BZ_RESILIENT_LOCAL);
      g_assert_cmpstr (provider_of (b), ==, "local");
      g_assert_cmpuint (fake.requests, ==, 1);
    }
    /* A body that breaks the schema: not kept; p1's last good answer is served. */
    {
      static const char *const schema[] = { "schema", NULL };
      g_autoptr(JsonNode) b = NULL;
      fake.script = schema;
      fake.requests = 0;
      b = call (r, &remote_call, &local_call, "p1", &src, &error);
      g_assert_no_error (error);
      g_assert_cmpint (src, ==, BZ_RESILIENT_CACHED);
      g_assert_cmpstr (provider_of (b), ==, "remote");
      g_assert_cmpuint (fake.requests, ==, 1);
    }
    /* 400: our request is wrong: no retry, no fallback. */
    {
      static const char *const refused[] = { "400", NULL };
      fake.script = refused;
      fake.requests = 0;
      g_assert_null (call (r, &remote_call, &local_call, "p1", &src, &error));
      g_assert_error (error, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_INVALID_REQUEST);
      g_assert_cmpuint (bz_integration_error_get_status (error), ==, 400);
      g_clear_error (&error);
      g_assert_cmpuint (fake.requests, ==, 1);
    }
  }

  /* No answer at all: the deadline (300 ms, real time) stops the call; the
   * local planner answers. */
  {
    static const char *const hang[] = { "hang", NULL };
    g_autoptr(BzResilient) r = NULL;
    g_autoptr(JsonNode) a = NULL;
    BzResilientStats s;
    cfg.deadline_ms = 300;
    cfg.max_attempts = 1;
    r = bz_resilient_new ("diet_planning", "http", &cfg, &clock);
    fake.script = hang;
    fake.requests = 0;
    a = call (r, &remote_call, &local_call, "p3", &src, &error);
    g_assert_no_error (error);
    g_assert_cmpint (src, ==, BZ_RESILIENT_LOCAL);
    g_assert_cmpuint (fake.requests, ==, 1);
    bz_resilient_get_stats (r, &s);
    g_assert_nonnull (strstr (s.last_error, "deadline"));
    bz_resilient_stats_clear (&s);
  }

  /* Nobody listening: UNAVAILABLE, retried, then manual entry (no local). */
  {
    g_autoptr(BzResilient) r = NULL;
    g_autoptr(GSocket) sock = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
    g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) any = g_inet_socket_address_new (lo, 0);
    g_autoptr(GSocketAddress) bound = NULL;
    g_autofree char *url = NULL;
    BzProviderCall down = { 0 };
    BzResilientStats s;

    /* A port that was free a moment ago and is closed now. */
    g_assert_true (g_socket_bind (sock, any, FALSE, NULL));
    bound = g_socket_get_local_address (sock, NULL);
    url = g_strdup_printf ("http://127.0.0.1:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
    g_socket_close (sock, NULL);
    closed = bz_http_provider_new (url, NULL);
    down = (BzProviderCall) { closed, request, NULL };
    cfg.deadline_ms = BZ_RESILIENT_DEADLINE_MS;
    cfg.max_attempts = 2;
    r = bz_resilient_new ("diet_planning", "http", &cfg, &clock);
    g_assert_null (call (r, &down, NULL, "p4", &src, &error));
    g_assert_error (error, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_MANUAL_ENTRY);
    bz_resilient_get_stats (r, &s);
    g_assert_cmpuint (s.attempts, ==, 2);
    g_assert_cmpuint (s.failures, ==, 2);
    bz_resilient_stats_clear (&s);
  }

  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
  soup_server_disconnect (server);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_ptr_array_unref (fake.paused);
  g_free (fake.last_body);
  g_free (fake.last_auth);
  g_free (fake.last_path);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/integrations/http-provider", test_http_provider);
  return g_test_run ();
}
