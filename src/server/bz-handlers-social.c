/* bz-handlers-social.c — the social layer's routes (issue 10; seed 002 §4.3;
 * bz-social-service.h): parse, call the service, answer. */
#include "bz-router.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bz-social-service.h"

/* A text part's longest accepted value (bytes): a body of
 * BZ_POST_BODY_MAX_CHARS characters of up to 4 octets each. */
#define TEXT_PART_MAX (BZ_POST_BODY_MAX_CHARS * 4)

static BzResponse *
answer (BzRecord *data, guint status)
{
  return data ? bz_response_record (status, data) : NULL;
}

static const char *
post_of (BzRequest *req)
{
  return bz_request_param (req, "post_id");
}

static BzResponse *
feed (BzServices *svc, BzRequest *req, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  BzFeedParams p = { 0 };

  p.page = bz_request_query_uint (req, "page", 1, 1, 10000, &v);
  p.limit = bz_request_query_uint (req, "limit", BZ_LIST_LIMIT_DEFAULT, 1, BZ_LIST_LIMIT_MAX, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  p.cursor = bz_request_query (req, "cursor");
  p.type = bz_request_query (req, "type");
  p.group_id = bz_request_query (req, "group_id");
  p.family_circle_id = bz_request_query (req, "family_circle_id");
  p.author_id = bz_request_query (req, "author_id");
  return answer (bz_social_feed (svc, req->caller, &p, error), 200);
}

/* A JSON part of the form into @input, its fault as a field detail. */
static gboolean
add_json_part (BzForm *form, const char *name, JsonObject *input, BzValidation *v, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonNode) node = bz_form_get_json (form, name, &bz_json_limits_body, &local);

  if (local && bz_error_http_status (local) == 413)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (local)
    {
      JsonObject *o = json_array_get_object_element (bz_error_get_details (local), 0);
      bz_validation_add (v, json_object_get_string_member (o, "field"), json_object_get_string_member (o, "issue"),
                         local->message);
    }
  else if (node)
    json_object_set_member (input, name, g_steal_pointer (&node));
  return TRUE;
}

/* POST /api/v1/posts: multipart/form-data (seed 002 §4.3, PostForm) or a
 * PostCreate JSON object. */
static BzResponse *
create_post (BzServices *svc, BzRequest *req, GError **error)
{
  static const char *const fields[] = { "type", "title", "body", "caption", "visibility", "group_id",
                                        "family_circle_id", "progress_data", "tags", "files", "photo", NULL };
  static const char *const repeatable[] = { "files", "photo", NULL };
  static const char *const text_parts[] = { "type", "title", "body", "visibility", "group_id", "family_circle_id", NULL };
  const char *type = soup_message_headers_get_content_type (req->headers, NULL);
  g_autoptr(BzForm) form = NULL;
  g_autoptr(JsonObject) input = NULL;
  g_autoptr(GPtrArray) photos = NULL;
  BzValidation v = BZ_VALIDATION_INIT;

  if (type && g_ascii_strcasecmp (type, "application/json") == 0)
    {
      if (!(input = bz_request_json_object (req, error)))
        return NULL;
      return answer (bz_social_create_post (svc, req->caller, input, NULL, error), 201);
    }
  if (!(form = bz_form_parse_full (req->headers, req->body, fields, repeatable, error)))
    return NULL;
  input = json_object_new ();
  for (guint i = 0; text_parts[i]; i++)
    {
      g_autofree char *text = bz_form_get_text (form, text_parts[i], TEXT_PART_MAX, &v);
      if (text)
        json_object_set_string_member (input, text_parts[i], text);
    }
  if (!json_object_has_member (input, "body"))
    {
      /* Seed 002 §2.3 sends the text as "caption". */
      g_autofree char *caption = bz_form_get_text (form, "caption", TEXT_PART_MAX, &v);
      if (caption)
        json_object_set_string_member (input, "body", caption);
    }
  if (!add_json_part (form, "progress_data", input, &v, error) || !add_json_part (form, "tags", input, &v, error))
    return NULL;
  if (!bz_validation_finish (&v, error))
    return NULL;
  /* "files" (seed 002 §4.3) then "photo" (§2.3), in order. */
  photos = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(GPtrArray) parts = bz_form_get_all (form, k == 0 ? "files" : "photo");
      for (guint i = 0; i < parts->len; i++)
        g_ptr_array_add (photos, g_bytes_ref (g_ptr_array_index (parts, i)));
    }
  return answer (bz_social_create_post (svc, req->caller, input, photos, error), 201);
}

