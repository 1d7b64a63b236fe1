/* test-realtime.c — issue 10 end to end on loopback: /ws with a libsoup
 * WebSocket client, the message and notification routes, and the hub.
 *
 * What it proves: a message reaches exactly the recipient's sockets (both
 * of them) and nobody else's (the sender's, a third user's); typing:start
 * reaches the other party only; a missing or bad token is refused before the
 * upgrade; logout and expiry close the socket; malformed, binary, unknown,
 * huge frames and floods are answered (error frame or close code) and the
 * server goes on serving; every REST refusal leaves the store unchanged;
 * reminders go through the durable jobs table and arrive as
 * notification:new.  "Nobody else" is checked by order: each socket's
 * frames arrive in the order they were queued, so a probe answered to a
 * socket after the publish would come after a frame wrongly queued for it.
 *
 * Built into test-api's binary, so these operations count in its
 * bz_api_assert_every_operation_checked(). */
#include "bz-api-fixture.h"

#include <jwt.h>
#include <string.h>

#include "bz-auth-service-private.h"
#include "bz-jobs.h"
#include "bz-limits.h"
#include "bz-notification-service.h"
#include "bz-realtime-client.h"
#include "bz-realtime.h"
#include "bz-store.h"

#include "test-realtime.h"

void test_realtime_add_tests (void);
char *test_api_create_patient (const char *token, const char *email, char **out_member_token);


static char *rt_nutri, *rt_nutri2, *rt_member, *rt_patient, *rt_nutri_id, *rt_member_id;

static BzApiResponse *
req (const char *method, const char *path, const char *token, const char *body)
{
  return bz_api_json (bz_api_shared (), method, path, token, body);
}

static void
assert_status (BzApiResponse *r, guint status)
{
  if (r->status != status)
    g_error ("expected %u, got %u: %.*s", status, r->status, (int) g_bytes_get_size (r->body),
             (const char *) g_bytes_get_data (r->body, NULL));
}

/* The token's claim @name, read without verification (the test's own tokens). */
char *
claim (const char *token, const char *name)
{
  g_auto(GStrv) parts = g_strsplit (token, ".", 3);
  g_autoptr(GString) b64 = g_string_new (parts[1]);
  g_autofree guchar *raw = NULL;
  g_autoptr(JsonNode) n = NULL;
  gsize len;

  g_strdelimit (b64->str, "-", '+');
  g_strdelimit (b64->str, "_", '/');
  while (b64->len % 4)
    g_string_append_c (b64, '=');
  raw = g_base64_decode (b64->str, &len);
  n = json_from_string ((const char *) raw, NULL);
  return g_strdup (json_object_get_string_member (json_node_get_object (n), name));
}

const char *rt_member_token (void);
const char *rt_member_token (void) { return rt_member; }

void
ensure_users (void)
{
  if (rt_nutri)
    return;
  rt_nutri = bz_api_register (bz_api_shared (), "rt-nutri1@test.local", "nutritionist", NULL);
  rt_nutri2 = bz_api_register (bz_api_shared (), "rt-nutri2@test.local", "nutritionist", NULL);
  rt_patient = test_api_create_patient (rt_nutri, "rt-member@test.local", &rt_member);
  rt_nutri_id = claim (rt_nutri, "sub");
  rt_member_id = claim (rt_member, "sub");
}

char *
ws_url (const char *token)
{
  return g_strdup_printf ("ws://127.0.0.1:%u/ws%s%s", bz_server_get_port (bz_api_shared ()->server),
                          token ? "?token=" : "", token ? token : "");
}

BzRealtimeClient *
open_socket (const char *token)
{
  g_autofree char *url = ws_url (token);
  guint status = 0;
  BzRealtimeClient *c = bz_realtime_client_connect (bz_api_shared ()->session, url, NULL, &status);
  g_assert_cmpuint (status, ==, 101);
  g_assert_nonnull (c);
  return c;
}

/* The next frame of @c, which must be @event. */
JsonNode *
expect (BzRealtimeClient *c, const char *event)
{
  JsonNode *f = bz_realtime_client_next (c, WAIT_MS);
  if (f == NULL)
    g_error ("expected %s, got nothing (closed: %d, code %u)", event, c->closed, c->close_code);
  g_assert_cmpstr (bz_realtime_frame_event (f), ==, event);
  return f;
}

