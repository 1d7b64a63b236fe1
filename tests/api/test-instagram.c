/* test-instagram.c — Instagram sharing (seed 002 §5.2.4) against a fake of
 * Instagram's OAuth and Graph endpoints: a libsoup server on loopback, on
 * its own thread.  Not configured (503, nobody called); connect ->
 * callback -> status -> share (the job publishes: container, media_publish)
 * -> disconnect; bad, replayed and expired states (400, nothing stored); a
 * refused code (502); the share's refusals (another user's post 404, no
 * photo, not connected); Graph errors: 5xx retried by the job until it
 * publishes, 4xx not retried and failed, both visible in status; and the
 * raw database never holding the token.
 *
 * Built into test-api's binary (tests/api/meson.build), registered by
 * test-api.c before its every-operation check.  The jobs run in a runner of
 * this test with only the share kind, on the jobs' fake clock. */
#define _GNU_SOURCE   /* memmem */
#include "bz-api-fixture.h"

#include <string.h>

#include "bz-instagram-service.h"
#include "bz-jobs.h"

void test_instagram_add_tests (void);

#define SHORT_TOKEN "IGQVJ-short-4d1f"
#define LONG_TOKEN  "IGQVJ-long-lived-9c2e77"
#define IG_USER     "17841400000000001"
#define REDIRECT    "https://app.clinic.example/settings/integrations/instagram/callback"
#define PUBLIC_URL  "https://clinic.example"

typedef struct
{
  GMainContext *context;
  GMainLoop *loop;
  SoupServer *server;
  GThread *thread;
  char *url;
  GMutex lock;
  guint media_fail_status;   /* the next media calls answer this... */
  gint media_fail_count;     /* ...this many times */
  gint media_calls, publish_calls, token_calls;
  char *last_caption, *last_image_url, *last_media_type;
} Fake;

static Fake fake;
static char *member_token;   /* test_connect's member, connected there */

