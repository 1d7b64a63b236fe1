/* bz-realtime.c — the real-time hub (see bz-realtime.h).
 *
 * State: sockets by id and by user, each socket's queue of frames, all under
 * one mutex.  A frame is a GBytes shared by every socket it is queued for
 * (serialized once per publish).  Each socket has at most one "pump" source
 * pending on its context; the pump hands frames to the sink while the sink
 * is ready, and closes the socket when asked to. */
#include "bz-realtime.h"

#include "bz-limits.h"

typedef struct
{
  gint ref;                    /* atomic */
  guint64 id;
  BzRealtime *hub;             /* a reference */
  char *user_id;
  char *session_id;
  GMainContext *context;
  const BzRealtimeSinkFuncs *funcs;
  gpointer data;
  GSource *expiry;             /* on context; touched on context only */
  /* Guarded by hub->lock: */
  GQueue frames;               /* GBytes */
  gboolean pump_scheduled;
  gboolean waiting;            /* the sink was not ready: until bz_realtime_resume() */
  gboolean detached;
  GPtrArray *rooms;            /* char *: at most %BZ_WS_ROOMS_MAX (bz_realtime_join_room) */
  gushort close_code;          /* non-zero: close on the next pump, queue nothing more */
  gboolean close_when_drained; /* ...after the frames already queued */
  const char *close_reason;    /* static */
} Sock;

struct _BzRealtime
{
  gint ref;                    /* atomic */
  GMutex lock;
  guint64 next_id;
  GHashTable *by_id;           /* guint64 * -> Sock * (owns a reference) */
  GHashTable *by_user;         /* user id -> GPtrArray of Sock * (no references) */
};

static Sock *
sock_ref (Sock *s)
{
  g_atomic_int_inc (&s->ref);
  return s;
}

static void
sock_unref (gpointer data)
{
  Sock *s = data;
  if (!g_atomic_int_dec_and_test (&s->ref))
    return;
  g_queue_clear_full (&s->frames, (GDestroyNotify) g_bytes_unref);
  g_main_context_unref (s->context);
  bz_realtime_unref (s->hub);
  g_free (s->user_id);
  g_free (s->session_id);
  g_clear_pointer (&s->rooms, g_ptr_array_unref);
  g_free (s);
}

BzRealtime *
bz_realtime_new (void)
{
  BzRealtime *hub = g_new0 (BzRealtime, 1);
  hub->ref = 1;
  g_mutex_init (&hub->lock);
  hub->next_id = 1;
  hub->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, sock_unref);
  hub->by_user = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  return hub;
}

BzRealtime *
bz_realtime_ref (BzRealtime *hub)
{
  g_atomic_int_inc (&hub->ref);
  return hub;
}

void
bz_realtime_unref (BzRealtime *hub)
{
  if (hub == NULL || !g_atomic_int_dec_and_test (&hub->ref))
    return;
  g_hash_table_unref (hub->by_user);
  g_hash_table_unref (hub->by_id);
  g_mutex_clear (&hub->lock);
  g_free (hub);
}

GBytes *
bz_realtime_frame_new (const char *event, JsonNode *data)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  gsize len = 0;
  char *text;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "event");
  json_builder_add_string_value (b, event);
  json_builder_set_member_name (b, "data");
  if (data)
    json_builder_add_value (b, json_node_copy (data));
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, &len);
  return g_bytes_new_take (text, len);
}

/* --- The pump: on the socket's context ------------------------------------ */

static gboolean
pump (gpointer data)
{
  Sock *s = data;
  BzRealtime *hub = s->hub;

  for (;;)
    {
      GBytes *frame;

      g_mutex_lock (&hub->lock);
      if (s->detached)
        {
          s->pump_scheduled = FALSE;
          g_mutex_unlock (&hub->lock);
          break;
        }
      if (s->close_code && (!s->close_when_drained || g_queue_is_empty (&s->frames)))
        {
          gushort code = s->close_code;
          const char *reason = s->close_reason;
          s->pump_scheduled = FALSE;
          g_queue_clear_full (&s->frames, (GDestroyNotify) g_bytes_unref);
          g_mutex_unlock (&hub->lock);
          /* The sink detaches itself when its connection is closed. */
          s->funcs->close (s->data, code, reason);
          break;
        }
      if (g_queue_is_empty (&s->frames) || !s->funcs->ready (s->data))
        {
          s->waiting = !g_queue_is_empty (&s->frames);
          s->pump_scheduled = FALSE;
          g_mutex_unlock (&hub->lock);
          break;
        }
      frame = g_queue_pop_head (&s->frames);
      g_mutex_unlock (&hub->lock);
      s->funcs->send (s->data, frame);
      g_bytes_unref (frame);
    }
  return G_SOURCE_REMOVE;
}

/* With hub->lock held: makes sure a pump will run on @s's context. */
static void
schedule_pump_locked (Sock *s)
{
  g_autoptr(GSource) source = NULL;

  if (s->pump_scheduled || s->detached)
    return;
  s->pump_scheduled = TRUE;
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, pump, sock_ref (s), sock_unref);
  g_source_set_static_name (source, "[balanza] realtime pump");
  g_source_attach (source, s->context);
}