/* Proves @c received nothing so far: a probe's error frame must come first. */
void
expect_nothing_before_probe (BzRealtimeClient *c)
{
  g_autoptr(JsonNode) f = NULL;
  bz_realtime_client_send (c, "{\"event\":\"probe:nothing-before\",\"data\":{}}");
  f = expect (c, "error");
  g_assert_cmpstr (json_object_get_string_member (bz_realtime_frame_data (f), "event"), ==, "probe:nothing-before");
}

static char *
messages_path (const char *conversation, const char *tail)
{
  return g_strdup_printf ("/api/v1/messages/conversations/%s/%s", conversation, tail);
}

static void
refused (const char *table, const char *method, const char *path, const char *token, const char *body,
         guint status, const char *code, const char *field)
{
  gint64 before = bz_api_count (bz_api_shared (), table);
  g_autoptr(BzApiResponse) r = req (method, path, token, body);

  if (r->status != status)
    g_error ("%s %s %.200s: expected %u, got %u", method, path, body ? body : "", status, r->status);
  g_assert_cmpstr (bz_api_error_code (r), ==, code);
  if (field && !bz_api_has_detail (r, field))
    g_error ("%s %s: no detail for %s", method, path, field);
  g_assert_cmpint (bz_api_count (bz_api_shared (), table), ==, before);
}

/* --- Tests ---------------------------------------------------------------- */

static void
test_refused_tokens (void)
{
  g_autofree char *no = ws_url (NULL), *bad = ws_url ("not.a.token");
  g_autofree char *forged = NULL;
  guint status = 0;

  ensure_users ();
  g_assert_null (bz_realtime_client_connect (bz_api_shared ()->session, no, NULL, &status));
  g_assert_cmpuint (status, ==, 401);
  g_assert_null (bz_realtime_client_connect (bz_api_shared ()->session, bad, NULL, &status));
  g_assert_cmpuint (status, ==, 401);
  /* A valid token with its signature's last characters changed. */
  forged = g_strdup (rt_member);
  forged[strlen (forged) - 2] = forged[strlen (forged) - 2] == 'A' ? 'B' : 'A';
  g_assert_null (bz_realtime_client_connect (bz_api_shared ()->session, no, forged, &status));
  g_assert_cmpuint (status, ==, 401);
  g_assert_cmpuint (bz_realtime_count (bz_services_get_realtime (bz_api_shared ()->services), NULL), ==, 0);
  /* The header form works as the query form does. */
  {
    g_autoptr(BzRealtimeClient) c = bz_realtime_client_connect (bz_api_shared ()->session, no, rt_member, &status);
    g_assert_cmpuint (status, ==, 101);
    g_assert_nonnull (c);
  }
}

