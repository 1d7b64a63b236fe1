/* bz-auth-service.h — registration, sign-in, token refresh and sign-out.
 *
 * Seed 002 §4.2 (request/response shapes), §7.1.1 (HS256 access tokens of
 * 1 h, refresh tokens of 30 days), §7.4.1 (password rules), §7.4.2 (5 login
 * attempts per minute per address).  Passwords: argon2id via libsodium
 * crypto_pwhash_str (OPSLIMIT_INTERACTIVE / MEMLIMIT_INTERACTIVE).  Access
 * tokens: libjwt HS256 with claims sub, role, email, type="access", iat, exp,
 * jti.  Refresh tokens: 32 random bytes, base64url; only their SHA-256 is
 * stored; each refresh rotates; a reused (already rotated) token revokes its
 * whole family.
 */
#pragma once

#include "bz-limits.h"
#include "bz-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

#define BZ_ACCESS_TOKEN_TTL_S  3600
#define BZ_REFRESH_TOKEN_TTL_S (30 * 24 * 3600)

/**
 * bz_auth_register:
 * @input: seed 002 register body {email, password, first_name, last_name,
 *   user_type ("patient"|"nutritionist"), phone?, date_of_birth?, gender?, state?, city?}
 * @client_address: (nullable): the peer address; valid registrations are
 *   limited to %BZ_REGISTRATIONS_PER_MINUTE per address.  %NULL for
 *   in-process callers (the desk), which are not limited.
 * Returns: (transfer full): a Session record {access_token, refresh_token,
 *   token_type, expires_in, password_change_required, user}
 * Errors: VALIDATION (details per field), CONFLICT (email already registered),
 *   RATE_LIMITED (with bz_error_get_retry_after()).
 */
BzRecord *bz_auth_register (BzServices *svc, JsonObject *input, const char *client_address, GError **error);

/**
 * bz_auth_change_password:
 * @caller: the signed-in user
 * @current_password: their password now (the temporary one after a
 *   nutritionist created the account)
 * @new_password: the new one, under the rules of seed 002 §7.4.1
 * @error: VALIDATION with details on "current_password" ("required",
 *   "incorrect") or "new_password" (the password rules, "same_as_current")
 *
 * Replaces the password and clears `must_change_password`, after which the
 * user's access tokens reach every route again.
 *
 * Returns: %TRUE when changed.
 */
gboolean  bz_auth_change_password (BzServices *svc, const BzCaller *caller, const char *current_password,
                                   const char *new_password, GError **error);

/**
 * bz_auth_login:
 * @client_address: the peer address used for the attempt limit (nullable: GUI)
 *
 * Attempts are limited per address (%BZ_LOGIN_ATTEMPTS_PER_MINUTE) and per
 * failures per account, whatever the address (%BZ_LOGIN_FAILURES_PER_ACCOUNT_PER_MINUTE).
 * Returns: (transfer full): a Session record, as bz_auth_register()
 * Errors: VALIDATION, UNAUTHENTICATED (wrong email or password, same message),
 *   RATE_LIMITED (with bz_error_get_retry_after()).
 */
BzRecord *bz_auth_login    (BzServices *svc, const char *email, const char *password,
                            const char *client_address, GError **error);

/**
 * bz_auth_refresh:
 * @refresh_token: the refresh token of a sign-in; spent by this call
 *
 * Rotates @refresh_token: a new access token and the next refresh token of
 * the same sign-in.
 *
 * Returns: (transfer full): a TokenPair record {access_token, refresh_token,
 *   token_type, expires_in}
 * Errors: VALIDATION, UNAUTHENTICATED (unknown, expired, revoked or reused token).
 */
BzRecord *bz_auth_refresh  (BzServices *svc, const char *refresh_token, GError **error);

/** bz_auth_logout: revokes @refresh_token's family. Errors: VALIDATION, UNAUTHENTICATED. */
gboolean  bz_auth_logout   (BzServices *svc, const char *refresh_token, GError **error);

/**
 * bz_auth_verify_access_token:
 * Verifies signature (HS256 only), type and expiry, and that the user is active.
 * Returns: (transfer full): the caller, or %NULL with UNAUTHENTICATED.
 */
BzCaller *bz_auth_verify_access_token (BzServices *svc, const char *token, GError **error);

/**
 * bz_auth_sign_in:
 * For the GUI: checks credentials like bz_auth_login() without issuing tokens.
 * Returns: (transfer full): the caller, or %NULL with UNAUTHENTICATED / VALIDATION.
 */
BzCaller *bz_auth_sign_in  (BzServices *svc, const char *email, const char *password, GError **error);

/**
 * bz_auth_create_user:
 * Low-level creation used by registration, patient creation and the demo clinic
 * (validates the password rules; inserts into `users` inside the caller's transaction).
 * Returns: (transfer full): the new user id, or %NULL.
 */
char     *bz_auth_create_user (BzServices *svc, const char *email, const char *password,
                               const char *first_name, const char *last_name,
                               BzRole role, JsonObject *extra, GError **error);

/** bz_password_check_rules: seed 002 §7.4.1; adds details under @field to @v. */
void      bz_password_check_rules (const char *password, const char *field, BzValidation *v);

/**
 * bz_auth_get_user:
 * @user_id: a users.id
 * @error: NOT_FOUND when there is no such user; INTERNAL or UNAVAILABLE
 *
 * Returns: (transfer full): the User record (seed 002's `user`) of
 *   @user_id; %NULL with @error.
 */
BzRecord *bz_auth_get_user (BzServices *svc, const char *user_id, GError **error);

