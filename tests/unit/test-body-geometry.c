/* test-body-geometry.c — the body model as a measurement, on every NHANES
 * adult in data/nhanes: closed 2-manifold, no self-intersection, exact
 * height, every circumference within 1 % by an independent tape (plane
 * slice, loop around the site, convex-hull perimeter), volume = mass /
 * density within 1 %, a topology that depends on the LOD only, and
 * monotonic responses to composition.
 *
 * Cost: every adult (8,302) at LOD 2 gets the full check, self-intersection
 * included; every 40th adult also at LOD 0. */
#include <math.h>

#include "bz-body-test.h"
#include "bz-test-util.h"

static const char *site_names[BZ_BODY_N_SITES] = {
  "neck", "chest", "waist", "hip", "arm", "forearm", "wrist", "thigh", "knee", "calf", "ankle",
};

typedef struct
{
  guint bodies;
  double max_err[BZ_BODY_N_SITES], sum_err[BZ_BODY_N_SITES];
  double max_vol_err, sum_vol_err;
  guint verts[3], tris[3];
  GBytes *indices[3];
} Stats;

/* Volume target written here from the published equations (Siri 1961;
 * Goldman & Becklake 1959; 100 mL gut gas), not read from the model. */
static double
target_volume (const BzBodyMeasurements *m, double bf)
{
  double age = m->age_years > 0 ? m->age_years : 40, h = m->height_cm;
  double rv = m->sex == BZ_SEX_MALE ? 0.017 * age + 0.027 * h - 3.477 : 0.009 * age + 0.032 * h - 3.90;
  double density = 1000 * 495 / (bf + 450);
  return m->weight_kg / density + MAX (rv, 0.5) / 1000 + 1e-4;
}

static void
check_body (const BzBodyMeasurements *m, guint lod, gboolean intersections, Stats *st)
{
  BzBodyModelInfo info;
  g_autoptr(BzMesh) mesh = bz_body_model_build_full (m, lod, &info);

  /* Topology: depends on the LOD only, so the first body's index list, once
   * checked to be a closed, consistently oriented 2-manifold, stands for
   * all the others, which must repeat it exactly. */
  if (st->verts[lod] == 0)
    {
      g_assert_true (bz_body_test_is_manifold (mesh));
      st->verts[lod] = bz_mesh_vertex_count (mesh);
      st->tris[lod] = bz_mesh_triangle_count (mesh);
      st->indices[lod] = g_bytes_new (mesh->indices->data, mesh->indices->len * sizeof (guint32));
    }
  g_assert_cmpuint (bz_mesh_vertex_count (mesh), ==, st->verts[lod]);
  g_assert_cmpuint (bz_mesh_triangle_count (mesh), ==, st->tris[lod]);
  g_assert_cmpmem (mesh->indices->data, mesh->indices->len * sizeof (guint32),
                   g_bytes_get_data (st->indices[lod], NULL), g_bytes_get_size (st->indices[lod]));
  if (intersections)
    {
      guint hits = bz_body_test_self_intersections (mesh);
      if (hits)
        g_printerr ("%s %.1f cm %.1f kg waist %.1f hip %.1f arm %.1f: %u crossings\n",
                    m->sex == BZ_SEX_MALE ? "man" : "woman", m->height_cm, m->weight_kg,
                    m->waist_cm, m->hip_cm, m->arm_cm, hits);
      g_assert_cmpuint (hits, ==, 0);
    }

  double lo = INFINITY, hi = -INFINITY;
  for (guint i = 0; i < bz_mesh_vertex_count (mesh); i++)
    {
      double y = g_array_index (mesh->positions, float, 3 * i + 1);
      lo = MIN (lo, y);
      hi = MAX (hi, y);
    }
  g_assert_cmpfloat (fabs (lo), <, 1e-6);
  g_assert_cmpfloat (fabs (hi - m->height_cm / 100), <, 1e-6);

  for (int s = 0; s < BZ_BODY_N_SITES; s++)
    {
      const BzBodySitePlane *p = &info.sites[s];
      double want = p->circumference_m;
      /* A measured girth must be the one given, not a model's variant. */
      const double given[BZ_BODY_N_SITES] = {
        m->neck_cm, m->chest_cm, m->waist_cm, m->hip_cm, m->arm_cm, m->forearm_cm,
        m->wrist_cm, m->thigh_cm, m->knee_cm, m->calf_cm, m->ankle_cm,
      };
      if (given[s] > 0)
        g_assert_cmpfloat (fabs (want - given[s] / 100), <, 1e-9);
      double got = bz_body_test_tape (mesh, p->point, p->normal);
      double err = fabs (got / want - 1);
      if (err > 0.01)
        g_printerr ("%s: tape %.2f cm, wanted %.2f cm (%.1f cm, %.1f kg)\n", site_names[s],
                    100 * got, 100 * want, m->height_cm, m->weight_kg);
      g_assert_cmpfloat (err, <, 0.01);
      st->max_err[s] = MAX (st->max_err[s], err);
      st->sum_err[s] += err;
    }

  double vol = bz_body_test_volume (mesh);
  double want = target_volume (m, info.body_fat_percent);
  double ev = fabs (vol / want - 1);
  if (ev > 0.01)
    g_printerr ("volume %.2f L, wanted %.2f L (%.1f cm, %.1f kg, %.1f %% fat, fill %.2f)\n",
                1000 * vol, 1000 * want, m->height_cm, m->weight_kg, info.body_fat_percent, info.fill);
  g_assert_cmpfloat (ev, <, 0.01);
  st->max_vol_err = MAX (st->max_vol_err, ev);
  st->sum_vol_err += ev;
  st->bodies++;
}

