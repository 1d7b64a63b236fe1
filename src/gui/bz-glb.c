/* bz-glb.c — a small reader for binary glTF 2.0 triangle meshes. */
#include "bz-glb.h"

#include <cglm/cglm.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#define GLB_MAGIC      0x46546C67u /* "glTF" */
#define GLB_CHUNK_JSON 0x4E4F534Au
#define GLB_CHUNK_BIN  0x004E4942u

#define GL_UNSIGNED_BYTE  5121
#define GL_UNSIGNED_SHORT 5123
#define GL_UNSIGNED_INT   5125
#define GL_FLOAT          5126

#define MAX_NODE_DEPTH 32
#define MAX_NODE_VISITS 4096

typedef struct
{
  JsonObject *root;
  const guint8 *bin;
  gsize bin_len;
  BzGlbMesh *mesh;
  guint visits;
} Parser;

void
bz_glb_mesh_free (BzGlbMesh *mesh)
{
  if (mesh == NULL)
    return;
  g_clear_pointer (&mesh->positions, g_array_unref);
  g_clear_pointer (&mesh->normals, g_array_unref);
  g_clear_pointer (&mesh->indices, g_array_unref);
  g_free (mesh);
}

guint
bz_glb_mesh_vertex_count (const BzGlbMesh *mesh)
{
  return mesh->positions->len / 3;
}

guint
bz_glb_mesh_triangle_count (const BzGlbMesh *mesh)
{
  return mesh->indices->len / 3;
}

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
    case GL_UNSIGNED_BYTE: return 1;
    case GL_UNSIGNED_SHORT: return 2;
    case GL_UNSIGNED_INT: case GL_FLOAT: return 4;
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

/* Resolves accessor @index into a pointer, element stride and count, checking
 * every byte it will read lies inside the BIN chunk. */
