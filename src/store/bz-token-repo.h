/* bz-token-repo.h — the refresh-token aggregate: `refresh_tokens`, grouped in
 * families (all rotations of one sign-in), and their revocation.
 *
 * Only the SHA-256 (hex) of a refresh token is stored; making tokens,
 * hashing them and deciding about expiry and reuse are the auth service's.
 * Every function runs on the calling thread's connection (bz_store_db());
 * writers run inside the caller's transaction (bz_store_begin()) and append
 * their rows to the change log.
 */
#pragma once

#include "bz-store.h"

G_BEGIN_DECLS

/**
 * BzRefreshTokenRecord:
 * @id: the new refresh_tokens.id (a UUID of the caller's)
 * @user_id: whose token
 * @family_id: the sign-in it belongs to
 * @token_hash: hex SHA-256 of the opaque token
 * @expires_at: ISO 8601 UTC
 * @created_at: ISO 8601 UTC
 *
 * A new refresh token's columns, all borrowed.
 */
typedef struct
{
  const char *id;
  const char *user_id;
  const char *family_id;
  const char *token_hash;
  const char *expires_at;
  const char *created_at;
} BzRefreshTokenRecord;

/**
 * BzRefreshToken:
 * @id: refresh_tokens.id; %NULL when the lookup found no token
 * @user_id: whose token
 * @family_id: its sign-in
 * @expires_at: ISO 8601 UTC
 * @revoked: whether it was rotated or its family revoked
 *
 * A stored refresh token; strings owned, freed by bz_refresh_token_clear().
 */
typedef struct
{
  char *id;
  char *user_id;
  char *family_id;
  char *expires_at;
  gboolean revoked;
} BzRefreshToken;

/**
 * bz_refresh_token_clear:
 * @token: a token filled by bz_token_repo_find() (or zero-initialized)
 *
 * Frees @token's strings (it owns them) and zeroes it; the struct itself is
 * the caller's.  The cleanup of g_auto(BzRefreshToken).
 */
void     bz_refresh_token_clear (BzRefreshToken *token);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BzRefreshToken, bz_refresh_token_clear)

/**
 * bz_token_repo_insert:
 * @store: the store, inside a transaction of this thread
 * @token: the new row
 * @error: BZ_ERROR_CONFLICT (hash already stored, unknown user), BZ_ERROR_INTERNAL
 *
 * Inserts @token (not revoked) and logs it (table "refresh_tokens", op insert).
 *
 * Returns: %TRUE when inserted.
 */
gboolean bz_token_repo_insert        (BzStore *store, const BzRefreshTokenRecord *token, GError **error);

/**
 * bz_token_repo_find:
 * @store: the store
 * @token_hash: hex SHA-256 of the presented token
 * @out: (out caller-allocates): the token; @out->id %NULL when unknown
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_token_repo_find          (BzStore *store, const char *token_hash, BzRefreshToken *out,
                                      GError **error);

/**
 * bz_token_repo_revoke_family:
 * @store: the store, inside a transaction of this thread
 * @family_id: a sign-in's family
 * @error: BZ_ERROR_INTERNAL on failure
 *
 * Revokes every live token of @family_id (revoked_at = now) and logs each
 * (table "refresh_tokens", op update).
 *
 * Returns: %TRUE on success (also when nothing was live).
 */
gboolean bz_token_repo_revoke_family (BzStore *store, const char *family_id, GError **error);

/**
 * bz_token_repo_mark_replaced:
 * @store: the store, inside a transaction of this thread
 * @id: the presented token's row
 * @replaced_by: the row of the token issued in its place
 * @error: BZ_ERROR_INTERNAL on failure
 *
 * Revokes @id as rotated (revoked_at = now, replaced_by) and logs it
 * (table "refresh_tokens", op update).
 *
 * Returns: %TRUE on success.
 */
gboolean bz_token_repo_mark_replaced (BzStore *store, const char *id, const char *replaced_by,
                                      GError **error);

/**
 * bz_token_repo_live_families:
 * @store: the store
 * @user_id: a users.id
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Returns: (transfer full) (element-type utf8): the refresh-token families
 *   (sign-ins, paired devices) of @user_id that still have an unrevoked
 *   token, or %NULL with @error.
 */
GPtrArray *bz_token_repo_live_families (BzStore *store, const char *user_id, GError **error);

G_END_DECLS
