/* bz-body-model-private.h — the body being built, shared by the body
 * model's files (trunk and legs, arms, composition).  Private to src/core. */
#pragma once

#include "bz-body-loft-private.h"

G_BEGIN_DECLS

typedef struct
{
  double H;                 /* stature, m */
  double bmi, adip;         /* adiposity: 0 at BMI 22, 1 at BMI 32 */
  gboolean male;
  /* circumferences, m (completed) */
  double neck, chest, waist, hip, arm, thigh, calf, forearm, wrist, knee, ankle;
  double fat_dev;           /* body fat − the fat expected for the BMI, points */
  double arm_lean, leg_lean, trunk_lean;  /* measured / expected lean (1 = typical) */
  double fill;              /* scale of the unmeasured sections (volume) */
  guint n;                  /* trunk ring vertices (multiple of 4) */
  double step;              /* nominal ring spacing, fraction of H */
  double theta;             /* arm abduction, rad */
  BzSection crotch, hip_s, waist_s, chest_s;
  BzBodySitePlane sites[BZ_BODY_N_SITES];
} BzBody;

void bz_body_set_site (BzBody *b, BzBodySite site, double x, double y, double z, double c);
/* Appends both arms, placed beside the trunk and legs already in @mesh (or,
 * when !@place, anywhere: for measuring the volume only). */
void bz_body_build_arms (BzBody *b, BzMesh *mesh, gboolean place);
/* Sets the body's composition-driven shape parameters and the volume
 * target in @info (body fat, density, residual volume, gut gas) for the
 * completed @m, whose body fat is measured or already estimated. */
void bz_body_composition_apply (BzBody *b, const BzBodyMeasurements *m, BzBodyModelInfo *info);

G_END_DECLS
