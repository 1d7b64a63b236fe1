/* test-oauth-google.c — POST /api/v1/auth/oauth/google (issue 9; seed 002
 * §4.2) against a fake token-info endpoint: a libsoup server on loopback,
 * on its own thread, answering Google's token-info shape for a few fixed
 * tokens.  Success (a new member, then the same one; an existing user by
 * e-mail), every refusal with the store unchanged, no client id, and the
 * provider down (5xx retried, then refused connections) until the breaker
 * opens.
 *
 * Built into test-api's binary (tests/api/meson.build), registered by
 * test-api.c before its every-operation check. */
#include "bz-api-fixture.h"

#include "bz-auth-service-private.h"
#include "bz-auth-service.h"
#include "bz-integration-service.h"
#include "bz-resilient.h"

void test_oauth_google_add_tests (void);

#define CLIENT_ID "balanza-test.apps.googleusercontent.com"
#define NEW_EMAIL "og-new@gmail.test"
#define EXISTING_EMAIL "og-existing@test.local"

typedef struct
{
  GMainContext *context;
  GMainLoop *loop;
  SoupServer *server;
  GThread *thread;
  char *url;
  gint down;        /* answer 503 to everything */
  gint hits;
} Fake;

static Fake fake;

static void
add_claims (JsonBuilder *b, const char *aud, gint64 exp, const char *email, const char *verified, const char *iss)
{
  json_builder_set_member_name (b, "iss");
  json_builder_add_string_value (b, iss);
  json_builder_set_member_name (b, "aud");
  json_builder_add_string_value (b, aud);
  json_builder_set_member_name (b, "sub");
  json_builder_add_string_value (b, "110169484474386276334");
  json_builder_set_member_name (b, "email");
  json_builder_add_string_value (b, email);
  /* Google's token-info gives numbers and booleans as text. */
  json_builder_set_member_name (b, "email_verified");
  json_builder_add_string_value (b, verified);
  json_builder_set_member_name (b, "exp");
  {
    g_autofree char *s = g_strdup_printf ("%" G_GINT64_FORMAT, exp);
    json_builder_add_string_value (b, s);
  }
  json_builder_set_member_name (b, "given_name");
  json_builder_add_string_value (b, "Lucía");
  json_builder_set_member_name (b, "family_name");
  json_builder_add_string_value (b, "Ramírez");
}

static void
tokeninfo (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  const char *token = query ? g_hash_table_lookup (query, "id_token") : NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;

  g_atomic_int_inc (&fake.hits);
  if (g_atomic_int_get (&fake.down))
    {
      soup_server_message_set_status (msg, 503, NULL);
      return;
    }
  json_builder_begin_object (b);
  if (g_strcmp0 (token, "good-new") == 0)
    add_claims (b, CLIENT_ID, now + 3600, NEW_EMAIL, "true", "https://accounts.google.com");
  else if (g_strcmp0 (token, "good-existing") == 0)
    add_claims (b, CLIENT_ID, now + 3600, "OG-Existing@test.local", "true", "accounts.google.com");
  else if (g_strcmp0 (token, "wrong-audience") == 0)
    add_claims (b, "another-app.apps.googleusercontent.com", now + 3600, "og-aud@gmail.test", "true", "accounts.google.com");
  else if (g_strcmp0 (token, "expired") == 0)
    add_claims (b, CLIENT_ID, now - 10, "og-exp@gmail.test", "true", "accounts.google.com");
  else if (g_strcmp0 (token, "unverified") == 0)
    add_claims (b, CLIENT_ID, now + 3600, "og-unverified@gmail.test", "false", "accounts.google.com");
  else if (g_strcmp0 (token, "wrong-issuer") == 0)
    add_claims (b, CLIENT_ID, now + 3600, "og-iss@gmail.test", "true", "https://evil.example");
  else
    {
      /* Google's answer to a forged, malformed or expired token. */
      json_builder_set_member_name (b, "error");
      json_builder_add_string_value (b, "invalid_token");
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      text = json_to_string (root, FALSE);
      soup_server_message_set_status (msg, 400, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, strlen (text));
      return;
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, FALSE);
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, strlen (text));
}