static void
print_stats (const char *what, const Stats *st)
{
  g_test_message ("%s: %u bodies", what, st->bodies);
  for (int s = 0; s < BZ_BODY_N_SITES; s++)
    g_test_message ("  %-8s tape error max %.3f %%, mean %.3f %%", site_names[s],
                    100 * st->max_err[s], 100 * st->sum_err[s] / st->bodies);
  g_test_message ("  volume error max %.3f %%, mean %.3f %%", 100 * st->max_vol_err,
                  100 * st->sum_vol_err / st->bodies);
}

static void
stats_clear (Stats *st)
{
  for (guint i = 0; i < 3; i++)
    g_clear_pointer (&st->indices[i], g_bytes_unref);
}

/* Every adult at LOD 2 with the NHANES girths (the others completed) and a
 * body fat given (the Deurenberg 1991 value for the BMI, shifted by −6 … +6
 * points from body to body). */
static void
test_nhanes_all (void)
{
  Stats st = { 0 };
  for (int sex = 0; sex < 2; sex++)
    {
      g_autoptr(GArray) rows = bz_body_test_load_nhanes (sex, 1);
      for (guint i = 0; i < rows->len; i++)
        {
          BzBodyMeasurements m = bz_body_test_measurements (&g_array_index (rows, NhanesRow, i));
          double bmi = m.weight_kg / pow (m.height_cm / 100, 2);
          m.body_fat_percent = CLAMP (1.2 * bmi + 0.23 * 40 - 10.8 * sex - 5.4 + (double) (i % 13) - 6, 4, 60);
          check_body (&m, 2, TRUE, &st);
          if (i % 40 == 0)
            check_body (&m, 0, TRUE, &st);
        }
    }
  print_stats ("NHANES adults, LOD 2 (and every 40th at LOD 0)", &st);
  stats_clear (&st);
}

/* Every girth given (forearm, wrist, knee, ankle included), no body fat. */
static void
test_all_girths (void)
{
  Stats st = { 0 };
  for (int sex = 0; sex < 2; sex++)
    {
      g_autoptr(GArray) rows = bz_body_test_load_nhanes (sex, 25);
      for (guint i = 0; i < rows->len; i++)
        {
          BzBodyMeasurements m = bz_body_test_measurements (&g_array_index (rows, NhanesRow, i));
          BzBodyMeasurements full = m;
          bz_body_measurements_complete (&full);
          /* Perturb the completed girths by up to ±8 % so they are not the
           * model's own estimates. */
          double *g[] = { &full.neck_cm, &full.chest_cm, &full.thigh_cm, &full.calf_cm,
                          &full.forearm_cm, &full.wrist_cm, &full.knee_cm, &full.ankle_cm };
          for (guint k = 0; k < G_N_ELEMENTS (g); k++)
            *g[k] *= 1 + 0.08 * sin (i * 1.7 + k * 2.3);
          full.body_fat_percent = 0;
          for (guint lod = 0; lod < 3; lod++)
            check_body (&full, lod, lod == 2 || i % 10 == 0, &st);
        }
    }
  print_stats ("NHANES sample with all girths given, LODs 0-2", &st);
  stats_clear (&st);
}

