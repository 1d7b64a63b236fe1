/* bz-gltf-read.c — reads binary glTF 2.0 triangle meshes, including the
 * quantized (KHR_mesh_quantization) and compressed (EXT_meshopt_compression)
 * ones that bz-gltf-meshopt.c writes.  Moved here from src/gui/bz-glb.c so
 * the desk viewer and the avatar routes share one reader.
 */
#include "bz-gltf.h"

#include <cglm/cglm.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <meshoptimizer.h>
#include <string.h>

#include "bz-gltf-private.h"

#define MAX_NODE_DEPTH 32
#define MAX_NODE_VISITS 4096
/* Largest decoded EXT_meshopt_compression view: 64 MiB, far above any
 * avatar (LOD 0 decodes to about 250 KB) and a bound on what a hostile
 * file can make us allocate. */
#define MAX_DECODED_VIEW (64u << 20)
/* And at most 256 MiB decoded per file (many views could each reach the
 * per-view bound). */
#define MAX_DECODED_TOTAL ((gsize) 256 << 20)

typedef struct
{
  JsonObject *root;
  const guint8 *bin;
  gsize bin_len;
  BzMesh *mesh;
  guint visits;
  GHashTable *decoded;   /* view index -> GBytes of the decoded view */
  gsize decoded_total;   /* bytes in @decoded */
} Parser;

static gboolean
invalid (GError **error, const char *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Invalid GLB: %s", what);
  return FALSE;
}

static guint32
read_u32 (const guint8 *p)
{
  guint32 v;
  memcpy (&v, p, 4);
  return GUINT32_FROM_LE (v);
}

static JsonObject *
array_object (JsonObject *root, const char *member, gint64 index)
{
  JsonNode *node = json_object_get_member (root, member);
  JsonArray *array;
  JsonNode *element;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) || index < 0)
    return NULL;
  array = json_node_get_array (node);
  if ((guint64) index >= json_array_get_length (array))
    return NULL;
  element = json_array_get_element (array, index);
  return JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
}

