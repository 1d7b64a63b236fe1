/* test-gltf-meshopt.c — compressed avatars: levels of detail, the
 * KHR_mesh_quantization + EXT_meshopt_compression writer and the reader
 * (bz_gltf_lod_mesh, bz_gltf_write_glb with BZ_GLTF_COMPRESSION_MESHOPT,
 * bz_gltf_read_glb).  The Khronos glTF-Validator runs on every variant in
 * test-gltf.c (/gltf/validator).
 */
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "bz-error.h"
#include "bz-gltf.h"
#include "bz-test-util.h"

/* Issue 8 (seed 000 story 4.4 criterion 6): the sizes a phone downloads. */
#define LOD0_MAX_BYTES (150 * 1024)
#define LOD2_MAX_BYTES (30 * 1024)

static guint32
rd32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static JsonObject *
glb_json (GBytes *glb, JsonParser *parser)
{
  const guint8 *d = g_bytes_get_data (glb, NULL);
  g_autoptr(GError) error = NULL;
  json_parser_load_from_data (parser, (const char *) d + 20, rd32 (d + 12), &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* The NHANES 2017–2020 adults (data/nhanes/) of one sex, as measurements. */
static GArray *
load_bodies (BzSex sex)
{
  g_autofree char *path = bz_test_source_path (sex == BZ_SEX_MALE
                                               ? "data/nhanes/nhanes_adult_male_bmx_2020.csv"
                                               : "data/nhanes/nhanes_adult_female_bmx_2020.csv");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  GArray *rows = g_array_new (FALSE, TRUE, sizeof (BzBodyMeasurements));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (lines[i][0] == '#' || lines[i][0] == '"' || lines[i][0] == '\0')
        continue;
      g_auto(GStrv) f = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (f), ==, 7);
      BzBodyMeasurements m = { 0 };
      m.sex = sex;
      m.age_years = 40;
      m.weight_kg = g_ascii_strtod (f[0], NULL);
      m.height_cm = g_ascii_strtod (f[1], NULL);
      m.arm_cm = g_ascii_strtod (f[4], NULL);
      m.hip_cm = g_ascii_strtod (f[5], NULL);
      m.waist_cm = g_ascii_strtod (f[6], NULL);
      g_array_append_val (rows, m);
    }
  g_assert_cmpuint (rows->len, >, 1000);
  return rows;
}

static GBytes *
write_glb (const BzMesh *mesh, BzGltfCompression compression)
{
  BzGltfOptions opts = { 0 };
  g_autoptr(GError) error = NULL;
  opts.compression = compression;
  GBytes *glb = bz_gltf_write_glb (mesh, &opts, &error);
  g_assert_no_error (error);
  g_assert_nonnull (glb);
  return glb;
}

static void
bbox (const BzMesh *mesh, double mn[3], double mx[3])
{
  for (int k = 0; k < 3; k++)
    {
      mn[k] = INFINITY;
      mx[k] = -INFINITY;
    }
  for (guint i = 0; i < mesh->positions->len; i++)
    {
      double v = g_array_index (mesh->positions, float, i);
      mn[i % 3] = MIN (mn[i % 3], v);
      mx[i % 3] = MAX (mx[i % 3], v);
    }
}

static void
rotate_smallest_first (BzMesh *mesh)
{
  guint32 *idx = (guint32 *) mesh->indices->data;
  for (guint t = 0; t < mesh->indices->len; t += 3)
    while (idx[t] > idx[t + 1] || idx[t] > idx[t + 2])
      {
        guint32 x = idx[t];
        idx[t] = idx[t + 1];
        idx[t + 1] = idx[t + 2];
        idx[t + 2] = x;
      }
}

/* Every vertex of @a lies within @tol (m) of a vertex of @b, with a
 * normal within @ntol (1 − cos) of that vertex's normal. */
