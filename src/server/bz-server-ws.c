/* bz-server-ws.c — the WebSocket endpoint /ws (and /api/v1/ws) of seed
 * 002 §4.8, on the server's own loop, attached to the real-time hub
 * (bz-realtime.h).
 *
 * Authentication, before the upgrade and with the HTTP routes' own check
 * (bz_auth_verify_access_token()): the access token as
 *   - "Authorization: Bearer <token>" on the upgrade request, or
 *   - the query "?token=<token>" (browsers cannot set headers on a
 *     WebSocket; this is where Socket.IO's handshake `auth: {token}` of the
 *     seed goes on a plain WebSocket).
 * A missing or bad token is answered 401 with the error envelope and no
 * upgrade.  The socket closes with %BZ_REALTIME_CLOSE_UNAUTHENTICATED when
 * the token expires or its sign-in is signed out (bz_realtime_close_session()).
 *
 * Client frames (seed 002 §4.8 client events): typing:start
 * {conversation_id} is relayed to the other party; notification:read
 * {notification_id} marks it read (on a worker thread: it writes) and every
 * socket of the user gets notification:read; challenge:join_room
 * {challenge_id} puts the socket in the challenge's room (live
 * challenge:rank_change, bz_challenges_join_room()) and is echoed.  All
 * three run on a worker thread (they read or write the store); a refusal
 * is an error frame with the service's code (NOT_FOUND, CONFLICT, ...).  Anything
 * else — binary frames, malformed JSON, unknown events, bad data — is
 * answered {"event": "error", "data": {code, message, event}} and the socket
 * stays open.  A frame over %BZ_WS_MAX_INCOMING_BYTES closes it with 1009
 * (libsoup refuses it before buffering); more than
 * %BZ_WS_CLIENT_EVENTS_PER_MINUTE frames a minute get one error frame
 * RATE_LIMITED and close %BZ_REALTIME_CLOSE_RATE_LIMITED.
 *
 * Seed 001's gym channels, with the same frames, limits, error frames and
 * token expiry (bz-machine-service.h, docs/realtime.md):
 *  - /api/ws/machines: a person's socket (access token as above) joins
 *    %BZ_MACHINES_ROOM and gets machine:status; a machine's socket
 *    authenticates with ?machine_id=<id> and its key in X-Machine-Key (or
 *    ?key=) instead, and sends machine:status {status, userId?} frames: its
 *    heartbeats.
 *  - /api/ws/workouts: a member's device sends workout:progress (relayed to
 *    the member's other sockets there and to the watchers); a nutritionist
 *    sends workout:watch {patient_id} (echoed when accepted).
 * An event of another channel is answered as unknown.
 */
#include "bz-server-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bz-auth-service.h"
#include "bz-challenge-service.h"
#include "bz-machine-service.h"
#include "bz-message-service.h"
#include "bz-notification-service.h"
#include "bz-realtime.h"

/* The WebSocket paths: /ws of seed 002, and seed 001's two gym channels. */
typedef enum
{
  CHANNEL_SOCIAL,
  CHANNEL_MACHINES,
  CHANNEL_WORKOUTS,
} Channel;

typedef struct
{
  BzServer *server;
  Channel channel;
  SoupWebsocketConnection *conn;
  GSocket *socket;             /* to ask whether it is writable */
  GSocketAddress *conn_owner;  /* keeps the Conn (busy while the socket is open) */
  Conn *c;
  guint64 id;
  BzCaller *caller;            /* NULL for a machine */
  char *machine_id, *machine_key; /* a machine's socket (/api/ws/machines) */
  GSource *writable;           /* while the hub waits for the socket */
  char key[32];                /* rate limiter key */
} Ws;

#define CALLER_KEY "bz-ws-caller"
#define MACHINE_ID_KEY "bz-ws-machine-id"
#define MACHINE_KEY_KEY "bz-ws-machine-key"

static Channel
channel_of (const char *path)
{
  if (g_str_has_suffix (path, "/ws/machines"))
    return CHANNEL_MACHINES;
  if (g_str_has_suffix (path, "/ws/workouts"))
    return CHANNEL_WORKOUTS;
  return CHANNEL_SOCIAL;
}

/* --- Sink (on the server thread) ----------------------------------------- */

