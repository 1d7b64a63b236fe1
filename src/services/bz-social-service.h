/* bz-social-service.h — the social layer (issue 10; seed 002 §3.3, §4.3,
 * §4.8, §7.4.2): the feed, posts with photos, comments, reactions, follows,
 * groups and family circles.
 *
 * Who sees what: one predicate, in the store (bz-social-repo.h), decides
 * whether a user may see a post; the feed, reading a post or its photos,
 * commenting and reacting all go through it, and a post the caller may not
 * see answers %BZ_ERROR_NOT_FOUND exactly as an unknown id does.  The same
 * predicate gives a post's audience (bz_social_post_audience()) for
 * real-time delivery.
 *
 * Text (bodies, comments, names, goals) is stored as written: never
 * sanitised, never interpreted as markup; JSON escaping on output is the
 * only transformation.  Every refusal leaves the store as it was.
 *
 * After each write commits, watchers (bz_store_watch()) hear of it: "posts"
 * with the post's id, "comments" with the comment's id, "reactions" with the
 * post's id (on adding and on removing), "follows" with the followed user,
 * "social_groups"/"group_members" and "family_circles"/"family_circle_members"
 * with the group's or circle's id.
 *
 * Every call is synchronous and runs on the calling thread's connection
 * (the HTTP handlers' worker threads); a %NULL caller gets
 * %BZ_ERROR_UNAUTHENTICATED.
 */
#pragma once

#include "bz-services.h"
#include "bz-social-resources.h"

G_BEGIN_DECLS

/* --- Real-time hook ------------------------------------------------------------ */

/**
 * bz_social_post_audience:
 * @svc: the service layer
 * @post_id: a posts.id
 * @error: %BZ_ERROR_INTERNAL on a database error
 *
 * The users.id of every active user allowed to see @post_id now, the author
 * included, decided by the same predicate as the feed (public: every active
 * user; followers: the author's followers; group: the group's members, not
 * pending ones; family_circle: the circle's members; nutritionist_only: the
 * author's nutritionist; private: the author).  Sorted; empty (not %NULL)
 * when the post does not exist or was deleted.
 *
 * For the WebSocket hub (seed 002 §4.8): after a successful
 * bz_social_create_post() (family_circle:new_post, to the audience of a
 * family-circle post), bz_social_add_comment() (post:new_comment) and
 * bz_social_react() (post:new_reaction), send the event to the returned
 * users only.  Call it after the write committed, on any thread (it uses the
 * calling thread's connection).
 *
 * Returns: (transfer full): a %NULL-terminated array of ids; %NULL with @error.
 */
GStrv     bz_social_post_audience (BzServices *svc, const char *post_id, GError **error);

/**
 * bz_social_get_author:
 * @svc: the service layer
 * @user_id: a users.id (the caller of bz_social_react(), for instance)
 * @error: %BZ_ERROR_NOT_FOUND when there is no such user
 *
 * The seed 002 §4.3 author object {id, username, full_name, photo_url,
 * user_type} of a user: the "user" of a post:new_reaction event (§4.8),
 * which the ReactionCreated answer does not carry.
 *
 * Returns: (transfer full): a PostAuthor record; %NULL with @error.
 */
BzRecord *bz_social_get_author (BzServices *svc, const char *user_id, GError **error);

/* --- Feed and posts --------------------------------------------------------------- */

/**
 * BzFeedParams:
 * @page: from 1 (seed 002 §4.3); ignored when @cursor is set
 * @limit: 1 to %BZ_LIST_LIMIT_MAX
 * @cursor: (nullable): next_cursor of the previous page
 * @type: (nullable): a post type (bz_vocab_post_type; Spanish accepted)
 * @group_id: (nullable): only this group's posts
 * @family_circle_id: (nullable): only this circle's posts (its shared feed)
 * @author_id: (nullable): only this author's posts
 */
typedef struct
{
  guint page;
  guint limit;
  const char *cursor;
  const char *type;
  const char *group_id;
  const char *family_circle_id;
  const char *author_id;
} BzFeedParams;

/**
 * bz_social_feed:
 * @error: %BZ_ERROR_VALIDATION (cursor invalid_format, type invalid_choice,
 *   ids invalid_format)
 *
 * The posts the caller may see, ranked by seed 002 §3.3's virality score
 * (bz_social_repo_feed()), filtered.  The first page fixes the ranking's
 * clock, which next_cursor carries with the last post's (score, created_at,
 * id): the next page starts strictly after it in that total order, so while
 * counts stay still no post repeats or is skipped; posts published meanwhile
 * wait for the next first page, and a post whose reactions change between
 * two pages may move across the cursor (keyset paging over a live ranking).
 *
 * Returns: (transfer full): a Feed record; %NULL with @error.
 */