static gboolean
resolve_accessor (Parser *p, gint64 index, gint64 want_component, guint want_components,
                  const guint8 **out_data, gsize *out_stride, gsize *out_count,
                  gint64 *out_component, GError **error)
{
  JsonObject *acc = array_object (p->root, "accessors", index);
  JsonObject *view;
  gint64 component, count, acc_offset, view_offset, view_length, stride;
  guint comps, csize;
  gsize elem_size, last;

  if (acc == NULL)
    return invalid (error, "missing accessor");
  if (json_object_has_member (acc, "sparse"))
    return invalid (error, "sparse accessors are not supported");
  view = array_object (p->root, "bufferViews", int_member (acc, "bufferView", -1));
  if (view == NULL)
    return invalid (error, "accessor without buffer view");
  if (int_member (view, "buffer", 0) != 0)
    return invalid (error, "only the GLB binary buffer is supported");

  component = int_member (acc, "componentType", 0);
  count = int_member (acc, "count", -1);
  comps = type_components (json_object_get_string_member_with_default (acc, "type", ""));
  csize = component_size (component);
  if (csize == 0 || comps != want_components || count < 0)
    return invalid (error, "unexpected accessor type");
  if (want_component != 0 && component != want_component)
    return invalid (error, "unexpected component type");
  if (want_component == 0 && component == GL_FLOAT)
    return invalid (error, "float indices");

  acc_offset = int_member (acc, "byteOffset", 0);
  view_offset = int_member (view, "byteOffset", 0);
  view_length = int_member (view, "byteLength", -1);
  elem_size = (gsize) csize * comps;
  stride = int_member (view, "byteStride", 0);
  if (stride == 0)
    stride = elem_size;
  if (acc_offset < 0 || view_offset < 0 || view_length < 0 || stride < (gint64) elem_size
      || (guint64) view_offset + (guint64) view_length > p->bin_len)
    return invalid (error, "buffer view out of range");
  if (count > 0)
    {
      last = (gsize) acc_offset + (gsize) (count - 1) * (gsize) stride + elem_size;
      if (count > G_MAXINT32 || last > (gsize) view_length)
        return invalid (error, "accessor out of range");
    }

  *out_data = p->bin + view_offset + acc_offset;
  *out_stride = stride;
  *out_count = count;
  if (out_component)
    *out_component = component;
  return TRUE;
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
compute_normals (BzGlbMesh *mesh, guint first_vertex)
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
  BzGlbMesh *mesh = p->mesh;
  JsonObject *attrs;
  const guint8 *data;
  gsize stride, count, n_indices;
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

  if (!resolve_accessor (p, int_member (attrs, "POSITION", -1), GL_FLOAT, 3,
                         &data, &stride, &count, NULL, error))
    return FALSE;
  if ((guint64) first_vertex + count > G_MAXUINT32)
    return invalid (error, "too many vertices");
  for (gsize i = 0; i < count; i++)
    {
      vec3 v;
      vec4 w;
      memcpy (v, data + i * stride, sizeof v);
      glm_mat4_mulv3 (model, v, 1.0f, w);
      g_array_append_vals (mesh->positions, w, 3);
    }

  glm_mat4_pick3 (model, normal_matrix);
  glm_mat3_inv (normal_matrix, normal_matrix);
  glm_mat3_transpose (normal_matrix);
  if (json_object_has_member (attrs, "NORMAL"))
    {
      gsize ncount;
      if (!resolve_accessor (p, int_member (attrs, "NORMAL", -1), GL_FLOAT, 3,
                             &data, &stride, &ncount, NULL, error))
        return FALSE;
      if (ncount != count)
        return invalid (error, "NORMAL and POSITION counts differ");
      for (gsize i = 0; i < count; i++)
        {
          vec3 n, m;
          memcpy (n, data + i * stride, sizeof n);
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
      gint64 component;
      if (!resolve_accessor (p, int_member (prim, "indices", -1), 0, 1,
                             &data, &stride, &n_indices, &component, error))
        return FALSE;
      for (gsize i = 0; i < n_indices; i++)
        {
          const guint8 *e = data + i * stride;
          guint32 index;
          if (component == GL_UNSIGNED_BYTE)
            index = e[0];
          else if (component == GL_UNSIGNED_SHORT)
            index = GUINT16_FROM_LE (*(const guint16 *) (gconstpointer) e);
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

BzGlbMesh *
bz_glb_parse (GBytes *bytes, GError **error)
{
  g_autoptr(BzGlbMesh) mesh = NULL;
  g_autoptr(JsonParser) parser = NULL;
  const guint8 *data;
  gsize len, json_len, offset;
  JsonNode *root;
  JsonObject *scene = NULL;
  JsonArray *nodes;
  Parser p = { 0 };
  mat4 identity;

  g_return_val_if_fail (bytes != NULL, NULL);
  data = g_bytes_get_data (bytes, &len);

  if (len < 20 || read_u32 (data) != GLB_MAGIC)
    return invalid (error, "not a binary glTF file"), NULL;
  if (read_u32 (data + 4) != 2)
    return invalid (error, "only glTF 2.0 is supported"), NULL;
  if (read_u32 (data + 8) > len)
    return invalid (error, "truncated file"), NULL;
  len = read_u32 (data + 8);

  json_len = read_u32 (data + 12);
  if (read_u32 (data + 16) != GLB_CHUNK_JSON || json_len > len - 20)
    return invalid (error, "missing JSON chunk"), NULL;
  offset = 20 + json_len;
  if (offset + 8 <= len && read_u32 (data + offset + 4) == GLB_CHUNK_BIN)
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

  mesh = g_new0 (BzGlbMesh, 1);
  mesh->positions = g_array_new (FALSE, FALSE, sizeof (float));
  mesh->normals = g_array_new (FALSE, TRUE, sizeof (float));
  mesh->indices = g_array_new (FALSE, FALSE, sizeof (guint32));
  p.mesh = mesh;

  glm_mat4_identity (identity);
  scene = array_object (p.root, "scenes", int_member (p.root, "scene", 0));
  if (scene != NULL && (nodes = array_member (scene, "nodes")) != NULL)
    {
      for (guint i = 0; i < json_array_get_length (nodes); i++)
        if (!add_node (&p, json_array_get_int_element (nodes, i), identity, 0, error))
          return NULL;
    }
  else
    {
      /* No scene: draw every mesh once, untransformed. */
      JsonNode *meshes = json_object_get_member (p.root, "meshes");
      guint n_meshes = meshes && JSON_NODE_HOLDS_ARRAY (meshes)
                       ? json_array_get_length (json_node_get_array (meshes)) : 0;
      for (guint i = 0; i < n_meshes; i++)
        {
          JsonObject *m = array_object (p.root, "meshes", i);
          JsonArray *prims = m ? array_member (m, "primitives") : NULL;
          for (guint j = 0; prims && j < json_array_get_length (prims); j++)
            {
              JsonNode *e = json_array_get_element (prims, j);
              if (!JSON_NODE_HOLDS_OBJECT (e))
                return invalid (error, "primitive is not an object"), NULL;
              if (!add_primitive (&p, json_node_get_object (e), identity, error))
                return NULL;
            }
        }
    }

  if (mesh->indices->len == 0)
    return invalid (error, "no triangles"), NULL;

  {
    const float *pos = (const float *) mesh->positions->data;
    guint n = mesh->positions->len / 3;
    for (guint k = 0; k < 3; k++)
      {
        mesh->min[k] = G_MAXFLOAT;
        mesh->max[k] = -G_MAXFLOAT;
      }
    for (guint v = 0; v < n; v++)
      for (guint k = 0; k < 3; k++)
        {
          mesh->min[k] = MIN (mesh->min[k], pos[v * 3 + k]);
          mesh->max[k] = MAX (mesh->max[k], pos[v * 3 + k]);
        }
  }

  return g_steal_pointer (&mesh);
}
