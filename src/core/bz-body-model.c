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
 *  - the arms: two tubes of N/2 vertices per ring, sections perpendicular to
 *    the arm's axis, closed by poles at the shoulder and the fingertips.
 *
 * Every ring's vertex order satisfies e1 × e2 = the direction in which the
 * tube is lofted ("down" the tube), which with the band and pole patterns
 * below makes every triangle counter-clockwise seen from outside.
 *
 * Heights are fractions of stature H after Drillis & Contini (1966) (see
 * bz-body-model.h); sites not in their table (crotch, buttock, iliac crest,
 * axilla) use ANSUR II ratios of mean landmark height to mean stature
 * (Gordon et al. 2014), rounded.
 */
#include "bz-body-model.h"

#include <math.h>
#include <string.h>

#define TAU (2 * G_PI)

/* Landmark heights as fractions of stature. */
#define Y_CROTCH    0.470   /* ANSUR II crotch height / stature ≈ 0.47–0.48 */
#define Y_THIGH     0.420   /* upper thigh, below the gluteal fold */
#define Y_HIP       0.510   /* buttock (maximum protrusion) height ≈ 0.50–0.51 */
#define Y_WAIST     0.600   /* iliocristale height ≈ 0.60 (NHANES waist site) */
#define Y_CHEST     0.720   /* Drillis & Contini: chest */
#define Y_AXILLA    0.755   /* ANSUR II axilla height ≈ 0.75–0.76 */
#define Y_SHOULDER  0.818   /* Drillis & Contini: shoulder (acromion) */
#define Y_HEAD_C    0.935   /* Drillis & Contini: eye level 0.936 */

/* Segment lengths (Drillis & Contini): upper arm, forearm, hand, foot. */
#define L_UPPER_ARM 0.186
#define L_FOREARM   0.146
#define L_HAND      0.108
#define L_FOOT      0.152
#define W_FOOT      0.055

typedef struct
{
  double x, z;  /* centre */
  double a, b;  /* half-width along e1, half-depth along e2 */
  double p;     /* superellipse exponent (2 = ellipse) */
  double egg;   /* e1 half-width grows by (1 + egg) on the +e2 side */
} Section;

#define MAX_KEYS 32

typedef struct
{
  guint n;
  double u[MAX_KEYS];      /* loft coordinate, strictly increasing */
  Section s[MAX_KEYS];
} Keys;

static void
keys_add (Keys *k, double u, Section s)
{
  g_assert (k->n < MAX_KEYS);
  g_assert (k->n == 0 || u > k->u[k->n - 1]);
  k->u[k->n] = u;
  k->s[k->n] = s;
  k->n++;
}

/* Monotone piecewise-cubic Hermite interpolation (Fritsch FN, Carlson RE,
 * "Monotone piecewise cubic interpolation", SIAM J Numer Anal 1980;17:238):
 * no overshoot, so interpolated radii stay between their keys. */
static double
pchip (const double *x, const double *v, gsize stride, guint n, double xq)
{
#define V(i) (*(const double *) ((const char *) v + (i) * stride))
  if (n == 1 || xq <= x[0])
    return V (0);
  if (xq >= x[n - 1])
    return V (n - 1);

  guint k = 0;
  while (xq > x[k + 1])
    k++;

  double tangent[2];
  for (int e = 0; e < 2; e++)
    {
      guint i = k + e;
      double d_prev = i > 0 ? (V (i) - V (i - 1)) / (x[i] - x[i - 1]) : NAN;
      double d_next = i + 1 < n ? (V (i + 1) - V (i)) / (x[i + 1] - x[i]) : NAN;
      double m;
      if (i == 0)
        m = d_next;
      else if (i + 1 == n)
        m = d_prev;
      else if (d_prev * d_next <= 0)
        m = 0;
      else
        {
          double h0 = x[i] - x[i - 1], h1 = x[i + 1] - x[i];
          double w1 = 2 * h1 + h0, w2 = h1 + 2 * h0;
          m = (w1 + w2) / (w1 / d_prev + w2 / d_next);
        }
      tangent[e] = m;
    }

  double h = x[k + 1] - x[k];
  double t = (xq - x[k]) / h;
  double t2 = t * t, t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * V (k) + (t3 - 2 * t2 + t) * h * tangent[0]
       + (-2 * t3 + 3 * t2) * V (k + 1) + (t3 - t2) * h * tangent[1];
#undef V
}

