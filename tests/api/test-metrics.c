/* test-metrics.c — GET /metrics (issue 9 "Operations", seed 002 §10).
 *
 * Counters move by exactly the requests made: three health checks
 * add 3 to their counter and to their histogram's _count; two unknown paths
 * add 2 to route="unmatched"; a post id in the path never becomes a label
 * (the template /api/v1/posts/{post_id} does).  Active users: a new user's
 * first authenticated request adds one, the second none.  A WebSocket
 * opened adds one connection; a far-future job adds one queued job.
 * promtool check metrics accepts a live body (skipped only without promtool).
 * Access: loopback without a token reads; from loopback a patient's token
 * gets 403 and a bad one 401 (and /api/openapi.json says so); from the LAN address (a second server on
 * 0.0.0.0) no token gets 401, a patient 403, a nutritionist 200.  Part of
 * test-api's binary. */
#include "bz-api-fixture.h"

#include <glib/gstdio.h>

#include "bz-realtime-client.h"
#include "bz-test-util.h"

const char *test_api_nutri_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
void        test_metrics_add_tests (void);

static char *
scrape_with (BzApi *api, const char *token, guint expect_status)
{
  g_autoptr(BzApiResponse) r = bz_api_call (api, "GET", "/metrics", token, NULL, NULL, 0, NULL);
  const char *ct;

  g_assert_cmpuint (r->status, ==, expect_status);
  if (expect_status != 200)
    return NULL;
  ct = soup_message_headers_get_one (r->headers, "Content-Type");
  g_assert_nonnull (ct);
  g_assert_true (g_str_has_prefix (ct, "text/plain; version=0.0.4"));
  return g_strndup (g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body));
}

static char *
scrape (void)
{
  return scrape_with (bz_api_shared (), NULL, 200);
}

/* The value of the sample @series ("name{labels}" exactly as written), 0 when absent. */
static double
sample (const char *body, const char *series)
{
  g_auto(GStrv) lines = g_strsplit (body, "\n", -1);
  gsize n = strlen (series);

  for (guint i = 0; lines[i]; i++)
    if (strncmp (lines[i], series, n) == 0 && lines[i][n] == ' ')
      return g_ascii_strtod (lines[i] + n + 1, NULL);
  return 0;
}

#define HEALTH_200 "balanza_http_requests_total{route=\"/api/v1/health\",method=\"GET\",status=\"200\"}"
#define HEALTH_COUNT "balanza_http_request_duration_seconds_count{route=\"/api/v1/health\",method=\"GET\"}"
#define HEALTH_INF "balanza_http_request_duration_seconds_bucket{route=\"/api/v1/health\",method=\"GET\",le=\"+Inf\"}"
#define UNMATCHED_404 "balanza_http_requests_total{route=\"unmatched\",method=\"*\",status=\"404\"}"
#define UNMATCHED_405 "balanza_http_requests_total{route=\"unmatched\",method=\"*\",status=\"405\"}"
#define POST_404 "balanza_http_requests_total{route=\"/api/v1/posts/{post_id}\",method=\"GET\",status=\"404\"}"

#define PROBE_ID "00000000-0000-4000-8000-00000000feed"

static void
get (const char *path, const char *token, guint status)
{
  g_autoptr(BzApiResponse) r = bz_api_call (bz_api_shared (), "GET", path, token, NULL, NULL, 0, NULL);
  g_assert_cmpuint (r->status, ==, status);
}

