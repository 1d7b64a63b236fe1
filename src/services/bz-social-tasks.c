/* bz-social-tasks.c — the social calls the GUI makes, as GIO-style
 * _async/_finish pairs run on a worker thread (bz-service-task-private.h);
 * see bz-social-service.h. */
#include "bz-social-service-private.h"

#include "bz-service-task-private.h"

typedef struct
{
  char *id;
  JsonObject *input;
  BzFeedParams feed;    /* its strings owned by the args */
} Args;

static void
args_free (gpointer p)
{
  Args *a = p;
  g_free (a->id);
  g_clear_pointer (&a->input, json_object_unref);
  g_free ((char *) a->feed.cursor);
  g_free ((char *) a->feed.type);
  g_free ((char *) a->feed.group_id);
  g_free ((char *) a->feed.family_circle_id);
  g_free ((char *) a->feed.author_id);
  g_free (a);
}

static Args *
args_new (const char *id, JsonObject *input, const BzFeedParams *feed)
{
  Args *a = g_new0 (Args, 1);
  a->id = g_strdup (id);
  a->input = bz_service_json_object_copy (input);
  if (feed)
    {
      a->feed.page = feed->page;
      a->feed.limit = feed->limit;
      a->feed.cursor = g_strdup (feed->cursor);
      a->feed.type = g_strdup (feed->type);
      a->feed.group_id = g_strdup (feed->group_id);
      a->feed.family_circle_id = g_strdup (feed->family_circle_id);
      a->feed.author_id = g_strdup (feed->author_id);
    }
  return a;
}

static gpointer
feed_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_social_feed (svc, caller, &((Args *) args)->feed, error);
}

static gpointer
get_post_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_social_get_post (svc, caller, ((Args *) args)->id, error);
}

static gpointer
create_post_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_social_create_post (svc, caller, ((Args *) args)->input, NULL, error);
}

static gpointer
comment_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_social_add_comment (svc, caller, ((Args *) args)->id, ((Args *) args)->input, error);
}

static gpointer
react_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_social_react (svc, caller, ((Args *) args)->id, ((Args *) args)->input, error);
}

#define RUN(fn, name, work, args) \
  bz_service_task_run (svc, fn, name, caller, BZ_SERVICE_TASK_NEEDS_CALLER, work, args, args_free, \
                       g_object_unref, cancellable, callback, user_data)

void
bz_social_feed_async (BzServices *svc, const BzCaller *caller, const BzFeedParams *params, GCancellable *cancellable,
                      GAsyncReadyCallback callback, gpointer user_data)
{
  RUN (bz_social_feed_async, "bz-social-feed", feed_work, args_new (NULL, NULL, params));
}

BzRecord *
bz_social_feed_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_social_feed_async, error);
}

void
bz_social_get_post_async (BzServices *svc, const BzCaller *caller, const char *post_id, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  RUN (bz_social_get_post_async, "bz-social-post", get_post_work, args_new (post_id, NULL, NULL));
}

BzRecord *
bz_social_get_post_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_social_get_post_async, error);
}

void
bz_social_create_post_async (BzServices *svc, const BzCaller *caller, JsonObject *input, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  RUN (bz_social_create_post_async, "bz-social-create-post", create_post_work, args_new (NULL, input, NULL));
}

BzRecord *
bz_social_create_post_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_social_create_post_async, error);
}

void
bz_social_add_comment_async (BzServices *svc, const BzCaller *caller, const char *post_id, JsonObject *input,
                             GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  RUN (bz_social_add_comment_async, "bz-social-comment", comment_work, args_new (post_id, input, NULL));
}

BzRecord *
bz_social_add_comment_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_social_add_comment_async, error);
}

void
bz_social_react_async (BzServices *svc, const BzCaller *caller, const char *post_id, JsonObject *input,
                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  RUN (bz_social_react_async, "bz-social-react", react_work, args_new (post_id, input, NULL));
}

BzRecord *
bz_social_react_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_social_react_async, error);
}
