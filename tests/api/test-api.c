/* test-api.c — the HTTP API end to end: real server on 127.0.0.1, real SQLite, real USDA data. */
#include "bz-api-fixture.h"

#include "bz-auth-service-private.h"
#include "bz-auth-service.h"
#include "bz-meal-service.h"
#include "bz-recipe-service.h"
#include "bz-store.h"
#include <jwt.h>


void test_meal_plans (void);   /* test-meal-plans.c */
void test_clinical (void);     /* test-clinical.c */
void test_challenges (void);   /* test-challenges.c */
void test_consents_add_tests (void); /* test-consents.c: /api/v1/privacy/consents and notice (issue 9) */
void test_privacy_add_tests (void); /* test-privacy.c: export-data, delete-account (issue 9) */
void test_encryption_add_tests (void); /* test-encryption-at-rest.c: no clinical text in the raw database (issue 9) */
void test_social_add_tests (void);  /* test-social.c: the social layer (issue 10) */
void test_recipes (void);      /* test-recipes.c */
void test_nutritionist_profile (void);  /* test-nutritionist-profile.c */
void test_analytics_add_tests (void);  /* test-analytics.c: GET /api/analytics/nutrition/summary */
void test_scan_estimate_add_tests (void);  /* test-scan-estimate.c: scans without a body-fat measurement */
void test_sync_add_tests (void);       /* test-sync.c: GET /api/v1/sync/changes */
void test_tls_pairing_add_tests (void); /* test-tls-pairing.c: HTTPS, /api/v1/devices/…, /api/v1/tls */
void test_password_reset_add_tests (void); /* test-password-reset.c: /api/v1/auth/password/{forgot,reset} */
void test_oauth_google_add_tests (void);   /* test-oauth-google.c: /api/v1/auth/oauth/google */
void test_instagram_add_tests (void);      /* test-instagram.c: /api/v1/integrations/instagram/ */
void test_users_me_add_tests (void);       /* test-users-me.c: GET, PATCH /api/v1/users/me */
void test_scan_rectify_add_tests (void);   /* test-scan-rectify.c: PATCH /api/v1/scans/{scan_id} */
void test_diet_plans_add_tests (void);  /* test-diet-plans.c: POST /api/integrations/diet-plans, GET /api/nutrition/library */
void test_ai_meal_plan_add_tests (void);  /* test-ai-meal-plan.c: POST /api/v1/ai/generate-meal-plan (issue 11) */
void test_scan3d_add_tests (void);  /* test-scan3d.c: POST /api/integrations/3d-scan (issue 11) */
void test_realtime_add_tests (void);
void test_live_events_add_tests (void);  /* test-live-events.c: social and challenge events on /ws */  /* test-realtime.c: messages, notifications, /ws (issue 10) */
void test_machines_add_tests (void);  /* test-machines.c: gym machines, /api/ws/machines, /api/ws/workouts */
void test_metrics_add_tests (void);    /* test-metrics.c: GET /metrics (issue 9) */
void test_workouts_add_tests (void);    /* test-workouts.c: workout plans, the daily, the exercise library */
void test_workout_analytics_add_tests (void);  /* test-workout-analytics.c: sessions and GET /api/analytics/workout/summary */
void test_recipe_add_tests (void);  /* test-recipe-create.c: POST /recipes, scan-label */
void test_ai_chat_local (void);     /* test-ai-chat.c: the assistant's chat, no provider configured */
void test_ai_openai (void);         /* test-ai-chat.c: chat and label photo through the fake provider */
void test_scan_import_add_tests (void);  /* test-scan-import.c: POST /api/upload/scan-data, GET /api/analytics/body/... */
void test_avatar_variants (void);   /* test-avatar-variants.c: GET /avatars/{id}.glb?lod=&compression= */

/* For the tests in other files of this binary. */
const char *test_api_nutri_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
extern const char *test_api_scan_body_fmt;   /* a valid scan upload; %s: the patient id */
const char *test_api_nutri2_token (void);
void        test_meals (void);             /* test-meals.c */
void        test_meals_statements (void);  /* test-meals.c */
void        test_integrations (void);      /* test-integrations.c */
void        test_meal_detection (void);    /* test-meal-detection.c: the openai provider end to end */
void        test_meal_detection_later (void);   /* test-meal-detection-later.c: photos analysed by a job */
void        test_meal_detection_local (void);   /* test-meal-detection-later.c: the local detector's proposals */
void        test_meal_images (void);          /* test-meal-images.c: POST /api/upload/meal-images and its ids */
void        test_meal_correct_local (void);   /* test-meal-correct.c: correct-meal, no service configured */
void        test_meal_correct_openai (void);  /* test-meal-correct.c: correct-meal and image ids through the fake */
void        test_recognize_food_local (void);   /* test-recognize-food.c: refusals and the local fallback */
void        test_patients_edit (void);               /* test-patients-edit.c */
void        test_patients_onboarding_fields (void);  /* test-patients-edit.c */


