/* bz-print-op.h — the GtkPrintOperation every printed document shares
 * (the meal plan, bz-plan-print.h; the patient report,
 * bz-patient-report.h): 15 mm margins, points, a layout made by the
 * document's function when printing begins (a #BzPrintFlow), and a footer
 * line on every page.  Printing through the system dialog ("Print to File"
 * writes a PDF there) or exporting a PDF without one. */
#pragma once

#include <gtk/gtk.h>

#include "bz-print-flow.h"

G_BEGIN_DECLS

/**
 * BzPrintLayoutFunc:
 * @data: the document
 * @pango: the print context's Pango context
 * @width: the printable width (pt)
 * @height: the height each page has for content, the footer excluded (pt)
 * Returns: (transfer full): the document laid out on pages.
 */
typedef BzPrintFlow *(*BzPrintLayoutFunc) (gpointer data, PangoContext *pango, double width, double height);

/**
 * BzPrintFooterFunc:
 * @data: the document
 * @page: the page, from 0
 * @n_pages: the number of pages
 * Returns: (transfer full): the page's footer text, right-aligned.
 */
typedef char *(*BzPrintFooterFunc) (gpointer data, int page, guint n_pages);

/**
 * bz_print_operation_new:
 * @job_name: the print job's name
 * @layout: lays the document out at "begin-print"
 * @footer: the footer of each page
 * @data: (transfer full): the document, for @layout and @footer
 * @destroy: (nullable): frees @data with the operation
 *
 * The document is laid out and drawn in the language of Preferences ›
 * Language of reports, read now (bz_print_language_from_settings(); the
 * layout and each page run inside bz_print_language_push()); @job_name and
 * the print dialog stay in the desk's language.
 *
 * Returns: (transfer full): the operation, not yet run.
 */
GtkPrintOperation *bz_print_operation_new (const char *job_name, BzPrintLayoutFunc layout, BzPrintFooterFunc footer,
                                           gpointer data, GDestroyNotify destroy);

/**
 * bz_print_operation_export_pdf:
 * @op: (transfer none): from bz_print_operation_new()
 * @path: the PDF to write (replaced if it exists)
 * @error: a GtkPrintError or a GIOError
 * Renders without a dialog (%GTK_PRINT_OPERATION_ACTION_EXPORT), on the
 * locale's default paper size.
 * Returns: %TRUE when the file was written.
 */
gboolean           bz_print_operation_export_pdf (GtkPrintOperation *op, const char *path, GError **error);

/**
 * bz_print_operation_run_dialog:
 * @op: (transfer full): from bz_print_operation_new()
 * @parent: (nullable): the dialog's window
 * @error_title: the title of the error dialog shown when printing fails
 * Opens the system print dialog; returns at once.
 */
void               bz_print_operation_run_dialog (GtkPrintOperation *op, GtkWindow *parent, const char *error_title);

/**
 * bz_print_show_error:
 * @parent: (nullable): the window
 * Shows @title and @message in a dialog on @parent.
 */
void               bz_print_show_error (GtkWindow *parent, const char *title, const char *message);

G_END_DECLS
