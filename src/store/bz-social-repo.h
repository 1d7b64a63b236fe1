/* bz-social-repo.h — posts, comments, reactions, follows, groups and family
 * circles (data/sql/028_social.sql), read as records of
 * bz-social-resources.h.
 *
 * Visibility lives here, in ONE place: the SQL predicate "may user V see
 * post P" (bz-social-repo.c, VISIBLE()) is the only test used by the feed
 * (bz_social_repo_feed()), by reading a post (bz_social_repo_get_visible()),
 * and therefore by commenting and reacting (the service reads the post
 * through bz_social_repo_get_visible() first), and by the audience of a post
 * (bz_social_repo_audience()).  A post V may see is one that is not deleted,
 * is approved, and is V's own, or public, or 'followers' and V follows its
 * author, or 'group' and V is a member (not pending) of its group, or
 * 'family_circle' and V is a member of its circle, or 'nutritionist_only'
 * and V is the author's nutritionist; 'private' is its author's only.
 *
 * Every function runs on the calling thread's connection; writers run inside
 * the caller's transaction (bz_store_begin()), keep the counters of seed 002
 * §3.3 in it, and append their rows to the change log with the author's
 * patient (bz_store_log_patient_change(); NULL for a nutritionist's rows).
 */
#pragma once

#include "bz-social-resources.h"
#include "bz-store.h"

G_BEGIN_DECLS

/* --- Posts -------------------------------------------------------------------- */

/**
 * BzSocialPhotoRow:
 * @display_sha256: the display copy's blob (bz_blob_put())
 * @width: the original's width (px)
 * @height: the original's height (px)
 */
typedef struct
{
  const char *display_sha256;
  guint width, height;
} BzSocialPhotoRow;

/**
 * bz_social_repo_insert_post:
 * @post: a Post record with id, type, title, body, visibility, group_id,
 *   family_circle_id, created_at, updated_at set (author is @author_id)
 * @progress_json: (nullable): progress_data as a JSON object text
 * @tags_json: a JSON array of strings
 * @photos: (array length=n_photos): in order
 * @error: BZ_ERROR_CONFLICT (unknown group or circle), BZ_ERROR_INTERNAL
 *
 * Inserts the post and its photos; for a group post, the group's post_count
 * and last_post_at and the author's posts_count in it.  Logs "posts" insert.
 *
 * Returns: %TRUE when inserted.
 */
gboolean   bz_social_repo_insert_post (BzStore *store, BzRecord *post, const char *author_id, const char *progress_json,
                                       const char *tags_json, const BzSocialPhotoRow *photos, guint n_photos,
                                       GError **error);

/**
 * bz_social_repo_recent_posts:
 * @since: ISO 8601 UTC: the window's start
 * @out_count: (out): the author's posts created at or after @since (deleted ones too)
 * @out_oldest: (out) (transfer full) (nullable): the oldest of them
 *
 * For %BZ_POSTS_PER_HOUR.  Returns: %FALSE with @error on a database error.
 */
gboolean   bz_social_repo_recent_posts (BzStore *store, const char *author_id, const char *since,
                                        gint64 *out_count, char **out_oldest, GError **error);

/**
 * bz_social_repo_get_visible:
 * @viewer_id: users.id of who asks
 *
 * Returns: (transfer full) (nullable): the Post @post_id as @viewer_id sees
 *   it (has_liked, my_reaction), or %NULL without @error when there is none
 *   or @viewer_id may not see it: the two are the same answer.
 */
BzRecord  *bz_social_repo_get_visible (BzStore *store, const char *post_id, const char *viewer_id, GError **error);