static gpointer
fake_thread (gpointer data)
{
  g_main_context_push_thread_default (fake.context);
  g_main_loop_run (fake.loop);
  g_main_context_pop_thread_default (fake.context);
  return NULL;
}

static void
fake_start (void)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  if (fake.url)
    return;
  fake.context = g_main_context_new ();
  fake.loop = g_main_loop_new (fake.context, FALSE);
  g_main_context_push_thread_default (fake.context);
  fake.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake.server, "/tokeninfo", tokeninfo, NULL, NULL);
  g_assert_true (soup_server_listen_local (fake.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  g_main_context_pop_thread_default (fake.context);
  uris = soup_server_get_uris (fake.server);
  {
    g_autofree char *base = g_uri_to_string (uris->data);
    fake.url = g_strconcat (base, base[strlen (base) - 1] == '/' ? "" : "/", "tokeninfo", NULL);
  }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  fake.thread = g_thread_new ("fake-tokeninfo", fake_thread, NULL);
}

static BzApiResponse *
sign_in (const char *body)
{
  bz_auth_reset_rate_limits ();   /* the per-address limit has its own tests */
  return bz_api_json (bz_api_shared (), "POST", "/api/v1/auth/oauth/google", NULL, body);
}

/* A 503 expected: the server logs every 5xx at WARNING (bz_log_request_error()),
 * which g_test makes fatal; not for this call. */
static BzApiResponse *
sign_in_503 (const char *body)
{
  GLogLevelFlags mask = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  BzApiResponse *r = sign_in (body);

  g_log_set_always_fatal (mask);
  g_assert_cmpuint (r->status, ==, 503);
  g_assert_cmpstr (bz_api_error_code (r), ==, "SERVICE_UNAVAILABLE");
  return r;
}

static const char *
detail_code (BzApiResponse *r, const char *field)
{
  JsonObject *err = json_object_get_object_member (json_node_get_object (r->json), "error");
  JsonArray *details = json_object_get_array_member (err, "details");

  for (guint i = 0; details && i < json_array_get_length (details); i++)
    {
      JsonObject *d = json_array_get_object_element (details, i);
      if (g_strcmp0 (json_object_get_string_member (d, "field"), field) == 0)
        return json_object_get_string_member (d, "issue");
    }
  return NULL;
}

/* Without a client id the route says so, before asking anyone. */
static void
test_not_configured (void)
{
  BzApi *api = bz_api_shared ();
  gint64 users = bz_api_count (api, "users");
  g_autoptr(BzApiResponse) r = NULL;

  fake_start ();
  g_unsetenv (BZ_GOOGLE_CLIENT_ID_ENV);
  g_setenv (BZ_GOOGLE_TOKENINFO_URL_ENV, fake.url, TRUE);
  g_atomic_int_set (&fake.hits, 0);
  r = sign_in_503 ("{\"id_token\":\"good-new\",\"provider\":\"google\"}");
  g_assert_cmpint (g_atomic_int_get (&fake.hits), ==, 0);
  g_assert_cmpint (bz_api_count (api, "users"), ==, users);
}

static void
test_sign_in (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *existing_token = NULL;
  g_autofree char *new_id = NULL;
  gint64 users;

  fake_start ();
  g_setenv (BZ_GOOGLE_CLIENT_ID_ENV, CLIENT_ID, TRUE);
  g_setenv (BZ_GOOGLE_TOKENINFO_URL_ENV, fake.url, TRUE);
  existing_token = bz_api_register (api, EXISTING_EMAIL, "patient", NULL);

  /* A verified e-mail nobody has: a new member, signed in. */
  users = bz_api_count (api, "users");
  {
    g_autoptr(BzApiResponse) r = sign_in ("{\"id_token\":\"good-new\",\"provider\":\"google\"}");
    g_autofree char *auth = NULL;
    JsonObject *d, *user;
    g_assert_cmpuint (r->status, ==, 200);
    d = bz_api_data (r);
    g_assert_true (json_object_get_boolean_member (d, "is_new_user"));
    user = json_object_get_object_member (d, "user");
    g_assert_cmpstr (json_object_get_string_member (user, "email"), ==, NEW_EMAIL);
    g_assert_cmpstr (json_object_get_string_member (user, "first_name"), ==, "Lucía");
    g_assert_cmpstr (json_object_get_string_member (user, "user_type"), ==, "patient");
    new_id = g_strdup (json_object_get_string_member (user, "id"));
    g_assert_cmpint (bz_api_count (api, "users"), ==, users + 1);
    /* The access token works like a password sign-in's. */
    {
      g_autoptr(BzApiResponse) h = bz_api_json (api, "GET", "/api/v1/sync/changes",
                                                json_object_get_string_member (d, "access_token"), NULL);
      g_assert_cmpuint (h->status, ==, 200);
    }
    /* And the refresh token rotates like one. */
    {
      g_autofree char *body = g_strdup_printf ("{\"refresh_token\":\"%s\"}",
                                               json_object_get_string_member (d, "refresh_token"));
      g_autoptr(BzApiResponse) f = bz_api_json (api, "POST", "/api/v1/auth/refresh", NULL, body);
      g_assert_cmpuint (f->status, ==, 200);
    }
  }
  /* The same Google account again: the same user, not a new one. */
  {
    g_autoptr(BzApiResponse) r = sign_in ("{\"id_token\":\"good-new\"}");
    g_assert_cmpuint (r->status, ==, 200);
    g_assert_false (json_object_get_boolean_member (bz_api_data (r), "is_new_user"));
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "user"), "id"),
                     ==, new_id);
    g_assert_cmpint (bz_api_count (api, "users"), ==, users + 1);
  }
  /* A verified e-mail of a registered user (case aside): linked to it. */
  {
    g_autoptr(BzApiResponse) r = sign_in ("{\"id_token\":\"good-existing\"}");
    g_assert_cmpuint (r->status, ==, 200);
    g_assert_false (json_object_get_boolean_member (bz_api_data (r), "is_new_user"));
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "user"), "email"),
                     ==, EXISTING_EMAIL);
    g_assert_cmpint (bz_api_count (api, "users"), ==, users + 1);
  }
}