static Section
keys_eval (const Keys *k, double u)
{
  Section out;
  gsize stride = sizeof (Section);
  out.x = pchip (k->u, &k->s[0].x, stride, k->n, u);
  out.z = pchip (k->u, &k->s[0].z, stride, k->n, u);
  out.a = pchip (k->u, &k->s[0].a, stride, k->n, u);
  out.b = pchip (k->u, &k->s[0].b, stride, k->n, u);
  out.p = pchip (k->u, &k->s[0].p, stride, k->n, u);
  out.egg = pchip (k->u, &k->s[0].egg, stride, k->n, u);
  return out;
}

/* Loft coordinates for the rings: every key, plus evenly spaced rings between
 * keys so that no span exceeds @spacing. */
static GArray *
keys_sample (const Keys *k, double spacing)
{
  GArray *us = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < k->n; i++)
    {
      g_array_append_val (us, k->u[i]);
      if (i + 1 == k->n)
        break;
      double gap = k->u[i + 1] - k->u[i];
      guint spans = MAX (1, (guint) ceil (gap / spacing - 1e-9));
      for (guint j = 1; j < spans; j++)
        {
          double u = k->u[i] + gap * j / spans;
          g_array_append_val (us, u);
        }
    }
  return us;
}

/* Point of the section at parameter t, in the section's 2-D frame. */
static void
section_point (const Section *s, double t, double *u1, double *u2)
{
  double c = cos (t), sn = sin (t), e = 2.0 / s->p;
  double ux = c, uz = sn;
  if (s->p != 2.0)
    {
      ux = copysign (pow (fabs (c), e), c);
      uz = copysign (pow (fabs (sn), e), sn);
    }
  *u1 = s->x + s->a * ux * (1 + s->egg * MAX (uz, 0));
  *u2 = s->z + s->b * uz;
}

static double
section_perimeter (const Section *s, guint n)
{
  double x0, z0, px, pz, perim = 0;
  section_point (s, 0, &x0, &z0);
  px = x0;
  pz = z0;
  for (guint i = 1; i <= n; i++)
    {
      double x, z;
      if (i == n)
        {
          x = x0;
          z = z0;
        }
      else
        section_point (s, TAU * i / n, &x, &z);
      perim += hypot (x - px, z - pz);
      px = x;
      pz = z;
    }
  return perim;
}

/* A section of perimeter @perim_m (as an @n-gon sampled at t = 2πi/n),
 * depth/width ratio @ratio and exponent @p.  The polygon's perimeter is
 * measured and the section scaled to it: exact up to rounding. */
static Section
section_fit (double perim_m, double ratio, double p, guint n)
{
  Section s = { 0, 0, 1, ratio, p, 0 };
  double scale = perim_m / section_perimeter (&s, n);
  s.a *= scale;
  s.b *= scale;
  return s;
}

static Section
section_ab (double a, double b, double z, double p)
{
  Section s = { 0, z, a, b, p, 0 };
  return s;
}

/* --- Mesh emission ----------------------------------------------------- */

static guint32
add_vertex (BzMesh *mesh, double x, double y, double z)
{
  float v[3] = { (float) x, (float) y, (float) z };
  g_array_append_vals (mesh->positions, v, 3);
  return mesh->positions->len / 3 - 1;
}

static void
add_tri (BzMesh *mesh, guint32 a, guint32 b, guint32 c)
{
  guint32 t[3] = { a, b, c };
  g_array_append_vals (mesh->indices, t, 3);
}

/* Quads between ring @upper and the next ring down the tube, @lower. */
static void
add_band (BzMesh *mesh, const guint32 *upper, const guint32 *lower, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      guint j = (i + 1) % n;
      add_tri (mesh, lower[i], upper[i], lower[j]);
      add_tri (mesh, lower[j], upper[i], upper[j]);
    }
}

