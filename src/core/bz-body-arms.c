/* bz-body-arms.c — the body model's arms: lofted tubes hanging from the
 * shoulder, placed beside the trunk and legs without touching them.
 *
 * Segment lengths are Drillis & Contini's (upper arm 0.186 H, forearm
 * 0.146 H, hand 0.108 H; see bz-body-model.h).  Placement: the trunk's
 * triangles are rasterised, conservatively (each triangle's bounding box),
 * into a grid of the largest |x| over (y, z) cells; for each abduction
 * angle tried, the arm's joint goes to the smallest x at which every arm
 * quad clears the grid cells its bounding box touches (and their
 * neighbours) by GAP × H.  The angle chosen trades the arm's distance from
 * the body against its abduction.  So the arms never penetrate the trunk
 * and the enclosed volume counts nothing twice.
 */
#include "bz-body-model-private.h"

#include <math.h>
#include <string.h>

#define L_UPPER_ARM 0.186
#define L_FOREARM   0.146
#define L_HAND      0.108
#define Y_JOINT     0.795
#define GAP         0.002

#define GRID_DY 0.004      /* × H */
#define GRID_DZ 0.010      /* × H */
#define GRID_NY 256
#define GRID_NZ 60         /* z from −0.30 H to +0.30 H */

typedef struct
{
  double H;
  float x[GRID_NY][GRID_NZ];
} Grid;

static int
grid_iy (const Grid *g, double y)
{
  return CLAMP ((int) floor (y / (GRID_DY * g->H)), 0, GRID_NY - 1);
}

static int
grid_iz (const Grid *g, double z)
{
  return CLAMP ((int) floor (z / (GRID_DZ * g->H)) + GRID_NZ / 2, 0, GRID_NZ - 1);
}

static void
grid_fill (Grid *g, const BzMesh *mesh)
{
  for (int i = 0; i < GRID_NY; i++)
    for (int j = 0; j < GRID_NZ; j++)
      g->x[i][j] = -INFINITY;
  const float *P = (const float *) mesh->positions->data;
  const guint32 *I = (const guint32 *) mesh->indices->data;
  for (guint t = 0; t < mesh->indices->len / 3; t++)
    {
      double y0 = INFINITY, y1 = -INFINITY, z0 = INFINITY, z1 = -INFINITY, xm = 0;
      for (int c = 0; c < 3; c++)
        {
          const float *v = P + 3 * I[3 * t + c];
          xm = MAX (xm, fabs (v[0]));
          y0 = MIN (y0, v[1]);
          y1 = MAX (y1, v[1]);
          z0 = MIN (z0, v[2]);
          z1 = MAX (z1, v[2]);
        }
      for (int i = grid_iy (g, y0); i <= grid_iy (g, y1); i++)
        for (int j = grid_iz (g, z0); j <= grid_iz (g, z1); j++)
          g->x[i][j] = MAX (g->x[i][j], (float) xm);
    }
}

typedef struct
{
  BzKeys k;
  GArray *us;       /* ring coordinates along the arm */
  BzSection *secs;  /* the section of each ring */
  double *local;    /* see arm_local() */
  guint n;          /* ring vertices */
  double rd;        /* deltoid radius: the top pole sits rd above the joint */
  double tip;       /* fingertip distance from the joint */
} Arm;

