/* bz-plan-print-op.c — the meal plan's GtkPrintOperation (see
 * bz-plan-print.h): printing through the system dialog, exporting to PDF
 * without one, and saving a PDF where the user chooses.  The layout is
 * bz_plan_print_layout() (bz-plan-print.c). */
#include "bz-plan-print.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bz-gui-session.h"
#include "bz-gui-util.h"
#include "bz-window.h"

#define FONT_FOOTER "Sans 8.5"
#define FOOTER_HEIGHT 22.0   /* pt kept free at the bottom of each page */
#define MARGIN_MM 15.0       /* default page margins */

/* --- the print operation ---------------------------------------------------- */

typedef struct
{
  BzMealPlanDocument *doc;     /* owned when @owns_doc */
  gboolean owns_doc;
  BzPrintFlow *flow;
} PrintJob;

static void
print_job_free (gpointer p)
{
  PrintJob *job = p;
  if (job->owns_doc)
    bz_meal_plan_document_free (job->doc);
  g_clear_pointer (&job->flow, bz_print_flow_free);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *op, GtkPrintContext *context, gpointer user_data)
{
  PrintJob *job = user_data;
  PangoContext *pango = gtk_print_context_create_pango_context (context);

  g_clear_pointer (&job->flow, bz_print_flow_free);
  job->flow = bz_plan_print_layout (job->doc, pango, gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context) - FOOTER_HEIGHT);
  g_object_unref (pango);
  gtk_print_operation_set_n_pages (op, (int) bz_print_flow_get_n_pages (job->flow));
}

static void
draw_page_cb (GtkPrintOperation *op, GtkPrintContext *context, int page_nr, gpointer user_data)
{
  PrintJob *job = user_data;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(PangoLayout) footer = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FOOTER);
  const char *name = bz_record_get_string (job->doc->plan, BZ_MEAL_PLAN_PLAN_NAME);
  g_autofree char *text = NULL;
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  int lw, lh;

  bz_print_flow_draw_page (job->flow, cr, (guint) page_nr);

  text = g_strdup_printf (_("%s · %s · page %d of %u"), job->doc->patient_name ? job->doc->patient_name : "",
                          name && *name ? name : _("Meal plan"), page_nr + 1, bz_print_flow_get_n_pages (job->flow));
  pango_layout_set_font_description (footer, font);
  pango_layout_set_text (footer, text, -1);
  pango_layout_set_width (footer, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (footer, PANGO_ALIGN_RIGHT);
  pango_layout_get_size (footer, &lw, &lh);
  cairo_set_source_rgb (cr, 0.4, 0.45, 0.4);
  cairo_move_to (cr, 0, height - (double) lh / PANGO_SCALE);
  pango_cairo_show_layout (cr, footer);
}

static GtkPrintOperation *
operation_new (PrintJob *job)
{
  GtkPrintOperation *op = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  const char *name = bz_record_get_string (job->doc->plan, BZ_MEAL_PLAN_PLAN_NAME);
  g_autofree char *job_name = g_strdup_printf ("%s — %s", _("Meal plan"), name && *name ? name : "");

  gtk_page_setup_set_top_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (op, FALSE);
  gtk_print_operation_set_job_name (op, job_name);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_object_set_data_full (G_OBJECT (op), "bz-print-job", job, print_job_free);
  return op;
}

gboolean
bz_plan_print_export_pdf (const BzMealPlanDocument *doc, const char *path, GError **error)
{
  PrintJob *job;
  g_autoptr(GtkPrintOperation) op = NULL;
  GtkPrintOperationResult res;

  g_return_val_if_fail (doc != NULL && path != NULL, FALSE);
  job = g_new0 (PrintJob, 1);
  job->doc = (BzMealPlanDocument *) doc;
  op = operation_new (job);
  gtk_print_operation_set_export_filename (op, path);
  res = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
  return res != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
show_error (GtkWindow *parent, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could not print the meal plan"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_done_cb (GtkPrintOperation *op, GtkPrintOperationResult result, gpointer user_data)
{
  GtkWindow *parent = user_data;
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (op, &error);
      show_error (parent, error ? error->message : "");
    }
  g_clear_object (&parent);
  g_object_unref (op);
}

static void
document_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GtkWindow) parent = user_data;   /* a ref, or NULL */
  g_autoptr(GError) error = NULL;
  BzMealPlanDocument *doc = bz_meal_plans_document_finish (BZ_SERVICES (source), result, &error);
  GtkPrintOperation *op;
  PrintJob *job;

  if (doc == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      show_error (parent, message);
      return;
    }
  job = g_new0 (PrintJob, 1);
  job->doc = doc;
  job->owns_doc = TRUE;
  op = operation_new (job);
  gtk_print_operation_set_allow_async (op, TRUE);
  /* "done" drops the reference it is given; this function drops its own */
  g_object_ref (op);
  g_signal_connect (op, "done", G_CALLBACK (print_done_cb), parent ? g_object_ref (parent) : NULL);
  if (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (parent, error ? error->message : "");
  g_object_unref (op);
}

void
bz_plan_print_run (GtkWindow *parent, BzServices *svc, const BzCaller *caller, const char *draft_id)
{
  g_return_if_fail (BZ_IS_SERVICES (svc));
  bz_meal_plans_document_async (svc, caller, draft_id, NULL, document_done_cb,
                                parent ? g_object_ref (parent) : NULL);
}

/* --- save as PDF ---------------------------------------------------------------- */

typedef struct
{
  GtkWindow *parent;    /* a ref, or NULL */
  BzServices *svc;
  BzCaller *caller;
  char *draft_id;
  char *path;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->svc);
  g_clear_pointer (&job->caller, bz_caller_free);
  g_free (job->draft_id);
  g_free (job->path);
  g_free (job);
}

static void
save_document_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SaveJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzMealPlanDocument) doc = bz_meal_plans_document_finish (BZ_SERVICES (source), result, &error);

  if (doc == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      show_error (job->parent, message);
    }
  else if (!bz_plan_print_export_pdf (doc, job->path, &error))
    show_error (job->parent, error ? error->message : "");
  else if (job->parent && BZ_IS_WINDOW (job->parent))
    {
      g_autofree char *name = g_path_get_basename (job->path);
      g_autofree char *message = g_strdup_printf (_("Meal plan saved as %s"), name);
      bz_window_add_toast (BZ_WINDOW (job->parent), message);
    }
  save_job_free (job);
}

static void
save_chooser_response_cb (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  SaveJob *job = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL || (job->path = g_file_get_path (file)) == NULL)
    save_job_free (job);
  else
    bz_meal_plans_document_async (job->svc, job->caller, job->draft_id, NULL, save_document_done_cb, job);
  g_object_unref (chooser);
}

void
bz_plan_print_save_pdf (GtkWindow *parent, BzServices *svc, const BzCaller *caller, const char *draft_id,
                        const char *file_name)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  SaveJob *job;

  g_return_if_fail (BZ_IS_SERVICES (svc));
  job = g_new0 (SaveJob, 1);
  job->parent = parent ? g_object_ref (parent) : NULL;
  job->svc = g_object_ref (svc);
  job->caller = caller ? bz_caller_copy (caller) : NULL;
  job->draft_id = g_strdup (draft_id);

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  chooser = gtk_file_chooser_native_new (_("Save Meal Plan as PDF"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name ? file_name : _("meal-plan.pdf"));
  /* the chooser's reference is dropped in its response handler */
  g_signal_connect (chooser, "response", G_CALLBACK (save_chooser_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
