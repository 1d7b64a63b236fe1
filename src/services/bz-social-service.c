/* bz-social-service.c — the feed, posts, comments, reactions and follows
 * (see bz-social-service.h).  Validation, authorization and the rate limit;
 * the SQL (and the visibility predicate) is in bz-social-repo.c. */
#include "bz-social-service-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bz-blob-store.h"
#include "bz-photo.h"
#include "bz-social-repo.h"

gboolean
bz_social_need_caller (const BzCaller *caller, GError **error)
{
  if (caller)
    return TRUE;
  g_set_error_literal (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, _("Authentication required"));
  return FALSE;
}

void
bz_social_check_text (BzRecord *rec, guint field, BzValidation *v)
{
  const char *t = bz_record_get_string (rec, field);
  gboolean blank = TRUE;

  if (t == NULL)
    return;
  for (const char *c = t; *c && blank; c = g_utf8_next_char (c))
    blank = g_unichar_isspace (g_utf8_get_char (c));
  if (blank)
    bz_validation_add (v, bz_record_get_resource (rec)->fields[field].name, "too_short", _("Write something"));
}

static void
not_found (GError **error, const char *message)
{
  g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, message);
}

GStrv
bz_social_post_audience (BzServices *svc, const char *post_id, GError **error)
{
  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  return bz_social_repo_audience (bz_services_get_store (svc), post_id, error);
}

BzRecord *
bz_social_get_author (BzServices *svc, const char *user_id, GError **error)
{
  g_autoptr(GError) local = NULL;
  BzRecord *author;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  author = user_id ? bz_social_repo_get_author (bz_services_get_store (svc), user_id, &local) : NULL;
  if (local)
    g_propagate_error (error, g_steal_pointer (&local));
  else if (author == NULL)
    not_found (error, _("User not found"));
  return author;
}

/* The post @post_id if the caller may see it, else NOT_FOUND (the same
 * answer for an unknown id). */
static BzRecord *
visible_post (BzStore *store, const BzCaller *caller, const char *post_id, GError **error)
{
  g_autoptr(GError) local = NULL;
  BzRecord *post;

  if (post_id == NULL || !g_uuid_string_is_valid (post_id))
    {
      not_found (error, _("Post not found"));
      return NULL;
    }
  post = bz_social_repo_get_visible (store, post_id, caller->user_id, &local);
  if (local)
    g_propagate_error (error, g_steal_pointer (&local));
  else if (post == NULL)
    not_found (error, _("Post not found"));
  return post;
}

/* --- The feed ------------------------------------------------------------------------ */

/* next_cursor: base64url of "1|as_of|score|created_at|id". */
static char *
cursor_encode (const char *as_of, gint64 score, const char *created_at, const char *id)
{
  g_autofree char *text = g_strdup_printf ("1|%s|%" G_GINT64_FORMAT "|%s|%s", as_of, score, created_at, id);
  char *b64 = g_base64_encode ((const guchar *) text, strlen (text));
  for (char *c = b64; *c; c++)
    if (*c == '+')
      *c = '-';
    else if (*c == '/')
      *c = '_';
    else if (*c == '=')
      *c = '\0';
  return b64;
}

static gboolean
is_iso_utc (const char *s)
{
  g_autoptr(GDateTime) t = NULL;
  return s && strlen (s) == 20 && s[19] == 'Z' && (t = g_date_time_new_from_iso8601 (s, NULL)) != NULL;
}

