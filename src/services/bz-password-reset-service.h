/* bz-password-reset-service.h — forgotten passwords (issue 9, "Password
 * reset"; seed 002 §4.2 POST /api/v1/auth/password/forgot and /reset).
 *
 * With a mail provider configured (DATA_DIR/integrations.conf [smtp],
 * bz_integrations_use_smtp()), `forgot` makes a code and e-mails it to the
 * member on the worker pool.  Without one, the code reaches the member
 * through their nutritionist: the desk (or POST
 * /api/v1/nutritionist/patients/{patient_id}/password-reset) makes a
 * one-time code and shows it once; `forgot` tells the nutritionist (an inbox
 * notification) that the member asked.  Codes: %BZ_PASSWORD_RESET_CODE_CHARS
 * Crockford base32 digits, valid %BZ_PASSWORD_RESET_CODE_TTL_S seconds, one
 * live code per user (a new one voids the old), only their SHA-256 stored
 * and compared in constant time (sodium_memcmp), void after
 * %BZ_PASSWORD_RESET_ATTEMPTS_MAX wrong tries.  A reset sets the password
 * (the registration rules, seed 002 §7.4.1), spends the code and ends every
 * session of the user: refresh-token families revoked, their access tokens
 * refused, their WebSockets closed.
 */
#pragma once

#include <gio/gio.h>

#include "bz-password-reset-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/**
 * bz_password_forgot:
 * @svc: the service layer
 * @body: (nullable): the request body {email}
 * @client_address: (nullable): the peer address for the rate limit (%NULL: the desk)
 * @error: VALIDATION (field details on "email"), RATE_LIMITED (with
 *   bz_error_get_retry_after(); %BZ_PASSWORD_RESET_REQUESTS_PER_MINUTE per address)
 *
 * With a mail provider (bz_integrations_has_mailer()): when @body's email
 * is an active account, makes a new code (voiding the older one) and sends
 * it to that address, plain text in Spanish (no language is stored for a
 * user yet), through the provider's BzResilient on a worker thread; the
 * answer does not wait for the mail, and a failed send is logged (without
 * the code) and counted in the provider's health.  Without one: when
 * @body's email is an active member with a nutritionist, delivers an inbox
 * notification to the nutritionist ("password_reset_request", with the
 * patient's path).  Whether or not the email exists, the answer is the
 * same %TRUE (no account enumeration); a database error on the way is
 * logged, not answered.
 *
 * Returns: %TRUE unless @error.
 */
gboolean  bz_password_forgot (BzServices *svc, JsonObject *body, const char *client_address, GError **error);

/**
 * bz_password_reset:
 * @svc: the service layer
 * @body: (nullable): the request body {email, code, new_password}
 * @client_address: (nullable): the peer address for the rate limit
 * @error: VALIDATION with details: "email", "code", "new_password" (the
 *   password rules, as registration); "code" with issue "invalid" for an
 *   unknown email, an inactive account, a wrong, used, voided or expired
 *   code (one answer for all); RATE_LIMITED as bz_password_forgot()
 *
 * Sets the new password when @body's code is the live code of @body's
 * account; spends the code and revokes every session of the user.  A wrong
 * code counts one try against the live code (the only write of a refusal)
 * and the %BZ_PASSWORD_RESET_ATTEMPTS_MAXth voids it.  The new password is
 * hashed (argon2id) before the transaction, whatever the code, so the
 * answer's time does not tell a right code from a wrong one.
 *
 * Returns: %TRUE when the password was reset.
 */
gboolean  bz_password_reset  (BzServices *svc, JsonObject *body, const char *client_address, GError **error);

/**
 * bz_password_reset_code_create:
 * @svc: the service layer
 * @caller: a nutritionist
 * @patient_id: a patients.id of @caller's
 * @error: FORBIDDEN (the caller is not a nutritionist), NOT_FOUND (no such
 *   patient of @caller's, or not a UUID), INTERNAL/UNAVAILABLE
 *
 * Makes a new reset code for the patient's member account (voiding any
 * older one).  The code is in the answer only: store and logs keep its hash.
 *
 * Returns: (transfer full): a PasswordResetCode record {code, email,
 *   expires_at, expires_in, attempts_max}, or %NULL with @error.
 */
BzRecord *bz_password_reset_code_create (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                         GError **error);

/**
 * bz_password_reset_code_create_async:
 * @svc: the service layer (kept alive until @callback)
 * @caller: the desk's signed-in nutritionist; copied
 * @patient_id: copied
 * @cancellable: (nullable): checked before and after the work
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Runs bz_password_reset_code_create() on a worker thread; finish with
 * bz_password_reset_code_create_finish().
 */
void      bz_password_reset_code_create_async  (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                                gpointer user_data);

/**
 * bz_password_reset_code_create_finish:
 * @error: %G_IO_ERROR_CANCELLED, or what bz_password_reset_code_create() sets
 *
 * Returns: (transfer full) (nullable): as bz_password_reset_code_create().
 */
BzRecord *bz_password_reset_code_create_finish (BzServices *svc, GAsyncResult *result, GError **error);

G_END_DECLS