static void
test_counters (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *post_path = g_strdup_printf ("/api/v1/posts/%s", PROBE_ID);

  test_api_ensure_users ();
  before = scrape ();
  get ("/api/v1/health", NULL, 200);
  get ("/api/v1/health", NULL, 200);
  get ("/api/v1/health", NULL, 200);
  get ("/api/v1/no-such-thing-metricsprobe", NULL, 404);
  get ("/no/such/metricsprobe", NULL, 404);
  {
    g_autoptr(BzApiResponse) r = bz_api_call (api, "DELETE", "/api/v1/health", NULL, NULL, NULL, 0, NULL);
    g_assert_cmpuint (r->status, ==, 405);
  }
  get (post_path, test_api_nutri_token (), 404);
  after = scrape ();

  g_assert_cmpfloat (sample (after, HEALTH_200) - sample (before, HEALTH_200), ==, 3);
  g_assert_cmpfloat (sample (after, HEALTH_COUNT) - sample (before, HEALTH_COUNT), ==, 3);
  g_assert_cmpfloat (sample (after, HEALTH_INF) - sample (before, HEALTH_INF), ==, 3);
  g_assert_cmpfloat (sample (after, UNMATCHED_404) - sample (before, UNMATCHED_404), ==, 2);
  g_assert_cmpfloat (sample (after, UNMATCHED_405) - sample (before, UNMATCHED_405), ==, 1);
  g_assert_cmpfloat (sample (after, POST_404) - sample (before, POST_404), ==, 1);
  /* Bounded labels: no raw path or id is ever a label value. */
  g_assert_null (strstr (after, "metricsprobe"));
  g_assert_null (strstr (after, PROBE_ID));
  /* The first scrape is itself counted by the time of the second. */
  g_assert_cmpfloat (sample (after, "balanza_http_requests_total{route=\"/metrics\",method=\"GET\",status=\"200\"}"),
                     >=, 1);
  g_assert_nonnull (strstr (after, "# TYPE balanza_http_request_duration_seconds histogram\n"));
  g_assert_nonnull (strstr (after, "# TYPE balanza_active_users gauge\n"));
  g_assert_nonnull (strstr (after, "balanza_integration_calls_total{kind=\"diet_planning\",provider=\"local\","));
}

static void
test_active_users (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *token = bz_api_register (api, "metrics-active@test.local", "nutritionist", NULL);
  g_autofree char *before = NULL, *middle = NULL, *after = NULL;

  before = scrape ();
  get ("/api/v1/gamification/me", token, 200);
  middle = scrape ();
  get ("/api/v1/gamification/me", token, 200);
  after = scrape ();
  g_assert_cmpfloat (sample (middle, "balanza_active_users") - sample (before, "balanza_active_users"), ==, 1);
  g_assert_cmpfloat (sample (after, "balanza_active_users"), ==, sample (middle, "balanza_active_users"));
}

static void
test_websockets_and_jobs (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *member = NULL, *pid = NULL, *before = NULL, *after = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;
  BzRealtimeClient *c;
  guint status = 0;
  double ws_before;

  test_api_ensure_users ();
  pid = test_api_create_patient (test_api_nutri_token (), "metrics-ws@test.local", &member);
  before = scrape ();
  ws_before = sample (before, "balanza_websocket_connections");
  url = g_strdup_printf ("ws://127.0.0.1:%u/ws?token=%s", bz_server_get_port (api->server), member);
  c = bz_realtime_client_connect (api->session, url, NULL, &status);
  g_assert_cmpuint (status, ==, 101);
  g_assert_nonnull (c);
  /* Far in the future: no runner claims it during the suite. */
  g_assert_true (bz_services_enqueue_job (api->services, "metrics.probe", NULL, NULL,
                                          g_get_real_time () / 1000 + 365 * 86400000LL, &error));
  g_assert_no_error (error);
  after = scrape ();
  g_assert_cmpfloat (sample (after, "balanza_websocket_connections") - ws_before, ==, 1);
  g_assert_cmpfloat (sample (after, "balanza_jobs{state=\"queued\"}") -
                     sample (before, "balanza_jobs{state=\"queued\"}"), ==, 1);
  bz_realtime_client_free (c);
}

