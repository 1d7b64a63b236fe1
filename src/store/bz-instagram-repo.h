/* bz-instagram-repo.h — Instagram sharing's tables (data/sql/049_instagram.sql):
 * the connect step's states, one connection per user with its access token
 * sealed (bz_seal(), bz-store-crypt.h), and the shares.  Writes run inside
 * the caller's transaction when one is open.  The rules: bz-instagram-service.h. */
#pragma once

#include "bz-instagram-resources.h"
#include "bz-store.h"

G_BEGIN_DECLS

/**
 * bz_instagram_repo_add_state:
 * @state_hash: lowercase hex SHA-256 of the state token (the token is never stored)
 * @user_id: whose connect it is
 * @redirect_uri: the connect's redirect URI (the exchange must repeat it)
 * @expires_at_ms: ms since the epoch
 * @now_ms: now; expired states of everyone are deleted
 * @keep: the user's newest @keep - 1 live states stay, older ones go
 *
 * Returns: %FALSE with @error (SQLite).
 */
gboolean  bz_instagram_repo_add_state (BzStore *store, const char *state_hash, const char *user_id,
                                       const char *redirect_uri, gint64 expires_at_ms, gint64 now_ms, guint keep,
                                       GError **error);

/**
 * bz_instagram_repo_take_state:
 * @out_user_id: (out) (transfer full): the state's user, %NULL when unknown
 * @out_redirect_uri: (out) (transfer full): its redirect URI
 * @out_expired: (out): %TRUE when known but expired (then not deleted)
 *
 * Deletes a known live state (single use) and answers its user.
 *
 * Returns: %FALSE with @error (SQLite).
 */
gboolean  bz_instagram_repo_take_state (BzStore *store, const char *state_hash, gint64 now_ms, char **out_user_id,
                                        char **out_redirect_uri, gboolean *out_expired, GError **error);

/**
 * bz_instagram_repo_save_connection:
 * @access_token: plaintext; stored sealed
 * @expires_at: (nullable): ISO 8601 UTC
 *
 * Creates @user_id's connection, or replaces the one it has (same id).
 *
 * Returns: %FALSE with @error: BZ_ERROR_CONFLICT when another user holds
 *   this Instagram account; SQLite errors.
 */
gboolean  bz_instagram_repo_save_connection (BzStore *store, const char *user_id, const char *instagram_user_id,
                                             const char *username, const char *account_type,
                                             const char *access_token, const char *expires_at, GError **error);

/**
 * bz_instagram_repo_get_connection:
 * Returns: (transfer full) (nullable): @user_id's connection
 *   (#bz_instagram_connection_resource, no token); %NULL without @error when none.
 */
BzRecord *bz_instagram_repo_get_connection (BzStore *store, const char *user_id, GError **error);

/**
 * BzInstagramSecret:
 * @connection_id, @instagram_user_id: the connection
 * @access_token: the unsealed token: wipe it (bz_instagram_secret_clear())
 * @default_hashtags: the JSON array text of its default hashtags
 */
typedef struct
{
  char *connection_id, *instagram_user_id, *access_token, *default_hashtags;
} BzInstagramSecret;

/** bz_instagram_secret_clear: wipes the token and frees the members. */
void      bz_instagram_secret_clear (BzInstagramSecret *secret);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BzInstagramSecret, bz_instagram_secret_clear)

/**
 * bz_instagram_repo_get_secret:
 * @out: (out caller-allocates): filled when found (@out->connection_id non-%NULL)
 *
 * Returns: %FALSE with @error (SQLite, or a token that does not unseal).
 */
gboolean  bz_instagram_repo_get_secret (BzStore *store, const char *user_id, BzInstagramSecret *out, GError **error);

/**
 * bz_instagram_repo_delete_connection:
 * @out_deleted: (out): whether there was one
 *
 * Deletes @user_id's connection (its shares go with it) and connect states.
 */
gboolean  bz_instagram_repo_delete_connection (BzStore *store, const char *user_id, gboolean *out_deleted,
                                               GError **error);

/**
 * bz_instagram_repo_post_source:
 * @out_author_id: (out) (transfer full): the post's author, %NULL when no live post has @post_id
 * @out_body: (out) (transfer full): its text
 * @out_photos: (out): its photos
 */
gboolean  bz_instagram_repo_post_source (BzStore *store, const char *post_id, char **out_author_id, char **out_body,
                                         gint64 *out_photos, GError **error);

/**
 * bz_instagram_repo_insert_share:
 * @media_type: "IMAGE" (feed) or "STORY"
 *
 * A new share, status publishing.
 */
gboolean  bz_instagram_repo_insert_share (BzStore *store, const char *share_id, const char *user_id,
                                          const char *connection_id, const char *post_id, const char *media_type,
                                          const char *caption, const char *media_url, GError **error);

/**
 * BzInstagramShareRow:
 * What a share job needs: its user, status, media type, caption and image URL.
 */
typedef struct
{
  char *user_id, *status, *media_type, *caption, *media_url;
} BzInstagramShareRow;

/** bz_instagram_share_row_clear: frees the members of @row (not @row). */
void      bz_instagram_share_row_clear (BzInstagramShareRow *row);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BzInstagramShareRow, bz_instagram_share_row_clear)

/** bz_instagram_repo_get_share: @out->user_id stays %NULL when no share has @share_id. */
gboolean  bz_instagram_repo_get_share (BzStore *store, const char *share_id, BzInstagramShareRow *out, GError **error);

/**
 * bz_instagram_repo_set_share:
 * @status: "publishing" (an attempt failed, another follows), "published" or "failed"
 * @media_id: (nullable): Instagram's media id once published
 * @error_message: (nullable): why the last attempt failed
 */
gboolean  bz_instagram_repo_set_share (BzStore *store, const char *share_id, const char *status,
                                       const char *media_id, const char *error_message, GError **error);

/**
 * bz_instagram_repo_last_share:
 * Returns: (transfer full) (nullable): @user_id's newest share
 *   (#bz_instagram_share_state_resource); %NULL without @error when none.
 */
BzRecord *bz_instagram_repo_last_share (BzStore *store, const char *user_id, GError **error);

G_END_DECLS
