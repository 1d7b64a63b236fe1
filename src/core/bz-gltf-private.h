/* bz-gltf-private.h — what bz-gltf.c shares with bz-gltf-meshopt.c and
 * bz-gltf-read.c: glTF constants and the JSON and GLB container helpers.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bz-gltf.h"

G_BEGIN_DECLS

/* glTF 2.0 constants (specification §3.6.2, §4.4 and §5.1.3). */
#define BZ_GLB_MAGIC              0x46546C67u   /* "glTF" */
#define BZ_GLB_VERSION            2u
#define BZ_GLB_CHUNK_JSON         0x4E4F534Au   /* "JSON" */
#define BZ_GLB_CHUNK_BIN          0x004E4942u   /* "BIN\0" */
#define BZ_GL_BYTE                5120
#define BZ_GL_UNSIGNED_BYTE       5121
#define BZ_GL_SHORT               5122
#define BZ_GL_UNSIGNED_SHORT      5123
#define BZ_GL_UNSIGNED_INT        5125
#define BZ_GL_FLOAT               5126
#define BZ_GL_ARRAY_BUFFER        34962
#define BZ_GL_ELEMENT_ARRAY_BUFFER 34963
#define BZ_GL_TRIANGLES           4

#define BZ_GLTF_EXT_MESHOPT       "EXT_meshopt_compression"
#define BZ_GLTF_EXT_QUANTIZATION  "KHR_mesh_quantization"

void bz_gltf_add_int (JsonBuilder *b, const char *member, gint64 v);
void bz_gltf_add_double (JsonBuilder *b, const char *member, double v);
void bz_gltf_add_string (JsonBuilder *b, const char *member, const char *v);
void bz_gltf_add_vec3 (JsonBuilder *b, const char *member, const double v[3]);

/* Opens the root object and writes asset, scene, scenes, nodes (with
 * @translation and a uniform @scale when @translation is not NULL), meshes
 * (one primitive: POSITION accessor 0, NORMAL 1, indices 2, material 0) and
 * materials.  The caller adds buffers, bufferViews, accessors (and
 * extensions), then calls bz_gltf_finish_glb(). */
void bz_gltf_begin_document (JsonBuilder *b, const BzGltfOptions *o,
                             const double *translation, double scale);

/* Closes the root object and packs the JSON and @bin (already padded to 4)
 * into a GLB (§4.4).  Errors: BZ_ERROR_VALIDATION if larger than 4 GiB. */
GBytes *bz_gltf_finish_glb (JsonBuilder *b, GByteArray *bin, GError **error);

/* Resolves the defaults of @opts (colour, roughness, name). */
void bz_gltf_options_resolve (const BzGltfOptions *opts, BzGltfOptions *out);

/* The compressed writer behind bz_gltf_write_glb(); @mesh already checked. */
GBytes *bz_gltf_write_meshopt (const BzMesh *mesh, const BzGltfOptions *o, GError **error);

G_END_DECLS
