/* bz-avatar-provider.h — the 3D-scan / avatar service kind (seed 000 story 4.4).
 *
 * A BzAvatarProvider turns body measurements (an InBody scan plus tape
 * circumferences) into a binary glTF 2.0 avatar.  The embedded provider is
 * BzLocalAvatarProvider (parametric body model → GLB); remote providers speak
 * the HTTP JSON contract and are wrapped by the resilience decorator.
 */
#pragma once

#include <gio/gio.h>

#include "bz-body-model.h"

G_BEGIN_DECLS

/**
 * BzAvatarInfo:
 * @vertex_count: vertices in the generated mesh
 * @triangle_count: triangles in the generated mesh
 * @provider: (nullable): the name of the provider that made it ("local",
 *   "http"), static; %NULL: the configured one (set by the service layer
 *   when the avatar went through the fallback chain)
 * @source: (nullable): where it came from in that chain ("remote",
 *   "local"; bz_resilient_source_name()), static; %NULL: no chain
 *
 * Facts about a generated avatar, filled by bz_avatar_provider_generate()
 * (the counts) and the service layer (@provider, @source).
 */
typedef struct
{
  guint vertex_count;
  guint triangle_count;
  const char *provider;
  const char *source;
} BzAvatarInfo;

#define BZ_TYPE_AVATAR_PROVIDER (bz_avatar_provider_get_type ())
G_DECLARE_INTERFACE (BzAvatarProvider, bz_avatar_provider, BZ, AVATAR_PROVIDER, GObject)

/**
 * BzAvatarProviderInterface:
 * @get_name: returns a short static provider name ("local", "http", ...)
 * @generate: builds the avatar; may block (call it from a worker thread)
 */
struct _BzAvatarProviderInterface
{
  GTypeInterface parent_iface;

  const char *(*get_name) (BzAvatarProvider *self);
  GBytes     *(*generate) (BzAvatarProvider         *self,
                           const BzBodyMeasurements *m,
                           BzAvatarInfo             *out_info,
                           GCancellable             *cancellable,
                           GError                  **error);
};

/**
 * bz_avatar_provider_get_name:
 * @self: a #BzAvatarProvider
 *
 * Returns: (transfer none): the provider's short name, e.g. "local".
 */
const char *bz_avatar_provider_get_name (BzAvatarProvider *self);

/**
 * bz_avatar_provider_generate:
 * @self: a #BzAvatarProvider
 * @m: body measurements (lengths in cm, masses in kg); circumferences left
 *   at 0 are estimated by the provider
 * @out_info: (out) (optional): vertex and triangle counts of the avatar
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Generates the avatar as binary glTF 2.0 (GLB).  Blocking: run it on the
 * worker pool, never on the GUI or server thread.
 *
 * Errors: %BZ_ERROR_VALIDATION for impossible measurements,
 *   %BZ_ERROR_UPSTREAM / %BZ_ERROR_UNAVAILABLE for remote failures,
 *   %G_IO_ERROR_CANCELLED when @cancellable is cancelled.
 * Returns: (transfer full): the GLB bytes, or %NULL with @error set.
 */
GBytes     *bz_avatar_provider_generate (BzAvatarProvider         *self,
                                         const BzBodyMeasurements *m,
                                         BzAvatarInfo             *out_info,
                                         GCancellable             *cancellable,
                                         GError                  **error);

G_END_DECLS
