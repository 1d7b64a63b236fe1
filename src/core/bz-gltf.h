/* bz-gltf.h — binary glTF 2.0 (GLB) writer and reader for body meshes.
 *
 * Follows the Khronos glTF 2.0 specification (https://registry.khronos.org/
 * glTF/specs/2.0/glTF-2.0.html), §4.4 "GLB File Format Specification", and
 * for the compressed avatars the Khronos extensions KHR_mesh_quantization
 * (https://github.com/KhronosGroup/glTF/tree/main/extensions/2.0/Khronos/
 * KHR_mesh_quantization) and EXT_meshopt_compression (https://github.com/
 * KhronosGroup/glTF/tree/main/extensions/2.0/Vendor/EXT_meshopt_compression).
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "bz-body-model.h"

G_BEGIN_DECLS

/**
 * BzGltfCompression:
 * @BZ_GLTF_COMPRESSION_NONE: float POSITION and NORMAL, plain indices (core
 *   glTF 2.0; every loader reads it)
 * @BZ_GLTF_COMPRESSION_MESHOPT: quantized attributes (KHR_mesh_quantization)
 *   in buffer views compressed with the meshoptimizer codecs
 *   (EXT_meshopt_compression); both extensions are required
 * @BZ_GLTF_COMPRESSION_QUANTIZED: the same quantized views stored without
 *   the meshopt codecs (only KHR_mesh_quantization, required): what a
 *   meshopt decoder yields, so the Khronos glTF-Validator, which checks
 *   quantized accessors but cannot decode EXT_meshopt_compression, can
 *   check the data (tests); not served
 *
 * How bz_gltf_write_glb() stores the geometry.
 */
typedef enum
{
  BZ_GLTF_COMPRESSION_NONE,
  BZ_GLTF_COMPRESSION_MESHOPT,
  BZ_GLTF_COMPRESSION_QUANTIZED,
} BzGltfCompression;

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
 * @compression: the geometry encoding, see #BzGltfCompression
 * @extras: (nullable): a JSON object copied into `meshes[0].extras` when
 *   @measurements is %NULL (e.g. from bz_gltf_read_extras() of the file a
 *   variant is made from); its `balanza.lod`, when present, is set to @lod
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
  BzGltfCompression compression;
  JsonNode *extras;
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
 * With %BZ_GLTF_COMPRESSION_MESHOPT (same scene, mesh and material):
 * - triangles reordered for vertex-cache locality and vertices for fetch
 *   order (meshopt_optimizeVertexCache, meshopt_optimizeVertexFetchRemap),
 *   as the EXT_meshopt_compression spec recommends ("Compressing geometry
 *   data"); unused vertices dropped;
 * - POSITION quantized to SHORT integers, not normalized, 14 bits
 *   (±8191) over the largest half-extent of the bounding box, stride 8;
 *   the node's translation (box centre) and uniform scale (one step,
 *   about 0.12 mm for a 2 m body) restore metres, as KHR_mesh_quantization
 *   permits ("the node transform ... dequantizes"); uniform so the normals
 *   need no correction;
 * - NORMAL as BYTE normalized, stride 4, written with the OCTAHEDRAL
 *   filter (8 bits, meshopt_encodeFilterOct);
 * - indices UNSIGNED_SHORT (or UNSIGNED_INT from 65,536 vertices);
 * - each view compressed (mode ATTRIBUTES, meshopt_encodeVertexBuffer,
 *   codec version 0, header 0xa0; mode TRIANGLES, meshopt_encodeIndexBuffer,
 *   version 1, header 0xe1) into the GLB BIN chunk (buffer 0), the parent
 *   views pointing into buffer 1, a placeholder without URI tagged
 *   `"fallback": true` (spec section "Fallback buffers").
 * Both extensions are in extensionsUsed and extensionsRequired: an
 * uncompressed fallback inside the GLB would make the file larger than the
 * plain one, and a fallback .bin beside it would break "self-contained";
 * clients without the extensions ask for %BZ_GLTF_COMPRESSION_NONE.
 *
 * Errors: %BZ_ERROR_VALIDATION if @mesh is empty, its index count is not a
 *   multiple of 3, an index is out of range, the normals do not match the
 *   positions, or a coordinate is not finite.
 * Returns: (transfer full): the GLB bytes, or %NULL with @error set.
 */
GBytes *bz_gltf_write_glb (const BzMesh        *mesh,
                           const BzGltfOptions *opts,
                           GError             **error);

