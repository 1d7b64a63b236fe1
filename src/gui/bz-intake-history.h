/* bz-intake-history.h — a week or a month of a patient's intake against the
 * targets and the meal plan (issue 12): a bar per day (kcal eaten, coloured
 * by whether it was within 10 % of the target), the target as a tick and the
 * plan's day as a dot, with the span's adherence, the plan's adherence, the
 * logging streak and the macronutrient shares.  On the desk's patient page
 * and the member's kiosk.  Loads through bz_analytics_nutrition_async(). */
#pragma once

#include <gtk/gtk.h>

#include "bz-gui-session.h"

G_BEGIN_DECLS

#define BZ_TYPE_INTAKE_HISTORY (bz_intake_history_get_type ())
G_DECLARE_FINAL_TYPE (BzIntakeHistory, bz_intake_history, BZ, INTAKE_HISTORY, GtkWidget)

/** bz_intake_history_new: Returns: (transfer floating): an empty #BzIntakeHistory showing a week. */
GtkWidget *bz_intake_history_new (void);

/**
 * bz_intake_history_load:
 * @session: the signed-in session
 * @patient_id: (nullable): the patient (desk); %NULL for the signed-in member (kiosk)
 *
 * (Re)loads the span that ends today, cancelling a load still running.
 */
void       bz_intake_history_load (BzIntakeHistory *self, BzGuiSession *session, const char *patient_id);

/** bz_intake_history_clear: cancels a load and shows nothing. */
void       bz_intake_history_clear (BzIntakeHistory *self);

/** bz_intake_history_set_days: shows the 7 (a week) or 30 days (a month) ending today, reloading. */
void       bz_intake_history_set_days (BzIntakeHistory *self, guint days);

/** bz_intake_history_is_loading: Returns: %TRUE while a load runs. */
gboolean   bz_intake_history_is_loading (BzIntakeHistory *self);

/**
 * bz_intake_history_get_data:
 * Returns: (transfer none) (nullable): the shown NutritionAnalytics record
 *   (bz-analytics-resources.h), for tests.
 */
BzRecord  *bz_intake_history_get_data (BzIntakeHistory *self);

/** bz_intake_history_get_summary: Returns: (transfer none): the summary line shown under the chart. */
const char *bz_intake_history_get_summary (BzIntakeHistory *self);

G_END_DECLS
