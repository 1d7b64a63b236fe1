/* bz-avatar-morph.c — two scans' bodies vertex by vertex, and the change as colour (issue 8). */
#include "bz-avatar-morph.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>

/* ColorBrewer 2.0 RdBu, 9 classes, reversed (blue = lost, red = gained):
 * #2166ac #4393c3 #92c5de #d1e5f0 #f7f7f7 #fddbc7 #f4a582 #d6604d #b2182b. */
const float bz_avatar_morph_palette[BZ_AVATAR_MORPH_PALETTE_SIZE][3] = {
  { 0x21 / 255.f, 0x66 / 255.f, 0xac / 255.f },
  { 0x43 / 255.f, 0x93 / 255.f, 0xc3 / 255.f },
  { 0x92 / 255.f, 0xc5 / 255.f, 0xde / 255.f },
  { 0xd1 / 255.f, 0xe5 / 255.f, 0xf0 / 255.f },
  { 0xf7 / 255.f, 0xf7 / 255.f, 0xf7 / 255.f },
  { 0xfd / 255.f, 0xdb / 255.f, 0xc7 / 255.f },
  { 0xf4 / 255.f, 0xa5 / 255.f, 0x82 / 255.f },
  { 0xd6 / 255.f, 0x60 / 255.f, 0x4d / 255.f },
  { 0xb2 / 255.f, 0x18 / 255.f, 0x2b / 255.f },
};

void
bz_avatar_morph_color (double change_cm, double range_cm, float rgb[3])
{
  double x = CLAMP (change_cm / MAX (range_cm, 1e-6), -1.0, 1.0);
  double pos = (x + 1.0) * 0.5 * (BZ_AVATAR_MORPH_PALETTE_SIZE - 1);
  guint i = MIN ((guint) floor (pos), BZ_AVATAR_MORPH_PALETTE_SIZE - 2);
  double f = pos - i;

  for (guint k = 0; k < 3; k++)
    rgb[k] = bz_avatar_morph_palette[i][k] * (1 - f) + bz_avatar_morph_palette[i + 1][k] * f;
}

double
bz_avatar_morph_nice_range (double max_abs_cm)
{
  static const double steps[] = { 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50 };
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (max_abs_cm <= steps[i])
      return steps[i];
  return 50;
}

BzAvatarMorph *
bz_avatar_morph_new (BzScanMesh *from, BzScanMesh *to, GError **error)
{
  BzAvatarMorph *morph;
  guint nv;
  const float *pa, *pb, *na;

  g_return_val_if_fail (from != NULL && to != NULL, NULL);
  if (g_strcmp0 (from->sex, to->sex) != 0 || !bz_scan_mesh_same_topology (from, to))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("These two scans were recorded with a different sex, so one body cannot turn into the other."));
      return NULL;
    }

  morph = g_atomic_rc_box_new0 (BzAvatarMorph);
  morph->from = bz_scan_mesh_ref (from);
  morph->to = bz_scan_mesh_ref (to);
  nv = bz_scan_mesh_vertex_count (from);
  morph->change_cm = g_array_sized_new (FALSE, FALSE, sizeof (float), nv);
  g_array_set_size (morph->change_cm, nv);
  pa = (const float *) from->positions->data;
  pb = (const float *) to->positions->data;
  na = (const float *) from->normals->data;
  for (guint i = 0; i < nv; i++)
    {
      double d = 0;
      for (guint k = 0; k < 3; k++)
        d += (pb[3 * i + k] - pa[3 * i + k]) * na[3 * i + k];
      g_array_index (morph->change_cm, float, i) = d * 100.0;
      morph->max_abs_cm = MAX (morph->max_abs_cm, fabs (d * 100.0));
    }
  morph->range_cm = bz_avatar_morph_nice_range (morph->max_abs_cm);
  for (guint k = 0; k < 3; k++)
    {
      morph->min[k] = MIN (from->min[k], to->min[k]);
      morph->max[k] = MAX (from->max[k], to->max[k]);
    }
  return morph;
}

BzAvatarMorph *
bz_avatar_morph_ref (BzAvatarMorph *morph)
{
  return g_atomic_rc_box_acquire (morph);
}

static void
morph_clear (gpointer data)
{
  BzAvatarMorph *morph = data;
  g_clear_pointer (&morph->from, bz_scan_mesh_unref);
  g_clear_pointer (&morph->to, bz_scan_mesh_unref);
  g_clear_pointer (&morph->change_cm, g_array_unref);
}

void
bz_avatar_morph_unref (BzAvatarMorph *morph)
{
  if (morph)
    g_atomic_rc_box_release_full (morph, morph_clear);
}