static BzResponse *
get_post (BzServices *svc, BzRequest *req, GError **error)
{
  return answer (bz_social_get_post (svc, req->caller, post_of (req), error), 200);
}

static BzResponse *
photo (BzServices *svc, BzRequest *req, GError **error)
{
  g_autofree char *etag = NULL;
  GBytes *bytes = bz_social_get_photo (svc, req->caller, post_of (req), bz_request_param (req, "n"), &etag, error);
  return bytes ? bz_response_blob (bytes, "image/jpeg", etag) : NULL;
}

static BzResponse *
react (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_social_react (svc, req->caller, post_of (req), body, error), 201);
}

static BzResponse *
unreact (BzServices *svc, BzRequest *req, GError **error)
{
  if (!bz_social_unreact (svc, req->caller, post_of (req), error))
    return NULL;
  return bz_response_json (204, NULL);
}

static BzResponse *
comment (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_social_add_comment (svc, req->caller, post_of (req), body, error), 201);
}

static BzResponse *
follow (BzServices *svc, BzRequest *req, GError **error)
{
  return answer (bz_social_follow (svc, req->caller, bz_request_param (req, "user_id"), TRUE, error), 200);
}

static BzResponse *
unfollow (BzServices *svc, BzRequest *req, GError **error)
{
  return answer (bz_social_follow (svc, req->caller, bz_request_param (req, "user_id"), FALSE, error), 200);
}

/* An optional JSON body: empty is {}. */
static gboolean
optional_body (BzRequest *req, JsonObject **out, GError **error)
{
  *out = NULL;
  if (req->body == NULL || g_bytes_get_size (req->body) == 0)
    {
      *out = json_object_new ();
      return TRUE;
    }
  *out = bz_request_json_object (req, error);
  return *out != NULL;
}

static BzResponse *
create_group (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_social_create_group (svc, req->caller, body, error), 201);
}

static BzResponse *
join_group (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = NULL;
  if (!optional_body (req, &body, error))
    return NULL;
  return answer (bz_social_join_group (svc, req->caller, bz_request_param (req, "group_id"), body, error), 200);
}

static BzResponse *
leave_group (BzServices *svc, BzRequest *req, GError **error)
{
  return answer (bz_social_leave_group (svc, req->caller, bz_request_param (req, "group_id"), error), 200);
}

static BzResponse *
get_group (BzServices *svc, BzRequest *req, GError **error)
{
  return answer (bz_social_get_group (svc, req->caller, bz_request_param (req, "group_id"), error), 200);
}

static BzResponse *
set_group_role (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_social_set_group_role (svc, req->caller, bz_request_param (req, "group_id"),
                                           bz_request_param (req, "user_id"), body, error), 200);
}

static BzResponse *
group_invite (BzServices *svc, BzRequest *req, GError **error)
{
  return answer (bz_social_group_invite (svc, req->caller, bz_request_param (req, "group_id"), error), 201);
}

static BzResponse *
create_circle (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_social_create_circle (svc, req->caller, body, error), 201);
}

static BzResponse *
get_circle (BzServices *svc, BzRequest *req, GError **error)
{
  return answer (bz_social_get_circle (svc, req->caller, bz_request_param (req, "circle_id"), error), 200);
}

static BzResponse *
update_circle (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_social_update_circle (svc, req->caller, bz_request_param (req, "circle_id"), body, error), 200);
}

static BzResponse *
join_circle (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_social_join_circle (svc, req->caller, bz_request_param (req, "circle_id"), body, error), 200);
}

static BzResponse *
leave_circle (BzServices *svc, BzRequest *req, GError **error)
{
  return answer (bz_social_leave_circle (svc, req->caller, bz_request_param (req, "circle_id"), error), 200);
}

static BzResponse *
circle_invite (BzServices *svc, BzRequest *req, GError **error)
{
  return answer (bz_social_circle_invite (svc, req->caller, bz_request_param (req, "circle_id"), error), 201);
}