/* Every refusal: the status, the field and its code, nothing written. */
static void
test_refusals (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *long_token = NULL;
  static struct { const char *body; guint status; const char *field; const char *code; } cases[] = {
    { "{\"id_token\":\"wrong-audience\"}", 401, "id_token", "wrong_audience" },
    { "{\"id_token\":\"expired\"}", 401, "id_token", "expired" },
    { "{\"id_token\":\"unverified\"}", 401, "id_token", "email_not_verified" },
    { "{\"id_token\":\"wrong-issuer\"}", 401, "id_token", "wrong_issuer" },
    { "{\"id_token\":\"forged\"}", 401, "id_token", "invalid_token" },
    { "{}", 400, "id_token", NULL },
    { "{\"id_token\":42}", 400, "id_token", NULL },
    { "{\"id_token\":\"\"}", 400, "id_token", NULL },
    { "{\"id_token\":\"good-new\",\"provider\":\"facebook\"}", 400, "provider", NULL },
    { "{\"id_token\":\"good-new\",\"scope\":\"admin\"}", 400, "scope", NULL },
    { "[\"good-new\"]", 400, NULL, NULL },
    { NULL, 400, "id_token", NULL },    /* a token longer than BZ_GOOGLE_ID_TOKEN_MAX, set below */
  };

  fake_start ();
  g_setenv (BZ_GOOGLE_CLIENT_ID_ENV, CLIENT_ID, TRUE);
  g_setenv (BZ_GOOGLE_TOKENINFO_URL_ENV, fake.url, TRUE);
  {
    g_autofree char *t = g_strnfill (8193, 'x');
    long_token = g_strdup_printf ("{\"id_token\":\"%s\"}", t);
    cases[G_N_ELEMENTS (cases) - 1].body = long_token;
  }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 users = bz_api_count (api, "users"), tokens = bz_api_count (api, "refresh_tokens");
      gint64 changes = bz_api_count (api, "changes");
      g_autoptr(BzApiResponse) r = sign_in (cases[i].body);
      g_test_message ("POST %.60s", cases[i].body);
      g_assert_cmpuint (r->status, ==, cases[i].status);
      if (cases[i].field)
        g_assert_true (bz_api_has_detail (r, cases[i].field));
      if (cases[i].code)
        g_assert_cmpstr (detail_code (r, cases[i].field), ==, cases[i].code);
      g_assert_cmpint (bz_api_count (api, "users"), ==, users);
      g_assert_cmpint (bz_api_count (api, "refresh_tokens"), ==, tokens);
      g_assert_cmpint (bz_api_count (api, "changes"), ==, changes);
    }
  cases[G_N_ELEMENTS (cases) - 1].body = NULL;
}

