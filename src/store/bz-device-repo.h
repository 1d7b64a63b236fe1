/* bz-device-repo.h — paired devices and one-time pairing codes (issue 9;
 * data/sql/031_devices.sql).
 *
 * Only the SHA-256 (hex) of a pairing code is stored.  Making codes,
 * checking who may pair or revoke, and the tokens are the device service's
 * (src/services/bz-device-service.c).  Every function runs on the calling
 * thread's connection; writers run inside the caller's transaction
 * (bz_store_begin()) and append their rows to the change log.  Times are
 * ISO 8601 UTC text ("2026-11-30T23:55:00Z"), compared as text.
 */
#pragma once

#include "bz-device-resources.h"
#include "bz-store.h"

G_BEGIN_DECLS

/**
 * bz_device_repo_insert_code:
 * @id: a new UUID
 * @code_hash: hex SHA-256 of the code
 * @user_id: whose phone the code pairs
 * @created_by: who made it (the user, or their nutritionist)
 * @created_at: now
 * @expires_at: now + BZ_PAIRING_CODE_TTL_S
 * @error: BZ_ERROR_CONFLICT (hash already stored), BZ_ERROR_INTERNAL
 *
 * Returns: %TRUE when inserted.
 */
gboolean  bz_device_repo_insert_code (BzStore *store, const char *id, const char *code_hash, const char *user_id,
                                      const char *created_by, const char *created_at, const char *expires_at,
                                      GError **error);

/**
 * bz_device_repo_take_code:
 * @code_hash: hex SHA-256 of the code presented
 * @now: the time of the exchange
 * @out_code_id: (out) (transfer full): the code's id, %NULL when it cannot be taken
 * @out_user_id: (out) (transfer full): whose phone it pairs, %NULL when it cannot be taken
 * @error: BZ_ERROR_INTERNAL
 *
 * Marks the code used at @now if it is unused and expires after @now; a
 * used, expired or unknown code is left as it is.
 *
 * Returns: %FALSE on a database error only.
 */
gboolean  bz_device_repo_take_code   (BzStore *store, const char *code_hash, const char *now,
                                      char **out_code_id, char **out_user_id, GError **error);

/**
 * bz_device_repo_insert:
 * @id: a new UUID
 * @user_id: the owner
 * @family_id: the refresh-token family of its session
 * @name: as the phone named itself (validated)
 * @platform: a term of bz_vocab_paired_platform
 * @now: created_at and last_seen_at
 * @code_id: (nullable): the pairing code it used (pairing_codes.device_id is set)
 *
 * Returns: %TRUE when inserted.
 */
gboolean  bz_device_repo_insert      (BzStore *store, const char *id, const char *user_id, const char *family_id,
                                      const char *name, const char *platform, const char *now, const char *code_id,
                                      GError **error);

/**
 * bz_device_repo_count_live:
 * @out_n: (out): devices of @user_id not revoked
 *
 * Returns: %FALSE on a database error.
 */
gboolean  bz_device_repo_count_live  (BzStore *store, const char *user_id, gint64 *out_n, GError **error);

/**
 * bz_device_repo_list:
 * @user_id: the owner
 * @error: BZ_ERROR_INTERNAL
 *
 * Returns: (transfer full) (nullable): a DeviceList record, newest first,
 *   revoked ones included; %NULL with @error.
 */
BzRecord *bz_device_repo_list        (BzStore *store, const char *user_id, GError **error);

/**
 * bz_device_repo_get:
 * @id: a devices.id
 * @out_user_id: (out) (transfer full) (optional): the owner; %NULL when there is no such device
 * @out_family_id: (out) (transfer full) (optional): its refresh-token family
 *
 * Returns: (transfer full) (nullable): the Device record; %NULL without
 *   @error when there is no such device, with @error on a database error.
 */
BzRecord *bz_device_repo_get         (BzStore *store, const char *id, char **out_user_id, char **out_family_id,
                                      GError **error);

/**
 * bz_device_repo_revoke:
 * @id: a devices.id
 * @now: revoked_at
 *
 * Marks the device revoked (once: a revoked device keeps its first
 * revoked_at).  Its tokens are the caller's to revoke
 * (bz_token_repo_revoke_family()).
 *
 * Returns: %TRUE unless a database error.
 */
gboolean  bz_device_repo_revoke      (BzStore *store, const char *id, const char *now, GError **error);

/**
 * bz_device_repo_touch:
 * @family_id: a refresh-token family
 * @now: the refresh's time
 *
 * Sets last_seen_at of the device whose session is @family_id, if any (a
 * sign-in with a password has no device: nothing changes).
 *
 * Returns: %TRUE unless a database error.
 */
gboolean  bz_device_repo_touch       (BzStore *store, const char *family_id, const char *now, GError **error);

/**
 * bz_device_repo_patient_user:
 * @patient_id: a patients.id
 * @nutritionist_id: the caller, a nutritionist
 *
 * Returns: (transfer full) (nullable): the users.id of the patient when
 *   @patient_id is assigned to @nutritionist_id; %NULL without @error otherwise.
 */
char     *bz_device_repo_patient_user (BzStore *store, const char *patient_id, const char *nutritionist_id,
                                       GError **error);

/**
 * bz_device_repo_is_patient_of:
 * @user_id: a users.id
 * @nutritionist_id: a users.id
 * @out_yes: (out): whether @user_id is a patient assigned to @nutritionist_id
 *
 * Returns: %FALSE on a database error.
 */
gboolean  bz_device_repo_is_patient_of (BzStore *store, const char *user_id, const char *nutritionist_id,
                                        gboolean *out_yes, GError **error);

G_END_DECLS
