/* test-machines.c — seed 001's gym channels end to end on loopback (issue
 * 10 "Real time"; bz-machine-service.h, bz-server-ws.c):
 *
 *  - staff registers a machine and gets its key once; a member may not;
 *    bad bodies are refused with field details and the store unchanged;
 *  - a machine's heartbeat with its key is recorded; a wrong key, no key,
 *    another machine's key or an unknown machine are one 401, the store
 *    unchanged; status offline and a user without in_use are refused;
 *  - a change of status reaches the members' and the staff's sockets of
 *    /api/ws/machines as machine:status (from an HTTP heartbeat and from the
 *    machine's own socket), and nobody's /ws socket;
 *  - a machine that stops reporting turns offline, broadcast, with the
 *    interval shortened for the test (bz_machines_set_heartbeat_ms());
 *  - workout:progress from a member's device reaches the member's other
 *    device and the watching nutritionist, and not the sender, another
 *    member, another nutritionist (who may not watch) nor the member's /ws
 *    socket; bad frames are answered with field details, a huge frame and a
 *    flood close the socket, and the server goes on;
 *  - signing out closes the sign-in's sockets of both channels (4401).
 *
 * "Nothing" is proved by order, as in test-live-events.c.  Built into
 * test-api, so these operations count in its every-operation check. */
#include "bz-api-fixture.h"

#include <string.h>

#include "bz-auth-service-private.h"
#include "bz-limits.h"
#include "bz-machine-service.h"
#include "bz-realtime.h"
#include "test-realtime.h"

void test_machines_add_tests (void);
char *test_api_create_patient (const char *token, const char *email, char **out_member_token);

static char *m_nutri, *m_nutri2, *m_member, *m_member2, *m_patient;

static void
users (void)
{
  if (m_nutri)
    return;
  m_nutri = bz_api_register (bz_api_shared (), "gym-nutri@test.local", "nutritionist", NULL);
  m_nutri2 = bz_api_register (bz_api_shared (), "gym-nutri2@test.local", "nutritionist", NULL);
  m_patient = test_api_create_patient (m_nutri, "gym-member@test.local", &m_member);
  g_free (test_api_create_patient (m_nutri2, "gym-member2@test.local", &m_member2));
}

static BzApiResponse *
req (const char *method, const char *path, const char *token, const char *body)
{
  return bz_api_json (bz_api_shared (), method, path, token, body);
}

static JsonObject *
ok (BzApiResponse *r, guint status)
{
  if (r->status != status)
    g_error ("expected %u, got %u: %.*s", status, r->status, (int) g_bytes_get_size (r->body),
             (const char *) g_bytes_get_data (r->body, NULL));
  return bz_api_data (r);
}

/* POST /api/machines/{id}/heartbeat with @key (nullable). */
static BzApiResponse *
heartbeat (const char *id, const char *key, const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/machines/%s/heartbeat", id);
  const char *headers[] = { BZ_MACHINE_KEY_HEADER, key, NULL };
  return bz_api_call (bz_api_shared (), "POST", path, NULL, "application/json", body, strlen (body),
                      key ? headers : NULL);
}

/* A new machine: its id and key. */
static void
create_machine (const char *name, char **out_id, char **out_key)
{
  g_autofree char *body = g_strdup_printf ("{\"kind\":\"treadmill\",\"name\":\"%s\",\"zone\":\"Zona de cardio\"}", name);
  g_autoptr(BzApiResponse) r = req ("POST", "/api/machines", m_nutri, body);
  JsonObject *d = ok (r, 201);
  JsonObject *m = json_object_get_object_member (d, "machine");

  g_assert_cmpstr (json_object_get_string_member (m, "status"), ==, "available");
  g_assert_cmpstr (json_object_get_string_member (m, "zone"), ==, "Zona de cardio");
  g_assert_true (json_object_get_null_member (m, "lastSeen"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (d, "apiKey"), "bzm_"));
  *out_id = g_strdup (json_object_get_string_member (m, "id"));
  *out_key = g_strdup (json_object_get_string_member (d, "apiKey"));
}

static char *
channel_url (const char *channel, const char *query)
{
  return g_strdup_printf ("ws://127.0.0.1:%u/api/ws/%s?%s", bz_server_get_port (bz_api_shared ()->server), channel,
                          query);
}

