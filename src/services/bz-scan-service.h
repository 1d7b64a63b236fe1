/* bz-scan-service.h — InBody body scans and their avatars (seed 000 story 4.4). */
#pragma once

#include "bz-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/**
 * bz_scans_add:
 * @caller: a nutritionist (for one of own patients) or a patient (for self)
 * @input: the ScanInput body: {patient_id (a patient may omit it),
 *   measured_at (ISO 8601; a date alone means its noon UTC), sex
 *   ("male"|"female", or a Spanish alias), age (years), height_cm,
 *   weight_kg, body_fat_percent, skeletal_muscle_mass_kg,
 *   circumferences_cm?: {neck, chest, waist, hip, arm, thigh, calf}}; the
 *   ranges are those of the Scan and Circumferences declarations
 * @error: VALIDATION (details per field: "required", "invalid_type",
 *   "invalid_format", "in_future", "invalid_choice", "out_of_range",
 *   "unknown_field"), NOT_FOUND (patient), UPSTREAM (avatar provider)
 *
 * Stores the scan, generates the avatar with the configured provider and
 * stores the GLB in the blob store, the writes in one transaction.
 *
 * Returns: (transfer full): a ScanUpload record {avatar, scan (with the
 *   same avatar)}; %NULL with @error.
 */
BzRecord *bz_scans_add      (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

/**
 * bz_scans_get_list:
 * @patient_id: (nullable): for a nutritionist, one of own patients; a
 *   patient may omit it
 * @error: VALIDATION (a nutritionist without @patient_id), NOT_FOUND
 *
 * Returns: (transfer full): a ScanList record {patient_id, scans (newest
 *   first, each with its avatar)}; %NULL with @error.
 */
BzRecord *bz_scans_get_list (BzServices *svc, const BzCaller *caller, const char *patient_id, GError **error);

/* The same as JSON trees, for the GUI until it binds the records. */

/** bz_scans_upload: Returns: (transfer full): the JSON of bz_scans_add(): {avatar, scan}. */
JsonNode *bz_scans_upload (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

/** bz_scans_list: Returns: (transfer full): the JSON of bz_scans_get_list(): {patient_id, scans}. */
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