/* Tape around the trunk (or the left leg below the crotch) at y = @frac H. */
static double
tape_at (const BzMesh *mesh, const BzBodyModelInfo *info, double H, double frac)
{
  const BzBodySitePlane *thigh = &info->sites[BZ_BODY_SITE_THIGH];
  double p[3] = { frac < 0.46 ? thigh->point[0] : 0, frac * H, frac < 0.46 ? thigh->point[2] : 0 };
  double n[3] = { 0, 1, 0 };
  return bz_body_test_tape (mesh, p, n);
}

/* More fat at the same girths and weight: a larger volume (lower density),
 * and no tape around the trunk or the leg shrinks; without measured girths,
 * more fat does not shrink the waist; more arm lean does not thin the arm. */
static void
test_monotonic (void)
{
  static const double fracs[] = { 0.10, 0.16, 0.25, 0.33, 0.38, 0.42, 0.51, 0.55, 0.60, 0.66, 0.72, 0.76, 0.80 };
  for (int sex = 0; sex < 2; sex++)
    {
      BzBodyMeasurements m = { .sex = sex, .age_years = 45, .height_cm = sex ? 176 : 162,
                               .weight_kg = sex ? 84 : 70, .waist_cm = sex ? 96 : 90,
                               .hip_cm = sex ? 102 : 106, .arm_cm = sex ? 33 : 31 };
      double prev_vol = 0, prev_tape[G_N_ELEMENTS (fracs)] = { 0 };
      for (double bf = 10; bf <= 45; bf += 5)
        {
          BzBodyModelInfo info;
          m.body_fat_percent = bf;
          g_autoptr(BzMesh) mesh = bz_body_model_build_full (&m, 1, &info);
          double vol = bz_body_test_volume (mesh);
          g_assert_cmpfloat (vol, >, prev_vol);
          prev_vol = vol;
          for (guint i = 0; i < G_N_ELEMENTS (fracs); i++)
            {
              double t = tape_at (mesh, &info, m.height_cm / 100, fracs[i]);
              g_assert_cmpfloat (t, >, 0);
              g_assert_cmpfloat (t, >=, prev_tape[i] * (1 - 1e-4));
              prev_tape[i] = t;
            }
        }

      BzBodyMeasurements bare = { .sex = sex, .age_years = 45, .height_cm = m.height_cm,
                                  .weight_kg = m.weight_kg };
      double prev_waist = 0;
      for (double bf = 10; bf <= 45; bf += 5)
        {
          BzBodyModelInfo info;
          bare.body_fat_percent = bf;
          g_autoptr(BzMesh) mesh = bz_body_model_build_full (&bare, 1, &info);
          const BzBodySitePlane *w = &info.sites[BZ_BODY_SITE_WAIST];
          double t = bz_body_test_tape (mesh, w->point, w->normal);
          g_assert_cmpfloat (t, >=, prev_waist - 1e-6);
          prev_waist = t;
        }

      double prev_elbow = 0;
      m.body_fat_percent = 25;
      for (double lean = 2.0; lean <= 5.0; lean += 0.5)
        {
          BzBodyModelInfo info;
          m.lean_left_arm_kg = m.lean_right_arm_kg = lean;
          g_autoptr(BzMesh) mesh = bz_body_model_build_full (&m, 1, &info);
          const BzBodySitePlane *a = &info.sites[BZ_BODY_SITE_ARM], *f = &info.sites[BZ_BODY_SITE_FOREARM];
          double p[3];
          for (int c = 0; c < 3; c++)
            p[c] = 0.5 * (a->point[c] + f->point[c]);
          double t = bz_body_test_tape (mesh, p, a->normal);
          g_assert_cmpfloat (t, >=, prev_elbow - 1e-6);
          prev_elbow = t;
        }
    }
}

/* Same topology for both sexes and for extreme bodies (h6 morphs between
 * two scans by interpolating positions). */