static BzRealtimeClient *
open_channel (const char *channel, const char *token)
{
  g_autofree char *q = g_strconcat ("token=", token, NULL);
  g_autofree char *url = channel_url (channel, q);
  guint status = 0;
  BzRealtimeClient *c = bz_realtime_client_connect (bz_api_shared ()->session, url, NULL, &status);
  g_assert_cmpuint (status, ==, 101);
  return c;
}

/* The next machine:status of machine @id on @c (other machines' are
 * skipped: earlier tests' machines may go offline meanwhile); it must say
 * @status. */
static void
expect_machine (BzRealtimeClient *c, const char *id, const char *status)
{
  for (;;)
    {
      g_autoptr(JsonNode) f = expect (c, BZ_REALTIME_EVENT_MACHINE_STATUS);
      JsonObject *d = bz_realtime_frame_data (f);
      if (!g_str_equal (json_object_get_string_member (d, "id"), id))
        continue;
      g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, status);
      return;
    }
}

/* The machine's row as GET /api/machines shows it: "status lastSeen". */
static char *
machine_state (const char *id)
{
  g_autoptr(BzApiResponse) r = req ("GET", "/api/machines", m_member, NULL);
  JsonArray *all = json_object_get_array_member (ok (r, 200), "machines");

  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      JsonObject *m = json_array_get_object_element (all, i);
      if (g_str_equal (json_object_get_string_member (m, "id"), id))
        return g_strdup_printf ("%s %s", json_object_get_string_member (m, "status"),
                                json_object_get_null_member (m, "lastSeen") ? "never"
                                : json_object_get_string_member (m, "lastSeen"));
    }
  g_error ("machine %s not listed", id);
}

static const char *
error_code (JsonNode *f)
{
  return json_object_get_string_member (bz_realtime_frame_data (f), "code");
}

/* The error frame's details name @field. */
static gboolean
has_detail (JsonNode *f, const char *field)
{
  JsonObject *d = bz_realtime_frame_data (f);
  JsonArray *details = json_object_has_member (d, "details") ? json_object_get_array_member (d, "details") : NULL;
  for (guint i = 0; details && i < json_array_get_length (details); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (details, i), "field"), field))
      return TRUE;
  return FALSE;
}