static void
test_health (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(BzApiResponse) h = bz_api_json (api, "GET", "/health", NULL, NULL);
  g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/ready", NULL, NULL);
  g_assert_cmpuint (h->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (bz_api_data (h), "status"), ==, "ok");
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (bz_api_data (r), "foods"), ==, 8789);
  {
    g_autoptr(BzApiResponse) v1 = bz_api_json (api, "GET", "/api/v1/health", NULL, NULL);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (v1), "status"), ==, "ok");
  }
  /* X-Request-Id is echoed. */
  {
    const char *hdr[] = { "X-Request-Id", "abc-123", NULL };
    g_autoptr(BzApiResponse) e = bz_api_call (api, "GET", "/health", NULL, NULL, NULL, 0, hdr);
    g_assert_cmpstr (soup_message_headers_get_one (e->headers, "X-Request-Id"), ==, "abc-123");
  }
}

static void
test_unknown_route_and_method (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(BzApiResponse) a = bz_api_json (api, "GET", "/api/v1/nope", NULL, NULL);
  g_autoptr(BzApiResponse) b = bz_api_json (api, "DELETE", "/api/v1/auth/login", NULL, NULL);
  g_assert_cmpuint (a->status, ==, 404);
  g_assert_cmpstr (bz_api_error_code (a), ==, "NOT_FOUND");
  g_assert_cmpuint (b->status, ==, 405);
  g_assert_cmpstr (bz_api_error_code (b), ==, "METHOD_NOT_ALLOWED");
}

/* A patient added without a password gets a generated one, returned once to
 * the nutritionist; the patient signs in with it and must change it before
 * anything else answers. */
static void
test_temporary_password (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *temp = NULL, *member = NULL;
  test_api_ensure_users ();
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/nutritionist/patients", test_api_nutri_token (),
                                              "{\"email\":\"temp@test.local\",\"first_name\":\"Rosa\",\"last_name\":\"Méndez\"}");
    JsonObject *p;
    g_assert_cmpuint (r->status, ==, 201);
    p = json_object_get_object_member (bz_api_data (r), "patient");
    temp = g_strdup (json_object_get_string_member (p, "temporary_password"));
    g_assert_nonnull (temp);
    g_assert_cmpuint (strlen (temp), >=, 12);
  }
  bz_auth_reset_rate_limits ();
  {
    g_autofree char *body = g_strdup_printf ("{\"email\":\"temp@test.local\",\"password\":\"%s\"}", temp);
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/auth/login", NULL, body);
    g_assert_cmpuint (r->status, ==, 200);
    g_assert_true (json_object_get_boolean_member (bz_api_data (r), "password_change_required"));
    member = g_strdup (json_object_get_string_member (bz_api_data (r), "access_token"));
  }
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/nutrition/daily", member, NULL);
    g_assert_cmpuint (r->status, ==, 403);
    g_assert_true (bz_api_has_detail (r, "password"));
  }
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/auth/password/change", member,
                                              "{\"current_password\":\"Wrong-Pass1!\",\"new_password\":\"Rosa-Propia-2026!\"}");
    g_assert_cmpuint (r->status, ==, 400);
    g_assert_true (bz_api_has_detail (r, "current_password"));
  }
  /* Wrong types and nesting: the field's validation error, nothing changed. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/auth/password/change", member,
                                              "{\"current_password\":5,\"new_password\":[[[\"x\"]]]}");
    g_assert_cmpuint (r->status, ==, 400);
    g_assert_true (bz_api_has_detail (r, "current_password"));
    g_assert_true (bz_api_has_detail (r, "new_password"));
  }
  {
    g_autofree char *body = g_strdup_printf ("{\"current_password\":\"%s\",\"new_password\":\"%s\"}", temp, temp);
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/auth/password/change", member, body);
    g_assert_cmpuint (r->status, ==, 400);
    g_assert_true (bz_api_has_detail (r, "new_password"));
  }
  {
    g_autofree char *body = g_strdup_printf ("{\"current_password\":\"%s\",\"new_password\":\"Rosa-Propia-2026!\"}", temp);
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/auth/password/change", member, body);
    g_assert_cmpuint (r->status, ==, 200);
  }
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/nutrition/daily", member, NULL);
    g_assert_cmpuint (r->status, ==, 200);
  }
  bz_auth_reset_rate_limits ();
  {
    g_autofree char *body = g_strdup_printf ("{\"email\":\"temp@test.local\",\"password\":\"%s\"}", temp);
    g_autoptr(BzApiResponse) old = bz_api_json (api, "POST", "/api/v1/auth/login", NULL, body);
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/auth/login", NULL,
                                              "{\"email\":\"temp@test.local\",\"password\":\"Rosa-Propia-2026!\"}");
    g_assert_cmpuint (old->status, ==, 401);
    g_assert_cmpuint (r->status, ==, 200);
    g_assert_false (json_object_get_boolean_member (bz_api_data (r), "password_change_required"));
  }
}

/* Logging out ends the sign-in's access tokens at once, not an hour later;
 * the user's other sign-ins (another phone) are not affected. */