static void
arm_keys (BzBody *b, Arm *a)
{
  guint n = a->n;
  double H = b->H, fa = b->fill * b->arm_lean;
  double Lu = L_UPPER_ARM * H, Lf = L_FOREARM * H, Lh = L_HAND * H;
  double elbow = 0.5 * (0.85 * b->arm + b->forearm);
  BzSection mid = bz_section_fit (b->arm, 1.0, 2.0, n, 0);
  double rd = 1.12 * mid.a * fa;   /* deltoid */
  BzKeys *k = &a->k;
  memset (k, 0, sizeof *k);

  static const double phis[] = { 75, 50, 25 };
  for (guint i = 0; i < G_N_ELEMENTS (phis); i++)
    {
      double phi = phis[i] * G_PI / 180;
      bz_keys_add (k, -rd * sin (phi), -0.033 * sin (phi), bz_section_ab (rd * cos (phi), rd * cos (phi), 0, 2.0));
    }
  bz_keys_add (k, 0, 0, bz_section_ab (rd, rd, 0, 2.0));
  bz_keys_add (k, 0.25 * Lu, 0.25 * L_UPPER_ARM, bz_section_scaled (bz_section_fit (1.03 * b->arm, 1.0, 2.0, n, 0), fa));
  bz_keys_add (k, 0.50 * Lu, 0.50 * L_UPPER_ARM, mid);
  bz_keys_add (k, 0.78 * Lu, 0.78 * L_UPPER_ARM, bz_section_scaled (bz_section_fit (0.9 * b->arm, 1.0, 2.0, n, 0), fa));
  bz_keys_add (k, Lu, L_UPPER_ARM, bz_section_scaled (bz_section_fit (elbow, 1.0, 2.0, n, 0), fa));
  bz_keys_add (k, Lu + 0.25 * Lf, L_UPPER_ARM + 0.25 * L_FOREARM, bz_section_fit (b->forearm, 0.9, 2.0, n, 0));
  bz_keys_add (k, Lu + 0.70 * Lf, L_UPPER_ARM + 0.70 * L_FOREARM,
               bz_section_scaled (bz_section_fit (0.52 * (b->forearm + b->wrist), 1.15, 2.0, n, 0), fa));
  bz_keys_add (k, Lu + Lf, L_UPPER_ARM + L_FOREARM, bz_section_fit (b->wrist, 1.4, 2.0, n, 0));
  /* Hand, palm towards the thigh: thin along e1, broad along z (hand
   * breadth ≈ 0.054 H, about 9 cm at 170 cm: a heuristic). */
  double u0 = Lu + Lf, n0 = L_UPPER_ARM + L_FOREARM;
  bz_keys_add (k, u0 + 0.20 * Lh, n0 + 0.20 * L_HAND, bz_section_ab (0.0120 * H, 0.026 * H, 0, 2.2));
  bz_keys_add (k, u0 + 0.50 * Lh, n0 + 0.50 * L_HAND, bz_section_ab (0.0100 * H, 0.027 * H, 0, 2.4));
  bz_keys_add (k, u0 + 0.75 * Lh, n0 + 0.75 * L_HAND, bz_section_ab (0.0080 * H, 0.023 * H, 0, 2.2));
  bz_keys_add (k, u0 + 0.92 * Lh, n0 + 0.92 * L_HAND, bz_section_ab (0.0060 * H, 0.016 * H, 0, 2.0));
  a->us = bz_keys_sample (k, b->step);
  a->secs = g_new (BzSection, a->us->len);
  for (guint r = 0; r < a->us->len; r++)
    {
      const double *e = &g_array_index (a->us, double, 2 * r);
      a->secs[r] = e[1] >= 0 ? k->s[(guint) e[1]] : bz_keys_eval (k, e[0]);
    }
  a->rd = rd;
  a->tip = Lu + Lf + Lh;
}

/* Ring points in the arm's own frame (u along the arm, p1 along e1, p2 along
 * e2), computed once per arm: the angle only rotates them. */
static void
arm_local (Arm *a)
{
  guint rings = a->us->len, n = a->n;
  a->local = g_new (double, 3 * (rings * n + 2));
  for (guint r = 0; r < rings; r++)
    for (guint i = 0; i < n; i++)
      {
        double *L = a->local + 3 * (r * n + i);
        L[0] = g_array_index (a->us, double, 2 * r);
        bz_section_point (&a->secs[r], BZ_TAU * i / n, &L[1], &L[2]);
      }
  double *top = a->local + 3 * rings * n, *end = top + 3;
  top[0] = -a->rd;
  end[0] = a->tip;
  top[1] = top[2] = end[1] = end[2] = 0;
}

/* Local point @j (ring-major; rings × n + 0 is the top pole, + 1 the
 * fingertip) relative to the joint, for the left arm (side +1) or the right. */
static inline void
arm_point (const Arm *a, int side, double c, double sn, guint j, double P[3])
{
  const double *L = a->local + 3 * j;
  /* d = (side sin θ, −cos θ, 0), e1 = (cos θ, side sin θ, 0), e2 = +Z. */
  P[0] = L[0] * side * sn + L[1] * c;
  P[1] = -L[0] * c + L[1] * side * sn;
  P[2] = L[2];
}

/* The smallest joint x at which the left arm at @theta clears the grid. */
static double
arm_clearance (const Arm *a, const Grid *g, double theta, double jy, double jz)
{
  guint rings = a->us->len, n = a->n;
  double gap = GAP * g->H, need = 0;
  g_autofree double *pts = g_new (double, 3 * (rings * n + 2));
  double c = cos (theta), sn = sin (theta);

  for (guint j = 0; j < rings * n + 2; j++)
    arm_point (a, +1, c, sn, j, pts + 3 * j);

  /* Quads between rings r and r + 1 (r = −1 and r = rings − 1: the caps,
   * with the pole counted as a whole "ring"). */
  for (gint r = -1; r < (gint) rings; r++)
    for (guint i = 0; i < n; i++)
      {
        const double *q[4];
        guint j = (i + 1) % n;
        if (r < 0)
          q[0] = q[1] = pts + 3 * rings * n;
        else
          {
            q[0] = pts + 3 * (r * n + i);
            q[1] = pts + 3 * (r * n + j);
          }
        if (r + 1 == (gint) rings)
          q[2] = q[3] = pts + 3 * (rings * n + 1);
        else
          {
            q[2] = pts + 3 * ((r + 1) * n + i);
            q[3] = pts + 3 * ((r + 1) * n + j);
          }
        double y0 = INFINITY, y1 = -INFINITY, z0 = INFINITY, z1 = -INFINITY, xm = INFINITY;
        for (int c = 0; c < 4; c++)
          {
            xm = MIN (xm, q[c][0]);
            y0 = MIN (y0, q[c][1] + jy);
            y1 = MAX (y1, q[c][1] + jy);
            z0 = MIN (z0, q[c][2] + jz);
            z1 = MAX (z1, q[c][2] + jz);
          }
        int iy0 = MAX (grid_iy (g, y0) - 1, 0), iy1 = MIN (grid_iy (g, y1) + 1, GRID_NY - 1);
        int iz0 = MAX (grid_iz (g, z0) - 1, 0), iz1 = MIN (grid_iz (g, z1) + 1, GRID_NZ - 1);
        for (int yi = iy0; yi <= iy1; yi++)
          for (int zi = iz0; zi <= iz1; zi++)
            if (isfinite (g->x[yi][zi]))
              need = MAX (need, g->x[yi][zi] + gap - xm);
      }
  return need;
}

