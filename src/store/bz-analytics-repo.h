/* bz-analytics-repo.h — the SQL of the nutrition analytics (bz-analytics.h):
 * per-day meal totals, the scans the targets rest on, the meal plans' days
 * and the dates with a meal, for a set of patients in a constant number of
 * statements (the patient list asks for a page of patients at once). */
#pragma once

#include "bz-meal-repo.h"
#include "bz-nutrition.h"
#include "bz-store.h"

G_BEGIN_DECLS

/**
 * BzIntakeDay:
 * @patient_id: (transfer full): patients.id
 * @date: (transfer full): the local calendar date "YYYY-MM-DD" (meal_logs.eaten_date)
 * @meals: meals logged on @date
 * @intake: the sum of their stored totals (meal_logs' nutrient columns)
 */
typedef struct
{
  char *patient_id;
  char *date;
  guint meals;
  BzNutrients intake;
} BzIntakeDay;

/**
 * BzScanBasis:
 * @patient_id: (transfer full): patients.id
 * @date: (transfer full): the scan's calendar date (the first 10 characters
 *   of measured_at, as bz_meal_repo_targets_input() compares it)
 * @in: the targets' inputs, as bz_meal_repo_targets_input() gives them
 */
typedef struct
{
  char *patient_id;
  char *date;
  BzTargetsInput in;
} BzScanBasis;

/**
 * BzPlanDay:
 * @patient_id: (transfer full): patients.id
 * @date: (transfer full): the calendar date the plan's day falls on
 * @planned: the day's recipes × servings (after any modification), summed
 *
 * The day of the plan that bz_meal_plan_repo_day_for_date() would choose for
 * @date (active before finalized before completed, then the newest
 * finalization); only days with at least one recipe.
 */
typedef struct
{
  char *patient_id;
  char *date;
  BzNutrients planned;
} BzPlanDay;

/**
 * bz_analytics_repo_intake:
 * @patient_ids: (array length=n_patients): patients.id values
 * @start: @end: the span, dates "YYYY-MM-DD", inclusive
 * @out: (out) (transfer full) (element-type BzIntakeDay): the days with a
 *   meal, by patient and then date; freed with g_array_unref()
 *
 * One statement (GROUP BY over idx_meal_logs_patient_day).
 * Returns: %FALSE with @error (BZ_ERROR_INTERNAL) on a database error.
 */
gboolean bz_analytics_repo_intake (BzStore *store, const char *const *patient_ids, guint n_patients,
                                   const char *start, const char *end, GArray **out, GError **error);

/**
 * bz_analytics_repo_scans:
 * @out: (out) (transfer full) (element-type BzScanBasis): for each patient,
 *   the latest scan dated before @start and every scan dated @start to @end,
 *   by patient and then measured_at; freed with g_array_unref()
 *
 * One statement.  The targets of a day are those of the latest of these on
 * or before it, as in the daily intake.
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_analytics_repo_scans (BzStore *store, const char *const *patient_ids, guint n_patients,
                                  const char *start, const char *end, GArray **out, GError **error);

/**
 * bz_analytics_repo_plan_days:
 * @out: (out) (transfer full) (element-type BzPlanDay): the plan days that
 *   fall from @start to @end, at most one per patient and date, in no
 *   particular order; freed with g_array_unref()
 *
 * Two statements: the plans that cover the span, and their days' sums.
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_analytics_repo_plan_days (BzStore *store, const char *const *patient_ids, guint n_patients,
                                      const char *start, const char *end, GArray **out, GError **error);

/**
 * bz_analytics_repo_logged_dates:
 * @patient_id: patients.id
 * @end: the last date "YYYY-MM-DD" to consider
 * @limit: at most this many dates
 * @out: (out) (transfer full): the distinct dates with a meal on or before
 *   @end, newest first, %NULL-terminated
 *
 * One statement, for the logging streak (bz_analytics_streak()).
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_analytics_repo_logged_dates (BzStore *store, const char *patient_id, const char *end,
                                         guint limit, GStrv *out, GError **error);

G_END_DECLS
