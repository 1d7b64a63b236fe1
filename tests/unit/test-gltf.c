/* test-gltf.c — the GLB writer: structure parse-back and Khronos
 * glTF-Validator on every variant (LOD 0–2 × plain, meshopt, quantized). */
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "bz-error.h"
#include "bz-gltf.h"
#include "bz-test-util.h"

static guint32
rd32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

/* Parses a GLB, asserting the container rules of glTF 2.0 §4.4. */
static JsonNode *
parse_glb (GBytes *glb, const guint8 **out_bin, gsize *out_bin_len)
{
  gsize size;
  const guint8 *d = g_bytes_get_data (glb, &size);

  g_assert_cmpuint (size, >=, 28);
  g_assert_cmpmem (d, 4, "glTF", 4);
  g_assert_cmpuint (rd32 (d + 4), ==, 2);
  g_assert_cmpuint (rd32 (d + 8), ==, size);
  g_assert_cmpuint (size % 4, ==, 0);

  guint32 json_len = rd32 (d + 12);
  g_assert_cmpmem (d + 16, 4, "JSON", 4);
  g_assert_cmpuint (json_len % 4, ==, 0);
  g_assert_cmpuint (20 + json_len + 8, <=, size);
  const char *json = (const char *) d + 20;
  /* Padding is spaces, the JSON itself holds no NUL. */
  g_assert_null (memchr (json, '\0', json_len));

  const guint8 *bin_hdr = d + 20 + json_len;
  guint32 bin_len = rd32 (bin_hdr);
  g_assert_cmpmem (bin_hdr + 4, 4, "BIN\0", 4);
  g_assert_cmpuint (bin_len % 4, ==, 0);
  g_assert_cmpuint (20 + json_len + 8 + bin_len, ==, size);

  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  json_parser_load_from_data (parser, json, json_len, &error);
  g_assert_no_error (error);

  *out_bin = bin_hdr + 8;
  *out_bin_len = bin_len;
  return json_node_ref (json_parser_get_root (parser));
}

static JsonObject *
array_obj (JsonObject *root, const char *member, guint i)
{
  JsonArray *a = json_object_get_array_member (root, member);
  g_assert_nonnull (a);
  g_assert_cmpuint (i, <, json_array_get_length (a));
  return json_array_get_object_element (a, i);
}