static void
test_message_reaches_recipient_only (void)
{
  g_autoptr(BzRealtimeClient) m1 = NULL, m2 = NULL, n1 = NULL, n2 = NULL;
  g_autoptr(JsonNode) f1 = NULL, f2 = NULL, back = NULL;
  g_autoptr(BzApiResponse) r = NULL, r2 = NULL, list = NULL, convs = NULL;
  g_autofree char *send = NULL;
  JsonObject *d, *from;

  ensure_users ();
  m1 = open_socket (rt_member);
  m2 = open_socket (rt_member);
  n1 = open_socket (rt_nutri);
  n2 = open_socket (rt_nutri2);
  send = messages_path (rt_patient, "messages");
  r = req ("POST", send, rt_nutri, "{\"message\":\"Hola Juan, <b>¡felicidades!</b>\"}");
  assert_status (r, 201);

  f1 = expect (m1, BZ_REALTIME_EVENT_MESSAGE_NEW);
  f2 = expect (m2, BZ_REALTIME_EVENT_MESSAGE_NEW);
  d = bz_realtime_frame_data (f1);
  g_assert_cmpstr (json_object_get_string_member (d, "message"), ==, "Hola Juan, <b>¡felicidades!</b>");
  g_assert_cmpstr (json_object_get_string_member (d, "conversation_id"), ==, rt_patient);
  g_assert_nonnull (json_object_get_string_member (d, "created_at"));
  from = json_object_get_object_member (d, "from");
  g_assert_cmpstr (json_object_get_string_member (from, "id"), ==, rt_nutri_id);
  g_assert_cmpstr (json_object_get_string_member (from, "user_type"), ==, "nutritionist");
  g_assert_cmpstr (json_object_get_string_member (bz_realtime_frame_data (f2), "id"), ==,
                   json_object_get_string_member (d, "id"));
  expect_nothing_before_probe (n1);   /* the sender */
  expect_nothing_before_probe (n2);   /* a third user */

  /* The member answers: the nutritionist's socket only. */
  r2 = req ("POST", send, rt_member, "{\"message\":\"¡Gracias!\"}");
  assert_status (r2, 201);
  back = expect (n1, BZ_REALTIME_EVENT_MESSAGE_NEW);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (bz_realtime_frame_data (back), "from"), "id"),
                   ==, rt_member_id);
  expect_nothing_before_probe (m1);
  expect_nothing_before_probe (n2);

  list = req ("GET", send, rt_member, NULL);
  assert_status (list, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bz_api_data (list), "messages")), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (bz_api_data (list), "messages"), 0), "message"), ==, "¡Gracias!");
  convs = req ("GET", "/api/v1/messages/conversations", rt_member, NULL);
  assert_status (convs, 200);
  g_assert_cmpint (json_object_get_int_member (bz_api_data (convs), "unread_count"), ==, 1);
  {
    g_autofree char *read = messages_path (rt_patient, "read");
    g_autoptr(BzApiResponse) rr = req ("POST", read, rt_member, NULL);
    g_autoptr(BzApiResponse) again = NULL, nconvs = NULL;
    assert_status (rr, 200);
    g_assert_cmpint (json_object_get_int_member (bz_api_data (rr), "marked"), ==, 1);
    again = req ("POST", read, rt_member, NULL);
    g_assert_cmpint (json_object_get_int_member (bz_api_data (again), "marked"), ==, 0);
    nconvs = req ("GET", "/api/v1/messages/conversations", rt_nutri, NULL);
    assert_status (nconvs, 200);
    g_assert_cmpint (json_object_get_int_member (bz_api_data (nconvs), "unread_count"), ==, 1);
  }
}

static void
test_typing_relayed (void)
{
  g_autoptr(BzRealtimeClient) m1 = NULL, m2 = NULL, n1 = NULL, n2 = NULL;
  g_autoptr(JsonNode) t = NULL, err = NULL;
  g_autofree char *typing = NULL;

  ensure_users ();
  m1 = open_socket (rt_member);
  m2 = open_socket (rt_member);
  n1 = open_socket (rt_nutri);
  n2 = open_socket (rt_nutri2);
  typing = g_strdup_printf ("{\"event\":\"typing:start\",\"data\":{\"conversation_id\":\"%s\"}}", rt_patient);
  bz_realtime_client_send (m1, typing);
  t = expect (n1, BZ_REALTIME_EVENT_TYPING_START);
  g_assert_cmpstr (json_object_get_string_member (bz_realtime_frame_data (t), "user_id"), ==, rt_member_id);
  g_assert_cmpstr (json_object_get_string_member (bz_realtime_frame_data (t), "conversation_id"), ==, rt_patient);
  expect_nothing_before_probe (m1);
  expect_nothing_before_probe (m2);
  expect_nothing_before_probe (n2);
  /* Not a party: refused, nothing relayed. */
  bz_realtime_client_send (n2, typing);
  err = expect (n2, "error");
  g_assert_cmpstr (json_object_get_string_member (bz_realtime_frame_data (err), "code"), ==, "NOT_FOUND");
  expect_nothing_before_probe (n1);
  expect_nothing_before_probe (m1);
}