static void
add_cap_start (BzMesh *mesh, guint32 pole, const guint32 *ring, guint n)
{
  for (guint i = 0; i < n; i++)
    add_tri (mesh, ring[i], pole, ring[(i + 1) % n]);
}

static void
add_cap_end (BzMesh *mesh, const guint32 *ring, guint32 pole, guint n)
{
  for (guint i = 0; i < n; i++)
    add_tri (mesh, pole, ring[i], ring[(i + 1) % n]);
}

/* --- The body ---------------------------------------------------------- */

typedef struct
{
  double H;                 /* stature, m */
  double bmi, adip;         /* adiposity: 0 at BMI 22, 1 at BMI 32 */
  gboolean male;
  double neck, chest, waist, hip, arm, thigh, calf;   /* circumferences, m */
  guint n;                  /* trunk ring vertices (multiple of 4) */
  double spacing;           /* max ring spacing along a loft, m */
  Section crotch, hip_s, waist_s, chest_s;
  double shoulder_a, chest_b;
} Body;

static void
body_init (Body *b, const BzBodyMeasurements *in, guint lod)
{
  BzBodyMeasurements m = *in;
  static const guint ring_n[] = { 48, 32, 20 };
  static const double spacing[] = { 0.010, 0.020, 0.040 };

  bz_body_measurements_complete (&m);
  lod = MIN (lod, 2);
  b->H = m.height_cm / 100;
  b->bmi = m.weight_kg / (b->H * b->H);
  b->adip = CLAMP ((b->bmi - 22) / 10, -0.5, 2.5);
  b->male = m.sex == BZ_SEX_MALE;
  b->neck = m.neck_cm / 100;
  b->chest = m.chest_cm / 100;
  b->waist = m.waist_cm / 100;
  b->hip = m.hip_cm / 100;
  b->arm = m.arm_cm / 100;
  b->thigh = m.thigh_cm / 100;
  b->calf = m.calf_cm / 100;
  b->n = ring_n[lod];
  b->spacing = spacing[lod] * b->H;
}

