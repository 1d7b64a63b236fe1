/* bz-body-test.c — see bz-body-test.h.  Nothing here calls the model's own
 * measuring functions: the slicing, the hull, the volume and the
 * intersection tests are written for the tests. */
#include "bz-body-test.h"

#include <math.h>
#include <stdlib.h>

#include "bz-test-util.h"

GArray *
bz_body_test_load_nhanes (BzSex sex, guint every)
{
  const char *name = sex == BZ_SEX_MALE ? "nhanes_adult_male_bmx_2020.csv"
                                        : "nhanes_adult_female_bmx_2020.csv";
  g_autofree char *rel = g_build_filename ("data", "nhanes", name, NULL);
  g_autofree char *path = bz_test_source_path (rel);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  GArray *rows = g_array_new (FALSE, FALSE, sizeof (NhanesRow));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean header = TRUE;
  guint n = 0;
  for (guint i = 0; lines[i]; i++)
    {
      const char *l = lines[i];
      if (l[0] == '#' || l[0] == '\0' || l[0] == '\r')
        continue;
      if (header)
        {
          g_assert_true (g_str_has_prefix (l, "\"BMXWT\",\"BMXHT\""));
          header = FALSE;
          continue;
        }
      if (n++ % every != 0)
        continue;
      g_auto(GStrv) f = g_strsplit (l, ",", -1);
      g_assert_cmpuint (g_strv_length (f), ==, 7);
      NhanesRow r = { sex, g_ascii_strtod (f[0], NULL), g_ascii_strtod (f[1], NULL),
                      g_ascii_strtod (f[4], NULL), g_ascii_strtod (f[5], NULL),
                      g_ascii_strtod (f[6], NULL) };
      g_array_append_val (rows, r);
    }
  g_assert_cmpuint (rows->len, >, 20);
  return rows;
}

BzBodyMeasurements
bz_body_test_measurements (const NhanesRow *r)
{
  BzBodyMeasurements m = { 0 };
  m.sex = r->sex;
  m.age_years = 40;
  m.height_cm = r->height_cm;
  m.weight_kg = r->weight_kg;
  m.arm_cm = r->arm_cm;
  m.hip_cm = r->hip_cm;
  m.waist_cm = r->waist_cm;
  return m;
}

static void
vtx (const BzMesh *mesh, guint32 i, double v[3])
{
  const float *p = &g_array_index (mesh->positions, float, 3 * i);
  v[0] = p[0];
  v[1] = p[1];
  v[2] = p[2];
}

static int
cmp_i64 (const void *a, const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

gboolean
bz_body_test_is_manifold (const BzMesh *mesh)
{
  guint nt = mesh->indices->len / 3, nv = mesh->positions->len / 3;
  const guint32 *I = (const guint32 *) mesh->indices->data;
  g_autofree gint64 *keys = g_new (gint64, 3 * nt);

  for (guint t = 0; t < nt; t++)
    for (int c = 0; c < 3; c++)
      {
        guint32 a = I[3 * t + c], b = I[3 * t + (c + 1) % 3];
        if (a >= nv || b >= nv || a == b)
          return FALSE;
        keys[3 * t + c] = ((gint64) a << 32) | b;
      }
  qsort (keys, 3 * nt, sizeof (gint64), cmp_i64);
  for (guint i = 0; i < 3 * nt; i++)
    {
      if (i > 0 && keys[i] == keys[i - 1])
        return FALSE;                     /* an edge used twice the same way */
      gint64 rev = ((keys[i] & 0xffffffff) << 32) | (keys[i] >> 32);
      if (bsearch (&rev, keys, 3 * nt, sizeof (gint64), cmp_i64) == NULL)
        return FALSE;                     /* a border edge, or inconsistent winding */
    }
  return TRUE;
}

double
bz_body_test_volume (const BzMesh *mesh)
{
  const guint32 *I = (const guint32 *) mesh->indices->data;
  double v = 0;
  for (guint t = 0; t < mesh->indices->len / 3; t++)
    {
      double a[3], b[3], c[3];
      vtx (mesh, I[3 * t], a);
      vtx (mesh, I[3 * t + 1], b);
      vtx (mesh, I[3 * t + 2], c);
      v += a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0])
         + a[2] * (b[0] * c[1] - b[1] * c[0]);
    }
  return v / 6;
}

/* --- Self-intersection ---------------------------------------------------- */