static void
test_rest_refusals (void)
{
  g_autofree char *send = NULL, *read = NULL, *unknown = NULL, *longest = NULL, *too_long = NULL;
  g_autofree char *other_member = NULL, *other_patient = NULL;

  ensure_users ();
  other_patient = test_api_create_patient (rt_nutri2, "rt-other@test.local", &other_member);
  send = messages_path (rt_patient, "messages");
  read = messages_path (rt_patient, "read");
  unknown = messages_path ("00000000-0000-4000-8000-000000000000", "messages");
  refused ("messages", "POST", send, rt_nutri2, "{\"message\":\"hola\"}", 404, "NOT_FOUND", NULL);
  refused ("messages", "POST", send, other_member, "{\"message\":\"hola\"}", 404, "NOT_FOUND", NULL);
  refused ("messages", "GET", send, rt_nutri2, NULL, 404, "NOT_FOUND", NULL);
  refused ("messages", "POST", read, other_member, NULL, 404, "NOT_FOUND", NULL);
  refused ("messages", "POST", unknown, rt_nutri, "{\"message\":\"hola\"}", 404, "NOT_FOUND", NULL);
  refused ("messages", "POST", send, rt_nutri, "{\"message\":\"   \"}", 400, "VALIDATION_ERROR", "message");
  refused ("messages", "POST", send, rt_nutri, "{}", 400, "VALIDATION_ERROR", "message");
  refused ("messages", "POST", send, rt_nutri, "{\"message\":42}", 400, "VALIDATION_ERROR", "message");
  refused ("messages", "POST", send, rt_nutri, "{\"message\":\"x\",\"html\":true}", 400, "VALIDATION_ERROR", "html");
  refused ("messages", "POST", send, rt_nutri, "[1]", 400, "VALIDATION_ERROR", NULL);
  too_long = g_strdup_printf ("{\"message\":\"%*s\"}", BZ_MESSAGE_MAX_CHARS + 1, "x");
  refused ("messages", "POST", send, rt_nutri, too_long, 400, "VALIDATION_ERROR", "message");
  refused ("messages", "POST", send, NULL, "{\"message\":\"hola\"}", 401, "UNAUTHENTICATED", NULL);
  refused ("messages", "GET", "/api/v1/messages/conversations/x/messages?limit=0", rt_nutri, NULL, 400,
           "VALIDATION_ERROR", "limit");
  /* The longest message is taken. */
  {
    g_autoptr(BzApiResponse) r = NULL;
    longest = g_strdup_printf ("{\"message\":\"%*s.\"}", BZ_MESSAGE_MAX_CHARS - 1, "ñ");
    r = req ("POST", send, rt_nutri, longest);
    assert_status (r, 201);
  }
  /* Notifications. */
  refused ("device_tokens", "POST", "/api/notifications/register", rt_member, "{\"token\":\"abc\",\"platform\":\"nokia\"}",
           400, "VALIDATION_ERROR", "platform");
  refused ("device_tokens", "POST", "/api/notifications/register", rt_member, "{\"platform\":\"android\"}",
           400, "VALIDATION_ERROR", "token");
  refused ("device_tokens", "POST", "/api/notifications/register", NULL, "{\"token\":\"a\",\"platform\":\"ios\"}",
           401, "UNAUTHENTICATED", NULL);
  refused ("notifications", "POST", "/api/notifications/00000000-0000-4000-8000-000000000000/read", rt_member, NULL,
           404, "NOT_FOUND", NULL);
  refused ("jobs", "POST", "/api/notifications/reminders", rt_member,
           "{\"patient_id\":\"00000000-0000-4000-8000-000000000000\",\"title\":\"t\",\"body\":\"b\"}",
           403, "FORBIDDEN", NULL);
  {
    g_autofree char *other = g_strdup_printf ("{\"patient_id\":\"%s\",\"title\":\"t\",\"body\":\"b\"}", other_patient);
    g_autofree char *past = g_strdup_printf ("{\"patient_id\":\"%s\",\"title\":\"t\",\"body\":\"b\","
                                             "\"send_at\":\"2020-01-01T00:00:00Z\"}", rt_patient);
    g_autofree char *blank = g_strdup_printf ("{\"patient_id\":\"%s\",\"title\":\"\",\"body\":\"b\"}", rt_patient);
    refused ("jobs", "POST", "/api/notifications/reminders", rt_nutri, other, 404, "NOT_FOUND", NULL);
    refused ("jobs", "POST", "/api/notifications/reminders", rt_nutri, past, 400, "VALIDATION_ERROR", "send_at");
    refused ("jobs", "POST", "/api/notifications/reminders", rt_nutri, blank, 400, "VALIDATION_ERROR", "title");
  }
}

