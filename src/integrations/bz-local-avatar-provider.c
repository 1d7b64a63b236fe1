/* bz-local-avatar-provider.c — the embedded avatar provider (body model → GLB). */
#include "bz-local-avatar-provider.h"

#include <glib/gi18n.h>

#include "bz-error.h"
#include "bz-gltf.h"

struct _BzLocalAvatarProvider
{
  GObject parent_instance;
};

static void bz_local_avatar_provider_iface_init (BzAvatarProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BzLocalAvatarProvider, bz_local_avatar_provider, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BZ_TYPE_AVATAR_PROVIDER,
                                                      bz_local_avatar_provider_iface_init))

/* Plausible human ranges (cm, kg): wide enough for every adult in NHANES
 * 2017–2020 (height 131–200 cm, weight 33–205 kg, waist 56–178 cm) and for
 * children, narrow enough to reject unit mistakes (m for cm, g for kg). */
static gboolean
check_range (BzValidation *v, const char *field, double value, double lo, double hi, gboolean optional)
{
  if (optional && value == 0)
    return TRUE;
  if (!(value >= lo && value <= hi))
    {
      g_autofree char *msg = g_strdup_printf (_("Must be between %g and %g"), lo, hi);
      bz_validation_add (v, field, "out_of_range", msg);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate (const BzBodyMeasurements *m, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;

  check_range (&v, "height_cm", m->height_cm, 50, 272, FALSE);
  check_range (&v, "weight_kg", m->weight_kg, 2, 400, TRUE);
  check_range (&v, "age_years", m->age_years, 0, 130, TRUE);
  check_range (&v, "body_fat_percent", m->body_fat_percent, 1, 75, TRUE);
  check_range (&v, "skeletal_muscle_mass_kg", m->skeletal_muscle_mass_kg, 1, 150, TRUE);
  check_range (&v, "circumferences_cm.neck", m->neck_cm, 15, 80, TRUE);
  check_range (&v, "circumferences_cm.chest", m->chest_cm, 40, 250, TRUE);
  check_range (&v, "circumferences_cm.waist", m->waist_cm, 35, 250, TRUE);
  check_range (&v, "circumferences_cm.hip", m->hip_cm, 40, 250, TRUE);
  check_range (&v, "circumferences_cm.arm", m->arm_cm, 10, 80, TRUE);
  check_range (&v, "circumferences_cm.thigh", m->thigh_cm, 20, 120, TRUE);
  check_range (&v, "circumferences_cm.calf", m->calf_cm, 15, 80, TRUE);
  return bz_validation_finish (&v, error);
}

static const char *
bz_local_avatar_provider_get_name (BzAvatarProvider *provider)
{
  return "local";
}

static GBytes *
bz_local_avatar_provider_generate (BzAvatarProvider         *provider,
                                   const BzBodyMeasurements *m,
                                   BzAvatarInfo             *out_info,
                                   GCancellable             *cancellable,
                                   GError                  **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!validate (m, error))
    return NULL;

  BzBodyMeasurements full = *m;
  bz_body_measurements_complete (&full);

  g_autoptr(BzMesh) mesh = bz_body_model_build (&full, 0);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  BzGltfOptions opts = { 0 };
  opts.measurements = &full;
  opts.lod = 0;
  GBytes *glb = bz_gltf_write_glb (mesh, &opts, error);
  if (glb == NULL)
    return NULL;

  out_info->vertex_count = bz_mesh_vertex_count (mesh);
  out_info->triangle_count = bz_mesh_triangle_count (mesh);
  return glb;
}

static void
bz_local_avatar_provider_iface_init (BzAvatarProviderInterface *iface)
{
  iface->get_name = bz_local_avatar_provider_get_name;
  iface->generate = bz_local_avatar_provider_generate;
}

static void
bz_local_avatar_provider_class_init (BzLocalAvatarProviderClass *klass)
{
}

static void
bz_local_avatar_provider_init (BzLocalAvatarProvider *self)
{
}

BzAvatarProvider *
bz_local_avatar_provider_new (void)
{
  return BZ_AVATAR_PROVIDER (g_object_new (BZ_TYPE_LOCAL_AVATAR_PROVIDER, NULL));
}
