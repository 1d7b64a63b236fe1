/* bz-gltf.c — binary glTF 2.0 (GLB) writer. */
#include "bz-gltf.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "bz-error.h"
#include "bz-gltf-private.h"

static void
append_u32 (GByteArray *out, guint32 v)
{
  guint32 le = GUINT32_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &le, 4);
}

G_GNUC_UNUSED static void
append_f32 (GByteArray *out, float f)
{
  guint32 bits;
  memcpy (&bits, &f, 4);
  append_u32 (out, bits);
}

static void
pad_to_4 (GByteArray *out, guint8 fill)
{
  while (out->len % 4 != 0)
    g_byte_array_append (out, &fill, 1);
}

void
bz_gltf_add_vec3 (JsonBuilder *b, const char *member, const double v[3])
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (int k = 0; k < 3; k++)
    json_builder_add_double_value (b, v[k]);
  json_builder_end_array (b);
}

void
bz_gltf_add_int (JsonBuilder *b, const char *member, gint64 v)
{
  json_builder_set_member_name (b, member);
  json_builder_add_int_value (b, v);
}

void
bz_gltf_add_double (JsonBuilder *b, const char *member, double v)
{
  json_builder_set_member_name (b, member);
  json_builder_add_double_value (b, v);
}

void
bz_gltf_add_string (JsonBuilder *b, const char *member, const char *v)
{
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, v);
}

#define add_int bz_gltf_add_int
#define add_double bz_gltf_add_double

static void
add_buffer_view (JsonBuilder *b, gsize offset, gsize length, int target)
{
  json_builder_begin_object (b);
  add_int (b, "buffer", 0);
  add_int (b, "byteOffset", offset);
  add_int (b, "byteLength", length);
  add_int (b, "target", target);
  json_builder_end_object (b);
}

static void
add_measurements (JsonBuilder *b, const BzBodyMeasurements *m, guint lod)
{
  json_builder_set_member_name (b, "extras");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "balanza");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "sex");
  json_builder_add_string_value (b, m->sex == BZ_SEX_MALE ? "male" : "female");
  add_double (b, "age_years", m->age_years);
  add_double (b, "height_cm", m->height_cm);
  add_double (b, "weight_kg", m->weight_kg);
  add_double (b, "body_fat_percent", m->body_fat_percent);
  add_double (b, "skeletal_muscle_mass_kg", m->skeletal_muscle_mass_kg);
  json_builder_set_member_name (b, "circumferences_cm");
  json_builder_begin_object (b);
  add_double (b, "neck", m->neck_cm);
  add_double (b, "chest", m->chest_cm);
  add_double (b, "waist", m->waist_cm);
  add_double (b, "hip", m->hip_cm);
  add_double (b, "arm", m->arm_cm);
  add_double (b, "thigh", m->thigh_cm);
  add_double (b, "calf", m->calf_cm);
  json_builder_end_object (b);
  add_int (b, "lod", lod);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static gboolean
check_mesh (const BzMesh *mesh, GError **error)
{
  guint nv = bz_mesh_vertex_count (mesh);
  const float *pos = (const float *) mesh->positions->data;
  const float *nrm = (const float *) mesh->normals->data;
  const guint32 *idx = (const guint32 *) mesh->indices->data;

  if (nv == 0 || mesh->indices->len == 0 || mesh->indices->len % 3 != 0
      || mesh->positions->len % 3 != 0)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION,
                   _("The mesh is empty or not made of whole triangles"));
      return FALSE;
    }
  if (mesh->normals->len != mesh->positions->len)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION,
                   _("The mesh has %u normals for %u vertices"),
                   mesh->normals->len / 3, nv);
      return FALSE;
    }
  for (guint i = 0; i < 3 * nv; i++)
    if (!isfinite (pos[i]) || !isfinite (nrm[i]))
      {
        g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION,
                     _("Vertex %u has a coordinate that is not a finite number"), i / 3);
        return FALSE;
      }
  for (guint i = 0; i < mesh->indices->len; i++)
    if (idx[i] >= nv)
      {
        g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION,
                     _("Index %u refers to vertex %u of %u"), i, idx[i], nv);
        return FALSE;
      }
  return TRUE;
}

