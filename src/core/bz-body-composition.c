/* bz-body-composition.c — the body model's composition: completing missing
 * circumferences, body density and the volume target, body fat estimated
 * when it was not measured, and the shape parameters composition sets. */
#include "bz-body-model-private.h"

#include <math.h>

#define GUT_GAS_M3 1e-4   /* 100 mL, the usual allowance in hydrostatic weighing
                           * (Buskirk ER, in Brozek & Henschel 1961, pp. 90-106) */

double
bz_body_density_siri (double body_fat_percent)
{
  return 1000.0 * 495.0 / (body_fat_percent + 450.0);
}

double
bz_body_residual_volume_l (BzSex sex, double age_years, double height_cm)
{
  double age = age_years > 0 ? age_years : 40;
  double rv = sex == BZ_SEX_MALE ? 0.017 * age + 0.027 * height_cm - 3.477
                                 : 0.009 * age + 0.032 * height_cm - 3.90;
  return MAX (rv, 0.5);
}

/* Deurenberg et al. 1991: see bz-body-model.h. */
double
bz_body_fat_deurenberg (BzSex sex, double bmi, double age_years)
{
  return 1.2 * bmi + 0.23 * age_years - 10.8 * (sex == BZ_SEX_MALE ? 1 : 0) - 5.4;
}

/* Hodgdon & Beckett 1984 (US Navy): see bz-body-model.h. */
double
bz_body_fat_navy (BzSex sex, double h, double neck, double waist, double hip)
{
  gboolean male = sex == BZ_SEX_MALE;
  if (neck <= 0 || waist <= 0 || (!male && hip <= 0))
    return NAN;
  double d = male ? 1.0324 - 0.19077 * log10 (MAX (waist - neck, 5)) + 0.15456 * log10 (h)
                  : 1.29579 - 0.35004 * log10 (MAX (waist + hip - neck, 5)) + 0.22100 * log10 (h);
  return 495 / d - 450;
}

/* Relative fat mass (Woolcott OO, Bergman RN, "Relative fat mass (RFM) as a
 * new estimator of whole-body fat percentage", Sci Rep 2018;8:10980; against
 * DXA in NHANES): 64 − 20 height / waist (+ 12 for women). */
static double
bf_rfm (gboolean male, double h, double waist)
{
  return waist > 0 ? 64 - 20 * h / waist + (male ? 0 : 12) : NAN;
}

double
bz_body_composition_estimate (const BzBodyMeasurements *in)
{
  g_return_val_if_fail (in != NULL && in->height_cm > 0, 0);
  gboolean male = in->sex == BZ_SEX_MALE;
  double h = in->height_cm, hm = h / 100;
  double w = in->weight_kg > 0 ? in->weight_kg : 24 * hm * hm;
  double bmi = w / (hm * hm), age = in->age_years > 0 ? in->age_years : 40;

  /* Equations calibrated against densitometry (Siri), the reference this
   * estimate stands in for, combined by inverse variance with their
   * published standard errors of estimate: Navy 3.52 (men) and 3.72 (women)
   * points, Deurenberg 4.1.  Without the Navy's girths (no neck), RFM
   * (a DXA reference, SEE taken as Deurenberg's) joins the BMI equation so
   * the waist still counts.  Nothing here is fitted; docs/body-model.md has
   * the validation. */
  double est[2] = { bz_body_fat_deurenberg (in->sex, bmi, age), bz_body_fat_navy (in->sex, h, in->neck_cm, in->waist_cm, in->hip_cm) };
  double see[2] = { 4.1, male ? 3.52 : 3.72 };
  if (isnan (est[1]))
    {
      est[1] = bf_rfm (male, h, in->waist_cm);
      see[1] = 4.1;
    }
  double sum = 0, wsum = 0;
  for (guint i = 0; i < 2; i++)
    if (!isnan (est[i]))
      {
        sum += est[i] / (see[i] * see[i]);
        wsum += 1 / (see[i] * see[i]);
      }
  return CLAMP (sum / wsum, 3, 60);
}

/* Typical shares of fat-free mass in InBody's segments (an arm, the trunk, a
 * leg): a heuristic read from InBody 570 result sheets of average adults,
 * not fitted (men 3.5 / 28 / 10 kg of 64 kg, women 2.1 / 18.5 / 6.5 of 40). */
static double
lean_ratio (double measured_a, double measured_b, double ffm, double share)
{
  double got = 0;
  guint k = 0;
  if (measured_a > 0)
    got += measured_a, k++;
  if (measured_b > 0)
    got += measured_b, k++;
  if (k == 0 || ffm <= 0)
    return 1;
  /* Radii scale with the square root of the muscle's cross-section. */
  return CLAMP (sqrt (got / k / (share * ffm)), 0.85, 1.2);
}