/* Builds the trunk and returns its crotch ring (the first N vertices). */
static void
build_trunk (Body *b, BzMesh *mesh)
{
  double H = b->H, ad = b->adip;
  guint n = b->n;
  Keys k = { 0 };

  /* Depth/width ratios: rounder with adiposity; women have relatively wider
   * hip and deeper chest (bust) sections. */
  double r_hip = CLAMP ((b->male ? 0.70 : 0.66) + 0.05 * ad, 0.55, 0.95);
  double r_waist = CLAMP ((b->male ? 0.72 : 0.68) + 0.10 * ad, 0.55, 1.0);
  double r_chest = CLAMP ((b->male ? 0.70 : 0.78) + 0.07 * ad, 0.55, 1.0);

  b->hip_s = section_fit (b->hip, r_hip, 2.3, n);
  b->hip_s.z = -0.12 * b->hip_s.b;                /* buttocks behind the axis */
  b->crotch = section_fit (0.94 * b->hip, 0.85 * r_hip, 2.3, n);
  b->crotch.z = b->hip_s.z;
  b->waist_s = section_fit (b->waist, r_waist, 2.3, n);
  b->waist_s.z = 0.05 * MAX (ad, 0) * b->waist_s.b;
  b->chest_s = section_fit (b->chest, r_chest, 2.4, n);
  b->chest_s.z = b->male ? 0 : 0.06 * b->chest_s.b;
  b->chest_b = b->chest_s.b;

  /* Biacromial breadth ≈ 0.23 H (men) and 0.22 H (women), ANSUR II means. */
  double biac_half = (b->male ? 0.230 : 0.222) * H / 2;
  b->shoulder_a = MAX (biac_half, 0.9 * b->chest_s.a);
  double cb = b->chest_s.b, sa = b->shoulder_a;
  Section neck = section_fit (b->neck, 0.95, 2.0, n);
  double na = neck.a, nb = neck.b;

  /* Head: circumference 0.20 H + 22 cm (≈ 55 cm at 165 cm, 58 cm at 180 cm,
   * near ANSUR II means; a heuristic, head size varies little with stature)
   * and breadth/length ≈ 0.8 (cephalic index 80). */
  Section head = section_fit (0.20 * H + 0.22, 1.25, 2.0, n);
  double ha = head.a, hb = head.b, hz = -0.15 * cb + 0.2 * hb;

  keys_add (&k, Y_CROTCH * H, b->crotch);
  keys_add (&k, Y_HIP * H, b->hip_s);
  keys_add (&k, Y_WAIST * H, b->waist_s);
  keys_add (&k, Y_CHEST * H, b->chest_s);
  keys_add (&k, Y_AXILLA * H, section_ab (b->chest_s.a, 0.95 * cb, -0.05 * cb, 2.4));
  /* Shoulder line: from the acromion (Drillis & Contini 0.818 H) a straight
   * slope of about 25° up to the neck base. */
  double ta = 1.15 * na, tb = 1.1 * nb;
  keys_add (&k, 0.795 * H, section_ab (sa, 0.78 * cb, -0.12 * cb, 2.6));
  keys_add (&k, Y_SHOULDER * H, section_ab (0.93 * sa, 0.66 * cb, -0.15 * cb, 2.6));
  keys_add (&k, 0.832 * H, section_ab (0.5 * (sa + ta), 0.5 * (0.66 * cb + tb), -0.18 * cb, 2.4));
  keys_add (&k, 0.847 * H, section_ab (0.18 * sa + 0.82 * ta, 0.18 * 0.66 * cb + 0.82 * tb, -0.2 * cb, 2.2));
  keys_add (&k, 0.860 * H, section_ab (ta, tb, -0.2 * cb, 2.0));
  keys_add (&k, 0.873 * H, section_ab (na, nb, -0.17 * cb, 2.0));
  keys_add (&k, 0.886 * H, section_ab (0.98 * na, nb, -0.13 * cb, 2.0));
  keys_add (&k, 0.900 * H, section_ab (0.72 * ha, 0.85 * hb, hz + 0.12 * hb, 2.0));
  keys_add (&k, 0.916 * H, section_ab (0.88 * ha, 0.97 * hb, hz + 0.05 * hb, 2.0));
  keys_add (&k, Y_HEAD_C * H, section_ab (ha, hb, hz, 2.0));
  static const double phis[] = { 30, 50, 66, 78, 87 };
  double top = (1 - Y_HEAD_C) * H;
  for (guint i = 0; i < G_N_ELEMENTS (phis); i++)
    {
      double phi = phis[i] * G_PI / 180;
      keys_add (&k, Y_HEAD_C * H + top * sin (phi),
                section_ab (ha * cos (phi), hb * cos (phi), hz - 0.05 * hb * sin (phi), 2.0));
    }

  g_autoptr(GArray) ys = keys_sample (&k, b->spacing);
  g_autofree guint32 *prev = g_new (guint32, n);
  g_autofree guint32 *cur = g_new (guint32, n);
  guint key = 0;

  for (guint r = 0; r < ys->len; r++)
    {
      double y = g_array_index (ys, double, r);
      Section s;
      /* Rings at key heights use the key itself, so the waist and hip
       * polygons are exactly the fitted ones. */
      if (key < k.n && y == k.u[key])
        s = k.s[key++];
      else
        s = keys_eval (&k, y);
      for (guint i = 0; i < n; i++)
        {
          double x, z;
          section_point (&s, TAU * i / n, &x, &z);
          cur[i] = add_vertex (mesh, x, y, z);
        }
      if (r > 0)
        add_band (mesh, cur, prev, n);   /* rings run upward: cur is "upper" */
      memcpy (prev, cur, n * sizeof (guint32));
    }

  /* The trunk is lofted bottom-up, so the head's pole starts the tube. */
  guint32 pole = add_vertex (mesh, 0, H, hz - 0.05 * hb);
  add_cap_start (mesh, pole, prev, n);
}

static double
smoothstep (double e0, double e1, double x)
{
  double t = CLAMP ((x - e0) / (e1 - e0), 0, 1);
  return t * t * (3 - 2 * t);
}

