/* test-analytics.c — the arithmetic of bz-analytics.h: the ±10 % energy
 * band, the macronutrient shares, compliance rates and logging streaks. */
#include <glib.h>

#include "bz-analytics.h"

static void
test_energy_band (void)
{
  g_assert_true (bz_analytics_energy_complies (2000, 2000));
  g_assert_true (bz_analytics_energy_complies (1800, 2000));   /* exactly −10 % */
  g_assert_true (bz_analytics_energy_complies (2200, 2000));   /* exactly +10 % */
  g_assert_false (bz_analytics_energy_complies (1799, 2000));
  g_assert_false (bz_analytics_energy_complies (2201, 2000));
  g_assert_false (bz_analytics_energy_complies (0, 2000));     /* nothing eaten */
  g_assert_false (bz_analytics_energy_complies (100, 0));      /* no reference */
}

static void
test_macro_share (void)
{
  /* 100 g protein (400 kcal), 250 g carbohydrate (1000 kcal), 60 g fat (540 kcal): 1940 kcal. */
  BzNutrients n = { .protein_g = 100, .carbohydrate_g = 250, .fat_g = 60 };
  BzNutrients none = { .energy_kcal = 50 };
  BzMacroShare s;

  bz_macro_share (&n, &s);
  g_assert_cmpfloat_with_epsilon (s.protein_pct, 20.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.carbohydrate_pct, 51.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.fat_pct, 27.8, 1e-9);
  bz_macro_share (&none, &s);
  g_assert_cmpfloat (s.protein_pct + s.carbohydrate_pct + s.fat_pct, ==, 0);
}

static void
set_day (BzAnalyticsDay *d, guint meals, double kcal, double target, double planned)
{
  d->meals = meals;
  d->intake.energy_kcal = kcal;
  d->intake.carbohydrate_g = kcal / 4;
  d->has_targets = target > 0;
  d->targets.energy_kcal = target;
  d->has_plan = planned > 0;
  d->planned.energy_kcal = planned;
}

static void
test_compute (void)
{
  BzAnalyticsDay days[5] = { 0 };
  BzAnalyticsSummary s;

  set_day (&days[0], 0, 0, 0, 0);          /* before the first scan: no targets */
  set_day (&days[1], 2, 2000, 2000, 1900); /* both met */
  set_day (&days[2], 0, 0, 2000, 1900);    /* nothing logged: both missed */
  set_day (&days[3], 3, 2500, 2000, 0);    /* over the band, no plan day */
  set_day (&days[4], 1, 1850, 2000, 1700); /* −7.5 % of the target, +8.8 % of the plan: both met */
  bz_analytics_compute (days, 5, &s);
  g_assert_cmpint (days[0].target_met, ==, -1);
  g_assert_cmpint (days[1].target_met, ==, 1);
  g_assert_cmpint (days[2].target_met, ==, 0);
  g_assert_cmpint (days[3].target_met, ==, 0);
  g_assert_cmpint (days[3].plan_met, ==, -1);
  g_assert_cmpint (days[4].plan_met, ==, 1);
  g_assert_cmpuint (s.days, ==, 5);
  g_assert_cmpuint (s.days_logged, ==, 3);
  g_assert_cmpuint (s.days_with_targets, ==, 4);
  g_assert_cmpuint (s.days_target_met, ==, 2);
  g_assert_cmpfloat_with_epsilon (s.adherence_rate, 50.0, 1e-9);
  g_assert_cmpuint (s.days_with_plan, ==, 3);
  g_assert_cmpfloat_with_epsilon (s.plan_adherence_rate, 66.7, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.mean_intake.energy_kcal, (2000 + 2500 + 1850) / 3.0, 1e-9);
  g_assert_cmpuint (s.longest_streak, ==, 2);
  g_assert_cmpuint (s.current_streak, ==, 2);

  /* No targets anywhere: no rate (negative), not 0 %. */
  set_day (&days[0], 1, 100, 0, 0);
  bz_analytics_compute (days, 1, &s);
  g_assert_cmpfloat (s.adherence_rate, <, 0);
  g_assert_cmpfloat (s.plan_adherence_rate, <, 0);
}

static void
test_streak (void)
{
  GDate last;
  const char *through_today[] = { "2026-11-30", "2026-11-29", "2026-11-28", "2026-11-26" };
  const char *through_yesterday[] = { "2026-11-29", "2026-11-28" };
  const char *broken[] = { "2026-11-28", "2026-11-27" };
  const char *across_month[] = { "2026-12-01", "2026-11-30", "2026-11-29" };
  const char *later_first[] = { "2026-12-05", "2026-11-30", "2026-11-29" };

  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 30, 11, 2026);
  g_assert_cmpuint (bz_analytics_streak (&last, through_today, 4), ==, 3);
  g_assert_cmpuint (bz_analytics_streak (&last, through_yesterday, 2), ==, 2);
  g_assert_cmpuint (bz_analytics_streak (&last, broken, 2), ==, 0);
  g_assert_cmpuint (bz_analytics_streak (&last, NULL, 0), ==, 0);
  g_assert_cmpuint (bz_analytics_streak (&last, later_first, 3), ==, 2);   /* after @last: ignored */
  g_date_set_dmy (&last, 1, 12, 2026);
  g_assert_cmpuint (bz_analytics_streak (&last, across_month, 3), ==, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/analytics/energy-band", test_energy_band);
  g_test_add_func ("/analytics/macro-share", test_macro_share);
  g_test_add_func ("/analytics/compute", test_compute);
  g_test_add_func ("/analytics/streak", test_streak);
  return g_test_run ();
}