static void
test_promtool (void)
{
  g_autofree char *promtool = g_find_program_in_path ("promtool");
  g_autofree char *body = NULL, *dir = NULL, *file = NULL, *out = NULL, *err = NULL, *cmd = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  if (promtool == NULL)
    {
      g_test_skip ("promtool is not installed (Debian package prometheus)");
      return;
    }
  get ("/api/v1/health", NULL, 200);
  get ("/api/v1/no-such-thing", NULL, 404);
  body = scrape ();
  dir = bz_test_tmpdir ("metrics");
  file = g_build_filename (dir, "metrics.txt", NULL);
  g_assert_true (g_file_set_contents (file, body, -1, &error));
  cmd = g_strdup_printf ("sh -c '%s check metrics < \"%s\"'", promtool, file);
  g_assert_true (g_spawn_command_line_sync (cmd, &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("promtool check metrics failed:\n%s%s\n--- body ---\n%s", out, err, body);
}

static void
test_access_loopback (void)
{
  g_autofree char *member = NULL, *pid = NULL, *body = NULL;

  test_api_ensure_users ();
  pid = test_api_create_patient (test_api_nutri_token (), "metrics-patient@test.local", &member);
  g_free (scrape_with (bz_api_shared (), member, 403));
  g_free (scrape_with (bz_api_shared (), "not-a-token", 401));
  body = scrape_with (bz_api_shared (), test_api_nutri_token (), 200);
  g_assert_nonnull (strstr (body, "balanza_http_requests_total"));
  /* The document says who may read it: no credentials or a bearer token. */
  {
    g_autoptr(BzApiResponse) r = bz_api_call (bz_api_shared (), "GET", "/api/openapi.json", NULL, NULL, NULL, 0, NULL);
    JsonObject *op;
    JsonArray *security;
    g_assert_cmpuint (r->status, ==, 200);
    op = json_object_get_object_member (json_object_get_object_member (json_object_get_object_member (
        json_node_get_object (r->json), "paths"), "/metrics"), "get");
    g_assert_nonnull (strstr (json_object_get_string_member (op, "description"), "loopback"));
    g_assert_nonnull (strstr (json_object_get_string_member (op, "description"), "nutritionist"));
    security = json_object_get_array_member (op, "security");
    g_assert_cmpuint (json_array_get_length (security), ==, 2);
    g_assert_cmpuint (json_object_get_size (json_array_get_object_element (security, 0)), ==, 0);
    g_assert_true (json_object_has_member (json_array_get_object_element (security, 1), "bearer"));
    g_assert_nonnull (json_object_get_object_member (json_object_get_object_member (
        json_object_get_object_member (op, "responses"), "2XX"), "content"));
  }
}

/* A client on the LAN address: the suite's services behind a second server
 * listening on every interface. */
static void
test_access_remote (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(BzServer) server = bz_server_new (api->services);
  g_autoptr(GError) error = NULL;
  g_autofree char *lan = NULL, *member = NULL, *pid = NULL;
  const char *host;
  struct { const char *token; guint status; } cases[3];

  g_assert_true (bz_server_start (server, "0.0.0.0", 0, &error));
  g_assert_no_error (error);
  lan = bz_server_get_lan_url (server);
  host = lan + strlen ("http://");
  if (g_str_has_prefix (host, "127.") || g_str_has_prefix (host, "0.0.0.0"))
    {
      bz_server_stop (server);
      g_test_skip ("no non-loopback IPv4 address on this machine");
      return;
    }
  test_api_ensure_users ();
  pid = test_api_create_patient (test_api_nutri_token (), "metrics-remote@test.local", &member);
  cases[0].token = NULL, cases[0].status = 401;
  cases[1].token = member, cases[1].status = 403;
  cases[2].token = test_api_nutri_token (), cases[2].status = 200;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *url = g_strconcat (lan, "/metrics", NULL);
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
      g_autoptr(GBytes) body = NULL;
      if (cases[i].token)
        {
          g_autofree char *auth = g_strdup_printf ("Bearer %s", cases[i].token);
          soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
        }
      body = soup_session_send_and_read (api->session, msg, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (soup_message_get_status (msg), ==, cases[i].status);
      if (cases[i].status == 200)
        g_assert_nonnull (g_strstr_len (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                        "# TYPE balanza_http_requests_total counter"));
    }
  bz_server_stop (server);
}

void
test_metrics_add_tests (void)
{
  g_test_add_func ("/api/metrics/counters", test_counters);
  g_test_add_func ("/api/metrics/active-users", test_active_users);
  g_test_add_func ("/api/metrics/websockets-and-jobs", test_websockets_and_jobs);
  g_test_add_func ("/api/metrics/promtool", test_promtool);
  g_test_add_func ("/api/metrics/access-loopback", test_access_loopback);
  g_test_add_func ("/api/metrics/access-remote", test_access_remote);
}
