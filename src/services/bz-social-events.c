/* bz-social-events.c — what the social layer tells people as it happens:
 * the WebSocket events of seed 002 §4.8 and the inbox notifications of
 * seed 001 (bz-social-service-private.h).
 *
 * Every function runs after the write committed, on the request's thread.
 * A recipient hears only of a post they may see now (bz_social_post_audience(),
 * the feed's predicate), and never of their own act.  A failure to notify is
 * logged and does not undo the write: the post, comment or reaction stands. */
#include "bz-social-service-private.h"

#include <glib/gi18n.h>

#include "bz-json.h"
#include "bz-notification-service.h"
#include "bz-realtime.h"
#include "bz-social-repo.h"
#include "bz-store.h"

/* The display name of @author (a PostAuthor record). */
static const char *
name_of (BzRecord *author)
{
  const char *name = author ? bz_record_get_string (author, BZ_POST_AUTHOR_FULL_NAME) : NULL;
  return name && *name ? name : _("Someone");
}

static GStrv
audience_of (BzServices *svc, const char *post_id)
{
  g_autoptr(GError) error = NULL;
  GStrv audience = bz_social_post_audience (svc, post_id, &error);
  if (audience == NULL)
    g_warning ("Social: the audience of post %s is unknown: %s", post_id, error->message);
  return audience;
}

void
bz_social_events_comment (BzServices *svc, const BzCaller *caller, BzRecord *post, BzRecord *comment)
{
  const char *post_id = bz_record_get_string (post, BZ_POST_ID);
  const char *parent = bz_record_get_string (comment, BZ_COMMENT_PARENT_COMMENT_ID);
  BzRecord *author = bz_record_get_object (post, BZ_POST_AUTHOR);
  const char *recipients[2] = { bz_record_get_string (author, BZ_POST_AUTHOR_ID), NULL };
  g_autoptr(BzRecord) parent_comment = NULL;
  g_autoptr(JsonObject) o = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *url = g_strconcat ("/posts/", post_id, NULL);
  g_auto(GStrv) audience = audience_of (svc, post_id);
  const char *who = name_of (bz_record_get_object (comment, BZ_COMMENT_AUTHOR));

  /* A reply also tells the author of the comment it answers. */
  if (parent && (parent_comment = bz_social_repo_get_comment (bz_services_get_store (svc), parent, NULL)))
    recipients[1] = bz_record_get_string (bz_record_get_object (parent_comment, BZ_COMMENT_AUTHOR), BZ_POST_AUTHOR_ID);

  json_object_set_string_member (o, "post_id", post_id);
  json_object_set_member (o, "comment", bz_record_to_json_node (comment));
  node = bz_json_node_new_object (g_steal_pointer (&o));
  for (guint i = 0; i < G_N_ELEMENTS (recipients); i++)
    {
      const char *to = recipients[i];
      g_autofree char *body = NULL;

      if (to == NULL || g_strcmp0 (to, caller->user_id) == 0 || !(audience && g_strv_contains ((const char *const *) audience, to)) ||
          (i == 1 && g_strcmp0 (to, recipients[0]) == 0))
        continue;
      bz_realtime_publish (bz_services_get_realtime (svc), (const char *const[]) { to }, 1,
                           BZ_REALTIME_EVENT_POST_NEW_COMMENT, node);
      body = g_strdup_printf (i == 0 ? _("%s commented on your post") : _("%s answered your comment"), who);
      bz_notifications_notify (svc, to, "new_comment", _("New comment"), body, url, NULL);
    }
}

void
bz_social_events_reaction (BzServices *svc, const BzCaller *caller, BzRecord *post, const char *reaction_type)
{
  const char *post_id = bz_record_get_string (post, BZ_POST_ID);
  const char *to = bz_record_get_string (bz_record_get_object (post, BZ_POST_AUTHOR), BZ_POST_AUTHOR_ID);
  g_autoptr(BzRecord) reactor = NULL;
  g_autoptr(JsonObject) o = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_auto(GStrv) audience = NULL;
  g_autofree char *url = NULL, *body = NULL;

  if (to == NULL || g_strcmp0 (to, caller->user_id) == 0)
    return;
  audience = audience_of (svc, post_id);
  if (!(audience && g_strv_contains ((const char *const *) audience, to)) || !(reactor = bz_social_get_author (svc, caller->user_id, NULL)))
    return;
  o = json_object_new ();
  json_object_set_string_member (o, "post_id", post_id);
  json_object_set_string_member (o, "reaction_type", reaction_type);
  json_object_set_member (o, "user", bz_record_to_json_node (reactor));
  node = bz_json_node_new_object (g_steal_pointer (&o));
  bz_realtime_publish (bz_services_get_realtime (svc), (const char *const[]) { to }, 1,
                       BZ_REALTIME_EVENT_POST_NEW_REACTION, node);
  url = g_strconcat ("/posts/", post_id, NULL);
  body = g_strdup_printf (_("%s reacted to your post"), name_of (reactor));
  {
    /* Removing a reaction and reacting again does not notify twice. */
    g_autofree char *key = g_strconcat ("new_reaction:", post_id, ":", caller->user_id, NULL);
    bz_notifications_notify (svc, to, "new_reaction", _("New reaction"), body, url, key);
  }
}

void
bz_social_events_post (BzServices *svc, const BzCaller *caller, BzRecord *post)
{
  const char *post_id = bz_record_get_string (post, BZ_POST_ID);
  const char *circle = bz_record_get_string (post, BZ_POST_FAMILY_CIRCLE_ID);
  g_autoptr(GPtrArray) to = NULL;
  g_autoptr(JsonObject) o = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_auto(GStrv) audience = NULL;

  if (circle == NULL || g_strcmp0 (bz_record_get_string (post, BZ_POST_VISIBILITY), "family_circle") != 0)
    return;
  audience = audience_of (svc, post_id);
  to = g_ptr_array_new ();
  for (guint i = 0; audience && audience[i]; i++)
    if (g_strcmp0 (audience[i], caller->user_id) != 0)
      g_ptr_array_add (to, audience[i]);
  if (to->len == 0)
    return;
  o = json_object_new ();
  json_object_set_string_member (o, "circle_id", circle);
  json_object_set_member (o, "post", bz_record_to_json_node (post));
  node = bz_json_node_new_object (g_steal_pointer (&o));
  bz_realtime_publish (bz_services_get_realtime (svc), (const char *const *) to->pdata, to->len,
                       BZ_REALTIME_EVENT_FAMILY_CIRCLE_NEW_POST, node);
}

void
bz_social_events_follow (BzServices *svc, const BzCaller *caller, const char *followed_id)
{
  g_autoptr(BzRecord) follower = NULL;
  g_autofree char *body = NULL, *url = NULL;

  if (g_strcmp0 (followed_id, caller->user_id) == 0 ||
      !(follower = bz_social_get_author (svc, caller->user_id, NULL)))
    return;
  /* seed 002 §4.8's own example: "@maria_gomez comenzó a seguirte". */
  body = g_strdup_printf (_("%s started following you"), name_of (follower));
  url = g_strconcat ("/profile/", bz_record_get_string (follower, BZ_POST_AUTHOR_USERNAME), NULL);
  {
    /* Following again after unfollowing does not notify twice. */
    g_autofree char *key = g_strconcat ("new_follower:", caller->user_id, ":", followed_id, NULL);
    bz_notifications_notify (svc, followed_id, "new_follower", _("New follower"), body, url, key);
  }
}
