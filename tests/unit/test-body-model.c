/* test-body-model.c — the parametric body model against real NHANES bodies. */
#include <math.h>

#include "bz-body-model.h"
#include "bz-body-test.h"
#include "bz-test-util.h"

#define load_nhanes bz_body_test_load_nhanes
#define measurements_from bz_body_test_measurements

static void
mesh_y_range (const BzMesh *mesh, double *lo, double *hi)
{
  *lo = INFINITY;
  *hi = -INFINITY;
  for (guint i = 0; i < bz_mesh_vertex_count (mesh); i++)
    {
      double y = g_array_index (mesh->positions, float, 3 * i + 1);
      *lo = MIN (*lo, y);
      *hi = MAX (*hi, y);
    }
}

/* Closed, finite, unit normals, height, waist and hip. */
static void
check_body (const BzBodyMeasurements *m, guint lod, double *worst_h, double *worst_w, double *worst_hip)
{
  g_autoptr(BzMesh) mesh = bz_body_model_build (m, lod);
  BzBodyLandmarks lm;
  bz_body_model_landmarks (m, &lm);

  g_assert_nonnull (mesh);
  g_assert_cmpuint (mesh->normals->len, ==, mesh->positions->len);
  g_assert_true (bz_mesh_is_closed (mesh));
  g_assert_cmpfloat (bz_mesh_signed_volume (mesh), >, 0);   /* outward winding */

  for (guint i = 0; i < mesh->positions->len; i++)
    g_assert_true (isfinite (g_array_index (mesh->positions, float, i)));
  for (guint i = 0; i < bz_mesh_vertex_count (mesh); i++)
    {
      const float *n = &g_array_index (mesh->normals, float, 3 * i);
      g_assert_true (isfinite (n[0]) && isfinite (n[1]) && isfinite (n[2]));
      g_assert_cmpfloat_with_epsilon (sqrt (n[0] * n[0] + n[1] * n[1] + n[2] * n[2]), 1.0, 1e-5);
    }

  double lo, hi;
  mesh_y_range (mesh, &lo, &hi);
  g_assert_cmpfloat_with_epsilon (lo, 0.0, 1e-6);
  double eh = fabs ((hi - lo) * 100 / m->height_cm - 1);
  double ew = fabs (bz_mesh_circumference_at (mesh, lm.waist_m) * 100 / m->waist_cm - 1);
  double ehip = fabs (bz_mesh_circumference_at (mesh, lm.hip_m) * 100 / m->hip_cm - 1);
  g_assert_cmpfloat (eh, <=, 0.005);
  g_assert_cmpfloat (ew, <=, 0.02);
  g_assert_cmpfloat (ehip, <=, 0.02);
  *worst_h = MAX (*worst_h, eh);
  *worst_w = MAX (*worst_w, ew);
  *worst_hip = MAX (*worst_hip, ehip);
}

static void
test_nhanes_sweep (void)
{
  double wh = 0, ww = 0, whip = 0;
  guint count = 0;

  for (int s = 0; s < 2; s++)
    {
      BzSex sex = s ? BZ_SEX_MALE : BZ_SEX_FEMALE;
      g_autoptr(GArray) rows = load_nhanes (sex, 40);
      for (guint i = 0; i < rows->len; i++)
        {
          BzBodyMeasurements m = measurements_from (&g_array_index (rows, NhanesRow, i));
          check_body (&m, 0, &wh, &ww, &whip);
          count++;
        }
    }
  g_test_message ("%u NHANES adults: worst relative error height %.2e, waist %.2e, hip %.2e",
                  count, wh, ww, whip);
  g_assert_cmpuint (count, >, 200);
}

/* The extremes of the data set: shortest, tallest, lightest, heaviest, and
 * smallest and largest waist and hip, of both sexes, at every LOD. */