/* One leg: @side = +1 (left, +X) or −1; @seam holds the N/4 − 1 seam vertices
 * from the front centre to the back centre of the crotch ring (vertices
 * 0..N−1 of the mesh). */
static void
build_leg (Body *b, BzMesh *mesh, int side, const guint32 *seam, double *out_outer_x)
{
  guint n = b->n, q = n / 4, m = q - 1, M = 3 * q;
  double H = b->H;
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
        theta0[i] += TAU;
    }

  /* Key sections, bottom (sole) to top (upper thigh); x is the centre's
   * distance from the sagittal plane, mirrored by @side after the keys are
   * set (the parameter t runs the same way round on both legs, so mirroring
   * only the centres keeps the winding). */
  double L = L_FOOT * H, w2 = W_FOOT * H / 2;
  double r_T = b->thigh / TAU, r_K = b->calf / TAU;
  double knee = MAX (0.95 * b->calf, 0.62 * b->thigh), r_knee = knee / TAU;
  double r_ank = 0.6 * b->calf / TAU;
  double x_t = MAX (fabs (cx), r_T), x_k = MAX (0.052 * H, r_knee + 0.004);
  double x_a = MAX (0.055 * H, x_k), z_a = 0, z_f = z_a + 0.28 * L;
  double z_t = 0.7 * b->crotch.z;
  Keys k = { 0 };
  Section s;

  s = (Section) { x_a, z_f, 0.95 * w2, 0.48 * L, 2.2, 0.15 };
  keys_add (&k, 0.004 * H, s);
  s = (Section) { x_a, z_f, w2, 0.50 * L, 2.2, 0.15 };
  keys_add (&k, 0.016 * H, s);
  s = (Section) { x_a, z_a + 0.12 * L, 0.85 * w2, 0.36 * L, 2.0, 0.1 };
  keys_add (&k, 0.030 * H, s);
  s = (Section) { x_a, z_a, 1.1 * r_ank, 1.1 * r_ank, 2.0, 0 };
  keys_add (&k, 0.045 * H, s);
  s = (Section) { x_a, z_a, r_ank, r_ank, 2.0, 0 };
  keys_add (&k, 0.075 * H, s);
  s = (Section) { 0.5 * (x_a + x_k), z_a - 0.05 * r_K, 0.72 * r_K, 0.72 * r_K, 2.0, 0 };
  keys_add (&k, 0.130 * H, s);
  /* The calf and upper-thigh sections are fitted to the measured
   * circumferences like the trunk's (polygon perimeter, then scaled). */
  s = section_fit (b->calf, 1.0, 2.0, M);
  s.x = 0.5 * (x_a + x_k);
  s.z = z_a - 0.15 * r_K;
  keys_add (&k, 0.205 * H, s);
  s = (Section) { x_k, z_a - 0.05 * r_K, 0.92 * r_K, 0.92 * r_K, 2.0, 0 };
  keys_add (&k, 0.250 * H, s);
  s = (Section) { x_k, z_a, r_knee, 0.95 * r_knee, 2.0, 0 };
  keys_add (&k, 0.285 * H, s);
  s = (Section) { 0.65 * x_k + 0.35 * x_t, 0.5 * z_t, 0.72 * r_T, 0.72 * r_T, 2.0, 0 };
  keys_add (&k, 0.330 * H, s);
  s = (Section) { 0.2 * x_k + 0.8 * x_t, z_t, 0.9 * r_T, 0.9 * r_T, 2.0, 0 };
  keys_add (&k, 0.385 * H, s);
  s = section_fit (b->thigh, 1.07 / 0.93, 2.0, M);
  s.x = x_t;
  s.z = z_t;
  keys_add (&k, Y_THIGH * H, s);
  *out_outer_x = x_t + r_T;
  for (guint i = 0; i < k.n; i++)
    k.s[i].x *= side;

  g_autoptr(GArray) ys = keys_sample (&k, b->spacing);
  g_autofree guint32 *prev = g_memdup2 (ring0, M * sizeof (guint32));
  g_autofree guint32 *cur = g_new (guint32, M);

  /* Below the crotch the D-shaped ring morphs into the round upper thigh:
   * positions and angles blend with a smoothstep weight, so the surface
   * leaves the crotch vertically and reaches the thigh smoothly. */
  double y_c = Y_CROTCH * H, y_t = Y_THIGH * H;
  guint blend = MAX (2, (guint) ceil ((y_c - y_t) / b->spacing));
  const Section *thigh = &k.s[k.n - 1];
  g_autofree double *dx = g_new (double, M);
  g_autofree double *dz = g_new (double, M);
  for (guint i = 0; i < M; i++)
    {
      dx[i] = g_array_index (mesh->positions, float, 3 * ring0[i]);
      dz[i] = g_array_index (mesh->positions, float, 3 * ring0[i] + 2);
    }
  for (guint j = 1; j < blend; j++)
    {
      double f = (double) j / blend, w = smoothstep (0, 1, f);
      double y = y_c - (y_c - y_t) * f;
      for (guint i = 0; i < M; i++)
        {
          double t = (1 - w) * theta0[i] + w * (theta0[0] + TAU * i / M);
          double ex, ez;
          section_point (thigh, t, &ex, &ez);
          cur[i] = add_vertex (mesh, (1 - w) * dx[i] + w * ex, y, (1 - w) * dz[i] + w * ez);
        }
      add_band (mesh, prev, cur, M);
      memcpy (prev, cur, M * sizeof (guint32));
    }

  /* From the upper thigh down to the sole, uniform angles. */
  for (guint r = ys->len; r-- > 0;)
    {
      double y = g_array_index (ys, double, r);
      Section sec = r == ys->len - 1 ? *thigh : keys_eval (&k, y);
      for (guint i = 0; i < M; i++)
        {
          double t = theta0[0] + TAU * i / M;
          double px, pz, py = y;
          section_point (&sec, t, &px, &pz);
          /* Toes are lower than the instep: slope the foot's upper rings. */
          if (y < 0.04 * H)
            py = y * (1 - 0.45 * smoothstep (0, 0.6 * L, pz - z_a));
          cur[i] = add_vertex (mesh, px, py, pz);
        }
      add_band (mesh, prev, cur, M);
      memcpy (prev, cur, M * sizeof (guint32));
    }

  guint32 sole = add_vertex (mesh, side * x_a, 0, z_f);
  add_cap_end (mesh, prev, sole, M);
}

