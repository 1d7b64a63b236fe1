/* test-tls-pairing.c — phones on the clinic network (issue 9): HTTPS with
 * the clinic's own certificate and QR pairing.
 *
 * TLS: a second BzServer over the suite's services serves HTTPS with a
 * certificate made by bz_tls_cert_ensure() (key file mode 0600); a libsoup
 * client that pins the certificate's SHA-256 (accept-certificate) gets
 * answers, with Strict-Transport-Security; one pinning another fingerprint,
 * and one trusting only the system CAs, fail the handshake; plain HTTP
 * answers carry no HSTS; with HTTP off only the HTTPS port listens.
 *
 * Pairing (through the suite's HTTP server, so every answer is checked
 * against the OpenAPI document): a nutritionist's code for a patient pairs
 * that patient's phone once; the code again, an expired one (the service's
 * clock moved past BZ_PAIRING_CODE_TTL_S) and an unknown one answer 401 with
 * nothing stored; the device list of the member and of the nutritionist;
 * another nutritionist gets 404 for the list and the revocation; a refresh
 * updates last seen; after revocation the refresh and access tokens answer
 * 401; bad input (wrong types, unknown members, overlong names, huge
 * bodies) answers 400/413 with nothing stored.  Part of test-api's binary. */
#include "bz-api-fixture.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "bz-device-service.h"
#include "bz-discovery.h"
#include "bz-test-util.h"
#include "bz-tls-cert.h"

const char *test_api_nutri_token (void);
const char *test_api_nutri2_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
void        test_tls_pairing_add_tests (void);

typedef struct
{
  char *dir;
  GTlsCertificate *cert;
  char *fingerprint;
  BzServer *server;      /* HTTP and HTTPS */
} Tls;

static Tls *tls_state;

static void
expect_at (BzApiResponse *r, guint status, int line)
{
  if (r->status != status)
    g_error ("line %d: expected %u, got %u: %.*s", line, status, r->status, (int) g_bytes_get_size (r->body),
             (const char *) g_bytes_get_data (r->body, NULL));
}
#define expect(r, status) expect_at ((r), (status), __LINE__)

static GTlsCertificate *
make_cert (const char *dir)
{
  g_autofree char *tls_dir = g_build_filename (dir, "tls", NULL);
  const char *dns[] = { "localhost", NULL };
  const char *ips[] = { "127.0.0.1", NULL };
  BzTlsCertRequest request = { "Balanza test", dns, ips };
  g_autoptr(GError) error = NULL;
  GTlsCertificate *cert = bz_tls_cert_ensure (tls_dir, &request, &error);

  g_assert_no_error (error);
  return cert;
}