static JsonArray *
array_member (JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  return n != NULL && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

static gint64
int_member (JsonObject *o, const char *name, gint64 fallback)
{
  JsonNode *n = json_object_get_member (o, name);
  if (n == NULL || JSON_NODE_TYPE (n) != JSON_NODE_VALUE)
    return fallback;
  return json_node_get_int (n);
}

static guint
component_size (gint64 type)
{
  switch (type)
    {
    case BZ_GL_BYTE: case BZ_GL_UNSIGNED_BYTE: return 1;
    case BZ_GL_SHORT: case BZ_GL_UNSIGNED_SHORT: return 2;
    case BZ_GL_UNSIGNED_INT: case BZ_GL_FLOAT: return 4;
    default: return 0;
    }
}

static guint
type_components (const char *type)
{
  if (g_strcmp0 (type, "SCALAR") == 0)
    return 1;
  if (g_strcmp0 (type, "VEC3") == 0)
    return 3;
  return 0;
}

static JsonObject *
object_member (JsonObject *o, const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  return n != NULL && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

/* Decodes an EXT_meshopt_compression view (the extension's Appendix A
 * bitstreams, Appendix B filters) into a new buffer of count × byteStride
 * bytes, after checking the rules of its "JSON schema updates" section. */
static GBytes *
decode_meshopt_view (Parser *p, JsonObject *view, JsonObject *ext, GError **error)
{
  gint64 offset = int_member (ext, "byteOffset", 0), length = int_member (ext, "byteLength", -1);
  gint64 stride = int_member (ext, "byteStride", -1), count = int_member (ext, "count", -1);
  const char *mode = json_object_get_string_member_with_default (ext, "mode", "");
  const char *filter = json_object_get_string_member_with_default (ext, "filter", "NONE");
  gint64 parent_stride = int_member (view, "byteStride", 0);
  gboolean attributes = g_strcmp0 (mode, "ATTRIBUTES") == 0;
  int rc = -1;

  if (int_member (ext, "buffer", -1) != 0)
    return invalid (error, "compressed data outside the GLB binary buffer"), NULL;
  if (offset < 0 || length < 0 || (guint64) offset + (guint64) length > p->bin_len)
    return invalid (error, "compressed view out of range"), NULL;
  if (stride <= 0 || stride > 256 || count < 0
      || (guint64) count * (guint64) stride > MAX_DECODED_VIEW
      || p->decoded_total + (gsize) (count * stride) > MAX_DECODED_TOTAL
      || int_member (view, "byteLength", -1) != count * stride
      || (parent_stride != 0 && parent_stride != stride))
    return invalid (error, "compressed view with a bad count or stride"), NULL;
  if (attributes ? stride % 4 != 0 : (stride != 2 && stride != 4) || g_strcmp0 (filter, "NONE") != 0)
    return invalid (error, "compressed view with a bad stride for its mode"), NULL;

  g_autofree guint8 *out = g_malloc0 (MAX (count * stride, 1));
  const guint8 *src = p->bin + offset;
  if (attributes)
    {
      rc = meshopt_decodeVertexBuffer (out, count, stride, src, length);
      if (rc == 0 && g_strcmp0 (filter, "OCTAHEDRAL") == 0 && (stride == 4 || stride == 8))
        meshopt_decodeFilterOct (out, count, stride);
      else if (rc == 0 && g_strcmp0 (filter, "QUATERNION") == 0 && stride == 8)
        meshopt_decodeFilterQuat (out, count, stride);
      else if (rc == 0 && g_strcmp0 (filter, "EXPONENTIAL") == 0)
        meshopt_decodeFilterExp (out, count, stride);
      else if (rc == 0 && g_strcmp0 (filter, "NONE") != 0)
        return invalid (error, "unknown compression filter"), NULL;
    }
  else if (g_strcmp0 (mode, "TRIANGLES") == 0 && count % 3 == 0)
    rc = meshopt_decodeIndexBuffer (out, count, stride, src, length);
  else if (g_strcmp0 (mode, "INDICES") == 0)
    rc = meshopt_decodeIndexSequence (out, count, stride, src, length);
  else
    return invalid (error, "unknown compression mode"), NULL;
  if (rc != 0)
    return invalid (error, "compressed data does not decode"), NULL;
  p->decoded_total += count * stride;
  return g_bytes_new_take (g_steal_pointer (&out), count * stride);
}

/* The bytes of buffer view @index: a slice of the BIN chunk, or the decoded
 * contents of an EXT_meshopt_compression view (decoded once per file). */
static gboolean
view_data (Parser *p, gint64 index, const guint8 **out_data, gsize *out_len, GError **error)
{
  JsonObject *view = array_object (p->root, "bufferViews", index);
  JsonObject *ext = object_member (object_member (view, "extensions"), BZ_GLTF_EXT_MESHOPT);
  GBytes *decoded;

  if (view == NULL)
    return invalid (error, "accessor without buffer view");
  if (ext != NULL)
    {
      decoded = g_hash_table_lookup (p->decoded, GINT_TO_POINTER ((int) index));
      if (decoded == NULL)
        {
          decoded = decode_meshopt_view (p, view, ext, error);
          if (decoded == NULL)
            return FALSE;
          g_hash_table_insert (p->decoded, GINT_TO_POINTER ((int) index), decoded);
        }
      *out_data = g_bytes_get_data (decoded, out_len);
      return TRUE;
    }

  gint64 offset = int_member (view, "byteOffset", 0), length = int_member (view, "byteLength", -1);
  if (int_member (view, "buffer", 0) != 0)
    return invalid (error, "only the GLB binary buffer is supported");
  if (offset < 0 || length < 0 || (guint64) offset + (guint64) length > p->bin_len)
    return invalid (error, "buffer view out of range");
  *out_data = p->bin + offset;
  *out_len = length;
  return TRUE;
}

/* One accessor: where its elements are and how to read them. */
typedef struct
{
  const guint8 *data;
  gsize stride;
  gsize count;
  gint64 component;
  gboolean normalized;
} Accessor;

/* Resolves accessor @index, checking every byte it will read lies inside
 * its view.  @vertex: an attribute (FLOAT, or the integer types of
 * KHR_mesh_quantization) rather than indices (unsigned integers). */
static gboolean
resolve_accessor (Parser *p, gint64 index, gboolean vertex, guint want_components,
                  Accessor *out, GError **error)
{
  JsonObject *acc = array_object (p->root, "accessors", index);
  gint64 component, count, acc_offset, stride;
  guint comps, csize;
  const guint8 *data;
  gsize view_len, elem_size, last;

  if (acc == NULL)
    return invalid (error, "missing accessor");
  if (json_object_has_member (acc, "sparse"))
    return invalid (error, "sparse accessors are not supported");
  if (!view_data (p, int_member (acc, "bufferView", -1), &data, &view_len, error))
    return FALSE;

  component = int_member (acc, "componentType", 0);
  count = int_member (acc, "count", -1);
  comps = type_components (json_object_get_string_member_with_default (acc, "type", ""));
  csize = component_size (component);
  if (csize == 0 || comps != want_components || count < 0)
    return invalid (error, "unexpected accessor type");
  if (!vertex && (component == BZ_GL_FLOAT || component == BZ_GL_BYTE || component == BZ_GL_SHORT))
    return invalid (error, "indices must be unsigned integers");
  if (vertex && component == BZ_GL_UNSIGNED_INT)
    return invalid (error, "unexpected component type");

  acc_offset = int_member (acc, "byteOffset", 0);
  elem_size = (gsize) csize * comps;
  stride = int_member (array_object (p->root, "bufferViews", int_member (acc, "bufferView", -1)), "byteStride", 0);
  if (stride == 0)
    stride = elem_size;
  if (acc_offset < 0 || stride < (gint64) elem_size)
    return invalid (error, "buffer view out of range");
  if (count > 0)
    {
      last = (gsize) acc_offset + (gsize) (count - 1) * (gsize) stride + elem_size;
      if (count > G_MAXINT32 || last > view_len)
        return invalid (error, "accessor out of range");
    }

  out->data = data + acc_offset;
  out->stride = stride;
  out->count = count;
  out->component = component;
  {
    JsonNode *n = json_object_get_member (acc, "normalized");
    out->normalized = n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_BOOLEAN
                      && json_node_get_boolean (n);
  }
  return TRUE;
}

/* Component @k of element @i as a float: glTF 2.0 §3.11 normalization for
 * normalized integers (KHR_mesh_quantization), the plain value otherwise. */
static float
read_float (const Accessor *a, gsize i, guint k)
{
  const guint8 *e = a->data + i * a->stride;
  switch (a->component)
    {
    case BZ_GL_BYTE:
      {
        gint8 c = (gint8) e[k];
        return a->normalized ? MAX (c / 127.f, -1.f) : c;
      }
    case BZ_GL_UNSIGNED_BYTE:
      return a->normalized ? e[k] / 255.f : e[k];
    case BZ_GL_SHORT:
      {
        gint16 c;
        memcpy (&c, e + 2 * k, 2);
        c = GINT16_FROM_LE (c);
        return a->normalized ? MAX (c / 32767.f, -1.f) : c;
      }
    case BZ_GL_UNSIGNED_SHORT:
      {
        guint16 c;
        memcpy (&c, e + 2 * k, 2);
        c = GUINT16_FROM_LE (c);
        return a->normalized ? c / 65535.f : c;
      }
    default:
      {
        guint32 bits;
        float f;
        memcpy (&bits, e + 4 * k, 4);
        bits = GUINT32_FROM_LE (bits);
        memcpy (&f, &bits, 4);
        return f;
      }
    }
}

static void
node_local_matrix (JsonObject *node, mat4 out)
{
  JsonArray *a;

  glm_mat4_identity (out);
  if ((a = array_member (node, "matrix")) != NULL
      && json_array_get_length (a) == 16)
    {
      for (guint i = 0; i < 16; i++) /* column-major, like cglm */
        out[i / 4][i % 4] = json_array_get_double_element (a, i);
      return;
    }
  if ((a = array_member (node, "translation")) != NULL
      && json_array_get_length (a) == 3)
    {
      vec3 t = { json_array_get_double_element (a, 0), json_array_get_double_element (a, 1),
                 json_array_get_double_element (a, 2) };
      glm_translate (out, t);
    }
  if ((a = array_member (node, "rotation")) != NULL
      && json_array_get_length (a) == 4)
    {
      versor q = { json_array_get_double_element (a, 0), json_array_get_double_element (a, 1),
                   json_array_get_double_element (a, 2), json_array_get_double_element (a, 3) };
      glm_quat_normalize (q);
      glm_quat_rotate (out, q, out);
    }
  if ((a = array_member (node, "scale")) != NULL
      && json_array_get_length (a) == 3)
    {
      vec3 s = { json_array_get_double_element (a, 0), json_array_get_double_element (a, 1),
                 json_array_get_double_element (a, 2) };
      glm_scale (out, s);
    }
}

static void
compute_normals (BzMesh *mesh, guint first_vertex)
{
  float *pos = (float *) mesh->positions->data;
  float *nor = (float *) mesh->normals->data;
  const guint32 *idx = (const guint32 *) mesh->indices->data;
  guint n_vertices = mesh->positions->len / 3;

  for (guint i = first_vertex * 3; i < n_vertices * 3; i++)
    nor[i] = 0;
  for (guint t = 0; t + 2 < mesh->indices->len; t += 3)
    {
      guint a = idx[t], b = idx[t + 1], c = idx[t + 2];
      vec3 e1, e2, n;
      if (a < first_vertex || b < first_vertex || c < first_vertex)
        continue;
      glm_vec3_sub (&pos[b * 3], &pos[a * 3], e1);
      glm_vec3_sub (&pos[c * 3], &pos[a * 3], e2);
      glm_vec3_cross (e1, e2, n); /* area-weighted */
      glm_vec3_add (&nor[a * 3], n, &nor[a * 3]);
      glm_vec3_add (&nor[b * 3], n, &nor[b * 3]);
      glm_vec3_add (&nor[c * 3], n, &nor[c * 3]);
    }
  for (guint v = first_vertex; v < n_vertices; v++)
    glm_vec3_normalize (&nor[v * 3]);
}

static gboolean
add_primitive (Parser *p, JsonObject *prim, mat4 model, GError **error)
{
  BzMesh *mesh = p->mesh;
  JsonObject *attrs;
  Accessor a;
  gsize count, n_indices;
  guint first_vertex = mesh->positions->len / 3;
  gboolean have_normals = FALSE;
  mat3 normal_matrix;

  if (int_member (prim, "mode", 4) != 4)
    return TRUE; /* points and lines are not drawn */
  {
    JsonNode *n = json_object_get_member (prim, "attributes");
    attrs = n && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
  }
  if (attrs == NULL || !json_object_has_member (attrs, "POSITION"))
    return invalid (error, "primitive without POSITION");

  if (!resolve_accessor (p, int_member (attrs, "POSITION", -1), TRUE, 3, &a, error))
    return FALSE;
  count = a.count;
  if ((guint64) first_vertex + count > G_MAXUINT32)
    return invalid (error, "too many vertices");
  for (gsize i = 0; i < count; i++)
    {
      vec3 v = { read_float (&a, i, 0), read_float (&a, i, 1), read_float (&a, i, 2) };
      vec4 w;
      glm_mat4_mulv3 (model, v, 1.0f, w);
      g_array_append_vals (mesh->positions, w, 3);
    }

  glm_mat4_pick3 (model, normal_matrix);
  glm_mat3_inv (normal_matrix, normal_matrix);
  glm_mat3_transpose (normal_matrix);
  if (json_object_has_member (attrs, "NORMAL"))
    {
      if (!resolve_accessor (p, int_member (attrs, "NORMAL", -1), TRUE, 3, &a, error))
        return FALSE;
      if (a.count != count)
        return invalid (error, "NORMAL and POSITION counts differ");
      for (gsize i = 0; i < count; i++)
        {
          vec3 n = { read_float (&a, i, 0), read_float (&a, i, 1), read_float (&a, i, 2) }, m;
          glm_mat3_mulv (normal_matrix, n, m);
          glm_vec3_normalize (m);
          g_array_append_vals (mesh->normals, m, 3);
        }
      have_normals = TRUE;
    }
  else
    g_array_set_size (mesh->normals, mesh->positions->len);

  if (json_object_has_member (prim, "indices"))
    {
      if (!resolve_accessor (p, int_member (prim, "indices", -1), FALSE, 1, &a, error))
        return FALSE;
      n_indices = a.count;
      for (gsize i = 0; i < n_indices; i++)
        {
          const guint8 *e = a.data + i * a.stride;
          guint32 index;
          if (a.component == BZ_GL_UNSIGNED_BYTE)
            index = e[0];
          else if (a.component == BZ_GL_UNSIGNED_SHORT)
            {
              guint16 u;
              memcpy (&u, e, 2);
              index = GUINT16_FROM_LE (u);
            }
          else
            index = read_u32 (e);
          if (index >= count)
            return invalid (error, "index out of range");
          index += first_vertex;
          g_array_append_val (mesh->indices, index);
        }
    }
  else
    {
      n_indices = count;
      for (gsize i = 0; i < count; i++)
        {
          guint32 index = first_vertex + i;
          g_array_append_val (mesh->indices, index);
        }
    }
  if (n_indices % 3 != 0)
    return invalid (error, "index count is not a multiple of 3");

  if (!have_normals)
    compute_normals (mesh, first_vertex);
  return TRUE;
}

static gboolean
add_node (Parser *p, gint64 index, mat4 parent, guint depth, GError **error)
{
  JsonObject *node = array_object (p->root, "nodes", index);
  JsonArray *children;
  mat4 local, world;

  if (node == NULL)
    return invalid (error, "missing node");
  if (depth > MAX_NODE_DEPTH || ++p->visits > MAX_NODE_VISITS)
    return invalid (error, "node hierarchy too deep");

  node_local_matrix (node, local);
  glm_mat4_mul (parent, local, world);

  if (json_object_has_member (node, "mesh"))
    {
      JsonObject *mesh = array_object (p->root, "meshes", int_member (node, "mesh", -1));
      JsonArray *prims;
      if (mesh == NULL || (prims = array_member (mesh, "primitives")) == NULL)
        return invalid (error, "missing mesh");
      for (guint i = 0; prims && i < json_array_get_length (prims); i++)
        {
          JsonNode *e = json_array_get_element (prims, i);
          if (!JSON_NODE_HOLDS_OBJECT (e))
            return invalid (error, "primitive is not an object");
          if (!add_primitive (p, json_node_get_object (e), world, error))
            return FALSE;
        }
    }
  if ((children = array_member (node, "children")) != NULL)
    {
      for (guint i = 0; i < json_array_get_length (children); i++)
        if (!add_node (p, json_array_get_int_element (children, i), world, depth + 1, error))
          return FALSE;
    }
  return TRUE;
}

/* Refuses files that require an extension this reader does not implement
 * (glTF 2.0 §3.12: a loader must not load such an asset). */
static gboolean
check_required_extensions (JsonObject *root, GError **error)
{
  JsonArray *required = array_member (root, "extensionsRequired");
  for (guint i = 0; required && i < json_array_get_length (required); i++)
    {
      JsonNode *n = json_array_get_element (required, i);
      const char *name = JSON_NODE_HOLDS_VALUE (n) ? json_node_get_string (n) : NULL;
      if (g_strcmp0 (name, BZ_GLTF_EXT_MESHOPT) != 0 && g_strcmp0 (name, BZ_GLTF_EXT_QUANTIZATION) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "Invalid GLB: requires the unsupported extension %s", name ? name : "(not a string)");
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_scene (Parser *p, GError **error)
{
  JsonObject *scene = array_object (p->root, "scenes", int_member (p->root, "scene", 0));
  JsonArray *nodes;
  mat4 identity;

  glm_mat4_identity (identity);
  if (scene != NULL && (nodes = array_member (scene, "nodes")) != NULL)
    {
      for (guint i = 0; i < json_array_get_length (nodes); i++)
        if (!add_node (p, json_array_get_int_element (nodes, i), identity, 0, error))
          return FALSE;
      return TRUE;
    }

  /* No scene: draw every mesh once, untransformed. */
  JsonNode *meshes = json_object_get_member (p->root, "meshes");
  guint n_meshes = meshes && JSON_NODE_HOLDS_ARRAY (meshes)
                   ? json_array_get_length (json_node_get_array (meshes)) : 0;
  for (guint i = 0; i < n_meshes; i++)
    {
      JsonObject *m = array_object (p->root, "meshes", i);
      JsonArray *prims = m ? array_member (m, "primitives") : NULL;
      for (guint j = 0; prims && j < json_array_get_length (prims); j++)
        {
          JsonNode *e = json_array_get_element (prims, j);
          if (!JSON_NODE_HOLDS_OBJECT (e))
            return invalid (error, "primitive is not an object");
          if (!add_primitive (p, json_node_get_object (e), identity, error))
            return FALSE;
        }
    }
  return TRUE;
}

BzMesh *
bz_gltf_read_glb (GBytes *bytes, GError **error)
{
  g_autoptr(BzMesh) mesh = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) decoded = NULL;
  const guint8 *data;
  gsize len, json_len, offset;
  JsonNode *root;
  Parser p = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  data = g_bytes_get_data (bytes, &len);

  if (len < 20 || read_u32 (data) != BZ_GLB_MAGIC)
    return invalid (error, "not a binary glTF file"), NULL;
  if (read_u32 (data + 4) != 2)
    return invalid (error, "only glTF 2.0 is supported"), NULL;
  if (read_u32 (data + 8) > len)
    return invalid (error, "truncated file"), NULL;
  len = read_u32 (data + 8);

  json_len = read_u32 (data + 12);
  if (read_u32 (data + 16) != BZ_GLB_CHUNK_JSON || json_len > len - 20)
    return invalid (error, "missing JSON chunk"), NULL;
  offset = 20 + json_len;
  if (offset + 8 <= len && read_u32 (data + offset + 4) == BZ_GLB_CHUNK_BIN)
    {
      gsize bin_len = read_u32 (data + offset);
      if (bin_len > len - offset - 8)
        return invalid (error, "truncated BIN chunk"), NULL;
      p.bin = data + offset + 8;
      p.bin_len = bin_len;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, (const char *) data + 20, json_len, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return invalid (error, "JSON chunk is not an object"), NULL;
  p.root = json_node_get_object (root);
  if (!check_required_extensions (p.root, error))
    return NULL;

  mesh = bz_mesh_new ();
  decoded = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_bytes_unref);
  p.mesh = mesh;
  p.decoded = decoded;
  if (!read_scene (&p, error))
    return NULL;
  if (mesh->indices->len == 0)
    return invalid (error, "no triangles"), NULL;
  return g_steal_pointer (&mesh);
}

JsonNode *
bz_gltf_read_extras (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize len;
  const guint8 *data;
  JsonNode *root;
  JsonObject *mesh;
  JsonNode *extras;

  g_return_val_if_fail (bytes != NULL, NULL);
  data = g_bytes_get_data (bytes, &len);
  if (len < 20 || read_u32 (data) != BZ_GLB_MAGIC || read_u32 (data + 16) != BZ_GLB_CHUNK_JSON
      || read_u32 (data + 12) > len - 20
      || !json_parser_load_from_data (parser, (const char *) data + 20, read_u32 (data + 12), NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  mesh = array_object (json_node_get_object (root), "meshes", 0);
  extras = mesh ? json_object_get_member (mesh, "extras") : NULL;
  return extras && JSON_NODE_HOLDS_OBJECT (extras) ? json_node_copy (extras) : NULL;
}