/* Checks the one-primitive layout against @mesh. */
static void
check_document (GBytes *glb, const BzMesh *mesh)
{
  const guint8 *bin;
  gsize bin_len;
  g_autoptr(JsonNode) node = parse_glb (glb, &bin, &bin_len);
  JsonObject *root = json_node_get_object (node);
  guint nv = bz_mesh_vertex_count (mesh);

  JsonObject *asset = json_object_get_object_member (root, "asset");
  g_assert_cmpstr (json_object_get_string_member (asset, "version"), ==, "2.0");
  g_assert_cmpstr (json_object_get_string_member (asset, "generator"), ==, "Balanza");

  JsonObject *buffer = array_obj (root, "buffers", 0);
  g_assert_false (json_object_has_member (buffer, "uri"));
  g_assert_cmpint (json_object_get_int_member (buffer, "byteLength"), <=, bin_len);
  g_assert_cmpint (json_object_get_int_member (buffer, "byteLength"), >, bin_len - 4);

  JsonObject *prim = json_array_get_object_element (
    json_object_get_array_member (array_obj (root, "meshes", 0), "primitives"), 0);
  JsonObject *attrs = json_object_get_object_member (prim, "attributes");
  JsonObject *pos = array_obj (root, "accessors", json_object_get_int_member (attrs, "POSITION"));
  JsonObject *nrm = array_obj (root, "accessors", json_object_get_int_member (attrs, "NORMAL"));
  JsonObject *ind = array_obj (root, "accessors", json_object_get_int_member (prim, "indices"));

  g_assert_cmpint (json_object_get_int_member (pos, "count"), ==, nv);
  g_assert_cmpint (json_object_get_int_member (nrm, "count"), ==, nv);
  g_assert_cmpint (json_object_get_int_member (ind, "count"), ==, mesh->indices->len);
  g_assert_cmpint (json_object_get_int_member (pos, "componentType"), ==, 5126);
  g_assert_cmpstr (json_object_get_string_member (pos, "type"), ==, "VEC3");
  gint64 ctype = json_object_get_int_member (ind, "componentType");
  g_assert_cmpint (ctype, ==, nv < 65536 ? 5123 : 5125);

  /* Every buffer view is 4-byte aligned and inside the BIN chunk. */
  JsonArray *views = json_object_get_array_member (root, "bufferViews");
  for (guint i = 0; i < json_array_get_length (views); i++)
    {
      JsonObject *v = json_array_get_object_element (views, i);
      gint64 off = json_object_get_int_member (v, "byteOffset");
      gint64 len = json_object_get_int_member (v, "byteLength");
      g_assert_cmpint (off % 4, ==, 0);
      g_assert_cmpint (off + len, <=, bin_len);
    }

  /* POSITION min/max equal the data's, and the data round-trips. */
  JsonObject *pv = array_obj (root, "bufferViews", json_object_get_int_member (pos, "bufferView"));
  const guint8 *pdata = bin + json_object_get_int_member (pv, "byteOffset");
  JsonArray *mn = json_object_get_array_member (pos, "min");
  JsonArray *mx = json_object_get_array_member (pos, "max");
  for (guint k = 0; k < 3; k++)
    {
      float lo = INFINITY, hi = -INFINITY;
      for (guint i = 0; i < nv; i++)
        {
          float f;
          guint32 bits = rd32 (pdata + 12 * i + 4 * k);
          memcpy (&f, &bits, 4);
          g_assert_cmpfloat (f, ==, g_array_index (mesh->positions, float, 3 * i + k));
          lo = MIN (lo, f);
          hi = MAX (hi, f);
        }
      g_assert_cmpfloat ((float) json_array_get_double_element (mn, k), ==, lo);
      g_assert_cmpfloat ((float) json_array_get_double_element (mx, k), ==, hi);
    }

  /* Indices round-trip. */
  JsonObject *iv = array_obj (root, "bufferViews", json_object_get_int_member (ind, "bufferView"));
  const guint8 *idata = bin + json_object_get_int_member (iv, "byteOffset");
  g_assert_cmpint (json_object_get_int_member (iv, "byteLength"), ==,
                   mesh->indices->len * (ctype == 5123 ? 2 : 4));
  for (guint i = 0; i < mesh->indices->len; i++)
    {
      guint32 v = ctype == 5123 ? (guint32) (idata[2 * i] | idata[2 * i + 1] << 8) : rd32 (idata + 4 * i);
      g_assert_cmpuint (v, ==, g_array_index (mesh->indices, guint32, i));
    }

  JsonObject *mat = array_obj (root, "materials", json_object_get_int_member (prim, "material"));
  JsonObject *pbr = json_object_get_object_member (mat, "pbrMetallicRoughness");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (pbr, "baseColorFactor")), ==, 4);
}

static void
test_structure (void)
{
  BzBodyMeasurements m = { BZ_SEX_FEMALE, 33, 158, 61, 27, 21, 0, 0, 78, 97, 29, 0, 0 };
  g_autoptr(BzMesh) mesh = bz_body_model_build (&m, 0);
  BzGltfOptions opts = { 0 };
  opts.measurements = &m;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) glb = bz_gltf_write_glb (mesh, &opts, &error);
  g_assert_no_error (error);
  check_document (glb, mesh);

  /* The extras carry the measurements. */
  const guint8 *bin;
  gsize bin_len;
  g_autoptr(JsonNode) node = parse_glb (glb, &bin, &bin_len);
  JsonObject *extras = json_object_get_object_member (array_obj (json_node_get_object (node), "meshes", 0), "extras");
  JsonObject *bz = json_object_get_object_member (extras, "balanza");
  g_assert_cmpfloat (json_object_get_double_member (bz, "height_cm"), ==, 158);
  g_assert_cmpfloat (json_object_get_double_member (
    json_object_get_object_member (bz, "circumferences_cm"), "waist"), ==, 78);

  /* Defaults without options. */
  g_autoptr(GBytes) plain = bz_gltf_write_glb (mesh, NULL, &error);
  g_assert_no_error (error);
  check_document (plain, mesh);
}