static void
test_machine_routes (void)
{
  g_autofree char *id = NULL, *key = NULL, *other_id = NULL, *other_key = NULL, *before = NULL, *after = NULL;
  gint64 n;

  users ();
  create_machine ("Caminadora 1", &id, &key);
  create_machine ("Caminadora 2", &other_id, &other_key);

  /* Registration: staff only, valid bodies only, the store unchanged otherwise. */
  n = bz_api_count (bz_api_shared (), "gym_machines");
  {
    g_autoptr(BzApiResponse) member = req ("POST", "/api/machines", m_member, "{\"kind\":\"treadmill\",\"name\":\"X\"}");
    g_autoptr(BzApiResponse) anon = req ("POST", "/api/machines", NULL, "{\"kind\":\"treadmill\",\"name\":\"X\"}");
    g_autoptr(BzApiResponse) free_weight = req ("POST", "/api/machines", m_nutri, "{\"kind\":\"dumbbell\",\"name\":\"X\"}");
    g_autoptr(BzApiResponse) no_name = req ("POST", "/api/machines", m_nutri, "{\"kind\":\"treadmill\"}");
    g_autoptr(BzApiResponse) long_name = NULL;
    g_autofree char *body = g_strdup_printf ("{\"kind\":\"treadmill\",\"name\":\"%0*d\"}", BZ_MACHINE_NAME_MAX_CHARS + 1, 0);
    long_name = req ("POST", "/api/machines", m_nutri, body);
    g_assert_cmpuint (member->status, ==, 403);
    g_assert_cmpuint (anon->status, ==, 401);
    g_assert_cmpuint (free_weight->status, ==, 400);
    g_assert_true (bz_api_has_detail (free_weight, "kind"));
    g_assert_cmpuint (no_name->status, ==, 400);
    g_assert_true (bz_api_has_detail (no_name, "name"));
    g_assert_cmpuint (long_name->status, ==, 400);
    g_assert_true (bz_api_has_detail (long_name, "name"));
  }
  g_assert_cmpint (bz_api_count (bz_api_shared (), "gym_machines"), ==, n);

  /* Availability for members: the new machine, never heard from. */
  g_assert_cmpstr ((before = machine_state (id)), ==, "available never");
  {
    g_autoptr(BzApiResponse) anon = req ("GET", "/api/machines", NULL, NULL);
    g_autoptr(BzApiResponse) list = req ("GET", "/api/machines", m_member, NULL);
    g_assert_cmpuint (anon->status, ==, 401);
    g_assert_cmpint (json_object_get_int_member (ok (list, 200), "heartbeatSeconds"), ==, BZ_MACHINE_HEARTBEAT_S);
    g_assert_cmpint (json_object_get_int_member (bz_api_data (list), "missedHeartbeats"), ==, BZ_MACHINE_MISSED_HEARTBEATS);
  }

  /* Refused heartbeats: one 401 for every key problem; the store unchanged. */
  {
    g_autoptr(BzApiResponse) none = heartbeat (id, NULL, "{\"status\":\"in_use\"}");
    g_autoptr(BzApiResponse) wrong = heartbeat (id, "bzm_0000", "{\"status\":\"in_use\"}");
    g_autoptr(BzApiResponse) others = heartbeat (id, other_key, "{\"status\":\"in_use\"}");
    g_autoptr(BzApiResponse) unknown = heartbeat ("no-such-machine", key, "{\"status\":\"in_use\"}");
    g_autoptr(BzApiResponse) bearer = NULL;
    g_autofree char *path = g_strdup_printf ("/api/machines/%s/heartbeat", id);
    bearer = req ("POST", path, m_nutri, "{\"status\":\"in_use\"}");   /* a person's token is no machine key */
    g_assert_cmpuint (none->status, ==, 401);
    g_assert_cmpuint (wrong->status, ==, 401);
    g_assert_cmpuint (others->status, ==, 401);
    g_assert_cmpuint (unknown->status, ==, 401);
    g_assert_cmpuint (bearer->status, ==, 401);
    g_assert_cmpstr (bz_api_error_code (wrong), ==, "UNAUTHENTICATED");
  }
  {
    static const char *const bad[][2] = {
      { "{\"status\":\"offline\"}", "status" },
      { "{\"status\":\"broken\"}", "status" },
      { "{}", "status" },
      { "{\"status\":42}", "status" },
      { "{\"status\":\"available\",\"userId\":\"7d1f7a4e-3c55-4b4a-9d7e-1a2b3c4d5e6f\"}", "userId" },
      { "{\"status\":\"in_use\",\"userId\":\"7d1f7a4e-3c55-4b4a-9d7e-1a2b3c4d5e6f\"}", "userId" },
      { "{\"status\":\"available\",\"satus\":\"x\"}", "satus" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(BzApiResponse) r = heartbeat (id, key, bad[i][0]);
        g_test_message ("%s -> %u", bad[i][0], r->status);
        g_assert_cmpuint (r->status, ==, 400);
        g_assert_true (bz_api_has_detail (r, bad[i][1]));
      }
    {
      g_autoptr(BzApiResponse) r = heartbeat (id, key, "{not json");
      g_assert_cmpuint (r->status / 100, ==, 4);
    }
  }
  g_assert_cmpstr ((after = machine_state (id)), ==, before);

  /* A heartbeat: recorded, the machine seen. */
  {
    g_autoptr(BzApiResponse) r = heartbeat (id, key, "{\"status\":\"in_use\"}");
    JsonObject *m = ok (r, 200);
    g_assert_cmpstr (json_object_get_string_member (m, "status"), ==, "in_use");
    g_assert_false (json_object_get_null_member (m, "lastSeen"));
  }
  g_clear_pointer (&after, g_free);
  g_assert_true (g_str_has_prefix ((after = machine_state (id)), "in_use 20"));
  /* The other machine was untouched by the refusals with its key. */
  g_clear_pointer (&after, g_free);
  g_assert_cmpstr ((after = machine_state (other_id)), ==, "available never");
  /* "maintenance" is out_of_service; a member's card with in_use is kept, never shown. */
  {
    g_autoptr(BzApiResponse) r = heartbeat (id, key, "{\"status\":\"maintenance\"}");
    g_assert_cmpstr (json_object_get_string_member (ok (r, 200), "status"), ==, "out_of_service");
  }
  {
    g_autofree char *user = claim (m_member, "sub");
    g_autofree char *body = g_strdup_printf ("{\"status\":\"in_use\",\"userId\":\"%s\"}", user);
    g_autoptr(BzApiResponse) r = heartbeat (id, key, body);
    g_autoptr(BzApiResponse) list = NULL;
    JsonObject *m = ok (r, 200);
    g_assert_cmpstr (json_object_get_string_member (m, "status"), ==, "in_use");
    g_assert_false (json_object_has_member (m, "userId"));
    list = req ("GET", "/api/machines", m_member2, NULL);
    {
      gsize len;
      const char *raw = g_bytes_get_data (list->body, &len);
      g_autofree char *text = g_strndup (raw, len);
      g_assert_cmpuint (list->status, ==, 200);
      g_assert_null (strstr (text, user));
    }
  }
  {
    g_autoptr(BzApiResponse) r = heartbeat (id, key, "{\"status\":\"available\"}");
    ok (r, 200);
  }
}

static void
test_machine_broadcast (void)
{
  g_autofree char *id = NULL, *key = NULL, *q = NULL, *url = NULL, *bad_q = NULL, *bad_url = NULL;
  g_autoptr(BzRealtimeClient) member = NULL, staff = NULL, social = NULL, machine = NULL;
  guint status = 0;

  users ();
  create_machine ("Caminadora 3", &id, &key);
  member = open_channel ("machines", m_member);
  staff = open_channel ("machines", m_nutri);
  social = open_socket (m_member2);

  /* An HTTP heartbeat that changes the status reaches every person's socket of the channel. */
  {
    g_autoptr(BzApiResponse) r = heartbeat (id, key, "{\"status\":\"in_use\"}");
    ok (r, 200);
  }
  expect_machine (member, id, "in_use");
  expect_machine (staff, id, "in_use");
  /* The same status again is no news. */
  {
    g_autoptr(BzApiResponse) r = heartbeat (id, key, "{\"status\":\"in_use\"}");
    ok (r, 200);
  }

  /* The machine's own socket: its key instead of a token. */
  q = g_strdup_printf ("machine_id=%s&key=%s", id, key);
  url = channel_url ("machines", q);
  machine = bz_realtime_client_connect (bz_api_shared ()->session, url, NULL, &status);
  g_assert_cmpuint (status, ==, 101);
  bz_realtime_client_send (machine, "{\"event\":\"machine:status\",\"data\":{\"status\":\"out_of_service\"}}");
  expect_machine (member, id, "out_of_service");
  expect_machine (staff, id, "out_of_service");
  /* A bad status frame: an error frame with the field, the socket open, nothing broadcast. */
  {
    g_autoptr(JsonNode) f = NULL;
    bz_realtime_client_send (machine, "{\"event\":\"machine:status\",\"data\":{\"status\":\"offline\"}}");
    f = expect (machine, BZ_REALTIME_EVENT_ERROR);
    g_assert_cmpstr (error_code (f), ==, "VALIDATION_ERROR");
    g_assert_true (has_detail (f, "status"));
  }
  {
    g_autoptr(JsonNode) f = NULL;
    bz_realtime_client_send (machine, "{\"event\":\"workout:progress\",\"data\":{}}");   /* another channel's */
    f = expect (machine, BZ_REALTIME_EVENT_ERROR);
    g_assert_cmpstr (error_code (f), ==, "VALIDATION_ERROR");
  }
  expect_nothing_before_probe (machine);   /* a machine hears no broadcast */
  /* A person may not speak for a machine. */
  {
    g_autoptr(JsonNode) f = NULL;
    bz_realtime_client_send (member, "{\"event\":\"machine:status\",\"data\":{\"status\":\"available\"}}");
    f = expect (member, BZ_REALTIME_EVENT_ERROR);
    g_assert_cmpstr (error_code (f), ==, "FORBIDDEN");
  }
  expect_nothing_before_probe (staff);
  expect_nothing_before_probe (social);   /* /ws is not the machines' channel */
  {
    g_autofree char *state = machine_state (id);
    g_assert_true (g_str_has_prefix (state, "out_of_service "));
  }

  /* Wrong, missing or other keys open no socket. */
  {
    static const char *const bad[] = { "machine_id=%s&key=bzm_0000", "machine_id=%s&key=", "key=%s" };
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *bq = g_strdup_printf (bad[i], i == 2 ? key : id);
        g_autofree char *bu = channel_url ("machines", bq);
        g_autoptr(BzRealtimeClient) c = bz_realtime_client_connect (bz_api_shared ()->session, bu, NULL, &status);
        g_test_message ("%s -> %u", bq, status);
        g_assert_null (c);
        g_assert_cmpuint (status, ==, 401);
      }
  }
  {
    g_autofree char *u = channel_url ("machines", "x=1");
    g_autoptr(BzRealtimeClient) c = bz_realtime_client_connect (bz_api_shared ()->session, u, NULL, &status);
    g_assert_null (c);
    g_assert_cmpuint (status, ==, 401);
  }
}

