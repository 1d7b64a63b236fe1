/* bz-plan-print-op.c — the meal plan's GtkPrintOperation (see
 * bz-plan-print.h): printing through the system dialog, exporting to PDF
 * without one, and saving a PDF where the user chooses.  The layout is
 * bz_plan_print_layout() (bz-plan-print.c). */
#include "bz-plan-print.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bz-gui-session.h"
#include "bz-gui-util.h"
#include "bz-print-op.h"
#include "bz-window.h"

/* --- the print operation ---------------------------------------------------- */

static BzPrintFlow *
plan_layout (gpointer data, PangoContext *pango, double width, double height)
{
  return bz_plan_print_layout (data, pango, width, height);
}

static char *
plan_footer (gpointer data, int page, guint n_pages)
{
  BzMealPlanDocument *doc = data;
  const char *name = bz_record_get_string (doc->plan, BZ_MEAL_PLAN_PLAN_NAME);

  return g_strdup_printf (_("%s · %s · page %d of %u"), doc->patient_name ? doc->patient_name : "",
                          name && *name ? name : _("Meal plan"), page + 1, n_pages);
}

static GtkPrintOperation *
operation_new (BzMealPlanDocument *doc, gboolean owns_doc)
{
  const char *name = bz_record_get_string (doc->plan, BZ_MEAL_PLAN_PLAN_NAME);
  g_autofree char *job_name = g_strdup_printf ("%s — %s", _("Meal plan"), name && *name ? name : "");

  return bz_print_operation_new (job_name, plan_layout, plan_footer, doc,
                                 owns_doc ? (GDestroyNotify) bz_meal_plan_document_free : NULL);
}

gboolean
bz_plan_print_export_pdf (const BzMealPlanDocument *doc, const char *path, GError **error)
{
  g_autoptr(GtkPrintOperation) op = NULL;

  g_return_val_if_fail (doc != NULL && path != NULL, FALSE);
  op = operation_new ((BzMealPlanDocument *) doc, FALSE);
  return bz_print_operation_export_pdf (op, path, error);
}

static void
show_error (GtkWindow *parent, const char *message)
{
  bz_print_show_error (parent, _("Could not print the meal plan"), message);
}

static void
document_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GtkWindow) parent = user_data;   /* a ref, or NULL */
  g_autoptr(GError) error = NULL;
  BzMealPlanDocument *doc = bz_meal_plans_document_finish (BZ_SERVICES (source), result, &error);

  if (doc == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      show_error (parent, message);
      return;
    }
  bz_print_operation_run_dialog (operation_new (doc, TRUE), parent, _("Could not print the meal plan"));
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