static gboolean
on_writable (GSocket *socket, GIOCondition condition, gpointer data)
{
  Ws *ws = data;
  g_clear_pointer (&ws->writable, g_source_unref);
  bz_realtime_resume (bz_services_get_realtime (ws->server->services), ws->id);
  return G_SOURCE_REMOVE;
}

static void
sink_send (gpointer data, GBytes *frame)
{
  Ws *ws = data;
  if (soup_websocket_connection_get_state (ws->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_send_message (ws->conn, SOUP_WEBSOCKET_DATA_TEXT, frame);
}

/* Ready while the kernel takes more bytes: libsoup's own queue then holds at
 * most the frame being written, and the hub's queue is the bounded one. */
static gboolean
sink_ready (gpointer data)
{
  Ws *ws = data;
  if (g_socket_is_closed (ws->socket) || (g_socket_condition_check (ws->socket, G_IO_OUT) & G_IO_OUT))
    return TRUE;
  if (ws->writable == NULL)
    {
      ws->writable = g_socket_create_source (ws->socket, G_IO_OUT, NULL);
      g_source_set_callback (ws->writable, G_SOURCE_FUNC (on_writable), ws, NULL);
      g_source_set_static_name (ws->writable, "[balanza] websocket writable");
      g_source_attach (ws->writable, ws->server->context);
    }
  return FALSE;
}

static void
sink_close (gpointer data, gushort code, const char *reason)
{
  Ws *ws = data;
  if (soup_websocket_connection_get_state (ws->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (ws->conn, code, reason);
}

static const BzRealtimeSinkFuncs sink_funcs = { sink_send, sink_ready, sink_close };

/* The string @member of the frame's data object, or %NULL. */
static const char *
data_id (JsonObject *frame, const char *member)
{
  JsonNode *d = json_object_get_member (frame, "data");
  return d && JSON_NODE_HOLDS_OBJECT (d) ? bz_json_get_string (json_node_get_object (d), member) : NULL;
}

/* --- Error frames ------------------------------------------------------------ */

/* {"event": "error", "data": {code, message, event}} to socket @id (any thread). */
static void
send_error_to (BzServices *services, guint64 id, const char *code, const char *message, const char *event)
{
  g_autoptr(JsonObject) o = json_object_new ();
  g_autoptr(JsonNode) data = NULL;

  json_object_set_string_member (o, "code", code);
  json_object_set_string_member (o, "message", message);
  if (event)
    json_object_set_string_member (o, "event", event);
  else
    json_object_set_null_member (o, "event");
  data = bz_json_node_new_object (g_steal_pointer (&o));
  bz_realtime_send (bz_services_get_realtime (services), id, BZ_REALTIME_EVENT_ERROR, data);
}

/* The error frame of a refusal: its code, message and, when it has them,
 * the field details of the HTTP error envelope (seed 002 §4.1). */
static void
send_error_to_full (BzServices *services, guint64 id, const GError *error, const char *event)
{
  g_autoptr(JsonObject) o = json_object_new ();
  g_autoptr(JsonNode) data = NULL;
  JsonArray *details = bz_error_get_details (error);

  json_object_set_string_member (o, "code", bz_error_code_name (error));
  json_object_set_string_member (o, "message", error->message);
  if (event)
    json_object_set_string_member (o, "event", event);
  else
    json_object_set_null_member (o, "event");
  if (details)
    json_object_set_array_member (o, "details", json_array_ref (details));
  data = bz_json_node_new_object (g_steal_pointer (&o));
  bz_realtime_send (bz_services_get_realtime (services), id, BZ_REALTIME_EVENT_ERROR, data);
}

static void
send_error (Ws *ws, const char *code, const char *message, const char *event)
{
  send_error_to (ws->server->services, ws->id, code, message, event);
}

/* --- Client events on a worker (they read or write the store) ----------------- */

typedef struct
{
  BzServices *services;
  guint64 id;
  BzCaller *caller;        /* NULL for a machine */
  const char *event;       /* static: BZ_REALTIME_EVENT_* */
  char *arg_id;            /* the event's id: conversation_id, notification_id, challenge_id, patient_id;
                            * a machine's id */
  char *machine_key;       /* machine:status */
  JsonObject *data;        /* (nullable) the frame's data: workout:progress, machine:status */
} FrameJob;

static void
frame_job_free (gpointer data)
{
  FrameJob *j = data;
  g_object_unref (j->services);
  bz_caller_free (j->caller);
  g_free (j->arg_id);
  g_free (j->machine_key);
  g_clear_pointer (&j->data, json_object_unref);
  g_free (j);
}

/* typing:start is relayed to the other party and notification:read told to
 * every socket of the reader by their services; challenge:join_room is
 * echoed here (as notification:read is).  A refusal is an error frame. */
static void
frame_job_run (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  FrameJob *j = data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_str_equal (j->event, BZ_REALTIME_EVENT_MACHINE_STATUS))
    {
      g_autoptr(BzRecord) m = bz_machines_heartbeat (j->services, j->arg_id, j->machine_key, j->data, &error);
      ok = m != NULL;
    }
  else if (g_str_equal (j->event, BZ_REALTIME_EVENT_WORKOUT_PROGRESS))
    ok = bz_workouts_live_progress (j->services, j->caller, j->id, j->data, &error);
  else if (g_str_equal (j->event, BZ_REALTIME_EVENT_WORKOUT_WATCH))
    {
      ok = bz_workouts_live_watch (j->services, j->caller, j->id, j->arg_id, &error);
      if (ok)
        {
          g_autoptr(JsonObject) o = json_object_new ();
          g_autoptr(JsonNode) node = NULL;
          json_object_set_string_member (o, "patient_id", j->arg_id);
          node = bz_json_node_new_object (g_steal_pointer (&o));
          bz_realtime_send (bz_services_get_realtime (j->services), j->id, j->event, node);
        }
    }
  else if (g_str_equal (j->event, BZ_REALTIME_EVENT_TYPING_START))
    ok = bz_messages_typing (j->services, j->caller, j->arg_id, &error);
  else if (g_str_equal (j->event, BZ_REALTIME_EVENT_NOTIFICATION_READ))
    {
      g_autoptr(BzRecord) n = bz_notifications_mark_read (j->services, j->caller, j->arg_id, &error);
      ok = n != NULL;
    }
  else
    {
      ok = bz_challenges_join_room (j->services, j->caller, j->arg_id, j->id, &error);
      if (ok)
        {
          g_autoptr(JsonObject) o = json_object_new ();
          g_autoptr(JsonNode) node = NULL;
          json_object_set_string_member (o, "challenge_id", j->arg_id);
          node = bz_json_node_new_object (g_steal_pointer (&o));
          bz_realtime_send (bz_services_get_realtime (j->services), j->id, j->event, node);
        }
    }
  if (!ok)
    send_error_to_full (j->services, j->id, error, j->event);
  g_task_return_boolean (task, TRUE);
}

/* Runs @event {@member: id} for @ws on a worker thread, never on this (the
 * server's) thread. */
static void
run_frame_job (Ws *ws, JsonObject *frame, const char *event, const char *member)
{
  FrameJob *j = g_new0 (FrameJob, 1);
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
  j->services = g_object_ref (ws->server->services);
  j->id = ws->id;
  j->caller = ws->caller ? bz_caller_copy (ws->caller) : NULL;
  j->event = event;
  j->arg_id = ws->machine_id ? g_strdup (ws->machine_id) : member ? g_strdup (data_id (frame, member)) : NULL;
  j->machine_key = g_strdup (ws->machine_key);
  {
    JsonNode *d = json_object_get_member (frame, "data");
    if (d && JSON_NODE_HOLDS_OBJECT (d))
      j->data = json_object_ref (json_node_get_object (d));
  }
  g_task_set_task_data (task, j, frame_job_free);
  g_task_run_in_thread (task, frame_job_run);
}

/* --- Client frames ------------------------------------------------------------ */


static void
on_message (SoupWebsocketConnection *conn, gint type, GBytes *message, gpointer data)
{
  Ws *ws = data;
  BzServer *self = ws->server;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *frame;
  const char *event;
  gsize len;
  const char *text = g_bytes_get_data (message, &len);
  guint retry = 0;

  if (!bz_rate_limiter_check (self->ws_limiter, ws->key, g_get_monotonic_time (), &retry))
    {
      send_error (ws, "RATE_LIMITED", _("Too many events on this connection"), NULL);
      /* The error frame is queued in the hub: let it out before the close. */
      bz_realtime_close_socket (bz_services_get_realtime (self->services), ws->id, BZ_REALTIME_CLOSE_RATE_LIMITED,
                                "Too many events");
      return;
    }
  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    {
      send_error (ws, "VALIDATION_ERROR", _("Events are JSON text frames"), NULL);
      return;
    }
  root = bz_json_parse (text, len, &bz_json_limits_ws_event, NULL, &error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !(event = bz_json_get_string (frame = json_node_get_object (root), "event")))
    {
      send_error (ws, "VALIDATION_ERROR", _("An event is a JSON object {\"event\": name, \"data\": object}"), NULL);
      return;
    }
  if (ws->channel == CHANNEL_SOCIAL && g_str_equal (event, BZ_REALTIME_EVENT_TYPING_START))
    run_frame_job (ws, frame, BZ_REALTIME_EVENT_TYPING_START, "conversation_id");
  else if (ws->channel == CHANNEL_SOCIAL && g_str_equal (event, BZ_REALTIME_EVENT_NOTIFICATION_READ))
    run_frame_job (ws, frame, BZ_REALTIME_EVENT_NOTIFICATION_READ, "notification_id");
  else if (ws->channel == CHANNEL_SOCIAL && g_str_equal (event, BZ_REALTIME_EVENT_CHALLENGE_JOIN_ROOM))
    run_frame_job (ws, frame, BZ_REALTIME_EVENT_CHALLENGE_JOIN_ROOM, "challenge_id");
  else if (ws->channel == CHANNEL_MACHINES && g_str_equal (event, BZ_REALTIME_EVENT_MACHINE_STATUS))
    {
      if (ws->machine_id)
        run_frame_job (ws, frame, BZ_REALTIME_EVENT_MACHINE_STATUS, NULL);
      else
        send_error (ws, "FORBIDDEN", _("Only a machine reports its status"), event);
    }
  else if (ws->channel == CHANNEL_WORKOUTS && g_str_equal (event, BZ_REALTIME_EVENT_WORKOUT_PROGRESS))
    run_frame_job (ws, frame, BZ_REALTIME_EVENT_WORKOUT_PROGRESS, NULL);
  else if (ws->channel == CHANNEL_WORKOUTS && g_str_equal (event, BZ_REALTIME_EVENT_WORKOUT_WATCH))
    run_frame_job (ws, frame, BZ_REALTIME_EVENT_WORKOUT_WATCH, "patient_id");
  else
    {
      g_autofree char *m = g_strdup_printf (_("Unknown event “%s”"), event);
      send_error (ws, "VALIDATION_ERROR", m, event);
    }
}

/* --- Lifetime ------------------------------------------------------------------ */

static void
ws_free (Ws *ws)
{
  BzServer *self = ws->server;

  bz_realtime_detach (bz_services_get_realtime (self->services), ws->id);
  g_hash_table_remove (self->websockets, ws);
  if (ws->writable)
    {
      g_source_destroy (ws->writable);
      g_source_unref (ws->writable);
    }
  g_signal_handlers_disconnect_by_data (ws->conn, ws);
  g_object_unref (ws->conn);
  g_object_unref (ws->socket);
  if (ws->c && ws->c->busy > 0 && --ws->c->busy == 0)
    ws->c->idle_since = g_get_monotonic_time ();
  g_clear_object (&ws->conn_owner);
  bz_caller_free (ws->caller);
  g_free (ws->machine_id);
  if (ws->machine_key)
    memset (ws->machine_key, 0, strlen (ws->machine_key));
  g_free (ws->machine_key);
  g_free (ws);
}

static void
on_closed (SoupWebsocketConnection *conn, gpointer data)
{
  ws_free (data);
}

/* Before the upgrade: the token, with the HTTP routes' verification. */
static void
pre_upgrade (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer user_data)
{
  BzServer *self = user_data;
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  const char *auth = soup_message_headers_get_one (h, "Authorization");
  const char *token = NULL;
  g_autofree char *rid = make_request_id (h);
  g_autoptr(GError) error = NULL;
  BzCaller *caller = NULL;

  if (soup_server_message_get_status (msg) != 0)
    return;
  if (channel_of (path) == CHANNEL_MACHINES &&
      (soup_message_headers_get_one (h, BZ_MACHINE_KEY_HEADER) || (query && g_hash_table_lookup (query, "key"))))
    {
      /* A machine: its id and key instead of a person's token. */
      const char *key = soup_message_headers_get_one (h, BZ_MACHINE_KEY_HEADER);
      const char *machine_id = query ? g_hash_table_lookup (query, "machine_id") : NULL;
      if (key == NULL)
        key = g_hash_table_lookup (query, "key");
      if (!bz_machines_check_key (self->services, machine_id, key, &error))
        {
          respond_now (msg, g_steal_pointer (&error), rid);
          return;
        }
      g_object_set_data_full (G_OBJECT (msg), MACHINE_ID_KEY, g_strdup (machine_id), g_free);
      g_object_set_data_full (G_OBJECT (msg), MACHINE_KEY_KEY, g_strdup (key), g_free);
      return;
    }
  if (auth && g_ascii_strncasecmp (auth, "Bearer ", 7) == 0)
    token = auth + 7;
  else if (query)
    token = g_hash_table_lookup (query, "token");
  if (token == NULL || *token == '\0')
    g_set_error_literal (&error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, _("Authentication required"));
  else
    caller = bz_auth_verify_access_token (self->services, token, &error);
  if (caller && caller->must_change_password)
    {
      g_set_error (&error, BZ_ERROR, BZ_ERROR_FORBIDDEN,
                   _("Choose your own password first (POST /api/v1/auth/password/change)"));
      g_clear_pointer (&caller, bz_caller_free);
    }
  if (caller == NULL)
    {
      respond_now (msg, g_steal_pointer (&error), rid);
      return;
    }
  g_object_set_data_full (G_OBJECT (msg), CALLER_KEY, caller, (GDestroyNotify) bz_caller_free);
}

static void
on_websocket (SoupServer *server, SoupServerMessage *msg, const char *path, SoupWebsocketConnection *conn,
              gpointer user_data)
{
  BzServer *self = user_data;
  BzCaller *caller = g_object_steal_data (G_OBJECT (msg), CALLER_KEY);
  char *machine_id = g_object_steal_data (G_OBJECT (msg), MACHINE_ID_KEY);
  char *machine_key = g_object_steal_data (G_OBJECT (msg), MACHINE_KEY_KEY);
  g_autofree char *machine_user = machine_id ? g_strconcat ("machine:", machine_id, NULL) : NULL;
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);
  Conn *c = remote ? g_object_get_qdata (G_OBJECT (remote), bz_server_conn_quark ()) : NULL;
  GSocket *socket = c ? c->socket : NULL;
  Ws *ws;

  if ((caller == NULL && machine_id == NULL) || socket == NULL)
    {
      g_warning ("WebSocket without %s", caller || machine_id ? "socket" : "caller");
      bz_caller_free (caller);
      g_free (machine_id);
      g_free (machine_key);
      soup_websocket_connection_close (conn, BZ_REALTIME_CLOSE_UNAUTHENTICATED, NULL);
      return;
    }
  ws = g_new0 (Ws, 1);
  ws->server = self;
  ws->conn = g_object_ref (conn);
  ws->socket = g_object_ref (socket);
  ws->channel = channel_of (path);
  ws->caller = caller;
  ws->machine_id = machine_id;
  ws->machine_key = machine_key;
  ws->c = c;
  if (ws->c)
    {
      /* An open socket is a busy connection: never swept as idle. */
      ws->c->busy++;
      ws->conn_owner = g_object_ref (remote);
    }
  /* No read timeout: the socket is idle between events by design; the
   * keepalive pings notice a peer that has gone. */
  g_socket_set_timeout (ws->socket, 0);
  soup_websocket_connection_set_max_incoming_payload_size (conn, BZ_WS_MAX_INCOMING_BYTES);
  soup_websocket_connection_set_keepalive_interval (conn, BZ_WS_KEEPALIVE_S);
  g_signal_connect (conn, "message", G_CALLBACK (on_message), ws);
  g_signal_connect (conn, "closed", G_CALLBACK (on_closed), ws);
  g_hash_table_add (self->websockets, ws);
  /* A machine is a "user" of its own in the hub: no person's event reaches it. */
  ws->id = bz_realtime_attach (bz_services_get_realtime (self->services), caller ? caller->user_id : machine_user,
                               caller ? caller->session_id : NULL, caller ? caller->expires_at : 0,
                               self->context, &sink_funcs, ws);
  g_snprintf (ws->key, sizeof ws->key, "ws:%" G_GUINT64_FORMAT, ws->id);
  if (ws->channel == CHANNEL_MACHINES && caller)
    bz_realtime_join_room (bz_services_get_realtime (self->services), ws->id, BZ_MACHINES_ROOM);
  else if (ws->channel == CHANNEL_WORKOUTS)
    bz_workouts_live_join (self->services, caller, ws->id);
}

/* --- The machines' offline sweep -------------------------------------------- */

typedef struct
{
  BzServices *services;
  gint *busy;              /* g_atomic_rc_box, shared with the server: a sweep is running */
} Sweep;

static void
sweep_free (gpointer data)
{
  Sweep *w = data;
  g_object_unref (w->services);
  g_atomic_rc_box_release (w->busy);
  g_free (w);
}

static void
sweep_run (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Sweep *w = data;
  g_autoptr(GError) error = NULL;

  bz_machines_sweep (w->services, &error);
  if (error)
    g_warning ("Machine sweep: %s", error->message);
  g_atomic_int_set (w->busy, 0);
  g_task_return_boolean (task, TRUE);
}

/* Every BZ_MACHINE_SWEEP_MS on the server's loop: bz_machines_sweep() on a
 * worker (it writes), one at a time. */
static gboolean
sweep_tick (gpointer data)
{
  BzServer *self = data;
  g_autoptr(GTask) task = NULL;
  Sweep *w;

  if (!g_atomic_int_compare_and_exchange (self->ws_sweep_busy, 0, 1))
    return G_SOURCE_CONTINUE;
  w = g_new0 (Sweep, 1);
  w->services = g_object_ref (self->services);
  w->busy = g_atomic_rc_box_acquire (self->ws_sweep_busy);
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, w, sweep_free);
  g_task_run_in_thread (task, sweep_run);
  return G_SOURCE_CONTINUE;
}

static void
bz_server_ws_start_sweep (BzServer *self)
{
  self->ws_sweep_busy = g_atomic_rc_box_new0 (gint);
  self->ws_sweep = g_timeout_source_new (BZ_MACHINE_SWEEP_MS);
  g_source_set_callback (self->ws_sweep, sweep_tick, self, NULL);
  g_source_set_static_name (self->ws_sweep, "[balanza] machine sweep");
  g_source_attach (self->ws_sweep, self->context);
}

void
bz_server_ws_install (BzServer *self)
{
  static const char *const paths[] = {
    "/ws", "/api/v1/ws",
    "/api/ws/machines", "/api/v1/ws/machines", "/api/ws/workouts", "/api/v1/ws/workouts",
  };

  self->websockets = g_hash_table_new (NULL, NULL);
  self->ws_limiter = bz_rate_limiter_new_counting (BZ_WS_CLIENT_EVENTS_PER_MINUTE, 60 * (gint64) G_USEC_PER_SEC);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      soup_server_add_handler (self->soup, paths[i], pre_upgrade, self, NULL);
      soup_server_add_websocket_handler (self->soup, paths[i], NULL, NULL, on_websocket, self, NULL);
    }
  bz_server_ws_start_sweep (self);
}