static void
test_machine_offline (void)
{
  g_autofree char *id = NULL, *key = NULL, *state = NULL, *silent_id = NULL, *silent_key = NULL, *silent = NULL;
  g_autoptr(BzRealtimeClient) member = NULL;
  BzServices *svc = bz_api_shared ()->services;

  users ();
  create_machine ("Caminadora 4", &id, &key);
  create_machine ("Caminadora 5", &silent_id, &silent_key);   /* never reports */
  member = open_channel ("machines", m_member);
  {
    g_autoptr(BzApiResponse) r = heartbeat (id, key, "{\"status\":\"available\"}");
    ok (r, 200);
  }
  /* Machines report every 300 ms now: three missed, about a second, and it is offline. */
  bz_machines_set_heartbeat_ms (svc, 300);
  expect_machine (member, id, "offline");
  bz_machines_set_heartbeat_ms (svc, 0);
  state = machine_state (id);
  g_assert_true (g_str_has_prefix (state, "offline 20"));
  /* A machine never heard from is not marked offline. */
  g_assert_cmpstr ((silent = machine_state (silent_id)), ==, "available never");
  {
    g_autoptr(BzApiResponse) list = req ("GET", "/api/machines", m_member, NULL);
    g_assert_cmpint (json_object_get_int_member (ok (list, 200), "heartbeatSeconds"), ==, BZ_MACHINE_HEARTBEAT_S);
  }
  /* Its next heartbeat brings it back, and that is broadcast too. */
  {
    g_autoptr(BzApiResponse) r = heartbeat (id, key, "{\"status\":\"available\"}");
    ok (r, 200);
  }
  expect_machine (member, id, "available");
}

