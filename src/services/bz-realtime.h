/* bz-realtime.h — the real-time hub: the open WebSockets of each user, and
 * the one call that pushes an event to them from any thread.
 *
 * Seed 002 §4.8 ("WebSocket Events"): the server sends frames
 *   {"event": "<name>", "data": {...}}
 * The hub does not know WebSockets: the server layer (bz-server-ws.c)
 * attaches each socket as a sink (send, ready, close) that runs on the
 * socket's own GMainContext, so the hub serves any number of server loops.
 *
 * Threads: every function is thread-safe.  bz_realtime_publish() serializes
 * the frame once, queues it for each socket of the users (under the hub's
 * lock, O(sockets of those users)) and wakes each socket's context; frames
 * are handed to the connection there, in publication order, only while the
 * transport can take them (the sink's ready()).  A socket whose queue
 * reaches %BZ_WS_SEND_QUEUE_MAX is closed with %BZ_REALTIME_CLOSE_SLOW
 * instead of growing: memory per socket is bounded.
 *
 * Owner: BzServices creates the hub (bz_services_get_realtime()); the
 * runtime's server attaches sockets to it; services (messages,
 * notifications) and other features publish to it.  The hook for other
 * features is bz_realtime_publish (bz_services_get_realtime (svc), ...).
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* --- Event names: seed 002 §4.8, the one place they are spelled ----------- */

/* Server -> client (the seed's six). */
/** BZ_REALTIME_EVENT_NOTIFICATION_NEW: data = a Notification (bz-notification-resources.h). */
#define BZ_REALTIME_EVENT_NOTIFICATION_NEW     "notification:new"
/** BZ_REALTIME_EVENT_POST_NEW_COMMENT: data = {post_id, comment}; published by the posts feature. */
#define BZ_REALTIME_EVENT_POST_NEW_COMMENT     "post:new_comment"
/** BZ_REALTIME_EVENT_POST_NEW_REACTION: data = {post_id, reaction_type, user}; published by the posts feature. */
#define BZ_REALTIME_EVENT_POST_NEW_REACTION    "post:new_reaction"
/** BZ_REALTIME_EVENT_CHALLENGE_RANK_CHANGE: data = {challenge_id, old_rank, new_rank, rank_change}
 * (rank_change = old_rank - new_rank, positive when climbing; 0 when first
 * ranked); to the participant, and with user_id to the sockets that joined
 * the challenge's room (bz-challenge-service.c). */
#define BZ_REALTIME_EVENT_CHALLENGE_RANK_CHANGE "challenge:rank_change"
/** BZ_REALTIME_EVENT_FAMILY_CIRCLE_NEW_POST: data = {circle_id, post}; published by the family circles feature. */
#define BZ_REALTIME_EVENT_FAMILY_CIRCLE_NEW_POST "family_circle:new_post"
/** BZ_REALTIME_EVENT_MESSAGE_NEW: data = a Message (bz-message-resources.h: from, message, created_at, ...). */
#define BZ_REALTIME_EVENT_MESSAGE_NEW          "message:new"

/* Client -> server (the seed's three); typing:start and notification:read
 * are also sent by the server: the relay to the other party, and the
 * acknowledgement to all of the reader's sockets. */
#define BZ_REALTIME_EVENT_TYPING_START         "typing:start"
#define BZ_REALTIME_EVENT_NOTIFICATION_READ    "notification:read"
#define BZ_REALTIME_EVENT_CHALLENGE_JOIN_ROOM  "challenge:join_room"
/* Seed 001's gym channels (/api/ws/machines, /api/ws/workouts;
 * bz-machine-service.h, docs/realtime.md). */
/** BZ_REALTIME_EVENT_MACHINE_STATUS: server -> people's /api/ws/machines
 * sockets: data = a GymMachine whose status changed; machine -> server: data
 * = a MachineHeartbeat (its heartbeat over the socket). */
#define BZ_REALTIME_EVENT_MACHINE_STATUS       "machine:status"
/** BZ_REALTIME_EVENT_WORKOUT_PROGRESS: a member's device -> server: data = a
 * WorkoutProgress (a set done); relayed with patient_id and received_at. */
