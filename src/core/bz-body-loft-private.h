/* bz-body-loft-private.h — lofting helpers shared by the body model's files
 * (sections, key interpolation, ring emission).  Private to src/core. */
#pragma once

#include "bz-body-model.h"

G_BEGIN_DECLS

#define BZ_TAU (2 * G_PI)

/* A superellipse section |u1/a|^p + |u2/b|^p = 1 centred at (x, z) of its
 * 2-D frame; the half-width along u1 grows by (1 + egg) on the +u2 side. */
typedef struct
{
  double x, z;
  double a, b;
  double p;
  double egg;
} BzSection;

#define BZ_LOFT_MAX_KEYS 32

/* Key sections along a loft coordinate u.  @nu is the key's nominal
 * coordinate (a constant of the layout, not of the body): the number of
 * rings between two keys comes from the nominal gap only, so a body's vertex
 * count and triangle list never depend on its measurements. */
typedef struct
{
  guint n;
  double u[BZ_LOFT_MAX_KEYS];
  double nu[BZ_LOFT_MAX_KEYS];
  BzSection s[BZ_LOFT_MAX_KEYS];
} BzKeys;

void       bz_keys_add (BzKeys *k, double u, double nu, BzSection s);
BzSection  bz_keys_eval (const BzKeys *k, double u);
/* Loft coordinates of the rings: every key, plus ceil(nominal gap / @step)
 * − 1 evenly spaced rings between consecutive keys.  Each element is a
 * (u, key index or −1) pair of doubles. */
GArray    *bz_keys_sample (const BzKeys *k, double step);
guint      bz_keys_ring_count (const BzKeys *k, double step);

void       bz_section_point (const BzSection *s, double t, double *u1, double *u2);
double     bz_section_perimeter (const BzSection *s, guint n, double phase);
/* A section whose @n-gon (sampled at t = @phase + 2πi/n) has perimeter
 * @perim_m, with depth/width ratio @ratio and exponent @p: the polygon is
 * measured and the section scaled to it (exact up to rounding). */
BzSection  bz_section_fit (double perim_m, double ratio, double p, guint n, double phase);
BzSection  bz_section_ab (double a, double b, double z, double p);
/* Scales a section's size (not its centre) by @f. */
BzSection  bz_section_scaled (BzSection s, double f);

guint32    bz_loft_vertex (BzMesh *mesh, double x, double y, double z);
void       bz_loft_tri (BzMesh *mesh, guint32 a, guint32 b, guint32 c);
/* Quads between ring @upper and the next ring down the tube, @lower; each
 * ring's order satisfies e1 × e2 = the direction down the tube. */
void       bz_loft_band (BzMesh *mesh, const guint32 *upper, const guint32 *lower, guint n);
void       bz_loft_cap_start (BzMesh *mesh, guint32 pole, const guint32 *ring, guint n);
void       bz_loft_cap_end (BzMesh *mesh, const guint32 *ring, guint32 pole, guint n);

double     bz_smoothstep (double e0, double e1, double x);

G_END_DECLS