static void
test_devices_and_reminders (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(BzRealtimeClient) m = NULL, n2 = NULL;
  g_autoptr(BzApiResponse) dev = NULL, again = NULL, rem = NULL, inbox = NULL, count = NULL, read = NULL;
  g_autoptr(JsonNode) f = NULL, ack = NULL;
  g_autofree char *body = NULL, *read_path = NULL;
  BzJobRunner *runner;
  const char *nid;

  ensure_users ();
  dev = req ("POST", "/api/notifications/register", rt_member, "{\"token\":\"fcm-token-1\",\"platform\":\"android\"}");
  assert_status (dev, 201);
  g_assert_cmpstr (json_object_get_string_member (bz_api_data (dev), "platform"), ==, "android");
  again = req ("POST", "/api/v1/notifications/register", rt_member, "{\"token\":\"fcm-token-1\",\"platform\":\"Android\"}");
  assert_status (again, 201);
  g_assert_cmpstr (json_object_get_string_member (bz_api_data (again), "id"), ==,
                   json_object_get_string_member (bz_api_data (dev), "id"));

  m = open_socket (rt_member);
  n2 = open_socket (rt_nutri2);
  runner = bz_job_runner_new (api->store);
  bz_notifications_register_jobs (runner, api->services);
  bz_job_runner_set_timing (runner, 60000, 50);
  bz_services_set_job_runner (api->services, runner);
  bz_job_runner_start (runner);
  body = g_strdup_printf ("{\"patient_id\":\"%s\",\"title\":\"Registra tu comida\",\"body\":\"No olvides la cena\"}",
                          rt_patient);
  rem = req ("POST", "/api/notifications/reminders", rt_nutri, body);
  assert_status (rem, 202);
  nid = json_object_get_string_member (bz_api_data (rem), "notification_id");
  f = expect (m, BZ_REALTIME_EVENT_NOTIFICATION_NEW);
  g_assert_cmpstr (json_object_get_string_member (bz_realtime_frame_data (f), "id"), ==, nid);
  g_assert_cmpstr (json_object_get_string_member (bz_realtime_frame_data (f), "type"), ==, "reminder");
  g_assert_cmpstr (json_object_get_string_member (bz_realtime_frame_data (f), "title"), ==, "Registra tu comida");
  expect_nothing_before_probe (n2);
  bz_services_set_job_runner (api->services, NULL);
  bz_job_runner_free (runner);

  inbox = req ("GET", "/api/notifications", rt_member, NULL);
  assert_status (inbox, 200);
  g_assert_cmpint (json_object_get_int_member (bz_api_data (inbox), "unread_count"), ==, 1);
  count = req ("GET", "/api/notifications/unread-count", rt_member, NULL);
  assert_status (count, 200);
  g_assert_cmpint (json_object_get_int_member (bz_api_data (count), "unread_count"), ==, 1);
  /* Read over the socket: every socket of the member hears of it. */
  {
    g_autofree char *ev = g_strdup_printf ("{\"event\":\"notification:read\",\"data\":{\"notification_id\":\"%s\"}}", nid);
    bz_realtime_client_send (m, ev);
  }
  ack = expect (m, BZ_REALTIME_EVENT_NOTIFICATION_READ);
  g_assert_cmpint (json_object_get_int_member (bz_realtime_frame_data (ack), "unread_count"), ==, 0);
  read_path = g_strdup_printf ("/api/notifications/%s/read", nid);
  refused ("notifications", "POST", read_path, rt_nutri2, NULL, 404, "NOT_FOUND", NULL);
  read = req ("POST", read_path, rt_member, NULL);
  assert_status (read, 200);
  g_assert_nonnull (json_object_get_string_member (bz_api_data (read), "read_at"));
}

void test_realtime_frames_add_tests (void);

void
test_realtime_add_tests (void)
{
  g_test_add_func ("/api/realtime/refused-tokens", test_refused_tokens);
  g_test_add_func ("/api/realtime/message-reaches-recipient-only", test_message_reaches_recipient_only);
  g_test_add_func ("/api/realtime/typing-relayed", test_typing_relayed);
  g_test_add_func ("/api/realtime/rest-refusals", test_rest_refusals);
  g_test_add_func ("/api/realtime/devices-and-reminders", test_devices_and_reminders);
  test_realtime_frames_add_tests ();
}
