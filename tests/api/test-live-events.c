/* test-live-events.c — the social and challenge events of seed 002 §4.8 on
 * real WebSockets against the real server (issue 10):
 *
 *  - a comment on a post reaches its author as post:new_comment and a
 *    notification:new, a reply reaches the author of the comment answered,
 *    and neither the actor nor a third user hears anything;
 *  - a reaction reaches the author as post:new_reaction with the reactor,
 *    and a reaction removed and given again notifies the inbox once;
 *  - following notifies the followed user once ("new_follower");
 *  - a family-circle post reaches the circle's other members as
 *    family_circle:new_post, and nobody outside the circle;
 *  - a check-in that moves ranks tells each participant whose rank moved
 *    (challenge:rank_change), and a member who joined the challenge's room
 *    sees every change with its user; a member who may not see the
 *    challenge cannot join its room.
 *
 * "Nothing" is proved by order (expect_nothing_before_probe): frames of one
 * socket arrive in the order they were queued.  Built into test-api. */
#include "bz-api-fixture.h"

#include <string.h>

#include "bz-auth-service-private.h"
#include "test-realtime.h"

void test_live_events_add_tests (void);
char *test_api_create_patient (const char *token, const char *email, char **out_member_token);

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

typedef struct
{
  char *token, *id;
} User;

static void
member (User *u, const char *nutri, const char *email)
{
  g_free (test_api_create_patient (nutri, email, &u->token));
  u->id = claim (u->token, "sub");
}

static void
user_clear (User *u)
{
  g_free (u->token);
  g_free (u->id);
}

static JsonObject *
data_of (JsonNode *frame)
{
  return bz_realtime_frame_data (frame);
}

/* The next frame must be notification:new of @type for @c. */
static void
expect_notification (BzRealtimeClient *c, const char *type)
{
  g_autoptr(JsonNode) f = expect (c, "notification:new");
  g_assert_cmpstr (json_object_get_string_member (data_of (f), "type"), ==, type);
}

