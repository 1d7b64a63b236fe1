/* test-scan3d-remote.c — POST /api/integrations/3d-scan and POST
 * /api/scans/upload with a remote 3D-scanning service (seed 000 story 4.4,
 * issue 11): a fake scanner (a libsoup server on a thread of its own in this
 * binary) answers POST /3d-scan as each test sets it.  A good GLB is stored
 * byte for byte (provider http); a truncated GLB, a JSON body, a body over
 * BZ_AVATAR_GLB_MAX_BYTES, a 503 (retried once) and a 422 each end in the
 * embedded body model's avatar (provider local, fallback true), the scan
 * kept; the health endpoint counts the failures; a refused upload never
 * reaches the scanner and stores nothing.  Its own binary, so that the
 * remote service it configures does not change test-api's avatars. */
#include "bz-api-fixture.h"
#include "bz-fake-http.h"

#include <string.h>

#include "bz-integration-service.h"
#include "bz-limits.h"
#include "bz-local-avatar-provider.h"

const char *test_api_nutri_token (void);
const char *test_api_nutri2_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
extern const char *test_api_scan_body_fmt;

#define API_KEY "scan3d-test-key"

/* The fake scanner. */
typedef struct
{
  GMutex lock;
  BzFakeHttp *http;
  const char *mode;       /* "valid", "truncated", "json", "huge", "503", "422" */
  guint requests;
  gboolean bad_shape;     /* a request without the key or the measurements */
  GBytes *glb;            /* the good answer */
} Scanner;

static Scanner scanner;

static void
serve (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  Scanner *s = data;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) req = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");
  JsonObject *o = NULL;
  const char *mode;
  gsize len;
  const char *glb = g_bytes_get_data (s->glb, &len);

  g_mutex_lock (&s->lock);
  s->requests++;
  mode = s->mode;
  if (json_parser_load_from_data (parser, g_bytes_get_data (req, NULL), g_bytes_get_size (req), NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    o = json_node_get_object (json_parser_get_root (parser));
  if (!g_str_equal (path, "/3d-scan") || g_strcmp0 (auth, "Bearer " API_KEY) != 0 || o == NULL ||
      !json_object_has_member (o, "height_cm") || !json_object_has_member (o, "weight_kg") ||
      !json_object_has_member (o, "sex") || !json_object_has_member (o, "circumferences_cm"))
    s->bad_shape = TRUE;
  g_mutex_unlock (&s->lock);

  if (g_str_equal (mode, "valid"))
    soup_server_message_set_response (msg, "model/gltf-binary", SOUP_MEMORY_COPY, glb, len);
  else if (g_str_equal (mode, "truncated"))
    soup_server_message_set_response (msg, "model/gltf-binary", SOUP_MEMORY_COPY, glb, len / 2);
  else if (g_str_equal (mode, "json"))
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{\"avatar\":\"later\"}", 18);
  else if (g_str_equal (mode, "huge"))
    {
      gsize n = BZ_AVATAR_GLB_MAX_BYTES + 4096;
      char *big = g_malloc0 (n);
      memcpy (big, glb, MIN (len, n));
      soup_server_message_set_response (msg, "model/gltf-binary", SOUP_MEMORY_TAKE, big, n);
    }
  else
    {
      soup_server_message_set_status (msg, g_str_equal (mode, "503") ? 503 : 422, NULL);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
}

static void
scanner_set (const char *mode)
{
  g_mutex_lock (&scanner.lock);
  scanner.mode = mode;
  scanner.requests = 0;
  g_mutex_unlock (&scanner.lock);
}

static guint
scanner_requests (void)
{
  guint n;
  g_mutex_lock (&scanner.lock);
  n = scanner.requests;
  g_mutex_unlock (&scanner.lock);
  return n;
}

static char *patient;

static void
setup (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(BzAvatarProvider) local = bz_local_avatar_provider_new ();
  g_autoptr(GError) error = NULL;
  BzBodyMeasurements m = { 0 };
  BzAvatarInfo info = { 0 };
  BzResilientConfig config;

  if (patient)
    return;
  /* The scanner's good answer: a real GLB of another body than the uploads'. */
  m.sex = BZ_SEX_FEMALE;
  m.age_years = 30;
  m.height_cm = 158;
  m.weight_kg = 52;
  scanner.glb = bz_avatar_provider_generate (local, &m, &info, NULL, &error);
  g_assert_no_error (error);
  scanner.mode = "valid";
  scanner.http = bz_fake_http_start ("fake-scanner", serve, &scanner);

  bz_resilient_config_init (&config);
  config.max_attempts = 2;
  config.backoff_base_ms = 1;
  config.backoff_cap_ms = 1;
  config.breaker_failures = 1000;   /* every case below reaches the scanner */
  config.breaker_min_calls = 1000;
  config.cache_entries = 0;
  g_assert_true (bz_integrations_use_scan3d_http (api->services, bz_fake_http_url (scanner.http), API_KEY, &config, NULL, &error));
  g_assert_no_error (error);
  test_api_ensure_users ();
  patient = test_api_create_patient (test_api_nutri_token (), "scan3d-remote@test.local", NULL);
}

/* The stored file of @avatar_url. */
static GBytes *
stored_glb (const char *avatar_url)
{
  g_autofree char *plain = g_strconcat (avatar_url, "?lod=0&compression=none", NULL);
  g_autoptr(BzApiResponse) r = bz_api_call (bz_api_shared (), "GET", plain, test_api_nutri_token (), NULL, NULL, 0, NULL);
  bz_api_expect (r, 200);
  return g_bytes_ref (r->body);
}

static void
test_scan3d_remote (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *body = NULL;
  guint version = 0;

  setup ();
  body = g_strdup_printf (test_api_scan_body_fmt, patient);
  scanner_set ("valid");
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/integrations/3d-scan", test_api_nutri_token (), body);
    g_autoptr(GBytes) glb = NULL;
    JsonObject *data;
    bz_api_expect (r, 201);
    data = bz_api_data (r);
    g_assert_cmpstr (json_object_get_string_member (data, "provider"), ==, "http");
    g_assert_cmpstr (json_object_get_string_member (data, "source"), ==, "remote");
    g_assert_false (json_object_get_boolean_member (data, "fallback"));
    g_assert_cmpint (json_object_get_int_member (data, "avatar_version"), ==, ++version);
    g_assert_cmpuint (scanner_requests (), ==, 1);
    g_assert_false (scanner.bad_shape);
    glb = stored_glb (json_object_get_string_member (data, "avatar_url"));
    g_assert_true (g_bytes_equal (glb, scanner.glb));
  }
  /* The scan upload goes through the same service. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/scans/upload", test_api_nutri_token (), body);
    bz_api_expect (r, 201);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "avatar"), "provider"),
                     ==, "http");
    g_assert_cmpuint (scanner_requests (), ==, 2);
    version++;
  }
  /* Every bad answer: the body model's avatar, the scan stored. */
  {
    static const struct { const char *mode; guint requests; } bad[] = {
      { "truncated", 1 }, { "json", 1 }, { "huge", 1 }, { "503", 2 }, { "422", 1 },
    };
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(BzApiResponse) r = NULL;
        g_autoptr(GBytes) glb = NULL;
        gint64 scans = bz_api_count (api, "body_scans");
        JsonObject *data;

        g_test_message ("scanner answers %s", bad[i].mode);
        scanner_set (bad[i].mode);
        r = bz_api_json (api, "POST", "/api/integrations/3d-scan", test_api_nutri_token (), body);
        bz_api_expect (r, 201);
        data = bz_api_data (r);
        g_assert_cmpstr (json_object_get_string_member (data, "provider"), ==, "local");
        g_assert_cmpstr (json_object_get_string_member (data, "source"), ==, "local");
        g_assert_true (json_object_get_boolean_member (data, "fallback"));
        g_assert_cmpint (json_object_get_int_member (data, "avatar_version"), ==, ++version);
        g_assert_cmpuint (scanner_requests (), ==, bad[i].requests);
        g_assert_cmpint (bz_api_count (api, "body_scans"), ==, scans + 1);
        glb = stored_glb (json_object_get_string_member (data, "avatar_url"));
        g_assert_false (g_bytes_equal (glb, scanner.glb));
        g_assert_cmpmem (g_bytes_get_data (glb, NULL), 4, "glTF", 4);
      }
  }
  /* The health endpoint shows the provider and its failures. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/integrations/health", test_api_nutri_token (), NULL);
    JsonArray *providers;
    gboolean seen = FALSE;
    bz_api_expect (r, 200);
    providers = json_object_get_array_member (bz_api_data (r), "providers");
    for (guint i = 0; i < json_array_get_length (providers); i++)
      {
        JsonObject *p = json_array_get_object_element (providers, i);
        if (g_strcmp0 (json_object_get_string_member (p, "kind"), BZ_SCAN3D_KIND) != 0)
          continue;
        seen = TRUE;
        g_assert_cmpstr (json_object_get_string_member (p, "name"), ==, "http");
        g_assert_cmpint (json_object_get_int_member (p, "attempts"), ==, 8);   /* 2 good, 5 bad, the 503 retried once */
        g_assert_cmpint (json_object_get_int_member (p, "served_local"), ==, 5);
      }
    g_assert_true (seen);
  }
}

