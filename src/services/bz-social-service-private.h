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

G_END_DECLS
