/* bz-body-analytics.h — body-composition progress over a patient's scans
 * (issue 8; seed 001 "GET /api/analytics/body/... - Body composition trend
 * analysis"; seed 000 story 4.4 criteria 4 and 8: progress comparison and
 * progress visualization data).
 *
 * Pure arithmetic on the values of each scan: the derived masses, the
 * waist-to-height ratio, the change between two scans and the rate per week
 * of a series (least-squares slope).  No I/O; the service fills the samples.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BzBodyMetric:
 * The series Balanza follows, in the order of the API's lists.  Weight,
 * body fat, skeletal muscle, the circumferences and the segmental masses
 * are measured; fat mass, lean mass and the waist-to-height ratio are
 * derived by bz_body_sample_derive().
 */
typedef enum
{
  BZ_BODY_WEIGHT_KG,
  BZ_BODY_FAT_MASS_KG,
  BZ_BODY_LEAN_MASS_KG,
  BZ_BODY_FAT_PERCENT,
  BZ_BODY_SKELETAL_MUSCLE_MASS_KG,
  BZ_BODY_WAIST_TO_HEIGHT_RATIO,
  BZ_BODY_NECK_CM,
  BZ_BODY_CHEST_CM,
  BZ_BODY_WAIST_CM,
  BZ_BODY_HIP_CM,
  BZ_BODY_ARM_CM,
  BZ_BODY_THIGH_CM,
  BZ_BODY_CALF_CM,
  BZ_BODY_LEAN_RIGHT_ARM_KG,
  BZ_BODY_LEAN_LEFT_ARM_KG,
  BZ_BODY_LEAN_TRUNK_KG,
  BZ_BODY_LEAN_RIGHT_LEG_KG,
  BZ_BODY_LEAN_LEFT_LEG_KG,
  BZ_BODY_FAT_RIGHT_ARM_KG,
  BZ_BODY_FAT_LEFT_ARM_KG,
  BZ_BODY_FAT_TRUNK_KG,
  BZ_BODY_FAT_RIGHT_LEG_KG,
  BZ_BODY_FAT_LEFT_LEG_KG,
  BZ_BODY_N_METRICS
} BzBodyMetric;

/** bz_body_metric_name: Returns: (transfer none): the API's name ("weight_kg", "waist_to_height_ratio", "lean_trunk_kg"). */
const char *bz_body_metric_name (BzBodyMetric metric);
/** bz_body_metric_unit: Returns: (transfer none): "kg", "%", "cm" or "ratio". */
const char *bz_body_metric_unit (BzBodyMetric metric);

/**
 * BzBodySample:
 * @time_s: when the scan was taken, seconds since the Unix epoch
 * @height_cm: the scan's height
 * @values: one per #BzBodyMetric; NAN when not measured
 */
typedef struct
{
  gint64 time_s;
  double height_cm;
  double values[BZ_BODY_N_METRICS];
} BzBodySample;

/**
 * bz_body_sample_init:
 * Sets every value of @s to NAN and its time and height to 0.
 */
void   bz_body_sample_init (BzBodySample *s);

/**
 * bz_body_sample_derive:
 * @s: a sample with weight, body fat percent, height and waist as measured
 *
 * Fills the derived values: fat mass = weight × body fat % / 100 (kg; the
 * definition of percent body fat), lean mass = weight − fat mass (fat-free
 * mass, kg; two-compartment model, Siri 1961), and waist-to-height ratio =
 * waist / height (Ashwell M, Hsieh SD, Int J Food Sci Nutr 2005;56:303-7:
 * 0.5 the boundary of raised risk).  Each stays NAN without its inputs.
 */
void   bz_body_sample_derive (BzBodySample *s);

/**
 * bz_body_ols_slope:
 * @x: (array length=n): abscissae
 * @y: (array length=n): ordinates
 *
 * The ordinary least-squares slope of @y on @x: Σ(x−x̄)(y−ȳ) / Σ(x−x̄)²
 * (e.g. Montgomery DC, Runger GC, Applied Statistics and Probability for
 * Engineers, 6th ed., §11-2), computed about the means for stability.
 *
 * Returns: the slope in units of @y per unit of @x; NAN with fewer than two
 *   points or when every @x is the same.
 */
double bz_body_ols_slope (const double *x, const double *y, guint n);

/**
 * BzBodyTrend:
 * @n: samples with a value
 * @first: the earliest value (NAN when @n is 0)
 * @last: the latest value
 * @change: @last − @first (NAN when @n < 1)
 * @rate_per_week: bz_body_ols_slope() of value on time in days, × 7: the
 *   trend's change per week (NAN with fewer than two samples or all on the
 *   same instant)
 */
typedef struct
{
  guint n;
  double first, last, change, rate_per_week;
} BzBodyTrend;

/**
 * bz_body_trend:
 * @samples: (array length=n): oldest first
 * @metric: which value
 * @out: (out): the trend of @metric over the samples that have it
 */
void   bz_body_trend (const BzBodySample *samples, guint n, BzBodyMetric metric, BzBodyTrend *out);

G_END_DECLS
