/* bz-avatar-morph.h — two scans' bodies, vertex by vertex: what the avatar
 * view morphs between, and the change along the surface as colour (issue 8).
 * Pure: no GL, no GTK; safe on any thread. */
#pragma once

#include "bz-scan-mesh-service.h"

G_BEGIN_DECLS

/**
 * BzAvatarMorph:
 * @from: the earlier scan's mesh; @to: the later one (same topology)
 * @change_cm: `float` per vertex: the signed displacement from @from to @to
 *   along @from's unit normal, in cm (> 0: the surface moved outwards,
 *   gained; < 0: lost)
 * @max_abs_cm: the largest |change| over the vertices, cm
 * @range_cm: the colour scale's half-width, cm (bz_avatar_morph_nice_range()
 *   of @max_abs_cm): −@range_cm and +@range_cm get the palette's ends
 * @min: @max: the bounding box of both meshes (m), so that views of either
 *   end, framed by it, are drawn at the same scale
 *
 * Reference counted (bz_avatar_morph_ref()/unref()); immutable once made.
 */
typedef struct
{
  BzScanMesh *from;
  BzScanMesh *to;
  GArray *change_cm;
  double max_abs_cm;
  double range_cm;
  float min[3];
  float max[3];
} BzAvatarMorph;

/**
 * bz_avatar_morph_new:
 * @from: (transfer none): the earlier mesh
 * @to: (transfer none): the later mesh
 * @error: %G_IO_ERROR_INVALID_DATA when the meshes cannot be morphed (a
 *   different sex or level of detail: not the same vertices and triangles)
 *
 * Computes the per-vertex change: (p_to − p_from) · n_from × 100 (cm).
 * The normal is the earlier body's, so the sign says whether the surface
 * moved out of or into the earlier body.
 *
 * Returns: (transfer full) (nullable): the morph, or %NULL with @error.
 */
BzAvatarMorph *bz_avatar_morph_new   (BzScanMesh *from, BzScanMesh *to, GError **error);
/** bz_avatar_morph_ref: Returns: (transfer full): @morph, one more reference (thread-safe). */
BzAvatarMorph *bz_avatar_morph_ref   (BzAvatarMorph *morph);
/** bz_avatar_morph_unref: drops a reference; the last frees the morph and its meshes' references. %NULL is ignored. */
void           bz_avatar_morph_unref (BzAvatarMorph *morph);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzAvatarMorph, bz_avatar_morph_unref)

/**
 * bz_avatar_morph_nice_range:
 * @max_abs_cm: the largest change, cm
 *
 * Returns: the colour scale's half-width: the smallest of 1, 2, 3, 4, 5, 6,
 *   8, 10, 12, 15, 20, 25, 30, 40, 50 cm that is ≥ @max_abs_cm (50 beyond),
 *   so the legend reads in round numbers.
 */
double         bz_avatar_morph_nice_range (double max_abs_cm);

/**
 * BZ_AVATAR_MORPH_PALETTE_SIZE:
 * bz_avatar_morph_palette: the diverging colour map, sRGB 0..1, from "lost"
 * (index 0, dark blue) through white-grey (the middle, no change) to
 * "gained" (the last, dark red): ColorBrewer 2.0's 9-class RdBu, reversed
 * (Brewer CA, Harrower M, The Pennsylvania State University,
 * https://colorbrewer2.org, scheme "RdBu", marked colour-blind safe there).
 * Blue against red stays distinct for protanopes and deuteranopes because
 * it runs along the blue–yellow axis they keep (Moreland K, "Diverging
 * Color Maps for Scientific Visualization", ISVC 2009, section 3).
 * The shader (avatar.frag) and the legend both use this array.
 */
#define BZ_AVATAR_MORPH_PALETTE_SIZE 9
extern const float bz_avatar_morph_palette[BZ_AVATAR_MORPH_PALETTE_SIZE][3];

/**
 * bz_avatar_morph_color:
 * @change_cm: a change, cm
 * @range_cm: the scale's half-width (> 0), cm
 * @rgb: (out caller-allocates) (array fixed-size=3): sRGB 0..1
 *
 * The colour of @change_cm: @change_cm / @range_cm clamped to −1..1, mapped
 * linearly onto the palette (−1 its first entry, 0 the middle, +1 the last),
 * interpolated between neighbouring entries, as avatar.frag does.
 */
void           bz_avatar_morph_color (double change_cm, double range_cm, float rgb[3]);

G_END_DECLS
