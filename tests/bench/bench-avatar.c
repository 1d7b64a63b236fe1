/* bench-avatar.c — avatar generation time and GLB size per level of detail.
 *
 *   bench-avatar [N]      (default N = 50)
 *
 * Takes N real adults spread evenly over the NHANES 2017–2020 body measures
 * (data/nhanes/, alternating women and men, every k-th row so the whole
 * range of sizes is covered), and for LOD 0, 1 and 2 times
 * bz_body_model_build() + bz_gltf_write_glb() (wall clock, after 3 untimed
 * warm-up builds).  Also times the local avatar provider end to end (LOD 0,
 * validation + model + GLB).
 *
 * Prints one `name value` line per figure: avatar_lodL_ms_median,
 * avatar_lodL_ms_p95, avatar_lodL_glb_bytes (median), avatar_lodL_vertices
 * (median), avatar_provider_ms_median.
 *
 * Then the served variants (issue 8), made as the avatar route makes them
 * from the stored LOD 0 file: for each LOD L, the median over the N bodies
 * of variant_lodL_simplify_ms (bz_gltf_lod_mesh() on the model's LOD 0),
 * variant_lodL_encode_{none,meshopt}_ms (bz_gltf_write_glb()),
 * variant_lodL_decode_meshopt_ms (bz_gltf_read_glb(), what the desk does),
 * variant_lodL_{none,meshopt}_bytes and variant_lodL_triangles; and
 * variant_read_stored_ms (parsing the stored LOD 0 file, done once per
 * variant on a cache miss).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bz-body-model.h"
#include "bz-gltf.h"
#include "bz-local-avatar-provider.h"
#include "bz-test-util.h"

static double
now_ms (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
percentile (double *v, guint n, double p)
{
  qsort (v, n, sizeof (double), cmp_double);
  guint i = (guint) (p * (n - 1) + 0.5);
  return v[MIN (i, n - 1)];
}

/* Every row of one NHANES file as measurements. */
static GArray *
load (BzSex sex)
{
  g_autofree char *path = bz_test_source_path (sex == BZ_SEX_MALE
                                               ? "data/nhanes/nhanes_adult_male_bmx_2020.csv"
                                               : "data/nhanes/nhanes_adult_female_bmx_2020.csv");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  if (!g_file_get_contents (path, &text, NULL, &error))
    {
      g_printerr ("bench-avatar: %s\n", error->message);
      exit (1);
    }
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (BzBodyMeasurements));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (lines[i][0] == '#' || lines[i][0] == '"' || lines[i][0] == '\0')
        continue;
      g_auto(GStrv) f = g_strsplit (lines[i], ",", -1);
      if (g_strv_length (f) != 7)
        continue;
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
  return rows;
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 50;
  if (n < 2)
    n = 2;
  g_autoptr(GArray) women = load (BZ_SEX_FEMALE);
  g_autoptr(GArray) men = load (BZ_SEX_MALE);
  g_autofree BzBodyMeasurements *bodies = g_new (BzBodyMeasurements, n);
  for (guint i = 0; i < n; i++)
    {
      GArray *src = i % 2 ? men : women;
      guint k = (i / 2) * (src->len / ((n + 1) / 2));
      bodies[i] = g_array_index (src, BzBodyMeasurements, MIN (k, src->len - 1));
    }

  g_autofree double *ms = g_new (double, n);
  g_autofree double *bytes = g_new (double, n);
  g_autofree double *verts = g_new (double, n);

  for (guint lod = 0; lod <= 2; lod++)
    {
      for (guint w = 0; w < 3; w++)
        bz_mesh_free (bz_body_model_build (&bodies[w], lod));
      for (guint i = 0; i < n; i++)
        {
          double t0 = now_ms ();
          g_autoptr(BzMesh) mesh = bz_body_model_build (&bodies[i], lod);
          g_autoptr(GBytes) glb = bz_gltf_write_glb (mesh, NULL, NULL);
          ms[i] = now_ms () - t0;
          bytes[i] = g_bytes_get_size (glb);
          verts[i] = bz_mesh_vertex_count (mesh);
        }
      printf ("avatar_lod%u_ms_median %.2f\n", lod, percentile (ms, n, 0.5));
      printf ("avatar_lod%u_ms_p95 %.2f\n", lod, percentile (ms, n, 0.95));
      printf ("avatar_lod%u_glb_bytes %.0f\n", lod, percentile (bytes, n, 0.5));
      printf ("avatar_lod%u_vertices %.0f\n", lod, percentile (verts, n, 0.5));
    }

  g_autoptr(BzAvatarProvider) provider = bz_local_avatar_provider_new ();
  for (guint i = 0; i < n; i++)
    {
      BzAvatarInfo info;
      g_autoptr(GError) error = NULL;
      double t0 = now_ms ();
      g_autoptr(GBytes) glb = bz_avatar_provider_generate (provider, &bodies[i], &info, NULL, &error);
      ms[i] = now_ms () - t0;
      if (glb == NULL)
        {
          g_printerr ("bench-avatar: %s\n", error->message);
          return 1;
        }
    }
  printf ("avatar_provider_ms_median %.2f\n", percentile (ms, n, 0.5));

  g_autofree double *simplify = g_new (double, n), *enc_none = g_new (double, n), *enc_mo = g_new (double, n);
  g_autofree double *dec = g_new (double, n), *b_none = g_new (double, n), *b_mo = g_new (double, n);
  g_autofree double *tris = g_new (double, n), *read = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BzMesh) mesh = bz_body_model_build (&bodies[i], 0);
      g_autoptr(GBytes) stored = bz_gltf_write_glb (mesh, NULL, NULL);
      double t0 = now_ms ();
      g_autoptr(BzMesh) back = bz_gltf_read_glb (stored, NULL);
      read[i] = now_ms () - t0;
    }
  printf ("variant_read_stored_ms %.2f\n", percentile (read, n, 0.5));
  for (guint lod = 0; lod < BZ_GLTF_LOD_COUNT; lod++)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BzMesh) mesh = bz_body_model_build (&bodies[i], 0);
          BzGltfOptions opts = { 0 };
          double t0 = now_ms ();
          g_autoptr(BzMesh) level = bz_gltf_lod_mesh (mesh, lod);
          double t1 = now_ms ();
          g_autoptr(GBytes) plain = bz_gltf_write_glb (level, &opts, NULL);
          double t2 = now_ms ();
          opts.compression = BZ_GLTF_COMPRESSION_MESHOPT;
          g_autoptr(GBytes) packed = bz_gltf_write_glb (level, &opts, NULL);
          double t3 = now_ms ();
          g_autoptr(BzMesh) decoded = bz_gltf_read_glb (packed, NULL);
          double t4 = now_ms ();
          if (plain == NULL || packed == NULL || decoded == NULL)
            {
              g_printerr ("bench-avatar: a variant failed\n");
              return 1;
            }
          simplify[i] = t1 - t0;
          enc_none[i] = t2 - t1;
          enc_mo[i] = t3 - t2;
          dec[i] = t4 - t3;
          b_none[i] = g_bytes_get_size (plain);
          b_mo[i] = g_bytes_get_size (packed);
          tris[i] = bz_mesh_triangle_count (level);
        }
      printf ("variant_lod%u_simplify_ms %.2f\n", lod, percentile (simplify, n, 0.5));
      printf ("variant_lod%u_encode_none_ms %.2f\n", lod, percentile (enc_none, n, 0.5));
      printf ("variant_lod%u_encode_meshopt_ms %.2f\n", lod, percentile (enc_mo, n, 0.5));
      printf ("variant_lod%u_decode_meshopt_ms %.2f\n", lod, percentile (dec, n, 0.5));
      printf ("variant_lod%u_none_bytes %.0f\n", lod, percentile (b_none, n, 0.5));
      printf ("variant_lod%u_meshopt_bytes %.0f\n", lod, percentile (b_mo, n, 0.5));
      printf ("variant_lod%u_triangles %.0f\n", lod, percentile (tris, n, 0.5));
    }
  return 0;
}
