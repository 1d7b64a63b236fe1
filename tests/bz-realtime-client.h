/* bz-realtime-client.h — a WebSocket client of /ws for tests and benchmarks
 * (libsoup; runs on the calling thread's default main context). */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

typedef struct
{
  SoupWebsocketConnection *conn;
  GQueue frames;        /* JsonNode *: {"event", "data"}, in arrival order */
  gint64 last_frame_us; /* monotonic time the last frame arrived */
  gboolean closed;
  gushort close_code;
} BzRealtimeClient;

/**
 * bz_realtime_client_connect:
 * @url: "ws://127.0.0.1:PORT/ws" (with "?token=" when wanted)
 * @bearer: (nullable): an access token for "Authorization: Bearer"
 * @out_status: (out) (optional): the handshake's HTTP status (101 when open)
 *
 * Returns: (transfer full) (nullable): the open client, %NULL when refused.
 */
BzRealtimeClient *bz_realtime_client_connect (SoupSession *session, const char *url, const char *bearer,
                                              guint *out_status);
void              bz_realtime_client_free    (BzRealtimeClient *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzRealtimeClient, bz_realtime_client_free)

/** bz_realtime_client_send: sends @text as a text frame. */
void              bz_realtime_client_send    (BzRealtimeClient *c, const char *text);

/**
 * bz_realtime_client_next:
 * Waits up to @timeout_ms for a frame.
 * Returns: (transfer full) (nullable): the next frame's root object node, %NULL if none came.
 */
JsonNode         *bz_realtime_client_next    (BzRealtimeClient *c, guint timeout_ms);

/** bz_realtime_client_wait_closed: Returns: whether the server closed within @timeout_ms. */
gboolean          bz_realtime_client_wait_closed (BzRealtimeClient *c, guint timeout_ms);

/** bz_realtime_frame_event: Returns: (transfer none): the frame's "event". */
const char       *bz_realtime_frame_event    (JsonNode *frame);
/** bz_realtime_frame_data: Returns: (transfer none) (nullable): the frame's "data" object. */
JsonObject       *bz_realtime_frame_data     (JsonNode *frame);