static void
test_social_events (void)
{
  g_autofree char *nutri = bz_api_register (bz_api_shared (), "le-nutri@test.local", "nutritionist", NULL);
  User owner = { 0 }, fam = { 0 }, other = { 0 };
  g_autoptr(BzRealtimeClient) so = NULL, sf = NULL, sx = NULL;
  g_autoptr(BzApiResponse) p = NULL, c1 = NULL, c2 = NULL, r1 = NULL, r2 = NULL, d = NULL, fo = NULL, fo2 = NULL,
                           un = NULL, circle = NULL, joined = NULL, cp = NULL;
  g_autofree char *post_path = NULL, *comments = NULL, *reactions = NULL, *reply = NULL, *follow = NULL,
                  *join = NULL, *join_body = NULL, *circle_post = NULL;
  const char *post_id, *comment_id, *circle_id;

  member (&owner, nutri, "le-owner@test.local");
  member (&fam, nutri, "le-fam@test.local");
  member (&other, nutri, "le-other@test.local");
  so = open_socket (owner.token);
  sf = open_socket (fam.token);
  sx = open_socket (other.token);

  p = req ("POST", "/api/v1/posts", owner.token, "{\"type\":\"text\",\"body\":\"Hoy caminé 8 km\"}");
  post_id = json_object_get_string_member (json_object_get_object_member (ok (p, 201), "post"), "id");
  post_path = g_strdup_printf ("/api/v1/posts/%s", post_id);
  expect_nothing_before_probe (so);   /* a public post is no event of its own */

  /* A comment: the author hears it twice (event, inbox); nobody else. */
  comments = g_strdup_printf ("%s/comments", post_path);
  c1 = req ("POST", comments, fam.token, "{\"content\":\"¡Bien hecho!\"}");
  comment_id = json_object_get_string_member (json_object_get_object_member (ok (c1, 201), "comment"), "id");
  {
    g_autoptr(JsonNode) f = expect (so, "post:new_comment");
    JsonObject *comment = json_object_get_object_member (data_of (f), "comment");
    g_assert_cmpstr (json_object_get_string_member (data_of (f), "post_id"), ==, post_id);
    g_assert_cmpstr (json_object_get_string_member (comment, "id"), ==, comment_id);
    g_assert_cmpstr (json_object_get_string_member (comment, "content"), ==, "¡Bien hecho!");
  }
  expect_notification (so, "new_comment");
  expect_nothing_before_probe (so);
  expect_nothing_before_probe (sf);
  expect_nothing_before_probe (sx);

  /* The author's reply reaches the commenter, not the author. */
  reply = g_strdup_printf ("{\"content\":\"Gracias\",\"parent_comment_id\":\"%s\"}", comment_id);
  c2 = req ("POST", comments, owner.token, reply);
  ok (c2, 201);
  {
    g_autoptr(JsonNode) f = expect (sf, "post:new_comment");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (data_of (f), "comment"),
                                                    "parent_comment_id"), ==, comment_id);
  }
  expect_notification (sf, "new_comment");
  expect_nothing_before_probe (sf);
  expect_nothing_before_probe (so);

  /* A reaction, removed and given again: two events, one notification. */
  reactions = g_strdup_printf ("%s/reactions", post_path);
  r1 = req ("POST", reactions, fam.token, "{\"reaction_type\":\"clap\"}");
  ok (r1, 201);
  {
    g_autoptr(JsonNode) f = expect (so, "post:new_reaction");
    g_assert_cmpstr (json_object_get_string_member (data_of (f), "post_id"), ==, post_id);
    g_assert_cmpstr (json_object_get_string_member (data_of (f), "reaction_type"), ==, "clap");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (data_of (f), "user"), "id"), ==,
                     fam.id);
  }
  expect_notification (so, "new_reaction");
  d = req ("DELETE", reactions, fam.token, NULL);
  g_assert_cmpuint (d->status, ==, 204);
  r2 = req ("POST", reactions, fam.token, "{\"reaction_type\":\"heart\"}");
  ok (r2, 201);
  {
    g_autoptr(JsonNode) f = expect (so, "post:new_reaction");
    g_assert_cmpstr (json_object_get_string_member (data_of (f), "reaction_type"), ==, "heart");
  }
  expect_nothing_before_probe (so);   /* no second new_reaction notification */
  expect_nothing_before_probe (sf);

  /* Following: one notification, however often. */
  follow = g_strdup_printf ("/api/v1/users/%s/follow", owner.id);
  fo = req ("POST", follow, other.token, NULL);
  ok (fo, 200);
  expect_notification (so, "new_follower");
  un = req ("DELETE", follow, other.token, NULL);
  g_assert_cmpuint (un->status / 100, ==, 2);
  fo2 = req ("POST", follow, other.token, NULL);
  ok (fo2, 200);
  expect_nothing_before_probe (so);

  /* A family-circle post: the circle's other members only. */
  circle = req ("POST", "/api/v1/family-circles", owner.token, "{\"name\":\"Familia en vivo\"}");
  circle_id = json_object_get_string_member (ok (circle, 201), "id");
  join = g_strdup_printf ("/api/v1/family-circles/%s/join", circle_id);
  join_body = g_strdup_printf ("{\"invite_code\":\"%s\"}",
                               json_object_get_string_member (bz_api_data (circle), "invite_code"));
  joined = req ("POST", join, fam.token, join_body);
  ok (joined, 200);
  circle_post = g_strdup_printf ("{\"type\":\"text\",\"body\":\"Cena en familia\",\"family_circle_id\":\"%s\"}",
                                 circle_id);
  cp = req ("POST", "/api/v1/posts", owner.token, circle_post);
  ok (cp, 201);
  {
    g_autoptr(JsonNode) f = expect (sf, "family_circle:new_post");
    g_assert_cmpstr (json_object_get_string_member (data_of (f), "circle_id"), ==, circle_id);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (data_of (f), "post"), "body"), ==,
                     "Cena en familia");
  }
  expect_nothing_before_probe (sf);
  expect_nothing_before_probe (so);
  expect_nothing_before_probe (sx);

  user_clear (&owner);
  user_clear (&fam);
  user_clear (&other);
}

/* Reads @c's frames up to a probe's answer; returns the challenge:rank_change data seen, in order. */
static GPtrArray *
rank_changes (BzRealtimeClient *c)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  bz_realtime_client_send (c, "{\"event\":\"probe:rank\",\"data\":{}}");
  for (;;)
    {
      JsonNode *f = bz_realtime_client_next (c, WAIT_MS);
      if (f == NULL)
        g_error ("no answer to the probe");
      if (g_strcmp0 (bz_realtime_frame_event (f), "error") == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (data_of (f), "event"), ==, "probe:rank");
          json_node_unref (f);
          return out;
        }
      g_assert_cmpstr (bz_realtime_frame_event (f), ==, "challenge:rank_change");
      g_ptr_array_add (out, f);
    }
}

/* The change in @changes for @user_id (room frames carry user_id). */
static JsonObject *
change_of (GPtrArray *changes, const char *user_id)
{
  for (guint i = 0; i < changes->len; i++)
    {
      JsonObject *o = data_of (g_ptr_array_index (changes, i));
      if (g_strcmp0 (json_object_get_string_member_with_default (o, "user_id", NULL), user_id) == 0)
        return o;
    }
  return NULL;
}

static void
check_in (const char *token, const char *challenge_id, int steps)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *path = g_strdup_printf ("/api/v1/challenges/%s/progress", challenge_id);
  g_autofree char *body = g_strdup_printf ("{\"date\":\"%s\",\"value\":%d}", today, steps);
  g_autoptr(BzApiResponse) r = req ("POST", path, token, body);
  ok (r, 200);
}

