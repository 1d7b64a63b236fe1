/* bz-plan-print.h — printing a meal plan and exporting it to PDF (issue 7,
 * "At the desk"), in the interface's language (Spanish first): a header with
 * the patient, the plan and its dates; the plan day by day (each meal slot
 * with its recipes and servings, the day's kcal, macronutrients and SMAE
 * equivalents); each recipe's ingredients (per serving and for the whole
 * plan) and steps; and the shopping list by food group.
 *
 * Layout: Pango (wrapping inside table cells and paragraphs), paginated by
 * whole lines and table rows, so no text is cut at a page's end; headings
 * keep a few lines of what follows on their page; every page has a footer
 * "page n of N".  Paper size and margins come from the print dialog (A4 or
 * Letter, as the print settings say). */
#pragma once

#include <gtk/gtk.h>

#include "bz-meal-plan-document.h"
#include "bz-print-flow.h"
#include "bz-services.h"

G_BEGIN_DECLS

/**
 * bz_plan_print_run:
 * @parent: (nullable): the window the print dialog belongs to
 * @svc: the service layer
 * @caller: the signed-in user (the patient's nutritionist, or the patient)
 * @draft_id: the plan's draftId
 *
 * Loads the plan's document (bz_meal_plans_document_async()) and opens the
 * system print dialog (GtkPrintOperation) on it; "Print to File" there
 * writes a PDF.  Errors (a plan that cannot be read, a printing failure)
 * are shown in a dialog on @parent.  Returns at once.
 */
void     bz_plan_print_run        (GtkWindow *parent, BzServices *svc, const BzCaller *caller, const char *draft_id);

/**
 * bz_plan_print_export_pdf:
 * @doc: the plan's document
 * @path: the PDF file to write (replaced if it exists)
 * @error: a GtkPrintError or a GIOError when the file cannot be written
 *
 * Renders @doc to a PDF without a dialog, through the same
 * GtkPrintOperation as bz_plan_print_run() (action
 * %GTK_PRINT_OPERATION_ACTION_EXPORT with export-filename), on the default
 * paper size of the locale (gtk_paper_size_get_default()).
 *
 * Returns: %TRUE when the file was written; %FALSE with @error.
 */
gboolean bz_plan_print_export_pdf (const BzMealPlanDocument *doc, const char *path, GError **error);

/**
 * bz_plan_print_save_pdf:
 * @parent: (nullable): the window the file chooser belongs to; a #BzWindow
 *   also shows a toast when the file is saved
 * @svc: the service layer
 * @caller: the signed-in user
 * @draft_id: the plan's draftId
 * @file_name: (nullable): the suggested file name ("plan-ana-lopez.pdf")
 *
 * Asks where to save (GtkFileChooserNative), then loads the plan's document
 * (bz_meal_plans_document_async()) and writes it with
 * bz_plan_print_export_pdf().  Errors are shown in a dialog on @parent.
 * Returns at once.
 */
void     bz_plan_print_save_pdf   (GtkWindow *parent, BzServices *svc, const BzCaller *caller, const char *draft_id,
                                   const char *file_name);

/**
 * bz_plan_print_layout:
 * @doc: the plan's document
 * @context: the Pango context of the target (a print context's, or a
 *   Cairo one at 72 dpi for points)
 * @width: the printable width
 * @height: the height each page has for content (the footer excluded)
 *
 * Lays the whole printed plan out on pages; what "begin-print" does.
 *
 * Returns: (transfer full): the pages.
 */
BzPrintFlow *bz_plan_print_layout (const BzMealPlanDocument *doc, PangoContext *context, double width,
                                   double height);

/**
 * bz_plan_meal_label:
 * @meal_name: a meal slot's name as the plan stores it ("breakfast",
 *   "Colación")
 * Returns: (transfer none): the translated label of one of the meal types
 *   (bz_meal_type_label()) when @meal_name is one of them in any of its
 *   spellings, else @meal_name itself.
 */
const char *bz_plan_meal_label   (const char *meal_name);

/**
 * bz_plan_format_servings:
 * Returns: (transfer full): "1 serving", "1.5 servings" (translated).
 */
char       *bz_plan_format_servings (double servings);

G_END_DECLS