void
bz_gltf_options_resolve (const BzGltfOptions *opts, BzGltfOptions *out)
{
  static const BzGltfOptions defaults = { NULL, { 0.64f, 0.40f, 0.29f, 1.f }, 0.6f, NULL, 0, 0, NULL };

  *out = opts ? *opts : defaults;
  if (out->base_color[0] == 0 && out->base_color[1] == 0 && out->base_color[2] == 0 && out->base_color[3] == 0)
    memcpy (out->base_color, defaults.base_color, sizeof out->base_color);
  if (out->roughness <= 0)
    out->roughness = defaults.roughness;
  if (out->name == NULL)
    out->name = "Balanza avatar";
}

void
bz_gltf_begin_document (JsonBuilder *b, const BzGltfOptions *o,
                        const double *translation, double scale)
{
  json_builder_begin_object (b);

  json_builder_set_member_name (b, "asset");
  json_builder_begin_object (b);
  bz_gltf_add_string (b, "version", "2.0");
  bz_gltf_add_string (b, "generator", "Balanza");
  json_builder_end_object (b);

  add_int (b, "scene", 0);
  json_builder_set_member_name (b, "scenes");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "nodes");
  json_builder_begin_array (b);
  json_builder_add_int_value (b, 0);
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "nodes");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_int (b, "mesh", 0);
  bz_gltf_add_string (b, "name", o->name);
  if (translation)
    {
      const double s3[3] = { scale, scale, scale };
      bz_gltf_add_vec3 (b, "translation", translation);
      bz_gltf_add_vec3 (b, "scale", s3);
    }
  json_builder_end_object (b);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "meshes");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  bz_gltf_add_string (b, "name", o->name);
  json_builder_set_member_name (b, "primitives");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "attributes");
  json_builder_begin_object (b);
  add_int (b, "POSITION", 0);
  add_int (b, "NORMAL", 1);
  json_builder_end_object (b);
  add_int (b, "indices", 2);
  add_int (b, "material", 0);
  add_int (b, "mode", BZ_GL_TRIANGLES);
  json_builder_end_object (b);
  json_builder_end_array (b);
  if (o->measurements)
    add_measurements (b, o->measurements, o->lod);
  else if (o->extras && JSON_NODE_HOLDS_OBJECT (o->extras))
    {
      g_autoptr(JsonNode) copy = json_node_copy (o->extras);
      JsonNode *bz = json_object_get_member (json_node_get_object (copy), "balanza");
      if (bz && JSON_NODE_HOLDS_OBJECT (bz) && json_object_has_member (json_node_get_object (bz), "lod"))
        json_object_set_int_member (json_node_get_object (bz), "lod", o->lod);
      json_builder_set_member_name (b, "extras");
      json_builder_add_value (b, g_steal_pointer (&copy));
    }
  json_builder_end_object (b);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "materials");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  bz_gltf_add_string (b, "name", "skin");
  json_builder_set_member_name (b, "pbrMetallicRoughness");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "baseColorFactor");
  json_builder_begin_array (b);
  for (int k = 0; k < 4; k++)
    json_builder_add_double_value (b, CLAMP (o->base_color[k], 0.f, 1.f));
  json_builder_end_array (b);
  add_double (b, "metallicFactor", 0);
  add_double (b, "roughnessFactor", CLAMP (o->roughness, 0.f, 1.f));
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_array (b);
}

GBytes *
bz_gltf_finish_glb (JsonBuilder *b, GByteArray *bin, GError **error)
{
  json_builder_end_object (b);

  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  json_generator_set_root (gen, root);
  gsize json_len = 0;
  g_autofree char *json = json_generator_to_data (gen, &json_len);

  gsize json_padded = (json_len + 3) & ~(gsize) 3;
  gsize total = 12 + 8 + json_padded + 8 + bin->len;
  if (total > G_MAXUINT32)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION,
                   _("The mesh is too large for a GLB file"));
      return NULL;
    }

  GByteArray *out = g_byte_array_sized_new (total);
  append_u32 (out, BZ_GLB_MAGIC);
  append_u32 (out, BZ_GLB_VERSION);
  append_u32 (out, total);
  append_u32 (out, json_padded);
  append_u32 (out, BZ_GLB_CHUNK_JSON);
  g_byte_array_append (out, (const guint8 *) json, json_len);
  pad_to_4 (out, ' ');
  append_u32 (out, bin->len);
  append_u32 (out, BZ_GLB_CHUNK_BIN);
  g_byte_array_append (out, bin->data, bin->len);
  g_assert (out->len == total);

  return g_byte_array_free_to_bytes (out);
}

