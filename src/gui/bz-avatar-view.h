/* bz-avatar-view.h — the 3D body avatar in a GtkGLArea (OpenGL 3.3 core). */
#pragma once

#include <gtk/gtk.h>

#include "bz-glb.h"
#include "bz-avatar-morph.h"

G_BEGIN_DECLS

#define BZ_TYPE_AVATAR_VIEW (bz_avatar_view_get_type ())
G_DECLARE_FINAL_TYPE (BzAvatarView, bz_avatar_view, BZ, AVATAR_VIEW, GtkGLArea)

GtkWidget *bz_avatar_view_new (void);

/**
 * bz_avatar_view_set_mesh:
 * @mesh: (transfer full) (nullable): the mesh to show, in metres, +Y up,
 *   facing +Z; %NULL shows only the floor
 * Uploads on the next frame and resets the camera to frame the body.
 */
void      bz_avatar_view_set_mesh        (BzAvatarView *self, BzGlbMesh *mesh);

/**
 * bz_avatar_view_set_morph:
 * @morph: (transfer none) (nullable): two scans' bodies (bz-avatar-morph.h);
 *   replaces the mesh.  %NULL shows only the floor
 *
 * Draws the body between @morph's two meshes at the morph position
 * (bz_avatar_view_set_morph_position()), framed by the box of both so that
 * two views of the same morph are at the same scale.  The camera is kept.
 */
void      bz_avatar_view_set_morph       (BzAvatarView *self, BzAvatarMorph *morph);

/**
 * bz_avatar_view_set_morph_position:
 * @t: 0 (the earlier body) .. 1 (the later); clamped
 *
 * Positions and normals are interpolated linearly per vertex on the GPU
 * (normals renormalised), and the change shown as colour is @t times the
 * whole change.
 */
void      bz_avatar_view_set_morph_position (BzAvatarView *self, double t);
/** bz_avatar_view_get_morph_position: Returns: the morph position, 0..1. */
double    bz_avatar_view_get_morph_position (BzAvatarView *self);

/**
 * bz_avatar_view_set_heatmap:
 * @heat: %TRUE colours a morph's body by the change along its surface
 *   (bz_avatar_morph_color(), ± the morph's range_cm) instead of skin
 */
void      bz_avatar_view_set_heatmap     (BzAvatarView *self, gboolean heat);

/** bz_avatar_view_has_mesh: Returns: %TRUE when a mesh or a morph is set. */
gboolean  bz_avatar_view_has_mesh        (BzAvatarView *self);

/** bz_avatar_view_reset_camera: front three-quarter view, body framed (Home key). */
void      bz_avatar_view_reset_camera    (BzAvatarView *self);

/**
 * bz_avatar_view_rotate:
 * @dyaw: degrees about the vertical axis; @dpitch: degrees up/down (clamped)
 */
void      bz_avatar_view_rotate          (BzAvatarView *self, double dyaw, double dpitch);

/** bz_avatar_view_zoom: @factor > 1 moves closer; clamped to 0.4..3. */
void      bz_avatar_view_zoom            (BzAvatarView *self, double factor);

/**
 * bz_avatar_view_get_frames_with_mesh:
 * Returns: how many frames were drawn with the current mesh (0 until the GPU
 * has drawn it); tests wait for this before taking a screenshot.
 */
guint     bz_avatar_view_get_frames_with_mesh (BzAvatarView *self);

G_END_DECLS