/* Google down: 503s are retried, then the call answers 503; refused
 * connections the same; after enough failures the breaker opens and a
 * good token is refused without asking (the remote step is skipped). */
static void
test_provider_down (void)
{
  BzApi *api = bz_api_shared ();
  BzResilient *resilient;
  BzResilientStats stats = { 0 };
  gint64 users = bz_api_count (api, "users");

  fake_start ();
  g_setenv (BZ_GOOGLE_CLIENT_ID_ENV, CLIENT_ID, TRUE);
  g_setenv (BZ_GOOGLE_TOKENINFO_URL_ENV, fake.url, TRUE);
  g_atomic_int_set (&fake.down, 1);
  g_atomic_int_set (&fake.hits, 0);
  {
    g_autoptr(BzApiResponse) r = sign_in_503 ("{\"id_token\":\"good-new\"}");
  }
  g_assert_cmpint (g_atomic_int_get (&fake.hits), ==, BZ_RESILIENT_MAX_ATTEMPTS);
  g_atomic_int_set (&fake.down, 0);

  /* Nobody listening (a closed loopback port): UNAVAILABLE, retried too. */
  {
    g_autoptr(GSocket) s = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
    g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) any = g_inet_socket_address_new (lo, 0);
    g_autoptr(GSocketAddress) bound = NULL;
    g_autofree char *url = NULL;
    g_assert_true (g_socket_bind (s, any, FALSE, NULL));
    bound = g_socket_get_local_address (s, NULL);
    /* Bound, never listening: a connection is refused. */
    url = g_strdup_printf ("http://127.0.0.1:%u/tokeninfo", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
    g_setenv (BZ_GOOGLE_TOKENINFO_URL_ENV, url, TRUE);
    {
      g_autoptr(BzApiResponse) r = sign_in_503 ("{\"id_token\":\"good-new\"}");
    }
  }
  resilient = bz_integrations_lookup (api->services, "identity", "http");
  g_assert_nonnull (resilient);
  bz_resilient_get_stats (resilient, &stats);
  g_assert_cmpuint (stats.failures, >=, BZ_RESILIENT_BREAKER_FAILURES);
  g_assert_cmpint (stats.breaker, ==, BZ_BREAKER_OPEN);
  bz_resilient_stats_clear (&stats);

  /* The fake is back, but the breaker is open: not asked, still 503. */
  g_setenv (BZ_GOOGLE_TOKENINFO_URL_ENV, fake.url, TRUE);
  g_atomic_int_set (&fake.hits, 0);
  {
    g_autoptr(BzApiResponse) r = sign_in_503 ("{\"id_token\":\"good-new\"}");
  }
  g_assert_cmpint (g_atomic_int_get (&fake.hits), ==, 0);
  g_assert_cmpint (bz_api_count (api, "users"), ==, users);
  g_unsetenv (BZ_GOOGLE_CLIENT_ID_ENV);
  g_unsetenv (BZ_GOOGLE_TOKENINFO_URL_ENV);
}

void
test_oauth_google_add_tests (void)
{
  g_test_add_func ("/api/oauth-google/not-configured", test_not_configured);
  g_test_add_func ("/api/oauth-google/sign-in", test_sign_in);
  g_test_add_func ("/api/oauth-google/refusals", test_refusals);
  g_test_add_func ("/api/oauth-google/provider-down", test_provider_down);
}
