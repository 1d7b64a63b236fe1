/* bz-body-loft.c — lofting helpers of the body model: superellipse
 * sections, monotone interpolation between key sections, ring emission. */
#include "bz-body-loft-private.h"

#include <math.h>
#include <string.h>

void
bz_keys_add (BzKeys *k, double u, double nu, BzSection s)
{
  g_assert (k->n < BZ_LOFT_MAX_KEYS);
  g_assert (k->n == 0 || (u > k->u[k->n - 1] && nu > k->nu[k->n - 1]));
  k->u[k->n] = u;
  k->nu[k->n] = nu;
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

BzSection
bz_keys_eval (const BzKeys *k, double u)
{
  BzSection out;
  gsize stride = sizeof (BzSection);
  out.x = pchip (k->u, &k->s[0].x, stride, k->n, u);
  out.z = pchip (k->u, &k->s[0].z, stride, k->n, u);
  out.a = pchip (k->u, &k->s[0].a, stride, k->n, u);
  out.b = pchip (k->u, &k->s[0].b, stride, k->n, u);
  out.p = pchip (k->u, &k->s[0].p, stride, k->n, u);
  out.egg = pchip (k->u, &k->s[0].egg, stride, k->n, u);
  return out;
}

static guint
spans_between (const BzKeys *k, guint i, double step)
{
  return MAX (1, (guint) ceil ((k->nu[i + 1] - k->nu[i]) / step - 1e-6));
}

GArray *
bz_keys_sample (const BzKeys *k, double step)
{
  GArray *us = g_array_new (FALSE, FALSE, 2 * sizeof (double));
  for (guint i = 0; i < k->n; i++)
    {
      double e[2] = { k->u[i], i };
      g_array_append_val (us, e);
      if (i + 1 == k->n)
        break;
      double gap = k->u[i + 1] - k->u[i];
      guint spans = spans_between (k, i, step);
      for (guint j = 1; j < spans; j++)
        {
          double f[2] = { k->u[i] + gap * j / spans, -1 };
          g_array_append_val (us, f);
        }
    }
  return us;
}

guint
bz_keys_ring_count (const BzKeys *k, double step)
{
  guint n = k->n;
  for (guint i = 0; i + 1 < k->n; i++)
    n += spans_between (k, i, step) - 1;
  return n;
}

void
bz_section_point (const BzSection *s, double t, double *u1, double *u2)
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

double
bz_section_perimeter (const BzSection *s, guint n, double phase)
{
  double x0, z0, px, pz, perim = 0;
  bz_section_point (s, phase, &x0, &z0);
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
        bz_section_point (s, phase + BZ_TAU * i / n, &x, &z);
      perim += hypot (x - px, z - pz);
      px = x;
      pz = z;
    }
  return perim;
}

BzSection
bz_section_fit (double perim_m, double ratio, double p, guint n, double phase)
{
  BzSection s = { 0, 0, 1, ratio, p, 0 };
  double scale = perim_m / bz_section_perimeter (&s, n, phase);
  s.a *= scale;
  s.b *= scale;
  return s;
}

BzSection
bz_section_ab (double a, double b, double z, double p)
{
  BzSection s = { 0, z, a, b, p, 0 };
  return s;
}

BzSection
bz_section_scaled (BzSection s, double f)
{
  s.a *= f;
  s.b *= f;
  return s;
}

guint32
bz_loft_vertex (BzMesh *mesh, double x, double y, double z)
{
  float v[3] = { (float) x, (float) y, (float) z };
  g_array_append_vals (mesh->positions, v, 3);
  return mesh->positions->len / 3 - 1;
}

void
bz_loft_tri (BzMesh *mesh, guint32 a, guint32 b, guint32 c)
{
  guint32 t[3] = { a, b, c };
  g_array_append_vals (mesh->indices, t, 3);
}

void
bz_loft_band (BzMesh *mesh, const guint32 *upper, const guint32 *lower, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      guint j = (i + 1) % n;
      bz_loft_tri (mesh, lower[i], upper[i], lower[j]);
      bz_loft_tri (mesh, lower[j], upper[i], upper[j]);
    }
}

void
bz_loft_cap_start (BzMesh *mesh, guint32 pole, const guint32 *ring, guint n)
{
  for (guint i = 0; i < n; i++)
    bz_loft_tri (mesh, ring[i], pole, ring[(i + 1) % n]);
}

void
bz_loft_cap_end (BzMesh *mesh, const guint32 *ring, guint32 pole, guint n)
{
  for (guint i = 0; i < n; i++)
    bz_loft_tri (mesh, pole, ring[i], ring[(i + 1) % n]);
}

double
bz_smoothstep (double e0, double e1, double x)
{
  double t = CLAMP ((x - e0) / (e1 - e0), 0, 1);
  return t * t * (3 - 2 * t);
}