static void
test_logout_revokes_access (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *refresh = NULL;
  g_autofree char *access = bz_api_register (api, "logout@test.local", "patient", &refresh);
  g_autofree char *body = g_strdup_printf ("{\"refresh_token\":\"%s\"}", refresh);
  g_autofree char *other = NULL, *rotated = NULL, *rotated_refresh = NULL, *body2 = NULL;

  bz_auth_reset_rate_limits ();
  {
    g_autoptr(BzApiResponse) login = bz_api_json (api, "POST", "/api/v1/auth/login", NULL,
                                                  "{\"email\":\"logout@test.local\",\"password\":\"Secure-Pass1!\"}");
    g_assert_cmpuint (login->status, ==, 200);
    other = g_strdup (json_object_get_string_member (bz_api_data (login), "access_token"));
  }
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/auth/refresh", NULL, body);
    g_assert_cmpuint (r->status, ==, 200);
    rotated = g_strdup (json_object_get_string_member (bz_api_data (r), "access_token"));
    rotated_refresh = g_strdup (json_object_get_string_member (bz_api_data (r), "refresh_token"));
    body2 = g_strdup_printf ("{\"refresh_token\":\"%s\"}", rotated_refresh);
  }
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/v1/foods?search=apple", access, NULL);
    g_assert_cmpuint (r->status, ==, 200);
  }
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/auth/logout", NULL, body2);
    g_assert_cmpuint (r->status, ==, 200);
  }
  /* Both access tokens of that sign-in (before and after rotation): 401. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/v1/foods?search=apple", access, NULL);
    g_assert_cmpuint (r->status, ==, 401);
    g_assert_cmpstr (bz_api_error_code (r), ==, "UNAUTHENTICATED");
  }
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/v1/foods?search=apple", rotated, NULL);
    g_assert_cmpuint (r->status, ==, 401);
  }
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/v1/foods?search=apple", other, NULL);
    g_assert_cmpuint (r->status, ==, 200);
  }
}

static void
test_auth_flow_both_prefixes (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *refresh = NULL;
  g_autofree char *access = bz_api_register (api, "flow@test.local", "patient", &refresh);
  g_autofree char *body = g_strdup_printf ("{\"refresh_token\":\"%s\"}", refresh);
  g_autoptr(BzApiResponse) r1 = NULL, r2 = NULL, out = NULL, login = NULL;
  g_autofree char *refresh2 = NULL;

  bz_auth_reset_rate_limits ();
  login = bz_api_json (api, "POST", "/api/v1/auth/login", NULL,
                       "{\"email\":\"FLOW@test.local\",\"password\":\"Secure-Pass1!\"}");
  g_assert_cmpuint (login->status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (bz_api_data (login), "expires_in"), ==, 3600);
  g_assert_cmpstr (json_object_get_string_member (bz_api_data (login), "token_type"), ==, "Bearer");

  r1 = bz_api_json (api, "POST", "/api/auth/refresh", NULL, body);
  g_assert_cmpuint (r1->status, ==, 200);
  refresh2 = g_strdup (json_object_get_string_member (bz_api_data (r1), "refresh_token"));
  g_assert_cmpstr (refresh2, !=, refresh);
  /* Reusing the rotated token answers 401 and revokes the family. */
  r2 = bz_api_json (api, "POST", "/api/v1/auth/refresh", NULL, body);
  g_assert_cmpuint (r2->status, ==, 401);
  g_assert_cmpstr (bz_api_error_code (r2), ==, "UNAUTHENTICATED");
  {
    g_autofree char *b2 = g_strdup_printf ("{\"refresh_token\":\"%s\"}", refresh2);
    out = bz_api_json (api, "POST", "/api/auth/logout", NULL, b2);
    g_assert_cmpuint (out->status, ==, 401);
  }
}

static void
test_bad_json_inputs (void)
{
  BzApi *api = bz_api_shared ();
  gint64 users = bz_api_count (api, "users");
  struct { const char *ctype; const char *body; guint status; const char *code; const char *field; } cases[] = {
    { "application/json", "{\"email\": ", 400, "VALIDATION_ERROR", "body" },
    { "application/json", "[1,2,3]", 400, "VALIDATION_ERROR", "body" },
    { "application/json", "", 400, "VALIDATION_ERROR", "body" },
    { "text/plain", "{}", 415, "UNSUPPORTED_MEDIA_TYPE", NULL },
    { "application/json", "{\"email\":42,\"password\":true,\"first_name\":\"A\",\"last_name\":\"B\",\"user_type\":\"patient\"}",
      400, "VALIDATION_ERROR", "email" },
    { "application/json", "{\"email\":\"x@y.mx\",\"password\":\"short\",\"first_name\":\"A\",\"last_name\":\"B\",\"user_type\":\"patient\"}",
      400, "VALIDATION_ERROR", "password" },
    { "application/json", "{\"email\":\"x@y.mx\",\"password\":\"Secure-Pass1!\",\"last_name\":\"B\",\"user_type\":\"admin\"}",
      400, "VALIDATION_ERROR", "user_type" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BzApiResponse) r = bz_api_call (api, "POST", "/api/v1/auth/register", NULL, cases[i].ctype,
                                                cases[i].body, strlen (cases[i].body), NULL);
      g_test_message ("case %u", i);
      g_assert_cmpuint (r->status, ==, cases[i].status);
      g_assert_cmpstr (bz_api_error_code (r), ==, cases[i].code);
      if (cases[i].field)
        g_assert_true (bz_api_has_detail (r, cases[i].field));
    }
  /* Deep nesting */
  {
    GString *deep = g_string_new ("{\"a\":");
    for (int i = 0; i < 100; i++)
      g_string_append (deep, "[");
    for (int i = 0; i < 100; i++)
      g_string_append (deep, "]");
    g_string_append (deep, "}");
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/auth/login", NULL, deep->str);
    g_assert_cmpuint (r->status, ==, 400);
    g_assert_true (bz_api_has_detail (r, "body"));
    g_string_free (deep, TRUE);
  }
  g_assert_cmpint (bz_api_count (api, "users"), ==, users);
}

