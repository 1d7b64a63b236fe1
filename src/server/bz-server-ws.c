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
 */
#include "bz-server-private.h"

#include <glib/gi18n.h>

#include "bz-auth-service.h"
#include "bz-challenge-service.h"
#include "bz-message-service.h"
#include "bz-notification-service.h"
#include "bz-realtime.h"

typedef struct
{
  BzServer *server;
  SoupWebsocketConnection *conn;
  GSocket *socket;             /* to ask whether it is writable */
  GSocketAddress *conn_owner;  /* keeps the Conn (busy while the socket is open) */
  Conn *c;
  guint64 id;
  BzCaller *caller;
  GSource *writable;           /* while the hub waits for the socket */
  char key[32];                /* rate limiter key */
} Ws;

#define CALLER_KEY "bz-ws-caller"

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
  BzCaller *caller;
  const char *event;       /* static: BZ_REALTIME_EVENT_* */
  char *arg_id;            /* the event's id: conversation_id, notification_id or challenge_id */
} FrameJob;

static void
frame_job_free (gpointer data)
{
  FrameJob *j = data;
  g_object_unref (j->services);
  bz_caller_free (j->caller);
  g_free (j->arg_id);
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

  if (g_str_equal (j->event, BZ_REALTIME_EVENT_TYPING_START))
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
    send_error_to (j->services, j->id, bz_error_code_name (error), error->message, j->event);
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
  j->caller = bz_caller_copy (ws->caller);
  j->event = event;
  j->arg_id = g_strdup (data_id (frame, member));
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
  if (g_str_equal (event, BZ_REALTIME_EVENT_TYPING_START))
    run_frame_job (ws, frame, BZ_REALTIME_EVENT_TYPING_START, "conversation_id");
  else if (g_str_equal (event, BZ_REALTIME_EVENT_NOTIFICATION_READ))
    run_frame_job (ws, frame, BZ_REALTIME_EVENT_NOTIFICATION_READ, "notification_id");
  else if (g_str_equal (event, BZ_REALTIME_EVENT_CHALLENGE_JOIN_ROOM))
    run_frame_job (ws, frame, BZ_REALTIME_EVENT_CHALLENGE_JOIN_ROOM, "challenge_id");
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
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);
  Conn *c = remote ? g_object_get_data (G_OBJECT (remote), "bz-conn") : NULL;
  GSocket *socket = c ? c->socket : NULL;
  Ws *ws;

  if (caller == NULL || socket == NULL)
    {
      g_warning ("WebSocket without %s", caller ? "socket" : "caller");
      bz_caller_free (caller);
      soup_websocket_connection_close (conn, BZ_REALTIME_CLOSE_UNAUTHENTICATED, NULL);
      return;
    }
  ws = g_new0 (Ws, 1);
  ws->server = self;
  ws->conn = g_object_ref (conn);
  ws->socket = g_object_ref (socket);
  ws->caller = caller;
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
  ws->id = bz_realtime_attach (bz_services_get_realtime (self->services), caller->user_id, caller->session_id,
                               caller->expires_at, self->context, &sink_funcs, ws);
  g_snprintf (ws->key, sizeof ws->key, "ws:%" G_GUINT64_FORMAT, ws->id);
}

void
bz_server_ws_install (BzServer *self)
{
  self->websockets = g_hash_table_new (NULL, NULL);
  self->ws_limiter = bz_rate_limiter_new_counting (BZ_WS_CLIENT_EVENTS_PER_MINUTE, 60 * (gint64) G_USEC_PER_SEC);
  for (guint i = 0; i < 2; i++)
    {
      const char *path = i == 0 ? "/ws" : "/api/v1/ws";
      soup_server_add_handler (self->soup, path, pre_upgrade, self, NULL);
      soup_server_add_websocket_handler (self->soup, path, NULL, NULL, on_websocket, self, NULL);
    }
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