static void
answer (SoupServerMessage *msg, guint status, const char *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static void
fake_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  const char *method = soup_server_message_get_method (msg);
  const char *token = query ? g_hash_table_lookup (query, "access_token") : NULL;

  g_mutex_lock (&fake.lock);
  if (g_str_equal (method, "POST") && g_str_equal (path, "/oauth/access_token"))
    {
      SoupMessageBody *body = soup_server_message_get_request_body (msg);
      g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      GHashTable *form = soup_form_decode (text);

      fake.token_calls++;
      if (g_strcmp0 (g_hash_table_lookup (form, "client_secret"), "app-secret-42") != 0
          || g_strcmp0 (g_hash_table_lookup (form, "grant_type"), "authorization_code") != 0
          || g_strcmp0 (g_hash_table_lookup (form, "redirect_uri"), REDIRECT) != 0
          || g_strcmp0 (g_hash_table_lookup (form, "code"), "good-code") != 0)
        answer (msg, 400, "{\"error_type\":\"OAuthException\",\"code\":400,\"error_message\":\"Invalid code\"}");
      else
        answer (msg, 200, "{\"access_token\":\"" SHORT_TOKEN "\",\"user_id\":" IG_USER "}");
      g_hash_table_unref (form);
    }
  else if (g_str_equal (path, "/access_token"))
    {
      if (g_strcmp0 (token, SHORT_TOKEN) == 0 && g_strcmp0 (g_hash_table_lookup (query, "grant_type"), "ig_exchange_token") == 0)
        answer (msg, 200, "{\"access_token\":\"" LONG_TOKEN "\",\"token_type\":\"bearer\",\"expires_in\":5184000}");
      else
        answer (msg, 400, "{\"error\":{\"message\":\"Invalid OAuth access token\"}}");
    }
  else if (g_str_equal (path, "/me"))
    {
      if (g_strcmp0 (token, LONG_TOKEN) == 0)
        answer (msg, 200, "{\"id\":\"" IG_USER "\",\"username\":\"carlos_saludable\",\"account_type\":\"BUSINESS\"}");
      else
        answer (msg, 400, "{\"error\":{\"message\":\"Invalid OAuth access token\"}}");
    }
  else if (g_str_equal (path, "/" IG_USER "/media") && g_str_equal (method, "POST"))
    {
      fake.media_calls++;
      g_clear_pointer (&fake.last_caption, g_free);
      g_clear_pointer (&fake.last_image_url, g_free);
      g_clear_pointer (&fake.last_media_type, g_free);
      fake.last_caption = g_strdup (g_hash_table_lookup (query, "caption"));
      fake.last_image_url = g_strdup (g_hash_table_lookup (query, "image_url"));
      fake.last_media_type = g_strdup (g_hash_table_lookup (query, "media_type"));
      if (g_strcmp0 (token, LONG_TOKEN) != 0)
        answer (msg, 400, "{\"error\":{\"message\":\"Invalid OAuth access token\"}}");
      else if (fake.media_fail_count > 0)
        {
          fake.media_fail_count--;
          answer (msg, fake.media_fail_status, "{\"error\":{\"message\":\"scripted failure\"}}");
        }
      else
        {
          g_autofree char *json = g_strdup_printf ("{\"id\":\"container-%d\"}", fake.media_calls);
          answer (msg, 200, json);
        }
    }
  else if (g_str_equal (path, "/" IG_USER "/media_publish") && g_str_equal (method, "POST"))
    {
      g_autofree char *json = NULL;

      fake.publish_calls++;
      json = g_strdup_printf ("{\"id\":\"1790%06d\"}", fake.publish_calls);
      if (g_strcmp0 (token, LONG_TOKEN) != 0 || !g_str_has_prefix (g_hash_table_lookup (query, "creation_id"), "container-"))
        answer (msg, 400, "{\"error\":{\"message\":\"Invalid creation id\"}}");
      else
        answer (msg, 200, json);
    }
  else
    answer (msg, 404, "{}");
  g_mutex_unlock (&fake.lock);
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
  g_mutex_init (&fake.lock);
  fake.context = g_main_context_new ();
  fake.loop = g_main_loop_new (fake.context, FALSE);
  g_main_context_push_thread_default (fake.context);
  fake.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake.server, NULL, fake_handler, NULL, NULL);
  g_assert_true (soup_server_listen_local (fake.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  g_main_context_pop_thread_default (fake.context);
  uris = soup_server_get_uris (fake.server);
  fake.url = g_uri_to_string (uris->data);
  if (g_str_has_suffix (fake.url, "/"))
    fake.url[strlen (fake.url) - 1] = '\0';
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  fake.thread = g_thread_new ("fake-instagram", fake_thread, NULL);
}

static void
configure (void)
{
  fake_start ();
  g_setenv (BZ_INSTAGRAM_APP_ID_ENV, "990011223344", TRUE);
  g_setenv (BZ_INSTAGRAM_APP_SECRET_ENV, "app-secret-42", TRUE);
  g_setenv (BZ_INSTAGRAM_PUBLIC_URL_ENV, PUBLIC_URL "/", TRUE);
  g_setenv (BZ_INSTAGRAM_OAUTH_URL_ENV, fake.url, TRUE);
  g_setenv (BZ_INSTAGRAM_GRAPH_URL_ENV, fake.url, TRUE);
}

/* A 5xx expected: the server logs every 5xx at WARNING, which g_test makes fatal. */
static BzApiResponse *
call_5xx (const char *method, const char *path, const char *token, const char *body, guint status, const char *code)
{
  GLogLevelFlags mask = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  BzApiResponse *r = bz_api_json (bz_api_shared (), method, path, token, body);

  g_log_set_always_fatal (mask);
  g_assert_cmpuint (r->status, ==, status);
  g_assert_cmpstr (bz_api_error_code (r), ==, code);
  return r;
}

static const char *
detail_issue (BzApiResponse *r, const char *field)
{
  JsonObject *err = json_object_get_object_member (json_node_get_object (r->json), "error");
  JsonArray *details = json_object_has_member (err, "details") ? json_object_get_array_member (err, "details") : NULL;

  for (guint i = 0; details && i < json_array_get_length (details); i++)
    {
      JsonObject *d = json_array_get_object_element (details, i);
      if (g_strcmp0 (json_object_get_string_member (d, "field"), field) == 0)
        return json_object_get_string_member (d, "issue");
    }
  return NULL;
}

/* The counts of the tables a refusal must not change. */
static char *
snapshot (void)
{
  BzApi *api = bz_api_shared ();

  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                          bz_api_count (api, "instagram_oauth_states"), bz_api_count (api, "instagram_connections"),
                          bz_api_count (api, "instagram_posts"), bz_api_count (api, "jobs"));
}