BzRecord *bz_social_feed        (BzServices *svc, const BzCaller *caller, const BzFeedParams *params, GError **error);

/**
 * bz_social_create_post:
 * @input: a PostCreate object (type, body, title?, visibility?, group_id?,
 *   family_circle_id?, progress_data?, tags?)
 * @photos: (nullable) (element-type GBytes): uploaded photos, at most
 *   %BZ_POST_MAX_PHOTOS, each through bz_photo_prepare(): only the display
 *   copy (at most 1280 px, no EXIF) is kept, in the blob store
 * @error: %BZ_ERROR_VALIDATION with field details; %BZ_ERROR_NOT_FOUND when
 *   group_id / family_circle_id is not one of the caller's; the photo errors
 *   of bz_photo_prepare(); %BZ_ERROR_RATE_LIMITED with a Retry-After past
 *   %BZ_POSTS_PER_HOUR posts in the last hour (seed 002 §7.4.2)
 *
 * Without visibility, a post with group_id is a group post and one with
 * family_circle_id a circle post; otherwise public.
 *
 * Returns: (transfer full): a PostCreated record.
 */
BzRecord *bz_social_create_post (BzServices *svc, const BzCaller *caller, JsonObject *input, GPtrArray *photos,
                                 GError **error);

/**
 * bz_social_get_post:
 * @error: %BZ_ERROR_NOT_FOUND when unknown or not visible to the caller
 *
 * Returns: (transfer full): a PostDetail (the post and its comments, oldest first).
 */
BzRecord *bz_social_get_post    (BzServices *svc, const BzCaller *caller, const char *post_id, GError **error);

/**
 * bz_social_get_photo:
 * @position: the photo's index in media_urls, as text
 * @out_etag: (out) (transfer full): the blob's SHA-256
 *
 * Returns: (transfer full): the display copy (JPEG) of a photo of a post the
 *   caller may see; %NULL with %BZ_ERROR_NOT_FOUND otherwise.
 */
GBytes   *bz_social_get_photo   (BzServices *svc, const BzCaller *caller, const char *post_id, const char *position,
                                 char **out_etag, GError **error);

/**
 * bz_social_react:
 * @input: a ReactionCreate object {reaction_type}
 * @error: %BZ_ERROR_NOT_FOUND (post unknown or not visible);
 *   %BZ_ERROR_VALIDATION; %BZ_ERROR_CONFLICT when the caller already reacted
 *   (one reaction per user per post, seed 002 §3.3 UNIQUE(user_id, post_id):
 *   DELETE it first to change it)
 *
 * Returns: (transfer full): a ReactionCreated record.
 */
BzRecord *bz_social_react       (BzServices *svc, const BzCaller *caller, const char *post_id, JsonObject *input,
                                 GError **error);

/**
 * bz_social_unreact:
 * @error: %BZ_ERROR_NOT_FOUND when the post is not visible or the caller has no reaction on it
 *
 * Returns: %TRUE when the caller's reaction was removed.
 */
gboolean  bz_social_unreact     (BzServices *svc, const BzCaller *caller, const char *post_id, GError **error);

/**
 * bz_social_add_comment:
 * @input: a CommentCreate object {content, parent_comment_id?}
 * @error: %BZ_ERROR_NOT_FOUND (post); %BZ_ERROR_VALIDATION: content
 *   required/too_long/too_short, parent_comment_id "not_found" (not a comment
 *   of this post) or "too_deep" (a reply to a depth-2 comment: seed 002
 *   §3.3 allows three levels, %BZ_COMMENT_MAX_DEPTH)
 *
 * Returns: (transfer full): a CommentCreated record.
 */
BzRecord *bz_social_add_comment (BzServices *svc, const BzCaller *caller, const char *post_id, JsonObject *input,
                                 GError **error);

/**
 * bz_social_follow:
 * @follow: %TRUE to follow, %FALSE to stop
 * @error: %BZ_ERROR_NOT_FOUND (no such active user); %BZ_ERROR_VALIDATION
 *   when following oneself
 *
 * Returns: (transfer full): a Follow record.
 */
BzRecord *bz_social_follow      (BzServices *svc, const BzCaller *caller, const char *user_id, gboolean follow,
                                 GError **error);

