/* bz-password-reset-repo.h — password-reset codes (issue 9, "Password
 * reset"; data/sql/033_password_resets.sql): all their SQL.
 *
 * Only the SHA-256 (hex) of a code is stored; making codes, comparing them
 * (in constant time) and deciding about expiry are the service's
 * (bz-password-reset-service.c).  Every function runs on the calling
 * thread's connection (bz_store_db()); writers run inside the caller's
 * transaction (bz_store_begin()).  Codes are secrets of the desk and the
 * member, not records a phone syncs: they are not in the change log.
 */
#pragma once

#include "bz-store.h"

G_BEGIN_DECLS

/**
 * BzPasswordResetCode:
 * @id: password_reset_codes.id; %NULL when the lookup found no live code
 * @code_hash: hex SHA-256 of the code (64 characters)
 * @attempts: wrong codes tried so far
 *
 * A user's live code; strings owned, freed by bz_password_reset_code_clear().
 */
typedef struct
{
  char *id;
  char *code_hash;
  gint64 attempts;
} BzPasswordResetCode;

/**
 * bz_password_reset_code_clear:
 * @code: a code filled by bz_password_reset_repo_find_live() (or zeroed)
 *
 * Frees @code's strings and zeroes it.  The cleanup of g_auto(BzPasswordResetCode).
 */
void      bz_password_reset_code_clear (BzPasswordResetCode *code);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BzPasswordResetCode, bz_password_reset_code_clear)

/**
 * bz_password_reset_repo_patient_account:
 * @store: the store
 * @patient_id: a patients.id
 * @nutritionist_id: the caller, a nutritionist's users.id
 * @out_user_id: (out) (transfer full): the patient's member account (users.id),
 *   %NULL when @patient_id is not a patient of @nutritionist_id
 * @out_email: (out) (transfer full): that account's email, or %NULL
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Returns: %FALSE with @error on a database error only.
 */
gboolean  bz_password_reset_repo_patient_account (BzStore *store, const char *patient_id,
                                                  const char *nutritionist_id, char **out_user_id,
                                                  char **out_email, GError **error);

/**
 * bz_password_reset_repo_requester:
 * @store: the store
 * @email: a lowercased, trimmed email
 * @out_patient_id: (out) (transfer full): the patients.id of the active
 *   member account with @email, %NULL when there is none or it has no
 *   nutritionist
 * @out_nutritionist_id: (out) (transfer full): that patient's nutritionist
 * @out_full_name: (out) (transfer full): the member's first and last name
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Who should hear of a forgotten password: the member's nutritionist.
 *
 * Returns: %FALSE with @error on a database error only.
 */
gboolean  bz_password_reset_repo_requester (BzStore *store, const char *email, char **out_patient_id,
                                            char **out_nutritionist_id, char **out_full_name, GError **error);

/**
 * bz_password_reset_repo_insert:
 * @store: the store, inside a transaction of this thread
 * @id: the new row's id (a UUID)
 * @user_id: whose password the code resets
 * @code_hash: hex SHA-256 of the code
 * @created_by: (nullable): the nutritionist who made it
 * @created_at: ISO 8601 UTC; also the time the user's older live codes are voided
 * @expires_at: ISO 8601 UTC
 * @error: BZ_ERROR_INTERNAL on failure
 *
 * Voids the user's other live codes (a user has one at a time) and inserts
 * the new one.
 *
 * Returns: %TRUE when inserted.
 */
gboolean  bz_password_reset_repo_insert (BzStore *store, const char *id, const char *user_id,
                                         const char *code_hash, const char *created_by,
                                         const char *created_at, const char *expires_at, GError **error);

/**
 * bz_password_reset_repo_find_live:
 * @store: the store
 * @user_id: a users.id
 * @now: ISO 8601 UTC; codes with expires_at at or before it are not live
 * @out: (out caller-allocates): the newest unused, unvoided, unexpired code
 *   of @user_id; @out->id %NULL when there is none
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_password_reset_repo_find_live (BzStore *store, const char *user_id, const char *now,
                                            BzPasswordResetCode *out, GError **error);

/**
 * bz_password_reset_repo_note_wrong:
 * @store: the store, inside a transaction of this thread
 * @id: a live code
 * @attempts_max: the try that voids the code (%BZ_PASSWORD_RESET_ATTEMPTS_MAX)
 * @now: ISO 8601 UTC, the voiding time
 * @error: BZ_ERROR_INTERNAL on failure
 *
 * Counts one wrong code against @id, and voids it when that makes
 * @attempts_max.
 *
 * Returns: %TRUE on success.
 */
gboolean  bz_password_reset_repo_note_wrong (BzStore *store, const char *id, gint64 attempts_max,
                                             const char *now, GError **error);

/**
 * bz_password_reset_repo_take:
 * @store: the store, inside a transaction of this thread
 * @id: the code that matched
 * @now: ISO 8601 UTC
 * @out_taken: (out): whether this call took it (it was still live); one
 *   statement, so two resets with the same code cannot both take it
 * @error: BZ_ERROR_INTERNAL on failure
 *
 * Marks @id used.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_password_reset_repo_take (BzStore *store, const char *id, const char *now,
                                       gboolean *out_taken, GError **error);


G_END_DECLS