/* Parses a cursor into its parts (kept in @out_parts); FALSE when it is not one of ours. */
static gboolean
cursor_decode (const char *cursor, GStrv *out_parts, gint64 *out_score)
{
  g_autofree char *b64 = NULL;
  g_autofree guchar *raw = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  gsize len = strlen (cursor), n = 0;

  if (len == 0 || len > 256)
    return FALSE;
  for (const char *c = cursor; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '-' && *c != '_')
      return FALSE;
  b64 = g_malloc (len + 4);
  for (gsize i = 0; i < len; i++)
    b64[i] = cursor[i] == '-' ? '+' : cursor[i] == '_' ? '/' : cursor[i];
  while (len % 4)
    b64[len++] = '=';
  b64[len] = '\0';
  raw = g_base64_decode (b64, &n);
  text = g_strndup ((const char *) raw, n);
  if (strlen (text) != n || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  parts = g_strsplit (text, "|", -1);
  if (g_strv_length (parts) != 5 || strcmp (parts[0], "1") != 0 || !is_iso_utc (parts[1]) || !is_iso_utc (parts[3]) ||
      !g_uuid_string_is_valid (parts[4]) ||
      !g_ascii_string_to_signed (parts[2], 10, 0, G_MAXINT64, out_score, NULL))
    return FALSE;
  *out_parts = g_steal_pointer (&parts);
  return TRUE;
}

static void
check_uuid (const char *value, const char *field, BzValidation *v)
{
  if (value && !g_uuid_string_is_valid (value))
    bz_validation_add (v, field, "invalid_format", _("Not a valid id"));
}

BzRecord *
bz_social_feed (BzServices *svc, const BzCaller *caller, const BzFeedParams *params, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  BzSocialFeedQuery q = { 0 };
  g_auto(GStrv) cursor = NULL;
  g_autofree char *now = NULL, *next = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GArray) scores = NULL;
  BzRecord *feed, *pagination;
  gboolean has_next;

  if (!bz_social_need_caller (caller, error))
    return NULL;
  q.viewer_id = caller->user_id;
  q.limit = params->limit + 1;
  if (params->type && !(q.type = bz_vocab_canonical (&bz_vocab_post_type, params->type)))
    bz_validation_add (&v, "type", "invalid_choice", _("Not a post type"));
  check_uuid (params->group_id, "group_id", &v);
  check_uuid (params->family_circle_id, "family_circle_id", &v);
  check_uuid (params->author_id, "author_id", &v);
  if (params->cursor && !cursor_decode (params->cursor, &cursor, &q.after_score))
    bz_validation_add (&v, "cursor", "invalid_format", _("Not a cursor of this feed"));
  if (!bz_validation_finish (&v, error))
    return NULL;
  q.group_id = params->group_id;
  q.family_circle_id = params->family_circle_id;
  q.author_id = params->author_id;
  if (cursor)
    {
      q.as_of = cursor[1];
      q.after_created_at = cursor[3];
      q.after_id = cursor[4];
    }
  else
    {
      now = bz_now_iso8601 ();
      q.as_of = now;
      q.offset = (gint64) (MAX (params->page, 1) - 1) * params->limit;
    }
  posts = bz_social_repo_feed (bz_services_get_store (svc), &q, &scores, error);
  if (posts == NULL)
    return NULL;
  has_next = posts->len > params->limit;
  if (has_next)
    {
      BzRecord *last = g_ptr_array_index (posts, params->limit - 1);
      next = cursor_encode (q.as_of, g_array_index (scores, gint64, params->limit - 1),
                            bz_record_get_string (last, BZ_POST_CREATED_AT), bz_record_get_string (last, BZ_POST_ID));
      g_ptr_array_set_size (posts, params->limit);
    }
  feed = bz_record_new (&bz_feed_resource);
  bz_record_set_empty_array (feed, BZ_FEED_POSTS);
  for (guint i = 0; i < posts->len; i++)
    bz_record_append (feed, BZ_FEED_POSTS, g_object_ref (g_ptr_array_index (posts, i)));
  pagination = bz_record_new (&bz_feed_pagination_resource);
  bz_record_set_int (pagination, BZ_FEED_PAGINATION_CURRENT_PAGE, cursor ? 1 : MAX (params->page, 1));
  bz_record_set_int (pagination, BZ_FEED_PAGINATION_LIMIT, params->limit);
  bz_record_set_boolean (pagination, BZ_FEED_PAGINATION_HAS_NEXT, has_next);
  if (next)
    bz_record_set_string (pagination, BZ_FEED_PAGINATION_NEXT_CURSOR, next);
  else
    bz_record_set_null (pagination, BZ_FEED_PAGINATION_NEXT_CURSOR);
  bz_record_take_object (feed, BZ_FEED_PAGINATION, pagination);
  return feed;
}

/* --- Posts ----------------------------------------------------------------------------- */

/* RATE_LIMITED with Retry-After when @author has %BZ_POSTS_PER_HOUR posts in
 * the last %BZ_POSTS_WINDOW_S seconds: the wait is until the oldest of them
 * leaves the window. */
