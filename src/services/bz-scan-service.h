/* bz-scan-service.h — InBody body scans and their avatars (seed 000 story 4.4). */
#pragma once

#include "bz-gltf.h"
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
 * bz_scans_update:
 * @caller: the scan's member, or a nutritionist of its patient
 * @scan_id: a body_scans.id
 * @input: a ScanUpdate body (bz_scan_update_resource): measured_at, sex,
 *   age, height_cm, weight_kg, body_fat_percent, skeletal_muscle_mass_kg,
 *   circumferences_cm, bioimpedance, each optional; merged into the stored
 *   scan as JSON Merge Patch (RFC 7396): null clears an optional value
 *   ("not measured"), nested objects merge member by member
 * @error: VALIDATION (details per field as for bz_scans_add(), and
 *   "unknown_field" for a member ScanUpdate does not declare, id and
 *   patient_id included; "required" for null on a required one),
 *   NOT_FOUND (no such scan, or one the caller may not see), UPSTREAM
 *   (avatar provider)
 *
 * The rectification of a scan (issue 9, LFPDPPP's right of rectification,
 * seed 002 §7.2): the merged scan passes bz_scans_add()'s rules; its
 * derived values are computed as bz_scans_add() computes them
 * (body_fat_percent_estimated from the body model when body fat is not
 * measured, null when it is; bmi on reading) and its avatar is generated
 * again with the configured provider.  In one transaction the row is
 * rewritten and the avatar replaced (a new id and blob with the old
 * version number, bz_scan_repo_replace_avatar(); the old blob is left to
 * the blob store's garbage collection), both in the sync change log; then
 * audited as "rectify_scan".  Nothing is written on a refusal.
 *
 * Returns: (transfer full): the stored Scan record, with its new avatar;
 *   %NULL with @error.
 */
BzRecord *bz_scans_update   (BzServices *svc, const BzCaller *caller, const char *scan_id, JsonObject *input,
                             GError **error);

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

/* The same calls off the calling thread (GIO style), for the GUI: the
 * synchronous call runs on a GTask worker thread (its own SQLite
 * connection); the caller is copied, and %NULL (signed out) finishes with
 * %BZ_ERROR_UNAUTHENTICATED; the cancellable is checked before the work
 * starts and after it ends (%G_IO_ERROR_CANCELLED); the callback runs on
 * the thread-default main context of the caller of the _async function. */

/**
 * bz_scans_get_list_async:
 * @svc: the service layer (the task's source object; kept alive until @callback)
 * @caller: (nullable): a nutritionist or the patient; copied
 * @patient_id: (nullable): for a nutritionist, one of own patients; copied
 * @cancellable: (nullable): checked before and after the work
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Runs bz_scans_get_list() (an audited read) on a worker thread.  Finish
 * with bz_scans_get_list_finish().
 */
void      bz_scans_get_list_async  (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                    gpointer user_data);

/**
 * bz_scans_get_list_finish:
 * @svc: the service layer passed to bz_scans_get_list_async()
 * @result: the #GAsyncResult given to the callback
 * @error: %G_IO_ERROR_CANCELLED, %BZ_ERROR_UNAUTHENTICATED (no caller), or
 *   what bz_scans_get_list() sets: %BZ_ERROR_VALIDATION, %BZ_ERROR_NOT_FOUND
 *
 * Returns: (transfer full) (nullable): the ScanList record {patient_id,
 *   scans (newest first, each with its avatar; the "scans" property is a
 *   #GListModel of Scan records)}, or %NULL with @error set.
 */
BzRecord *bz_scans_get_list_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_scans_add_async:
 * @svc: the service layer (the task's source object; kept alive until @callback)
 * @caller: (nullable): a nutritionist or the patient; copied
 * @input: (transfer none): the ScanInput body of bz_scans_add(); deep-copied,
 *   so the caller may change or free it when this returns
 * @cancellable: (nullable): checked before the work starts and after it
 *   ends.  A cancellation that arrives while the scan and its avatar are
 *   being made does not undo them: the call then finishes with
 *   %G_IO_ERROR_CANCELLED but the scan is stored
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Runs bz_scans_add() on a worker thread: validation, the avatar (CPU
 * work of the configured provider) and the transaction.  Finish with
 * bz_scans_add_finish().
 */
void      bz_scans_add_async       (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                    gpointer user_data);

/**
 * bz_scans_add_finish:
 * @svc: the service layer passed to bz_scans_add_async()
 * @result: the #GAsyncResult given to the callback
 * @error: %G_IO_ERROR_CANCELLED, %BZ_ERROR_UNAUTHENTICATED (no caller), or
 *   what bz_scans_add() sets: %BZ_ERROR_VALIDATION (details per field),
 *   %BZ_ERROR_NOT_FOUND (patient), %BZ_ERROR_UPSTREAM (avatar provider)
 *
 * Returns: (transfer full) (nullable): the ScanUpload record {avatar, scan},
 *   or %NULL with @error set.
 */
BzRecord *bz_scans_add_finish      (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_avatars_get_glb:
 * @avatar_id: the avatar id (without ".glb")
 * @out_etag: (out) (transfer full): the blob hash, usable as a strong ETag
 * Returns: (transfer full): the binary glTF; NOT_FOUND if unknown or not the caller's.
 */
GBytes   *bz_avatars_get_glb (BzServices *svc, const BzCaller *caller, const char *avatar_id,
                              char **out_etag, GError **error);

/**
 * bz_avatars_get_glb_variant:
 * @avatar_id: the avatar id (without ".glb")
 * @lod: level of detail, 0 .. %BZ_GLTF_LOD_COUNT − 1 (see bz_gltf_lod_mesh())
 * @compression: %BZ_GLTF_COMPRESSION_NONE (plain glTF 2.0) or
 *   %BZ_GLTF_COMPRESSION_MESHOPT (KHR_mesh_quantization +
 *   EXT_meshopt_compression, both required)
 * @out_etag: (out) (transfer full): a strong ETag for this variant
 *
 * The avatar at a level of detail and encoding (seed 000 story 4.4
 * criterion 6, issue 8).  LOD 0 uncompressed is the stored file itself
 * (same bytes and ETag as bz_avatars_get_glb()); the other variants are
 * made from it (bz_gltf_read_glb(), bz_gltf_lod_mesh(), bz_gltf_write_glb(),
 * keeping the stored file's mesh extras: the measurements)
 * on first use and kept in a small in-process cache keyed by the ETag
 * "<blob sha>-v<variant version>-lod<L>-<none|meshopt>".  Blocking (CPU):
 * call it from the worker pool.
 *
 * Errors: NOT_FOUND if unknown or not the caller's; UPSTREAM if the
 *   stored file (from a remote provider) is not a mesh the reader accepts.
 * Returns: (transfer full): the binary glTF, or %NULL with @error set.
 */
GBytes   *bz_avatars_get_glb_variant (BzServices *svc, const BzCaller *caller, const char *avatar_id,
                                      guint lod, BzGltfCompression compression,
                                      char **out_etag, GError **error);

G_END_DECLS