static void
arm_emit (const Arm *a, BzMesh *mesh, int side, double theta, const double J[3])
{
  guint rings = a->us->len, n = a->n;
  g_autofree guint32 *prev = g_new (guint32, n);
  g_autofree guint32 *cur = g_new (guint32, n);
  double P[3], c = cos (theta), sn = sin (theta);

  arm_point (a, side, c, sn, rings * n, P);
  guint32 top = bz_loft_vertex (mesh, J[0] * side + P[0], J[1] + P[1], J[2] + P[2]);
  for (guint r = 0; r < rings; r++)
    {
      for (guint i = 0; i < n; i++)
        {
          arm_point (a, side, c, sn, r * n + i, P);
          cur[i] = bz_loft_vertex (mesh, J[0] * side + P[0], J[1] + P[1], J[2] + P[2]);
        }
      if (r == 0)
        bz_loft_cap_start (mesh, top, cur, n);
      else
        bz_loft_band (mesh, prev, cur, n);
      memcpy (prev, cur, n * sizeof (guint32));
    }
  arm_point (a, side, c, sn, rings * n + 1, P);
  guint32 end = bz_loft_vertex (mesh, J[0] * side + P[0], J[1] + P[1], J[2] + P[2]);
  bz_loft_cap_end (mesh, prev, end, n);
}

void
bz_body_build_arms (BzBody *b, BzMesh *mesh, gboolean place)
{
  Arm a = { .n = b->n / 2 };
  double H = b->H;

  arm_keys (b, &a);
  arm_local (&a);
  double jy = Y_JOINT * H, jz = -0.10 * b->chest_s.b;
  if (!place)
    {
      /* Volume only: a closed tube's volume does not depend on where it is. */
      double J[3] = { 0, jy, jz };
      arm_emit (&a, mesh, +1, 0, J);
      arm_emit (&a, mesh, -1, 0, J);
      g_array_unref (a.us);
      g_free (a.secs);
      g_free (a.local);
      return;
    }

  g_autofree Grid *g = g_new (Grid, 1);
  g->H = H;
  grid_fill (g, mesh);

  /* Abduction between 2° and 32°: the joint's x plus 0.05 H per radian of
   * abduction (about 1.5 cm per 10° at 175 cm) is minimised, on a 6° grid
   * and then ±2° around the best. */
  double best = INFINITY, best_theta = 0, best_x = 0;
  static const int coarse[] = { 2, 8, 14, 20, 26, 32 };
  for (guint i = 0; i < G_N_ELEMENTS (coarse) + 2; i++)
    {
      int deg = i < G_N_ELEMENTS (coarse) ? coarse[i]
              : (int) lround (best_theta * 180 / G_PI) + (i == G_N_ELEMENTS (coarse) ? -2 : 2);
      double th = MAX (deg, 1) * G_PI / 180;
      double x = arm_clearance (&a, g, th, jy, jz);
      double cost = x + 0.05 * H * th;
      if (cost < best)
        {
          best = cost;
          best_theta = th;
          best_x = x;
        }
    }
  b->theta = best_theta;
  double J[3] = { best_x, jy, jz };
  arm_emit (&a, mesh, +1, best_theta, J);
  arm_emit (&a, mesh, -1, best_theta, J);

  /* Sites on the left arm: perpendicular to its axis. */
  double d[3] = { sin (best_theta), -cos (best_theta), 0 };
  double Lu = L_UPPER_ARM * H, Lf = L_FOREARM * H;
  struct { BzBodySite s; double u, c; } at[] = {
    { BZ_BODY_SITE_ARM, 0.5 * Lu, b->arm },
    { BZ_BODY_SITE_FOREARM, Lu + 0.25 * Lf, b->forearm },
    { BZ_BODY_SITE_WRIST, Lu + Lf, b->wrist },
  };
  for (guint i = 0; i < G_N_ELEMENTS (at); i++)
    {
      BzBodySitePlane *p = &b->sites[at[i].s];
      for (int c = 0; c < 3; c++)
        {
          p->point[c] = J[c] + at[i].u * d[c];
          p->normal[c] = d[c];
        }
      p->circumference_m = at[i].c;
    }
  g_array_unref (a.us);
  g_free (a.secs);
  g_free (a.local);
}
