/* bz-print-op.c — the shared GtkPrintOperation (see bz-print-op.h). */
#include "bz-print-op.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bz-print-language.h"

#define FONT_FOOTER "Sans 8.5"
#define FOOTER_HEIGHT 22.0   /* pt kept free at the bottom of each page */
#define MARGIN_MM 15.0       /* default page margins */

typedef struct
{
  BzPrintLayoutFunc layout;
  BzPrintFooterFunc footer;
  gpointer data;
  GDestroyNotify destroy;
  BzPrintFlow *flow;
  char *error_title;
  char *language;   /* the reports' language, NULL = the desk's */
} PrintJob;

static void
print_job_free (gpointer p)
{
  PrintJob *job = p;
  if (job->destroy)
    job->destroy (job->data);
  g_clear_pointer (&job->flow, bz_print_flow_free);
  g_free (job->error_title);
  g_free (job->language);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *op, GtkPrintContext *context, gpointer user_data)
{
  PrintJob *job = user_data;
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  g_autoptr(BzPrintLanguageScope) scope = bz_print_language_push (job->language);

  g_clear_pointer (&job->flow, bz_print_flow_free);
  job->flow = job->layout (job->data, pango, gtk_print_context_get_width (context),
                           gtk_print_context_get_height (context) - FOOTER_HEIGHT);
  g_object_unref (pango);
  gtk_print_operation_set_n_pages (op, (int) bz_print_flow_get_n_pages (job->flow));
}

static void
draw_page_cb (GtkPrintOperation *op, GtkPrintContext *context, int page_nr, gpointer user_data)
{
  PrintJob *job = user_data;
  g_autoptr(BzPrintLanguageScope) scope = bz_print_language_push (job->language);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(PangoLayout) footer = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FOOTER);
  g_autofree char *text = job->footer (job->data, page_nr, bz_print_flow_get_n_pages (job->flow));
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  int lw, lh;

  bz_print_flow_draw_page (job->flow, cr, (guint) page_nr);
  pango_layout_set_font_description (footer, font);
  pango_layout_set_text (footer, text, -1);
  pango_layout_set_width (footer, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (footer, PANGO_ALIGN_RIGHT);
  pango_layout_get_size (footer, &lw, &lh);
  cairo_set_source_rgb (cr, 0.4, 0.45, 0.4);
  cairo_move_to (cr, 0, height - (double) lh / PANGO_SCALE);
  pango_cairo_show_layout (cr, footer);
}

GtkPrintOperation *
bz_print_operation_new (const char *job_name, BzPrintLayoutFunc layout, BzPrintFooterFunc footer,
                        gpointer data, GDestroyNotify destroy)
{
  GtkPrintOperation *op = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  PrintJob *job = g_new0 (PrintJob, 1);

  job->layout = layout;
  job->footer = footer;
  job->data = data;
  job->destroy = destroy;
  job->language = bz_print_language_from_settings ();
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
bz_print_operation_export_pdf (GtkPrintOperation *op, const char *path, GError **error)
{
  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (op) && path != NULL, FALSE);
  gtk_print_operation_set_export_filename (op, path);
  return gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

void
bz_print_show_error (GtkWindow *parent, const char *title, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, title, message);
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
      const char *title = g_object_get_data (G_OBJECT (op), "bz-print-error-title");
      gtk_print_operation_get_error (op, &error);
      bz_print_show_error (parent, title, error ? error->message : "");
    }
  g_clear_object (&parent);
  g_object_unref (op);
}

void
bz_print_operation_run_dialog (GtkPrintOperation *op, GtkWindow *parent, const char *error_title)
{
  g_autoptr(GError) error = NULL;

  g_object_set_data_full (G_OBJECT (op), "bz-print-error-title", g_strdup (error_title), g_free);
  gtk_print_operation_set_allow_async (op, TRUE);
  /* "done" drops the reference it is given; this function drops the caller's */
  g_object_ref (op);
  g_signal_connect (op, "done", G_CALLBACK (print_done_cb), parent ? g_object_ref (parent) : NULL);
  if (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    bz_print_show_error (parent, error_title, error ? error->message : "");
  g_object_unref (op);
}
