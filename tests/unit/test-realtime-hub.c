/* test-realtime-hub.c — the real-time hub alone (bz-realtime.h), with fake
 * sinks on this thread's context and publishers on other threads: frames
 * reach exactly the sockets of the users named, once, in order; a socket
 * that does not take frames is closed at %BZ_WS_SEND_QUEUE_MAX instead of
 * growing; close_socket sends what was queued first; close_session closes
 * that sign-in's sockets only; expiry closes. */
#include <string.h>

#include "bz-limits.h"
#include "bz-realtime.h"

typedef struct
{
  GPtrArray *frames;     /* char * */
  gboolean ready;
  gushort closed_code;   /* 0 while open */
} Sink;

static void
sink_send (gpointer data, GBytes *frame)
{
  Sink *s = data;
  g_ptr_array_add (s->frames, g_strndup (g_bytes_get_data (frame, NULL), g_bytes_get_size (frame)));
}

static gboolean
sink_ready (gpointer data)
{
  return ((Sink *) data)->ready;
}

static void
sink_close (gpointer data, gushort code, const char *reason)
{
  ((Sink *) data)->closed_code = code;
}

static const BzRealtimeSinkFuncs funcs = { sink_send, sink_ready, sink_close };

static void
sink_init (Sink *s)
{
  s->frames = g_ptr_array_new_with_free_func (g_free);
  s->ready = TRUE;
  s->closed_code = 0;
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static JsonNode *
data_n (int n)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *o = json_object_new ();
  json_object_set_int_member (o, "n", n);
  json_node_take_object (node, o);
  return node;
}

static void
test_exact_recipients (void)
{
  g_autoptr(BzRealtime) hub = bz_realtime_new ();
  Sink a1, a2, b, c;
  guint64 ia1, ia2, ib, ic;
  g_autoptr(JsonNode) d = data_n (1);

  sink_init (&a1); sink_init (&a2); sink_init (&b); sink_init (&c);
  ia1 = bz_realtime_attach (hub, "user-a", "s1", 0, g_main_context_default (), &funcs, &a1);
  ia2 = bz_realtime_attach (hub, "user-a", "s2", 0, g_main_context_default (), &funcs, &a2);
  ib = bz_realtime_attach (hub, "user-b", "s3", 0, g_main_context_default (), &funcs, &b);
  ic = bz_realtime_attach (hub, "user-c", "s4", 0, g_main_context_default (), &funcs, &c);
  g_assert_cmpuint (bz_realtime_count (hub, NULL), ==, 4);
  g_assert_cmpuint (bz_realtime_count (hub, "user-a"), ==, 2);
  /* user-a twice counts once; nobody's id skipped. */
  g_assert_cmpuint (bz_realtime_publish (hub, (const char *const[]) { "user-a", "user-b", "user-a", "nobody" }, 4,
                                         BZ_REALTIME_EVENT_MESSAGE_NEW, d), ==, 3);
  drain ();
  g_assert_cmpuint (a1.frames->len, ==, 1);
  g_assert_cmpuint (a2.frames->len, ==, 1);
  g_assert_cmpuint (b.frames->len, ==, 1);
  g_assert_cmpuint (c.frames->len, ==, 0);
  g_assert_cmpstr (g_ptr_array_index (a1.frames, 0), ==, "{\"event\":\"message:new\",\"data\":{\"n\":1}}");
  bz_realtime_detach (hub, ia1);
  bz_realtime_detach (hub, ia2);
  bz_realtime_detach (hub, ib);
  bz_realtime_detach (hub, ic);
  g_assert_cmpuint (bz_realtime_count (hub, NULL), ==, 0);
  g_ptr_array_unref (a1.frames); g_ptr_array_unref (a2.frames);
  g_ptr_array_unref (b.frames); g_ptr_array_unref (c.frames);
}

/* Rooms: only the sockets that joined get a room's frames; a socket joins at
 * most BZ_WS_ROOMS_MAX rooms (again: no change); a closed socket joins none. */
