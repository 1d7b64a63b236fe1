/* bz-social-resources.h — the social layer (issue 10; seed 002 §3.3 and
 * §4.3): posts, comments, reactions, groups, family circles and follows.
 * Names follow the seed's snake_case; times are ISO 8601 UTC.
 *
 * Routes (src/server/bz-handlers-social.c):
 *   GET    /api/v1/feed                       ranked, filtered, cursor-paged
 *   POST   /api/v1/posts                      multipart (photos) or JSON
 *   GET    /api/v1/posts/{post_id}            the post and its comments
 *   GET    /api/v1/posts/{post_id}/photos/{n} a photo's display copy
 *   POST/DELETE /api/v1/posts/{post_id}/reactions
 *   POST   /api/v1/posts/{post_id}/comments
 *   POST/DELETE /api/v1/users/{user_id}/follow
 *   POST   /api/v1/groups, .../{group_id}/join, /leave, /invites
 *   POST   /api/v1/family-circles, GET/PATCH .../{circle_id},
 *          .../{circle_id}/join, /leave, /invites
 */
#pragma once

#include "bz-limits.h"
#include "bz-resource.h"

G_BEGIN_DECLS

/* --- Posts ------------------------------------------------------------------ */

#define BZ_POST_AUTHOR_FIELDS(F) \
  F (POST_AUTHOR_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .description = "users.id") \
  F (POST_AUTHOR_USERNAME, .name = "username", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (POST_AUTHOR_FULL_NAME, .name = "full_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (POST_AUTHOR_PHOTO_URL, .name = "photo_url", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "Always null: Balanza keeps no profile photos") \
  F (POST_AUTHOR_USER_TYPE, .name = "user_type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_user_type)
BZ_RESOURCE_DECLARE (bz_post_author, POST_AUTHOR, BZ_POST_AUTHOR_FIELDS)

/* Seed 002 §3.3 posts.progress_data. */
#define BZ_PROGRESS_DATA_FIELDS(F) \
  F (PROGRESS_DATA_WEIGHT_BEFORE_KG, .name = "weight_before_kg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE, .min = 20, .max = 400, .unit = "kg") \
  F (PROGRESS_DATA_WEIGHT_AFTER_KG, .name = "weight_after_kg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE, .min = 20, .max = 400, .unit = "kg") \
  F (PROGRESS_DATA_WEIGHT_LOST_KG, .name = "weight_lost_kg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE, .min = -380, .max = 380, .unit = "kg", .description = "Default: weight_before_kg - weight_after_kg") \
  F (PROGRESS_DATA_TIME_PERIOD_DAYS, .name = "time_period_days", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_NULLABLE, .min = 0, .max = 3650, .unit = "d")
BZ_RESOURCE_DECLARE (bz_progress_data, PROGRESS_DATA, BZ_PROGRESS_DATA_FIELDS)

/* Seed 002 §4.3 "reactions": {"heart": 89, "clap": 45, ...}. */
#define BZ_POST_REACTIONS_FIELDS(F) \
  F (POST_REACTIONS_HEART, .name = "heart", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "reaction_heart") \
  F (POST_REACTIONS_CLAP, .name = "clap", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "reaction_clap") \
  F (POST_REACTIONS_FIRE, .name = "fire", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "reaction_fire") \
  F (POST_REACTIONS_STRONG, .name = "strong", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "reaction_strong") \
  F (POST_REACTIONS_CELEBRATE, .name = "celebrate", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "reaction_celebrate")
BZ_RESOURCE_DECLARE (bz_post_reactions, POST_REACTIONS, BZ_POST_REACTIONS_FIELDS)

#define BZ_POST_FIELDS(F) \
  F (POST_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "id") \
  F (POST_AUTHOR, .name = "author", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_post_author_resource) \
  F (POST_TYPE, .name = "type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .column = "type", .vocab = &bz_vocab_post_type) \
  F (POST_TITLE, .name = "title", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "title") \
  F (POST_BODY, .name = "body", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "body", .description = "As written: plain text, never markup") \
  F (POST_MEDIA_URLS, .name = "media_urls", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY, .description = "The photos, relative to this server: /api/v1/posts/{post_id}/photos/{n}") \
  F (POST_PROGRESS_DATA, .name = "progress_data", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_progress_data_resource) \
  F (POST_VISIBILITY, .name = "visibility", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .column = "visibility", .vocab = &bz_vocab_post_visibility) \
  F (POST_GROUP_ID, .name = "group_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "group_id") \
  F (POST_FAMILY_CIRCLE_ID, .name = "family_circle_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "family_circle_id") \
  F (POST_TAGS, .name = "tags", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY) \
  F (POST_LIKES_COUNT, .name = "likes_count", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "likes_count", .description = "Reactions of any type") \
  F (POST_COMMENTS_COUNT, .name = "comments_count", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "comments_count") \
  F (POST_SHARES_COUNT, .name = "shares_count", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "shares_count") \
  F (POST_REACTIONS, .name = "reactions", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_INLINE, .ref = &bz_post_reactions_resource) \
  F (POST_HAS_LIKED, .name = "has_liked", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .description = "Whether the caller reacted") \
  F (POST_HAS_SAVED, .name = "has_saved", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .description = "Always false: saving is not implemented") \
  F (POST_MY_REACTION, .name = "my_reaction", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .vocab = &bz_vocab_reaction_type, .description = "The caller's reaction") \
  F (POST_CREATED_AT, .name = "created_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "created_at") \
  F (POST_UPDATED_AT, .name = "updated_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "updated_at")
BZ_RESOURCE_DECLARE (bz_post, POST, BZ_POST_FIELDS)

/* POST /api/v1/posts as JSON (no photos). */
#define BZ_POST_INPUT_FIELDS(F) \
  F (POST_INPUT_TYPE, .name = "type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_REQUIRED, .vocab = &bz_vocab_post_type) \
  F (POST_INPUT_TITLE, .name = "title", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = BZ_POST_TITLE_MAX_CHARS) \
  F (POST_INPUT_BODY, .name = "body", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_POST_BODY_MAX_CHARS, .description = "Plain text, stored as given; not only white space") \
  F (POST_INPUT_VISIBILITY, .name = "visibility", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_post_visibility, .description = "Default public") \
  F (POST_INPUT_GROUP_ID, .name = "group_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_NULLABLE, .description = "Required for visibility group: a group the caller belongs to") \
  F (POST_INPUT_FAMILY_CIRCLE_ID, .name = "family_circle_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_NULLABLE, .description = "Required for visibility family_circle: a circle the caller belongs to") \
  F (POST_INPUT_PROGRESS_DATA, .name = "progress_data", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_NULLABLE, .ref = &bz_progress_data_resource) \
  F (POST_INPUT_TAGS, .name = "tags", .type = BZ_FIELD_STRING_ARRAY, .max = BZ_POST_MAX_TAGS)
BZ_RESOURCE_DECLARE (bz_post_input, POST_INPUT, BZ_POST_INPUT_FIELDS)

/* POST /api/v1/posts as multipart/form-data (seed 002 §4.3). */
#define BZ_POST_FORM_FIELDS(F) \
  F (POST_FORM_TYPE, .name = "type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .vocab = &bz_vocab_post_type) \
  F (POST_FORM_TITLE, .name = "title", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .max = BZ_POST_TITLE_MAX_CHARS) \
  F (POST_FORM_BODY, .name = "body", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 1, .max = BZ_POST_BODY_MAX_CHARS, .description = "Plain text; \"caption\" is accepted for it (seed 002 §2.3)") \
  F (POST_FORM_VISIBILITY, .name = "visibility", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_WRITE_ONLY, .vocab = &bz_vocab_post_visibility) \
  F (POST_FORM_GROUP_ID, .name = "group_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_WRITE_ONLY) \
  F (POST_FORM_FAMILY_CIRCLE_ID, .name = "family_circle_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_WRITE_ONLY) \
  F (POST_FORM_PROGRESS_DATA, .name = "progress_data", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .description = "A JSON object {weight_before_kg, weight_after_kg, weight_lost_kg, time_period_days}") \
  F (POST_FORM_TAGS, .name = "tags", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .description = "A JSON array of strings, at most " G_STRINGIFY (BZ_POST_MAX_TAGS)) \
  F (POST_FORM_FILES, .name = "files", .type = BZ_FIELD_BINARY, .flags = BZ_FIELD_WRITE_ONLY, .description = "Photos, JPEG or PNG: repeat the part (\"photo\" is accepted too), at most " G_STRINGIFY (BZ_POST_MAX_PHOTOS) "; kept resized to 1280 px without EXIF. application/json bodies of PostCreate are accepted as well")
BZ_RESOURCE_DECLARE (bz_post_form, POST_FORM, BZ_POST_FORM_FIELDS)

#define BZ_POST_CREATED_FIELDS(F) \
  F (POST_CREATED_POST, .name = "post", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_post_resource)
BZ_RESOURCE_DECLARE (bz_post_created, POST_CREATED, BZ_POST_CREATED_FIELDS)

/* --- Comments and reactions ------------------------------------------------- */

#define BZ_COMMENT_FIELDS(F) \
  F (COMMENT_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "id") \
  F (COMMENT_POST_ID, .name = "post_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "post_id") \
  F (COMMENT_PARENT_COMMENT_ID, .name = "parent_comment_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "parent_comment_id") \
  F (COMMENT_DEPTH_LEVEL, .name = "depth_level", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "depth_level", .description = "0 top level, 1 a reply, 2 a reply to a reply (the deepest)") \
  F (COMMENT_AUTHOR, .name = "author", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_post_author_resource) \
  F (COMMENT_CONTENT, .name = "content", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "content", .description = "As written: plain text") \
  F (COMMENT_LIKES_COUNT, .name = "likes_count", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "likes_count") \
  F (COMMENT_CREATED_AT, .name = "created_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "created_at")
BZ_RESOURCE_DECLARE (bz_comment, COMMENT, BZ_COMMENT_FIELDS)

#define BZ_COMMENT_INPUT_FIELDS(F) \
  F (COMMENT_INPUT_CONTENT, .name = "content", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_COMMENT_MAX_CHARS, .description = "Plain text; not only white space") \
  F (COMMENT_INPUT_PARENT_COMMENT_ID, .name = "parent_comment_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_NULLABLE, .description = "A comment of the same post at depth 0 or 1 (a reply to a depth-2 comment is refused: too_deep)")
BZ_RESOURCE_DECLARE (bz_comment_input, COMMENT_INPUT, BZ_COMMENT_INPUT_FIELDS)

#define BZ_COMMENT_CREATED_FIELDS(F) \
  F (COMMENT_CREATED_COMMENT, .name = "comment", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_comment_resource)
BZ_RESOURCE_DECLARE (bz_comment_created, COMMENT_CREATED, BZ_COMMENT_CREATED_FIELDS)

#define BZ_POST_DETAIL_FIELDS(F) \
  F (POST_DETAIL_POST, .name = "post", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_post_resource) \
  F (POST_DETAIL_COMMENTS, .name = "comments", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_comment_resource, .description = "Oldest first; replies carry parent_comment_id")
BZ_RESOURCE_DECLARE (bz_post_detail, POST_DETAIL, BZ_POST_DETAIL_FIELDS)

#define BZ_REACTION_FIELDS(F) \
  F (REACTION_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "id") \
  F (REACTION_REACTION_TYPE, .name = "reaction_type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .column = "reaction_type", .vocab = &bz_vocab_reaction_type) \
  F (REACTION_CREATED_AT, .name = "created_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "created_at")
BZ_RESOURCE_DECLARE (bz_reaction, REACTION, BZ_REACTION_FIELDS)

#define BZ_REACTION_INPUT_FIELDS(F) \
  F (REACTION_INPUT_REACTION_TYPE, .name = "reaction_type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_REQUIRED, .vocab = &bz_vocab_reaction_type)
BZ_RESOURCE_DECLARE (bz_reaction_input, REACTION_INPUT, BZ_REACTION_INPUT_FIELDS)

#define BZ_REACTION_CREATED_FIELDS(F) \
  F (REACTION_CREATED_REACTION, .name = "reaction", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_reaction_resource)
BZ_RESOURCE_DECLARE (bz_reaction_created, REACTION_CREATED, BZ_REACTION_CREATED_FIELDS)

/* --- The feed --------------------------------------------------------------- */

#define BZ_FEED_PAGINATION_FIELDS(F) \
  F (FEED_PAGINATION_CURRENT_PAGE, .name = "current_page", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "The page asked for (1 when paging by cursor)") \
  F (FEED_PAGINATION_LIMIT, .name = "limit", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (FEED_PAGINATION_HAS_NEXT, .name = "has_next", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY) \
  F (FEED_PAGINATION_NEXT_CURSOR, .name = "next_cursor", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "Pass as ?cursor= for the next page: the ranking's clock stays that of the first page and posts published since wait for the next first page; null on the last page")
BZ_RESOURCE_DECLARE (bz_feed_pagination, FEED_PAGINATION, BZ_FEED_PAGINATION_FIELDS)

#define BZ_FEED_FIELDS(F) \
  F (FEED_POSTS, .name = "posts", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_post_resource, .description = "Highest virality score first (seed 002 §3.3: (likes + comments*3 + shares*5) / hours since the post, at least one hour), then newest") \
  F (FEED_PAGINATION, .name = "pagination", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_feed_pagination_resource)
BZ_RESOURCE_DECLARE (bz_feed, FEED, BZ_FEED_FIELDS)

#define BZ_FEED_QUERY_FIELDS(F) \
  F (FEED_QUERY_PAGE, .name = "page", .type = BZ_FIELD_INTEGER, .min = 1, .max = 10000, .description = "Page number from 1 (seed 002 §4.3); ignored with cursor") \
  F (FEED_QUERY_LIMIT, .name = "limit", .type = BZ_FIELD_INTEGER, .min = 1, .max = BZ_LIST_LIMIT_MAX, .description = "Posts per page (default 20)") \
  F (FEED_QUERY_CURSOR, .name = "cursor", .type = BZ_FIELD_STRING, .description = "next_cursor of the previous page") \
  F (FEED_QUERY_TYPE, .name = "type", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_post_type, .description = "Only posts of this type") \
  F (FEED_QUERY_GROUP_ID, .name = "group_id", .type = BZ_FIELD_UUID, .description = "Only this group's posts") \
  F (FEED_QUERY_FAMILY_CIRCLE_ID, .name = "family_circle_id", .type = BZ_FIELD_UUID, .description = "Only this family circle's posts: the circle's shared feed") \
  F (FEED_QUERY_AUTHOR_ID, .name = "author_id", .type = BZ_FIELD_UUID, .description = "Only this user's posts")
BZ_RESOURCE_DECLARE (bz_feed_query, FEED_QUERY, BZ_FEED_QUERY_FIELDS)

/* --- Follows ------------------------------------------------------------------ */

#define BZ_FOLLOW_FIELDS(F) \
  F (FOLLOW_USER_ID, .name = "user_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .description = "The user followed") \
  F (FOLLOW_FOLLOWING, .name = "following", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY)
BZ_RESOURCE_DECLARE (bz_follow, FOLLOW, BZ_FOLLOW_FIELDS)

/* --- Groups -------------------------------------------------------------------- */

#define BZ_GROUP_FIELDS(F) \
  F (GROUP_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "id") \
  F (GROUP_NAME, .name = "name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "name") \
  F (GROUP_DESCRIPTION, .name = "description", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "description") \
  F (GROUP_TYPE, .name = "type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .column = "type", .vocab = &bz_vocab_group_type) \
  F (GROUP_CREATED_BY, .name = "created_by", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "created_by") \
  F (GROUP_MEMBER_COUNT, .name = "member_count", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "member_count") \
  F (GROUP_POST_COUNT, .name = "post_count", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "post_count") \
  F (GROUP_CREATED_AT, .name = "created_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "created_at") \
  F (GROUP_MY_ROLE, .name = "my_role", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .vocab = &bz_vocab_group_role, .description = "The caller's role; null when not a member") \
  F (GROUP_INVITE_CODE, .name = "invite_code", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "A new invite code, shown once (on creation and POST .../invites) and stored hashed; null otherwise")
BZ_RESOURCE_DECLARE (bz_group, GROUP, BZ_GROUP_FIELDS)

#define BZ_GROUP_INPUT_FIELDS(F) \
  F (GROUP_INPUT_NAME, .name = "name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_SOCIAL_NAME_MAX_CHARS) \
  F (GROUP_INPUT_DESCRIPTION, .name = "description", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = BZ_SOCIAL_DESCRIPTION_MAX_CHARS) \
  F (GROUP_INPUT_TYPE, .name = "type", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_group_type, .description = "Default open: anyone joins; closed: joins pending approval; private: by invite code")
BZ_RESOURCE_DECLARE (bz_group_input, GROUP_INPUT, BZ_GROUP_INPUT_FIELDS)

/* PATCH /api/v1/groups/{group_id}/members/{user_id}: approve, promote or demote. */
#define BZ_GROUP_MEMBER_UPDATE_FIELDS(F) \
  F (GROUP_MEMBER_UPDATE_ROLE, .name = "role", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_REQUIRED, .vocab = &bz_vocab_group_role, .description = "admin, moderator or member (a pending member becomes one: approved)")
BZ_RESOURCE_DECLARE (bz_group_member_update, GROUP_MEMBER_UPDATE, BZ_GROUP_MEMBER_UPDATE_FIELDS)

#define BZ_JOIN_INPUT_FIELDS(F) \
  F (JOIN_INPUT_INVITE_CODE, .name = "invite_code", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = 64, .description = "Required for private groups and family circles") \
  F (JOIN_INPUT_RELATIONSHIP, .name = "relationship", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = 50, .description = "Family circles: \"esposo\", \"mamá\"...")
BZ_RESOURCE_DECLARE (bz_join_input, JOIN_INPUT, BZ_JOIN_INPUT_FIELDS)

#define BZ_MEMBERSHIP_FIELDS(F) \
  F (MEMBERSHIP_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .description = "The group or circle") \
  F (MEMBERSHIP_USER_ID, .name = "user_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (MEMBERSHIP_ROLE, .name = "role", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "A group or circle role; null after leaving") \
  F (MEMBERSHIP_MEMBER, .name = "member", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY)
BZ_RESOURCE_DECLARE (bz_membership, MEMBERSHIP, BZ_MEMBERSHIP_FIELDS)

/* --- Family circles ---------------------------------------------------------------- */

#define BZ_CIRCLE_MEMBER_FIELDS(F) \
  F (CIRCLE_MEMBER_USER_ID, .name = "user_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "user_id") \
  F (CIRCLE_MEMBER_ROLE, .name = "role", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .column = "role", .vocab = &bz_vocab_circle_role) \
  F (CIRCLE_MEMBER_RELATIONSHIP, .name = "relationship", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "relationship") \
  F (CIRCLE_MEMBER_JOINED_AT, .name = "joined_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "joined_at") \
  F (CIRCLE_MEMBER_FULL_NAME, .name = "full_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY)
BZ_RESOURCE_DECLARE (bz_circle_member, CIRCLE_MEMBER, BZ_CIRCLE_MEMBER_FIELDS)

#define BZ_FAMILY_CIRCLE_FIELDS(F) \
  F (FAMILY_CIRCLE_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "id") \
  F (FAMILY_CIRCLE_NAME, .name = "name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "name") \
  F (FAMILY_CIRCLE_DESCRIPTION, .name = "description", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "description") \
  F (FAMILY_CIRCLE_OWNER_ID, .name = "owner_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "owner_id", .description = "patients.id of the member who created it") \
  F (FAMILY_CIRCLE_NUTRITIONIST_ID, .name = "nutritionist_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "nutritionist_id", .description = "The owner's nutritionist (users.id), a member automatically") \
  F (FAMILY_CIRCLE_MEMBER_COUNT, .name = "member_count", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "member_count") \
  F (FAMILY_CIRCLE_CREATED_AT, .name = "created_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "created_at") \
  F (FAMILY_CIRCLE_FAMILY_GOALS, .name = "family_goals", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY, .description = "Shared goals, as written") \
  F (FAMILY_CIRCLE_MEMBERS, .name = "members", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_circle_member_resource) \
  F (FAMILY_CIRCLE_MY_ROLE, .name = "my_role", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_circle_role) \
  F (FAMILY_CIRCLE_INVITE_CODE, .name = "invite_code", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "A new invite code, shown once (on creation and POST .../invites) and stored hashed; null otherwise")
BZ_RESOURCE_DECLARE (bz_family_circle, FAMILY_CIRCLE, BZ_FAMILY_CIRCLE_FIELDS)

#define BZ_FAMILY_CIRCLE_INPUT_FIELDS(F) \
  F (FAMILY_CIRCLE_INPUT_NAME, .name = "name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_SOCIAL_NAME_MAX_CHARS) \
  F (FAMILY_CIRCLE_INPUT_DESCRIPTION, .name = "description", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = BZ_SOCIAL_DESCRIPTION_MAX_CHARS) \
  F (FAMILY_CIRCLE_INPUT_FAMILY_GOALS, .name = "family_goals", .type = BZ_FIELD_STRING_ARRAY, .max = BZ_CIRCLE_MAX_GOALS, .description = "Shared goals, plain text each")
BZ_RESOURCE_DECLARE (bz_family_circle_input, FAMILY_CIRCLE_INPUT, BZ_FAMILY_CIRCLE_INPUT_FIELDS)

G_END_DECLS
