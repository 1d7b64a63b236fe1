/* bz-body-model.c — parametric human body: lofted superellipse sections.
 *
 * Layout (metres, +Y up, feet at y = 0, facing +Z, the person's left at +X):
 *
 *  - the trunk: horizontal sections from the crotch to the top of the head,
 *    one ring of N vertices each (N = 48/32/20 for LOD 0/1/2);
 *  - the legs: the crotch ring is cut along the sagittal plane by a seam of
 *    N/4 − 1 shared vertices, giving each leg a first ring of 3N/4 vertices
 *    (half the crotch ring plus the seam, the two legs running the seam in
 *    opposite directions), so trunk and legs are one watertight surface;
 *    each leg is lofted down to a foot and closed by a pole at the sole;
 *  - the arms: two closed tubes of N/2 vertices per ring, sections
 *    perpendicular to the arm's axis, closed by poles at the shoulder and
 *    the fingertips, placed beside the trunk without touching it (see
 *    place_arm()).
 *
 * The rings between two key sections come from the keys' nominal spacing
 * (bz_keys_sample()), never from the body, so the vertex count and the
 * triangle list depend on the LOD only.
 *
 * Every ring's vertex order satisfies e1 × e2 = the direction in which the
 * tube is lofted ("down" the tube), which with the band and pole patterns
 * makes every triangle counter-clockwise seen from outside.
 *
 * Heights are fractions of stature H after Drillis & Contini (1966) (see
 * bz-body-model.h); sites not in their table (crotch, buttock, iliac crest,
 * axilla, knee and calf girth sites) use ANSUR II ratios of mean landmark
 * height to mean stature (Gordon CC et al., "2012 Anthropometric Survey of
 * U.S. Army Personnel", NATICK/TR-15/007, 2014), rounded.
 */
#include "bz-body-loft-private.h"
#include "bz-body-model-private.h"

#include <math.h>
#include <string.h>

/* Landmark heights as fractions of stature. */
#define Y_CROTCH    0.470   /* ANSUR II crotch height / stature ≈ 0.47–0.48 */
#define Y_THIGH     0.420   /* upper thigh, below the gluteal fold */
#define Y_KNEE      0.285   /* Drillis & Contini: knee */
#define Y_CALF      0.205   /* ANSUR II calf height / stature ≈ 0.20 */
#define Y_ANKLE     0.075   /* minimum girth above the malleoli */
#define Y_HIP       0.510   /* buttock (maximum protrusion) height ≈ 0.50–0.51 */
#define Y_WAIST     0.600   /* iliocristale height ≈ 0.60 (NHANES waist site) */
#define Y_CHEST     0.720   /* Drillis & Contini: chest */
#define Y_AXILLA    0.755   /* ANSUR II axilla height ≈ 0.75–0.76 */
#define Y_SHOULDER  0.818   /* Drillis & Contini: shoulder (acromion) */
#define Y_NECK      0.873   /* neck girth, below the larynx */
#define Y_HEAD_C    0.935   /* Drillis & Contini: eye level 0.936 */
#define Y_JOINT     0.795   /* shoulder joint centre, below the acromion */

/* Segment lengths (Drillis & Contini): upper arm, forearm, hand, foot. */
#define L_UPPER_ARM 0.186
#define L_FOREARM   0.146
#define L_HAND      0.108
#define L_FOOT      0.152
#define W_FOOT      0.055

/* Gap between the arms and the trunk, and between the thighs (× H). */
#define GAP         0.002

static const guint ring_n[] = { 48, 32, 20 };
static const double ring_step[] = { 0.010, 0.020, 0.040 };

/* Depth/width ratio of a measured section, widened towards 1 by @fill
 * (fuller sections enclose more area at the same perimeter). */
static double
ratio_fill (double r, double fill)
{
  return CLAMP (r * (1 + 0.5 * (fill - 1)), 0.45, 1.0);
}

