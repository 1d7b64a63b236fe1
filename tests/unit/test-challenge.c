/* test-challenge.c — the arithmetic of challenges (bz-challenge.h): dates,
 * status, scores for the four goal types, streaks and levels. */
#include <glib.h>

#include "bz-challenge.h"

static void
test_dates (void)
{
  g_assert_cmpint (bz_challenge_duration_days ("2025-02-01", "2025-03-02"), ==, 29);
  g_assert_cmpint (bz_challenge_duration_days ("2024-02-01", "2024-03-02"), ==, 30);   /* leap year */
  g_assert_cmpint (bz_challenge_duration_days ("2025-02-30", "2025-03-02"), ==, -1);
  g_assert_cmpint (bz_challenge_duration_days ("ayer", "2025-03-02"), ==, -1);
  g_assert_cmpstr (bz_challenge_status ("2025-02-01", "2025-03-02", FALSE, "2025-01-31"), ==, "upcoming");
  g_assert_cmpstr (bz_challenge_status ("2025-02-01", "2025-03-02", FALSE, "2025-02-01"), ==, "active");
  g_assert_cmpstr (bz_challenge_status ("2025-02-01", "2025-03-02", FALSE, "2025-03-02"), ==, "active");
  g_assert_cmpstr (bz_challenge_status ("2025-02-01", "2025-03-02", FALSE, "2025-03-03"), ==, "completed");
  g_assert_cmpstr (bz_challenge_status ("2025-02-01", "2025-03-02", TRUE, "2025-02-10"), ==, "cancelled");
}

static void
test_scores (void)
{
  BzCheckIn ins[] = { { "2025-02-01", 12500 }, { "2025-02-02", 9000 }, { "2025-02-08", 10000 } };
  BzChallengeGoal daily = { "daily", 10000, "2025-02-01", 30 };
  BzChallengeGoal cumulative = { "cumulative", 63000, "2025-02-01", 30 };
  BzChallengeGoal weekly = { "weekly", 20000, "2025-02-01", 14 };
  BzChallengeGoal threshold = { "threshold", 5, "2025-02-01", 30 };
  BzCheckIn kg[] = { { "2025-02-01", 1.5 }, { "2025-02-10", 5.5 } };
  BzChallengeScore s;

  /* seed 002 §4.6: one goal day of 30 is 3.33 % */
  bz_challenge_score (&daily, ins, 1, &s);
  g_assert_cmpint (s.days_completed, ==, 1);
  g_assert_cmpfloat_with_epsilon (s.completion_percentage, 100.0 / 30, 1e-9);
  g_assert_cmpfloat (s.total_value, ==, 12500);
  bz_challenge_score (&daily, ins, 3, &s);
  g_assert_cmpint (s.days_completed, ==, 2);   /* 9,000 misses */
  g_assert_cmpfloat (s.current_value, ==, 10000);
  g_assert_cmpfloat (s.total_value, ==, 31500);
  bz_challenge_score (&cumulative, ins, 3, &s);
  g_assert_cmpfloat_with_epsilon (s.completion_percentage, 50.0, 1e-9);
  /* weeks from the start: 21,500 in week 0 (met), 10,000 in week 1 (not) of 2 */
  bz_challenge_score (&weekly, ins, 3, &s);
  g_assert_cmpint (s.days_completed, ==, 1);
  g_assert_cmpfloat_with_epsilon (s.completion_percentage, 50.0, 1e-9);
  /* threshold: the latest value against the goal, capped at 100 */
  bz_challenge_score (&threshold, kg, 1, &s);
  g_assert_cmpfloat_with_epsilon (s.completion_percentage, 30.0, 1e-9);
  bz_challenge_score (&threshold, kg, 2, &s);
  g_assert_cmpfloat (s.completion_percentage, ==, 100.0);
  g_assert_true (bz_challenge_day_achieved (&threshold, 5.5));
  g_assert_false (bz_challenge_day_achieved (&cumulative, 1e9));   /* sums, never a day */
  /* whether the goal stands met on a check-in's date */
  g_assert_true (bz_challenge_goal_met (&daily, ins, 3, "2025-02-01"));
  g_assert_false (bz_challenge_goal_met (&daily, ins, 3, "2025-02-02"));
  g_assert_true (bz_challenge_goal_met (&weekly, ins, 3, "2025-02-02"));    /* week 0: 21,500 */
  g_assert_false (bz_challenge_goal_met (&weekly, ins, 3, "2025-02-08"));   /* week 1: 10,000 */
  g_assert_false (bz_challenge_goal_met (&cumulative, ins, 3, "2025-02-08"));
  g_assert_true (bz_challenge_goal_met (&threshold, kg, 2, "2025-02-10"));
  g_assert_false (bz_challenge_goal_met (&threshold, kg, 2, "2025-02-01"));
  bz_challenge_score (&daily, NULL, 0, &s);
  g_assert_cmpfloat (s.completion_percentage, ==, 0);
}

static void
test_streaks_and_levels (void)
{
  const char *days[] = { "2025-02-01", "2025-02-03", "2025-02-04", "2025-02-05", "2025-03-01" };

  g_assert_cmpint (bz_challenge_streak_ending (days, 5, "2025-02-05"), ==, 3);
  g_assert_cmpint (bz_challenge_streak_ending (days, 5, "2025-02-01"), ==, 1);
  g_assert_cmpint (bz_challenge_streak_ending (days, 5, "2025-03-01"), ==, 1);
  g_assert_cmpint (bz_challenge_streak_ending (days, 5, "2025-02-02"), ==, 0);
  g_assert_cmpint (bz_gamification_level (0), ==, 1);
  g_assert_cmpint (bz_gamification_level (99), ==, 1);
  g_assert_cmpint (bz_gamification_level (100), ==, 2);
  g_assert_cmpint (bz_gamification_level (399), ==, 2);
  g_assert_cmpint (bz_gamification_level (400), ==, 3);
  g_assert_cmpint (bz_gamification_level (-5), ==, 1);
  g_assert_cmpfloat (bz_challenge_metric_max ("steps"), ==, 100000);
  g_assert_cmpfloat (bz_challenge_metric_max ("pushups"), ==, 0);
  g_assert_cmpstr (bz_challenge_metric_unit ("water_glasses"), ==, "glasses");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/challenge/dates", test_dates);
  g_test_add_func ("/challenge/scores", test_scores);
  g_test_add_func ("/challenge/streaks-levels", test_streaks_and_levels);
  return g_test_run ();
}