static void
close_locked (Sock *s, gushort code, const char *reason)
{
  if (s->close_code)
    return;
  s->close_code = code;
  s->close_reason = reason;
  schedule_pump_locked (s);
}

/* With hub->lock held: queues @frame for @s, or closes a socket that does not read. */
static gboolean
queue_locked (Sock *s, GBytes *frame)
{
  if (s->close_code || s->detached)
    return FALSE;
  if (g_queue_get_length (&s->frames) >= BZ_WS_SEND_QUEUE_MAX)
    {
      g_debug ("Closing a WebSocket of user %s: %u frames unread", s->user_id, BZ_WS_SEND_QUEUE_MAX);
      close_locked (s, BZ_REALTIME_CLOSE_SLOW, "Too many unread events");
      return FALSE;
    }
  g_queue_push_tail (&s->frames, g_bytes_ref (frame));
  if (!s->waiting)
    schedule_pump_locked (s);
  return TRUE;
}

/* --- Sockets --------------------------------------------------------------- */

static gboolean
expired (gpointer data)
{
  Sock *s = data;
  g_mutex_lock (&s->hub->lock);
  close_locked (s, BZ_REALTIME_CLOSE_UNAUTHENTICATED, "Access token expired");
  g_mutex_unlock (&s->hub->lock);
  return G_SOURCE_REMOVE;
}

guint64
bz_realtime_attach (BzRealtime *hub, const char *user_id, const char *session_id, gint64 expires_at,
                    GMainContext *context, const BzRealtimeSinkFuncs *funcs, gpointer data)
{
  Sock *s = g_new0 (Sock, 1);
  GPtrArray *list;

  g_return_val_if_fail (hub && user_id && context && funcs, 0);
  s->ref = 1;
  s->hub = bz_realtime_ref (hub);
  s->user_id = g_strdup (user_id);
  s->session_id = g_strdup (session_id);
  s->context = g_main_context_ref (context);
  s->funcs = funcs;
  s->data = data;
  g_queue_init (&s->frames);

  if (expires_at > 0)
    {
      gint64 ms = expires_at * 1000 - g_get_real_time () / 1000;
      s->expiry = g_timeout_source_new ((guint) CLAMP (ms, 0, G_MAXUINT));
      g_source_set_callback (s->expiry, expired, s, NULL);   /* destroyed at detach */
      g_source_set_static_name (s->expiry, "[balanza] access token expiry");
      g_source_attach (s->expiry, context);
    }

  g_mutex_lock (&hub->lock);
  s->id = hub->next_id++;
  g_hash_table_insert (hub->by_id, &s->id, s);
  list = g_hash_table_lookup (hub->by_user, user_id);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (hub->by_user, g_strdup (user_id), list);
    }
  g_ptr_array_add (list, s);
  g_mutex_unlock (&hub->lock);
  return s->id;
}

void
bz_realtime_detach (BzRealtime *hub, guint64 id)
{
  Sock *s;
  GSource *expiry;

  g_mutex_lock (&hub->lock);
  s = g_hash_table_lookup (hub->by_id, &id);
  if (s == NULL)
    {
      g_mutex_unlock (&hub->lock);
      return;
    }
  s->detached = TRUE;
  g_queue_clear_full (&s->frames, (GDestroyNotify) g_bytes_unref);
  {
    GPtrArray *list = g_hash_table_lookup (hub->by_user, s->user_id);
    if (list)
      {
        g_ptr_array_remove_fast (list, s);
        if (list->len == 0)
          g_hash_table_remove (hub->by_user, s->user_id);
      }
  }
  expiry = g_steal_pointer (&s->expiry);
  g_hash_table_steal (hub->by_id, &id);
  g_mutex_unlock (&hub->lock);
  if (expiry)
    {
      g_source_destroy (expiry);
      g_source_unref (expiry);
    }
  sock_unref (s);
}

void
bz_realtime_resume (BzRealtime *hub, guint64 id)
{
  Sock *s;

  g_mutex_lock (&hub->lock);
  s = g_hash_table_lookup (hub->by_id, &id);
  if (s && s->waiting)
    {
      s->waiting = FALSE;
      schedule_pump_locked (s);
    }
  g_mutex_unlock (&hub->lock);
}

/* The frame of @event, or %NULL (logged) past %BZ_WS_MAX_OUTGOING_BYTES. */
static GBytes *
publishable_frame (const char *event, JsonNode *data)
{
  GBytes *frame = bz_realtime_frame_new (event, data);
  if (g_bytes_get_size (frame) <= BZ_WS_MAX_OUTGOING_BYTES)
    return frame;
  g_warning ("Realtime: %s of %zu bytes not published (limit %d)", event, g_bytes_get_size (frame),
             BZ_WS_MAX_OUTGOING_BYTES);
  g_bytes_unref (frame);
  return NULL;
}