static void
refuse (const char *method, const char *path, const char *token, const char *body, guint status, const char *code,
        const char *field, const char *issue)
{
  g_autofree char *before = snapshot (), *after = NULL;
  g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), method, path, token, body);

  g_assert_cmpuint (r->status, ==, status);
  g_assert_cmpstr (bz_api_error_code (r), ==, code);
  if (field && issue)
    g_assert_cmpstr (detail_issue (r, field), ==, issue);
  else if (field)
    g_assert_nonnull (detail_issue (r, field));
  after = snapshot ();
  g_assert_cmpstr (after, ==, before);
}

static char *
query_text (const char *sql, const char *arg)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (bz_api_shared ()->store), sql, NULL);

  g_assert_nonnull (st);
  if (arg)
    sqlite3_bind_text (st, 1, arg, -1, SQLITE_TRANSIENT);
  return sqlite3_step (st) == SQLITE_ROW && sqlite3_column_text (st, 0)
         ? g_strdup ((const char *) sqlite3_column_text (st, 0)) : NULL;
}

static gboolean
file_holds (const char *path, const char *needle)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;
  return memmem (contents, len, needle, strlen (needle)) != NULL;
}

/* A connect of @token's: its state. */
static char *
connect_state (const char *token)
{
  g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "POST", "/api/v1/integrations/instagram/connect", token,
                                            "{\"redirect_uri\":\"" REDIRECT "\"}");
  JsonObject *d;
  const char *url;

  g_assert_cmpuint (r->status, ==, 200);
  d = bz_api_data (r);
  url = json_object_get_string_member (d, "authorization_url");
  g_assert_true (g_str_has_prefix (url, fake.url));
  g_assert_nonnull (strstr (url, "/oauth/authorize?client_id=990011223344&redirect_uri=https%3A%2F%2Fapp.clinic.example"));
  g_assert_nonnull (strstr (url, "&response_type=code&state="));
  g_assert_nonnull (strstr (url, json_object_get_string_member (d, "state")));
  return g_strdup (json_object_get_string_member (d, "state"));
}

static char *
callback_path (const char *code, const char *state)
{
  g_autofree char *c = g_uri_escape_string (code, NULL, FALSE), *s = g_uri_escape_string (state, NULL, FALSE);

  return g_strdup_printf ("/api/v1/integrations/instagram/callback?code=%s&state=%s", c, s);
}

/* A post of @token's: with a photo (multipart) or text only. */
static char *
make_post (const char *token, gboolean photo)
{
  g_autoptr(BzApiResponse) r = NULL;

  if (photo)
    {
      g_autoptr(SoupMultipart) mp = soup_multipart_new ("multipart/form-data");
      g_autoptr(SoupMessageHeaders) h = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
      g_autoptr(GBytes) jpeg = bz_api_test_jpeg (), body = NULL;

      soup_multipart_append_form_string (mp, "type", "photo");
      soup_multipart_append_form_string (mp, "caption", "Mi desayuno");
      soup_multipart_append_form_file (mp, "files", "desayuno.jpg", "image/jpeg", jpeg);
      soup_multipart_to_message (mp, h, &body);
      r = bz_api_call (bz_api_shared (), "POST", "/api/v1/posts", token, soup_message_headers_get_one (h, "Content-Type"),
                       g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL);
    }
  else
    r = bz_api_json (bz_api_shared (), "POST", "/api/v1/posts", token, "{\"type\":\"text\",\"body\":\"Sin foto\"}");
  g_assert_cmpuint (r->status, ==, 201);
  return g_strdup (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "post"), "id"));
}