/* A closed UV sphere of radius @r with more than 65,535 vertices when asked. */
static BzMesh *
uv_sphere (guint rings, guint segments, double r)
{
  BzMesh *mesh = bz_mesh_new ();
  float top[3] = { 0, (float) r, 0 }, bottom[3] = { 0, (float) -r, 0 };
  g_array_append_vals (mesh->positions, top, 3);
  for (guint i = 1; i < rings; i++)
    for (guint j = 0; j < segments; j++)
      {
        double phi = G_PI * i / rings, t = 2 * G_PI * j / segments;
        float p[3] = { (float) (r * sin (phi) * cos (t)), (float) (r * cos (phi)),
                       (float) (r * sin (phi) * sin (t)) };
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
  return mesh;
}

static void
test_uint_indices (void)
{
  g_autoptr(BzMesh) sphere = uv_sphere (241, 300, 0.5);
  g_assert_cmpuint (bz_mesh_vertex_count (sphere), >, 65536);
  g_assert_true (bz_mesh_is_closed (sphere));
  g_assert_cmpfloat (bz_mesh_signed_volume (sphere), >, 0);

  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) glb = bz_gltf_write_glb (sphere, NULL, &error);
  g_assert_no_error (error);
  check_document (glb, sphere);
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzMesh) empty = bz_mesh_new ();
  g_assert_null (bz_gltf_write_glb (empty, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
  g_clear_error (&error);

  g_autoptr(BzMesh) bad = uv_sphere (4, 6, 1);
  g_array_index (bad->indices, guint32, 5) = 999;
  g_assert_null (bz_gltf_write_glb (bad, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
  g_clear_error (&error);

  g_autoptr(BzMesh) nan = uv_sphere (4, 6, 1);
  g_array_index (nan->positions, float, 4) = NAN;
  g_assert_null (bz_gltf_write_glb (nan, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
  g_clear_error (&error);

  g_autoptr(BzMesh) no_normals = uv_sphere (4, 6, 1);
  g_array_set_size (no_normals->normals, 0);
  g_assert_null (bz_gltf_write_glb (no_normals, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
}

/* --- Khronos glTF-Validator ------------------------------------------- */

typedef struct
{
  BzSex sex;
  double weight_kg, height_cm, arm_cm, hip_cm, waist_cm;
} Row;

static GArray *
load_rows (BzSex sex)
{
  g_autofree char *path = bz_test_source_path (sex == BZ_SEX_MALE
                                               ? "data/nhanes/nhanes_adult_male_bmx_2020.csv"
                                               : "data/nhanes/nhanes_adult_female_bmx_2020.csv");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (lines[i][0] == '#' || lines[i][0] == '"' || lines[i][0] == '\0')
        continue;
      g_auto(GStrv) f = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (f), ==, 7);
      Row r = { sex, g_ascii_strtod (f[0], NULL), g_ascii_strtod (f[1], NULL),
                g_ascii_strtod (f[4], NULL), g_ascii_strtod (f[5], NULL), g_ascii_strtod (f[6], NULL) };
      g_array_append_val (rows, r);
    }
  return rows;
}

static double
bmi (const Row *r)
{
  return r->weight_kg / (r->height_cm * r->height_cm / 1e4);
}

static int
cmp_bmi (gconstpointer a, gconstpointer b)
{
  double d = bmi (a) - bmi (b);
  return d < 0 ? -1 : d > 0;
}

/* Runs tools/validate-gltf.mjs once on all @files (a JSON array back) and
 * asserts 0 errors and 0 warnings for each. */
static void
run_validator (const char *validator, GPtrArray *files)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_cmpuint (files->len, >=, 2);
  g_ptr_array_add (argv, (gpointer) "node");
  g_ptr_array_add (argv, (gpointer) validator);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (argv, files->pdata[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_printerr ("validator:\n%s\n%s\n", out, err);
  g_assert_no_error (error);

  g_autoptr(JsonParser) parser = json_parser_new ();
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  JsonArray *reports = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (reports), ==, files->len);
  for (guint i = 0; i < files->len; i++)
    {
      JsonObject *report = json_array_get_object_element (reports, i);
      const char *file = json_object_get_string_member (report, "file");
      gint64 errors = json_object_get_int_member (report, "numErrors");
      gint64 warnings = json_object_get_int_member (report, "numWarnings");
      g_assert_cmpstr (file, ==, files->pdata[i]);
      g_test_message ("%s: %" G_GINT64_FORMAT " errors, %" G_GINT64_FORMAT " warnings, %" G_GINT64_FORMAT " infos",
                      file, errors, warnings, json_object_get_int_member (report, "numInfos"));
      if (errors || warnings)
        g_printerr ("%s\n", out);
      g_assert_cmpint (errors, ==, 0);
      g_assert_cmpint (warnings, ==, 0);
    }
}

/* Writes @mesh as every variant the avatar route serves (LOD 0–2 by
 * bz_gltf_lod_mesh() × plain and meshopt-compressed) plus the quantized
 * uncompressed form (what a meshopt decoder yields: the validator checks
 * quantized accessors but cannot decode EXT_meshopt_compression), and
 * appends the file names to @files. */
static void
write_variants (GPtrArray *files, const char *dir, const char *name,
                const BzMesh *mesh, const BzBodyMeasurements *m)
{
  static const char *suffix[] = { "plain", "meshopt", "quantized" };
  static const BzGltfCompression kinds[] = {
    BZ_GLTF_COMPRESSION_NONE, BZ_GLTF_COMPRESSION_MESHOPT, BZ_GLTF_COMPRESSION_QUANTIZED,
  };
  for (guint lod = 0; lod < BZ_GLTF_LOD_COUNT; lod++)
    {
      g_autoptr(BzMesh) level = bz_gltf_lod_mesh (mesh, lod);
      for (guint c = 0; c < G_N_ELEMENTS (kinds); c++)
        {
          BzGltfOptions opts = { 0 };
          opts.measurements = m;
          opts.name = name;
          opts.lod = lod;
          opts.compression = kinds[c];
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) glb = bz_gltf_write_glb (level, &opts, &error);
          g_assert_no_error (error);
          char *file = g_strdup_printf ("%s/%s-lod%u-%s.glb", dir, name, lod, suffix[c]);
          g_file_set_contents (file, g_bytes_get_data (glb, NULL), g_bytes_get_size (glb), &error);
          g_assert_no_error (error);
          g_ptr_array_add (files, file);
        }
    }
}

static void
test_validator (void)
{
  const char *env = g_getenv ("BALANZA_GLTF_VALIDATOR");
  if (env == NULL || *env == '\0')
    {
      g_test_skip ("BALANZA_GLTF_VALIDATOR is not set (tools/dev test sets it to "
                   "tools/validate-gltf.mjs after `npm install` in tools/)");
      return;
    }
  g_autofree char *validator = g_path_is_absolute (env) ? g_strdup (env) : bz_test_source_path (env);
  g_autofree char *dir = bz_test_tmpdir ("gltf");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (int s = 0; s < 2; s++)
    {
      BzSex sex = s ? BZ_SEX_MALE : BZ_SEX_FEMALE;
      g_autoptr(GArray) rows = load_rows (sex);
      g_array_sort (rows, cmp_bmi);
      guint tall = 0, shortest = 0;
      for (guint i = 0; i < rows->len; i++)
        {
          if (g_array_index (rows, Row, i).height_cm > g_array_index (rows, Row, tall).height_cm)
            tall = i;
          if (g_array_index (rows, Row, i).height_cm < g_array_index (rows, Row, shortest).height_cm)
            shortest = i;
        }
      struct { const char *what; guint row; } picks[] = {
        { "thin", 0 }, { "average", rows->len / 2 }, { "obese", rows->len - 1 },
        { "tall", tall }, { "short", shortest },
      };
      for (guint p = 0; p < G_N_ELEMENTS (picks); p++)
        {
          const Row *r = &g_array_index (rows, Row, picks[p].row);
          BzBodyMeasurements m = { sex, 40, r->height_cm, r->weight_kg, 0, 0, 0, 0,
                                   r->waist_cm, r->hip_cm, r->arm_cm, 0, 0 };
          bz_body_measurements_complete (&m);
          /* The model's own coarsest level too, as the routes may get any mesh. */
          for (guint lod = 0; lod <= 2; lod += 2)
            {
              g_autoptr(BzMesh) mesh = bz_body_model_build (&m, lod);
              g_autofree char *name = g_strdup_printf ("%s-%s-model%u", s ? "male" : "female",
                                                       picks[p].what, lod);
              write_variants (files, dir, name, mesh, &m);
            }
        }
    }

  g_autoptr(BzMesh) sphere = uv_sphere (241, 300, 0.5);
  write_variants (files, dir, "sphere-uint32", sphere, NULL);
  run_validator (validator, files);
  bz_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gltf/structure", test_structure);
  g_test_add_func ("/gltf/uint-indices", test_uint_indices);
  g_test_add_func ("/gltf/errors", test_errors);
  g_test_add_func ("/gltf/validator", test_validator);
  return g_test_run ();
}