static gboolean
check_post_rate (BzStore *store, const char *author, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) start = g_date_time_add_seconds (now, -BZ_POSTS_WINDOW_S);
  g_autofree char *since = g_date_time_format (start, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *oldest = NULL;
  g_autoptr(GDateTime) oldest_t = NULL;
  gint64 count = 0, wait;
  GError *e;

  if (!bz_social_repo_recent_posts (store, author, since, &count, &oldest, error))
    return FALSE;
  if (count < BZ_POSTS_PER_HOUR)
    return TRUE;
  oldest_t = oldest ? g_date_time_new_from_iso8601 (oldest, NULL) : NULL;
  wait = oldest_t ? g_date_time_to_unix (oldest_t) + BZ_POSTS_WINDOW_S - g_date_time_to_unix (now) : BZ_POSTS_WINDOW_S;
  wait = CLAMP (wait, 1, BZ_POSTS_WINDOW_S);
  e = g_error_new (BZ_ERROR, BZ_ERROR_RATE_LIMITED,
                   ngettext ("You can publish %d post per hour. Try again in %u second.",
                             "You can publish %d posts per hour. Try again in %u seconds.", (gulong) wait),
                   BZ_POSTS_PER_HOUR, (guint) wait);
  bz_error_set_retry_after (e, (guint) wait);
  g_propagate_error (error, e);
  return FALSE;
}

/* NOT_FOUND unless the caller may post in @group_id / @circle_id. */
static gboolean
check_audience_target (BzStore *store, const BzCaller *caller, const char *visibility, const char *group_id,
                       const char *circle_id, GError **error)
{
  if (g_strcmp0 (visibility, "group") == 0)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(BzRecord) g = bz_social_repo_get_group (store, group_id, caller->user_id, NULL, &local);
      const char *role = g ? bz_record_get_string (g, BZ_GROUP_MY_ROLE) : NULL;
      if (local)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (role == NULL || strcmp (role, "pending") == 0)
        {
          not_found (error, _("Group not found"));
          return FALSE;
        }
    }
  else if (g_strcmp0 (visibility, "family_circle") == 0)
    {
      g_autofree char *role = NULL;
      if (!bz_social_repo_circle_role (store, circle_id, caller->user_id, &role, error))
        return FALSE;
      if (role == NULL)
        {
          not_found (error, _("Family circle not found"));
          return FALSE;
        }
    }
  return TRUE;
}

static char *
progress_json (BzRecord *progress)
{
  g_autoptr(JsonNode) node = NULL;
  double before, after;

  if (progress == NULL)
    return NULL;
  before = bz_record_has (progress, BZ_PROGRESS_DATA_WEIGHT_BEFORE_KG) ? bz_record_get_double (progress, BZ_PROGRESS_DATA_WEIGHT_BEFORE_KG) : NAN;
  after = bz_record_has (progress, BZ_PROGRESS_DATA_WEIGHT_AFTER_KG) ? bz_record_get_double (progress, BZ_PROGRESS_DATA_WEIGHT_AFTER_KG) : NAN;
  if (!bz_record_has (progress, BZ_PROGRESS_DATA_WEIGHT_LOST_KG) && !isnan (before) && !isnan (after))
    bz_record_set_double (progress, BZ_PROGRESS_DATA_WEIGHT_LOST_KG, round ((before - after) * 100) / 100);
  node = bz_record_to_json_node (progress);
  return json_to_string (node, FALSE);
}

static char *
strv_json (const char *const *strv)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; strv && strv[i]; i++)
    json_builder_add_string_value (b, strv[i]);
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

/* Photos into the blob store (display copies only) and the post, in one transaction. */
static gboolean
store_post (BzStore *store, const BzCaller *caller, BzRecord *post, BzRecord *in, BzPhoto *photos, guint n_photos,
            GError **error)
{
  g_autoptr(GPtrArray) shas = g_ptr_array_new_with_free_func (g_free);
  BzSocialPhotoRow rows[BZ_POST_MAX_PHOTOS];
  g_autofree char *progress = progress_json (bz_record_get_object (in, BZ_POST_INPUT_PROGRESS_DATA));
  g_autofree char *tags = strv_json (bz_record_get_strv (in, BZ_POST_INPUT_TAGS));

  if (!bz_store_begin (store, error))
    return FALSE;
  /* Checked again inside the write lock: two uploads at once cannot both pass. */
  if (!check_post_rate (store, caller->user_id, error))
    goto fail;
  for (guint i = 0; i < n_photos; i++)
    {
      char *sha = NULL;
      if (!bz_blob_put (store, photos[i].display, "image/jpeg", &sha, error))
        goto fail;
      g_ptr_array_add (shas, sha);
      rows[i] = (BzSocialPhotoRow) { sha, photos[i].width, photos[i].height };
    }
  if (!bz_social_repo_insert_post (store, post, caller->user_id, progress, tags, rows, n_photos, error) ||
      !bz_store_commit (store, error))
    goto fail;
  bz_store_notify (store, "posts", bz_record_get_string (post, BZ_POST_ID));
  return TRUE;

fail:
  bz_store_rollback (store);
  return FALSE;
}

