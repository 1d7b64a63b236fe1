/* bz-local-avatar-provider.h — the embedded avatar provider (body model → GLB). */
#pragma once

#include "bz-avatar-provider.h"

G_BEGIN_DECLS

#define BZ_TYPE_LOCAL_AVATAR_PROVIDER (bz_local_avatar_provider_get_type ())
G_DECLARE_FINAL_TYPE (BzLocalAvatarProvider, bz_local_avatar_provider, BZ, LOCAL_AVATAR_PROVIDER, GObject)

/**
 * bz_local_avatar_provider_new:
 *
 * The embedded provider: builds the parametric body model
 * (bz_body_model_build(), LOD 0) and writes it with bz_gltf_write_glb().
 * Works offline; never fails for valid measurements.
 *
 * Returns: (transfer full): a new #BzAvatarProvider named "local".
 */
BzAvatarProvider *bz_local_avatar_provider_new (void);

G_END_DECLS