/**
 * BZ_GLTF_LOD_COUNT:
 * The number of levels of detail bz_gltf_lod_mesh() makes (0, 1, 2).
 */
#define BZ_GLTF_LOD_COUNT 3

/**
 * bz_gltf_lod_mesh:
 * @mesh: a triangle mesh (positions in metres, unit normals), e.g. LOD 0 of
 *   the body model or a mesh read back from a stored GLB
 * @lod: level of detail, 0 (finest) .. 2 (coarsest); larger values clamp
 *
 * Makes the level of detail the avatar routes serve.  Each level has a
 * triangle budget, the smaller of a fraction of @mesh's triangles and a
 * fixed ceiling: LOD 0 min(100 %, 24,000), LOD 1 min(40 %, 8,000), LOD 2
 * min(15 %, 3,000).  The ceilings keep the meshopt-compressed files under
 * the sizes of issue 8 (LOD 0 <= 150 KB, LOD 2 <= 30 KB) for any input
 * mesh: the compressed file takes 4 to 5 bytes per triangle (measured on
 * NHANES bodies in tests/unit/test-gltf-meshopt.c: 76.6 KB for 18,888
 * triangles, 14.4 KB for 2,834), so 24,000 × 5 ≈ 120 KB and
 * 3,000 × 5 ≈ 15 KB.
 * A mesh already within its budget is copied unchanged.  Otherwise the
 * triangles are reduced by edge collapse with meshopt_simplify()
 * (meshoptimizer 0.18, quadric error metric after Garland & Heckbert,
 * SIGGRAPH 1997), which only merges existing vertices (the kept vertices
 * keep their positions and normals), so a closed 2-manifold input
 * normally stays closed; the relative error is capped at 2 % (LOD 1) and
 * 5 % (LOD 2) of the mesh extent, so the budget may be missed on a mesh
 * that cannot be simplified that far.  Unused vertices are dropped; a
 * mesh whose normals do not match its positions gets computed ones
 * (bz_mesh_compute_normals()).
 *
 * Returns: (transfer full): the new mesh (never %NULL; @mesh is not
 *   modified).
 */
BzMesh *bz_gltf_lod_mesh (const BzMesh *mesh, guint lod);

/**
 * bz_gltf_read_glb:
 * @bytes: a whole .glb file
 * @error: return location for a #GError
 *
 * Reads every triangle primitive of every mesh node of the default scene of
 * a binary glTF 2.0 file into one mesh, applying the node transforms (glTF
 * 2.0 §3.5.3).  Accessors may be FLOAT, or the integer types that
 * KHR_mesh_quantization allows for POSITION and NORMAL (BYTE, UNSIGNED_BYTE,
 * SHORT, UNSIGNED_SHORT; normalized or not, glTF 2.0 §3.11 "Animations"
 * table of normalization: f = max(c / 127, -1) for BYTE, c / 255 for
 * UNSIGNED_BYTE, max(c / 32767, -1) for SHORT, c / 65535 for
 * UNSIGNED_SHORT).  Buffer views with EXT_meshopt_compression are decoded
 * with meshopt_decodeVertexBuffer() (mode ATTRIBUTES, then the OCTAHEDRAL,
 * QUATERNION or EXPONENTIAL filter) and meshopt_decodeIndexBuffer() /
 * meshopt_decodeIndexSequence() (modes TRIANGLES / INDICES).  Missing
 * normals are computed (area-weighted).  Everything else (materials,
 * textures, skins, animations) is ignored.  Safe on untrusted input: every
 * offset is bounds-checked and decoded sizes are limited by the file's own
 * declarations (at most 64 MiB per view).
 *
 * Errors: %G_IO_ERROR_INVALID_DATA when the file is not a GLB triangle mesh
 *   this reader understands (the message says what).
 * Returns: (transfer full): the mesh (positions in the file's units, metres
 *   for avatars; unit normals), or %NULL with @error set.
 */
BzMesh *bz_gltf_read_glb (GBytes *bytes, GError **error);

/**
 * bz_gltf_read_extras:
 * @bytes: a whole .glb file
 *
 * Returns: (transfer full) (nullable): a copy of `meshes[0].extras` of the
 *   file (what bz_gltf_write_glb() writes from #BzGltfOptions.measurements),
 *   or %NULL when the file has none or is not a GLB.
 */
JsonNode *bz_gltf_read_extras (GBytes *bytes);

G_END_DECLS