BzRecord *
bz_social_create_post (BzServices *svc, const BzCaller *caller, JsonObject *input, GPtrArray *photos, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL, post = NULL, stored = NULL;
  BzPhoto prepared[BZ_POST_MAX_PHOTOS] = { { 0 } };
  guint n_photos = photos ? photos->len : 0;
  const char *visibility, *group_id, *circle_id;
  g_autofree char *id = NULL, *now = NULL;
  gboolean ok;
  BzRecord *created;

  if (!bz_social_need_caller (caller, error))
    return NULL;
  in = bz_resource_parse_closed (&bz_post_input_resource, input, NULL, &v);
  if (n_photos > BZ_POST_MAX_PHOTOS)
    {
      g_autofree char *m = g_strdup_printf (_("A post may have at most %d photos"), BZ_POST_MAX_PHOTOS);
      bz_validation_add (&v, "files", "too_many_items", m);
    }
  for (guint i = 0; i < n_photos && i < BZ_POST_MAX_PHOTOS; i++)
    if (g_bytes_get_size (g_ptr_array_index (photos, i)) == 0)
      {
        g_autofree char *f = g_strdup_printf ("files[%u]", i);
        bz_validation_add (&v, f, "required", _("This photo is empty"));
      }
  if (in == NULL)
    {
      bz_validation_finish (&v, error);
      return NULL;
    }
  bz_social_check_text (in, BZ_POST_INPUT_BODY, &v);
  group_id = bz_record_get_string (in, BZ_POST_INPUT_GROUP_ID);
  circle_id = bz_record_get_string (in, BZ_POST_INPUT_FAMILY_CIRCLE_ID);
  visibility = bz_record_get_string (in, BZ_POST_INPUT_VISIBILITY);
  if (visibility == NULL)
    visibility = group_id ? "group" : circle_id ? "family_circle" : "public";
  if (strcmp (visibility, "group") == 0 && group_id == NULL)
    bz_validation_add (&v, "group_id", "required", _("Choose the group"));
  if (strcmp (visibility, "group") != 0 && group_id)
    bz_validation_add (&v, "group_id", "not_allowed", _("group_id is only for posts with visibility group"));
  if (strcmp (visibility, "family_circle") == 0 && circle_id == NULL)
    bz_validation_add (&v, "family_circle_id", "required", _("Choose the family circle"));
  if (strcmp (visibility, "family_circle") != 0 && circle_id)
    bz_validation_add (&v, "family_circle_id", "not_allowed",
                       _("family_circle_id is only for posts with visibility family_circle"));
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (!check_audience_target (store, caller, visibility, group_id, circle_id, error) ||
      !check_post_rate (store, caller->user_id, error))
    return NULL;

  id = g_uuid_string_random ();
  now = bz_now_iso8601 ();
  post = bz_record_new (&bz_post_resource);
  bz_record_set_string (post, BZ_POST_ID, id);
  bz_record_set_string (post, BZ_POST_TYPE, bz_record_get_string (in, BZ_POST_INPUT_TYPE));
  bz_record_set_string (post, BZ_POST_TITLE, bz_record_get_string (in, BZ_POST_INPUT_TITLE));
  bz_record_set_string (post, BZ_POST_BODY, bz_record_get_string (in, BZ_POST_INPUT_BODY));
  bz_record_set_string (post, BZ_POST_VISIBILITY, visibility);
  bz_record_set_string (post, BZ_POST_GROUP_ID, group_id);
  bz_record_set_string (post, BZ_POST_FAMILY_CIRCLE_ID, circle_id);
  bz_record_set_string (post, BZ_POST_CREATED_AT, now);

  ok = TRUE;
  for (guint i = 0; ok && i < n_photos; i++)
    {
      g_autofree char *field = g_strdup_printf ("files[%u]", i);
      ok = bz_photo_prepare (g_ptr_array_index (photos, i), field, &prepared[i], error);
    }
  ok = ok && store_post (store, caller, post, in, prepared, n_photos, error);
  for (guint i = 0; i < n_photos; i++)
    bz_photo_clear (&prepared[i]);
  if (!ok)
    return NULL;
  if (!(stored = visible_post (store, caller, id, error)))
    return NULL;
  bz_social_events_post (svc, caller, stored);
  created = bz_record_new (&bz_post_created_resource);
  bz_record_take_object (created, BZ_POST_CREATED_POST, g_steal_pointer (&stored));
  return created;
}