/* Shares @post_id: the share's id (job_id). */
static char *
share (const char *token, const char *post_id, const char *extra)
{
  g_autofree char *body = g_strdup_printf ("{\"post_id\":\"%s\"%s}", post_id, extra ? extra : "");
  g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "POST", "/api/v1/integrations/instagram/share", token, body);
  JsonObject *d;

  g_assert_cmpuint (r->status, ==, 202);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (r->json), "message"), !=, NULL);
  d = bz_api_data (r);
  g_assert_cmpint (json_object_get_int_member (d, "estimated_time_seconds"), ==, 5);
  return g_strdup (json_object_get_string_member (d, "job_id"));
}

/* Waits until the share's job has no due attempt left at the jobs' fake
 * time @now_ms: done, failed, or queued for later. */
static void
settle (BzJobRunner *runner, const char *share_id, gint64 now_ms)
{
  g_autofree char *key = g_strconcat ("instagram-share:", share_id, NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM jobs WHERE idempotency_key = ?1 AND (state = 'running' OR "
                                          "(state = 'queued' AND run_at <= %" G_GINT64_FORMAT "))", now_ms);

  bz_jobs_set_test_now_ms (now_ms);
  bz_job_runner_wake (runner);
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *due = query_text (sql, key);
      if (g_strcmp0 (due, "0") == 0)
        return;
      g_usleep (10000);
    }
  g_assert_not_reached ();
}

