/* bz-scan-service-private.h — the steps of bz_scans_add() that the InBody
 * import (bz-scan-import.c) shares with it.  Services only. */
#pragma once

#include "bz-avatar-provider.h"
#include "bz-body-model.h"
#include "bz-scan-service.h"

G_BEGIN_DECLS

/**
 * bz_scan_validate_input:
 * @input: a ScanInput object (bz_scans_add())
 * @m: (out): the measurements for the body model
 * @v: collects the field errors ("weight_kg", "circumferences_cm.waist",
 *   "bioimpedance.phase_angle_deg" ...)
 *
 * Returns: (transfer full) (nullable): a Scan record without id and
 *   patient_id, or %NULL when @v got an error.
 */
BzRecord *bz_scan_validate_input (JsonObject *input, BzBodyMeasurements *m, BzValidation *v);

/**
 * bz_scan_take_bioimpedance:
 * @scan: (nullable): the Scan being validated; %NULL only collects errors
 * @input: a ScanInput object; its optional "bioimpedance" member is read
 *   against the Bioimpedance declaration (bz-inbody-resources.h)
 * @v: collects "bioimpedance.*" field errors
 *
 * Sets @scan's bioimpedance (every member null when @input has none).
 */
void      bz_scan_take_bioimpedance (BzRecord *scan, JsonObject *input, BzValidation *v);

/**
 * bz_scan_make_avatar:
 * @m: the measurements
 * @info: (out): what the provider reports (vertex count)
 * @error: BZ_ERROR_UPSTREAM when the provider fails outside BZ_ERROR
 *
 * Generates the avatar with the configured provider: CPU work, to run
 * outside any write transaction.
 *
 * Returns: (transfer full) (nullable): the GLB.
 */
GBytes   *bz_scan_make_avatar (BzServices *svc, const BzBodyMeasurements *m, BzAvatarInfo *info, GError **error);

/**
 * bz_scan_put_avatar:
 * @glb: an avatar (bz_scan_make_avatar())
 * @info: the provider's report of @glb
 * @error: as bz_blob_put()
 *
 * Inside the caller's write transaction: stores @glb in the blob store.
 *
 * Returns: (transfer full) (nullable): its Avatar record {id (a new UUID),
 *   size_bytes, etag (the blob's SHA-256), vertex_count, provider}, for
 *   bz_scan_repo_insert_avatar() or bz_scan_repo_replace_avatar(); %NULL
 *   with @error.
 */
BzRecord *bz_scan_put_avatar (BzServices *svc, GBytes *glb, const BzAvatarInfo *info, GError **error);

/**
 * bz_scan_store_in_tx:
 * @scan: a validated Scan with id and patient_id
 * @created_by: the caller's users.id
 * @glb: its avatar (bz_scan_make_avatar())
 * @info: the provider's report of @glb
 * @now: ISO 8601 UTC
 * @error: as bz_scan_repo_insert(), bz_blob_put(), bz_scan_repo_insert_avatar()
 *
 * Inside the caller's write transaction: inserts @scan, the GLB blob and the
 * avatar row.  The caller commits (or rolls back on %FALSE).
 *
 * Returns: %FALSE with @error.
 */
gboolean  bz_scan_store_in_tx (BzServices *svc, BzRecord *scan, const char *created_by, GBytes *glb,
                               const BzAvatarInfo *info, const char *now, GError **error);

/**
 * bz_scan_get_visible:
 * @svc: the service layer
 * @caller: the scan's patient, or that patient's nutritionist
 * @scan_id: a scan id
 * @error: %BZ_ERROR_NOT_FOUND for an unknown scan and for one the caller may
 *   not see (the same answer, as everywhere), %BZ_ERROR_INTERNAL on a
 *   database error
 *
 * Returns: (transfer full): the stored scan, or %NULL with @error set.
 */
BzRecord *bz_scan_get_visible (BzServices *svc, const BzCaller *caller, const char *scan_id, GError **error);

G_END_DECLS
