/* bz-realtime-client.c — see bz-realtime-client.h. */
#include "bz-realtime-client.h"

static void
on_message (SoupWebsocketConnection *conn, gint type, GBytes *message, gpointer data)
{
  BzRealtimeClient *c = data;
  gsize len;
  const char *text = g_bytes_get_data (message, &len);
  g_autofree char *copy = g_strndup (text, len);
  JsonNode *node = json_from_string (copy, NULL);

  g_assert_nonnull (node);
  g_queue_push_tail (&c->frames, node);
  c->last_frame_us = g_get_monotonic_time ();
}

static void
on_closed (SoupWebsocketConnection *conn, gpointer data)
{
  BzRealtimeClient *c = data;
  c->closed = TRUE;
  c->close_code = soup_websocket_connection_get_close_code (conn);
}

typedef struct
{
  gboolean done;
  SoupWebsocketConnection *conn;
} Connect;

static void
connected (GObject *source, GAsyncResult *res, gpointer data)
{
  Connect *k = data;
  k->conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), res, NULL);
  k->done = TRUE;
}

BzRealtimeClient *
bz_realtime_client_connect (SoupSession *session, const char *url, const char *bearer, guint *out_status)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  Connect k = { 0 };
  BzRealtimeClient *c;

  g_assert_nonnull (msg);
  if (bearer)
    {
      g_autofree char *h = g_strconcat ("Bearer ", bearer, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", h);
    }
  soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL, connected, &k);
  while (!k.done)
    g_main_context_iteration (NULL, TRUE);
  if (out_status)
    *out_status = soup_message_get_status (msg);
  if (k.conn == NULL)
    return NULL;
  c = g_new0 (BzRealtimeClient, 1);
  g_queue_init (&c->frames);
  c->conn = k.conn;
  /* The server's frames are small; no client-side limit beyond libsoup's. */
  g_signal_connect (c->conn, "message", G_CALLBACK (on_message), c);
  g_signal_connect (c->conn, "closed", G_CALLBACK (on_closed), c);
  return c;
}

void
bz_realtime_client_free (BzRealtimeClient *c)
{
  if (c == NULL)
    return;
  g_signal_handlers_disconnect_by_data (c->conn, c);
  if (soup_websocket_connection_get_state (c->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (c->conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_object_unref (c->conn);
  g_queue_clear_full (&c->frames, (GDestroyNotify) json_node_unref);
  g_free (c);
}

void
bz_realtime_client_send (BzRealtimeClient *c, const char *text)
{
  soup_websocket_connection_send_text (c->conn, text);
}

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

JsonNode *
bz_realtime_client_next (BzRealtimeClient *c, guint timeout_ms)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (timeout_ms, timed_out, &expired);

  while (g_queue_is_empty (&c->frames) && !expired && !c->closed)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  return g_queue_pop_head (&c->frames);
}

gboolean
bz_realtime_client_wait_closed (BzRealtimeClient *c, guint timeout_ms)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (timeout_ms, timed_out, &expired);

  while (!c->closed && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  return c->closed;
}

const char *
bz_realtime_frame_event (JsonNode *frame)
{
  return json_object_get_string_member (json_node_get_object (frame), "event");
}

JsonObject *
bz_realtime_frame_data (JsonNode *frame)
{
  JsonNode *d = json_object_get_member (json_node_get_object (frame), "data");
  return d && JSON_NODE_HOLDS_OBJECT (d) ? json_node_get_object (d) : NULL;
}
