/* bz-body-analytics-service.h — body-composition progress (issue 8; seed 001
 * "GET /api/analytics/body/..."; seed 000 story 4.4 criteria 4 and 8): the
 * trends of a patient's scans over a period and the change between two
 * scans.  The arithmetic: bz-body-analytics.h; the SQL: bz-scan-repo.h. */
#pragma once

#include "bz-body-analytics-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/**
 * bz_analytics_body_trends:
 * @caller: a member (own scans) or a nutritionist (one of own patients')
 * @patient_id: (nullable): for a nutritionist, one of own patients
 * @start_date: (nullable): "YYYY-MM-DD", the clinic's local date; the period's first day
 * @end_date: (nullable): "YYYY-MM-DD", its last day (included)
 * @error: VALIDATION ("start_date"/"end_date": "invalid_format", or
 *   "out_of_range" when end_date is before start_date; a nutritionist
 *   without patient_id), NOT_FOUND (patient)
 *
 * Returns: (transfer full): a BodyTrends record: per metric of
 *   bz-body-analytics.h its points, first, last, change and least-squares
 *   rate per week; %NULL with @error.
 */
BzRecord *bz_analytics_body_trends  (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                     const char *start_date, const char *end_date, GError **error);

/**
 * bz_analytics_body_compare:
 * @from_scan_id: a scan the caller may see
 * @to_scan_id: another scan of the same patient (either order)
 * @error: VALIDATION (a missing or malformed id: "required",
 *   "invalid_format"; scans of two patients: "to_scan_id" "different_patient"),
 *   NOT_FOUND (a scan that does not exist or is not the caller's: the same
 *   answer for both)
 *
 * Returns: (transfer full): a BodyCompare record {patient_id, from (the
 *   earlier), to, days_between, changes (per metric: from, to, change,
 *   rate_per_week)}; %NULL with @error.
 */
BzRecord *bz_analytics_body_compare (BzServices *svc, const BzCaller *caller, const char *from_scan_id,
                                     const char *to_scan_id, GError **error);

G_END_DECLS