/* --- For the GUI: the same calls on a worker thread (bz-social-tasks.c) --------------- */

/**
 * bz_social_feed_async:
 * @params: copied
 *
 * bz_social_feed() on a worker thread (GIO style; the callback runs on the
 * caller's thread-default main context); finish with bz_social_feed_finish().
 */
void      bz_social_feed_async        (BzServices *svc, const BzCaller *caller, const BzFeedParams *params,
                                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
/**
 * bz_social_feed_finish:
 * Returns: (transfer full): the Feed, or %NULL with bz_social_feed()'s
 *   errors or %G_IO_ERROR_CANCELLED.
 */
BzRecord *bz_social_feed_finish       (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_social_get_post_async:
 *
 * bz_social_get_post() on a worker thread; finish with bz_social_get_post_finish().
 */
void      bz_social_get_post_async    (BzServices *svc, const BzCaller *caller, const char *post_id,
                                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
/**
 * bz_social_get_post_finish:
 * Returns: (transfer full): the PostDetail, or %NULL with @error.
 */
BzRecord *bz_social_get_post_finish   (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_social_create_post_async:
 * @input: a PostCreate object (copied); no photos
 *
 * bz_social_create_post() on a worker thread; finish with bz_social_create_post_finish().
 */
void      bz_social_create_post_async (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
/**
 * bz_social_create_post_finish:
 * Returns: (transfer full): the PostCreated, or %NULL with @error.
 */
BzRecord *bz_social_create_post_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_social_add_comment_async:
 * @input: a CommentCreate object (copied)
 *
 * bz_social_add_comment() on a worker thread; finish with bz_social_add_comment_finish().
 */
void      bz_social_add_comment_async (BzServices *svc, const BzCaller *caller, const char *post_id, JsonObject *input,
                                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
/**
 * bz_social_add_comment_finish:
 * Returns: (transfer full): the CommentCreated, or %NULL with @error.
 */
BzRecord *bz_social_add_comment_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_social_react_async:
 * @input: a ReactionCreate object (copied)
 *
 * bz_social_react() on a worker thread; finish with bz_social_react_finish().
 */
void      bz_social_react_async       (BzServices *svc, const BzCaller *caller, const char *post_id, JsonObject *input,
                                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
/**
 * bz_social_react_finish:
 * Returns: (transfer full): the ReactionCreated, or %NULL with @error.
 */
BzRecord *bz_social_react_finish      (BzServices *svc, GAsyncResult *result, GError **error);

/* --- Groups (bz-social-groups.c) ----------------------------------------------------- */

/**
 * bz_social_create_group:
 * @input: a GroupCreate object {name, description?, type?}
 * @error: %BZ_ERROR_VALIDATION
 *
 * The caller becomes its admin (seed 002 §3.3 group_members.role).  A new
 * invite code (%BZ_INVITE_CODE_BYTES random bytes, base64url) is returned
 * once in invite_code and stored as its SHA-256.
 *
 * Returns: (transfer full): the Group.
 */
BzRecord *bz_social_create_group (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

/**
 * bz_social_join_group:
 * @input: (nullable): a JoinRequest {invite_code?}
 * @error: %BZ_ERROR_NOT_FOUND (unknown group; a private group without the
 *   right code: the code is compared in constant time with the stored hash);
 *   %BZ_ERROR_FORBIDDEN (nutritionist_only / patient_only and the caller's
 *   role differs); %BZ_ERROR_CONFLICT (already a member)
 *
 * Open groups and a right invite code make a member; closed groups without
 * a code make a pending member (no access until approved).
 *
 * Returns: (transfer full): the caller's Membership.
 */
BzRecord *bz_social_join_group   (BzServices *svc, const BzCaller *caller, const char *group_id, JsonObject *input,
                                  GError **error);

/**
 * bz_social_leave_group:
 * @error: %BZ_ERROR_NOT_FOUND (not a member); %BZ_ERROR_CONFLICT (the last
 *   admin while other members remain)
 *
 * Returns: (transfer full): the Membership, member false.
 */
BzRecord *bz_social_leave_group  (BzServices *svc, const BzCaller *caller, const char *group_id, GError **error);

/**
 * bz_social_get_group:
 * @error: %BZ_ERROR_NOT_FOUND (unknown; a private group the caller is not in)
 *
 * Returns: (transfer full): the Group with the caller's my_role.
 */
BzRecord *bz_social_get_group    (BzServices *svc, const BzCaller *caller, const char *group_id, GError **error);

/**
 * bz_social_set_group_role:
 * @user_id: the member to change (users.id)
 * @input: a GroupMemberUpdate object {role: admin, moderator or member}
 * @error: %BZ_ERROR_NOT_FOUND (the caller or @user_id is not in the group);
 *   %BZ_ERROR_FORBIDDEN (the caller is not an admin); %BZ_ERROR_VALIDATION
 *   (role pending or unknown); %BZ_ERROR_CONFLICT (the only admin demoting
 *   themselves)
 *
 * Approves a pending member (seed 002 §3.3 'closed' groups: "request to
 * join"), or promotes or demotes one.
 *
 * Returns: (transfer full): the member's Membership.
 */
BzRecord *bz_social_set_group_role (BzServices *svc, const BzCaller *caller, const char *group_id, const char *user_id,
                                    JsonObject *input, GError **error);

/**
 * bz_social_group_invite:
 * @error: %BZ_ERROR_NOT_FOUND (not a member); %BZ_ERROR_FORBIDDEN (not an admin or moderator)
 *
 * Replaces the group's invite code: the previous one stops working.
 *
 * Returns: (transfer full): the Group with its new invite_code.
 */
BzRecord *bz_social_group_invite (BzServices *svc, const BzCaller *caller, const char *group_id, GError **error);

/* --- Family circles (bz-social-groups.c) -------------------------------------------- */

/**
 * bz_social_create_circle:
 * @input: a FamilyCircleCreate object {name, description?, family_goals?}
 * @error: %BZ_ERROR_FORBIDDEN unless the caller is a patient;
 *   %BZ_ERROR_CONFLICT when the patient has no nutritionist (seed 002 §3.3:
 *   family_circles.nutritionist_id NOT NULL, "Nutritionist is auto-included");
 *   %BZ_ERROR_VALIDATION
 *
 * The caller is its owner, the caller's nutritionist a member (role
 * nutritionist).  Returns the invite code once, as bz_social_create_group().
 *
 * Returns: (transfer full): the FamilyCircle.
 */
BzRecord *bz_social_create_circle (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

/**
 * bz_social_get_circle:
 * @error: %BZ_ERROR_NOT_FOUND unless the caller is a member
 *
 * Returns: (transfer full): the FamilyCircle with members and goals.
 */
BzRecord *bz_social_get_circle    (BzServices *svc, const BzCaller *caller, const char *circle_id, GError **error);

/**
 * bz_social_update_circle:
 * @input: a FamilyCircleCreate object, every member optional (at least one)
 * @error: %BZ_ERROR_NOT_FOUND (not a member); %BZ_ERROR_FORBIDDEN (not the
 *   owner or the nutritionist); %BZ_ERROR_VALIDATION
 *
 * Changes the name, description or shared goals.
 *
 * Returns: (transfer full): the FamilyCircle as stored.
 */
BzRecord *bz_social_update_circle (BzServices *svc, const BzCaller *caller, const char *circle_id, JsonObject *input,
                                   GError **error);

/**
 * bz_social_join_circle:
 * @input: a JoinRequest {invite_code, relationship?}
 * @error: %BZ_ERROR_NOT_FOUND (unknown circle or wrong code: the same
 *   answer); %BZ_ERROR_CONFLICT (already a member); %BZ_ERROR_VALIDATION
 *   (invite_code required)
 *
 * Returns: (transfer full): the Membership (role family_member).
 */
BzRecord *bz_social_join_circle   (BzServices *svc, const BzCaller *caller, const char *circle_id, JsonObject *input,
                                   GError **error);

/**
 * bz_social_leave_circle:
 * @error: %BZ_ERROR_NOT_FOUND (not a member); %BZ_ERROR_CONFLICT (the owner
 *   and the nutritionist stay)
 *
 * Returns: (transfer full): the Membership, member false.
 */
BzRecord *bz_social_leave_circle  (BzServices *svc, const BzCaller *caller, const char *circle_id, GError **error);

/**
 * bz_social_circle_invite:
 * @error: %BZ_ERROR_NOT_FOUND (not a member); %BZ_ERROR_FORBIDDEN (not the owner or the nutritionist)
 *
 * Returns: (transfer full): the FamilyCircle with a new invite_code (the old one stops working).
 */
BzRecord *bz_social_circle_invite (BzServices *svc, const BzCaller *caller, const char *circle_id, GError **error);

G_END_DECLS
