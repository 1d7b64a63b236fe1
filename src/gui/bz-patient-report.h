/* bz-patient-report.h — the patient's progress report, printed or saved as
 * a PDF from the desk (issue 12), in the interface's language: who the
 * patient is and their goal; the avatar as the desk shows it beside the
 * weight and body fat over the scans; the latest measurements and every
 * scan; the last 30 days of intake against the targets and the meal plan
 * (the intake chart, adherence, streak, mean intake against the targets);
 * and the current meal plan with its foods.  Printed in the language of
 * Preferences › Language of reports (bz-print-language.h).  Laid out with #BzPrintFlow and printed through
 * bz-print-op.h; the data come from bz_patients_get_file_async() and
 * bz_analytics_nutrition_async(). */
#pragma once

#include <gtk/gtk.h>

#include "bz-analytics-service.h"
#include "bz-meal-plan-document.h"
#include "bz-gui-session.h"
#include "bz-patient-service.h"
#include "bz-print-flow.h"

G_BEGIN_DECLS

/**
 * BzPatientReport:
 * @file: the PatientFile record (basic info, metrics, progress history, plan)
 * @analytics: the NutritionAnalytics record of the 30 days ending today
 * @avatar: (nullable): the avatar as the desk showed it
 * @printed_on: the report's date, local time
 * @plan: (nullable): the current meal plan's document (its foods), %NULL
 *   without a current plan
 */
typedef struct
{
  BzRecord *file;
  BzRecord *analytics;
  GdkTexture *avatar;
  GDateTime *printed_on;
  BzMealPlanDocument *plan;
} BzPatientReport;

void bz_patient_report_free (BzPatientReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzPatientReport, bz_patient_report_free)

/**
 * bz_patient_report_load_async:
 * @session: the signed-in nutritionist's session
 * @patient_id: one of the nutritionist's patients
 * @avatar: (nullable): a picture of the avatar to include (referenced)
 *
 * Reads the patient's record, the last 30 days' analytics and the current
 * meal plan's document, off the GUI thread (service calls one after the
 * other).
 */
void             bz_patient_report_load_async  (BzGuiSession *session, const char *patient_id, GdkTexture *avatar,
                                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                                gpointer user_data);
/**
 * bz_patient_report_load_finish:
 * @error: what bz_patients_get_file(), bz_analytics_nutrition() or
 *   bz_meal_plans_document() set
 * Returns: (transfer full): the report's data; %NULL with @error.
 */
BzPatientReport *bz_patient_report_load_finish (GAsyncResult *result, GError **error);

/**
 * bz_patient_report_layout:
 * @pango: the target's Pango context
 * @width: the printable width (pt)
 * @height: each page's height for content (pt)
 * Returns: (transfer full): the report laid out on pages.
 */
BzPrintFlow     *bz_patient_report_layout (const BzPatientReport *report, PangoContext *pango, double width, double height);

/**
 * bz_patient_report_export_pdf:
 * @path: the PDF to write (replaced)
 * Renders the report through the print operation without a dialog.
 * Returns: %TRUE when written; %FALSE with @error.
 */
gboolean         bz_patient_report_export_pdf (const BzPatientReport *report, const char *path, GError **error);

/**
 * bz_patient_report_run:
 * @parent: (nullable): the window of the print dialog and of any error
 * @avatar: (nullable): a picture of the avatar
 * Loads the report, then opens the system print dialog ("Print to File"
 * writes a PDF).  Returns at once; errors are shown on @parent.
 */
void             bz_patient_report_run (GtkWindow *parent, BzGuiSession *session, const char *patient_id,
                                        GdkTexture *avatar);

G_END_DECLS
