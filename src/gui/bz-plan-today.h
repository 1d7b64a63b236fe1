/* bz-plan-today.h — the patient's meal plan for today (issue 7): on the
 * member's kiosk and on the desk's patient page, slot by slot, each recipe
 * with its servings and kcal, and the day's total; an empty state when the
 * nutritionist has not assigned a plan yet.  At the desk (not the kiosk) a
 * button prints the plan (bz_plan_print_run()).  Loads through
 * bz_meal_plans_today_async(). */
#pragma once

#include <gtk/gtk.h>

#include "bz-gui-session.h"

G_BEGIN_DECLS

#define BZ_TYPE_PLAN_TODAY (bz_plan_today_get_type ())
G_DECLARE_FINAL_TYPE (BzPlanToday, bz_plan_today, BZ, PLAN_TODAY, GtkWidget)

/** bz_plan_today_new: Returns: (transfer floating): an empty #BzPlanToday. */
GtkWidget  *bz_plan_today_new (void);

/**
 * bz_plan_today_load:
 * @session: the signed-in session
 * @patient_id: (nullable): the patient (desk); %NULL for the signed-in
 *   member (kiosk)
 * @kiosk: %TRUE on the member's kiosk (no print button)
 *
 * (Re)loads today's plan (local date) of the patient, cancelling a load
 * still running.
 */
void        bz_plan_today_load (BzPlanToday *self, BzGuiSession *session, const char *patient_id, gboolean kiosk);

/** bz_plan_today_clear: cancels a load and shows nothing. */
void        bz_plan_today_clear (BzPlanToday *self);

/** bz_plan_today_is_loading: Returns: %TRUE while a load runs. */
gboolean    bz_plan_today_is_loading (BzPlanToday *self);

/** bz_plan_today_get_plan_id: Returns: (transfer none) (nullable): the shown plan's draftId. */
const char *bz_plan_today_get_plan_id (BzPlanToday *self);

/** bz_plan_today_get_n_recipes: Returns: recipes shown for today. */
guint       bz_plan_today_get_n_recipes (BzPlanToday *self);

G_END_DECLS