/* The slug of an exercise of the library. */
static char *
some_exercise (void)
{
  g_autoptr(BzApiResponse) r = req ("GET", "/api/workouts/library?limit=1", m_member, NULL);
  JsonArray *ex = json_object_get_array_member (ok (r, 200), "exercises");
  return g_strdup (json_object_get_string_member (json_array_get_object_element (ex, 0), "id"));
}

static void
test_workout_live (void)
{
  g_autoptr(BzRealtimeClient) dev1 = NULL, dev2 = NULL, watcher = NULL, stranger = NULL, other = NULL, social = NULL;
  g_autofree char *exercise = NULL, *frame = NULL, *watch = NULL;

  users ();
  exercise = some_exercise ();
  dev1 = open_channel ("workouts", m_member);
  dev2 = open_channel ("workouts", m_member);
  watcher = open_channel ("workouts", m_nutri);
  stranger = open_channel ("workouts", m_nutri2);
  other = open_channel ("workouts", m_member2);
  social = open_socket (m_member);

  /* The member's own nutritionist may watch; another may not, nor a member. */
  watch = g_strdup_printf ("{\"event\":\"workout:watch\",\"data\":{\"patient_id\":\"%s\"}}", m_patient);
  bz_realtime_client_send (watcher, watch);
  {
    g_autoptr(JsonNode) f = expect (watcher, BZ_REALTIME_EVENT_WORKOUT_WATCH);
    g_assert_cmpstr (json_object_get_string_member (bz_realtime_frame_data (f), "patient_id"), ==, m_patient);
  }
  bz_realtime_client_send (stranger, watch);
  {
    g_autoptr(JsonNode) f = expect (stranger, BZ_REALTIME_EVENT_ERROR);
    g_assert_cmpstr (error_code (f), ==, "NOT_FOUND");
  }
  bz_realtime_client_send (other, watch);
  {
    g_autoptr(JsonNode) f = expect (other, BZ_REALTIME_EVENT_ERROR);
    g_assert_cmpstr (error_code (f), ==, "NOT_FOUND");
  }

  /* A set done on one device. */
  frame = g_strdup_printf ("{\"event\":\"workout:progress\",\"data\":{\"exercise\":\"%s\",\"set\":2,\"reps\":10,"
                           "\"load_kg\":42.5,\"heart_rate\":128}}", exercise);
  bz_realtime_client_send (dev1, frame);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonNode) f = expect (i == 0 ? dev2 : watcher, BZ_REALTIME_EVENT_WORKOUT_PROGRESS);
      JsonObject *d = bz_realtime_frame_data (f);
      g_assert_cmpstr (json_object_get_string_member (d, "exercise"), ==, exercise);
      g_assert_cmpint (json_object_get_int_member (d, "set"), ==, 2);
      g_assert_cmpint (json_object_get_int_member (d, "reps"), ==, 10);
      g_assert_cmpfloat (json_object_get_double_member (d, "load_kg"), ==, 42.5);
      g_assert_cmpint (json_object_get_int_member (d, "heart_rate"), ==, 128);
      g_assert_cmpstr (json_object_get_string_member (d, "patient_id"), ==, m_patient);
      g_assert_true (json_object_has_member (d, "received_at"));
    }
  /* Nobody else: not the sender, another member, another nutritionist, nor /ws. */
  expect_nothing_before_probe (dev1);
  expect_nothing_before_probe (stranger);
  expect_nothing_before_probe (other);
  expect_nothing_before_probe (social);
  expect_nothing_before_probe (dev2);
  expect_nothing_before_probe (watcher);

  /* Only a member sends progress. */
  bz_realtime_client_send (watcher, frame);
  {
    g_autoptr(JsonNode) f = expect (watcher, BZ_REALTIME_EVENT_ERROR);
    g_assert_cmpstr (error_code (f), ==, "FORBIDDEN");
  }
  /* Another member's progress does not reach this member's watcher. */
  bz_realtime_client_send (other, frame);
  expect_nothing_before_probe (other);
  expect_nothing_before_probe (watcher);
  expect_nothing_before_probe (dev2);
}