/**
 * BzSocialFeedQuery:
 * @viewer_id: users.id of who asks
 * @as_of: ISO 8601 UTC: the ranking's clock; posts created later are left out
 * @type: (nullable): only this post type
 * @group_id: (nullable): only this group's posts
 * @family_circle_id: (nullable): only this circle's posts
 * @author_id: (nullable): only this author's posts
 * @after_score: with @after_id: the keyset cursor's last post (score)
 * @after_created_at: (nullable): the cursor's last post's created_at
 * @after_id: (nullable): the cursor's last post; %NULL for the first page
 * @limit: posts to return
 * @offset: posts skipped (page mode; 0 with a cursor)
 */
typedef struct
{
  const char *viewer_id;
  const char *as_of;
  const char *type;
  const char *group_id;
  const char *family_circle_id;
  const char *author_id;
  gint64 after_score;
  const char *after_created_at;
  const char *after_id;
  guint limit;
  gint64 offset;
} BzSocialFeedQuery;

/**
 * bz_social_repo_feed:
 * @out_scores: (out) (transfer full) (element-type gint64): the score of each post returned
 *
 * The posts @q->viewer_id may see, ranked by the seed 002 §3.3 virality score
 * (likes + comments*3 + shares*5) / hours since the post, as of @q->as_of;
 * a post younger than an hour counts one hour (the score stays finite).  The
 * score is an integer in thousandths (likes per hour × 1000, truncated); ties
 * newest first, then by id, so the order is total and a keyset cursor exact.
 *
 * Returns: (transfer full) (element-type BzRecord): Post records; %NULL with @error.
 */
GPtrArray *bz_social_repo_feed (BzStore *store, const BzSocialFeedQuery *q, GArray **out_scores, GError **error);

/**
 * bz_social_repo_audience:
 *
 * Returns: (transfer full): the ids of every active user who may see
 *   @post_id (the author included), by the same predicate as the feed;
 *   empty when the post is gone; %NULL with @error.
 */
GStrv      bz_social_repo_audience (BzStore *store, const char *post_id, GError **error);

/**
 * bz_social_repo_photo:
 * @out_sha256: (out) (transfer full): the display copy's blob
 *
 * Returns: %TRUE when @post_id has a photo at @position (visibility is the caller's).
 */
gboolean   bz_social_repo_photo (BzStore *store, const char *post_id, guint position, char **out_sha256, GError **error);

/**
 * bz_social_repo_get_author:
 * @user_id: a users.id
 *
 * Returns: (transfer full) (nullable): the PostAuthor of @user_id; %NULL
 *   without @error when there is no such user.
 */
BzRecord  *bz_social_repo_get_author (BzStore *store, const char *user_id, GError **error);

/* --- Comments and reactions ------------------------------------------------------ */

/**
 * bz_social_repo_comment_depth:
 * @out_depth: (out): the depth_level of comment @comment_id of @post_id, or -1 when none
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean   bz_social_repo_comment_depth (BzStore *store, const char *post_id, const char *comment_id, gint *out_depth,
                                         GError **error);

/**
 * bz_social_repo_insert_comment:
 * @comment: a Comment record with id, post_id, parent_comment_id,
 *   depth_level, content, created_at set; the author is @author_id
 *
 * Inserts it, adds one to the post's comments_count (and the author's
 * comments_count in a group post's group), logs "comments" insert and
 * "posts" update.
 */
gboolean   bz_social_repo_insert_comment (BzStore *store, BzRecord *comment, const char *author_id, GError **error);

/**
 * bz_social_repo_get_comment:
 * @comment_id: a comments.id
 * @error: BZ_ERROR_INTERNAL on a database error
 *
 * Returns: (transfer full) (nullable): the Comment with its author; %NULL
 *   without @error when there is none.
 */
BzRecord  *bz_social_repo_get_comment (BzStore *store, const char *comment_id, GError **error);

/**
 * bz_social_repo_list_comments:
 * Returns: (transfer full) (element-type BzRecord): the post's comments, oldest first.
 */
GPtrArray *bz_social_repo_list_comments (BzStore *store, const char *post_id, GError **error);

