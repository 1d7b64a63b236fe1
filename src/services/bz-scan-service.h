/* bz-scan-service.h — InBody body scans and their avatars (seed 000 story 4.4). */
#pragma once

#include "bz-services.h"

G_BEGIN_DECLS

/**
 * bz_scans_upload:
 * @input: {patient_id, measured_at (ISO 8601), sex ("male"|"female"), age (years),
 *   height_cm, weight_kg, body_fat_percent, skeletal_muscle_mass_kg,
 *   circumferences_cm?: {neck, chest, waist, hip, arm, thigh, calf}}
 *   (patient_id may be omitted by a patient for self)
 * Stores the scan, generates the avatar with the configured provider and
 * stores the GLB in the blob store, all in one transaction.
 * Returns: (transfer full): {scan: {...}, avatar: {id, url, version, size_bytes, etag}}
 * Errors: VALIDATION (field details), NOT_FOUND (patient), UPSTREAM (provider).
 */
JsonNode *bz_scans_upload (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

/**
 * bz_scans_list:
 * Returns: (transfer full): {patient_id, scans: [scan with avatar {id,url,version}]}, newest first.
 */
JsonNode *bz_scans_list   (BzServices *svc, const BzCaller *caller, const char *patient_id, GError **error);

/**
 * bz_avatars_get_glb:
 * @avatar_id: the avatar id (without ".glb")
 * @out_etag: (out) (transfer full): the blob hash, usable as a strong ETag
 * Returns: (transfer full): the binary glTF; NOT_FOUND if unknown or not the caller's.
 */
GBytes   *bz_avatars_get_glb (BzServices *svc, const BzCaller *caller, const char *avatar_id,
                              char **out_etag, GError **error);

G_END_DECLS