static void
test_oversized_body (void)
{
  BzApi *api = bz_api_shared ();
  gsize n = 200 * 1024;
  g_autofree char *big = g_malloc (n);
  gint64 users = bz_api_count (api, "users");
  memset (big, ' ', n);
  big[0] = '{';
  big[n - 1] = '}';
  g_autoptr(BzApiResponse) r = bz_api_call (api, "POST", "/api/v1/auth/register", NULL, "application/json", big, n, NULL);
  g_assert_cmpuint (r->status, ==, 413);
  g_assert_cmpstr (bz_api_error_code (r), ==, "PAYLOAD_TOO_LARGE");
  g_assert_cmpint (bz_api_count (api, "users"), ==, users);
}

/* Sends @head then @body_len body bytes on a new connection to @port. */
static GSocketConnection *
raw_request (guint port, const char *head, gsize body_len)
{
  g_autoptr(GSocketClient) c = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *body = g_malloc0 (body_len + 1);
  GSocketConnection *conn = g_socket_client_connect_to_host (c, "127.0.0.1", port, NULL, &error);
  GSocket *s;
  g_assert_no_error (error);
  s = g_socket_connection_get_socket (conn);
  memset (body, 'x', body_len);
  g_assert_true (g_socket_send (s, head, strlen (head), NULL, NULL) > 0);
  if (body_len)
    g_assert_true (g_socket_send (s, body, body_len, NULL, NULL) > 0);
  return conn;
}

/* Returns the status of the reply on @conn (waits at most 20 s). */
static guint
raw_status (GSocketConnection *conn, char **out_text)
{
  GSocket *s = g_socket_connection_get_socket (conn);
  char buf[4096] = { 0 };
  gsize have = 0;
  gssize n;
  g_socket_set_timeout (s, 20);
  /* Until the server closes (the answers here all end with FIN). */
  while (have < sizeof buf - 1 && (n = g_socket_receive (s, buf + have, sizeof buf - 1 - have, NULL, NULL)) > 0)
    have += n;
  if (out_text)
    *out_text = g_strdup (buf);
  return have > 12 && g_str_has_prefix (buf, "HTTP/1.1 ") ? (guint) atoi (buf + 9) : 0;
}

/* The global cap on request body bytes held in memory: a body that would pass
 * it gets 503 with Retry-After before it is read, Content-Length or chunked. */
static void
test_body_bytes_cap (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(BzServer) server = bz_server_new (api->services);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketConnection) holder = NULL;
  BzServerLimits limits;
  guint port;

  bz_server_get_limits (server, &limits);
  limits.body_bytes_in_flight_max = 256 * 1024;
  bz_server_set_limits (server, &limits);
  g_assert_true (bz_server_start (server, "127.0.0.1", 0, &error));
  port = bz_server_get_port (server);

  /* A slow upload announces 200 KB and sends 1 KB: its 200 KB are reserved. */
  holder = raw_request (port, "POST /api/nutrition/upload-meal HTTP/1.1\r\nHost: x\r\n"
                              "Content-Type: multipart/form-data; boundary=B\r\nContent-Length: 204800\r\n\r\n", 1024);
  g_usleep (200 * 1000);  /* let the server read its headers */
  {
    g_autoptr(GSocketConnection) c = raw_request (port, "POST /api/nutrition/upload-meal HTTP/1.1\r\nHost: x\r\n"
                                                        "Content-Type: multipart/form-data; boundary=B\r\n"
                                                        "Content-Length: 102400\r\n\r\n", 0);
    g_autofree char *text = NULL;
    g_assert_cmpuint (raw_status (c, &text), ==, 503);
    g_assert_nonnull (strstr (text, "Retry-After: "));
    g_assert_nonnull (strstr (text, "\"SERVICE_UNAVAILABLE\""));
  }
  {
    /* Chunked: refused as its chunks pass the cap. */
    g_autoptr(GSocketConnection) c = raw_request (port, "POST /api/nutrition/upload-meal HTTP/1.1\r\nHost: x\r\n"
                                                        "Content-Type: multipart/form-data; boundary=B\r\n"
                                                        "Transfer-Encoding: chunked\r\n\r\n", 0);
    g_autofree char *chunk = g_strnfill (65536, 'x');
    g_autofree char *text = NULL;
    for (int i = 0; i < 4; i++)
      {
        g_autofree char *framed = g_strdup_printf ("10000\r\n%s\r\n", chunk);
        g_socket_send (g_socket_connection_get_socket (c), framed, strlen (framed), NULL, NULL);
      }
    {
      guint st = raw_status (c, &text);
      g_test_message ("chunked reply: %s", text);
      g_assert_cmpuint (st, ==, 503);
    }
  }
  /* Once the slow upload is gone its bytes are released: a body is read again. */
  g_io_stream_close (G_IO_STREAM (holder), NULL, NULL);
  g_usleep (200 * 1000);
  {
    g_autoptr(GSocketConnection) c = raw_request (port, "POST /api/nutrition/upload-meal HTTP/1.1\r\nHost: x\r\n"
                                                        "Content-Type: multipart/form-data; boundary=B\r\n"
                                                        "Connection: close\r\nContent-Length: 102400\r\n\r\n", 102400);
    g_assert_cmpuint (raw_status (c, NULL), ==, 401);  /* read, then refused for lack of a token */
  }
  bz_server_stop (server);
}

