/* test-social-limits.c — the social layer's bounds on a real server: 20
 * posts an hour (seed 002 §7.4.2: 429 with Retry-After), a post's body up to
 * BZ_POST_BODY_MAX_CHARS characters in any script, and hostile bodies (deep
 * nesting, huge arrays, wrong types); the store unchanged after each
 * refusal; and the _async calls the GUI uses.  Part of test-api's binary
 * (see test-social.c). */
#include "test-social-private.h"

#include <string.h>

#include "bz-limits.h"
#include "bz-social-service.h"

/* --- The hourly limit ------------------------------------------------------------------------- */

/* The real limit (no test hook): a fresh user posts BZ_POSTS_PER_HOUR times,
 * then is refused with 429 and a Retry-After within the hour. */
static void
test_rate_limit (void)
{
  g_autoptr(BzApiResponse) r = NULL;
  const char *retry;
  guint64 seconds = 0;

  social_ensure_users ();
  for (int i = 0; i < BZ_POSTS_PER_HOUR; i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"type\":\"text\",\"body\":\"Publicación %d\"}", i);
      g_free (social_post (social_users[SO_SPAMMER].token, body));
    }
  r = social_refused ("POST", "/api/v1/posts", social_users[SO_SPAMMER].token, "{\"type\":\"text\",\"body\":\"una más\"}", 429, "RATE_LIMITED", NULL);
  retry = soup_message_headers_get_one (r->headers, "Retry-After");
  g_assert_nonnull (retry);
  g_assert_true (g_ascii_string_to_unsigned (retry, 10, 1, BZ_POSTS_WINDOW_S, &seconds, NULL));
  g_assert_false (json_object_get_boolean_member (json_node_get_object (r->json), "success"));
  /* Others are not limited by it. */
  g_free (social_post (social_users[SO_FAM].token, "{\"type\":\"text\",\"body\":\"Sigo publicando\"}"));
}

/* --- Hostile bodies ------------------------------------------------------------------------------ */

static void
test_hostile (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"type\":\"text\",\"body\":\"x\",\"progress_data\":");
  g_autoptr(GString) many = g_string_new ("{\"type\":\"text\",\"body\":\"x\",\"tags\":[");
  g_autofree char *id = NULL, *cp = NULL;

  social_ensure_users ();
  for (int i = 0; i < 30000; i++)
    g_string_append_c (deep, '[');
  social_refuse ("POST", "/api/v1/posts", social_users[SO_FAM].token, deep->str, 400, "VALIDATION_ERROR", NULL);
  for (int i = 0; i < 300000; i++)
    g_string_append (many, i ? ",\"a\"" : "\"a\"");
  g_string_append (many, "]}");
  {
    g_autoptr(BzApiResponse) r = social_req ("POST", "/api/v1/posts", social_users[SO_FAM].token, many->str);
    g_assert_cmpuint (r->status, >=, 400);
    g_assert_cmpuint (r->status, <, 500);
  }
  social_refuse ("POST", "/api/v1/posts", social_users[SO_FAM].token, "{\"type\":\"text\",\"body\":\"x\",\"tags\":[\"a\",\"b\",\"c\",\"d\",\"e\","
          "\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]}", 400, "VALIDATION_ERROR", "tags");
  social_refuse ("POST", "/api/v1/posts", social_users[SO_FAM].token, "[1,2,3]", 400, "VALIDATION_ERROR", NULL);
  social_refuse ("POST", "/api/v1/posts", social_users[SO_FAM].token, "{\"type\":[\"text\"],\"body\":{\"a\":1}}", 400, "VALIDATION_ERROR", "type");
  id = social_post (social_users[SO_FAM].token, "{\"type\":\"text\",\"body\":\"objetivo\"}");
  cp = g_strdup_printf ("/api/v1/posts/%s/comments", id);
  social_refuse ("POST", cp, social_users[SO_FAM].token, "{\"content\":\"x\",\"parent_comment_id\":\"../../etc\"}", 400, "VALIDATION_ERROR",
          "parent_comment_id");
  social_refuse ("POST", "/api/v1/groups", social_users[SO_FAM].token, "{\"name\":[\"x\"]}", 400, "VALIDATION_ERROR", "name");
}

/* A body of BZ_POST_BODY_MAX_CHARS four-octet characters is accepted; one
 * character more is refused with a detail on body. */
static void
test_body_length (void)
{
  g_autoptr(GString) body = g_string_new ("{\"type\":\"text\",\"body\":\"");
  g_autofree char *id = NULL;

  social_ensure_users ();
  for (int i = 0; i < BZ_POST_BODY_MAX_CHARS; i++)
    g_string_append (body, "\xF0\x9F\x92\xAA");   /* U+1F4AA, 4 octets */
  g_string_append (body, "\"}");
  id = social_post (social_users[SO_OWNER].token, body->str);
  g_assert_nonnull (id);
  g_string_truncate (body, body->len - 2);
  g_string_append (body, "x\"}");
  social_refuse ("POST", "/api/v1/posts", social_users[SO_OWNER].token, body->str, 400, "VALIDATION_ERROR", "body");
}

static void
done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* The GUI's calls: the same service on a worker thread, the answer on the
 * caller's main context. */
static void
test_async (void)
{
  BzServices *svc = bz_api_shared ()->services;
  g_autoptr(BzCaller) me = NULL;
  g_autoptr(GAsyncResult) created_res = NULL, feed_res = NULL, anon_res = NULL;
  g_autoptr(JsonObject) in = json_object_new ();
  g_autoptr(BzRecord) created = NULL, feed = NULL, anon = NULL;
  g_autoptr(GError) error = NULL;
  BzFeedParams params = { .page = 1, .limit = 20 };
  const char *id;

  social_ensure_users ();
  me = bz_caller_new (social_users[SO_OUTSIDER].id, BZ_ROLE_PATIENT, NULL);
  json_object_set_string_member (in, "type", "text");
  json_object_set_string_member (in, "body", "Desde el escritorio");
  bz_social_create_post_async (svc, me, in, NULL, done_cb, &created_res);
  created = bz_social_create_post_finish (svc, wait_for (&created_res), &error);
  g_assert_no_error (error);
  id = bz_record_get_string (bz_record_get_object (created, BZ_POST_CREATED_POST), BZ_POST_ID);
  params.author_id = social_users[SO_OUTSIDER].id;
  bz_social_feed_async (svc, me, &params, NULL, done_cb, &feed_res);
  feed = bz_social_feed_finish (svc, wait_for (&feed_res), &error);
  g_assert_no_error (error);
  {
    gboolean found = FALSE;
    for (guint i = 0; i < bz_record_get_n_items (feed, BZ_FEED_POSTS); i++)
      found = found || g_strcmp0 (bz_record_get_string (bz_record_get_item (feed, BZ_FEED_POSTS, i), BZ_POST_ID), id) == 0;
    g_assert_true (found);
  }
  bz_social_feed_async (svc, NULL, &params, NULL, done_cb, &anon_res);
  anon = bz_social_feed_finish (svc, wait_for (&anon_res), &error);
  g_assert_null (anon);
  g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
}

void
test_social_limits_add_tests (void)
{
  g_test_add_func ("/api/social/rate-limit", test_rate_limit);
  g_test_add_func ("/api/social/hostile", test_hostile);
  g_test_add_func ("/api/social/body-length", test_body_length);
  g_test_add_func ("/api/social/async", test_async);
}