/* The trunk, bottom-up; its first N vertices are the crotch ring. */
static void
build_trunk (BzBody *b, BzMesh *mesh)
{
  double H = b->H, ad = b->adip, f = b->fill, ft = f * b->trunk_lean;
  guint n = b->n;
  BzKeys k = { 0 };

  /* Depth/width ratios: rounder with adiposity; women have relatively wider
   * hip and deeper chest (bust) sections.  Abdominal fat (men, and women
   * above their expected fat) deepens the waist: android vs gynoid
   * distribution (Vague J, Am J Clin Nutr 1956;4:20-34). */
  double dev = b->fat_dev;
  double r_hip = (b->male ? 0.70 : 0.66) + 0.05 * ad + (b->male ? 0 : 0.002 * dev);
  double r_waist = (b->male ? 0.72 : 0.68) + 0.10 * ad + (b->male ? 0.004 : 0.002) * dev;
  double r_chest = (b->male ? 0.72 : 0.78) + 0.07 * ad;

  b->hip_s = bz_section_fit (b->hip, ratio_fill (r_hip, f), 2.3, n, 0);
  b->hip_s.z = -0.12 * b->hip_s.b;                /* buttocks behind the axis */
  b->crotch = bz_section_scaled (bz_section_fit (0.94 * b->hip, 0.85 * r_hip, 2.3, n, 0), ft);
  b->crotch.z = b->hip_s.z;
  b->waist_s = bz_section_fit (b->waist, ratio_fill (r_waist, f), 2.3, n, 0);
  b->waist_s.z = 0.05 * MAX (ad, 0) * b->waist_s.b;
  b->chest_s = bz_section_fit (b->chest, ratio_fill (r_chest, f), 2.4, n, 0);
  b->chest_s.z = b->male ? 0 : 0.06 * b->chest_s.b;
  double cb = b->chest_s.b * ft, ca = b->chest_s.a * ft;

  /* Trunk shoulder: the acromia (biacromial breadth ≈ 0.23 H men, 0.22 H
   * women, ANSUR II means) lie under the deltoids, which belong to the arm
   * tubes: the trunk stops a deltoid radius inside them. */
  double biac_half = (b->male ? 0.230 : 0.222) * H / 2;
  double sa = MAX (biac_half - 0.7 * b->arm / BZ_TAU, 0.92 * ca);
  BzSection neck = bz_section_fit (b->neck, 0.95, 2.0, n, 0);
  double na = neck.a, nb = neck.b;

  /* Head: circumference 0.20 H + 22 cm (≈ 55 cm at 165 cm, 58 cm at 180 cm,
   * near ANSUR II means; a heuristic, head size varies little with stature)
   * and breadth/length ≈ 0.8 (cephalic index 80). */
  BzSection head = bz_section_fit (0.20 * H + 0.22, 1.25, 2.0, n, 0);
  double ha = head.a, hb = head.b, hz = -0.15 * b->chest_s.b + 0.2 * hb;

  bz_keys_add (&k, Y_CROTCH * H, Y_CROTCH, b->crotch);
  bz_keys_add (&k, Y_HIP * H, Y_HIP, b->hip_s);
  bz_keys_add (&k, Y_WAIST * H, Y_WAIST, b->waist_s);
  bz_keys_add (&k, Y_CHEST * H, Y_CHEST, b->chest_s);
  bz_keys_add (&k, Y_AXILLA * H, Y_AXILLA, bz_section_ab (ca, 0.95 * cb, -0.05 * cb, 2.4));
  /* Shoulder line: from the acromion (Drillis & Contini 0.818 H) a straight
   * slope of about 25° up to the neck base. */
  double ta = 1.15 * na, tb = 1.1 * nb;
  bz_keys_add (&k, Y_JOINT * H, Y_JOINT, bz_section_ab (sa, 0.80 * cb, -0.12 * cb, 2.6));
  bz_keys_add (&k, Y_SHOULDER * H, Y_SHOULDER, bz_section_ab (0.93 * sa, 0.66 * cb, -0.15 * cb, 2.6));
  bz_keys_add (&k, 0.832 * H, 0.832, bz_section_ab (0.5 * (sa + ta), 0.5 * (0.66 * cb + tb), -0.18 * cb, 2.4));
  bz_keys_add (&k, 0.847 * H, 0.847, bz_section_ab (0.18 * sa + 0.82 * ta, 0.18 * 0.66 * cb + 0.82 * tb, -0.2 * cb, 2.2));
  bz_keys_add (&k, 0.860 * H, 0.860, bz_section_ab (ta, tb, -0.2 * cb, 2.0));
  neck.z = -0.17 * cb;
  bz_keys_add (&k, Y_NECK * H, Y_NECK, neck);
  bz_keys_add (&k, 0.886 * H, 0.886, bz_section_ab (0.98 * na, nb, -0.13 * cb, 2.0));
  bz_keys_add (&k, 0.900 * H, 0.900, bz_section_ab (0.72 * ha, 0.85 * hb, hz + 0.12 * hb, 2.0));
  bz_keys_add (&k, 0.916 * H, 0.916, bz_section_ab (0.88 * ha, 0.97 * hb, hz + 0.05 * hb, 2.0));
  bz_keys_add (&k, Y_HEAD_C * H, Y_HEAD_C, bz_section_ab (ha, hb, hz, 2.0));
  static const double phis[] = { 30, 50, 66, 78, 87 };
  double top = 1 - Y_HEAD_C;
  for (guint i = 0; i < G_N_ELEMENTS (phis); i++)
    {
      double phi = phis[i] * G_PI / 180;
      bz_keys_add (&k, (Y_HEAD_C + top * sin (phi)) * H, Y_HEAD_C + top * sin (phi),
                   bz_section_ab (ha * cos (phi), hb * cos (phi), hz - 0.05 * hb * sin (phi), 2.0));
    }

  bz_body_set_site (b, BZ_BODY_SITE_NECK, 0, Y_NECK * H, neck.z, b->neck);
  bz_body_set_site (b, BZ_BODY_SITE_CHEST, 0, Y_CHEST * H, b->chest_s.z, b->chest);
  bz_body_set_site (b, BZ_BODY_SITE_WAIST, 0, Y_WAIST * H, b->waist_s.z, b->waist);
  bz_body_set_site (b, BZ_BODY_SITE_HIP, 0, Y_HIP * H, b->hip_s.z, b->hip);

  g_autoptr(GArray) ys = bz_keys_sample (&k, b->step);
  g_autofree guint32 *prev = g_new (guint32, n);
  g_autofree guint32 *cur = g_new (guint32, n);

  for (guint r = 0; r < ys->len; r++)
    {
      const double *e = &g_array_index (ys, double, 2 * r);
      /* Rings at key heights use the key itself, so the measured polygons
       * are exactly the fitted ones. */
      BzSection s = e[1] >= 0 ? k.s[(guint) e[1]] : bz_keys_eval (&k, e[0]);
      for (guint i = 0; i < n; i++)
        {
          double x, z;
          bz_section_point (&s, BZ_TAU * i / n, &x, &z);
          cur[i] = bz_loft_vertex (mesh, x, e[0], z);
        }
      if (r > 0)
        bz_loft_band (mesh, cur, prev, n);   /* rings run upward: cur is "upper" */
      memcpy (prev, cur, n * sizeof (guint32));
    }

  /* The trunk is lofted bottom-up, so the head's pole starts the tube. */
  guint32 pole = bz_loft_vertex (mesh, 0, H, hz - 0.05 * hb);
  bz_loft_cap_start (mesh, pole, prev, n);
}