#define BZ_REALTIME_EVENT_WORKOUT_PROGRESS     "workout:progress"
/** BZ_REALTIME_EVENT_WORKOUT_WATCH: nutritionist -> server {patient_id};
 * echoed when the socket now watches that patient. */
#define BZ_REALTIME_EVENT_WORKOUT_WATCH        "workout:watch"

/** BZ_REALTIME_EVENT_ERROR: Balanza's answer to a refused client frame:
 * data = {code, message, event} with seed 002 §4.1's error codes. */
#define BZ_REALTIME_EVENT_ERROR                "error"

/* --- Close codes (RFC 6455 §7.4; 4000-4999 are the application's) -------- */

/** The access token expired, was revoked (logout) or was never valid. */
#define BZ_REALTIME_CLOSE_UNAUTHENTICATED 4401
/** More than %BZ_WS_CLIENT_EVENTS_PER_MINUTE client frames in a minute. */
#define BZ_REALTIME_CLOSE_RATE_LIMITED    4429
/** The client did not read: %BZ_WS_SEND_QUEUE_MAX frames were waiting. */
#define BZ_REALTIME_CLOSE_SLOW            4408
/** The server is stopping (RFC 6455 "going away"). */
#define BZ_REALTIME_CLOSE_GOING_AWAY      1001

typedef struct _BzRealtime BzRealtime;

/**
 * BzRealtimeSinkFuncs:
 * @send: hands one text frame (UTF-8 JSON, transfer none) to the connection
 * @ready: whether the transport can take a frame now (its socket is
 *   writable); when it returns %FALSE the hub keeps the frames queued until
 *   the sink calls bz_realtime_resume().  Called with the hub's lock held:
 *   it must not call the hub.
 * @close: closes the connection with @code and @reason; the sink then
 *   detaches itself
 *
 * All three run on the context given to bz_realtime_attach().
 */
typedef struct
{
  void     (*send)  (gpointer data, GBytes *frame);
  gboolean (*ready) (gpointer data);
  void     (*close) (gpointer data, gushort code, const char *reason);
} BzRealtimeSinkFuncs;

/** bz_realtime_new: Returns: (transfer full): an empty hub. */
BzRealtime *bz_realtime_new   (void);
/** bz_realtime_ref: Returns: (transfer full): @hub. */
BzRealtime *bz_realtime_ref   (BzRealtime *hub);
/** bz_realtime_unref: drops a reference; the last one frees the hub (sockets must be detached). */
void        bz_realtime_unref (BzRealtime *hub);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzRealtime, bz_realtime_unref)

/**
 * bz_realtime_attach:
 * @user_id: the authenticated user (users.id)
 * @session_id: (nullable): the sign-in (the access token's "sid": its
 *   refresh-token family), for bz_realtime_close_session()
 * @expires_at: the access token's expiry, seconds since the Unix epoch (0:
 *   none); at that time the socket is closed with
 *   %BZ_REALTIME_CLOSE_UNAUTHENTICATED
 * @context: (transfer none): where the sink's functions run; the calling
 *   thread's thread-default context must be @context
 * @funcs: (transfer none): static sink functions
 * @data: the sink's data, valid until bz_realtime_detach()
 *
 * Returns: the socket's id (never 0), for bz_realtime_detach(),
 *   bz_realtime_resume() and bz_realtime_send().
 */
guint64     bz_realtime_attach (BzRealtime *hub, const char *user_id, const char *session_id,
                                gint64 expires_at, GMainContext *context,
                                const BzRealtimeSinkFuncs *funcs, gpointer data);

/** bz_realtime_detach: forgets socket @id and what was queued for it; on its context. */
void        bz_realtime_detach (BzRealtime *hub, guint64 id);

/** bz_realtime_resume: the sink of @id became ready (writable) again: queued frames flow. Any thread. */
void        bz_realtime_resume (BzRealtime *hub, guint64 id);

