/* bz-challenge.h — the arithmetic of challenges (issue 10; seed 002 §4.6):
 * a challenge's status from its dates, a participant's score from the
 * check-ins, the XP and badges a check-in earns, and the level of an XP
 * total.  Pure functions; the store and the service call them.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/** The most one check-in may report in any metric: the steps bound of
 * bz_challenge_metric_max() (the largest of its table), so the request
 * declaration refuses beyond it before the metric is known. */
#define BZ_CHALLENGE_CHECK_IN_MAX 100000

/** XP for each day whose goal is met, given once per date: seed 002 §4.6's
 * example ("Primer día completado", xp_earned 10). */
#define BZ_XP_GOAL_DAY            10
/** XP for reaching 100 % of a challenge, given once with the
 * "challenge_completed" badge: Balanza's award (ten goal days). */
#define BZ_XP_CHALLENGE_COMPLETED 100
/** XP for a run of %BZ_STREAK_DAYS consecutive goal days, given once per
 * challenge with the "streak_7" badge: Balanza's award. */
#define BZ_XP_STREAK              50
/** The streak a "streak_7" badge asks for, in consecutive days. */
#define BZ_STREAK_DAYS            7
/** XP per level step: level = 1 + floor(sqrt(xp / 100)) (level 2 at 100 XP,
 * 3 at 400, 4 at 900): the quadratic curve common to games, so each level
 * takes longer than the one before.  Balanza's scale. */
#define BZ_XP_LEVEL_STEP          100

/**
 * BzCheckIn:
 * @date: the day, "YYYY-MM-DD" (the clinic's calendar)
 * @value: what the participant reports for the day, in the goal metric's
 *   unit (steps, kg lost so far, glasses of water, meals, minutes); >= 0
 */
typedef struct
{
  char date[11];
  double value;
} BzCheckIn;

/**
 * BzChallengeGoal:
 * @goal_type: "daily" (each day's value against @goal_value), "cumulative"
 *   (the sum of the values), "weekly" (each 7-day week from the start date:
 *   its sum) or "threshold" (the latest value, e.g. kg lost so far)
 * @goal_value: the target, > 0
 * @start_date: the first day, "YYYY-MM-DD"
 * @duration_days: end_date - start_date in days (the seed's generated
 *   column duration_days)
 */
typedef struct
{
  const char *goal_type;
  double goal_value;
  const char *start_date;
  int duration_days;
} BzChallengeGoal;

/**
 * BzChallengeScore:
 * @current_value: the latest check-in's value (by date)
 * @total_value: the sum of the values
 * @days_completed: days whose value met the goal (daily and threshold),
 *   weeks whose sum met it (weekly), or days with a check-in (cumulative)
 * @completion_percentage: 0-100: daily = days_completed / duration_days;
 *   weekly = weeks met / weeks of the challenge (rounded up); cumulative =
 *   total / goal; threshold = latest / goal; capped at 100
 */
typedef struct
{
  double current_value;
  double total_value;
  int days_completed;
  double completion_percentage;
} BzChallengeScore;

/**
 * bz_challenge_duration_days:
 * Returns: @end_date - @start_date in days (both "YYYY-MM-DD"), or -1 when
 *   either is not a date.
 */
int         bz_challenge_duration_days (const char *start_date, const char *end_date);

/**
 * bz_challenge_status:
 * @today: the clinic's calendar day, "YYYY-MM-DD"
 * Returns: (transfer none): "cancelled", "upcoming" (@today before the
 *   start), "completed" (after the end) or "active".
 */
const char *bz_challenge_status        (const char *start_date, const char *end_date, gboolean cancelled,
                                        const char *today);

/**
 * bz_challenge_day_achieved:
 * Returns: %TRUE when one day's @value meets the goal on its own: daily and
 *   threshold goals (value >= goal_value); never for cumulative and weekly,
 *   whose goals are met by sums.
 */
gboolean    bz_challenge_day_achieved  (const BzChallengeGoal *goal, double value);

/**
 * bz_challenge_score:
 * @check_ins: (array length=n): the participant's check-ins, sorted by date,
 *   one per date
 * @out: (out caller-allocates): the score
 */
void        bz_challenge_score         (const BzChallengeGoal *goal, const BzCheckIn *check_ins, guint n,
                                        BzChallengeScore *out);

/**
 * bz_challenge_goal_met:
 * @check_ins: (array length=n): as for bz_challenge_score()
 * @date: the day of a check-in among them
 * Returns: whether the goal stands met on @date: that day's value (daily,
 *   threshold), the total of all check-ins (cumulative), or the sum of
 *   @date's week counted from the start date (weekly).
 */
gboolean    bz_challenge_goal_met      (const BzChallengeGoal *goal, const BzCheckIn *check_ins, guint n,
                                        const char *date);

/**
 * bz_challenge_streak_ending:
 * @achieved_dates: (array length=n): the dates whose goal was met, sorted
 * @date: a date among them
 * Returns: the number of consecutive achieved days ending on @date (0 when
 *   @date is not among them).
 */
int         bz_challenge_streak_ending (const char *const *achieved_dates, guint n, const char *date);

/**
 * bz_gamification_level:
 * @xp: an XP total, >= 0
 * Returns: the level, 1 + floor(sqrt(@xp / %BZ_XP_LEVEL_STEP)).
 */
int         bz_gamification_level      (gint64 xp);

/**
 * bz_challenge_metric_max:
 * @goal_metric: a term of bz_vocab_goal_metric
 * Returns: the largest value one check-in may report for that metric (see
 *   the table in bz-challenge.c for the sources), or 0 for an unknown metric.
 */
double      bz_challenge_metric_max    (const char *goal_metric);

/**
 * bz_challenge_metric_unit:
 * Returns: (transfer none): the unit of a goal metric's values: "steps",
 *   "kg", "glasses" (250 mL), "meals" or "min"; "" for an unknown metric.
 */
const char *bz_challenge_metric_unit   (const char *goal_metric);

G_END_DECLS
