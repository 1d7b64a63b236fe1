/* bz-body-analytics.c — progress arithmetic (bz-body-analytics.h). */
#include "bz-body-analytics.h"

#include <math.h>

static const struct { const char *name, *unit; } metrics[] = {
  [BZ_BODY_WEIGHT_KG] = { "weight_kg", "kg" },
  [BZ_BODY_FAT_MASS_KG] = { "fat_mass_kg", "kg" },
  [BZ_BODY_LEAN_MASS_KG] = { "lean_mass_kg", "kg" },
  [BZ_BODY_FAT_PERCENT] = { "body_fat_percent", "%" },
  [BZ_BODY_SKELETAL_MUSCLE_MASS_KG] = { "skeletal_muscle_mass_kg", "kg" },
  [BZ_BODY_WAIST_TO_HEIGHT_RATIO] = { "waist_to_height_ratio", "ratio" },
  [BZ_BODY_NECK_CM] = { "neck_cm", "cm" },
  [BZ_BODY_CHEST_CM] = { "chest_cm", "cm" },
  [BZ_BODY_WAIST_CM] = { "waist_cm", "cm" },
  [BZ_BODY_HIP_CM] = { "hip_cm", "cm" },
  [BZ_BODY_ARM_CM] = { "arm_cm", "cm" },
  [BZ_BODY_THIGH_CM] = { "thigh_cm", "cm" },
  [BZ_BODY_CALF_CM] = { "calf_cm", "cm" },
  [BZ_BODY_LEAN_RIGHT_ARM_KG] = { "lean_right_arm_kg", "kg" },
  [BZ_BODY_LEAN_LEFT_ARM_KG] = { "lean_left_arm_kg", "kg" },
  [BZ_BODY_LEAN_TRUNK_KG] = { "lean_trunk_kg", "kg" },
  [BZ_BODY_LEAN_RIGHT_LEG_KG] = { "lean_right_leg_kg", "kg" },
  [BZ_BODY_LEAN_LEFT_LEG_KG] = { "lean_left_leg_kg", "kg" },
  [BZ_BODY_FAT_RIGHT_ARM_KG] = { "fat_right_arm_kg", "kg" },
  [BZ_BODY_FAT_LEFT_ARM_KG] = { "fat_left_arm_kg", "kg" },
  [BZ_BODY_FAT_TRUNK_KG] = { "fat_trunk_kg", "kg" },
  [BZ_BODY_FAT_RIGHT_LEG_KG] = { "fat_right_leg_kg", "kg" },
  [BZ_BODY_FAT_LEFT_LEG_KG] = { "fat_left_leg_kg", "kg" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (metrics) == BZ_BODY_N_METRICS);

const char *
bz_body_metric_name (BzBodyMetric metric)
{
  g_return_val_if_fail (metric < BZ_BODY_N_METRICS, NULL);
  return metrics[metric].name;
}

const char *
bz_body_metric_unit (BzBodyMetric metric)
{
  g_return_val_if_fail (metric < BZ_BODY_N_METRICS, NULL);
  return metrics[metric].unit;
}

void
bz_body_sample_init (BzBodySample *s)
{
  s->time_s = 0;
  s->height_cm = 0;
  for (guint i = 0; i < BZ_BODY_N_METRICS; i++)
    s->values[i] = NAN;
}

void
bz_body_sample_derive (BzBodySample *s)
{
  double w = s->values[BZ_BODY_WEIGHT_KG], bf = s->values[BZ_BODY_FAT_PERCENT];
  double waist = s->values[BZ_BODY_WAIST_CM];

  if (isfinite (w) && isfinite (bf))
    {
      s->values[BZ_BODY_FAT_MASS_KG] = w * bf / 100.0;
      s->values[BZ_BODY_LEAN_MASS_KG] = w - s->values[BZ_BODY_FAT_MASS_KG];
    }
  if (isfinite (waist) && s->height_cm > 0)
    s->values[BZ_BODY_WAIST_TO_HEIGHT_RATIO] = waist / s->height_cm;
}

double
bz_body_ols_slope (const double *x, const double *y, guint n)
{
  double mx = 0, my = 0, sxy = 0, sxx = 0;

  if (n < 2)
    return NAN;
  for (guint i = 0; i < n; i++)
    mx += x[i], my += y[i];
  mx /= n;
  my /= n;
  for (guint i = 0; i < n; i++)
    {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
  return sxx > 0 ? sxy / sxx : NAN;
}

void
bz_body_trend (const BzBodySample *samples, guint n, BzBodyMetric metric, BzBodyTrend *out)
{
  g_autofree double *x = g_new (double, MAX (n, 1));
  g_autofree double *y = g_new (double, MAX (n, 1));
  guint k = 0;

  out->n = 0;
  out->first = out->last = out->change = out->rate_per_week = NAN;
  for (guint i = 0; i < n; i++)
    {
      double v = samples[i].values[metric];
      if (!isfinite (v))
        continue;
      /* Days since the first sample: small numbers, no loss of precision. */
      x[k] = (double) (samples[i].time_s - samples[0].time_s) / 86400.0;
      y[k] = v;
      k++;
    }
  if (k == 0)
    return;
  out->n = k;
  out->first = y[0];
  out->last = y[k - 1];
  out->change = out->last - out->first;
  out->rate_per_week = bz_body_ols_slope (x, y, k) * 7.0;
}
