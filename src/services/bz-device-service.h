/* bz-device-service.h — phones paired with the desk's QR code (issue 9, "QR
 * pairing"; docs/pairing.md): one-time pairing codes, the exchange of a code
 * for a device-bound session, the list of paired devices and their
 * revocation; and what the QR code says of the server (its HTTPS URL and
 * certificate fingerprint).
 *
 * Who may do what:
 * - a pairing code is made by any signed-in user for a phone of their own,
 *   or by a nutritionist for a phone of one of their patients (patient_id);
 *   the desk makes them through this service for the patient on screen;
 * - the exchange (bz_devices_pair()) needs no caller: the code is the
 *   credential; it works once, for BZ_PAIRING_CODE_TTL_S seconds;
 * - devices are listed and revoked by their owner, or by the owner's
 *   nutritionist; anyone else gets NOT_FOUND, as if the device did not exist.
 *
 * A device's session is a refresh-token family of its own: revoking the
 * device revokes that family, so its refresh token and access tokens stop
 * working at once (bz-auth-service.h); each refresh updates last_seen_at.
 */
#pragma once

#include "bz-device-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/**
 * bz_devices_set_server_info:
 * @https_url: (nullable): the URL phones reach the server at over HTTPS
 *   ("https://192.168.1.20:8421"); %NULL when HTTPS is off
 * @fingerprint: (nullable): SHA-256 of the HTTPS certificate (DER), 64
 *   lowercase hex digits (bz-tls-cert.h); %NULL when HTTPS is off
 * @http_url: (nullable): the plain-HTTP URL, used in the QR code when there is no HTTPS
 * @instance_name: (nullable): the server's name for phones
 *
 * Told by the composition root once the server listens (thread-safe); read
 * by pairing codes, GET /api/v1/tls and the desk.
 */
void      bz_devices_set_server_info (BzServices *svc, const char *https_url, const char *fingerprint,
                                      const char *http_url, const char *instance_name);

/**
 * bz_devices_get_tls_info:
 *
 * Returns: (transfer full): a TlsInfo record: the HTTPS URL and port, the
 *   certificate fingerprint and the instance name (each null when unknown).
 */
BzRecord *bz_devices_get_tls_info    (BzServices *svc);

/**
 * bz_devices_create_pairing_code:
 * @caller: who asks
 * @patient_id: (nullable): a nutritionist's patient (patients.id) whose phone
 *   pairs; %NULL: a phone of @caller
 * @error: BZ_ERROR_VALIDATION (patient_id not a UUID), BZ_ERROR_NOT_FOUND (not
 *   the caller's patient), BZ_ERROR_INTERNAL
 *
 * Makes a one-time code of BZ_PAIRING_CODE_CHARS Crockford base32
 * characters (libsodium's randombytes), valid BZ_PAIRING_CODE_TTL_S
 * seconds; only its SHA-256 is stored.
 *
 * Returns: (transfer full): a PairingCode record with the code (shown once),
 *   its expiry, the server's HTTPS URL and fingerprint, and the QR payload.
 */
BzRecord *bz_devices_create_pairing_code (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                          GError **error);

/**
 * bz_devices_pair:
 * @body: a PairRequest {code, device_name, platform}
 * @error: BZ_ERROR_VALIDATION (with details), BZ_ERROR_UNAUTHENTICATED (the
 *   code is unknown, used or expired, or its user is disabled),
 *   BZ_ERROR_CONFLICT (BZ_DEVICES_PER_USER_MAX devices already paired)
 *
 * Takes the code (once) and opens a session for its user bound to a new
 * device.  Nothing is stored on any refusal.
 *
 * Returns: (transfer full): a PairResult record {access_token,
 *   refresh_token, token_type, expires_in, device, user}.
 */
BzRecord *bz_devices_pair            (BzServices *svc, JsonObject *body, GError **error);

/**
 * bz_devices_list:
 * @patient_id: (nullable): a nutritionist's patient (patients.id); %NULL: the caller's own
 * @error: BZ_ERROR_VALIDATION (not a UUID), BZ_ERROR_NOT_FOUND (not the caller's patient)
 *
 * Returns: (transfer full): a DeviceList record, newest first, revoked ones included.
 */
BzRecord *bz_devices_list            (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                      GError **error);

/**
 * bz_devices_revoke:
 * @device_id: a devices.id
 * @error: BZ_ERROR_NOT_FOUND (no such device, or neither the caller's nor
 *   their patient's)
 *
 * Revokes the device and its session (idempotent for an already revoked one).
 *
 * Returns: (transfer full): the Device record, revoked.
 */
BzRecord *bz_devices_revoke          (BzServices *svc, const BzCaller *caller, const char *device_id,
                                      GError **error);

/* Async (GIO style) for the desk: the work runs on the service pool. */
void      bz_devices_create_pairing_code_async  (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                                 gpointer user_data);
BzRecord *bz_devices_create_pairing_code_finish (BzServices *svc, GAsyncResult *result, GError **error);
void      bz_devices_list_async                 (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                                 gpointer user_data);
BzRecord *bz_devices_list_finish                (BzServices *svc, GAsyncResult *result, GError **error);
void      bz_devices_revoke_async               (BzServices *svc, const BzCaller *caller, const char *device_id,
                                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                                 gpointer user_data);
BzRecord *bz_devices_revoke_finish              (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_devices_move_clock_for_testing:
 * @seconds: added to the wall clock of pairing codes (expiry), from now on
 *
 * For tests of expiry only; production never calls it (the offset is 0).
 */
void      bz_devices_move_clock_for_testing (BzServices *svc, gint64 seconds);

G_END_DECLS
