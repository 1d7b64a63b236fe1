/* bz-ai-plans-dialog.h — a patient's generated diet and workout plans at the
 * desk (issue 11: "the nutritionist can generate, review and replace a
 * patient's diet and workout plans"; "the desk shows the integration
 * health"). */
#pragma once

#include <adwaita.h>

#include "bz-gui-session.h"

G_BEGIN_DECLS

#define BZ_TYPE_AI_PLANS_DIALOG (bz_ai_plans_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BzAiPlansDialog, bz_ai_plans_dialog, BZ, AI_PLANS_DIALOG, AdwWindow)

/**
 * bz_ai_plans_dialog_new:
 * @parent: (nullable): the transient parent
 * @session: the signed-in nutritionist's session
 * @patient_id: one of the nutritionist's patients
 * @patient_name: (nullable): the subtitle
 *
 * Two groups, "Diet plan" and "Workout plan", each with a Generate button
 * (bz_integrations_generate_diet_plan_async(), 7 days of 5 meals, and
 * bz_workouts_generate_plan_async(), 14 days): the new plan is shown day
 * by day (energy and macronutrients against the targets and the recipes
 * of each meal; the training days and their exercises), and it replaces
 * the patient's active plan; Generate again replaces it again.  A third
 * group lists every provider of the integration layer with its status and
 * circuit breaker (bz_integrations_health_async()), read when the dialog
 * opens and after each plan.
 *
 * Returns: (transfer none): the dialog, not yet shown.
 */
BzAiPlansDialog *bz_ai_plans_dialog_new (GtkWindow *parent, BzGuiSession *session, const char *patient_id,
                                         const char *patient_name);

/** bz_ai_plans_dialog_generate: @kind: "diet" or "workout"; as its Generate button. */
void        bz_ai_plans_dialog_generate       (BzAiPlansDialog *self, const char *kind);
/** bz_ai_plans_dialog_is_busy: Returns: whether a plan or the health is being read (tests). */
gboolean    bz_ai_plans_dialog_is_busy        (BzAiPlansDialog *self);
/** bz_ai_plans_dialog_get_summary: @kind: "diet", "workout" or "health". Returns: (transfer none): the group's description line (tests). */
const char *bz_ai_plans_dialog_get_summary    (BzAiPlansDialog *self, const char *kind);
/** bz_ai_plans_dialog_get_plan_id: @kind: "diet" or "workout". Returns: (transfer none) (nullable): the plan generated last. */
const char *bz_ai_plans_dialog_get_plan_id    (BzAiPlansDialog *self, const char *kind);
/** bz_ai_plans_dialog_get_n_rows: Returns: the rows shown in the @kind group (days, or providers). */
guint       bz_ai_plans_dialog_get_n_rows     (BzAiPlansDialog *self, const char *kind);

G_END_DECLS