static void
test_rooms (void)
{
  g_autoptr(BzRealtime) hub = bz_realtime_new ();
  g_autoptr(JsonNode) d = data_n (7);
  Sink a, b;
  guint64 ia, ib;

  sink_init (&a); sink_init (&b);
  ia = bz_realtime_attach (hub, "user-a", NULL, 0, g_main_context_default (), &funcs, &a);
  ib = bz_realtime_attach (hub, "user-b", NULL, 0, g_main_context_default (), &funcs, &b);
  g_assert_true (bz_realtime_join_room (hub, ia, "challenge:x"));
  g_assert_true (bz_realtime_join_room (hub, ia, "challenge:x"));   /* again: still one membership */
  g_assert_cmpuint (bz_realtime_publish_room (hub, "challenge:x", BZ_REALTIME_EVENT_CHALLENGE_RANK_CHANGE, d), ==, 1);
  g_assert_cmpuint (bz_realtime_publish_room (hub, "challenge:y", BZ_REALTIME_EVENT_CHALLENGE_RANK_CHANGE, d), ==, 0);
  drain ();
  g_assert_cmpuint (a.frames->len, ==, 1);
  g_assert_cmpuint (b.frames->len, ==, 0);
  g_assert_cmpstr (g_ptr_array_index (a.frames, 0), ==, "{\"event\":\"challenge:rank_change\",\"data\":{\"n\":7}}");

  /* The cap: "challenge:x" plus BZ_WS_ROOMS_MAX - 1 more, then refused. */
  for (int i = 1; i < BZ_WS_ROOMS_MAX; i++)
    {
      g_autofree char *room = g_strdup_printf ("room-%d", i);
      g_assert_true (bz_realtime_join_room (hub, ia, room));
    }
  g_assert_false (bz_realtime_join_room (hub, ia, "one-too-many"));
  g_assert_true (bz_realtime_join_room (hub, ia, "room-1"));        /* one it has is fine */
  g_assert_false (bz_realtime_join_room (hub, 987654321, "challenge:x"));   /* no such socket */
  bz_realtime_detach (hub, ia);
  g_assert_false (bz_realtime_join_room (hub, ia, "challenge:x"));   /* closed */
  g_assert_cmpuint (bz_realtime_publish_room (hub, "challenge:x", BZ_REALTIME_EVENT_CHALLENGE_RANK_CHANGE, d), ==, 0);
  bz_realtime_detach (hub, ib);
  g_ptr_array_unref (a.frames); g_ptr_array_unref (b.frames);
}

typedef struct
{
  BzRealtime *hub;
  int first;
} Publisher;

static gpointer
publish_many (gpointer data)
{
  Publisher *p = data;
  for (int i = 0; i < 100; i++)
    {
      g_autoptr(JsonNode) d = data_n (p->first + i);
      bz_realtime_publish (p->hub, (const char *const[]) { "user-a" }, 1, BZ_REALTIME_EVENT_NOTIFICATION_NEW, d);
    }
  return NULL;
}

/* Frames published from other threads arrive, each once, in each thread's order. */
static void
test_threads_in_order (void)
{
  g_autoptr(BzRealtime) hub = bz_realtime_new ();
  Sink a;
  guint64 id;
  Publisher p1, p2;
  GThread *t1, *t2;
  int last1 = -1, last2 = -1;

  sink_init (&a);
  id = bz_realtime_attach (hub, "user-a", NULL, 0, g_main_context_default (), &funcs, &a);
  p1 = (Publisher) { hub, 0 };
  p2 = (Publisher) { hub, 1000 };
  t1 = g_thread_new ("pub1", publish_many, &p1);
  t2 = g_thread_new ("pub2", publish_many, &p2);
  /* 200 < BZ_WS_SEND_QUEUE_MAX even if the pump never ran meanwhile. */
  G_STATIC_ASSERT (200 < BZ_WS_SEND_QUEUE_MAX);
  g_thread_join (t1);
  g_thread_join (t2);
  drain ();
  g_assert_cmpuint (a.frames->len, ==, 200);
  for (guint i = 0; i < a.frames->len; i++)
    {
      g_autoptr(JsonNode) f = json_from_string (g_ptr_array_index (a.frames, i), NULL);
      int n = json_object_get_int_member (json_object_get_object_member (json_node_get_object (f), "data"), "n");
      if (n < 1000)
        {
          g_assert_cmpint (n, ==, last1 + 1);
          last1 = n;
        }
      else
        {
          g_assert_cmpint (n, ==, (last2 < 0 ? 999 : last2) + 1);
          last2 = n;
        }
    }
  g_assert_cmpint (a.closed_code, ==, 0);
  bz_realtime_detach (hub, id);
  g_ptr_array_unref (a.frames);
}

