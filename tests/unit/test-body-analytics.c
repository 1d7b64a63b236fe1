/* test-body-analytics.c — the arithmetic of bz-body-analytics.h: the
 * least-squares slope against hand-computed values, the derived masses and
 * waist-to-height ratio, and trends with gaps, one point and no point. */
#include <glib.h>
#include <math.h>

#include "bz-body-analytics.h"

static void
test_ols (void)
{
  /* y = 2x + 1 exactly: slope 2. */
  const double x[] = { 0, 1, 2, 3 }, y[] = { 1, 3, 5, 7 };
  /* Hand-computed: x̄ = 2, ȳ = 2.6; Σ(x−x̄)(y−ȳ) = 4.0, Σ(x−x̄)² = 10 -> 0.4. */
  const double x2[] = { 0, 1, 2, 3, 4 }, y2[] = { 2, 2, 3, 2, 4 };
  const double same[] = { 5, 5, 5 };

  g_assert_cmpfloat_with_epsilon (bz_body_ols_slope (x, y, 4), 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (bz_body_ols_slope (x2, y2, 5), 0.4, 1e-12);
  g_assert_true (isnan (bz_body_ols_slope (x, y, 1)));
  g_assert_true (isnan (bz_body_ols_slope (same, y, 3)));
  /* Large abscissae (Unix seconds) lose nothing: slope computed about the mean. */
  {
    const double big[] = { 1.7e9, 1.7e9 + 1, 1.7e9 + 2 }, yb[] = { 10, 11, 12 };
    g_assert_cmpfloat_with_epsilon (bz_body_ols_slope (big, yb, 3), 1.0, 1e-9);
  }
}

static void
test_derive (void)
{
  BzBodySample s;

  bz_body_sample_init (&s);
  bz_body_sample_derive (&s);
  g_assert_true (isnan (s.values[BZ_BODY_FAT_MASS_KG]));
  g_assert_true (isnan (s.values[BZ_BODY_WAIST_TO_HEIGHT_RATIO]));
  s.height_cm = 170;
  s.values[BZ_BODY_WEIGHT_KG] = 80;
  s.values[BZ_BODY_FAT_PERCENT] = 25;
  s.values[BZ_BODY_WAIST_CM] = 85;
  bz_body_sample_derive (&s);
  g_assert_cmpfloat_with_epsilon (s.values[BZ_BODY_FAT_MASS_KG], 20.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (s.values[BZ_BODY_LEAN_MASS_KG], 60.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (s.values[BZ_BODY_WAIST_TO_HEIGHT_RATIO], 0.5, 1e-12);
  g_assert_cmpstr (bz_body_metric_name (BZ_BODY_WAIST_TO_HEIGHT_RATIO), ==, "waist_to_height_ratio");
  g_assert_cmpstr (bz_body_metric_name (BZ_BODY_LEAN_TRUNK_KG), ==, "lean_trunk_kg");
  g_assert_cmpstr (bz_body_metric_unit (BZ_BODY_FAT_PERCENT), ==, "%");
}

static void
test_trend (void)
{
  BzBodySample s[4];
  BzBodyTrend t;
  const gint64 day = 86400, t0 = 1780000000;

  for (guint i = 0; i < 4; i++)
    {
      bz_body_sample_init (&s[i]);
      s[i].time_s = t0 + (gint64) i * 14 * day;   /* every two weeks */
      s[i].values[BZ_BODY_WEIGHT_KG] = 90 - 1.0 * i;   /* −1 kg per 14 days: −0.5 kg/week */
    }
  s[2].values[BZ_BODY_WAIST_CM] = 100;           /* one waist only */
  s[1].values[BZ_BODY_FAT_PERCENT] = 30;         /* a gap: samples 1 and 3 */
  s[3].values[BZ_BODY_FAT_PERCENT] = 27;

  bz_body_trend (s, 4, BZ_BODY_WEIGHT_KG, &t);
  g_assert_cmpuint (t.n, ==, 4);
  g_assert_cmpfloat (t.first, ==, 90);
  g_assert_cmpfloat (t.last, ==, 87);
  g_assert_cmpfloat (t.change, ==, -3);
  g_assert_cmpfloat_with_epsilon (t.rate_per_week, -0.5, 1e-12);

  bz_body_trend (s, 4, BZ_BODY_FAT_PERCENT, &t);
  g_assert_cmpuint (t.n, ==, 2);
  g_assert_cmpfloat_with_epsilon (t.rate_per_week, -3.0 / 4.0, 1e-12);   /* 28 days apart */

  bz_body_trend (s, 4, BZ_BODY_WAIST_CM, &t);
  g_assert_cmpuint (t.n, ==, 1);
  g_assert_cmpfloat (t.change, ==, 0);
  g_assert_true (isnan (t.rate_per_week));

  bz_body_trend (s, 4, BZ_BODY_NECK_CM, &t);
  g_assert_cmpuint (t.n, ==, 0);
  g_assert_true (isnan (t.first) && isnan (t.change));
  bz_body_trend (s, 0, BZ_BODY_WEIGHT_KG, &t);
  g_assert_cmpuint (t.n, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/body-analytics/ols", test_ols);
  g_test_add_func ("/body-analytics/derive", test_derive);
  g_test_add_func ("/body-analytics/trend", test_trend);
  return g_test_run ();
}