static void
assert_vertices_near (const BzMesh *a, const BzMesh *b, double tol, double ntol)
{
  const float *pa = (const float *) a->positions->data, *pb = (const float *) b->positions->data;
  const float *na = (const float *) a->normals->data, *nb = (const float *) b->normals->data;
  guint n = bz_mesh_vertex_count (a), m = bz_mesh_vertex_count (b);
  double worst = 0, worst_n = 0;

  for (guint i = 0; i < n; i++)
    {
      double best = INFINITY;
      guint at = 0;
      for (guint j = 0; j < m; j++)
        {
          double dx = pa[3 * i] - pb[3 * j], dy = pa[3 * i + 1] - pb[3 * j + 1], dz = pa[3 * i + 2] - pb[3 * j + 2];
          double d = dx * dx + dy * dy + dz * dz;
          if (d < best)
            {
              best = d;
              at = j;
            }
        }
      worst = MAX (worst, sqrt (best));
      double dot = na[3 * i] * nb[3 * at] + na[3 * i + 1] * nb[3 * at + 1] + na[3 * i + 2] * nb[3 * at + 2];
      worst_n = MAX (worst_n, 1 - dot);
    }
  g_test_message ("worst vertex distance %.3g mm, worst normal 1-cos %.3g", worst * 1e3, worst_n);
  g_assert_cmpfloat (worst, <=, tol);
  g_assert_cmpfloat (worst_n, <=, ntol);
}

/* The compressed file's layout: both extensions required, the placeholder
 * fallback buffer, one compressed view per accessor, quantized types. */
static void
check_compressed_document (GBytes *glb)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = glb_json (glb, parser);

  for (int r = 0; r < 2; r++)
    {
      JsonArray *list = json_object_get_array_member (root, r ? "extensionsRequired" : "extensionsUsed");
      g_assert_cmpuint (json_array_get_length (list), ==, 2);
      g_assert_cmpstr (json_array_get_string_element (list, 0), ==, "KHR_mesh_quantization");
      g_assert_cmpstr (json_array_get_string_element (list, 1), ==, "EXT_meshopt_compression");
    }
  JsonArray *buffers = json_object_get_array_member (root, "buffers");
  g_assert_cmpuint (json_array_get_length (buffers), ==, 2);
  JsonObject *fallback = json_array_get_object_element (buffers, 1);
  g_assert_false (json_object_has_member (fallback, "uri"));
  g_assert_true (json_object_get_boolean_member (
    json_object_get_object_member (json_object_get_object_member (fallback, "extensions"),
                                   "EXT_meshopt_compression"), "fallback"));

  JsonArray *views = json_object_get_array_member (root, "bufferViews");
  static const char *modes[] = { "ATTRIBUTES", "ATTRIBUTES", "TRIANGLES" };
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *v = json_array_get_object_element (views, i);
      JsonObject *ext = json_object_get_object_member (json_object_get_object_member (v, "extensions"),
                                                       "EXT_meshopt_compression");
      g_assert_cmpint (json_object_get_int_member (v, "buffer"), ==, 1);
      g_assert_cmpint (json_object_get_int_member (ext, "buffer"), ==, 0);
      g_assert_cmpstr (json_object_get_string_member (ext, "mode"), ==, modes[i]);
      g_assert_cmpint (json_object_get_int_member (ext, "byteOffset") % 4, ==, 0);
      g_assert_cmpint (json_object_get_int_member (v, "byteLength"), ==,
                       json_object_get_int_member (ext, "count") * json_object_get_int_member (ext, "byteStride"));
    }
  JsonObject *pos = json_array_get_object_element (json_object_get_array_member (root, "accessors"), 0);
  JsonObject *nrm = json_array_get_object_element (json_object_get_array_member (root, "accessors"), 1);
  g_assert_cmpint (json_object_get_int_member (pos, "componentType"), ==, 5122);  /* SHORT */
  g_assert_cmpint (json_object_get_int_member (nrm, "componentType"), ==, 5120);  /* BYTE */
  g_assert_true (json_object_get_boolean_member (nrm, "normalized"));
  JsonObject *node = json_array_get_object_element (json_object_get_array_member (root, "nodes"), 0);
  g_assert_true (json_object_has_member (node, "scale"));
  g_assert_true (json_object_has_member (node, "translation"));
}