void
bz_body_composition_apply (BzBody *b, const BzBodyMeasurements *m, BzBodyModelInfo *info)
{
  double bf = m->body_fat_percent;
  double age = m->age_years > 0 ? m->age_years : 40;
  double w = m->weight_kg > 0 ? m->weight_kg : 24 * b->H * b->H;

  g_assert (bf > 0);   /* measured, or estimated by the caller */
  b->fat_dev = CLAMP (bf - bz_body_fat_deurenberg (b->male ? BZ_SEX_MALE : BZ_SEX_FEMALE, w / (b->H * b->H), age), -20, 20);

  double ffm = w * (1 - bf / 100);
  b->arm_lean = lean_ratio (m->lean_right_arm_kg, m->lean_left_arm_kg, ffm, b->male ? 0.055 : 0.052);
  b->leg_lean = lean_ratio (m->lean_right_leg_kg, m->lean_left_leg_kg, ffm, b->male ? 0.156 : 0.162);
  b->trunk_lean = lean_ratio (m->lean_trunk_kg, 0, ffm, b->male ? 0.44 : 0.46);

  info->body_fat_percent = bf;
  info->density_kg_m3 = bz_body_density_siri (bf);
  info->residual_volume_m3 = bz_body_residual_volume_l (m->sex, m->age_years, m->height_cm) / 1000;
  info->gut_gas_m3 = GUT_GAS_M3;
  info->target_volume_m3 = w / info->density_kg_m3 + info->residual_volume_m3 + GUT_GAS_M3;
}

void
bz_body_measurements_complete (BzBodyMeasurements *m)
{
  g_return_if_fail (m != NULL);
  g_return_if_fail (m->height_cm > 0);

  gboolean male = m->sex == BZ_SEX_MALE;
  double h = m->height_cm, hm = h / 100;
  double w = m->weight_kg > 0 ? m->weight_kg : 24 * hm * hm;
  double bmi = w / (hm * hm);

  /* OLS on NHANES 2017–March 2020 (see the header): b0 + b1·BMI + b2·cm. */
  double waist = male ? -6.4655 + 2.4002 * bmi + 0.2204 * h
                      : -1.4515 + 2.0594 * bmi + 0.2369 * h;
  double hip = male ? -10.1357 + 1.7529 * bmi + 0.3656 * h
                    : -8.6133 + 1.8906 * bmi + 0.3802 * h;
  double arm = male ? -6.2954 + 0.6572 * bmi + 0.1236 * h
                    : -2.6248 + 0.6591 * bmi + 0.0967 * h;

  if (m->body_fat_percent > 0)
    {
      /* Deurenberg et al. 1991 expected body fat for this BMI. */
      double age = m->age_years > 0 ? m->age_years : 40;
      double dev = m->body_fat_percent - bz_body_fat_deurenberg (male ? BZ_SEX_MALE : BZ_SEX_FEMALE, bmi, age);
      waist += CLAMP (0.5 * dev, -8, 8);
      hip += CLAMP (0.25 * dev, -8, 8);
    }

  if (m->waist_cm <= 0)
    m->waist_cm = MAX (waist, 0.25 * h);
  if (m->hip_cm <= 0)
    m->hip_cm = MAX (hip, 0.35 * h);
  if (m->arm_cm <= 0)
    m->arm_cm = MAX (arm, 0.10 * h);

  /* Heuristics (see the header): not fitted to data. */
  double W = m->waist_cm, Hp = m->hip_cm, A = m->arm_cm;
  if (m->chest_cm <= 0)
    m->chest_cm = male ? 0.70 * W + 40 : 0.60 * W + 45;
  if (m->neck_cm <= 0)
    m->neck_cm = male ? 0.15 * W + 24 : 0.13 * W + 20.5;
  if (m->thigh_cm <= 0)
    m->thigh_cm = (male ? 0.58 : 0.60) * Hp;
  if (m->calf_cm <= 0)
    m->calf_cm = 0.22 * Hp + 14;
  /* Forearm ≈ 0.6 arm + 7 cm, wrist ≈ 0.3 arm + 6.5 cm (ANSUR II-like
   * ratios for average arms, growing more slowly with fat than the arm);
   * knee ≈ max(0.95 calf, 0.62 thigh) and ankle ≈ 0.6 calf: heuristics. */
  if (m->forearm_cm <= 0)
    m->forearm_cm = 0.6 * A + 7;
  if (m->wrist_cm <= 0)
    m->wrist_cm = 0.3 * A + 6.5;
  if (m->knee_cm <= 0)
    m->knee_cm = MAX (0.95 * m->calf_cm, 0.62 * m->thigh_cm);
  if (m->ankle_cm <= 0)
    m->ankle_cm = 0.6 * m->calf_cm;
}