/* The GUI's calls off the calling thread (GIO style): the synchronous call
 * runs on a GTask worker thread (its own SQLite connection; argon2id
 * verification is deliberately slow); the cancellable is checked before
 * the work starts and after it ends (%G_IO_ERROR_CANCELLED); the callback
 * runs on the thread-default main context of the caller of the _async
 * function. */

/**
 * bz_auth_sign_in_async:
 * @svc: the service layer (the task's source object; kept alive until @callback)
 * @email: the address typed; copied
 * @password: the password typed; copied, and the copy wiped when the call ends
 * @cancellable: (nullable): checked before and after the work.  A
 *   cancellation that arrives during the check does not undo it (the
 *   attempt is counted and last_login written)
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Runs bz_auth_sign_in() on a worker thread.  Finish with
 * bz_auth_sign_in_finish().
 */
void      bz_auth_sign_in_async   (BzServices *svc, const char *email, const char *password,
                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                   gpointer user_data);

/**
 * bz_auth_sign_in_finish:
 * @svc: the service layer passed to bz_auth_sign_in_async()
 * @result: the #GAsyncResult given to the callback
 * @error: %G_IO_ERROR_CANCELLED, or what bz_auth_sign_in() sets:
 *   %BZ_ERROR_UNAUTHENTICATED (wrong email or password), %BZ_ERROR_VALIDATION,
 *   %BZ_ERROR_RATE_LIMITED (with bz_error_get_retry_after())
 *
 * Returns: (transfer full) (nullable): the signed-in caller (free with
 *   bz_caller_free()), or %NULL with @error set.
 */
BzCaller *bz_auth_sign_in_finish  (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_auth_get_user_async:
 * @svc: the service layer (the task's source object; kept alive until @callback)
 * @user_id: a users.id (the GUI passes its signed-in caller's); copied
 * @cancellable: (nullable): checked before and after the work
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Runs bz_auth_get_user() on a worker thread.  Finish with
 * bz_auth_get_user_finish().
 */
void      bz_auth_get_user_async  (BzServices *svc, const char *user_id, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data);

/**
 * bz_auth_get_user_finish:
 * @svc: the service layer passed to bz_auth_get_user_async()
 * @result: the #GAsyncResult given to the callback
 * @error: %G_IO_ERROR_CANCELLED, or what bz_auth_get_user() sets:
 *   %BZ_ERROR_NOT_FOUND, %BZ_ERROR_INTERNAL or %BZ_ERROR_UNAVAILABLE
 *
 * Returns: (transfer full) (nullable): the User record {id, email,
 *   username, first_name, last_name, full_name, user_type, ...}, or %NULL
 *   with @error set.
 */
BzRecord *bz_auth_get_user_finish (BzServices *svc, GAsyncResult *result, GError **error);

/* --- Sign-in with Google (bz-auth-google.c) ------------------------------- */

/** BZ_GOOGLE_CLIENT_ID_ENV: the clinic's OAuth client id ("….apps.googleusercontent.com"),
 * the audience every ID token must name; unset: the route answers 503.  From
 * the environment, as seed 003 asks of integration settings. */
#define BZ_GOOGLE_CLIENT_ID_ENV     "BALANZA_GOOGLE_CLIENT_ID"
/** BZ_GOOGLE_TOKENINFO_URL_ENV: the token-info endpoint; unset: Google's
 * (BZ_GOOGLE_TOKENINFO_URL, bz-identity-provider.h).  Tests point it at a fake. */
#define BZ_GOOGLE_TOKENINFO_URL_ENV "BALANZA_GOOGLE_TOKENINFO_URL"

/**
 * bz_auth_google_check_claims:
 * @claims: an ID token's claims (the identity provider's answer)
 * @client_id: the clinic's client id
 * @now_unix: now, s since the epoch
 * @error: BZ_ERROR_UNAUTHENTICATED with a detail on "id_token" whose code
 *   says why: wrong_issuer, wrong_audience, expired, no_email,
 *   email_not_verified
 *
 * Google's checks of an ID token ("Authenticate with a backend server",
 * developers.google.com/identity/sign-in/web/backend-auth): iss is
 * accounts.google.com or https://accounts.google.com, aud is @client_id, exp
 * (s) is after @now_unix; and email_verified is true ("true" or a boolean),
 * with sub and an e-mail present.
 *
 * Returns: %TRUE when every check passes.
 */
gboolean  bz_auth_google_check_claims (JsonObject *claims, const char *client_id, gint64 now_unix,
                                       GError **error);

/**
 * bz_auth_google_sign_in:
 * @input: {id_token, provider?: "google"} (seed 002 §4.2)
 * @client_address: (nullable): the peer; attempts count against
 *   %BZ_PASSWORD_RESET_REQUESTS_PER_MINUTE per address (bz_auth_check_reset_rate())
 *
 * Verifies @input's ID token with the identity provider (kind "identity",
 * provider "http", through its BzResilient), checks its claims
 * (bz_auth_google_check_claims()), and signs in the user with the token's
 * verified e-mail, or creates a member (patient role, no nutritionist yet)
 * with it.  Blocking (a worker thread).
 *
 * Returns: (transfer full): a Session record as bz_auth_login()'s, with
 *   is_new_user set.
 * Errors: VALIDATION (details per field), UNAUTHENTICATED (the token is
 *   refused: a detail on "id_token", see bz_auth_google_check_claims(), or
 *   invalid_token, account_inactive), UNAVAILABLE (no client id configured,
 *   or Google cannot be reached), RATE_LIMITED.
 */
BzRecord *bz_auth_google_sign_in (BzServices *svc, JsonObject *input, const char *client_address,
                                  GError **error);

G_END_DECLS
