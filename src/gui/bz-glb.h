/* bz-glb.h — a small reader for binary glTF 2.0 (GLB) triangle meshes.
 *
 * Reads what the avatar view draws: every triangle primitive of every mesh
 * node in the default scene (node transforms applied), with POSITION, NORMAL
 * (computed when absent) and indices (UNSIGNED_BYTE, UNSIGNED_SHORT or
 * UNSIGNED_INT; none means a plain triangle list), float or quantized
 * (KHR_mesh_quantization), plain or compressed (EXT_meshopt_compression).
 * Everything else in the file (materials, skins, animations) is ignored.
 * The parsing is bz_gltf_read_glb() in src/core/bz-gltf-read.c.
 *
 * Format: Khronos glTF 2.0 specification, section 4.4 "Binary glTF Layout".
 * Pure: no GL, no GTK; safe to call from any thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BzGlbMesh:
 * @positions: float x,y,z per vertex (the file's units, metres for avatars)
 * @normals: float x,y,z per vertex, unit length
 * @indices: guint32, three per triangle
 * @min: bounding box minimum; @max: bounding box maximum
 */
typedef struct
{
  GArray *positions;
  GArray *normals;
  GArray *indices;
  float min[3];
  float max[3];
} BzGlbMesh;

void       bz_glb_mesh_free (BzGlbMesh *mesh);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzGlbMesh, bz_glb_mesh_free)

/** bz_glb_mesh_vertex_count: Returns: the number of vertices. */
guint      bz_glb_mesh_vertex_count (const BzGlbMesh *mesh);

/** bz_glb_mesh_triangle_count: Returns: the number of triangles. */
guint      bz_glb_mesh_triangle_count (const BzGlbMesh *mesh);

/**
 * bz_glb_parse:
 * @bytes: a whole .glb file
 * @error: G_IO_ERROR_INVALID_DATA when the file is not a valid GLB triangle mesh
 * Returns: (transfer full): the merged mesh, or %NULL.
 */
BzGlbMesh *bz_glb_parse (GBytes *bytes, GError **error);

G_END_DECLS