/* Writing and reading back: the plain file exactly, the compressed one
 * within the quantization step (positions) and 8-bit octahedral precision
 * (normals); the triangles, the closedness and the volume survive. */
static void
test_roundtrip (void)
{
  BzBodyMeasurements m = { BZ_SEX_FEMALE, 33, 158, 61, 27, 21, 0, 0, 78, 97, 29, 0, 0 };
  g_autoptr(BzMesh) mesh = bz_body_model_build (&m, 0);
  g_autoptr(GError) error = NULL;

  g_autoptr(GBytes) plain = write_glb (mesh, BZ_GLTF_COMPRESSION_NONE);
  g_autoptr(BzMesh) back = bz_gltf_read_glb (plain, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (back->positions->data, back->positions->len * 4, mesh->positions->data, mesh->positions->len * 4);
  g_assert_cmpmem (back->indices->data, back->indices->len * 4, mesh->indices->data, mesh->indices->len * 4);

  g_autoptr(GBytes) packed = write_glb (mesh, BZ_GLTF_COMPRESSION_MESHOPT);
  check_compressed_document (packed);
  g_autoptr(BzMesh) unpacked = bz_gltf_read_glb (packed, &error);
  g_assert_no_error (error);
  g_test_message ("plain %zu bytes, compressed %zu bytes", g_bytes_get_size (plain), g_bytes_get_size (packed));
  g_assert_cmpuint (g_bytes_get_size (packed) * 2, <, g_bytes_get_size (plain));
  g_assert_cmpuint (bz_mesh_vertex_count (unpacked), ==, bz_mesh_vertex_count (mesh));
  g_assert_cmpuint (bz_mesh_triangle_count (unpacked), ==, bz_mesh_triangle_count (mesh));
  g_assert_true (bz_mesh_is_closed (unpacked));

  /* One quantization step is the largest half-extent / 8191; a vertex is
   * off by at most half a step per axis. */
  double mn[3], mx[3], half = 0;
  bbox (mesh, mn, mx);
  for (int k = 0; k < 3; k++)
    half = MAX (half, (mx[k] - mn[k]) / 2);
  double step = half / 8191;
  assert_vertices_near (unpacked, mesh, step * sqrt (3) / 2 * 1.01, 1e-3);
  /* The meshopt codecs are lossless: the compressed file decodes to
   * exactly the quantized uncompressed one (which the validator checks). */
  g_autoptr(GBytes) quantized = write_glb (mesh, BZ_GLTF_COMPRESSION_QUANTIZED);
  g_autoptr(BzMesh) plain_q = bz_gltf_read_glb (quantized, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (plain_q->positions->data, plain_q->positions->len * 4,
                   unpacked->positions->data, unpacked->positions->len * 4);
  g_assert_cmpmem (plain_q->normals->data, plain_q->normals->len * 4,
                   unpacked->normals->data, unpacked->normals->len * 4);
  /* The TRIANGLES codec may rotate a triangle's corners (the winding
   * stays): compare each triangle from its smallest index. */
  rotate_smallest_first (plain_q);
  rotate_smallest_first (unpacked);
  g_assert_cmpmem (plain_q->indices->data, plain_q->indices->len * 4,
                   unpacked->indices->data, unpacked->indices->len * 4);

  double v0 = bz_mesh_signed_volume (mesh), v1 = bz_mesh_signed_volume (unpacked);
  g_assert_cmpfloat (fabs (v1 - v0) / v0, <, 1e-3);
  double umn[3], umx[3];
  bbox (unpacked, umn, umx);
  for (int k = 0; k < 3; k++)
    {
      g_assert_cmpfloat (fabs (umn[k] - mn[k]), <=, step);
      g_assert_cmpfloat (fabs (umx[k] - mx[k]), <=, step);
    }
}

/* More than 65,535 vertices: UNSIGNED_INT indices survive compression. */
static void
test_uint_indices (void)
{
  g_autoptr(BzMesh) mesh = bz_mesh_new ();
  guint rows = 300, cols = 300;
  for (guint i = 0; i < rows; i++)
    for (guint j = 0; j < cols; j++)
      {
        float p[3] = { j * 0.01f, i * 0.01f, 0 }, n[3] = { 0, 0, 1 };
        g_array_append_vals (mesh->positions, p, 3);
        g_array_append_vals (mesh->normals, n, 3);
      }
  for (guint i = 0; i + 1 < rows; i++)
    for (guint j = 0; j + 1 < cols; j++)
      {
        guint32 a = i * cols + j, q[6] = { a, a + 1, a + cols, a + 1, a + cols + 1, a + cols };
        g_array_append_vals (mesh->indices, q, 6);
      }
  g_autoptr(GBytes) glb = write_glb (mesh, BZ_GLTF_COMPRESSION_MESHOPT);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzMesh) back = bz_gltf_read_glb (glb, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bz_mesh_vertex_count (back), ==, rows * cols);
  g_assert_cmpuint (back->indices->len, ==, mesh->indices->len);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = glb_json (glb, parser);
  JsonObject *ind = json_array_get_object_element (json_object_get_array_member (root, "accessors"), 2);
  g_assert_cmpint (json_object_get_int_member (ind, "componentType"), ==, 5125);
}

/* The three levels on real bodies: the NHANES adults of median BMI and
 * the largest of each sex (the most triangles the model makes). */
static void
test_lod_sizes (void)
{
  for (int s = 0; s < 2; s++)
    {
      BzSex sex = s ? BZ_SEX_MALE : BZ_SEX_FEMALE;
      g_autoptr(GArray) rows = load_bodies (sex);
      guint picks[] = { rows->len / 2, 0 };
      for (guint i = 0; i < rows->len; i++)
        if (g_array_index (rows, BzBodyMeasurements, i).weight_kg
            > g_array_index (rows, BzBodyMeasurements, picks[1]).weight_kg)
          picks[1] = i;
      for (guint p = 0; p < G_N_ELEMENTS (picks); p++)
        {
          BzBodyMeasurements m = g_array_index (rows, BzBodyMeasurements, picks[p]);
          bz_body_measurements_complete (&m);
          g_autoptr(BzMesh) full = bz_body_model_build (&m, 0);
          gsize previous = G_MAXSIZE;
          for (guint lod = 0; lod < BZ_GLTF_LOD_COUNT; lod++)
            {
              g_autoptr(BzMesh) mesh = bz_gltf_lod_mesh (full, lod);
              g_autoptr(GBytes) packed = write_glb (mesh, BZ_GLTF_COMPRESSION_MESHOPT);
              g_autoptr(GBytes) plain = write_glb (mesh, BZ_GLTF_COMPRESSION_NONE);
              gsize size = g_bytes_get_size (packed);
              g_test_message ("%s %.0f cm %.0f kg LOD %u: %u vertices, %u triangles, "
                              "%zu bytes compressed, %zu plain", s ? "man" : "woman", m.height_cm,
                              m.weight_kg, lod, bz_mesh_vertex_count (mesh), bz_mesh_triangle_count (mesh),
                              size, g_bytes_get_size (plain));
              g_assert_true (bz_mesh_is_closed (mesh));
              g_assert_cmpfloat (bz_mesh_signed_volume (mesh), >, 0.9 * bz_mesh_signed_volume (full));
              g_assert_cmpuint (size, <, previous);
              g_assert_cmpuint (size, <, g_bytes_get_size (plain));
              previous = size;
              if (lod == 0)
                g_assert_cmpuint (size, <=, LOD0_MAX_BYTES);
              if (lod == 2)
                g_assert_cmpuint (size, <=, LOD2_MAX_BYTES);
            }
        }
    }
}

/* A mesh far above the LOD 0 budget is simplified to it, stays closed, and
 * its compressed file stays under 150 KB. */
static void
test_lod_budget (void)
{
  g_autoptr(BzMesh) mesh = bz_mesh_new ();
  guint rings = 200, segments = 200;
  float top[3] = { 0, 1, 0 }, bottom[3] = { 0, -1, 0 };
  g_array_append_vals (mesh->positions, top, 3);
  for (guint i = 1; i < rings; i++)
    for (guint j = 0; j < segments; j++)
      {
        double phi = G_PI * i / rings, t = 2 * G_PI * j / segments;
        float p[3] = { (float) (sin (phi) * cos (t)), (float) cos (phi), (float) (sin (phi) * sin (t)) };
        g_array_append_vals (mesh->positions, p, 3);
      }
  g_array_append_vals (mesh->positions, bottom, 3);
  guint32 last = mesh->positions->len / 3 - 1;
#define V(i, j) ((guint32) (1 + ((i) - 1) * segments + ((j) % segments)))
  for (guint j = 0; j < segments; j++)
    {
      guint32 t1[3] = { V (1, j), 0, V (1, j + 1) };
      guint32 t2[3] = { last, V (rings - 1, j), V (rings - 1, j + 1) };
      g_array_append_vals (mesh->indices, t1, 3);
      g_array_append_vals (mesh->indices, t2, 3);
    }
  for (guint i = 1; i + 1 < rings; i++)
    for (guint j = 0; j < segments; j++)
      {
        guint32 a[3] = { V (i + 1, j), V (i, j), V (i + 1, j + 1) };
        guint32 b[3] = { V (i + 1, j + 1), V (i, j), V (i, j + 1) };
        g_array_append_vals (mesh->indices, a, 3);
        g_array_append_vals (mesh->indices, b, 3);
      }
#undef V
  bz_mesh_compute_normals (mesh);
  g_assert_true (bz_mesh_is_closed (mesh));
  g_assert_cmpuint (bz_mesh_triangle_count (mesh), >, 70000);

  g_autoptr(BzMesh) lod0 = bz_gltf_lod_mesh (mesh, 0);
  g_assert_cmpuint (bz_mesh_triangle_count (lod0), <=, 24000);
  g_assert_cmpuint (bz_mesh_triangle_count (lod0), >, 12000);
  g_assert_true (bz_mesh_is_closed (lod0));
  g_autoptr(GBytes) packed = write_glb (lod0, BZ_GLTF_COMPRESSION_MESHOPT);
  g_assert_cmpuint (g_bytes_get_size (packed), <=, LOD0_MAX_BYTES);

  /* Levels beyond 2 clamp to 2. */
  g_autoptr(BzMesh) lod2 = bz_gltf_lod_mesh (mesh, 2);
  g_autoptr(BzMesh) lod9 = bz_gltf_lod_mesh (mesh, 9);
  g_assert_cmpuint (lod9->indices->len, ==, lod2->indices->len);
}

/* Broken compressed files are refused with G_IO_ERROR_INVALID_DATA, never
 * read out of bounds (run under ASan in CI): every byte of the BIN chunk
 * flipped in turn in a small file, then truncations and bad declarations. */
static void
test_reader_errors (void)
{
  BzBodyMeasurements m = { BZ_SEX_MALE, 50, 175, 80, 0, 0, 0, 0, 92, 100, 32, 0, 0 };
  g_autoptr(BzMesh) full = bz_body_model_build (&m, 2);
  g_autoptr(BzMesh) mesh = bz_gltf_lod_mesh (full, 2);
  g_autoptr(GBytes) glb = write_glb (mesh, BZ_GLTF_COMPRESSION_MESHOPT);
  gsize size;
  const guint8 *d = g_bytes_get_data (glb, &size);
  guint32 bin_start = 20 + rd32 (d + 12) + 8;
  guint refused = 0;

  for (gsize i = bin_start; i < size; i += 7)
    {
      g_autofree guint8 *copy = g_memdup2 (d, size);
      copy[i] ^= 0x5a;
      g_autoptr(GBytes) bad = g_bytes_new_take (g_steal_pointer (&copy), size);
      g_autoptr(GError) error = NULL;
      g_autoptr(BzMesh) out = bz_gltf_read_glb (bad, &error);
      if (out == NULL)
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
          refused++;
        }
      else
        g_assert_cmpuint (out->indices->len, ==, mesh->indices->len);
    }
  g_test_message ("%u of %zu corrupted files refused", refused, (size - bin_start + 6) / 7);
  g_assert_cmpuint (refused, >, 0);

  for (gsize cut = bin_start + 8; cut < size; cut += (size - bin_start) / 5)
    {
      g_autofree guint8 *copy = g_memdup2 (d, size);
      /* A shorter BIN chunk, declared as such. */
      guint32 bin_len = GUINT32_TO_LE ((guint32) (cut - bin_start) & ~3u);
      memcpy (copy + bin_start - 8, &bin_len, 4);
      g_autoptr(GBytes) bad = g_bytes_new_take (g_steal_pointer (&copy), size);
      g_autoptr(GError) error = NULL;
      g_assert_null (bz_gltf_read_glb (bad, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }

  /* An unknown required extension. */
  {
    g_autoptr(GString) json = g_string_new_len ((const char *) d + 20, rd32 (d + 12));
    g_assert_nonnull (strstr (json->str, "\"extensionsRequired\":[\"KHR_mesh_quantization\""));
    g_string_replace (json, "\"extensionsRequired\":[\"KHR_mesh_quantization\"",
                      "\"extensionsRequired\":[\"KHR_draco_mesh_compre\"", 1);
    g_autoptr(GByteArray) copy = g_byte_array_new ();
    g_byte_array_append (copy, d, size);
    memcpy (copy->data + 20, json->str, json->len);
    g_autoptr(GBytes) bad = g_byte_array_free_to_bytes (g_steal_pointer (&copy));
    g_autoptr(GError) error = NULL;
    g_assert_null (bz_gltf_read_glb (bad, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_assert_nonnull (strstr (error->message, "KHR_draco"));
  }
}

/* What the reader took over from the desk's: node transforms (a matrix
 * and TRS children), a primitive without NORMAL (computed) and without
 * indices (a plain triangle list), UNSIGNED_BYTE indices. */
static void
test_reader_general (void)
{
  /* Two primitives: a triangle list (3 triangles of a tetrahedron's
   * sides, no indices) and the same 4 vertices indexed with bytes. */
  static const float pos[] = { 0, 0, 0, 1, 0, 0, 0, 1, 0,  0, 0, 0, 0, 0, 1, 1, 0, 0,
                               0, 0, 0, 0, 1, 0, 0, 0, 1 };
  static const guint8 idx[] = { 0, 1, 2, 0, 3, 1, 0, 2, 3, 1, 3, 2 };
  static const float tet[] = { 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1 };
  const char *json =
    "{\"asset\":{\"version\":\"2.0\"},\"scene\":0,\"scenes\":[{\"nodes\":[0]}],"
    "\"nodes\":[{\"matrix\":[2,0,0,0, 0,2,0,0, 0,0,2,0, 10,0,0,1],\"children\":[1]},"
    "{\"mesh\":0,\"translation\":[0,5,0]}],"
    "\"meshes\":[{\"primitives\":[{\"attributes\":{\"POSITION\":0}},"
    "{\"attributes\":{\"POSITION\":1},\"indices\":2}]}],"
    "\"buffers\":[{\"byteLength\":168}],"
    "\"bufferViews\":[{\"buffer\":0,\"byteOffset\":0,\"byteLength\":108},"
    "{\"buffer\":0,\"byteOffset\":108,\"byteLength\":48},{\"buffer\":0,\"byteOffset\":156,\"byteLength\":12}],"
    "\"accessors\":[{\"bufferView\":0,\"componentType\":5126,\"count\":9,\"type\":\"VEC3\"},"
    "{\"bufferView\":1,\"componentType\":5126,\"count\":4,\"type\":\"VEC3\"},"
    "{\"bufferView\":2,\"componentType\":5121,\"count\":12,\"type\":\"SCALAR\"}]}";
  g_autoptr(GByteArray) bin = g_byte_array_new ();
  g_byte_array_append (bin, (const guint8 *) pos, sizeof pos);
  g_byte_array_append (bin, (const guint8 *) tet, sizeof tet);
  g_byte_array_append (bin, idx, sizeof idx);
  while (bin->len % 4)
    g_byte_array_append (bin, (const guint8 *) "", 1);
  g_assert_cmpuint (bin->len, ==, 168);

  gsize jlen = (strlen (json) + 3) & ~(gsize) 3;
  g_autoptr(GByteArray) glb = g_byte_array_new ();
  guint32 head[5] = { 0x46546C67u, 2, (guint32) (12 + 8 + jlen + 8 + bin->len), (guint32) jlen, 0x4E4F534Au };
  g_byte_array_append (glb, (const guint8 *) head, sizeof head);
  g_byte_array_append (glb, (const guint8 *) json, strlen (json));
  while (glb->len % 4)
    g_byte_array_append (glb, (const guint8 *) " ", 1);
  guint32 bhead[2] = { bin->len, 0x004E4942u };
  g_byte_array_append (glb, (const guint8 *) bhead, sizeof bhead);
  g_byte_array_append (glb, bin->data, bin->len);
  g_autoptr(GBytes) bytes = g_byte_array_free_to_bytes (g_steal_pointer (&glb));

  g_autoptr(GError) error = NULL;
  g_autoptr(BzMesh) mesh = bz_gltf_read_glb (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bz_mesh_vertex_count (mesh), ==, 13);
  g_assert_cmpuint (bz_mesh_triangle_count (mesh), ==, 7);
  /* World = matrix(scale 2, +10 x) · translation(0, 5, 0): (x, y, z) →
   * (2x + 10, 2y + 10, 2z). */
  const float *p = (const float *) mesh->positions->data;
  g_assert_cmpfloat (p[3], ==, 12);
  g_assert_cmpfloat (p[4], ==, 10);
  g_assert_cmpfloat (p[11 * 3 + 2], ==, 0);
  g_assert_cmpfloat (p[12 * 3 + 2], ==, 2);
  /* Computed normals of the first triangle (x, y plane, CCW seen from +z). */
  const float *n = (const float *) mesh->normals->data;
  g_assert_cmpfloat_with_epsilon (n[2], 1, 1e-6);
  for (guint i = 0; i < mesh->normals->len; i += 3)
    g_assert_cmpfloat_with_epsilon (n[i] * n[i] + n[i + 1] * n[i + 1] + n[i + 2] * n[i + 2], 1, 1e-5);
  /* The indexed primitive's indices are offset past the first's 9 vertices. */
  const guint32 *ix = (const guint32 *) mesh->indices->data;
  g_assert_cmpuint (ix[9], ==, 9);
  g_assert_cmpuint (ix[13], ==, 12);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gltf-meshopt/roundtrip", test_roundtrip);
  g_test_add_func ("/gltf-meshopt/uint-indices", test_uint_indices);
  g_test_add_func ("/gltf-meshopt/lod-sizes", test_lod_sizes);
  g_test_add_func ("/gltf-meshopt/lod-budget", test_lod_budget);
  g_test_add_func ("/gltf-meshopt/reader-errors", test_reader_errors);
  g_test_add_func ("/gltf-meshopt/reader-general", test_reader_general);
  return g_test_run ();
}