static void
test_nhanes_extremes (void)
{
  double wh = 0, ww = 0, whip = 0;

  for (int s = 0; s < 2; s++)
    {
      g_autoptr(GArray) rows = load_nhanes (s ? BZ_SEX_MALE : BZ_SEX_FEMALE, 1);
      guint pick[8] = { 0 };
      for (guint i = 0; i < rows->len; i++)
        {
          const NhanesRow *r = &g_array_index (rows, NhanesRow, i);
#define ROW(j) (&g_array_index (rows, NhanesRow, pick[j]))
          if (r->height_cm < ROW (0)->height_cm) pick[0] = i;
          if (r->height_cm > ROW (1)->height_cm) pick[1] = i;
          if (r->weight_kg < ROW (2)->weight_kg) pick[2] = i;
          if (r->weight_kg > ROW (3)->weight_kg) pick[3] = i;
          if (r->waist_cm < ROW (4)->waist_cm) pick[4] = i;
          if (r->waist_cm > ROW (5)->waist_cm) pick[5] = i;
          if (r->hip_cm < ROW (6)->hip_cm) pick[6] = i;
          if (r->hip_cm > ROW (7)->hip_cm) pick[7] = i;
#undef ROW
        }
      for (guint j = 0; j < G_N_ELEMENTS (pick); j++)
        for (guint lod = 0; lod <= 2; lod++)
          {
            BzBodyMeasurements m = measurements_from (&g_array_index (rows, NhanesRow, pick[j]));
            check_body (&m, lod, &wh, &ww, &whip);
          }
    }
}

/* The mesh's volume at a body density of about 1 kg/L is close to the
 * weight: a check that the proportions are human (whole-body density
 * 0.98–1.09 kg/L; the model has no lungs, so allow a wide band). */
static void
test_volume_plausible (void)
{
  for (int s = 0; s < 2; s++)
    {
      g_autoptr(GArray) rows = load_nhanes (s ? BZ_SEX_MALE : BZ_SEX_FEMALE, 100);
      for (guint i = 0; i < rows->len; i++)
        {
          BzBodyMeasurements m = measurements_from (&g_array_index (rows, NhanesRow, i));
          g_autoptr(BzMesh) mesh = bz_body_model_build (&m, 1);
          double litres_per_kg = bz_mesh_signed_volume (mesh) * 1000 / m.weight_kg;
          g_assert_cmpfloat (litres_per_kg, >, 0.75);
          g_assert_cmpfloat (litres_per_kg, <, 1.35);
        }
    }
}

static void
test_lod_ordering (void)
{
  BzBodyMeasurements m = { BZ_SEX_FEMALE, 35, 162, 70, 0, 0, 0, 0, 90, 104, 31, 0, 0 };
  g_autoptr(BzMesh) l0 = bz_body_model_build (&m, 0);
  g_autoptr(BzMesh) l1 = bz_body_model_build (&m, 1);
  g_autoptr(BzMesh) l2 = bz_body_model_build (&m, 2);
  g_autoptr(BzMesh) l9 = bz_body_model_build (&m, 9);

  g_assert_cmpuint (bz_mesh_vertex_count (l0), >, bz_mesh_vertex_count (l1));
  g_assert_cmpuint (bz_mesh_vertex_count (l1), >, bz_mesh_vertex_count (l2));
  g_assert_cmpuint (bz_mesh_triangle_count (l0), >, bz_mesh_triangle_count (l1));
  g_assert_cmpuint (bz_mesh_triangle_count (l1), >, bz_mesh_triangle_count (l2));
  g_assert_cmpuint (bz_mesh_vertex_count (l9), ==, bz_mesh_vertex_count (l2));
  /* LOD 0 must stay indexable with 16-bit indices (compact GLB). */
  g_assert_cmpuint (bz_mesh_vertex_count (l0), <, 65536);
  g_test_message ("vertices LOD0 %u, LOD1 %u, LOD2 %u", bz_mesh_vertex_count (l0),
                  bz_mesh_vertex_count (l1), bz_mesh_vertex_count (l2));
}