/**
 * bz_realtime_publish:
 * @user_ids: (array length=n_users): the recipients (users.id); duplicates
 *   count once; users without an open socket are skipped
 * @event: the event name (one of BZ_REALTIME_EVENT_*)
 * @data: (transfer none) (nullable): the event's data; %NULL sends null
 *
 * Queues {"event": @event, "data": @data} for every open socket of
 * @user_ids, and for no other socket.  Callable from any thread; does not
 * block on any socket (at most on the hub's lock).  Delivery is at most
 * once and in order per socket; a socket past %BZ_WS_SEND_QUEUE_MAX is
 * closed instead.  A frame over %BZ_WS_MAX_OUTGOING_BYTES is not published
 * (a warning is logged).  Events for a user who is offline are not kept: what must
 * survive goes through the store (messages, notifications).
 *
 * Returns: the number of sockets the frame was queued for.
 */
guint       bz_realtime_publish (BzRealtime *hub, const char *const *user_ids, guint n_users,
                                 const char *event, JsonNode *data);

/**
 * bz_realtime_join_room:
 * @id: one socket of bz_realtime_attach()
 * @room: a room's name, e.g. "challenge:" + a challenges.id; the caller
 *   (a service) has checked that the socket's user may see what the room
 *   carries
 *
 * Adds socket @id to @room (again: no change) until it closes.  Any thread.
 * Returns: %FALSE when @id is not open, or already in %BZ_WS_ROOMS_MAX
 *   other rooms (memory per socket stays bounded).
 */
gboolean    bz_realtime_join_room (BzRealtime *hub, guint64 id, const char *room);

/**
 * bz_realtime_publish_room:
 * @room: a room's name
 * @data: (transfer none) (nullable): the event's data
 *
 * bz_realtime_publish() to every socket in @room: O(open sockets) under the
 * hub's lock, which a clinic's few hundred sockets make cheap.
 * Returns: the number of sockets the frame was queued for.
 */
guint       bz_realtime_publish_room (BzRealtime *hub, const char *room, const char *event, JsonNode *data);

/**
 * bz_realtime_publish_room_except:
 * @except_id: a socket that does not get it (the sender of a relayed
 *   frame); 0: none
 *
 * bz_realtime_publish_room() to every socket in @room but @except_id.
 * Returns: the number of sockets the frame was queued for.
 */
guint       bz_realtime_publish_room_except (BzRealtime *hub, const char *room, guint64 except_id,
                                             const char *event, JsonNode *data);

/**
 * bz_realtime_send:
 * @id: one socket of bz_realtime_attach()
 *
 * bz_realtime_publish() to that socket only (answers and error frames).
 * Returns: %TRUE when queued.
 */
gboolean    bz_realtime_send (BzRealtime *hub, guint64 id, const char *event, JsonNode *data);

/**
 * bz_realtime_close_socket:
 * @reason: (nullable): a static string
 *
 * Closes socket @id with @code once the frames already queued for it are
 * sent (an error frame, then the close).  Any thread.
 */
void        bz_realtime_close_socket (BzRealtime *hub, guint64 id, gushort code, const char *reason);

/**
 * bz_realtime_close_session:
 * @session_id: a sign-in's id (the access token's "sid")
 *
 * Closes every socket authenticated by that sign-in with
 * %BZ_REALTIME_CLOSE_UNAUTHENTICATED: called when it is signed out or
 * revoked (bz-auth-tokens.c).  Any thread.
 * Returns: how many sockets are being closed.
 */
guint       bz_realtime_close_session (BzRealtime *hub, const char *session_id);

/** bz_realtime_close_all: closes every socket with %BZ_REALTIME_CLOSE_GOING_AWAY (server stop). */
void        bz_realtime_close_all (BzRealtime *hub);

/** bz_realtime_count: Returns: open sockets of @user_id, or of everyone when %NULL. */
guint       bz_realtime_count (BzRealtime *hub, const char *user_id);

/**
 * bz_realtime_frame_new:
 * Returns: (transfer full): the UTF-8 text {"event": @event, "data": @data}
 *   (seed 002 §4.8), as sent on the wire.
 */
GBytes     *bz_realtime_frame_new (const char *event, JsonNode *data);

G_END_DECLS