BzRecord *
bz_social_get_post (BzServices *svc, const BzCaller *caller, const char *post_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(BzRecord) post = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  BzRecord *detail;

  if (!bz_social_need_caller (caller, error) || !(post = visible_post (store, caller, post_id, error)) ||
      !(comments = bz_social_repo_list_comments (store, post_id, error)))
    return NULL;
  detail = bz_record_new (&bz_post_detail_resource);
  bz_record_take_object (detail, BZ_POST_DETAIL_POST, g_steal_pointer (&post));
  bz_record_set_empty_array (detail, BZ_POST_DETAIL_COMMENTS);
  for (guint i = 0; i < comments->len; i++)
    bz_record_append (detail, BZ_POST_DETAIL_COMMENTS, g_object_ref (g_ptr_array_index (comments, i)));
  return detail;
}

GBytes *
bz_social_get_photo (BzServices *svc, const BzCaller *caller, const char *post_id, const char *position,
                     char **out_etag, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(BzRecord) post = NULL;
  g_autofree char *sha = NULL;
  guint64 pos = 0;
  GBytes *bytes;

  if (!bz_social_need_caller (caller, error) || !(post = visible_post (store, caller, post_id, error)))
    return NULL;
  if (position == NULL || !g_ascii_string_to_unsigned (position, 10, 0, BZ_POST_MAX_PHOTOS - 1, &pos, NULL) ||
      !bz_social_repo_photo (store, post_id, (guint) pos, &sha, error))
    {
      if (error && *error == NULL)
        not_found (error, _("Photo not found"));
      return NULL;
    }
  bytes = bz_blob_get (store, sha, NULL, error);
  if (bytes && out_etag)
    *out_etag = g_steal_pointer (&sha);
  return bytes;
}

/* --- Reactions and comments ----------------------------------------------------------- */

BzRecord *
bz_social_react (BzServices *svc, const BzCaller *caller, const char *post_id, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) post = NULL, in = NULL, reaction = NULL;
  g_autofree char *id = NULL, *now = NULL;
  BzRecord *created;

  if (!bz_social_need_caller (caller, error) || !(post = visible_post (store, caller, post_id, error)))
    return NULL;
  in = bz_resource_parse_closed (&bz_reaction_input_resource, input, NULL, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (bz_record_get_boolean (post, BZ_POST_HAS_LIKED))
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_CONFLICT,
                           _("You already reacted to this post: remove your reaction to change it"));
      return NULL;
    }
  id = g_uuid_string_random ();
  now = bz_now_iso8601 ();
  reaction = bz_record_new (&bz_reaction_resource);
  bz_record_set_string (reaction, BZ_REACTION_ID, id);
  bz_record_set_string (reaction, BZ_REACTION_REACTION_TYPE, bz_record_get_string (in, BZ_REACTION_INPUT_REACTION_TYPE));
  bz_record_set_string (reaction, BZ_REACTION_CREATED_AT, now);
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_social_repo_insert_reaction (store, post_id, caller->user_id, reaction, error) ||
      !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      if (error && *error && (*error)->code == BZ_ERROR_CONFLICT)
        {
          g_clear_error (error);
          g_set_error_literal (error, BZ_ERROR, BZ_ERROR_CONFLICT, _("You already reacted to this post"));
        }
      return NULL;
    }
  bz_store_notify (store, "reactions", post_id);
  bz_social_events_reaction (svc, caller, post, bz_record_get_string (reaction, BZ_REACTION_REACTION_TYPE));
  created = bz_record_new (&bz_reaction_created_resource);
  bz_record_take_object (created, BZ_REACTION_CREATED_REACTION, g_steal_pointer (&reaction));
  return created;
}