static void
test_fatter_waist (void)
{
  BzBodyMeasurements m = { BZ_SEX_MALE, 50, 176, 85, 0, 0, 0, 0, 95, 102, 33, 0, 0 };
  BzBodyLandmarks lm;
  bz_body_model_landmarks (&m, &lm);
  double prev = 0;

  for (double waist = 70; waist <= 150; waist += 10)
    {
      m.waist_cm = waist;
      g_autoptr(BzMesh) mesh = bz_body_model_build (&m, 1);
      double c = bz_mesh_circumference_at (mesh, lm.waist_m);
      g_assert_cmpfloat (c, >, prev);
      g_assert_cmpfloat_with_epsilon (c, waist / 100, 0.02 * waist / 100);
      /* The hip stays put when only the waist changes. */
      g_assert_cmpfloat_with_epsilon (bz_mesh_circumference_at (mesh, lm.hip_m), 1.02, 0.02);
      prev = c;
    }
}

static void
test_sex_shape (void)
{
  /* Same height, weight, waist and hip: the man has broader shoulders. */
  BzBodyMeasurements f = { BZ_SEX_FEMALE, 30, 170, 65, 0, 0, 0, 0, 80, 98, 29, 0, 0 };
  BzBodyMeasurements m = f;
  m.sex = BZ_SEX_MALE;
  g_autoptr(BzMesh) mf = bz_body_model_build (&f, 1);
  g_autoptr(BzMesh) mm = bz_body_model_build (&m, 1);
  BzBodyLandmarks lm;
  bz_body_model_landmarks (&f, &lm);

  double wf = 0, wm = 0;
  for (int s = 0; s < 2; s++)
    {
      const BzMesh *mesh = s ? mm : mf;
      double w = 0;
      /* Breadth across the deltoids, just under the acromion. */
      for (guint i = 0; i < bz_mesh_vertex_count (mesh); i++)
        {
          const float *p = &g_array_index (mesh->positions, float, 3 * i);
          if (fabs (p[1] - (lm.shoulder_m - 0.02)) < 0.01 && fabs (p[0]) > w)
            w = fabs (p[0]);
        }
      if (s)
        wm = w;
      else
        wf = w;
    }
  g_assert_cmpfloat (wm, >, wf);
}