guint
bz_realtime_publish (BzRealtime *hub, const char *const *user_ids, guint n_users,
                     const char *event, JsonNode *data)
{
  g_autoptr(GBytes) frame = NULL;
  guint n = 0;

  g_return_val_if_fail (hub && event, 0);
  if (n_users == 0)
    return 0;
  if (!(frame = publishable_frame (event, data)))
    return 0;
  g_mutex_lock (&hub->lock);
  for (guint u = 0; u < n_users; u++)
    {
      GPtrArray *list;
      gboolean seen = FALSE;

      for (guint v = 0; v < u && !seen; v++)
        seen = g_strcmp0 (user_ids[u], user_ids[v]) == 0;
      if (seen || user_ids[u] == NULL || !(list = g_hash_table_lookup (hub->by_user, user_ids[u])))
        continue;
      for (guint i = 0; i < list->len; i++)
        n += queue_locked (g_ptr_array_index (list, i), frame);
    }
  g_mutex_unlock (&hub->lock);
  return n;
}

static gboolean
sock_in_room_locked (Sock *s, const char *room)
{
  for (guint i = 0; s->rooms && i < s->rooms->len; i++)
    if (g_str_equal (g_ptr_array_index (s->rooms, i), room))
      return TRUE;
  return FALSE;
}

gboolean
bz_realtime_join_room (BzRealtime *hub, guint64 id, const char *room)
{
  gboolean ok = FALSE;
  Sock *s;

  g_return_val_if_fail (hub && room, FALSE);
  g_mutex_lock (&hub->lock);
  s = g_hash_table_lookup (hub->by_id, &id);
  if (s && !s->detached)
    {
      if (sock_in_room_locked (s, room))
        ok = TRUE;
      else if (s->rooms == NULL || s->rooms->len < BZ_WS_ROOMS_MAX)
        {
          if (s->rooms == NULL)
            s->rooms = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (s->rooms, g_strdup (room));
          ok = TRUE;
        }
    }
  g_mutex_unlock (&hub->lock);
  return ok;
}

guint
bz_realtime_publish_room (BzRealtime *hub, const char *room, const char *event, JsonNode *data)
{
  return bz_realtime_publish_room_except (hub, room, 0, event, data);
}

guint
bz_realtime_publish_room_except (BzRealtime *hub, const char *room, guint64 except_id, const char *event,
                                 JsonNode *data)
{
  g_autoptr(GBytes) frame = NULL;
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (hub && room && event, 0);
  if (!(frame = publishable_frame (event, data)))
    return 0;
  g_mutex_lock (&hub->lock);
  g_hash_table_iter_init (&iter, hub->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Sock *) value)->id != except_id && sock_in_room_locked (value, room))
      n += queue_locked (value, frame);
  g_mutex_unlock (&hub->lock);
  return n;
}

gboolean
bz_realtime_send (BzRealtime *hub, guint64 id, const char *event, JsonNode *data)
{
  g_autoptr(GBytes) frame = bz_realtime_frame_new (event, data);
  gboolean ok = FALSE;
  Sock *s;

  g_mutex_lock (&hub->lock);
  s = g_hash_table_lookup (hub->by_id, &id);
  if (s)
    ok = queue_locked (s, frame);
  g_mutex_unlock (&hub->lock);
  return ok;
}

void
bz_realtime_close_socket (BzRealtime *hub, guint64 id, gushort code, const char *reason)
{
  Sock *s;

  g_mutex_lock (&hub->lock);
  s = g_hash_table_lookup (hub->by_id, &id);
  if (s && !s->close_code)
    {
      s->close_when_drained = TRUE;
      s->waiting = FALSE;
      close_locked (s, code, reason);
    }
  g_mutex_unlock (&hub->lock);
}

guint
bz_realtime_close_session (BzRealtime *hub, const char *session_id)
{
  GHashTableIter it;
  gpointer value;
  guint n = 0;

  if (session_id == NULL)
    return 0;
  g_mutex_lock (&hub->lock);
  g_hash_table_iter_init (&it, hub->by_id);
  while (g_hash_table_iter_next (&it, NULL, &value))
    {
      Sock *s = value;
      if (g_strcmp0 (s->session_id, session_id) == 0)
        {
          close_locked (s, BZ_REALTIME_CLOSE_UNAUTHENTICATED, "Signed out");
          n++;
        }
    }
  g_mutex_unlock (&hub->lock);
  return n;
}

void
bz_realtime_close_all (BzRealtime *hub)
{
  GHashTableIter it;
  gpointer value;

  g_mutex_lock (&hub->lock);
  g_hash_table_iter_init (&it, hub->by_id);
  while (g_hash_table_iter_next (&it, NULL, &value))
    close_locked (value, BZ_REALTIME_CLOSE_GOING_AWAY, "Server stopping");
  g_mutex_unlock (&hub->lock);
}

guint
bz_realtime_count (BzRealtime *hub, const char *user_id)
{
  guint n;

  g_mutex_lock (&hub->lock);
  if (user_id == NULL)
    n = g_hash_table_size (hub->by_id);
  else
    {
      GPtrArray *list = g_hash_table_lookup (hub->by_user, user_id);
      n = list ? list->len : 0;
    }
  g_mutex_unlock (&hub->lock);
  return n;
}