static void
sub (const double a[3], const double b[3], double o[3])
{
  for (int i = 0; i < 3; i++)
    o[i] = a[i] - b[i];
}

static void
cross (const double a[3], const double b[3], double o[3])
{
  o[0] = a[1] * b[2] - a[2] * b[1];
  o[1] = a[2] * b[0] - a[0] * b[2];
  o[2] = a[0] * b[1] - a[1] * b[0];
}

static double
dot (const double a[3], const double b[3])
{
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/* Segment p→q against triangle abc (Möller & Trumbore 1997), open segment. */
static gboolean
segment_hits (const double p[3], const double q[3], const double a[3], const double b[3], const double c[3])
{
  double d[3], e1[3], e2[3], h[3], s[3], qq[3];
  sub (q, p, d);
  sub (b, a, e1);
  sub (c, a, e2);
  cross (d, e2, h);
  double det = dot (e1, h);
  if (fabs (det) < 1e-18)
    return FALSE;
  double inv = 1 / det;
  sub (p, a, s);
  double u = inv * dot (s, h);
  if (u < 0 || u > 1)
    return FALSE;
  cross (s, e1, qq);
  double v = inv * dot (d, qq);
  if (v < 0 || u + v > 1)
    return FALSE;
  double t = inv * dot (e2, qq);
  return t > 1e-9 && t < 1 - 1e-9;
}

/* TRUE if the three points lie strictly on one side of the plane of T. */
static gboolean
one_side (const double T[3][3], const double U[3][3])
{
  double e1[3], e2[3], n[3], d[3];
  sub (T[1], T[0], e1);
  sub (T[2], T[0], e2);
  cross (e1, e2, n);
  for (int k = 0; k < 3; k++)
    {
      double w[3];
      sub (U[k], T[0], w);
      d[k] = dot (n, w);
    }
  return (d[0] > 0 && d[1] > 0 && d[2] > 0) || (d[0] < 0 && d[1] < 0 && d[2] < 0);
}

static gboolean
tris_cross (const double T[3][3], const double U[3][3])
{
  for (int c = 0; c < 3; c++)
    {
      double lo = MIN (T[0][c], MIN (T[1][c], T[2][c])), hi = MAX (T[0][c], MAX (T[1][c], T[2][c]));
      if (MAX (U[0][c], MAX (U[1][c], U[2][c])) < lo || MIN (U[0][c], MIN (U[1][c], U[2][c])) > hi)
        return FALSE;
    }
  if (one_side (T, U) || one_side (U, T))
    return FALSE;
  for (int i = 0; i < 3; i++)
    if (segment_hits (T[i], T[(i + 1) % 3], U[0], U[1], U[2])
        || segment_hits (U[i], U[(i + 1) % 3], T[0], T[1], T[2]))
      return TRUE;
  return FALSE;
}

guint
bz_body_test_self_intersections (const BzMesh *mesh)
{
  guint nt = mesh->indices->len / 3, nv = mesh->positions->len / 3;
  const guint32 *I = (const guint32 *) mesh->indices->data;
  double lo[3] = { INFINITY, INFINITY, INFINITY }, hi[3] = { -INFINITY, -INFINITY, -INFINITY };
  for (guint i = 0; i < nv; i++)
    {
      double v[3];
      vtx (mesh, i, v);
      for (int c = 0; c < 3; c++)
        lo[c] = MIN (lo[c], v[c]), hi[c] = MAX (hi[c], v[c]);
    }
  /* Cells of about one mean edge length. */
  double cell = 0;
  for (guint t = 0; t < nt; t++)
    {
      double a[3], b[3], d[3];
      vtx (mesh, I[3 * t], a);
      vtx (mesh, I[3 * t + 1], b);
      sub (a, b, d);
      cell += sqrt (dot (d, d));
    }
  cell = cell / nt;
  int dim[3];
  for (int c = 0; c < 3; c++)
    dim[c] = MAX (1, (int) ceil ((hi[c] - lo[c]) / cell) + 1);
  gsize ncell = (gsize) dim[0] * dim[1] * dim[2];
  g_autofree guint *count = g_new0 (guint, ncell + 1);
  g_autofree int *boxes = g_new (int, 6 * nt);
  int (*box)[6] = (int (*)[6]) boxes;

  for (guint t = 0; t < nt; t++)
    {
      double v[3];
      int *bx = box[t];
      bx[0] = bx[1] = bx[2] = G_MAXINT;
      bx[3] = bx[4] = bx[5] = G_MININT;
      for (int k = 0; k < 3; k++)
        {
          vtx (mesh, I[3 * t + k], v);
          for (int c = 0; c < 3; c++)
            {
              int ci = (int) floor ((v[c] - lo[c]) / cell);
              bx[c] = MIN (bx[c], ci);
              bx[3 + c] = MAX (bx[3 + c], ci);
            }
        }
      for (int x = bx[0]; x <= bx[3]; x++)
        for (int y = bx[1]; y <= bx[4]; y++)
          for (int z = bx[2]; z <= bx[5]; z++)
            count[((gsize) x * dim[1] + y) * dim[2] + z + 1]++;
    }
  for (gsize i = 1; i <= ncell; i++)
    count[i] += count[i - 1];
  g_autofree guint *fill = g_memdup2 (count, (ncell + 1) * sizeof (guint));
  g_autofree guint *items = g_new (guint, count[ncell]);
  for (guint t = 0; t < nt; t++)
    {
      int *bx = box[t];
      for (int x = bx[0]; x <= bx[3]; x++)
        for (int y = bx[1]; y <= bx[4]; y++)
          for (int z = bx[2]; z <= bx[5]; z++)
            items[fill[((gsize) x * dim[1] + y) * dim[2] + z]++] = t;
    }

  guint hits = 0;
  for (gsize cidx = 0; cidx < ncell; cidx++)
    for (guint i = count[cidx]; i < count[cidx + 1]; i++)
      for (guint j = i + 1; j < count[cidx + 1]; j++)
        {
          guint t = items[i], u = items[j];
          int *A = box[t], *B = box[u];
          /* Test each pair once: in the cell at the low corner of the
           * overlap of their boxes. */
          int x = MAX (A[0], B[0]), y = MAX (A[1], B[1]), z = MAX (A[2], B[2]);
          if (x > MIN (A[3], B[3]) || y > MIN (A[4], B[4]) || z > MIN (A[5], B[5]))
            continue;
          if (((gsize) x * dim[1] + y) * dim[2] + z != cidx)
            continue;
          gboolean shared = FALSE;
          for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++)
              shared |= I[3 * t + a] == I[3 * u + b];
          if (shared)
            continue;
          double T[3][3], U[3][3];
          for (int k = 0; k < 3; k++)
            {
              vtx (mesh, I[3 * t + k], T[k]);
              vtx (mesh, I[3 * u + k], U[k]);
            }
          if (tris_cross (T, U))
            {
              if (hits < 6 && g_getenv ("BZ_BODY_TEST_VERBOSE"))
                g_printerr ("crossing: triangles %u and %u at (%.3f, %.3f, %.3f) / (%.3f, %.3f, %.3f)\n", t, u,
                            T[0][0], T[0][1], T[0][2], U[0][0], U[0][1], U[0][2]);
              hits++;
            }
        }
  return hits;
}