static void
test_complete (void)
{
  /* Only what is 0 gets filled; estimates are plausible. */
  BzBodyMeasurements m = { BZ_SEX_FEMALE, 40, 160, 77, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
  bz_body_measurements_complete (&m);
  g_assert_cmpfloat (m.waist_cm, >, 85);
  g_assert_cmpfloat (m.waist_cm, <, 110);
  g_assert_cmpfloat (m.hip_cm, >, 100);
  g_assert_cmpfloat (m.hip_cm, <, 120);
  g_assert_cmpfloat (m.arm_cm, >, 28);
  g_assert_cmpfloat (m.arm_cm, <, 38);
  g_assert_cmpfloat (m.neck_cm, >, 28);
  g_assert_cmpfloat (m.chest_cm, >, 80);
  g_assert_cmpfloat (m.thigh_cm, >, 45);
  g_assert_cmpfloat (m.calf_cm, >, 28);

  BzBodyMeasurements k = { BZ_SEX_MALE, 40, 180, 80, 0, 0, 38, 0, 91.5, 0, 0, 0, 0 };
  bz_body_measurements_complete (&k);
  g_assert_cmpfloat (k.neck_cm, ==, 38);
  g_assert_cmpfloat (k.waist_cm, ==, 91.5);

  /* The NHANES regressions: mean absolute error over the data set close to
   * the fit's RMSE (6.6 / 6.1 cm waist, 4.4 / 3.7 cm hip). */
  for (int s = 0; s < 2; s++)
    {
      g_autoptr(GArray) rows = load_nhanes (s ? BZ_SEX_MALE : BZ_SEX_FEMALE, 1);
      double ew = 0, eh = 0, ea = 0;
      for (guint i = 0; i < rows->len; i++)
        {
          const NhanesRow *r = &g_array_index (rows, NhanesRow, i);
          BzBodyMeasurements e = { r->sex, 40, r->height_cm, r->weight_kg, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
          bz_body_measurements_complete (&e);
          ew += fabs (e.waist_cm - r->waist_cm);
          eh += fabs (e.hip_cm - r->hip_cm);
          ea += fabs (e.arm_cm - r->arm_cm);
        }
      ew /= rows->len;
      eh /= rows->len;
      ea /= rows->len;
      g_test_message ("%s: mean absolute error waist %.1f, hip %.1f, arm %.1f cm",
                      s ? "men" : "women", ew, eh, ea);
      g_assert_cmpfloat (ew, <, 6.0);
      g_assert_cmpfloat (eh, <, 4.0);
      g_assert_cmpfloat (ea, <, 2.0);
    }

  /* More body fat than the BMI predicts: a larger waist. */
  BzBodyMeasurements lean = { BZ_SEX_MALE, 40, 178, 80, 12, 0, 0, 0, 0, 0, 0, 0, 0 };
  BzBodyMeasurements fat = lean;
  fat.body_fat_percent = 32;
  bz_body_measurements_complete (&lean);
  bz_body_measurements_complete (&fat);
  g_assert_cmpfloat (fat.waist_cm, >, lean.waist_cm);
}

/* Closedness detects a missing or a flipped triangle. */
static void
test_is_closed (void)
{
  BzBodyMeasurements m = { BZ_SEX_MALE, 40, 175, 75, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
  g_autoptr(BzMesh) mesh = bz_body_model_build (&m, 2);
  g_assert_true (bz_mesh_is_closed (mesh));

  guint32 *idx = (guint32 *) mesh->indices->data;
  guint32 t = idx[30];
  idx[30] = idx[31];
  idx[31] = t;
  g_assert_false (bz_mesh_is_closed (mesh));
  idx[31] = idx[30];
  idx[30] = t;
  g_assert_true (bz_mesh_is_closed (mesh));
  g_array_set_size (mesh->indices, mesh->indices->len - 3);
  g_assert_false (bz_mesh_is_closed (mesh));
}

/* Slicing a known shape: a closed box 0.4 × 1 × 0.2 m. */
static void
test_circumference_box (void)
{
  g_autoptr(BzMesh) box = bz_mesh_new ();
  static const float v[8][3] = {
    { -0.2f, 0, -0.1f }, { 0.2f, 0, -0.1f }, { 0.2f, 0, 0.1f }, { -0.2f, 0, 0.1f },
    { -0.2f, 1, -0.1f }, { 0.2f, 1, -0.1f }, { 0.2f, 1, 0.1f }, { -0.2f, 1, 0.1f },
  };
  static const guint32 tris[12][3] = {
    { 0, 1, 2 }, { 0, 2, 3 }, { 4, 6, 5 }, { 4, 7, 6 },
    { 0, 4, 5 }, { 0, 5, 1 }, { 1, 5, 6 }, { 1, 6, 2 },
    { 2, 6, 7 }, { 2, 7, 3 }, { 3, 7, 4 }, { 3, 4, 0 },
  };
  g_array_append_vals (box->positions, v, 24);
  g_array_append_vals (box->indices, tris, 36);
  bz_mesh_compute_normals (box);

  g_assert_true (bz_mesh_is_closed (box));
  g_assert_cmpfloat_with_epsilon (bz_mesh_signed_volume (box), 0.08, 1e-6);
  g_assert_cmpfloat_with_epsilon (bz_mesh_circumference_at (box, 0.5), 1.2, 1e-6);
  /* A ring of vertices on the plane counts as above it: the top face's loop. */
  g_assert_cmpfloat_with_epsilon (bz_mesh_circumference_at (box, 1.0), 1.2, 1e-6);
  g_assert_cmpfloat (bz_mesh_circumference_at (box, 2.0), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/body-model/nhanes-sweep", test_nhanes_sweep);
  g_test_add_func ("/body-model/nhanes-extremes", test_nhanes_extremes);
  g_test_add_func ("/body-model/volume-plausible", test_volume_plausible);
  g_test_add_func ("/body-model/lod-ordering", test_lod_ordering);
  g_test_add_func ("/body-model/fatter-waist", test_fatter_waist);
  g_test_add_func ("/body-model/sex-shape", test_sex_shape);
  g_test_add_func ("/body-model/complete", test_complete);
  g_test_add_func ("/body-model/is-closed", test_is_closed);
  g_test_add_func ("/body-model/circumference-box", test_circumference_box);
  return g_test_run ();
}
