/* bz-test-year.h — a member's year of records, for the sync benchmark and
 * the phone's end-to-end test (issue 9). */
#pragma once

#include "bz-services.h"

G_BEGIN_DECLS

/**
 * bz_test_add_year:
 * @svc: the services over the store to fill
 * @patient: the member's patients.id
 * @user: the member's users.id (who logs the meals)
 * @nutritionist: the member's nutritionist, who records the scans
 * @scans: also a scan a month
 *
 * A year for the member as a phone would log it: for each day from 365 to 4
 * days ago, four meals (breakfast 08:00, lunch 14:00, snack 17:00, dinner
 * 20:00, local time) of two USDA SR28 foods each (80-140 g), i.e. 1,448
 * meals through bz_meals_record(); with @scans, on every 30th of those days
 * a scan (12 in all, each with its avatar) through bz_scans_add().  The SR28
 * foods must be imported.  Aborts (g_error()) when a service refuses.
 */
void bz_test_add_year (BzServices *svc, const char *patient, const char *user, const BzCaller *nutritionist,
                       gboolean scans);

/** BZ_TEST_YEAR_MEALS: the meals bz_test_add_year() logs (362 days x 4). */
#define BZ_TEST_YEAR_MEALS (362 * 4)
/** BZ_TEST_YEAR_SCANS: the scans it records with @scans (days 30, 60 … 360 ago). */
#define BZ_TEST_YEAR_SCANS 12

G_END_DECLS
