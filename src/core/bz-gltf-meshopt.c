/* bz-gltf-meshopt.c — compressed avatars: levels of detail and the GLB
 * writer with KHR_mesh_quantization and EXT_meshopt_compression.
 *
 * Specifications: KHR_mesh_quantization (Khronos, ratified) and
 * EXT_meshopt_compression (Khronos vendor extension, ratified), in
 * https://github.com/KhronosGroup/glTF/tree/main/extensions/2.0/.  The
 * codecs are meshoptimizer's (Debian libmeshoptimizer-dev 0.18).
 */
#include "bz-gltf.h"

#include <math.h>
#include <meshoptimizer.h>
#include <string.h>

#include "bz-error.h"
#include "bz-gltf-private.h"

/* Position quantization: signed integers of this many bits (±8191); one
 * step is the largest half-extent / 8191, 0.12 mm for a 2 m body — far
 * below what a screen shows, and what gltfpack uses by default (-vp 14). */
#define POSITION_BITS 14
/* Octahedral normal encoding: 8 bits per component (the most a 4-byte
 * stride holds; EXT_meshopt_compression Appendix B, filter 1). */
#define NORMAL_BITS 8

/* LOD budgets: fraction of the source's triangles, ceiling, and the
 * largest relative error meshopt_simplify may introduce (see
 * bz_gltf_lod_mesh() in bz-gltf.h for where the numbers come from). */
static const struct
{
  double fraction;
  guint max_triangles;
  float max_error;
} lod_budget[BZ_GLTF_LOD_COUNT] = {
  { 1.00, 24000, 0.01f },
  { 0.40, 8000, 0.02f },
  { 0.15, 3000, 0.05f },
};

static BzMesh *
mesh_copy (const BzMesh *mesh)
{
  BzMesh *copy = bz_mesh_new ();
  g_array_append_vals (copy->positions, mesh->positions->data, mesh->positions->len);
  g_array_append_vals (copy->normals, mesh->normals->data, mesh->normals->len);
  g_array_append_vals (copy->indices, mesh->indices->data, mesh->indices->len);
  return copy;
}

/* A mesh made of @indices (into @mesh's vertices) keeping only the
 * vertices they use, in order of first use. */
static BzMesh *
mesh_compact (const BzMesh *mesh, const guint32 *indices, gsize n_indices)
{
  guint nv = bz_mesh_vertex_count (mesh);
  g_autofree guint32 *remap = g_new (guint32, MAX (nv, 1));
  gsize used = meshopt_optimizeVertexFetchRemap (remap, indices, n_indices, nv);
  BzMesh *out = bz_mesh_new ();

  g_array_set_size (out->positions, 3 * used);
  g_array_set_size (out->normals, 3 * used);
  g_array_set_size (out->indices, n_indices);
  meshopt_remapVertexBuffer (out->positions->data, mesh->positions->data, nv, 3 * sizeof (float), remap);
  meshopt_remapIndexBuffer ((guint32 *) out->indices->data, indices, n_indices, remap);
  if (mesh->normals->len == mesh->positions->len)
    meshopt_remapVertexBuffer (out->normals->data, mesh->normals->data, nv, 3 * sizeof (float), remap);
  else
    bz_mesh_compute_normals (out);   /* a mesh without (matching) normals */
  return out;
}

typedef struct
{
  guint32 v[3];      /* the triangle's vertices, sorted */
  guint32 triangle;
  gboolean odd;      /* its winding is an odd permutation of v */
} SortedTriangle;

static int
cmp_sorted_triangle (const void *a, const void *b)
{
  const SortedTriangle *x = a, *y = b;
  for (int k = 0; k < 3; k++)
    if (x->v[k] != y->v[k])
      return x->v[k] < y->v[k] ? -1 : 1;
  return 0;
}

/* Edge collapse can fold two faces of a thin region onto each other,
 * leaving a pair of triangles with the same three vertices and opposite
 * windings (a zero-volume "fin" whose edges are shared by four triangles).
 * Removing both restores the closed 2-manifold.  Returns the new index
 * count (indices compacted in place). */