static Tls *
tls (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(GError) error = NULL;

  if (tls_state)
    return tls_state;
  tls_state = g_new0 (Tls, 1);
  tls_state->dir = bz_test_tmpdir ("tls");
  tls_state->cert = make_cert (tls_state->dir);
  tls_state->fingerprint = bz_tls_cert_fingerprint (tls_state->cert);
  tls_state->server = bz_server_new (api->services);
  bz_server_set_tls (tls_state->server, tls_state->cert, 0);
  g_assert_true (bz_server_start (tls_state->server, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  {
    g_autofree char *https = g_strdup_printf ("https://127.0.0.1:%u", bz_server_get_https_port (tls_state->server));
    bz_devices_set_server_info (api->services, https, tls_state->fingerprint, api->base, "Balanza test");
  }
  return tls_state;
}

/* --- A phone's client: pins the fingerprint ---------------------------------- */

static gboolean
on_accept_certificate (SoupMessage *msg, GTlsCertificate *cert, GTlsCertificateFlags errors, gpointer pin)
{
  g_autofree char *seen = bz_tls_cert_fingerprint (cert);
  return g_strcmp0 (seen, pin) == 0;
}

/* GET @url; @pin: the fingerprint to accept (NULL: the system's CAs only).
 * Returns the status (0 when the connection failed) and the headers. */
static guint
get_pinned (const char *url, const char *pin, SoupMessageHeaders **out_headers, GError **error)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 30, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;

  if (pin)
    g_signal_connect (msg, "accept-certificate", G_CALLBACK (on_accept_certificate), (gpointer) pin);
  body = soup_session_send_and_read (session, msg, NULL, error);
  if (body == NULL)
    return 0;
  if (out_headers)
    *out_headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  return soup_message_get_status (msg);
}

static void
test_tls_files (void)
{
  Tls *t = tls ();
  g_autofree char *key = g_build_filename (t->dir, "tls", BZ_TLS_KEY_FILE, NULL);
  g_autofree char *crt = g_build_filename (t->dir, "tls", BZ_TLS_CERT_FILE, NULL);
  GStatBuf st;

  g_assert_cmpint (g_stat (key, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (crt, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (strlen (t->fingerprint), ==, 64);
  /* Kept at the next start: phones pin it. */
  {
    g_autoptr(GTlsCertificate) again = make_cert (t->dir);
    g_autofree char *fp = bz_tls_cert_fingerprint (again);
    g_assert_cmpstr (fp, ==, t->fingerprint);
    g_assert_cmpint (bz_tls_cert_not_after (again), >, g_get_real_time () / G_USEC_PER_SEC +
                     (gint64) (BZ_TLS_CERT_VALIDITY_DAYS - 1) * 86400);
  }
}

static void
test_tls_pinned (void)
{
  Tls *t = tls ();
  g_autofree char *https = g_strdup_printf ("https://127.0.0.1:%u/api/v1/tls",
                                            bz_server_get_https_port (t->server));
  g_autofree char *http = g_strdup_printf ("http://127.0.0.1:%u/api/v1/health", bz_server_get_port (t->server));
  g_autoptr(SoupMessageHeaders) h = NULL;
  g_autoptr(SoupMessageHeaders) hh = NULL;
  g_autoptr(GError) error = NULL;
  char other[65];

  /* The pinned phone. */
  g_assert_cmpuint (get_pinned (https, t->fingerprint, &h, &error), ==, 200);
  g_assert_no_error (error);
  g_assert_cmpstr (soup_message_headers_get_one (h, "Strict-Transport-Security"), ==, "max-age=31536000");

  /* Another fingerprint: the handshake fails, nothing is answered. */
  memset (other, 'a', 64);
  other[64] = '\0';
  g_assert_cmpuint (get_pinned (https, other, NULL, &error), ==, 0);
  g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
  g_clear_error (&error);

  /* A client that pins nothing trusts no self-signed certificate. */
  g_assert_cmpuint (get_pinned (https, NULL, NULL, &error), ==, 0);
  g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
  g_clear_error (&error);

  /* HSTS on HTTPS only. */
  g_assert_cmpuint (get_pinned (http, NULL, &hh, &error), ==, 200);
  g_assert_no_error (error);
  g_assert_null (soup_message_headers_get_one (hh, "Strict-Transport-Security"));

  /* Plain HTTP to the HTTPS port gets no answer. */
  {
    g_autofree char *plain = g_strdup_printf ("http://127.0.0.1:%u/api/v1/health",
                                              bz_server_get_https_port (t->server));
    g_assert_cmpuint (get_pinned (plain, NULL, NULL, &error), ==, 0);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
}

/* The fingerprint and URL the phone reads over HTTPS are those of the certificate. */
static void
test_tls_info (void)
{
  Tls *t = tls ();
  BzApi *api = bz_api_shared ();
  g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/v1/tls", NULL, NULL);
  JsonObject *d;

  expect (r, 200);
  d = bz_api_data (r);
  g_assert_cmpstr (json_object_get_string_member (d, "fingerprint_sha256"), ==, t->fingerprint);
  g_assert_cmpint (json_object_get_int_member (d, "https_port"), ==, bz_server_get_https_port (t->server));
  g_assert_cmpstr (json_object_get_string_member (d, "instance_name"), ==, "Balanza test");
}

static void
test_tls_http_off (void)
{
  BzApi *api = bz_api_shared ();
  Tls *t = tls ();
  g_autoptr(BzServer) s = bz_server_new (api->services);
  g_autoptr(BzServer) none = bz_server_new (api->services);
  g_autoptr(GError) error = NULL;
  g_autofree char *https = NULL;

  bz_server_set_tls (s, t->cert, 0);
  bz_server_set_serve_http (s, FALSE);
  g_assert_true (bz_server_start (s, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bz_server_get_port (s), ==, 0);
  g_assert_cmpuint (bz_server_get_https_port (s), >, 0);
  https = g_strdup_printf ("https://127.0.0.1:%u/api/v1/health", bz_server_get_https_port (s));
  g_assert_cmpuint (get_pinned (https, t->fingerprint, NULL, &error), ==, 200);
  g_assert_no_error (error);
  {
    g_autofree char *url = bz_server_get_lan_url (s);
    g_assert_true (g_str_has_prefix (url, "https://127.0.0.1:"));
  }
  bz_server_stop (s);

  /* Neither: refused at start. */
  bz_server_set_serve_http (none, FALSE);
  g_assert_false (bz_server_start (none, "127.0.0.1", 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* No Avahi daemon runs here: the announcement waits (or is off), nothing
 * fails, and the server goes on answering over HTTPS. */
static void
test_discovery_no_daemon (void)
{
  Tls *t = tls ();
  BzDiscoveryInfo info = { "Balanza test", bz_server_get_https_port (t->server),
                           bz_server_get_https_port (t->server), t->fingerprint, "0.1.0" };
  g_autofree char *https = g_strdup_printf ("https://127.0.0.1:%u/api/v1/health", bz_server_get_https_port (t->server));
  g_autoptr(GError) error = NULL;
  BzDiscovery *d;
  BzDiscoveryState state;

  d = bz_discovery_start (&info, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  state = bz_discovery_get_state (d);
  g_assert_true (state == BZ_DISCOVERY_OFF || state == BZ_DISCOVERY_WAITING);
  g_assert_cmpuint (get_pinned (https, t->fingerprint, NULL, &error), ==, 200);
  g_assert_no_error (error);
  bz_discovery_stop (d);
}

/* --- Pairing ----------------------------------------------------------------- */

static char *pr_patient, *pr_member;

static void
ensure_patient (void)
{
  if (pr_patient)
    return;
  test_api_ensure_users ();
  tls ();
  pr_patient = test_api_create_patient (test_api_nutri_token (), "pairing-member@test.local", &pr_member);
}

/* A code made by the nutritionist for the patient; its text. */
static char *
new_code (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *body = g_strdup_printf ("{\"patient_id\":\"%s\"}", pr_patient);
  g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/devices/pairing-codes", test_api_nutri_token (), body);

  expect (r, 201);
  return g_strdup (json_object_get_string_member (bz_api_data (r), "code"));
}

static BzApiResponse *
pair (const char *code, const char *name)
{
  g_autofree char *body = g_strdup_printf ("{\"code\":\"%s\",\"device_name\":\"%s\",\"platform\":\"android\"}",
                                           code, name);
  return bz_api_json (bz_api_shared (), "POST", "/api/v1/devices/pair", NULL, body);
}

static void
test_pairing_code (void)
{
  BzApi *api = bz_api_shared ();
  Tls *t = tls ();
  g_autoptr(BzApiResponse) r = NULL;
  JsonObject *d;
  const char *payload, *code;
  g_autofree char *escaped_url = NULL, *want = NULL;

  ensure_patient ();
  {
    g_autofree char *body = g_strdup_printf ("{\"patient_id\":\"%s\"}", pr_patient);
    r = bz_api_json (api, "POST", "/api/v1/devices/pairing-codes", test_api_nutri_token (), body);
  }
  expect (r, 201);
  d = bz_api_data (r);
  code = json_object_get_string_member (d, "code");
  g_assert_cmpuint (strlen (code), ==, BZ_PAIRING_CODE_CHARS);
  g_assert_cmpint (json_object_get_int_member (d, "expires_in"), ==, 300);
  g_assert_cmpstr (json_object_get_string_member (d, "fingerprint_sha256"), ==, t->fingerprint);
  payload = json_object_get_string_member (d, "qr_payload");
  escaped_url = g_uri_escape_string (json_object_get_string_member (d, "https_url"), NULL, FALSE);
  want = g_strdup_printf ("balanza://pair?v=1&url=%s&sha256=%s&code=%s&name=Balanza%%20test", escaped_url,
                          t->fingerprint, code);
  g_assert_cmpstr (payload, ==, want);

  /* A member makes one for their own phone, with no body. */
  {
    g_autoptr(BzApiResponse) own = bz_api_call (api, "POST", "/api/v1/devices/pairing-codes", pr_member,
                                                NULL, NULL, 0, NULL);
    expect (own, 201);
  }
  /* Another nutritionist's patient: 404; a member naming a patient: 404. */
  {
    g_autofree char *body = g_strdup_printf ("{\"patient_id\":\"%s\"}", pr_patient);
    gint64 before = bz_api_count (api, "pairing_codes");
    g_autoptr(BzApiResponse) other = bz_api_json (api, "POST", "/api/v1/devices/pairing-codes",
                                                  test_api_nutri2_token (), body);
    g_autoptr(BzApiResponse) member = bz_api_json (api, "POST", "/api/v1/devices/pairing-codes", pr_member, body);
    expect (other, 404);
    expect (member, 404);
    g_assert_cmpint (bz_api_count (api, "pairing_codes"), ==, before);
  }
}

static void
test_pairing_once_and_revoke (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *code = NULL, *device_id = NULL, *refresh = NULL, *access = NULL, *refresh2 = NULL;
  g_autoptr(BzApiResponse) r = NULL, again = NULL, list = NULL;
  gint64 devices;
  JsonObject *d;

  ensure_patient ();
  code = new_code ();
  r = pair (code, "Pixel de prueba");
  expect (r, 201);
  d = bz_api_data (r);
  refresh = g_strdup (json_object_get_string_member (d, "refresh_token"));
  access = g_strdup (json_object_get_string_member (d, "access_token"));
  device_id = g_strdup (json_object_get_string_member (json_object_get_object_member (d, "device"), "id"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (d, "user"), "email"), ==,
                   "pairing-member@test.local");

  /* Once. */
  devices = bz_api_count (api, "devices");
  again = pair (code, "Otro");
  expect (again, 401);
  g_assert_cmpint (bz_api_count (api, "devices"), ==, devices);

  /* The member sees it; so does the nutritionist; not another one. */
  list = bz_api_json (api, "GET", "/api/v1/devices", pr_member, NULL);
  expect (list, 200);
  {
    JsonArray *a = json_object_get_array_member (bz_api_data (list), "devices");
    g_assert_cmpuint (json_array_get_length (a), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, 0), "name"), ==,
                     "Pixel de prueba");
    g_assert_false (json_object_get_boolean_member (json_array_get_object_element (a, 0), "revoked"));
  }
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/devices?patient_id=%s", pr_patient);
    g_autoptr(BzApiResponse) mine = bz_api_json (api, "GET", path, test_api_nutri_token (), NULL);
    g_autoptr(BzApiResponse) other = bz_api_json (api, "GET", path, test_api_nutri2_token (), NULL);
    expect (mine, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bz_api_data (mine), "devices")), ==, 1);
    expect (other, 404);
  }

  /* The device's tokens work; a refresh keeps it in the same session. */
  {
    g_autofree char *body = g_strdup_printf ("{\"refresh_token\":\"%s\"}", refresh);
    g_autoptr(BzApiResponse) rr = bz_api_json (api, "POST", "/api/v1/auth/refresh", NULL, body);
    g_autoptr(BzApiResponse) me = bz_api_json (api, "GET", "/api/v1/devices", access, NULL);
    expect (rr, 200);
    expect (me, 200);
    refresh2 = g_strdup (json_object_get_string_member (bz_api_data (rr), "refresh_token"));
  }

  /* Another nutritionist cannot revoke it: 404, nothing changes. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/devices/%s", device_id);
    g_autoptr(BzApiResponse) other = bz_api_json (api, "DELETE", path, test_api_nutri2_token (), NULL);
    g_autoptr(BzApiResponse) missing = bz_api_json (api, "DELETE", "/api/v1/devices/00000000-0000-4000-8000-000000000000",
                                                    pr_member, NULL);
    g_autoptr(BzApiResponse) revoked = NULL;
    expect (other, 404);
    expect (missing, 404);
    revoked = bz_api_json (api, "DELETE", path, pr_member, NULL);
    expect (revoked, 200);
    g_assert_true (json_object_get_boolean_member (bz_api_data (revoked), "revoked"));
  }

  /* Revoked: the refresh token and the access token stop working. */
  {
    g_autofree char *body = g_strdup_printf ("{\"refresh_token\":\"%s\"}", refresh2);
    g_autoptr(BzApiResponse) rr = bz_api_json (api, "POST", "/api/v1/auth/refresh", NULL, body);
    g_autoptr(BzApiResponse) me = bz_api_json (api, "GET", "/api/v1/devices", access, NULL);
    expect (rr, 401);
    expect (me, 401);
  }
}

static void
test_pairing_expiry (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *code = NULL;
  g_autoptr(BzApiResponse) r = NULL;
  gint64 devices, tokens;

  ensure_patient ();
  code = new_code ();
  devices = bz_api_count (api, "devices");
  tokens = bz_api_count (api, "refresh_tokens");
  bz_devices_move_clock_for_testing (api->services, BZ_PAIRING_CODE_TTL_S);
  r = pair (code, "Tarde");
  bz_devices_move_clock_for_testing (api->services, -BZ_PAIRING_CODE_TTL_S);
  expect (r, 401);
  g_assert_cmpint (bz_api_count (api, "devices"), ==, devices);
  g_assert_cmpint (bz_api_count (api, "refresh_tokens"), ==, tokens);

  /* A minute before the end it still works (in lower case, with a dash). */
  {
    g_autofree char *lower = g_ascii_strdown (code, -1);
    g_autofree char *dashed = g_strdup_printf ("%.5s-%s", lower, lower + 5);
    g_autoptr(BzApiResponse) ok = NULL;
    bz_devices_move_clock_for_testing (api->services, BZ_PAIRING_CODE_TTL_S - 60);
    ok = pair (dashed, "A tiempo");
    bz_devices_move_clock_for_testing (api->services, -(BZ_PAIRING_CODE_TTL_S - 60));
    expect (ok, 201);
  }
  /* An unknown code, and no token at all for the list. */
  {
    g_autoptr(BzApiResponse) unknown = pair ("ZZZZZZZZZZ", "Nadie");
    g_autoptr(BzApiResponse) anon = bz_api_json (api, "GET", "/api/v1/devices", NULL, NULL);
    expect (unknown, 401);
    expect (anon, 401);
  }
}

static void
test_pairing_bad_input (void)
{
  BzApi *api = bz_api_shared ();
  static const struct { const char *body; const char *field; } bad[] = {
    { "{\"code\":5,\"device_name\":\"x\",\"platform\":\"android\"}", "code" },
    { "{\"code\":\"ABCDEFGHJK\",\"device_name\":[],\"platform\":\"android\"}", "device_name" },
    { "{\"code\":\"ABCDEFGHJK\",\"device_name\":\"x\",\"platform\":\"windows\"}", "platform" },
    { "{\"code\":\"ABCDEFGHJK\",\"device_name\":\"x\"}", "platform" },
    { "{\"device_name\":\"x\",\"platform\":\"ios\"}", "code" },
    { "{\"code\":\"ABCDEFGHJK\",\"device_name\":\"   \",\"platform\":\"ios\"}", "device_name" },
    { "{\"code\":\"ABCDEFGHJK\",\"device_name\":\"x\",\"platform\":\"ios\",\"admin\":true}", "admin" },
  };
  gint64 devices, codes;

  ensure_patient ();
  devices = bz_api_count (api, "devices");
  codes = bz_api_count (api, "pairing_codes");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/devices/pair", NULL, bad[i].body);
      expect (r, 400);
      if (!bz_api_has_detail (r, bad[i].field))
        g_error ("%s: no detail for %s", bad[i].body, bad[i].field);
    }
  /* A name over BZ_DEVICE_NAME_MAX_CHARS, a body over the route's limit, not JSON. */
  {
    g_autofree char *name = g_strnfill (BZ_DEVICE_NAME_MAX_CHARS + 1, 'n');
    g_autoptr(BzApiResponse) r = pair ("ABCDEFGHJK", name);
    g_autofree char *fill = g_strnfill (64 * 1024, 'A');
    g_autofree char *huge = g_strdup_printf ("{\"code\":\"%s\"}", fill);
    g_autoptr(BzApiResponse) big = bz_api_json (api, "POST", "/api/v1/devices/pair", NULL, huge);
    g_autoptr(BzApiResponse) junk = bz_api_json (api, "POST", "/api/v1/devices/pair", NULL, "{\"code\":");
    expect (r, 400);
    g_assert_true (bz_api_has_detail (r, "device_name"));
    expect (big, 413);
    expect (junk, 400);
  }
  /* Pairing codes: a patient_id of the wrong type or form. */
  {
    g_autoptr(BzApiResponse) t = bz_api_json (api, "POST", "/api/v1/devices/pairing-codes", test_api_nutri_token (),
                                              "{\"patient_id\":12}");
    g_autoptr(BzApiResponse) f = bz_api_json (api, "POST", "/api/v1/devices/pairing-codes", test_api_nutri_token (),
                                              "{\"patient_id\":\"not-a-uuid\"}");
    g_autoptr(BzApiResponse) l = bz_api_json (api, "GET", "/api/v1/devices?patient_id=nope", test_api_nutri_token (),
                                              NULL);
    expect (t, 400);
    g_assert_true (bz_api_has_detail (t, "patient_id"));
    expect (f, 400);
    g_assert_true (bz_api_has_detail (f, "patient_id"));
    expect (l, 400);
  }
  g_assert_cmpint (bz_api_count (api, "devices"), ==, devices);
  g_assert_cmpint (bz_api_count (api, "pairing_codes"), ==, codes);
}

/* The whole exchange over HTTPS, as a phone does it with the QR's content. */
static void
test_pairing_over_https (void)
{
  Tls *t = tls ();
  g_autofree char *code = NULL, *url = NULL, *body = NULL;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 30, NULL);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  ensure_patient ();
  code = new_code ();
  url = g_strdup_printf ("https://127.0.0.1:%u/api/v1/devices/pair", bz_server_get_https_port (t->server));
  body = g_strdup_printf ("{\"code\":\"%s\",\"device_name\":\"iPhone\",\"platform\":\"ios\"}", code);
  msg = soup_message_new ("POST", url);
  {
    g_autoptr(GBytes) b = g_bytes_new (body, strlen (body));
    soup_message_set_request_body_from_bytes (msg, "application/json", b);   /* takes its own reference */
  }
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (on_accept_certificate), t->fingerprint);
  bytes = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 201);
  g_assert_nonnull (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                  "Strict-Transport-Security"));

  /* A body over the route's limit is answered 413 before it is read, through
   * the TLS layer (not as plain text on the socket under it). */
  {
    g_autoptr(SoupMessage) big = soup_message_new ("POST", url);
    g_autoptr(GBytes) answer = NULL;
    gsize len = 256 * 1024;
    char *huge = g_malloc (len);

    memset (huge, ' ', len);
    huge[0] = '{';
    huge[len - 1] = '}';
    {
      g_autoptr(GBytes) b = g_bytes_new_take (huge, len);
      soup_message_set_request_body_from_bytes (big, "application/json", b);
    }
    g_signal_connect (big, "accept-certificate", G_CALLBACK (on_accept_certificate), t->fingerprint);
    answer = soup_session_send_and_read (session, big, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (big), ==, 413);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer), "PAYLOAD_TOO_LARGE"));
  }
}

void
test_tls_pairing_add_tests (void)
{
  g_test_add_func ("/api/tls/files", test_tls_files);
  g_test_add_func ("/api/tls/pinned", test_tls_pinned);
  g_test_add_func ("/api/tls/info", test_tls_info);
  g_test_add_func ("/api/tls/http-off", test_tls_http_off);
  g_test_add_func ("/api/discovery/no-daemon", test_discovery_no_daemon);
  g_test_add_func ("/api/devices/pairing-code", test_pairing_code);
  g_test_add_func ("/api/devices/once-and-revoke", test_pairing_once_and_revoke);
  g_test_add_func ("/api/devices/expiry", test_pairing_expiry);
  g_test_add_func ("/api/devices/bad-input", test_pairing_bad_input);
  g_test_add_func ("/api/devices/over-https", test_pairing_over_https);
}