/* One arm: @side = +1 (left, +X) or −1, hanging from the shoulder joint at
 * angle @theta (rad) from the vertical in the frontal plane. */
static void
build_arm (Body *b, BzMesh *mesh, int side, double theta, const double joint[3])
{
  guint n = b->n / 2;
  double H = b->H;
  double Lu = L_UPPER_ARM * H, Lf = L_FOREARM * H, Lh = L_HAND * H;
  /* Forearm and wrist from the mid-upper-arm circumference: heuristic
   * linear relations giving ANSUR II-like ratios for average arms (forearm ≈
   * 0.8 × arm, wrist ≈ 0.5 × arm) and growing more slowly with fat. */
  double forearm = 0.6 * b->arm + 0.07, wrist = 0.3 * b->arm + 0.065;
  double elbow = 0.5 * (0.85 * b->arm + forearm);
  Section mid = section_fit (b->arm, 1.0, 2.0, n);
  double rd = 1.12 * mid.a;   /* deltoid */
  Keys k = { 0 };

  static const double phis[] = { 75, 50, 25 };
  for (guint i = 0; i < G_N_ELEMENTS (phis); i++)
    {
      double phi = phis[i] * G_PI / 180;
      keys_add (&k, -rd * sin (phi), section_ab (rd * cos (phi), rd * cos (phi), 0, 2.0));
    }
  keys_add (&k, 0, section_ab (rd, rd, 0, 2.0));
  keys_add (&k, 0.25 * Lu, section_fit (1.03 * b->arm, 1.0, 2.0, n));
  keys_add (&k, 0.50 * Lu, mid);
  keys_add (&k, 0.78 * Lu, section_fit (0.9 * b->arm, 1.0, 2.0, n));
  keys_add (&k, Lu, section_fit (elbow, 1.0, 2.0, n));
  keys_add (&k, Lu + 0.25 * Lf, section_fit (forearm, 0.9, 2.0, n));
  keys_add (&k, Lu + 0.70 * Lf, section_fit (0.8 * forearm, 1.15, 2.0, n));
  keys_add (&k, Lu + Lf, section_fit (wrist, 1.4, 2.0, n));
  /* Hand, palm towards the thigh: thin along e1, broad along z (hand
   * breadth ≈ 0.054 H, about 9 cm at 170 cm: a heuristic). */
  keys_add (&k, Lu + Lf + 0.20 * Lh, section_ab (0.0120 * H, 0.026 * H, 0, 2.2));
  keys_add (&k, Lu + Lf + 0.50 * Lh, section_ab (0.0100 * H, 0.027 * H, 0, 2.4));
  keys_add (&k, Lu + Lf + 0.75 * Lh, section_ab (0.0080 * H, 0.023 * H, 0, 2.2));
  keys_add (&k, Lu + Lf + 0.92 * Lh, section_ab (0.0060 * H, 0.016 * H, 0, 2.0));

  /* Frame: d down the arm, e1 × e2 = d. */
  double d[3] = { side * sin (theta), -cos (theta), 0 };
  double e1[3] = { cos (theta), side * sin (theta), 0 };
  double e2[3] = { 0, 0, 1 };
  double J[3] = { side * joint[0], joint[1], joint[2] };

  g_autoptr(GArray) us = keys_sample (&k, b->spacing);
  g_autofree guint32 *prev = g_new (guint32, n);
  g_autofree guint32 *cur = g_new (guint32, n);
  guint32 top = add_vertex (mesh, J[0] - rd * d[0], J[1] - rd * d[1], J[2] - rd * d[2]);
  guint key = 0;

  for (guint r = 0; r < us->len; r++)
    {
      double u = g_array_index (us, double, r);
      Section s;
      if (key < k.n && u == k.u[key])
        s = k.s[key++];
      else
        s = keys_eval (&k, u);
      for (guint i = 0; i < n; i++)
        {
          double p1, p2, P[3];
          section_point (&s, TAU * i / n, &p1, &p2);
          for (int c = 0; c < 3; c++)
            P[c] = J[c] + u * d[c] + p1 * e1[c] + p2 * e2[c];
          cur[i] = add_vertex (mesh, P[0], P[1], P[2]);
        }
      if (r == 0)
        add_cap_start (mesh, top, cur, n);
      else
        add_band (mesh, prev, cur, n);
      memcpy (prev, cur, n * sizeof (guint32));
    }

  double tip = Lu + Lf + Lh;
  guint32 end = add_vertex (mesh, J[0] + tip * d[0], J[1] + tip * d[1], J[2] + tip * d[2]);
  add_cap_end (mesh, prev, end, n);
}