static void
test_topology (void)
{
  BzBodyMeasurements a = { .sex = BZ_SEX_MALE, .height_cm = 190, .weight_kg = 130, .body_fat_percent = 35 };
  BzBodyMeasurements b = { .sex = BZ_SEX_FEMALE, .height_cm = 150, .weight_kg = 42, .age_years = 70 };
  for (guint lod = 0; lod < 3; lod++)
    {
      g_autoptr(BzMesh) ma = bz_body_model_build (&a, lod);
      g_autoptr(BzMesh) mb = bz_body_model_build (&b, lod);
      g_assert_cmpuint (ma->positions->len, ==, mb->positions->len);
      g_assert_cmpuint (ma->indices->len, ==, mb->indices->len);
      g_assert_cmpmem (ma->indices->data, ma->indices->len * 4, mb->indices->data, mb->indices->len * 4);
    }
}

/* The test's own tools can fail: a flipped triangle is not a consistent
 * manifold, an arm pushed into the trunk crosses it, and the tape of a
 * known box is its perimeter. */
static void
test_tools (void)
{
  BzBodyMeasurements m = { .sex = BZ_SEX_MALE, .height_cm = 175, .weight_kg = 80, .body_fat_percent = 22 };
  BzBodyModelInfo info;
  g_autoptr(BzMesh) mesh = bz_body_model_build_full (&m, 2, &info);
  g_assert_true (bz_body_test_is_manifold (mesh));
  g_assert_cmpuint (bz_body_test_self_intersections (mesh), ==, 0);

  guint32 *I = (guint32 *) mesh->indices->data;
  guint32 tmp = I[0];
  I[0] = I[1];
  I[1] = tmp;
  g_assert_false (bz_body_test_is_manifold (mesh));
  I[1] = I[0];
  I[0] = tmp;
  g_assert_true (bz_body_test_is_manifold (mesh));

  double ax = info.sites[BZ_BODY_SITE_ARM].point[0];
  for (guint i = 0; i < bz_mesh_vertex_count (mesh); i++)
    {
      float *p = &g_array_index (mesh->positions, float, 3 * i);
      if (p[0] > 0.8 * ax && p[1] > 0.55 * 1.75)
        p[0] -= 0.06f;
    }
  g_assert_cmpuint (bz_body_test_self_intersections (mesh), >, 0);

  /* A 0.3 × 0.2 m box, 1 m tall, around the origin: tape 1.0 m. */
  g_autoptr(BzMesh) box = bz_mesh_new ();
  for (int i = 0; i < 8; i++)
    {
      float v[3] = { (i & 1) ? 0.15f : -0.15f, (i & 2) ? 1.0f : 0.0f, (i & 4) ? 0.1f : -0.1f };
      g_array_append_vals (box->positions, v, 3);
    }
  static const guint32 faces[] = { 0, 1, 3, 0, 3, 2, 4, 6, 7, 4, 7, 5, 0, 4, 5, 0, 5, 1,
                                   2, 3, 7, 2, 7, 6, 0, 2, 6, 0, 6, 4, 1, 5, 7, 1, 7, 3 };
  for (guint f = 0; f < G_N_ELEMENTS (faces); f += 3)
    {
      guint32 t[3] = { faces[f], faces[f + 2], faces[f + 1] };   /* outward */
      g_array_append_vals (box->indices, t, 3);
    }
  g_assert_true (bz_body_test_is_manifold (box));
  double p[3] = { 0, 0.5, 0 }, n[3] = { 0, 1, 0 };
  g_assert_cmpfloat_with_epsilon (bz_body_test_tape (box, p, n), 1.0, 1e-6);
  double off[3] = { 0.5, 0.5, 0 };
  g_assert_cmpfloat (bz_body_test_tape (box, off, n), ==, 0);
  g_assert_cmpfloat_with_epsilon (bz_body_test_volume (box), 0.3 * 0.2 * 1.0, 1e-6);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/body-geometry/tools", test_tools);
  g_test_add_func ("/body-geometry/topology", test_topology);
  g_test_add_func ("/body-geometry/monotonic", test_monotonic);
  g_test_add_func ("/body-geometry/all-girths", test_all_girths);
  g_test_add_func ("/body-geometry/nhanes-all", test_nhanes_all);
  return g_test_run ();
}
