/* bz-gltf.h — binary glTF 2.0 (GLB) writer for body meshes.
 *
 * Follows the Khronos glTF 2.0 specification (https://registry.khronos.org/
 * glTF/specs/2.0/glTF-2.0.html), §4.4 "GLB File Format Specification".
 */
#pragma once

#include <glib.h>

#include "bz-body-model.h"

G_BEGIN_DECLS

/**
 * BzGltfOptions:
 * @name: (nullable): mesh and node name; %NULL for "Balanza avatar"
 * @base_color: linear RGBA base colour factor of the PBR material (a skin
 *   tone); all zeros selects the default (0.64, 0.40, 0.29, 1) — linear
 *   values of the sRGB skin tone #D1AA93
 * @roughness: PBR roughness factor in (0, 1] (metallic is always 0); 0 or
 *   less selects the default 0.6
 * @measurements: (nullable): written into `meshes[0].extras.balanza`
 *   (sex, age, height, weight, body fat, muscle and circumferences; cm, kg)
 * @lod: level of detail recorded in the extras (informative only)
 *
 * Options for bz_gltf_write_glb(); zero-initialise and set what you need.
 */
typedef struct
{
  const char *name;
  float base_color[4];
  float roughness;
  const BzBodyMeasurements *measurements;
  guint lod;
} BzGltfOptions;

/**
 * bz_gltf_write_glb:
 * @mesh: a triangle mesh (positions in metres, unit normals)
 * @opts: (nullable): options, %NULL for defaults
 * @error: return location for a #GError
 *
 * Writes @mesh as a self-contained binary glTF 2.0 file: a 12-byte header
 * (magic "glTF", version 2, total length), a JSON chunk padded with spaces
 * and a BIN chunk padded with zeros, both to 4 bytes.  The asset has one
 * scene, one node, one mesh with one triangle primitive (POSITION with
 * min/max, NORMAL, indices as UNSIGNED_SHORT when the mesh has fewer than
 * 65,536 vertices, else UNSIGNED_INT), and one metallic-roughness material;
 * asset.version "2.0", asset.generator "Balanza".  Units are metres, +Y up,
 * facing +Z, as glTF requires.
 *
 * Errors: %BZ_ERROR_VALIDATION if @mesh is empty, its index count is not a
 *   multiple of 3, an index is out of range, the normals do not match the
 *   positions, or a coordinate is not finite.
 * Returns: (transfer full): the GLB bytes, or %NULL with @error set.
 */
GBytes *bz_gltf_write_glb (const BzMesh        *mesh,
                           const BzGltfOptions *opts,
                           GError             **error);

G_END_DECLS