gboolean
bz_social_unreact (BzServices *svc, const BzCaller *caller, const char *post_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(BzRecord) post = NULL;
  gboolean deleted = FALSE;

  if (!bz_social_need_caller (caller, error) || !(post = visible_post (store, caller, post_id, error)))
    return FALSE;
  if (!bz_record_get_boolean (post, BZ_POST_HAS_LIKED))
    {
      not_found (error, _("You have not reacted to this post"));
      return FALSE;
    }
  if (!bz_store_begin (store, error))
    return FALSE;
  if (!bz_social_repo_delete_reaction (store, post_id, caller->user_id, &deleted, error) ||
      !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return FALSE;
    }
  bz_store_notify (store, "reactions", post_id);
  if (!deleted)
    not_found (error, _("You have not reacted to this post"));
  return deleted;
}

BzRecord *
bz_social_add_comment (BzServices *svc, const BzCaller *caller, const char *post_id, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) post = NULL, in = NULL, comment = NULL, stored = NULL;
  g_autofree char *id = NULL, *now = NULL;
  const char *parent;
  gint depth = -1;
  BzRecord *created;

  if (!bz_social_need_caller (caller, error) || !(post = visible_post (store, caller, post_id, error)))
    return NULL;
  in = bz_resource_parse_closed (&bz_comment_input_resource, input, NULL, &v);
  if (in)
    bz_social_check_text (in, BZ_COMMENT_INPUT_CONTENT, &v);
  parent = in ? bz_record_get_string (in, BZ_COMMENT_INPUT_PARENT_COMMENT_ID) : NULL;
  if (parent)
    {
      if (!bz_social_repo_comment_depth (store, post_id, parent, &depth, error))
        return NULL;
      if (depth < 0)
        bz_validation_add (&v, "parent_comment_id", "not_found", _("No such comment on this post"));
      else if (depth >= BZ_COMMENT_MAX_DEPTH)
        bz_validation_add (&v, "parent_comment_id", "too_deep",
                           _("Replies go three levels deep: answer the comment above this one"));
    }
  if (!bz_validation_finish (&v, error))
    return NULL;
  id = g_uuid_string_random ();
  now = bz_now_iso8601 ();
  comment = bz_record_new (&bz_comment_resource);
  bz_record_set_string (comment, BZ_COMMENT_ID, id);
  bz_record_set_string (comment, BZ_COMMENT_POST_ID, post_id);
  bz_record_set_string (comment, BZ_COMMENT_PARENT_COMMENT_ID, parent);
  bz_record_set_int (comment, BZ_COMMENT_DEPTH_LEVEL, depth + 1);
  bz_record_set_string (comment, BZ_COMMENT_CONTENT, bz_record_get_string (in, BZ_COMMENT_INPUT_CONTENT));
  bz_record_set_string (comment, BZ_COMMENT_CREATED_AT, now);
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_social_repo_insert_comment (store, comment, caller->user_id, error) || !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  bz_store_notify (store, "comments", id);
  if (!(stored = bz_social_repo_get_comment (store, id, error)))
    {
      if (error && *error == NULL)
        g_set_error_literal (error, BZ_ERROR, BZ_ERROR_INTERNAL, _("The comment was not stored"));
      return NULL;
    }
  bz_social_events_comment (svc, caller, post, stored);
  created = bz_record_new (&bz_comment_created_resource);
  bz_record_take_object (created, BZ_COMMENT_CREATED_COMMENT, g_steal_pointer (&stored));
  return created;
}

/* --- Follows ------------------------------------------------------------------------------ */

BzRecord *
bz_social_follow (BzServices *svc, const BzCaller *caller, const char *user_id, gboolean follow, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  gboolean exists = FALSE;
  BzRecord *out;

  if (!bz_social_need_caller (caller, error))
    return NULL;
  if (user_id == NULL || !g_uuid_string_is_valid (user_id) ||
      (bz_social_repo_user_exists (store, user_id, &exists, error) && !exists))
    {
      if (error && *error == NULL)
        not_found (error, _("User not found"));
      return NULL;
    }
  if (error && *error)
    return NULL;
  if (strcmp (user_id, caller->user_id) == 0)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_VALIDATION, _("You cannot follow yourself"));
      bz_error_add_detail (*error, "user_id", "invalid_choice", (*error)->message);
      return NULL;
    }
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_social_repo_set_follow (store, caller->user_id, user_id, follow, error) || !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  bz_store_notify (store, "follows", user_id);
  if (follow)
    bz_social_events_follow (svc, caller, user_id);
  out = bz_record_new (&bz_follow_resource);
  bz_record_set_string (out, BZ_FOLLOW_USER_ID, user_id);
  bz_record_set_boolean (out, BZ_FOLLOW_FOLLOWING, follow);
  return out;
}