/* One leg: @side = +1 (left, +X) or −1; @seam holds the N/4 − 1 seam vertices
 * from the front centre to the back centre of the crotch ring (vertices
 * 0..N−1 of the mesh). */
static void
build_leg (BzBody *b, BzMesh *mesh, int side, const guint32 *seam)
{
  guint n = b->n, q = n / 4, m = q - 1, M = 3 * q;
  double H = b->H, fl = b->fill * b->leg_lean, gap = GAP * H;
  g_autofree guint32 *ring0 = g_new (guint32, M);
  guint c = 0;

  if (side > 0)
    {
      for (guint i = 3 * q; i < n; i++)
        ring0[c++] = i;
      for (guint i = 0; i <= q; i++)
        ring0[c++] = i;
      for (guint j = 0; j < m; j++)
        ring0[c++] = seam[j];
    }
  else
    {
      for (guint i = q; i <= 3 * q; i++)
        ring0[c++] = i;
      for (guint j = m; j-- > 0;)
        ring0[c++] = seam[j];
    }
  g_assert (c == M);

  /* Centroid and polar angles of the D-shaped first ring. */
  double cx = 0, cz = 0;
  for (guint i = 0; i < M; i++)
    {
      cx += g_array_index (mesh->positions, float, 3 * ring0[i]);
      cz += g_array_index (mesh->positions, float, 3 * ring0[i] + 2);
    }
  cx /= M;
  cz /= M;
  g_autofree double *theta0 = g_new (double, M);
  for (guint i = 0; i < M; i++)
    {
      double x = g_array_index (mesh->positions, float, 3 * ring0[i]);
      double z = g_array_index (mesh->positions, float, 3 * ring0[i] + 2);
      theta0[i] = atan2 (z - cz, x - cx);
      while (i > 0 && theta0[i] < theta0[i - 1])
        theta0[i] += BZ_TAU;
    }
  double ph = theta0[0];

  /* Key sections, bottom (sole) to top (upper thigh); x is the centre's
   * distance from the sagittal plane (at least the section's half-width plus
   * half the gap, so the legs never touch), mirrored by @side after the keys
   * are set (the parameter t runs the same way round on both legs, so
   * mirroring only the centres keeps the winding).  Measured girths (thigh,
   * knee, calf, ankle) are fitted like the trunk's, with the leg's phase. */
  double L = L_FOOT * H, w2 = W_FOOT * H / 2;
  BzSection thigh = bz_section_fit (b->thigh, 1.07 / 0.93, 2.0, M, ph);
  BzSection knee = bz_section_fit (b->knee, 0.95, 2.0, M, ph);
  BzSection calf = bz_section_fit (b->calf, 1.0, 2.0, M, ph);
  BzSection ankle = bz_section_fit (b->ankle, 1.0, 2.0, M, ph);
  BzSection mid_calf = bz_section_scaled (bz_section_fit (0.5 * (b->calf + b->ankle) + 0.02, 1.0, 2.0, M, ph), fl);
  BzSection low_thigh = bz_section_scaled (bz_section_fit (0.5 * (b->thigh + b->knee), 1.0, 2.0, M, ph), fl);
  BzSection up_thigh = bz_section_scaled (bz_section_fit (0.1 * b->knee + 0.9 * b->thigh, 1.05, 2.0, M, ph), fl);
  BzSection below_knee = bz_section_scaled (bz_section_fit (0.5 * (b->knee + b->calf), 1.0, 2.0, M, ph), fl);
  double x_t = MAX (fabs (cx), thigh.a + gap);
  double x_k = MAX (0.052 * H, MAX (knee.a, below_knee.a) + gap);
  double x_a = MAX (0.055 * H, x_k), z_a = 0, z_f = z_a + 0.28 * L;
  double x_c = MAX (0.5 * (x_a + x_k), MAX (calf.a, mid_calf.a) + gap);
  double z_t = 0.7 * b->crotch.z, r_K = calf.a;
  BzKeys k = { 0 };
  BzSection s;

  s = (BzSection) { x_a, z_f, 0.95 * w2, 0.48 * L, 2.2, 0.15 };
  bz_keys_add (&k, 0.004 * H, 0.004, s);
  s = (BzSection) { x_a, z_f, w2, 0.50 * L, 2.2, 0.15 };
  bz_keys_add (&k, 0.016 * H, 0.016, s);
  s = (BzSection) { x_a, z_a + 0.12 * L, 0.85 * w2, 0.36 * L, 2.0, 0.1 };
  bz_keys_add (&k, 0.030 * H, 0.030, s);
  s = bz_section_scaled (ankle, 1.1);
  s.x = x_a;
  bz_keys_add (&k, 0.045 * H, 0.045, s);
  ankle.x = x_a;
  bz_keys_add (&k, Y_ANKLE * H, Y_ANKLE, ankle);
  mid_calf.x = x_c;
  mid_calf.z = z_a - 0.05 * r_K;
  bz_keys_add (&k, 0.130 * H, 0.130, mid_calf);
  calf.x = x_c;
  calf.z = z_a - 0.15 * r_K;
  bz_keys_add (&k, Y_CALF * H, Y_CALF, calf);
  below_knee.x = x_k;
  below_knee.z = z_a - 0.05 * r_K;
  bz_keys_add (&k, 0.250 * H, 0.250, below_knee);
  knee.x = x_k;
  bz_keys_add (&k, Y_KNEE * H, Y_KNEE, knee);
  low_thigh.x = 0.65 * x_k + 0.35 * x_t;
  low_thigh.z = 0.5 * z_t;
  bz_keys_add (&k, 0.330 * H, 0.330, low_thigh);
  up_thigh.x = 0.2 * x_k + 0.8 * x_t;
  up_thigh.z = z_t;
  bz_keys_add (&k, 0.385 * H, 0.385, up_thigh);
  thigh.x = x_t;
  thigh.z = z_t;
  bz_keys_add (&k, Y_THIGH * H, Y_THIGH, thigh);

  /* The legs never touch: every key (and below, every ring) keeps its
   * inner side half a gap off the sagittal plane. */
  for (guint i = 0; i < k.n; i++)
    k.s[i].x = MAX (k.s[i].x, k.s[i].a * (1 + k.s[i].egg) + gap);
  if (side > 0)
    {
      static const struct { BzBodySite s; guint key; } at[] = {
        { BZ_BODY_SITE_ANKLE, 4 }, { BZ_BODY_SITE_CALF, 6 },
        { BZ_BODY_SITE_KNEE, 8 }, { BZ_BODY_SITE_THIGH, 11 },
      };
      const double girth[] = { b->ankle, b->calf, b->knee, b->thigh };
      for (guint i = 0; i < G_N_ELEMENTS (at); i++)
        bz_body_set_site (b, at[i].s, k.s[at[i].key].x, k.u[at[i].key], k.s[at[i].key].z, girth[i]);
    }
  for (guint i = 0; i < k.n; i++)
    k.s[i].x *= side;

  g_autoptr(GArray) ys = bz_keys_sample (&k, b->step);
  g_autofree guint32 *prev = g_memdup2 (ring0, M * sizeof (guint32));
  g_autofree guint32 *cur = g_new (guint32, M);

  /* Below the crotch the D-shaped ring morphs into the round upper thigh:
   * positions and angles blend with a smoothstep weight, so the surface
   * leaves the crotch vertically and reaches the thigh smoothly. */
  double y_c = Y_CROTCH * H, y_t = Y_THIGH * H;
  guint blend = MAX (2, (guint) ceil ((Y_CROTCH - Y_THIGH) / b->step - 1e-6));
  const BzSection *th = &k.s[k.n - 1];
  g_autofree double *dx = g_new (double, M);
  g_autofree double *dz = g_new (double, M);
  for (guint i = 0; i < M; i++)
    {
      dx[i] = g_array_index (mesh->positions, float, 3 * ring0[i]);
      dz[i] = g_array_index (mesh->positions, float, 3 * ring0[i] + 2);
    }
  for (guint j = 1; j < blend; j++)
    {
      double fr = (double) j / blend, w = bz_smoothstep (0, 1, fr);
      double y = y_c - (y_c - y_t) * fr;
      for (guint i = 0; i < M; i++)
        {
          double t = (1 - w) * theta0[i] + w * (ph + BZ_TAU * i / M);
          double ex, ez;
          bz_section_point (th, t, &ex, &ez);
          cur[i] = bz_loft_vertex (mesh, (1 - w) * dx[i] + w * ex, y, (1 - w) * dz[i] + w * ez);
        }
      bz_loft_band (mesh, prev, cur, M);
      memcpy (prev, cur, M * sizeof (guint32));
    }

  /* From the upper thigh down to the sole, uniform angles. */
  for (guint r = ys->len; r-- > 0;)
    {
      const double *e = &g_array_index (ys, double, 2 * r);
      double y = e[0];
      BzSection sec = e[1] >= 0 ? k.s[(guint) e[1]] : bz_keys_eval (&k, y);
      double inner = sec.a * (1 + MAX (sec.egg, 0)) + gap;
      if (side * sec.x < inner)
        sec.x = side * inner;
      for (guint i = 0; i < M; i++)
        {
          double t = ph + BZ_TAU * i / M;
          double px, pz, py = y;
          bz_section_point (&sec, t, &px, &pz);
          /* Toes are lower than the instep: slope the foot's upper rings. */
          if (y < 0.04 * H)
            py = y * (1 - 0.45 * bz_smoothstep (0, 0.6 * L, pz - z_a));
          cur[i] = bz_loft_vertex (mesh, px, py, pz);
        }
      bz_loft_band (mesh, prev, cur, M);
      memcpy (prev, cur, M * sizeof (guint32));
    }

  guint32 sole = bz_loft_vertex (mesh, side * x_a, 0, z_f);
  bz_loft_cap_end (mesh, prev, sole, M);
}