/* --- The tape --------------------------------------------------------------- */

typedef struct
{
  double x, y;
} P2;

static int
cmp_p2 (const void *a, const void *b)
{
  const P2 *p = a, *q = b;
  if (p->x != q->x)
    return p->x < q->x ? -1 : 1;
  return (p->y > q->y) - (p->y < q->y);
}

static double
turn (P2 o, P2 a, P2 b)
{
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/* Perimeter of the convex hull (Andrew's monotone chain). */
static double
hull_perimeter (P2 *p, guint n)
{
  if (n < 3)
    return 0;
  qsort (p, n, sizeof (P2), cmp_p2);
  g_autofree P2 *h = g_new (P2, 2 * n);
  guint k = 0;
  for (guint i = 0; i < n; i++)
    {
      while (k >= 2 && turn (h[k - 2], h[k - 1], p[i]) <= 0)
        k--;
      h[k++] = p[i];
    }
  for (guint i = n - 1, t = k + 1; i-- > 0;)
    {
      while (k >= t && turn (h[k - 2], h[k - 1], p[i]) <= 0)
        k--;
      h[k++] = p[i];
    }
  double per = 0;
  for (guint i = 0; i + 1 < k; i++)
    per += hypot (h[i + 1].x - h[i].x, h[i + 1].y - h[i].y);
  return per;
}

double
bz_body_test_tape (const BzMesh *mesh, const double point[3], const double normal[3])
{
  guint nt = mesh->indices->len / 3;
  const guint32 *I = (const guint32 *) mesh->indices->data;
  double n[3], t1[3], t2[3], tmp[3] = { 1, 0, 0 };
  double len = sqrt (dot (normal, normal));
  for (int c = 0; c < 3; c++)
    n[c] = normal[c] / len;
  if (fabs (n[0]) > 0.9)
    tmp[0] = 0, tmp[1] = 1;
  cross (n, tmp, t1);
  len = sqrt (dot (t1, t1));
  for (int c = 0; c < 3; c++)
    t1[c] /= len;
  cross (n, t1, t2);
  /* The plane is moved 0.1 mm along its normal so it never passes exactly
   * through a ring of vertices. */
  double off = dot (n, point) + 1e-4;

  /* Each crossed triangle gives a segment between two crossed edges; a
   * crossed edge is keyed by its vertex pair, so segments chain into loops. */
  g_autoptr(GHashTable) next = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) where = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint t = 0; t < nt; t++)
    {
      double v[3][3], d[3];
      gint64 keys[2];
      P2 pts[2];
      int k = 0;
      for (int c = 0; c < 3; c++)
        {
          vtx (mesh, I[3 * t + c], v[c]);
          d[c] = dot (n, v[c]) - off;
        }
      for (int c = 0; c < 3; c++)
        {
          int e = (c + 1) % 3;
          if ((d[c] < 0) == (d[e] < 0))
            continue;
          /* Going round the triangle, the edge leaving the upper side starts
           * the segment: with consistent winding, loops chain one way. */
          int slot = d[c] >= 0 ? 0 : 1;
          double s = d[c] / (d[c] - d[e]), p[3];
          for (int q = 0; q < 3; q++)
            p[q] = v[c][q] + s * (v[e][q] - v[c][q]) - point[q];
          guint32 a = I[3 * t + c], b = I[3 * t + e];
          keys[slot] = ((gint64) MIN (a, b) << 32) | MAX (a, b);
          pts[slot] = (P2) { dot (p, t1), dot (p, t2) };
          k++;
        }
      if (k != 2)
        continue;
      for (int q = 0; q < 2; q++)
        {
          gint64 *from = g_new (gint64, 1);
          *from = keys[q];
          P2 *pp = g_new (P2, 1);
          *pp = pts[q];
          g_hash_table_replace (where, g_memdup2 (from, sizeof *from), pp);
          if (q == 0)
            {
              gint64 *to = g_new (gint64, 1);
              *to = keys[1];
              g_hash_table_replace (next, from, to);
            }
          else
            g_free (from);
        }
    }

  /* Walk the loops; keep the one whose polygon winds around the origin
   * (the site's point). */
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter it;
  gpointer key, val;
  double best = 0;
  g_hash_table_iter_init (&it, next);
  while (g_hash_table_iter_next (&it, &key, &val))
    {
      if (g_hash_table_contains (seen, key))
        continue;
      g_autoptr(GArray) loop = g_array_new (FALSE, FALSE, sizeof (P2));
      gint64 *cur = key;
      gboolean closed = FALSE;
      while (cur != NULL && !g_hash_table_contains (seen, cur))
        {
          g_hash_table_add (seen, cur);
          g_array_append_val (loop, *(P2 *) g_hash_table_lookup (where, cur));
          gint64 *nx = g_hash_table_lookup (next, cur);
          if (nx != NULL && *nx == *(gint64 *) key)
            closed = TRUE;
          gpointer orig = NULL;
          cur = nx != NULL && g_hash_table_lookup_extended (next, nx, &orig, NULL) ? orig : NULL;
        }
      if (!closed || loop->len < 3)
        continue;
      /* Winding number of the origin (crossings of the +x ray). */
      int wind = 0;
      for (guint i = 0; i < loop->len; i++)
        {
          P2 a = g_array_index (loop, P2, i), b = g_array_index (loop, P2, (i + 1) % loop->len);
          if ((a.y <= 0) != (b.y <= 0) && a.x + (0 - a.y) * (b.x - a.x) / (b.y - a.y) > 0)
            wind++;
        }
      if (wind % 2 == 1)
        best = MAX (best, hull_perimeter ((P2 *) loop->data, loop->len));
    }
  return best;
}