static gsize
remove_folded_pairs (guint32 *idx, gsize n)
{
  gsize nt = n / 3;
  g_autofree SortedTriangle *t = g_new (SortedTriangle, MAX (nt, 1));
  g_autofree gboolean *drop = g_new0 (gboolean, MAX (nt, 1));
  gsize out = 0;

  for (gsize i = 0; i < nt; i++)
    {
      guint32 a = idx[3 * i], b = idx[3 * i + 1], c = idx[3 * i + 2];
      /* Rotate the smallest first (keeps the winding), then the order of
       * the other two tells the parity. */
      if (b < a && b < c)
        {
          guint32 x = a; a = b; b = c; c = x;
        }
      else if (c < a && c < b)
        {
          guint32 x = c; c = b; b = a; a = x;
        }
      t[i].triangle = i;
      t[i].odd = b > c;
      t[i].v[0] = a;
      t[i].v[1] = MIN (b, c);
      t[i].v[2] = MAX (b, c);
    }
  qsort (t, nt, sizeof *t, cmp_sorted_triangle);
  for (gsize i = 0; i + 1 < nt; i++)
    if (cmp_sorted_triangle (&t[i], &t[i + 1]) == 0 && t[i].odd != t[i + 1].odd
        && !drop[t[i].triangle] && !drop[t[i + 1].triangle])
      {
        drop[t[i].triangle] = drop[t[i + 1].triangle] = TRUE;
        i++;
      }
  for (gsize i = 0; i < nt; i++)
    if (!drop[i])
      {
        memmove (&idx[out], &idx[3 * i], 3 * sizeof (guint32));
        out += 3;
      }
  return out;
}

BzMesh *
bz_gltf_lod_mesh (const BzMesh *mesh, guint lod)
{
  g_return_val_if_fail (mesh != NULL, NULL);

  lod = MIN (lod, BZ_GLTF_LOD_COUNT - 1);
  guint nt = bz_mesh_triangle_count (mesh);
  guint nv = bz_mesh_vertex_count (mesh);
  guint target = MIN ((guint) ceil (lod_budget[lod].fraction * nt), lod_budget[lod].max_triangles);
  if (nt <= target || nv == 0)
    return mesh_copy (mesh);

  gsize ni = mesh->indices->len;
  g_autofree guint32 *out = g_new (guint32, ni);
  gsize n = meshopt_simplify (out, (const guint32 *) mesh->indices->data, ni,
                              (const float *) mesh->positions->data, nv, 3 * sizeof (float),
                              3 * (gsize) target, lod_budget[lod].max_error, 0, NULL);
  n = remove_folded_pairs (out, n);
  return mesh_compact (mesh, out, n);
}

/* --- the compressed writer ------------------------------------------------ */

static void
pad_bin (GByteArray *bin)
{
  static const guint8 zero[4] = { 0 };
  if (bin->len % 4)
    g_byte_array_append (bin, zero, 4 - bin->len % 4);
}

static gsize
append_encoded_vertices (GByteArray *bin, const void *data, gsize count, gsize stride)
{
  gsize bound = meshopt_encodeVertexBufferBound (count, stride);
  guint start = bin->len;
  g_byte_array_set_size (bin, start + bound);
  gsize n = meshopt_encodeVertexBuffer (bin->data + start, bound, data, count, stride);
  g_assert (n > 0);
  g_byte_array_set_size (bin, start + n);
  return n;
}

/* One parent bufferView in the fallback buffer (1) with its
 * EXT_meshopt_compression object pointing into the BIN chunk (buffer 0). */
static void
add_compressed_view (JsonBuilder *b, gsize fallback_offset, gsize count, gsize stride,
                     int target, gsize offset, gsize length, const char *mode, const char *filter)
{
  json_builder_begin_object (b);
  bz_gltf_add_int (b, "buffer", 1);
  bz_gltf_add_int (b, "byteOffset", fallback_offset);
  bz_gltf_add_int (b, "byteLength", count * stride);
  if (target == BZ_GL_ARRAY_BUFFER)
    bz_gltf_add_int (b, "byteStride", stride);
  bz_gltf_add_int (b, "target", target);
  json_builder_set_member_name (b, "extensions");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, BZ_GLTF_EXT_MESHOPT);
  json_builder_begin_object (b);
  bz_gltf_add_int (b, "buffer", 0);
  bz_gltf_add_int (b, "byteOffset", offset);
  bz_gltf_add_int (b, "byteLength", length);
  bz_gltf_add_int (b, "byteStride", stride);
  bz_gltf_add_string (b, "mode", mode);
  bz_gltf_add_int (b, "count", count);
  if (filter)
    bz_gltf_add_string (b, "filter", filter);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
add_int_vec3 (JsonBuilder *b, const char *member, const double v[3])
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (int k = 0; k < 3; k++)
    json_builder_add_int_value (b, (gint64) v[k]);
  json_builder_end_array (b);
}