static void
test_workout_bad_frames (void)
{
  g_autoptr(BzRealtimeClient) c = NULL, dev2 = NULL, huge_c = NULL, flood = NULL, after = NULL;
  g_autofree char *exercise = NULL, *huge = NULL;
  struct { const char *data; const char *field; } bad[] = {
    { "{\"set\":1,\"reps\":10}", "exercise" },
    { "{\"exercise\":\"%s\",\"set\":1,\"reps\":\"ten\"}", "reps" },
    { "{\"exercise\":\"%s\",\"set\":0,\"reps\":10}", "set" },
    { "{\"exercise\":\"%s\",\"set\":1,\"reps\":10,\"heart_rate\":400}", "heart_rate" },
    { "{\"exercise\":\"%s\",\"set\":1,\"reps\":10,\"load_kg\":-5}", "load_kg" },
    { "{\"exercise\":\"no-such-exercise\",\"set\":1,\"reps\":10}", "exercise" },
    { "{\"exercise\":\"%s\",\"set\":1,\"reps\":10,\"patient_id\":\"someone-else\"}", "patient_id" },
  };

  users ();
  exercise = some_exercise ();
  c = open_channel ("workouts", m_member);
  dev2 = open_channel ("workouts", m_member);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *d = g_strdup_printf (bad[i].data, exercise);
      g_autofree char *f_text = g_strdup_printf ("{\"event\":\"workout:progress\",\"data\":%s}", d);
      g_autoptr(JsonNode) f = NULL;
      bz_realtime_client_send (c, f_text);
      f = expect (c, BZ_REALTIME_EVENT_ERROR);
      g_test_message ("%s -> %s", f_text, error_code (f));
      g_assert_cmpstr (error_code (f), ==, "VALIDATION_ERROR");
      g_assert_true (has_detail (f, bad[i].field));
    }
  {
    static const char *const malformed[] = {
      "{not json", "[1]", "{\"event\":\"workout:progress\"}", "{\"event\":\"workout:progress\",\"data\":[1]}",
      "{\"event\":\"typing:start\",\"data\":{\"conversation_id\":\"x\"}}",   /* /ws's, not this channel's */
      "{\"event\":\"workout:watch\",\"data\":{\"patient_id\":42}}",
    };
    for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
      {
        g_autoptr(JsonNode) f = NULL;
        bz_realtime_client_send (c, malformed[i]);
        f = expect (c, BZ_REALTIME_EVENT_ERROR);
        g_test_message ("%s -> %s", malformed[i], error_code (f));
        g_assert_true (g_str_equal (error_code (f), "VALIDATION_ERROR") || g_str_equal (error_code (f), "NOT_FOUND"));
      }
  }
  /* None of it was relayed. */
  expect_nothing_before_probe (dev2);
  g_assert_false (c->closed);

  /* A huge frame closes the socket (1009); the server goes on. */
  huge_c = open_channel ("workouts", m_member);
  huge = g_strdup_printf ("{\"event\":\"workout:progress\",\"data\":{\"exercise\":\"%*s\"}}", BZ_WS_MAX_INCOMING_BYTES, "x");
  bz_realtime_client_send (huge_c, huge);
  g_assert_true (bz_realtime_client_wait_closed (huge_c, WAIT_MS));
  g_assert_true (huge_c->close_code == SOUP_WEBSOCKET_CLOSE_TOO_BIG || huge_c->close_code == 0);

  /* A flood: answered up to the limit, then RATE_LIMITED and closed. */
  flood = open_channel ("workouts", m_member);
  for (guint i = 0; i < BZ_WS_CLIENT_EVENTS_PER_MINUTE + 10; i++)
    bz_realtime_client_send (flood, "{\"event\":\"flood\",\"data\":{}}");
  g_assert_true (bz_realtime_client_wait_closed (flood, WAIT_MS));
  g_assert_cmpuint (flood->close_code, ==, BZ_REALTIME_CLOSE_RATE_LIMITED);
  g_assert_cmpuint (g_queue_get_length (&flood->frames), ==, BZ_WS_CLIENT_EVENTS_PER_MINUTE + 1);

  after = open_channel ("workouts", m_member);
  expect_nothing_before_probe (after);
  expect_nothing_before_probe (dev2);
}

