/* bz-mesh.c — indexed triangle meshes: normals, closedness, slicing.
 *
 * The declarations live in bz-body-model.h (the body model's contract).
 */
#include "bz-body-model.h"

#include <math.h>

BzMesh *
bz_mesh_new (void)
{
  BzMesh *mesh = g_new0 (BzMesh, 1);
  mesh->positions = g_array_new (FALSE, FALSE, sizeof (float));
  mesh->normals = g_array_new (FALSE, FALSE, sizeof (float));
  mesh->indices = g_array_new (FALSE, FALSE, sizeof (guint32));
  return mesh;
}

void
bz_mesh_free (BzMesh *mesh)
{
  if (mesh == NULL)
    return;
  g_clear_pointer (&mesh->positions, g_array_unref);
  g_clear_pointer (&mesh->normals, g_array_unref);
  g_clear_pointer (&mesh->indices, g_array_unref);
  g_free (mesh);
}

guint
bz_mesh_vertex_count (const BzMesh *mesh)
{
  g_return_val_if_fail (mesh != NULL, 0);
  return mesh->positions->len / 3;
}

guint
bz_mesh_triangle_count (const BzMesh *mesh)
{
  g_return_val_if_fail (mesh != NULL, 0);
  return mesh->indices->len / 3;
}

static inline void
get_vertex (const BzMesh *mesh, guint i, double v[3])
{
  const float *p = &g_array_index (mesh->positions, float, 3 * i);
  v[0] = p[0];
  v[1] = p[1];
  v[2] = p[2];
}