/**
 * bz_social_repo_insert_reaction:
 * @reaction: a Reaction record (id, reaction_type, created_at)
 * @error: BZ_ERROR_CONFLICT when @user_id already reacted to @post_id
 *
 * Inserts it and adds one to likes_count and to the type's reaction_*
 * counter; logs "reactions" insert and "posts" update.
 */
gboolean   bz_social_repo_insert_reaction (BzStore *store, const char *post_id, const char *user_id, BzRecord *reaction,
                                           GError **error);

/**
 * bz_social_repo_delete_reaction:
 * @out_deleted: (out): whether there was one
 *
 * Deletes @user_id's reaction to @post_id and takes one from the counters.
 */
gboolean   bz_social_repo_delete_reaction (BzStore *store, const char *post_id, const char *user_id,
                                           gboolean *out_deleted, GError **error);

/* --- Follows ------------------------------------------------------------------------ */

/**
 * bz_social_repo_user_exists:
 * @out_exists: (out): whether @user_id is an active user
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean   bz_social_repo_user_exists (BzStore *store, const char *user_id, gboolean *out_exists, GError **error);

/**
 * bz_social_repo_set_follow:
 * @follow: %TRUE to follow, %FALSE to unfollow
 *
 * Adds or removes the follows row (idempotent either way) and logs
 * "follows" with the row id "follower:followee".
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean   bz_social_repo_set_follow (BzStore *store, const char *follower_id, const char *followee_id, gboolean follow,
                                      GError **error);

/* --- Groups (bz-social-groups-repo.c) ------------------------------------------------- */

/**
 * bz_social_repo_insert_group:
 * @group: a Group record (id, name, description, type, created_by, created_at)
 * @invite_hash: (nullable): SHA-256 hex of the invite code
 *
 * Inserts the group with its creator as its admin (member_count 1).
 */
gboolean   bz_social_repo_insert_group (BzStore *store, BzRecord *group, const char *invite_hash, GError **error);

/**
 * bz_social_repo_get_group:
 * @out_invite_hash: (out) (optional) (transfer full) (nullable): the stored invite hash
 *
 * Returns: (transfer full) (nullable): the Group with @viewer_id's my_role.
 */
BzRecord  *bz_social_repo_get_group (BzStore *store, const char *group_id, const char *viewer_id,
                                     char **out_invite_hash, GError **error);

/**
 * bz_social_repo_set_group_invite:
 * @invite_hash: SHA-256 hex of the new code (the old one stops matching)
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean   bz_social_repo_set_group_invite (BzStore *store, const char *group_id, const char *invite_hash, GError **error);

/**
 * bz_social_repo_add_group_member:
 * Adds @user_id with @role and one to member_count (unless @role is pending).
 */
gboolean   bz_social_repo_add_group_member (BzStore *store, const char *group_id, const char *user_id, const char *role,
                                            const char *invited_by, GError **error);

/**
 * bz_social_repo_remove_group_member:
 *
 * Removes @user_id from the group (a no-op when not a member) and takes one
 * from member_count unless the member was pending.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean   bz_social_repo_remove_group_member (BzStore *store, const char *group_id, const char *user_id, GError **error);

/**
 * bz_social_repo_group_role:
 * @out_role: (out) (transfer full) (nullable): @user_id's role in the group; %NULL when not a member
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean   bz_social_repo_group_role (BzStore *store, const char *group_id, const char *user_id, char **out_role,
                                      GError **error);

/**
 * bz_social_repo_set_group_role:
 * @role: admin, moderator or member
 *
 * Changes a member's role; a pending member so approved adds one to member_count.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean   bz_social_repo_set_group_role (BzStore *store, const char *group_id, const char *user_id, const char *role,
                                          GError **error);

/**
 * bz_social_repo_group_admins:
 * @out_n: (out): how many admins the group has
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean   bz_social_repo_group_admins (BzStore *store, const char *group_id, gint64 *out_n, GError **error);

/* --- Family circles (bz-social-groups-repo.c) ------------------------------------------ */