/* Abduction angle that keeps the hanging arm clear of the waist, the hips
 * and the thighs (a gap of 0.01 H), between 6° and 50°. */
static double
arm_angle (const Body *b, const double joint[3], double thigh_outer_x)
{
  double H = b->H, gap = 0.01 * H;
  double forearm = 0.6 * b->arm + 0.07;
  double elbow_r = 0.5 * (0.85 * b->arm + forearm) / TAU;
  struct { double y, x, r; } lv[] = {
    { Y_WAIST * H, b->waist_s.a, elbow_r },
    { Y_HIP * H, b->hip_s.a, forearm / TAU },
    { Y_THIGH * H, thigh_outer_x, 0.0120 * H },
  };
  double theta = 6 * G_PI / 180;

  for (int it = 0; it < 8; it++)
    {
      double need = tan (6 * G_PI / 180);
      for (guint i = 0; i < G_N_ELEMENTS (lv); i++)
        need = MAX (need, (lv[i].x + gap + lv[i].r / cos (theta) - joint[0]) / (joint[1] - lv[i].y));
      theta = CLAMP (atan (need), 6 * G_PI / 180, 50 * G_PI / 180);
    }
  return theta;
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

BzMesh *
bz_body_model_build (const BzBodyMeasurements *m, guint lod)
{
  g_return_val_if_fail (m != NULL, NULL);
  g_return_val_if_fail (m->height_cm > 0, NULL);

  Body b;
  body_init (&b, m, lod);
  BzMesh *mesh = bz_mesh_new ();
  guint n = b.n, q = n / 4;

  build_trunk (&b, mesh);

  /* The crotch seam: N/4 − 1 vertices on x = 0 from the front centre
   * (vertex q of the crotch ring) to the back centre (vertex 3q). */
  g_autofree guint32 *seam = g_new (guint32, q - 1);
  const float *F = &g_array_index (mesh->positions, float, 3 * q);
  double zf = F[2], y = F[1];
  double zb = g_array_index (mesh->positions, float, 3 * (3 * q) + 2);
  for (guint j = 1; j < q; j++)
    seam[j - 1] = add_vertex (mesh, 0, y, zf + (zb - zf) * j / q);

  double outer_left, outer_right;
  build_leg (&b, mesh, +1, seam, &outer_left);
  build_leg (&b, mesh, -1, seam, &outer_right);

  /* Shoulder joint: under the acromion, inside the deltoid cap. */
  double rd = 1.12 * b.arm / TAU;
  double joint[3] = { b.shoulder_a - 0.5 * rd, 0.795 * b.H, -0.12 * b.chest_b };
  double theta = arm_angle (&b, joint, MAX (outer_left, outer_right));
  build_arm (&b, mesh, +1, theta, joint);
  build_arm (&b, mesh, -1, theta, joint);

  bz_mesh_compute_normals (mesh);
  return mesh;
}

void
bz_body_measurements_complete (BzBodyMeasurements *m)
{
  g_return_if_fail (m != NULL);
  g_return_if_fail (m->height_cm > 0);

  gboolean male = m->sex == BZ_SEX_MALE;
  double h = m->height_cm, hm = h / 100;
  double w = m->weight_kg > 0 ? m->weight_kg : 24 * hm * hm;
  double bmi = w / (hm * hm);

  /* OLS on NHANES 2017–March 2020 (see the header): b0 + b1·BMI + b2·cm. */
  double waist = male ? -6.4655 + 2.4002 * bmi + 0.2204 * h
                      : -1.4515 + 2.0594 * bmi + 0.2369 * h;
  double hip = male ? -10.1357 + 1.7529 * bmi + 0.3656 * h
                    : -8.6133 + 1.8906 * bmi + 0.3802 * h;
  double arm = male ? -6.2954 + 0.6572 * bmi + 0.1236 * h
                    : -2.6248 + 0.6591 * bmi + 0.0967 * h;

  if (m->body_fat_percent > 0)
    {
      /* Deurenberg et al. 1991 expected body fat for this BMI. */
      double age = m->age_years > 0 ? m->age_years : 40;
      double expected = 1.2 * bmi + 0.23 * age - 10.8 * (male ? 1 : 0) - 5.4;
      double dev = m->body_fat_percent - expected;
      waist += CLAMP (0.5 * dev, -8, 8);
      hip += CLAMP (0.25 * dev, -8, 8);
    }

  if (m->waist_cm <= 0)
    m->waist_cm = MAX (waist, 0.25 * h);
  if (m->hip_cm <= 0)
    m->hip_cm = MAX (hip, 0.35 * h);
  if (m->arm_cm <= 0)
    m->arm_cm = MAX (arm, 0.10 * h);

  /* Heuristics (see the header): not fitted to data. */
  double W = m->waist_cm, Hp = m->hip_cm;
  if (m->chest_cm <= 0)
    m->chest_cm = male ? 0.70 * W + 40 : 0.60 * W + 45;
  if (m->neck_cm <= 0)
    m->neck_cm = male ? 0.15 * W + 24 : 0.13 * W + 20.5;
  if (m->thigh_cm <= 0)
    m->thigh_cm = (male ? 0.58 : 0.60) * Hp;
  if (m->calf_cm <= 0)
    m->calf_cm = 0.22 * Hp + 14;
}