static char *
job_field (const char *share_id, const char *column)
{
  g_autofree char *key = g_strconcat ("instagram-share:", share_id, NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM jobs WHERE idempotency_key = ?1", column);

  return query_text (sql, key);
}

static JsonObject *
last_share (BzApiResponse *status)
{
  JsonObject *d = bz_api_data (status);

  g_assert_true (json_object_get_boolean_member (d, "connected"));
  return json_object_get_object_member (d, "last_share");
}

/* Nothing configured: every route but status says so (503) and calls no one. */
static void
test_not_configured (void)
{
  g_autofree char *token = bz_api_register (bz_api_shared (), "ig-none@test.local", "patient", NULL);
  g_autofree char *before = snapshot (), *after = NULL;
  g_autoptr(BzApiResponse) a = NULL, b = NULL, c = NULL, s = NULL;

  fake_start ();
  g_unsetenv (BZ_INSTAGRAM_APP_ID_ENV);
  g_unsetenv (BZ_INSTAGRAM_APP_SECRET_ENV);
  fake.token_calls = 0;
  a = call_5xx ("POST", "/api/v1/integrations/instagram/connect", token, "{\"redirect_uri\":\"" REDIRECT "\"}", 503,
                "SERVICE_UNAVAILABLE");
  {
    g_autofree char *path = callback_path ("good-code", "anything");
    b = call_5xx ("GET", path, NULL, NULL, 503, "SERVICE_UNAVAILABLE");
  }
  c = call_5xx ("POST", "/api/v1/integrations/instagram/share", token,
                "{\"post_id\":\"6f1c1f0e-3f0b-4b8e-9d59-2d2a4f1d8a11\"}", 503, "SERVICE_UNAVAILABLE");
  s = bz_api_json (bz_api_shared (), "GET", "/api/v1/integrations/instagram/status", token, NULL);
  g_assert_cmpuint (s->status, ==, 200);
  g_assert_false (json_object_get_boolean_member (bz_api_data (s), "connected"));
  g_assert_true (json_object_get_null_member (bz_api_data (s), "connection"));
  g_assert_cmpint (fake.token_calls, ==, 0);
  after = snapshot ();
  g_assert_cmpstr (after, ==, before);
}

/* connect and callback: the state is single use, bound, expiring. */
static void
test_connect (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *token = bz_api_register (api, "ig-member@test.local", "patient", NULL);
  g_autofree char *other = bz_api_register (api, "ig-other@test.local", "patient", NULL);
  g_autofree char *state = NULL, *expiring = NULL, *refused = NULL, *stored = NULL, *path = NULL;
  g_autofree char *db = g_build_filename (bz_store_get_data_dir (api->store), "balanza.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autoptr(BzApiResponse) r = NULL, s = NULL, bad = NULL;
  JsonObject *conn;

  configure ();
  g_free (member_token);
  member_token = g_strdup (token);
  /* Refusals of connect. */
  refuse ("POST", "/api/v1/integrations/instagram/connect", token, "{}", 400, "VALIDATION_ERROR", "redirect_uri", "required");
  refuse ("POST", "/api/v1/integrations/instagram/connect", token, "{\"redirect_uri\":\"ftp://files.example/x\"}", 400,
          "VALIDATION_ERROR", "redirect_uri", "invalid_format");
  refuse ("POST", "/api/v1/integrations/instagram/connect", token,
          "{\"redirect_uri\":\"" REDIRECT "\",\"scope\":\"all\"}", 400, "VALIDATION_ERROR", "scope", NULL);
  refuse ("POST", "/api/v1/integrations/instagram/connect", NULL, "{\"redirect_uri\":\"" REDIRECT "\"}", 401,
          "UNAUTHENTICATED", NULL, NULL);

  /* Refusals of the callback: nothing stored. */
  state = connect_state (token);
  refuse ("GET", "/api/v1/integrations/instagram/callback?state=x", NULL, NULL, 400, "VALIDATION_ERROR", "code", "required");
  g_free (path), path = callback_path ("good-code", "not-a-state");
  refuse ("GET", path, NULL, NULL, 400, "VALIDATION_ERROR", "state", "invalid_state");
  /* Expired: 10 minutes later (the jobs' clock is the service's). */
  expiring = connect_state (token);
  bz_jobs_set_test_now_ms (g_get_real_time () / 1000 + (BZ_INSTAGRAM_STATE_TTL_S + 1) * 1000);
  g_free (path), path = callback_path ("good-code", expiring);
  refuse ("GET", path, NULL, NULL, 400, "VALIDATION_ERROR", "state", "expired_state");
  bz_jobs_set_test_now_ms (0);
  /* A code Instagram refuses: 502, the state used up, no connection. */
  refused = connect_state (token);
  g_free (path), path = callback_path ("stolen-code", refused);
  bad = call_5xx ("GET", path, NULL, NULL, 502, "UPSTREAM_ERROR");
  g_assert_cmpint (bz_api_count (api, "instagram_connections"), ==, 0);
  refuse ("GET", path, NULL, NULL, 400, "VALIDATION_ERROR", "state", "invalid_state");

  /* The good one: connected, the member's own (not the other's). */
  g_free (path), path = callback_path ("good-code", state);
  r = bz_api_json (api, "GET", path, NULL, NULL);
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_true (json_object_get_boolean_member (bz_api_data (r), "connected"));
  g_assert_null (strstr (g_bytes_get_data (r->body, NULL), LONG_TOKEN));
  g_assert_cmpint (bz_api_count (api, "instagram_connections"), ==, 1);
  /* Replayed: refused, nothing changes. */
  refuse ("GET", path, NULL, NULL, 400, "VALIDATION_ERROR", "state", "invalid_state");

  s = bz_api_json (api, "GET", "/api/v1/integrations/instagram/status", token, NULL);
  g_assert_cmpuint (s->status, ==, 200);
  g_assert_true (json_object_get_boolean_member (bz_api_data (s), "connected"));
  conn = json_object_get_object_member (bz_api_data (s), "connection");
  g_assert_cmpstr (json_object_get_string_member (conn, "instagram_username"), ==, "carlos_saludable");
  g_assert_cmpstr (json_object_get_string_member (conn, "account_type"), ==, "BUSINESS");
  g_assert_true (json_object_get_boolean_member (conn, "share_to_feed"));
  g_assert_true (json_object_get_null_member (bz_api_data (s), "last_share"));
  g_assert_false (json_object_has_member (conn, "access_token"));
  {
    g_autoptr(BzApiResponse) o = bz_api_json (api, "GET", "/api/v1/integrations/instagram/status", other, NULL);
    g_assert_false (json_object_get_boolean_member (bz_api_data (o), "connected"));
  }

  /* The token is sealed: not in the column, the WAL or the file. */
  stored = query_text ("SELECT access_token FROM instagram_connections", NULL);
  g_assert_true (g_str_has_prefix (stored, "bzenc1:"));
  g_assert_null (strstr (stored, LONG_TOKEN));
  g_assert_false (file_holds (wal, LONG_TOKEN));
  bz_store_checkpoint (api->store);
  g_assert_false (file_holds (db, LONG_TOKEN));
  g_assert_true (file_holds (db, "carlos_saludable"));   /* the same read finds what is not sealed */
}

/* share: the refusals, then the job publishes; Graph errors in status. */
static void
test_share (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *token = NULL, *other = NULL, *mine = NULL, *text_only = NULL, *theirs = NULL;
  g_autofree char *id = NULL, *retried = NULL, *refused = NULL, *image_url = NULL, *body = NULL, *v = NULL;
  g_autoptr(BzJobRunner) runner = NULL;
  gint64 now = g_get_real_time () / 1000;
  const char *path = "/api/v1/integrations/instagram/share";
  int media_before;

  configure ();
  /* test_connect's member, connected. */
  g_assert_nonnull (member_token);
  token = g_strdup (member_token);
  other = bz_api_register (api, "ig-stranger@test.local", "patient", NULL);
  mine = make_post (token, TRUE);
  text_only = make_post (token, FALSE);
  theirs = make_post (other, TRUE);

  /* Refusals: nothing queued, nothing recorded. */
  refuse ("POST", path, token, "{}", 400, "VALIDATION_ERROR", "post_id", "required");
  body = g_strdup_printf ("{\"post_id\":\"%s\",\"share_to_feed\":false}", mine);
  refuse ("POST", path, token, body, 400, "VALIDATION_ERROR", "share_to_feed", "invalid_value");
  g_free (body), body = g_strdup_printf ("{\"post_id\":\"%s\",\"hashtags\":[\"dos palabras\"]}", mine);
  refuse ("POST", path, token, body, 400, "VALIDATION_ERROR", "hashtags[0]", "invalid_format");
  g_free (body), body = g_strdup_printf ("{\"post_id\":\"%s\"}", text_only);
  refuse ("POST", path, token, body, 400, "VALIDATION_ERROR", "post_id", "no_photo");
  g_free (body), body = g_strdup_printf ("{\"post_id\":\"%s\"}", theirs);
  refuse ("POST", path, token, body, 404, "NOT_FOUND", NULL, NULL);
  refuse ("POST", path, token, "{\"post_id\":\"6f1c1f0e-3f0b-4b8e-9d59-2d2a4f1d8a11\"}", 404, "NOT_FOUND", NULL, NULL);
  /* The other member is not connected; their own post is refused for that. */
  refuse ("POST", path, other, body, 409, "CONFLICT", NULL, NULL);

  runner = bz_job_runner_new (api->store);
  bz_instagram_register_jobs (runner, api->services);
  bz_job_runner_set_timing (runner, BZ_JOBS_LEASE_MS, 20);
  bz_job_runner_start (runner);

  /* Published: a container with the caption and the photo's public URL, then
   * media_publish.  The jobs' clock stands still but when settle() moves it. */
  bz_jobs_set_test_now_ms (now);
  id = share (token, mine, ",\"hashtags\":[\"#México\",\"Salud\"]");
  settle (runner, id, now);
  {
    g_autoptr(BzApiResponse) s = bz_api_json (api, "GET", "/api/v1/integrations/instagram/status", token, NULL);
    JsonObject *last = last_share (s);

    g_assert_cmpstr (json_object_get_string_member (last, "id"), ==, id);
    g_assert_cmpstr (json_object_get_string_member (last, "post_id"), ==, mine);
    g_assert_cmpstr (json_object_get_string_member (last, "status"), ==, "published");
    g_assert_true (g_str_has_prefix (json_object_get_string_member (last, "instagram_media_id"), "1790"));
    g_assert_true (json_object_get_null_member (last, "error_message"));
  }
  image_url = g_strdup_printf (PUBLIC_URL "/api/v1/posts/%s/photos/0", mine);
  g_mutex_lock (&fake.lock);
  g_assert_cmpstr (fake.last_caption, ==, "Mi desayuno\n\n#México #Salud");
  g_assert_cmpstr (fake.last_image_url, ==, image_url);
  g_assert_null (fake.last_media_type);
  g_mutex_unlock (&fake.lock);
  v = job_field (id, "state");
  g_assert_cmpstr (v, ==, "done");

  /* 5xx twice: retried with the jobs' backoff, visible meanwhile, then published. */
  g_mutex_lock (&fake.lock);
  fake.media_fail_status = 500;
  fake.media_fail_count = 2;
  media_before = fake.media_calls;
  g_mutex_unlock (&fake.lock);
  retried = share (token, mine, ",\"share_to_feed\":false,\"share_to_stories\":true");
  settle (runner, retried, now + 1000);
  {
    g_autoptr(BzApiResponse) s = bz_api_json (api, "GET", "/api/v1/integrations/instagram/status", token, NULL);
    JsonObject *last = last_share (s);

    g_assert_cmpstr (json_object_get_string_member (last, "status"), ==, "publishing");
    g_assert_nonnull (strstr (json_object_get_string_member (last, "error_message"), "500"));
  }
  g_free (v), v = job_field (retried, "attempts");
  g_assert_cmpstr (v, ==, "1");
  settle (runner, retried, now + 3600 * 1000);
  settle (runner, retried, now + 2 * 3600 * 1000);
  g_free (v), v = job_field (retried, "state");
  g_assert_cmpstr (v, ==, "done");
  g_free (v), v = job_field (retried, "attempts");
  g_assert_cmpstr (v, ==, "3");
  g_mutex_lock (&fake.lock);
  g_assert_cmpint (fake.media_calls - media_before, ==, 3);
  g_assert_cmpstr (fake.last_media_type, ==, "STORIES");
  g_mutex_unlock (&fake.lock);
  {
    g_autoptr(BzApiResponse) s = bz_api_json (api, "GET", "/api/v1/integrations/instagram/status", token, NULL);
    JsonObject *last = last_share (s);

    g_assert_cmpstr (json_object_get_string_member (last, "status"), ==, "published");
    g_assert_true (json_object_get_null_member (last, "error_message"));
  }

  /* A 4xx: not retried; the share fails, with Instagram's status in status. */
  g_mutex_lock (&fake.lock);
  fake.media_fail_status = 400;
  fake.media_fail_count = 1;
  media_before = fake.media_calls;
  g_mutex_unlock (&fake.lock);
  refused = share (token, mine, ",\"custom_caption\":\"Otro texto\"");
  settle (runner, refused, now + 3 * 3600 * 1000);
  g_free (v), v = job_field (refused, "state");
  g_assert_cmpstr (v, ==, "failed");
  g_free (v), v = job_field (refused, "attempts");
  g_assert_cmpstr (v, ==, "1");
  g_mutex_lock (&fake.lock);
  g_assert_cmpint (fake.media_calls - media_before, ==, 1);
  g_assert_cmpstr (fake.last_caption, ==, "Otro texto\n\n#NutritionIntelligence #VidaSaludable #México");
  g_mutex_unlock (&fake.lock);
  {
    g_autoptr(BzApiResponse) s = bz_api_json (api, "GET", "/api/v1/integrations/instagram/status", token, NULL);
    JsonObject *last = last_share (s);

    g_assert_cmpstr (json_object_get_string_member (last, "id"), ==, refused);
    g_assert_cmpstr (json_object_get_string_member (last, "status"), ==, "failed");
    g_assert_true (json_object_get_null_member (last, "instagram_media_id"));
    g_assert_nonnull (strstr (json_object_get_string_member (last, "error_message"), "400"));
  }

  bz_job_runner_stop (runner);
  g_clear_pointer (&runner, bz_job_runner_free);
  bz_jobs_set_test_now_ms (0);

  /* Disconnect: the connection and its shares go; a second time is 404. */
  refuse ("DELETE", "/api/v1/integrations/instagram/disconnect", other, NULL, 404, "NOT_FOUND", NULL, NULL);
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "DELETE", "/api/v1/integrations/instagram/disconnect", token, NULL);
    g_autoptr(BzApiResponse) s = bz_api_json (api, "GET", "/api/v1/integrations/instagram/status", token, NULL);

    g_assert_cmpuint (r->status, ==, 204);
    g_assert_cmpuint (g_bytes_get_size (r->body), ==, 0);
    g_assert_false (json_object_get_boolean_member (bz_api_data (s), "connected"));
    g_assert_cmpint (bz_api_count (api, "instagram_connections"), ==, 0);
    g_assert_cmpint (bz_api_count (api, "instagram_posts"), ==, 0);
  }
  refuse ("DELETE", "/api/v1/integrations/instagram/disconnect", token, NULL, 404, "NOT_FOUND", NULL, NULL);
  g_free (body), body = g_strdup_printf ("{\"post_id\":\"%s\"}", mine);
  refuse ("POST", path, token, body, 409, "CONFLICT", NULL, NULL);
}