/* Seed 002 §7: 100 requests per minute per user; the 101st gets 429 with
 * Retry-After and the envelope; another user is not affected. */
static void
test_api_rate_limit (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(BzServer) server = bz_server_new (api->services);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL;
  BzServerLimits limits;
  guint port;

  bz_server_get_limits (server, &limits);
  g_assert_cmpuint (limits.api_requests_per_minute, ==, BZ_API_REQUESTS_PER_MINUTE);
  g_assert_true (bz_server_start (server, "127.0.0.1", 0, &error));
  port = bz_server_get_port (server);
  a = bz_api_register (api, "ratelimit-a@test.local", "patient", NULL);
  b = bz_api_register (api, "ratelimit-b@test.local", "patient", NULL);
  for (guint i = 0; i <= BZ_API_REQUESTS_PER_MINUTE; i++)
    {
      g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/api/v1/foods?search=apple&limit=1", port);
      g_autofree char *auth = g_strdup_printf ("Bearer %s", a);
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
      g_autoptr(GBytes) body = NULL;
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
      body = soup_session_send_and_read (session, msg, NULL, &error);
      g_assert_no_error (error);
      if (i < BZ_API_REQUESTS_PER_MINUTE)
        g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
      else
        {
          const char *retry = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Retry-After");
          g_assert_cmpuint (soup_message_get_status (msg), ==, 429);
          g_assert_nonnull (retry);
          g_assert_cmpint (atoi (retry), >=, 1);
          g_assert_cmpint (atoi (retry), <=, 60);
          g_assert_nonnull (g_strstr_len (g_bytes_get_data (body, NULL), g_bytes_get_size (body), "\"RATE_LIMITED\""));
        }
    }
  {
    g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/api/v1/foods?search=apple&limit=1", port);
    g_autofree char *auth = g_strdup_printf ("Bearer %s", b);
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
    g_autoptr(GBytes) body = NULL;
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    body = soup_session_send_and_read (session, msg, NULL, &error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  }
  bz_server_stop (server);
}

static void
test_tokens_rejected (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *tampered = NULL;
  gsize len;
  test_api_ensure_users ();
  tampered = g_strdup (test_api_nutri_token ());
  len = strlen (tampered);
  tampered[len - 2] = tampered[len - 2] == 'A' ? 'B' : 'A';
  const char *bad[] = { tampered, "not.a.jwt", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0." };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/v1/nutritionist/patients", bad[i], NULL);
      g_assert_cmpuint (r->status, ==, 401);
      g_assert_cmpstr (bz_api_error_code (r), ==, "UNAUTHENTICATED");
    }
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/v1/nutritionist/patients", NULL, NULL);
    g_assert_cmpuint (r->status, ==, 401);
  }
}

static void
test_login_rate_limit (void)
{
  BzApi *api = bz_api_shared ();
  bz_auth_reset_rate_limits ();
  for (int i = 0; i < 5; i++)
    {
      g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/auth/login", NULL,
                                                "{\"email\":\"nobody@test.local\",\"password\":\"Wrong-Pass1!\"}");
      g_assert_cmpuint (r->status, ==, 401);
    }
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/auth/login", NULL,
                                              "{\"email\":\"nobody@test.local\",\"password\":\"Wrong-Pass1!\"}");
    g_assert_cmpuint (r->status, ==, 429);
    g_assert_cmpstr (bz_api_error_code (r), ==, "RATE_LIMITED");
    g_assert_cmpint (atoi (soup_message_headers_get_one (r->headers, "Retry-After")), >, 0);
  }
  bz_auth_reset_rate_limits ();
}

