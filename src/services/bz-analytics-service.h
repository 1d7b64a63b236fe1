/* bz-analytics-service.h — nutrition analytics for the desk and the API
 * (issue 12; seed 001 "GET /api/analytics/nutrition/..."; seed 002 §4.4
 * adherence_rate): compliance with the targets and with the meal plan per
 * day over a day, a week or a month, the macronutrient distribution and the
 * logging streaks.  The arithmetic is bz-analytics.h's. */
#pragma once

#include <gio/gio.h>

#include "bz-analytics-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/** BZ_ANALYTICS_LIST_DAYS: the span of the patient list's adherence_rate: the 7 days ending today. */
#define BZ_ANALYTICS_LIST_DAYS 7

/**
 * bz_analytics_period_days:
 * @period: a term of bz_vocab_analytics_period ("day", "week", "month")
 * Returns: 1, 7 or 30; 0 for anything else.
 */
guint     bz_analytics_period_days (const char *period);

/**
 * bz_analytics_nutrition:
 * @caller: who asks (a member for self, a nutritionist for an own patient)
 * @patient_id: (nullable): for a nutritionist, the patient; members give %NULL
 * @period: (nullable): "day", "week" (default) or "month", Spanish aliases
 *   accepted (bz_vocab_analytics_period)
 * @date: (nullable): the span's last day "YYYY-MM-DD" in the clinic's local
 *   time (default today); not after today
 * @error: VALIDATION (period, date, with field details), NOT_FOUND (not the
 *   caller's patient), INTERNAL
 *
 * The span's days oldest first, each with its intake (the meals' stored
 * totals), its targets (Mifflin-St Jeor on the latest scan on or before the
 * day, as in the daily intake) and its plan day, and the span's compliance
 * rates, mean intake, macronutrient distribution and logging streaks.  Six
 * statements whatever the span.  A nutritionist's read is audited.
 *
 * Returns: (transfer full): a NutritionAnalytics record; %NULL with @error.
 */
BzRecord *bz_analytics_nutrition (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                  const char *period, const char *date, GError **error);

void      bz_analytics_nutrition_async  (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                         const char *period, const char *date, GCancellable *cancellable,
                                         GAsyncReadyCallback callback, gpointer user_data);
/** bz_analytics_nutrition_finish: Returns: (transfer full): as bz_analytics_nutrition(). */
BzRecord *bz_analytics_nutrition_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_analytics_adherence_rates:
 * @patient_ids: (array length=n): patients the caller already may see (no
 *   authorization here: the patient list resolved them)
 * @end: the last day "YYYY-MM-DD" (today)
 * @out_rates: (out caller-allocates) (array length=n): each patient's
 *   adherence_rate over the %BZ_ANALYTICS_LIST_DAYS days ending on @end, in
 *   percent with one decimal; negative when the patient had no targets in
 *   that span (no scan yet)
 *
 * The figure of bz_analytics_nutrition() for those days, for a page of
 * patients in three statements (no query per patient).
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_analytics_adherence_rates (BzServices *svc, const char *const *patient_ids, guint n,
                                        const char *end, double *out_rates, GError **error);

G_END_DECLS
