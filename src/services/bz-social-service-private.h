/* bz-social-service-private.h — what the social service files share. */
#pragma once

#include "bz-social-service.h"

G_BEGIN_DECLS

/** bz_social_need_caller: %FALSE with %BZ_ERROR_UNAUTHENTICATED when @caller is %NULL. */
gboolean bz_social_need_caller (const BzCaller *caller, GError **error);

/** bz_social_check_text: adds "too_short" for @field of @rec when it is only white space. */
void     bz_social_check_text  (BzRecord *rec, guint field, BzValidation *v);

/**
 * bz_social_new_invite_code:
 * @out_hash: (out) (transfer full): its SHA-256, lowercase hex, as stored
 * Returns: (transfer full): %BZ_INVITE_CODE_BYTES random bytes (libsodium), base64url.
 */
char    *bz_social_new_invite_code (char **out_hash);

/**
 * bz_social_invite_matches:
 * @code: (nullable): what the client sent
 * @stored_hash: (nullable): the stored SHA-256 hex
 * Returns: whether SHA-256(@code) equals @stored_hash, compared in constant time (sodium_memcmp).
 */
gboolean bz_social_invite_matches  (const char *code, const char *stored_hash);

/* --- Events (bz-social-events.c): after the write committed ---------------------- */

/**
 * bz_social_events_comment:
 * @post: the Post commented on, as the commenter sees it
 * @comment: the stored Comment
 *
 * post:new_comment {post_id, comment} (seed 002 §4.8) and a "new_comment"
 * notification to the post's author and, for a reply, the author of the
 * comment answered; never to the commenter, only to users who may see the post.
 */
void     bz_social_events_comment  (BzServices *svc, const BzCaller *caller, BzRecord *post, BzRecord *comment);

/**
 * bz_social_events_reaction:
 * post:new_reaction {post_id, reaction_type, user} and a "new_reaction"
 * notification (once per reactor and post) to the post's author.
 */
void     bz_social_events_reaction (BzServices *svc, const BzCaller *caller, BzRecord *post, const char *reaction_type);

/**
 * bz_social_events_post:
 * family_circle:new_post {circle_id, post} to the circle's members other
 * than the author, for a post of visibility family_circle; nothing otherwise.
 */
void     bz_social_events_post     (BzServices *svc, const BzCaller *caller, BzRecord *post);

/**
 * bz_social_events_follow:
 * A "new_follower" notification (once per follower) to @followed_id.
 */
void     bz_social_events_follow   (BzServices *svc, const BzCaller *caller, const char *followed_id);

G_END_DECLS