static void
test_patients (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *pid = NULL;
  test_api_ensure_users ();
  pid = test_api_create_patient (test_api_nutri_token (), "patient-a@test.local", NULL);
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/v1/nutritionist/patients?search=p%C3%A9rez&limit=5",
                                              test_api_nutri_token (), NULL);
    JsonObject *data = bz_api_data (r);
    JsonObject *pg = json_object_get_object_member (data, "pagination");
    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpint (json_object_get_int_member (pg, "total_items"), >=, 1);
    g_assert_cmpint (json_object_get_int_member (pg, "current_page"), ==, 1);
  }
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/nutritionist/patients/%s", pid);
    g_autoptr(BzApiResponse) mine = bz_api_json (api, "GET", path, test_api_nutri_token (), NULL);
    g_autoptr(BzApiResponse) other = bz_api_json (api, "GET", path, test_api_nutri2_token (), NULL);
    g_assert_cmpuint (mine->status, ==, 200);
    g_assert_nonnull (json_object_get_object_member (json_object_get_object_member (bz_api_data (mine), "patient"), "basic_info"));
    /* Another nutritionist's patient is invisible. */
    g_assert_cmpuint (other->status, ==, 404);
    g_assert_cmpint (bz_api_count (api, "record_access_audit"), >=, 1);
  }
  {
    /* The other nutritionist's list does not include it. */
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/v1/nutritionist/patients?status=all", test_api_nutri2_token (), NULL);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (bz_api_data (r), "pagination"),
                                                 "total_items"), ==, 0);
  }
  {
    gint64 patients = bz_api_count (api, "patients"), users = bz_api_count (api, "users");
    g_autoptr(BzApiResponse) dup = bz_api_json (api, "POST", "/api/v1/nutritionist/patients", test_api_nutri_token (),
        "{\"email\":\"patient-a@test.local\",\"first_name\":\"X\",\"last_name\":\"Y\"}");
    g_autoptr(BzApiResponse) bad = bz_api_json (api, "POST", "/api/v1/nutritionist/patients", test_api_nutri_token (),
        "{\"email\":\"new@test.local\",\"first_name\":\"X\",\"last_name\":\"Y\",\"primary_goal\":\"fly\",\"target_weight_kg\":\"heavy\"}");
    g_assert_cmpuint (dup->status, ==, 409);
    g_assert_cmpuint (bad->status, ==, 400);
    g_assert_true (bz_api_has_detail (bad, "primary_goal"));
    g_assert_true (bz_api_has_detail (bad, "target_weight_kg"));
    g_assert_cmpint (bz_api_count (api, "patients"), ==, patients);
    g_assert_cmpint (bz_api_count (api, "users"), ==, users);
  }
}

static void
test_foods (void)
{
  BzApi *api = bz_api_shared ();
  test_api_ensure_users ();
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/v1/foods?limit=5", test_api_nutri_token (), NULL);
    JsonObject *d = bz_api_data (r);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (d, "pagination"), "total_items"), ==, 8789);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "foods")), ==, 5);
  }
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/v1/foods?search=cheddar", test_api_nutri_token (), NULL);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (bz_api_data (r), "pagination"), "total_items"), >, 0);
  }
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/v1/foods/01001", test_api_nutri_token (), NULL);
    g_assert_cmpuint (r->status, ==, 200);
    g_autoptr(BzApiResponse) nf = bz_api_json (api, "GET", "/api/v1/foods/99999", test_api_nutri_token (), NULL);
    g_assert_cmpuint (nf->status, ==, 404);
    g_autoptr(BzApiResponse) bad = bz_api_json (api, "GET", "/api/v1/foods?limit=0", test_api_nutri_token (), NULL);
    g_assert_cmpuint (bad->status, ==, 400);
    g_assert_true (bz_api_has_detail (bad, "limit"));
  }
}