/**
 * bz_social_repo_insert_circle:
 * @circle: a FamilyCircle record (id, name, description, owner_id,
 *   nutritionist_id, family_goals, created_at)
 * @owner_user_id: the owner's users.id (member, role owner)
 *
 * Inserts the circle with its owner and the owner's nutritionist (role
 * nutritionist) as members (member_count 2).
 */
gboolean   bz_social_repo_insert_circle (BzStore *store, BzRecord *circle, const char *owner_user_id,
                                         const char *invite_hash, GError **error);

/**
 * bz_social_repo_get_circle:
 * Returns: (transfer full) (nullable): the FamilyCircle with its members and
 *   @viewer_id's my_role, or %NULL without @error when there is none or
 *   @viewer_id is not a member.
 */
BzRecord  *bz_social_repo_get_circle (BzStore *store, const char *circle_id, const char *viewer_id,
                                      char **out_invite_hash, GError **error);

/**
 * bz_social_repo_circle_invite_hash:
 * @out_hash: (out) (transfer full) (nullable): the circle's invite hash;
 *   %NULL when the circle has none or does not exist
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean   bz_social_repo_circle_invite_hash (BzStore *store, const char *circle_id, char **out_hash, GError **error);

/**
 * bz_social_repo_circle_role:
 * @out_role: (out) (transfer full) (nullable): @user_id's role in the
 *   circle (bz_vocab_circle_role); %NULL when not a member
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean   bz_social_repo_circle_role (BzStore *store, const char *circle_id, const char *user_id, char **out_role,
                                       GError **error);

/**
 * bz_social_repo_set_circle_invite:
 * @invite_hash: SHA-256 hex of the new code (the old one stops matching)
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean   bz_social_repo_set_circle_invite (BzStore *store, const char *circle_id, const char *invite_hash, GError **error);

/**
 * bz_social_repo_add_circle_member:
 * @role: a term of bz_vocab_circle_role
 * @relationship: (nullable): as the member wrote it ("esposo")
 * @error: BZ_ERROR_CONFLICT when already a member
 *
 * Adds @user_id and one to member_count; logs "family_circle_members".
 *
 * Returns: %TRUE when added.
 */
gboolean   bz_social_repo_add_circle_member (BzStore *store, const char *circle_id, const char *user_id, const char *role,
                                             const char *relationship, GError **error);

/**
 * bz_social_repo_remove_circle_member:
 *
 * Removes @user_id (a member) and takes one from member_count; logs it.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean   bz_social_repo_remove_circle_member (BzStore *store, const char *circle_id, const char *user_id, GError **error);

/**
 * bz_social_repo_update_circle:
 * @name: (nullable): unchanged when %NULL
 * @description: (nullable): unchanged when %NULL
 * @goals_json: (nullable): family_goals as a JSON array of strings; unchanged when %NULL
 */
gboolean   bz_social_repo_update_circle (BzStore *store, const char *circle_id, const char *name, const char *description,
                                         const char *goals_json, GError **error);

/**
 * bz_social_repo_patient_of_user:
 * @out_patient_id: (out) (transfer full) (nullable): patients.id of @user_id, %NULL when not a patient
 * @out_nutritionist_id: (out) (transfer full) (nullable): that patient's nutritionist (users.id)
 */
gboolean   bz_social_repo_patient_of_user (BzStore *store, const char *user_id, char **out_patient_id,
                                           char **out_nutritionist_id, GError **error);

/**
 * bz_social_repo_log:
 * Logs a change of a social row with @user_id's patient (if any) as its
 * owner: bz_store_log_patient_change().  For the social repository files.
 */
gboolean   bz_social_repo_log (BzStore *store, const char *table, const char *row_id, BzChangeOp op, const char *user_id,
                               GError **error);

G_END_DECLS