void
bz_body_set_site (BzBody *b, BzBodySite site, double x, double y, double z, double c)
{
  BzBodySitePlane *p = &b->sites[site];
  p->point[0] = x;
  p->point[1] = y;
  p->point[2] = z;
  p->normal[0] = 0;
  p->normal[1] = 1;
  p->normal[2] = 0;
  p->circumference_m = c;
}

void
bz_body_model_landmarks (const BzBodyMeasurements *m, BzBodyLandmarks *out)
{
  g_return_if_fail (m != NULL && out != NULL);
  double H = m->height_cm / 100;
  out->height_m = H;
  out->waist_m = Y_WAIST * H;
  out->hip_m = Y_HIP * H;
  out->chest_m = Y_CHEST * H;
  out->crotch_m = Y_CROTCH * H;
  out->shoulder_m = Y_SHOULDER * H;
}

/* Trunk, legs and arms for the body's current fill. */
static BzMesh *
build_mesh (BzBody *b, gboolean place_arms)
{
  BzMesh *mesh = bz_mesh_new ();
  guint n = b->n, q = n / 4;

  build_trunk (b, mesh);

  /* The crotch seam: N/4 − 1 vertices on x = 0 from the front centre
   * (vertex q of the crotch ring) to the back centre (vertex 3q). */
  g_autofree guint32 *seam = g_new (guint32, q - 1);
  const float *F = &g_array_index (mesh->positions, float, 3 * q);
  double zf = F[2], y = F[1];
  double zb = g_array_index (mesh->positions, float, 3 * (3 * q) + 2);
  for (guint j = 1; j < q; j++)
    seam[j - 1] = bz_loft_vertex (mesh, 0, y, zf + (zb - zf) * j / q);

  build_leg (b, mesh, +1, seam);
  build_leg (b, mesh, -1, seam);
  bz_body_build_arms (b, mesh, place_arms);
  return mesh;
}