/* Deleting the account (seed 002 §7.3.2) deletes the connection and its token. */
static void
test_account_deletion (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *token = bz_api_register (api, "ig-leaving@test.local", "patient", NULL);
  g_autofree char *state = NULL, *path = NULL, *pending = NULL, *user_id = NULL;
  g_autoptr(BzApiResponse) r = NULL, d = NULL;

  configure ();
  state = connect_state (token);
  pending = connect_state (token);
  path = callback_path ("good-code", state);
  r = bz_api_json (api, "GET", path, NULL, NULL);
  g_assert_cmpuint (r->status, ==, 200);
  user_id = query_text ("SELECT user_id FROM instagram_connections", NULL);
  g_assert_nonnull (user_id);
  g_assert_cmpint (bz_api_count (api, "instagram_oauth_states"), >=, 1);
  d = bz_api_json (api, "DELETE", "/api/v1/privacy/delete-account", token, "{\"confirmation\":\"DELETE_MY_ACCOUNT\"}");
  g_assert_cmpuint (d->status, ==, 200);
  g_assert_cmpint (bz_api_count (api, "instagram_connections"), ==, 0);
  {
    g_autofree char *left = query_text ("SELECT count(*) FROM instagram_oauth_states WHERE user_id = ?1", user_id);
    g_assert_cmpstr (left, ==, "0");
  }
}

void
test_instagram_add_tests (void)
{
  g_test_add_func ("/api/integrations/instagram/not-configured", test_not_configured);
  g_test_add_func ("/api/integrations/instagram/connect", test_connect);
  g_test_add_func ("/api/integrations/instagram/share", test_share);
  g_test_add_func ("/api/integrations/instagram/account-deletion", test_account_deletion);
}