static void
test_scans_and_avatar (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *member = NULL, *other_member = NULL;
  g_autofree char *pid = NULL, *other_pid = NULL, *body = NULL, *url = NULL, *etag = NULL;
  test_api_ensure_users ();
  pid = test_api_create_patient (test_api_nutri_token (), "scan-a@test.local", &member);
  other_pid = test_api_create_patient (test_api_nutri2_token (), "scan-b@test.local", &other_member);
  body = g_strdup_printf (test_api_scan_body_fmt, pid);
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/scans/upload", test_api_nutri_token (), body);
    JsonObject *avatar;
    g_assert_cmpuint (r->status, ==, 201);
    avatar = json_object_get_object_member (bz_api_data (r), "avatar");
    g_assert_cmpint (json_object_get_int_member (avatar, "version"), ==, 1);
    url = g_strdup (json_object_get_string_member (avatar, "url"));
  }
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/scans?patient_id=%s", pid);
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", path, test_api_nutri_token (), NULL);
    g_autoptr(BzApiResponse) self = bz_api_json (api, "GET", "/api/v1/scans", member, NULL);
    g_autoptr(BzApiResponse) spy = bz_api_json (api, "GET", path, other_member, NULL);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bz_api_data (r), "scans")), ==, 1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bz_api_data (self), "scans")), ==, 1);
    g_assert_cmpuint (spy->status, ==, 404);
  }
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", url, member, NULL);
    gsize n;
    const char *d = g_bytes_get_data (r->body, &n);
    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (soup_message_headers_get_content_type (r->headers, NULL), ==, "model/gltf-binary");
    g_assert_true (n > 1000 && memcmp (d, "glTF", 4) == 0);
    g_assert_nonnull (strstr (soup_message_headers_get_one (r->headers, "Cache-Control"), "immutable"));
    etag = g_strdup (soup_message_headers_get_one (r->headers, "ETag"));
    g_assert_nonnull (etag);
    {
      const char *inm[] = { "If-None-Match", etag, NULL };
      g_autoptr(BzApiResponse) c = bz_api_call (api, "GET", url, member, NULL, NULL, 0, inm);
      g_assert_cmpuint (c->status, ==, 304);
      const char *range[] = { "Range", "bytes=0-11", NULL };
      g_autoptr(BzApiResponse) p = bz_api_call (api, "GET", url, member, NULL, NULL, 0, range);
      g_assert_cmpuint (p->status, ==, 206);
      g_assert_cmpuint (g_bytes_get_size (p->body), ==, 12);
      g_assert_cmpmem (g_bytes_get_data (p->body, NULL), 4, "glTF", 4);
    }
    g_autoptr(BzApiResponse) spy = bz_api_json (api, "GET", url, other_member, NULL);
    g_assert_cmpuint (spy->status, ==, 404);
  }
  {
    gint64 scans = bz_api_count (api, "body_scans"), blobs = bz_api_count (api, "blobs");
    g_autofree char *bad = g_strdup_printf ("{\"patient_id\":\"%s\",\"measured_at\":\"yesterday\",\"sex\":\"robot\","
                                            "\"age\":\"forty\",\"height_cm\":900,\"weight_kg\":88,\"body_fat_percent\":20,"
                                            "\"skeletal_muscle_mass_kg\":30,\"circumferences_cm\":{\"tail\":3}}", pid);
    g_autofree char *foreign = g_strdup_printf (test_api_scan_body_fmt, other_pid);
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/scans/upload", test_api_nutri_token (), bad);
    g_autoptr(BzApiResponse) f = bz_api_json (api, "POST", "/api/scans/upload", test_api_nutri_token (), foreign);
    g_assert_cmpuint (r->status, ==, 400);
    for (guint i = 0; i < 5; i++)
      {
        static const char *fields[] = { "measured_at", "sex", "age", "height_cm", "circumferences_cm.tail" };
        g_assert_true (bz_api_has_detail (r, fields[i]));
      }
    g_assert_cmpuint (f->status, ==, 404);
    g_assert_cmpint (bz_api_count (api, "body_scans"), ==, scans);
    g_assert_cmpint (bz_api_count (api, "blobs"), ==, blobs);
  }
  /* An upload (avatar generated, rows and blob written from a worker), then
   * the patient changes the password with the right current one: 200, never
   * the 500 "database is locked" once seen with --demo (test-snapshot.c has
   * the store side); the new password signs in. */
  {
    g_autoptr(BzApiResponse) up = bz_api_json (api, "POST", "/api/scans/upload", test_api_nutri_token (), body);
    g_autoptr(BzApiResponse) r = NULL, l = NULL;
    g_assert_cmpuint (up->status, ==, 201);
    r = bz_api_json (api, "POST", "/api/auth/password/change", member,
                     "{\"current_password\":\"Member-Pass1!\",\"new_password\":\"Nueva-Clave-2026!\"}");
    g_assert_cmpuint (r->status, ==, 200);
    bz_auth_reset_rate_limits ();
    l = bz_api_json (api, "POST", "/api/auth/login", NULL,
                     "{\"email\":\"scan-a@test.local\",\"password\":\"Nueva-Clave-2026!\"}");
    g_assert_cmpuint (l->status, ==, 200);
  }
}

static void
test_expired_token (void)
{
  BzApi *api = bz_api_shared ();
  /* Same secret, valid signature, exp in the past. */
  g_autofree char *token = NULL;
  g_autoptr(BzApiResponse) r = NULL;
  GBytes *secret = bz_store_get_secret (api->store);
  jwt_t *jwt = NULL;
  g_assert_cmpint (jwt_new (&jwt), ==, 0);
  jwt_set_alg (jwt, JWT_ALG_HS256, g_bytes_get_data (secret, NULL), g_bytes_get_size (secret));
  jwt_add_grant (jwt, "sub", "someone");
  jwt_add_grant (jwt, "type", "access");
  jwt_add_grant (jwt, "role", "nutritionist");
  jwt_add_grant_int (jwt, "iat", g_get_real_time () / G_USEC_PER_SEC - 7200);
  jwt_add_grant_int (jwt, "exp", g_get_real_time () / G_USEC_PER_SEC - 3600);
  token = jwt_encode_str (jwt);
  jwt_free (jwt);
  r = bz_api_json (api, "GET", "/api/v1/nutritionist/patients", token, NULL);
  g_assert_cmpuint (r->status, ==, 401);
}