BzMesh *
bz_body_model_build_full (const BzBodyMeasurements *in, guint lod, BzBodyModelInfo *info)
{
  g_return_val_if_fail (in != NULL, NULL);
  g_return_val_if_fail (in->height_cm > 0, NULL);

  BzBody b = { 0 };
  BzBodyMeasurements m = *in;
  /* Body fat not measured: estimated from the measurements as given (before
   * completion, so that only measured girths count). */
  gboolean estimated = m.body_fat_percent <= 0;
  if (estimated)
    m.body_fat_percent = bz_body_composition_estimate (in);
  bz_body_measurements_complete (&m);
  lod = MIN (lod, 2);
  b.H = m.height_cm / 100;
  b.bmi = m.weight_kg / (b.H * b.H);
  b.adip = CLAMP ((b.bmi - 22) / 10, -0.5, 2.5);
  b.male = m.sex == BZ_SEX_MALE;
  b.neck = m.neck_cm / 100;
  b.chest = m.chest_cm / 100;
  b.waist = m.waist_cm / 100;
  b.hip = m.hip_cm / 100;
  b.arm = m.arm_cm / 100;
  b.thigh = m.thigh_cm / 100;
  b.calf = m.calf_cm / 100;
  b.forearm = m.forearm_cm / 100;
  b.wrist = m.wrist_cm / 100;
  b.knee = m.knee_cm / 100;
  b.ankle = m.ankle_cm / 100;
  b.n = ring_n[lod];
  b.step = ring_step[lod];
  b.fill = 1;

  BzBodyModelInfo local;
  BzBodyModelInfo *inf = info ? info : &local;
  memset (inf, 0, sizeof *inf);
  bz_body_composition_apply (&b, &m, inf);
  inf->body_fat_estimated = estimated;

  /* Secant iteration on the fill of the unmeasured sections until the
   * enclosed volume is the target (volume grows monotonically with fill). */
  BzMesh *mesh = build_mesh (&b, FALSE);
  double f0 = b.fill, v0 = bz_mesh_signed_volume (mesh), target = inf->target_volume_m3;
  inf->natural_volume_m3 = v0;
  double f1 = f0 * (1 + 0.5 * (target / v0 - 1)), v1 = v0;
  for (int it = 0; it < 12 && target > 0 && fabs (v1 / target - 1) > 2e-4; it++)
    {
      b.fill = CLAMP (f1, 0.5, 2.0);
      bz_mesh_free (mesh);
      mesh = build_mesh (&b, FALSE);
      v1 = bz_mesh_signed_volume (mesh);
      if (fabs (v1 - v0) < 1e-12)
        break;
      double f2 = b.fill + (target - v1) * (b.fill - f0) / (v1 - v0);
      f0 = b.fill;
      v0 = v1;
      f1 = f2;
    }
  bz_mesh_free (mesh);
  mesh = build_mesh (&b, TRUE);
  memcpy (inf->sites, b.sites, sizeof b.sites);
  inf->fill = b.fill;
  inf->volume_m3 = bz_mesh_signed_volume (mesh);
  inf->arm_theta_rad = b.theta;
  bz_mesh_compute_normals (mesh);
  return mesh;
}

BzMesh *
bz_body_model_build (const BzBodyMeasurements *m, guint lod)
{
  return bz_body_model_build_full (m, lod, NULL);
}

double
bz_body_model_implied_body_fat (const BzBodyMeasurements *m)
{
  g_return_val_if_fail (m != NULL && m->height_cm > 0 && m->weight_kg > 0, 0);
  BzBodyModelInfo info;
  g_autoptr(BzMesh) mesh = bz_body_model_build_full (m, 2, &info);
  double tissue = info.volume_m3 - info.residual_volume_m3 - info.gut_gas_m3;
  double density = m->weight_kg / tissue / 1000;   /* g/cm³ */
  return 495 / density - 450;
}
