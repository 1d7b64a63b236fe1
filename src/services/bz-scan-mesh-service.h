/* bz-scan-mesh-service.h — the body model's mesh of a stored scan, for the
 * kiosk's progress morph (issue 8, seed 000 story 4.4 "progress comparison").
 *
 * The GUI never reads a GLB for the morph: the avatar files may be
 * compressed or made by a remote provider, while the morph needs two meshes
 * with the same vertices in the same order.  The embedded body model
 * (bz-body-model.h) promises that: its vertex count and triangle list depend
 * only on sex and level of detail, never on the measurements.  So this call
 * builds the mesh again from the scan's stored measurements.
 */
#pragma once

#include "bz-services.h"

G_BEGIN_DECLS

/**
 * BzScanMesh:
 * @scan_id: the scan it was built from
 * @sex: "male" or "female" (the scan's)
 * @lod: level of detail, 0 (finest) .. 2
 * @positions: `float` x,y,z per vertex, metres, +Y up, feet at y = 0, facing +Z
 * @normals: `float` x,y,z per vertex, unit length
 * @indices: `guint32`, three per triangle, counter-clockwise seen from outside
 * @min: bounding box minimum (m); @max: bounding box maximum (m)
 * @body_fat_percent: the body fat the body was built for, %: the measured
 *   one, or when none was measured the estimate the scan reports as
 *   body_fat_percent_estimated (bz_body_model_implied_body_fat())
 *
 * A reference-counted, immutable mesh (boxed type; copy = ref).  Two meshes
 * of the same @sex and @lod have the same vertex count and the same
 * @indices (the body model's promise), so their vertices correspond one to
 * one and can be interpolated.
 */
typedef struct
{
  char *scan_id;
  char *sex;
  guint lod;
  GArray *positions;
  GArray *normals;
  GArray *indices;
  float min[3];
  float max[3];
  double body_fat_percent;
} BzScanMesh;

#define BZ_TYPE_SCAN_MESH (bz_scan_mesh_get_type ())
GType       bz_scan_mesh_get_type     (void) G_GNUC_CONST;

/** bz_scan_mesh_ref: Returns: (transfer full): @mesh, one more reference. */
BzScanMesh *bz_scan_mesh_ref          (BzScanMesh *mesh);
/** bz_scan_mesh_unref: drops a reference; the last frees the mesh. %NULL is ignored. */
void        bz_scan_mesh_unref        (BzScanMesh *mesh);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzScanMesh, bz_scan_mesh_unref)

/** bz_scan_mesh_vertex_count: Returns: the number of vertices. */
guint       bz_scan_mesh_vertex_count (const BzScanMesh *mesh);

/**
 * bz_scan_mesh_same_topology:
 * Returns: %TRUE when @a and @b have the same vertex count and the same
 *   triangle list, i.e. one can be morphed into the other.
 */
gboolean    bz_scan_mesh_same_topology (const BzScanMesh *a, const BzScanMesh *b);

/**
 * bz_scans_avatar_mesh:
 * @svc: the service layer
 * @caller: the scan's patient, or that patient's nutritionist
 * @scan_id: a scan id
 * @lod: level of detail, 0 (finest, 48 vertices around the trunk) .. 2
 * @error: %BZ_ERROR_VALIDATION (field "lod" out of range),
 *   %BZ_ERROR_NOT_FOUND (no such scan, or not the caller's: the same answer,
 *   as everywhere), %BZ_ERROR_INTERNAL on a database error
 *
 * Reads the scan and builds its body with the body model
 * (bz_body_model_build(): missing circumferences estimated as for the
 * avatar).  Blocking CPU work (about a millisecond for LOD 0): run it on a
 * worker thread, or use bz_scans_avatar_mesh_async().  Nothing is written
 * and nothing is audited beyond what bz_scans_get_list() audits: the mesh
 * carries no more than the scan the caller may list.
 *
 * Returns: (transfer full): the mesh, or %NULL with @error set.
 */
BzScanMesh *bz_scans_avatar_mesh      (BzServices *svc, const BzCaller *caller, const char *scan_id,
                                       guint lod, GError **error);

/**
 * bz_scans_avatar_mesh_async:
 * @svc: the service layer (kept alive until @callback)
 * @caller: (nullable): copied; %NULL finishes with %BZ_ERROR_UNAUTHENTICATED
 * @scan_id: copied
 * @lod: 0 .. 2
 * @cancellable: (nullable): checked before and after the work
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Runs bz_scans_avatar_mesh() on a worker thread.
 */
void        bz_scans_avatar_mesh_async  (BzServices *svc, const BzCaller *caller, const char *scan_id,
                                         guint lod, GCancellable *cancellable,
                                         GAsyncReadyCallback callback, gpointer user_data);

/**
 * bz_scans_avatar_mesh_finish:
 * @error: %G_IO_ERROR_CANCELLED, %BZ_ERROR_UNAUTHENTICATED, or what
 *   bz_scans_avatar_mesh() sets
 * Returns: (transfer full) (nullable): the mesh, or %NULL with @error set.
 */
BzScanMesh *bz_scans_avatar_mesh_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_scans_preview_mesh:
 * @svc: the service layer
 * @caller: the nutritionist of the input's patient, or that patient
 * @input: a scan as bz_scans_add() takes it (patient_id, sex, age, height_cm,
 *   weight_kg, optional body composition and circumferences_cm)
 * @lod: level of detail, 0 .. 2
 * @error: %BZ_ERROR_VALIDATION with the same field details bz_scans_add()
 *   gives (and "lod"), %BZ_ERROR_NOT_FOUND for a patient the caller may not
 *   see
 *
 * The body a scan of @input would get, before it is saved: the desk's
 * "New Body Scan" dialog previews it (issue 8).  Validates as
 * bz_scans_add() does and builds the body model's mesh; nothing is written
 * or audited.  Blocking CPU work (a few milliseconds): run it on a worker
 * thread, or use bz_scans_preview_mesh_async().  The mesh's @scan_id is
 * %NULL.
 *
 * Returns: (transfer full): the mesh, or %NULL with @error set.
 */
BzScanMesh *bz_scans_preview_mesh      (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                        guint lod, GError **error);

/**
 * bz_scans_preview_mesh_async:
 * @input: (transfer none): referenced until the work is done; not modified
 *
 * Runs bz_scans_preview_mesh() on a worker thread; the other arguments as
 * bz_scans_avatar_mesh_async().
 */
void        bz_scans_preview_mesh_async  (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                          guint lod, GCancellable *cancellable,
                                          GAsyncReadyCallback callback, gpointer user_data);

/**
 * bz_scans_preview_mesh_finish:
 * @error: %G_IO_ERROR_CANCELLED, %BZ_ERROR_UNAUTHENTICATED, or what
 *   bz_scans_preview_mesh() sets
 * Returns: (transfer full) (nullable): the mesh, or %NULL with @error set.
 */
BzScanMesh *bz_scans_preview_mesh_finish (BzServices *svc, GAsyncResult *result, GError **error);

G_END_DECLS
