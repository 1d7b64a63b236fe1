/* bz-glb.c — the desk's GLB reader: the mesh of a binary glTF 2.0 file with
 * its bounding box.
 *
 * The parsing is bz_gltf_read_glb() (src/core/bz-gltf-read.c), shared with
 * the avatar routes: it reads plain files and the compressed avatars
 * (KHR_mesh_quantization, EXT_meshopt_compression: meshopt_decodeVertexBuffer
 * / meshopt_decodeIndexBuffer, the octahedral filter, dequantization through
 * the normalization rules and the node transform).
 */
#include "bz-glb.h"

#include "bz-gltf.h"

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

BzGlbMesh *
bz_glb_parse (GBytes *bytes, GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  g_autoptr(BzMesh) read = bz_gltf_read_glb (bytes, error);
  if (read == NULL)
    return NULL;

  BzGlbMesh *mesh = g_new0 (BzGlbMesh, 1);
  mesh->positions = g_steal_pointer (&read->positions);
  mesh->normals = g_steal_pointer (&read->normals);
  mesh->indices = g_steal_pointer (&read->indices);

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
  return mesh;
}
