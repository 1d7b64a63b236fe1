/* bz-challenge.c — the arithmetic of challenges (see bz-challenge.h). */
#include "bz-challenge.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static GDate *
parse_date (const char *text)
{
  int y, m, d;
  char tail;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return NULL;
  return g_date_new_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

int
bz_challenge_duration_days (const char *start_date, const char *end_date)
{
  GDate *a = parse_date (start_date), *b = parse_date (end_date);
  int days = a && b ? g_date_days_between (a, b) : -1;

  g_clear_pointer (&a, g_date_free);
  g_clear_pointer (&b, g_date_free);
  return days;
}

const char *
bz_challenge_status (const char *start_date, const char *end_date, gboolean cancelled, const char *today)
{
  if (cancelled)
    return "cancelled";
  /* "YYYY-MM-DD" compares as text in calendar order */
  if (g_strcmp0 (today, start_date) < 0)
    return "upcoming";
  if (g_strcmp0 (today, end_date) > 0)
    return "completed";
  return "active";
}

gboolean
bz_challenge_day_achieved (const BzChallengeGoal *goal, double value)
{
  return (g_strcmp0 (goal->goal_type, "daily") == 0 || g_strcmp0 (goal->goal_type, "threshold") == 0) &&
         value >= goal->goal_value;
}

static double
percent (double part, double whole)
{
  return whole > 0 ? MIN (100.0, 100.0 * part / whole) : 0;
}

void
bz_challenge_score (const BzChallengeGoal *goal, const BzCheckIn *check_ins, guint n, BzChallengeScore *out)
{
  memset (out, 0, sizeof *out);
  for (guint i = 0; i < n; i++)
    {
      out->total_value += check_ins[i].value;
      if (bz_challenge_day_achieved (goal, check_ins[i].value))
        out->days_completed++;
    }
  if (n > 0)
    out->current_value = check_ins[n - 1].value;

  if (g_strcmp0 (goal->goal_type, "daily") == 0)
    out->completion_percentage = percent (out->days_completed, MAX (goal->duration_days, 1));
  else if (g_strcmp0 (goal->goal_type, "threshold") == 0)
    out->completion_percentage = percent (out->current_value, goal->goal_value);
  else if (g_strcmp0 (goal->goal_type, "cumulative") == 0)
    {
      out->days_completed = (int) n;
      out->completion_percentage = percent (out->total_value, goal->goal_value);
    }
  else if (g_strcmp0 (goal->goal_type, "weekly") == 0)
    {
      /* weeks from the start date: days 0-6 are week 0, and so on */
      int n_weeks = MAX ((goal->duration_days + 6) / 7, 1);
      g_autofree double *sums = g_new0 (double, n_weeks);
      GDate *start = parse_date (goal->start_date);

      for (guint i = 0; start && i < n; i++)
        {
          GDate *d = parse_date (check_ins[i].date);
          int w = d ? g_date_days_between (start, d) / 7 : -1;
          if (w >= 0 && w < n_weeks)
            sums[w] += check_ins[i].value;
          g_clear_pointer (&d, g_date_free);
        }
      out->days_completed = 0;
      for (int w = 0; w < n_weeks; w++)
        if (sums[w] >= goal->goal_value)
          out->days_completed++;
      out->completion_percentage = percent (out->days_completed, n_weeks);
      g_clear_pointer (&start, g_date_free);
    }
}

gboolean
bz_challenge_goal_met (const BzChallengeGoal *goal, const BzCheckIn *check_ins, guint n, const char *date)
{
  double sum = 0;
  int week = bz_challenge_duration_days (goal->start_date, date) / 7;

  for (guint i = 0; i < n; i++)
    {
      gboolean same_day = g_strcmp0 (check_ins[i].date, date) == 0;
      if (g_strcmp0 (goal->goal_type, "cumulative") == 0 ||
          (g_strcmp0 (goal->goal_type, "weekly") == 0 &&
           bz_challenge_duration_days (goal->start_date, check_ins[i].date) / 7 == week))
        sum += check_ins[i].value;
      else if (same_day)
        return bz_challenge_day_achieved (goal, check_ins[i].value);
    }
  return (g_strcmp0 (goal->goal_type, "cumulative") == 0 || g_strcmp0 (goal->goal_type, "weekly") == 0) &&
         sum >= goal->goal_value;
}

int
bz_challenge_streak_ending (const char *const *achieved_dates, guint n, const char *date)
{
  int streak = 0;
  GDate *want = parse_date (date);
  gint i;

  if (want == NULL)
    return 0;
  for (i = (gint) n - 1; i >= 0 && g_strcmp0 (achieved_dates[i], date) != 0; i--)
    ;
  /* walk back while each earlier achieved date is the day before */
  for (; i >= 0; i--)
    {
      GDate *d = parse_date (achieved_dates[i]);
      gboolean next = d && g_date_days_between (d, want) == 0;
      g_clear_pointer (&d, g_date_free);
      if (!next)
        break;
      streak++;
      g_date_subtract_days (want, 1);
    }
  g_date_free (want);
  return streak;
}

int
bz_gamification_level (gint64 xp)
{
  return 1 + (int) floor (sqrt ((double) MAX (xp, 0) / BZ_XP_LEVEL_STEP));
}

/* The most one check-in may report, per metric: a bound against typing
 * errors and made-up leaderboards, not a physiological limit. */
static const struct { const char *metric; double max; const char *unit; } metric_max[] = {
  /* 100,000 steps, about 80 km walked: eight times the 12,500 steps/day
   * from which adults count as "highly active" (Tudor-Locke C et al., "How
   * many steps/day are enough? For adults", Int J Behav Nutr Phys Act
   * 2011;8:79); Balanza's bound */
  { "steps", BZ_CHALLENGE_CHECK_IN_MAX, "steps" },
  /* kg lost so far (threshold goals): 100 kg, beyond any programme's */
  { "kg_lost", 100, "kg" },
  /* glasses (250 mL) a day: 40 glasses = 10 L, far above the EFSA 2010
   * adequate intake of total water (2.0-2.5 L a day) */
  { "water_glasses", 40, "glasses" },
  /* meals and snacks logged in a day */
  { "meals_logged", 20, "meals" },
  /* minutes of exercise in a day: the day has 1,440 */
  { "exercise_minutes", 1440, "min" },
};

double
bz_challenge_metric_max (const char *goal_metric)
{
  for (guint i = 0; i < G_N_ELEMENTS (metric_max); i++)
    if (g_strcmp0 (metric_max[i].metric, goal_metric) == 0)
      return metric_max[i].max;
  return 0;
}

const char *
bz_challenge_metric_unit (const char *goal_metric)
{
  for (guint i = 0; i < G_N_ELEMENTS (metric_max); i++)
    if (g_strcmp0 (metric_max[i].metric, goal_metric) == 0)
      return metric_max[i].unit;
  return "";
}