void
bz_mesh_compute_normals (BzMesh *mesh)
{
  guint nv = bz_mesh_vertex_count (mesh);
  guint nt = bz_mesh_triangle_count (mesh);
  const guint32 *idx = (const guint32 *) mesh->indices->data;
  g_autofree double *acc = g_new0 (double, 3 * (gsize) nv);

  for (guint t = 0; t < nt; t++)
    {
      double a[3], b[3], c[3], e1[3], e2[3], n[3];
      get_vertex (mesh, idx[3 * t], a);
      get_vertex (mesh, idx[3 * t + 1], b);
      get_vertex (mesh, idx[3 * t + 2], c);
      for (int k = 0; k < 3; k++)
        {
          e1[k] = b[k] - a[k];
          e2[k] = c[k] - a[k];
        }
      /* |e1 × e2| is twice the area: the sum is area-weighted. */
      n[0] = e1[1] * e2[2] - e1[2] * e2[1];
      n[1] = e1[2] * e2[0] - e1[0] * e2[2];
      n[2] = e1[0] * e2[1] - e1[1] * e2[0];
      for (int j = 0; j < 3; j++)
        for (int k = 0; k < 3; k++)
          acc[3 * idx[3 * t + j] + k] += n[k];
    }

  g_array_set_size (mesh->normals, 3 * nv);
  for (guint i = 0; i < nv; i++)
    {
      double *n = &acc[3 * i];
      double len = sqrt (n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
      float *out = &g_array_index (mesh->normals, float, 3 * i);
      if (len < 1e-20)
        {
          out[0] = 0.f;
          out[1] = 1.f;
          out[2] = 0.f;
          continue;
        }
      for (int k = 0; k < 3; k++)
        out[k] = (float) (n[k] / len);
    }
}

static inline guint64
edge_key (guint32 a, guint32 b)
{
  return ((guint64) a << 32) | b;
}

gboolean
bz_mesh_is_closed (const BzMesh *mesh)
{
  g_return_val_if_fail (mesh != NULL, FALSE);

  guint nv = bz_mesh_vertex_count (mesh);
  guint nt = bz_mesh_triangle_count (mesh);
  const guint32 *idx = (const guint32 *) mesh->indices->data;

  if (nt == 0 || mesh->indices->len % 3 != 0)
    return FALSE;

  g_autoptr(GHashTable) directed = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree guint64 *keys = g_new (guint64, 3 * (gsize) nt);

  for (guint t = 0; t < nt; t++)
    for (int j = 0; j < 3; j++)
      {
        guint32 a = idx[3 * t + j];
        guint32 b = idx[3 * t + (j + 1) % 3];
        if (a >= nv || b >= nv || a == b)
          return FALSE;
        keys[3 * t + j] = edge_key (a, b);
        /* The same directed edge twice: inconsistent winding or non-manifold. */
        if (!g_hash_table_add (directed, &keys[3 * t + j]))
          return FALSE;
      }

  for (gsize e = 0; e < 3 * (gsize) nt; e++)
    {
      guint64 rev = edge_key ((guint32) (keys[e] & 0xffffffffu), (guint32) (keys[e] >> 32));
      if (!g_hash_table_contains (directed, &rev))
        return FALSE;
    }
  return TRUE;
}

double
bz_mesh_signed_volume (const BzMesh *mesh)
{
  guint nt = bz_mesh_triangle_count (mesh);
  const guint32 *idx = (const guint32 *) mesh->indices->data;
  double vol = 0;

  for (guint t = 0; t < nt; t++)
    {
      double a[3], b[3], c[3];
      get_vertex (mesh, idx[3 * t], a);
      get_vertex (mesh, idx[3 * t + 1], b);
      get_vertex (mesh, idx[3 * t + 2], c);
      vol += a[0] * (b[1] * c[2] - b[2] * c[1])
           - a[1] * (b[0] * c[2] - b[2] * c[0])
           + a[2] * (b[0] * c[1] - b[1] * c[0]);
    }
  return vol / 6.0;
}

/* --- Slicing --------------------------------------------------------------- */

/* One crossing point of the plane with a mesh edge, keyed by the undirected
 * edge; each such point is shared by exactly two slice segments in a closed
 * mesh, so the segments chain into closed loops. */
typedef struct
{
  double x, z;
  gint link[2];   /* indices of the neighbouring crossing points, -1 if none */
} Crossing;

static gint
crossing_for_edge (GHashTable *by_edge, GArray *points, const BzMesh *mesh,
                   guint32 a, guint32 b, double y0)
{
  guint64 key = a < b ? edge_key (a, b) : edge_key (b, a);
  gpointer found;

  if (g_hash_table_lookup_extended (by_edge, &key, NULL, &found))
    return GPOINTER_TO_INT (found);

  double pa[3], pb[3];
  get_vertex (mesh, a, pa);
  get_vertex (mesh, b, pb);
  double da = pa[1] - y0, db = pb[1] - y0;
  /* A vertex on the plane counts as above: then its own position is the point. */
  double t = da >= 0 ? (db >= 0 ? 0 : da / (da - db)) : da / (da - db);
  Crossing c = { pa[0] + t * (pb[0] - pa[0]), pa[2] + t * (pb[2] - pa[2]), { -1, -1 } };
  g_array_append_val (points, c);

  guint64 *k = g_new (guint64, 1);
  *k = key;
  g_hash_table_insert (by_edge, k, GINT_TO_POINTER ((gint) points->len - 1));
  return (gint) points->len - 1;
}

static void
link_points (GArray *points, gint p, gint q)
{
  Crossing *cp = &g_array_index (points, Crossing, p);
  Crossing *cq = &g_array_index (points, Crossing, q);
  if (cp->link[0] < 0)
    cp->link[0] = q;
  else
    cp->link[1] = q;
  if (cq->link[0] < 0)
    cq->link[0] = p;
  else
    cq->link[1] = p;
}

double
bz_mesh_circumference_at (const BzMesh *mesh, double y_m)
{
  g_return_val_if_fail (mesh != NULL, 0);

  guint nt = bz_mesh_triangle_count (mesh);
  const guint32 *idx = (const guint32 *) mesh->indices->data;
  g_autoptr(GHashTable) by_edge = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (Crossing));

  for (guint t = 0; t < nt; t++)
    {
      guint32 v[3] = { idx[3 * t], idx[3 * t + 1], idx[3 * t + 2] };
      gboolean above[3];
      for (int j = 0; j < 3; j++)
        above[j] = g_array_index (mesh->positions, float, 3 * v[j] + 1) - y_m >= 0;
      if (above[0] == above[1] && above[1] == above[2])
        continue;
      gint ends[2], n = 0;
      for (int j = 0; j < 3; j++)
        if (above[j] != above[(j + 1) % 3])
          ends[n++] = crossing_for_edge (by_edge, points, mesh, v[j], v[(j + 1) % 3], y_m);
      g_assert (n == 2);
      link_points (points, ends[0], ends[1]);
    }

  g_autofree gboolean *seen = g_new0 (gboolean, points->len + 1);
  double best_axis_area = -1, best_axis_perim = 0;
  double best_area = -1, best_perim = 0;

  for (guint start = 0; start < points->len; start++)
    {
      if (seen[start])
        continue;
      double perim = 0, area2 = 0;
      gboolean encloses = FALSE, closed = FALSE;
      gint prev = -1, cur = (gint) start;

      while (TRUE)
        {
          seen[cur] = TRUE;
          const Crossing *c = &g_array_index (points, Crossing, cur);
          gint next = c->link[0] != prev ? c->link[0] : c->link[1];
          if (next < 0)
            break;   /* open chain: the mesh is not closed here */
          const Crossing *d = &g_array_index (points, Crossing, next);
          perim += hypot (d->x - c->x, d->z - c->z);
          area2 += c->x * d->z - d->x * c->z;
          /* Even-odd ray test of the axis point (0, 0) along +x. */
          if ((c->z > 0) != (d->z > 0))
            {
              double xi = c->x + (0 - c->z) * (d->x - c->x) / (d->z - c->z);
              if (xi > 0)
                encloses = !encloses;
            }
          prev = cur;
          cur = next;
          if (cur == (gint) start)
            {
              closed = TRUE;
              break;
            }
          if (seen[cur])
            break;
        }
      if (!closed)
        continue;
      double area = fabs (area2) / 2;
      if (encloses && area > best_axis_area)
        {
          best_axis_area = area;
          best_axis_perim = perim;
        }
      if (area > best_area)
        {
          best_area = area;
          best_perim = perim;
        }
    }

  return best_axis_area >= 0 ? best_axis_perim : best_perim;
}