/* Signing out closes the sign-in's sockets of both gym channels (4401), as on /ws. */
static void
test_gym_channels_sign_out (void)
{
  g_autofree char *refresh = NULL, *access = NULL, *body = NULL;
  g_autoptr(BzRealtimeClient) w = NULL, m = NULL, kept = NULL;
  g_autoptr(BzApiResponse) login = NULL, out = NULL;

  users ();
  bz_auth_reset_rate_limits ();
  login = req ("POST", "/api/auth/login", NULL, "{\"email\":\"gym-member@test.local\",\"password\":\"Member-Pass1!\"}");
  access = g_strdup (json_object_get_string_member (ok (login, 200), "access_token"));
  refresh = g_strdup (json_object_get_string_member (bz_api_data (login), "refresh_token"));
  w = open_channel ("workouts", access);
  m = open_channel ("machines", access);
  kept = open_channel ("workouts", m_member);   /* another sign-in of the same member */
  body = g_strdup_printf ("{\"refresh_token\":\"%s\"}", refresh);
  out = req ("POST", "/api/auth/logout", access, body);
  g_assert_cmpuint (out->status, <, 300);
  g_assert_true (bz_realtime_client_wait_closed (w, WAIT_MS));
  g_assert_cmpuint (w->close_code, ==, BZ_REALTIME_CLOSE_UNAUTHENTICATED);
  g_assert_true (bz_realtime_client_wait_closed (m, WAIT_MS));
  g_assert_cmpuint (m->close_code, ==, BZ_REALTIME_CLOSE_UNAUTHENTICATED);
  expect_nothing_before_probe (kept);
  g_assert_false (kept->closed);
}

void
test_machines_add_tests (void)
{
  g_test_add_func ("/api/machines/routes", test_machine_routes);
  g_test_add_func ("/api/machines/broadcast", test_machine_broadcast);
  g_test_add_func ("/api/machines/offline", test_machine_offline);
  g_test_add_func ("/api/ws/workouts/live", test_workout_live);
  g_test_add_func ("/api/ws/workouts/bad-frames", test_workout_bad_frames);
  g_test_add_func ("/api/ws/workouts/sign-out-closes", test_gym_channels_sign_out);
}