/* The OpenAPI document lists every route the router serves, in both spellings. */
static void
test_openapi (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/openapi.json", NULL, NULL);
  JsonObject *paths;
  static const char *expected[][2] = {
    { "/api/auth/login", "post" }, { "/api/v1/auth/login", "post" },
    { "/api/v1/nutritionist/patients", "get" }, { "/api/v1/nutritionist/patients", "post" },
    { "/api/v1/nutritionist/patients/{patient_id}", "get" },
    { "/api/v1/foods", "get" }, { "/api/v1/foods/{ndb_no}", "get" },
    { "/api/scans/upload", "post" }, { "/api/v1/scans/upload", "post" }, { "/api/v1/scans", "get" },
    { "/api/v1/avatars/{avatar_id}.glb", "get" },
    { "/api/nutrition/upload-meal", "post" }, { "/api/nutrition/meal-history", "get" },
    { "/api/nutrition/daily", "get" }, { "/api/v1/nutrition/daily", "get" },
    { "/health", "get" }, { "/ready", "get" },
  };
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_nonnull (r->json);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (r->json), "openapi"), ==, "3.0.3");
  paths = json_object_get_object_member (json_node_get_object (r->json), "paths");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *item = json_object_get_object_member (paths, expected[i][0]);
      g_test_message ("%s %s", expected[i][1], expected[i][0]);
      g_assert_nonnull (item);
      g_assert_true (json_object_has_member (item, expected[i][1]));
    }
  /* Every documented operation is routable (no 404 for the path itself). */
  {
    JsonObjectIter it;
    const char *path;
    JsonNode *node;
    json_object_iter_init (&it, paths);
    while (json_object_iter_next (&it, &path, &node))
      if (!strchr (path, '{'))
        {
          /* OPTIONS answers 204 with Allow on every routable path (404 otherwise). */
          g_autoptr(BzApiResponse) x = bz_api_json (api, "OPTIONS", path, NULL, NULL);
          g_assert_cmpuint (x->status, ==, 204);
          g_assert_nonnull (soup_message_headers_get_one (x->headers, "Allow"));
        }
  }
}

/* Runs last: every JSON response above was checked against the document
 * as it arrived; this proves every operation was among them. */
static void
test_openapi_every_operation_checked (void)
{
  bz_api_assert_every_operation_checked (bz_api_shared ());
}

int
main (int argc, char **argv)
{
  int rc;
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/api/health", test_health);
  g_test_add_func ("/api/openapi", test_openapi);
  g_test_add_func ("/api/routes/unknown", test_unknown_route_and_method);
  g_test_add_func ("/api/auth/flow", test_auth_flow_both_prefixes);
  g_test_add_func ("/api/auth/rate-limit", test_login_rate_limit);
  g_test_add_func ("/api/input/bad-json", test_bad_json_inputs);
  g_test_add_func ("/api/auth/logout-revokes-access", test_logout_revokes_access);
  g_test_add_func ("/api/auth/temporary-password", test_temporary_password);
  g_test_add_func ("/api/input/oversized", test_oversized_body);
  g_test_add_func ("/api/input/body-bytes-cap", test_body_bytes_cap);
  g_test_add_func ("/api/auth/api-rate-limit", test_api_rate_limit);
  g_test_add_func ("/api/meals/statements", test_meals_statements);
  g_test_add_func ("/api/auth/tokens-rejected", test_tokens_rejected);
  g_test_add_func ("/api/auth/expired", test_expired_token);
  g_test_add_func ("/api/patients", test_patients);
  g_test_add_func ("/api/patients/edit", test_patients_edit);
  g_test_add_func ("/api/patients/onboarding-fields", test_patients_onboarding_fields);
  g_test_add_func ("/api/foods", test_foods);
  g_test_add_func ("/api/scans", test_scans_and_avatar);
  test_scan_import_add_tests ();
  g_test_add_func ("/api/avatars/variants", test_avatar_variants);
  g_test_add_func ("/api/meals", test_meals);
  g_test_add_func ("/api/recipes", test_recipes);
  test_recipe_add_tests ();
  g_test_add_func ("/api/meal-plans", test_meal_plans);
  test_analytics_add_tests ();
  test_scan_estimate_add_tests ();
  g_test_add_func ("/api/nutritionist/profile", test_nutritionist_profile);
  test_sync_add_tests ();
  test_tls_pairing_add_tests ();
  test_password_reset_add_tests ();
  test_oauth_google_add_tests ();
  test_instagram_add_tests ();
  test_users_me_add_tests ();
  test_scan_rectify_add_tests ();
  test_diet_plans_add_tests ();
  test_ai_meal_plan_add_tests ();
  test_scan3d_add_tests ();
  test_workouts_add_tests ();
  test_workout_analytics_add_tests ();
  g_test_add_func ("/api/integrations", test_integrations);
  g_test_add_func ("/api/clinical", test_clinical);
  g_test_add_func ("/api/challenges", test_challenges);
  test_social_add_tests ();
  test_realtime_add_tests ();
  test_live_events_add_tests ();
  test_machines_add_tests ();
  test_metrics_add_tests ();
  test_consents_add_tests ();
  test_privacy_add_tests ();
  test_encryption_add_tests ();
  g_test_add_func ("/api/ai/recognize-food/local", test_recognize_food_local);
  /* Each test that configures a provider on the shared services drops it when it ends: any order works. */
  g_test_add_func ("/api/integrations/local-meal-proposals", test_meal_detection_local);
  g_test_add_func ("/api/integrations/meal-images", test_meal_images);
  g_test_add_func ("/api/integrations/correct-meal-local", test_meal_correct_local);
  g_test_add_func ("/api/integrations/meal-detection", test_meal_detection);
  g_test_add_func ("/api/integrations/meal-detection/later", test_meal_detection_later);
  g_test_add_func ("/api/integrations/meal-detection/correct-meal", test_meal_correct_openai);
  g_test_add_func ("/api/ai/chat/local", test_ai_chat_local);
  g_test_add_func ("/api/ai/openai", test_ai_openai);
  g_test_add_func ("/api/openapi/every-operation-checked", test_openapi_every_operation_checked);
  rc = g_test_run ();
  bz_api_shutdown ();
  return rc;
}