/* A refused upload never reaches the scanner and stores nothing. */
static void
test_scan3d_remote_refusal (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *body = NULL, *other = NULL;
  gint64 scans, avatars, blobs;

  setup ();
  scanner_set ("valid");
  scans = bz_api_count (api, "body_scans");
  avatars = bz_api_count (api, "avatars");
  blobs = bz_api_count (api, "blobs");
  body = g_strdup_printf ("{\"patient_id\":\"%s\",\"measured_at\":\"2026-06-01\",\"sex\":\"male\",\"age\":41,"
                          "\"height_cm\":1.75,\"weight_kg\":80}", patient);
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/integrations/3d-scan", test_api_nutri_token (), body);
    bz_api_expect (r, 400);
    g_assert_true (bz_api_has_detail (r, "height_cm"));
  }
  other = g_strdup_printf (test_api_scan_body_fmt, patient);
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/integrations/3d-scan", test_api_nutri2_token (), other);
    bz_api_expect (r, 404);
  }
  g_assert_cmpuint (scanner_requests (), ==, 0);
  g_assert_cmpint (bz_api_count (api, "body_scans"), ==, scans);
  g_assert_cmpint (bz_api_count (api, "avatars"), ==, avatars);
  g_assert_cmpint (bz_api_count (api, "blobs"), ==, blobs);
}

int
main (int argc, char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  /* The scanner's failures are logged as warnings, on purpose. */
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL);
  g_test_add_func ("/api/integrations/3d-scan/remote", test_scan3d_remote);
  g_test_add_func ("/api/integrations/3d-scan/remote/refusal", test_scan3d_remote_refusal);
  rc = g_test_run ();
  bz_api_shutdown ();
  g_clear_pointer (&scanner.http, bz_fake_http_stop);
  g_clear_pointer (&scanner.glb, g_bytes_unref);
  return rc;
}
