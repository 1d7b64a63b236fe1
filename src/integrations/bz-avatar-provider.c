/* bz-avatar-provider.c — the 3D-scan / avatar service kind. */
#include "bz-avatar-provider.h"

G_DEFINE_INTERFACE (BzAvatarProvider, bz_avatar_provider, G_TYPE_OBJECT)

static void
bz_avatar_provider_default_init (BzAvatarProviderInterface *iface)
{
}

const char *
bz_avatar_provider_get_name (BzAvatarProvider *self)
{
  g_return_val_if_fail (BZ_IS_AVATAR_PROVIDER (self), NULL);
  BzAvatarProviderInterface *iface = BZ_AVATAR_PROVIDER_GET_IFACE (self);
  g_return_val_if_fail (iface->get_name != NULL, NULL);
  return iface->get_name (self);
}

GBytes *
bz_avatar_provider_generate (BzAvatarProvider         *self,
                             const BzBodyMeasurements *m,
                             BzAvatarInfo             *out_info,
                             GCancellable             *cancellable,
                             GError                  **error)
{
  g_return_val_if_fail (BZ_IS_AVATAR_PROVIDER (self), NULL);
  g_return_val_if_fail (m != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  BzAvatarProviderInterface *iface = BZ_AVATAR_PROVIDER_GET_IFACE (self);
  g_return_val_if_fail (iface->generate != NULL, NULL);

  BzAvatarInfo info = { 0, 0 };
  GBytes *glb = iface->generate (self, m, &info, cancellable, error);
  if (glb != NULL && out_info != NULL)
    *out_info = info;
  return glb;
}