/* A socket that takes nothing is closed at the bound, its queue dropped. */
static void
test_slow_socket_closed (void)
{
  g_autoptr(BzRealtime) hub = bz_realtime_new ();
  Sink slow, fine;
  guint64 is, iff;

  sink_init (&slow);
  sink_init (&fine);
  slow.ready = FALSE;
  is = bz_realtime_attach (hub, "user-a", NULL, 0, g_main_context_default (), &funcs, &slow);
  iff = bz_realtime_attach (hub, "user-a", NULL, 0, g_main_context_default (), &funcs, &fine);
  for (int i = 0; i < BZ_WS_SEND_QUEUE_MAX; i++)
    {
      g_autoptr(JsonNode) d = data_n (i);
      bz_realtime_publish (hub, (const char *const[]) { "user-a" }, 1, "x", d);
      drain ();
    }
  g_assert_cmpint (slow.closed_code, ==, 0);
  g_assert_cmpuint (slow.frames->len, ==, 0);
  {
    g_autoptr(JsonNode) d = data_n (-1);
    /* The one past the bound: the slow socket is closed, the other gets it. */
    g_assert_cmpuint (bz_realtime_publish (hub, (const char *const[]) { "user-a" }, 1, "x", d), ==, 1);
  }
  drain ();
  g_assert_cmpint (slow.closed_code, ==, BZ_REALTIME_CLOSE_SLOW);
  g_assert_cmpuint (slow.frames->len, ==, 0);
  g_assert_cmpuint (fine.frames->len, ==, BZ_WS_SEND_QUEUE_MAX + 1);
  g_assert_cmpint (fine.closed_code, ==, 0);
  bz_realtime_detach (hub, is);
  bz_realtime_detach (hub, iff);
  g_ptr_array_unref (slow.frames);
  g_ptr_array_unref (fine.frames);
}

/* A sink not ready keeps its frames until resumed, then gets them in order. */
static void
test_resume_and_close (void)
{
  g_autoptr(BzRealtime) hub = bz_realtime_new ();
  Sink a, b, e;
  guint64 ia, ib, ie;
  g_autoptr(JsonNode) d1 = data_n (1), d2 = data_n (2);

  sink_init (&a);
  sink_init (&b);
  sink_init (&e);
  a.ready = FALSE;
  ia = bz_realtime_attach (hub, "user-a", "session-1", 0, g_main_context_default (), &funcs, &a);
  ib = bz_realtime_attach (hub, "user-a", "session-2", 0, g_main_context_default (), &funcs, &b);
  bz_realtime_publish (hub, (const char *const[]) { "user-a" }, 1, "x", d1);
  bz_realtime_send (hub, ia, "y", d2);
  drain ();
  g_assert_cmpuint (a.frames->len, ==, 0);
  a.ready = TRUE;
  bz_realtime_close_socket (hub, ia, BZ_REALTIME_CLOSE_RATE_LIMITED, "flood");
  drain ();
  /* Queued frames first, then the close. */
  g_assert_cmpuint (a.frames->len, ==, 2);
  g_assert_true (strstr (g_ptr_array_index (a.frames, 1), "\"y\""));
  g_assert_cmpint (a.closed_code, ==, BZ_REALTIME_CLOSE_RATE_LIMITED);
  g_assert_cmpuint (b.frames->len, ==, 1);
  /* close_session: that sign-in only. */
  g_assert_cmpuint (bz_realtime_close_session (hub, "session-2"), ==, 1);
  drain ();
  g_assert_cmpint (b.closed_code, ==, BZ_REALTIME_CLOSE_UNAUTHENTICATED);
  /* An expiry already past closes at once. */
  ie = bz_realtime_attach (hub, "user-e", NULL, g_get_real_time () / G_USEC_PER_SEC - 1,
                           g_main_context_default (), &funcs, &e);
  drain ();
  g_assert_cmpint (e.closed_code, ==, BZ_REALTIME_CLOSE_UNAUTHENTICATED);
  bz_realtime_detach (hub, ia);
  bz_realtime_detach (hub, ib);
  bz_realtime_detach (hub, ie);
  g_ptr_array_unref (a.frames);
  g_ptr_array_unref (b.frames);
  g_ptr_array_unref (e.frames);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/realtime/exact-recipients", test_exact_recipients);
  g_test_add_func ("/realtime/rooms", test_rooms);
  g_test_add_func ("/realtime/threads-in-order", test_threads_in_order);
  g_test_add_func ("/realtime/slow-socket-closed", test_slow_socket_closed);
  g_test_add_func ("/realtime/resume-and-close", test_resume_and_close);
  return g_test_run ();
}
