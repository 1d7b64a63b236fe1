/* bz-analytics.c — nutrition compliance over a span of days (bz-analytics.h). */
#include "bz-analytics.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

gboolean
bz_analytics_energy_complies (double intake_kcal, double reference_kcal)
{
  if (!(reference_kcal > 0) || !(intake_kcal > 0))
    return FALSE;
  return fabs (intake_kcal - reference_kcal) <= BZ_ANALYTICS_ENERGY_TOLERANCE * reference_kcal;
}

void
bz_macro_share (const BzNutrients *n, BzMacroShare *out)
{
  double p = 4 * MAX (n->protein_g, 0), c = 4 * MAX (n->carbohydrate_g, 0), f = 9 * MAX (n->fat_g, 0);
  double total = p + c + f;

  memset (out, 0, sizeof *out);
  if (total <= 0)
    return;
  out->protein_pct = round (1000 * p / total) / 10;
  out->carbohydrate_pct = round (1000 * c / total) / 10;
  out->fat_pct = round (1000 * f / total) / 10;
}

static double
rate (guint met, guint of)
{
  return of ? round (1000.0 * met / of) / 10 : -1;
}

void
bz_analytics_compute (BzAnalyticsDay *days, guint n_days, BzAnalyticsSummary *out)
{
  BzNutrients total = { 0 };
  guint run = 0;

  memset (out, 0, sizeof *out);
  out->days = n_days;
  for (guint i = 0; i < n_days; i++)
    {
      BzAnalyticsDay *d = &days[i];
      gboolean logged = d->meals > 0;

      d->target_met = d->has_targets ? bz_analytics_energy_complies (d->intake.energy_kcal, d->targets.energy_kcal) : -1;
      d->plan_met = d->has_plan ? bz_analytics_energy_complies (d->intake.energy_kcal, d->planned.energy_kcal) : -1;
      out->days_with_targets += d->has_targets;
      out->days_target_met += d->target_met == 1;
      out->days_with_plan += d->has_plan;
      out->days_plan_met += d->plan_met == 1;
      if (logged)
        {
          out->days_logged++;
          bz_nutrients_add (&total, &d->intake, 1.0);
          run++;
          out->longest_streak = MAX (out->longest_streak, run);
        }
      else
        run = 0;
    }
  /* The last day may be today, still in progress: a run that ends the day before counts. */
  out->current_streak = run;
  if (run == 0 && n_days >= 2 && days[n_days - 1].meals == 0)
    for (guint i = n_days - 1; i-- > 0 && days[i].meals > 0;)
      out->current_streak++;
  out->adherence_rate = rate (out->days_target_met, out->days_with_targets);
  out->plan_adherence_rate = rate (out->days_plan_met, out->days_with_plan);
  if (out->days_logged)
    bz_nutrients_add (&out->mean_intake, &total, 1.0 / out->days_logged);
  bz_macro_share (&total, &out->macros);
}

guint
bz_analytics_streak (const GDate *last, const char *const *logged_desc, guint n)
{
  GDate expect = *last;
  guint streak = 0, i = 0;

  for (; i < n; i++)
    {
      GDate d;
      int y, m, dd;
      if (sscanf (logged_desc[i], "%4d-%2d-%2d", &y, &m, &dd) != 3 || !g_date_valid_dmy (dd, m, y))
        continue;
      g_date_clear (&d, 1);
      g_date_set_dmy (&d, dd, m, y);
      if (g_date_compare (&d, &expect) > 0)
        continue;                    /* after @last: not ours to count */
      if (g_date_compare (&d, &expect) == 0)
        {
          streak++;
          g_date_subtract_days (&expect, 1);
          continue;
        }
      /* A gap.  Only the last day itself may be missing (still in progress). */
      if (streak == 0 && g_date_compare (&expect, last) == 0)
        {
          g_date_subtract_days (&expect, 1);
          if (g_date_compare (&d, &expect) == 0)
            {
              streak++;
              g_date_subtract_days (&expect, 1);
              continue;
            }
        }
      break;
    }
  return streak;
}
