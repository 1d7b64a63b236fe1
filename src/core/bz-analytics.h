/* bz-analytics.h — nutrition compliance over a span of days (issue 12,
 * seed 001 "GET /api/analytics/nutrition/...", seed 002 §4.4 adherence_rate).
 *
 * Pure arithmetic on per-day figures the store already holds: what was
 * eaten (meal_logs' totals), the day's Mifflin-St Jeor targets and the day
 * of the meal plan that falls on it.  No I/O; the service fills the input.
 */
#pragma once

#include <glib.h>

#include "bz-nutrition.h"

G_BEGIN_DECLS

/**
 * BZ_ANALYTICS_ENERGY_TOLERANCE:
 * A day complies when its energy intake is within this fraction of the
 * reference (the target, or the plan's day): |intake − reference| ≤ 10 %
 * of the reference.  Balanza's choice, the band dietitians commonly accept
 * around an energy prescription; it is one constant so a clinic's policy
 * changes in one place.  Days with nothing logged do not comply.
 */
#define BZ_ANALYTICS_ENERGY_TOLERANCE 0.10

/** BZ_ANALYTICS_MAX_DAYS: the longest span one request may cover (a month view, 31 days). */
#define BZ_ANALYTICS_MAX_DAYS 31

/** BZ_ANALYTICS_STREAK_LOOKBACK_DAYS: how far back a logging streak is counted (a year). */
#define BZ_ANALYTICS_STREAK_LOOKBACK_DAYS 366

/**
 * BzAnalyticsDay:
 * @meals: meals logged that day (0: nothing logged)
 * @intake: the sum of the day's meals
 * @has_targets: a scan on or before the day gives @targets
 * @targets: the day's Mifflin-St Jeor targets (bz_daily_targets())
 * @has_plan: a day of the patient's meal plan falls on the day (with at
 *   least one recipe)
 * @planned: the plan day's nutrients (recipes × servings)
 *
 * One calendar day's input.  Output members are set by bz_analytics_compute().
 * @target_met: -1 no targets, 0 missed, 1 met (the energy within
 *   %BZ_ANALYTICS_ENERGY_TOLERANCE of the target)
 * @plan_met: -1 no plan day, 0 missed, 1 met
 */
typedef struct
{
  guint meals;
  BzNutrients intake;
  gboolean has_targets;
  BzNutrients targets;
  gboolean has_plan;
  BzNutrients planned;
  /* out */
  int target_met;
  int plan_met;
} BzAnalyticsDay;

/**
 * BzMacroShare:
 * Share of energy from each macronutrient, in percent (sums to 100 when
 * any energy was eaten), by the Atwater general factors 4 kcal/g protein,
 * 4 kcal/g carbohydrate, 9 kcal/g fat (FAO, "Food energy – methods of
 * analysis and conversion factors", Food and Nutrition Paper 77, 2003, §3.2).
 */
typedef struct
{
  double protein_pct, carbohydrate_pct, fat_pct;
} BzMacroShare;

/**
 * BzAnalyticsSummary:
 * @days, @days_logged: days in the span and days with a meal
 * @days_with_targets, @days_target_met: for @adherence_rate
 * @days_with_plan, @days_plan_met: for @plan_adherence_rate
 * @adherence_rate: 100 × @days_target_met / @days_with_targets, one
 *   decimal; negative when no day had targets
 * @plan_adherence_rate: the same against the plan; negative without a plan day
 * @mean_intake: the mean of the logged days (zero panel when none)
 * @macros: of the whole span's intake
 * @current_streak: consecutive logged days ending on the span's last day,
 *   or on the day before when the last day has nothing yet (today)
 * @longest_streak: the longest run of logged days within the span
 */
typedef struct
{
  guint days, days_logged;
  guint days_with_targets, days_target_met;
  guint days_with_plan, days_plan_met;
  double adherence_rate, plan_adherence_rate;
  BzNutrients mean_intake;
  BzMacroShare macros;
  guint current_streak, longest_streak;
} BzAnalyticsSummary;

/**
 * bz_analytics_energy_complies:
 * @intake_kcal: energy eaten (kcal)
 * @reference_kcal: the target or planned energy (kcal), > 0
 * Returns: whether |intake − reference| ≤ %BZ_ANALYTICS_ENERGY_TOLERANCE ×
 *   reference; %FALSE for a reference ≤ 0 or nothing eaten.
 */
gboolean bz_analytics_energy_complies (double intake_kcal, double reference_kcal);

/**
 * bz_macro_share:
 * @n: a nutrient panel (g)
 * @out: (out): the shares (see #BzMacroShare); all zero when @n has no
 *   protein, carbohydrate or fat
 */
void     bz_macro_share (const BzNutrients *n, BzMacroShare *out);

/**
 * bz_analytics_compute:
 * @days: (array length=n_days): the span's days, oldest first; their
 *   @target_met and @plan_met are set
 * @n_days: 1 to %BZ_ANALYTICS_MAX_DAYS
 * @out: (out): the span's figures; @current_streak counts only within
 *   @days (bz_analytics_streak() looks further back)
 */
void     bz_analytics_compute (BzAnalyticsDay *days, guint n_days, BzAnalyticsSummary *out);

/**
 * bz_analytics_streak:
 * @last: the day the streak ends on (today, or a span's last day)
 * @logged_desc: (array length=n): distinct dates "YYYY-MM-DD" with a meal,
 *   newest first, none after @last
 * @n: their number
 * Returns: consecutive logged days ending on @last, or on the day before
 *   when @last has nothing logged yet (a day in progress does not break a
 *   streak); 0 when neither is logged.
 */
guint    bz_analytics_streak (const GDate *last, const char *const *logged_desc, guint n);

G_END_DECLS