static void
add_extension_list (JsonBuilder *b, const char *member, gboolean meshopt)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  json_builder_add_string_value (b, BZ_GLTF_EXT_QUANTIZATION);
  if (meshopt)
    json_builder_add_string_value (b, BZ_GLTF_EXT_MESHOPT);
  json_builder_end_array (b);
}

static void
add_plain_view (JsonBuilder *b, gsize offset, gsize length, gsize stride, int target)
{
  json_builder_begin_object (b);
  bz_gltf_add_int (b, "buffer", 0);
  bz_gltf_add_int (b, "byteOffset", offset);
  bz_gltf_add_int (b, "byteLength", length);
  if (stride)
    bz_gltf_add_int (b, "byteStride", stride);
  bz_gltf_add_int (b, "target", target);
  json_builder_end_object (b);
}

static void
set_codec_versions (void)
{
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      /* EXT_meshopt_compression Appendix A: attribute streams start with
       * 0xa0 (version 0), triangle streams with 0xe1 (version 1). */
      meshopt_encodeVertexVersion (0);
      meshopt_encodeIndexVersion (1);
      g_once_init_leave (&once, 1);
    }
}

GBytes *
bz_gltf_write_meshopt (const BzMesh *mesh, const BzGltfOptions *o, GError **error)
{
  set_codec_versions ();

  guint nv = bz_mesh_vertex_count (mesh);
  gsize ni = mesh->indices->len;

  /* Triangle order for the vertex cache, then vertices in order of use
   * (which also drops unused vertices). */
  g_autofree guint32 *ordered = g_new (guint32, ni);
  meshopt_optimizeVertexCache (ordered, (const guint32 *) mesh->indices->data, ni, nv);
  g_autoptr(BzMesh) m = mesh_compact (mesh, ordered, ni);
  nv = bz_mesh_vertex_count (m);
  const float *pos = (const float *) m->positions->data;
  const float *nrm = (const float *) m->normals->data;
  const guint32 *idx = (const guint32 *) m->indices->data;
  gboolean short_idx = nv < 65536;

  /* Positions: q = round((p - centre) / step), |q| <= 8191. */
  double mn[3] = { INFINITY, INFINITY, INFINITY }, mx[3] = { -INFINITY, -INFINITY, -INFINITY };
  for (guint i = 0; i < 3 * nv; i++)
    {
      mn[i % 3] = MIN (mn[i % 3], pos[i]);
      mx[i % 3] = MAX (mx[i % 3], pos[i]);
    }
  double centre[3], half = 0;
  for (int k = 0; k < 3; k++)
    {
      centre[k] = (mn[k] + mx[k]) / 2;
      half = MAX (half, (mx[k] - mn[k]) / 2);
    }
  const double qmax = (1 << (POSITION_BITS - 1)) - 1;
  double step = half > 0 ? half / qmax : 1;
  double qmn[3] = { G_MAXINT, G_MAXINT, G_MAXINT }, qmx[3] = { G_MININT, G_MININT, G_MININT };
  g_autofree gint16 *qpos = g_new0 (gint16, 4 * (gsize) nv);
  for (guint v = 0; v < nv; v++)
    for (int k = 0; k < 3; k++)
      {
        double q = CLAMP (round ((pos[3 * v + k] - centre[k]) / step), -qmax, qmax);
        qpos[4 * v + k] = GINT16_TO_LE ((gint16) q);
        qmn[k] = MIN (qmn[k], q);
        qmx[k] = MAX (qmx[k], q);
      }

  /* Normals: octahedral, 4 signed bytes per vertex (w = 0). */
  g_autofree float *n4 = g_new0 (float, 4 * (gsize) nv);
  for (guint v = 0; v < nv; v++)
    memcpy (&n4[4 * v], &nrm[3 * v], 3 * sizeof (float));
  g_autofree gint8 *qnrm = g_new0 (gint8, 4 * (gsize) nv);
  meshopt_encodeFilterOct (qnrm, nv, 4, NORMAL_BITS, n4);

  gboolean compress = o->compression == BZ_GLTF_COMPRESSION_MESHOPT;
  gsize idx_size = short_idx ? 2 : 4;
  g_autoptr(GByteArray) bin = g_byte_array_new ();
  gsize pos_off = 0, pos_len, nrm_off, nrm_len, idx_off, idx_len;
  if (compress)
    {
      pos_len = append_encoded_vertices (bin, qpos, nv, 8);
      pad_bin (bin);
      nrm_off = bin->len;
      nrm_len = append_encoded_vertices (bin, qnrm, nv, 4);
      pad_bin (bin);
      idx_off = bin->len;
      gsize idx_bound = meshopt_encodeIndexBufferBound (ni, nv);
      g_byte_array_set_size (bin, idx_off + idx_bound);
      idx_len = meshopt_encodeIndexBuffer (bin->data + idx_off, idx_bound, idx, ni);
      g_assert (idx_len > 0);
      g_byte_array_set_size (bin, idx_off + idx_len);
    }
  else
    {
      /* The same quantized views stored plainly: the normals as the
       * octahedral filter decodes them. */
      meshopt_decodeFilterOct (qnrm, nv, 4);
      g_byte_array_append (bin, (const guint8 *) qpos, 8 * nv);
      pos_len = bin->len;
      nrm_off = bin->len;
      g_byte_array_append (bin, (const guint8 *) qnrm, 4 * nv);
      nrm_len = 4 * nv;
      idx_off = bin->len;
      for (gsize i = 0; i < ni; i++)
        {
          guint16 s16 = GUINT16_TO_LE ((guint16) idx[i]);
          guint32 s32 = GUINT32_TO_LE (idx[i]);
          g_byte_array_append (bin, short_idx ? (const guint8 *) &s16 : (const guint8 *) &s32, idx_size);
        }
      idx_len = idx_size * ni;
    }
  pad_bin (bin);

  /* The fallback (placeholder) buffer: the decoded views, each aligned. */
  gsize fb_pos = 0, fb_nrm = 8 * (gsize) nv, fb_idx = fb_nrm + 4 * (gsize) nv;
  gsize fb_len = fb_idx + ((idx_size * ni + 3) & ~(gsize) 3);

  g_autoptr(JsonBuilder) b = json_builder_new ();
  bz_gltf_begin_document (b, o, centre, step);
  add_extension_list (b, "extensionsUsed", compress);
  add_extension_list (b, "extensionsRequired", compress);

  json_builder_set_member_name (b, "buffers");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  bz_gltf_add_int (b, "byteLength", bin->len);
  json_builder_end_object (b);
  if (compress)
    {
      json_builder_begin_object (b);
      bz_gltf_add_int (b, "byteLength", fb_len);
      json_builder_set_member_name (b, "extensions");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, BZ_GLTF_EXT_MESHOPT);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "fallback");
      json_builder_add_boolean_value (b, TRUE);
      json_builder_end_object (b);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "bufferViews");
  json_builder_begin_array (b);
  if (compress)
    {
      add_compressed_view (b, fb_pos, nv, 8, BZ_GL_ARRAY_BUFFER, pos_off, pos_len, "ATTRIBUTES", NULL);
      add_compressed_view (b, fb_nrm, nv, 4, BZ_GL_ARRAY_BUFFER, nrm_off, nrm_len, "ATTRIBUTES", "OCTAHEDRAL");
      add_compressed_view (b, fb_idx, ni, idx_size, BZ_GL_ELEMENT_ARRAY_BUFFER, idx_off, idx_len, "TRIANGLES", NULL);
    }
  else
    {
      add_plain_view (b, pos_off, pos_len, 8, BZ_GL_ARRAY_BUFFER);
      add_plain_view (b, nrm_off, nrm_len, 4, BZ_GL_ARRAY_BUFFER);
      add_plain_view (b, idx_off, idx_len, 0, BZ_GL_ELEMENT_ARRAY_BUFFER);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "accessors");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  bz_gltf_add_int (b, "bufferView", 0);
  bz_gltf_add_int (b, "componentType", BZ_GL_SHORT);
  bz_gltf_add_int (b, "count", nv);
  bz_gltf_add_string (b, "type", "VEC3");
  add_int_vec3 (b, "min", qmn);
  add_int_vec3 (b, "max", qmx);
  json_builder_end_object (b);
  json_builder_begin_object (b);
  bz_gltf_add_int (b, "bufferView", 1);
  bz_gltf_add_int (b, "componentType", BZ_GL_BYTE);
  json_builder_set_member_name (b, "normalized");
  json_builder_add_boolean_value (b, TRUE);
  bz_gltf_add_int (b, "count", nv);
  bz_gltf_add_string (b, "type", "VEC3");
  json_builder_end_object (b);
  json_builder_begin_object (b);
  bz_gltf_add_int (b, "bufferView", 2);
  bz_gltf_add_int (b, "componentType", short_idx ? BZ_GL_UNSIGNED_SHORT : BZ_GL_UNSIGNED_INT);
  bz_gltf_add_int (b, "count", ni);
  bz_gltf_add_string (b, "type", "SCALAR");
  json_builder_end_object (b);
  json_builder_end_array (b);

  return bz_gltf_finish_glb (b, bin, error);
}