void
bz_server_ws_close_all (BzServer *self)
{
  g_autoptr(GList) all = self->websockets ? g_hash_table_get_keys (self->websockets) : NULL;

  for (GList *l = all; l; l = l->next)
    {
      Ws *ws = l->data;
      if (soup_websocket_connection_get_state (ws->conn) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (ws->conn, BZ_REALTIME_CLOSE_GOING_AWAY, "Server stopping");
    }
}

void
bz_server_ws_shutdown (BzServer *self)
{
  g_autoptr(GList) all = NULL;

  if (self->ws_sweep)
    {
      g_source_destroy (self->ws_sweep);
      g_clear_pointer (&self->ws_sweep, g_source_unref);
      g_clear_pointer (&self->ws_sweep_busy, g_atomic_rc_box_release);
    }
  if (self->websockets == NULL)
    return;
  all = g_hash_table_get_keys (self->websockets);
  /* What did not finish its closing handshake goes now. */
  for (GList *l = all; l; l = l->next)
    {
      Ws *ws = l->data;
      g_signal_handlers_disconnect_by_data (ws->conn, ws);
      g_io_stream_close (soup_websocket_connection_get_io_stream (ws->conn), NULL, NULL);
      ws_free (ws);
    }
  g_clear_pointer (&self->websockets, g_hash_table_unref);
  g_clear_pointer (&self->ws_limiter, bz_rate_limiter_free);
}