GBytes *
bz_gltf_write_glb (const BzMesh        *mesh,
                   const BzGltfOptions *opts,
                   GError             **error)
{
  g_return_val_if_fail (mesh != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_mesh (mesh, error))
    return NULL;

  BzGltfOptions o;
  bz_gltf_options_resolve (opts, &o);
  if (o.compression != BZ_GLTF_COMPRESSION_NONE)
    return bz_gltf_write_meshopt (mesh, &o, error);

  guint nv = bz_mesh_vertex_count (mesh);
  guint ni = mesh->indices->len;
  gboolean short_idx = nv < 65536;
  const float *pos = (const float *) mesh->positions->data;
  const float *nrm = (const float *) mesh->normals->data;
  const guint32 *idx = (const guint32 *) mesh->indices->data;

  /* BIN: positions, normals, indices; every view starts 4-byte aligned. */
  g_autoptr(GByteArray) bin = g_byte_array_sized_new (nv * 24 + ni * 4 + 4);
  double mn[3] = { INFINITY, INFINITY, INFINITY }, mx[3] = { -INFINITY, -INFINITY, -INFINITY };
  for (guint i = 0; i < 3 * nv; i++)
    {
      mn[i % 3] = MIN (mn[i % 3], pos[i]);
      mx[i % 3] = MAX (mx[i % 3], pos[i]);
    }
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  g_byte_array_append (bin, (const guint8 *) pos, 12 * nv);
#else
  for (guint i = 0; i < 3 * nv; i++)
    append_f32 (bin, pos[i]);
#endif
  gsize pos_len = bin->len;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  g_byte_array_append (bin, (const guint8 *) nrm, 12 * nv);
#else
  for (guint i = 0; i < 3 * nv; i++)
    append_f32 (bin, nrm[i]);
#endif
  gsize nrm_off = pos_len, nrm_len = bin->len - pos_len;
  gsize idx_off = bin->len;
  if (short_idx)
    {
      g_autofree guint16 *shorts = g_new (guint16, ni);
      for (guint i = 0; i < ni; i++)
        shorts[i] = GUINT16_TO_LE ((guint16) idx[i]);
      g_byte_array_append (bin, (const guint8 *) shorts, 2 * ni);
    }
  else
    {
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
      g_byte_array_append (bin, (const guint8 *) idx, 4 * ni);
#else
      for (guint i = 0; i < ni; i++)
        append_u32 (bin, idx[i]);
#endif
    }
  gsize idx_len = bin->len - idx_off;
  pad_to_4 (bin, 0);

  g_autoptr(JsonBuilder) b = json_builder_new ();
  bz_gltf_begin_document (b, &o, NULL, 1);

  json_builder_set_member_name (b, "buffers");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_int (b, "byteLength", bin->len);
  json_builder_end_object (b);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "bufferViews");
  json_builder_begin_array (b);
  add_buffer_view (b, 0, pos_len, BZ_GL_ARRAY_BUFFER);
  add_buffer_view (b, nrm_off, nrm_len, BZ_GL_ARRAY_BUFFER);
  add_buffer_view (b, idx_off, idx_len, BZ_GL_ELEMENT_ARRAY_BUFFER);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "accessors");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_int (b, "bufferView", 0);
  add_int (b, "componentType", BZ_GL_FLOAT);
  add_int (b, "count", nv);
  bz_gltf_add_string (b, "type", "VEC3");
  bz_gltf_add_vec3 (b, "min", mn);
  bz_gltf_add_vec3 (b, "max", mx);
  json_builder_end_object (b);
  json_builder_begin_object (b);
  add_int (b, "bufferView", 1);
  add_int (b, "componentType", BZ_GL_FLOAT);
  add_int (b, "count", nv);
  bz_gltf_add_string (b, "type", "VEC3");
  json_builder_end_object (b);
  json_builder_begin_object (b);
  add_int (b, "bufferView", 2);
  add_int (b, "componentType", short_idx ? BZ_GL_UNSIGNED_SHORT : BZ_GL_UNSIGNED_INT);
  add_int (b, "count", ni);
  bz_gltf_add_string (b, "type", "SCALAR");
  json_builder_end_object (b);
  json_builder_end_array (b);

  return bz_gltf_finish_glb (b, bin, error);
}