static void
test_rank_changes (void)
{
  g_autofree char *nutri = bz_api_register (bz_api_shared (), "le-coach@test.local", "nutritionist", NULL);
  g_autofree char *nutri2 = bz_api_register (bz_api_shared (), "le-coach2@test.local", "nutritionist", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d"), *end = g_date_time_format (later, "%Y-%m-%d");
  g_autofree char *body = NULL, *jpath = NULL, *room = NULL;
  g_autoptr(BzApiResponse) c = NULL;
  g_autoptr(BzRealtimeClient) sa = NULL, sb = NULL, sw = NULL, sz = NULL;
  g_autoptr(GPtrArray) a1 = NULL, a2 = NULL, b2 = NULL, w = NULL;
  User ana = { 0 }, beto = { 0 }, watcher = { 0 }, stranger = { 0 };
  const char *id;
  JsonObject *o;

  member (&ana, nutri, "le-ana@test.local");
  member (&beto, nutri, "le-beto@test.local");
  member (&watcher, nutri, "le-watch@test.local");
  member (&stranger, nutri2, "le-stranger@test.local");
  body = g_strdup_printf ("{\"title\":\"Pasos en vivo\",\"category\":\"steps\",\"start_date\":\"%s\",\"end_date\":\"%s\","
                          "\"goal_type\":\"cumulative\",\"goal_metric\":\"steps\",\"goal_value\":300000}", today, end);
  c = req ("POST", "/api/v1/challenges", nutri, body);
  id = json_object_get_string_member (ok (c, 201), "id");
  jpath = g_strdup_printf ("/api/v1/challenges/%s/join", id);
  {
    g_autoptr(BzApiResponse) j1 = req ("POST", jpath, ana.token, NULL);
    g_autoptr(BzApiResponse) j2 = req ("POST", jpath, beto.token, NULL);
    ok (j1, 201);
    ok (j2, 201);
  }
  sa = open_socket (ana.token);
  sb = open_socket (beto.token);
  sw = open_socket (watcher.token);
  sz = open_socket (stranger.token);

  /* The room: a member of the same clinic may follow it; another
   * nutritionist's member does not see the challenge. */
  room = g_strdup_printf ("{\"event\":\"challenge:join_room\",\"data\":{\"challenge_id\":\"%s\"}}", id);
  bz_realtime_client_send (sw, room);
  {
    g_autoptr(JsonNode) f = expect (sw, "challenge:join_room");
    g_assert_cmpstr (json_object_get_string_member (data_of (f), "challenge_id"), ==, id);
  }
  bz_realtime_client_send (sz, room);
  {
    g_autoptr(JsonNode) f = expect (sz, "error");
    g_assert_cmpstr (json_object_get_string_member (data_of (f), "code"), ==, "NOT_FOUND");
  }
  bz_realtime_client_send (sz, "{\"event\":\"challenge:join_room\",\"data\":{\"challenge_id\":\"not-a-uuid\"}}");
  {
    g_autoptr(JsonNode) f = expect (sz, "error");
    g_assert_cmpstr (json_object_get_string_member (data_of (f), "code"), ==, "NOT_FOUND");
  }

  /* Ana leads, then Beto overtakes her. */
  check_in (ana.token, id, 12000);
  a1 = rank_changes (sa);
  g_assert_cmpuint (a1->len, >=, 1);
  o = data_of (g_ptr_array_index (a1, a1->len - 1));
  g_assert_cmpstr (json_object_get_string_member (o, "challenge_id"), ==, id);
  g_assert_cmpint (json_object_get_int_member (o, "new_rank"), ==, 1);
  g_assert_false (json_object_has_member (o, "user_id"));   /* her own news names nobody */
  g_clear_pointer (&w, g_ptr_array_unref);
  w = rank_changes (sw);
  g_assert_nonnull (change_of (w, ana.id));
  g_ptr_array_unref (rank_changes (sb));

  check_in (beto.token, id, 15000);
  a2 = rank_changes (sa);
  g_assert_cmpuint (a2->len, ==, 1);
  o = data_of (g_ptr_array_index (a2, 0));
  g_assert_cmpint (json_object_get_int_member (o, "old_rank"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "new_rank"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (o, "rank_change"), ==, -1);
  b2 = rank_changes (sb);
  g_assert_cmpuint (b2->len, ==, 1);
  o = data_of (g_ptr_array_index (b2, 0));
  g_assert_cmpint (json_object_get_int_member (o, "old_rank"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (o, "new_rank"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "rank_change"), ==, 1);
  g_clear_pointer (&w, g_ptr_array_unref);
  w = rank_changes (sw);
  g_assert_cmpuint (w->len, ==, 2);
  g_assert_cmpint (json_object_get_int_member (change_of (w, ana.id), "new_rank"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (change_of (w, beto.id), "new_rank"), ==, 1);
  {
    /* Not in the room, not taking part: nothing. */
    g_autoptr(GPtrArray) none = rank_changes (sz);
    g_assert_cmpuint (none->len, ==, 0);
  }

  user_clear (&ana);
  user_clear (&beto);
  user_clear (&watcher);
  user_clear (&stranger);
}

void
test_live_events_add_tests (void)
{
  g_test_add_func ("/api/live-events/social", test_social_events);
  g_test_add_func ("/api/live-events/rank-changes", test_rank_changes);
}