#define POST "/api/v1/posts/{post_id}"
#define GROUP "/api/v1/groups/{group_id}"
#define CIRCLE "/api/v1/family-circles/{circle_id}"

const BzRoute bz_social_routes[] = {
  { "GET", "/api/v1/feed", feed, 0, 0,
    "The caller's feed: the posts they may see, ranked by virality, filtered by type, group, family circle or "
    "author; page or cursor paging", .response = &bz_feed_resource, .query = &bz_feed_query_resource },
  { "POST", "/api/v1/posts", create_post, 0, BZ_UPLOAD_BODY_MAX,
    "Publish a post (multipart with photos, or a PostCreate JSON object); at most "
    G_STRINGIFY (BZ_POSTS_PER_HOUR) " an hour",
    .json = &bz_json_limits_post, .request = &bz_post_form_resource, .response = &bz_post_created_resource },
  { "GET", POST, get_post, 0, 0, "A post the caller may see, and its comments", .response = &bz_post_detail_resource },
  { "GET", POST "/photos/{n}", photo, BZ_ROUTE_POOL, 0,
    "A post's photo n (from 0): its display copy, at most 1280 px, no EXIF (ETag, Range, immutable)",
    .raw_type = "image/jpeg" },
  { "POST", POST "/reactions", react, 0, 0, "React to a post (one reaction per user: remove it to change it)",
    .request = &bz_reaction_input_resource, .response = &bz_reaction_created_resource },
  { "DELETE", POST "/reactions", unreact, BZ_ROUTE_NO_CONTENT, 0, "Remove the caller's reaction (204)" },
  { "POST", POST "/comments", comment, 0, 0, "Comment on a post, or reply to a comment (three levels at most)",
    .request = &bz_comment_input_resource, .response = &bz_comment_created_resource },
  { "POST", "/api/v1/users/{user_id}/follow", follow, 0, 0, "Follow a user (their followers-only posts become visible)",
    .response = &bz_follow_resource },
  { "DELETE", "/api/v1/users/{user_id}/follow", unfollow, 0, 0, "Stop following a user", .response = &bz_follow_resource },
  { "POST", "/api/v1/groups", create_group, 0, 0, "Create a group (the caller is its admin; an invite code is shown once)",
    .request = &bz_group_input_resource, .response = &bz_group_resource },
  { "GET", GROUP, get_group, 0, 0, "A group and the caller's role in it (a private group only to its members)",
    .response = &bz_group_resource },
  { "PATCH", GROUP "/members/{user_id}", set_group_role, 0, 0,
    "Approve a pending member, or promote or demote one (admins)",
    .request = &bz_group_member_update_resource, .response = &bz_membership_resource },
  { "POST", GROUP "/join", join_group, 0, 0,
    "Join a group (open; closed: pending approval; private: with its invite code)",
    .request = &bz_join_input_resource, .response = &bz_membership_resource },
  { "POST", GROUP "/leave", leave_group, 0, 0, "Leave a group", .response = &bz_membership_resource },
  { "POST", GROUP "/invites", group_invite, 0, 0, "A new invite code (admins and moderators; the old one stops working)",
    .response = &bz_group_resource },
  { "POST", "/api/v1/family-circles", create_circle, 0, 0,
    "Create a family circle (patients; their nutritionist is included; an invite code is shown once)",
    .request = &bz_family_circle_input_resource, .response = &bz_family_circle_resource },
  { "GET", CIRCLE, get_circle, 0, 0, "A family circle the caller belongs to: members and shared goals",
    .response = &bz_family_circle_resource },
  { "PATCH", CIRCLE, update_circle, 0, 0, "Change a family circle's name, description or shared goals (owner, nutritionist)",
    .request = &bz_family_circle_input_resource, .response = &bz_family_circle_resource },
  { "POST", CIRCLE "/join", join_circle, 0, 0, "Join a family circle with its invite code",
    .request = &bz_join_input_resource, .response = &bz_membership_resource },
  { "POST", CIRCLE "/leave", leave_circle, 0, 0, "Leave a family circle", .response = &bz_membership_resource },
  { "POST", CIRCLE "/invites", circle_invite, 0, 0, "A new invite code (owner, nutritionist; the old one stops working)",
    .response = &bz_family_circle_resource },
  { NULL }
};
