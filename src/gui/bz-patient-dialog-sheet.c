/* bz-patient-dialog-sheet.c — the New Patient dialog's "created" page: the
 * temporary password shown once (selectable, Copy, Print) and its printed
 * hand-over sheet laid out with bz-print-flow.h (bz-patient-dialog-private.h). */
#include "bz-patient-dialog-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bz-gui-util.h"
#include "bz-print-flow.h"
#include "bz-gui-session.h"

#define MARGIN_MM 15.0

typedef struct
{
  char *name, *email, *password, *nutritionist;
  BzPrintFlow *flow;
} Sheet;

static void
sheet_free (gpointer p)
{
  Sheet *s = p;
  if (s->password)
    memset (s->password, 0, strlen (s->password));
  g_free (s->password);
  g_free (s->name);
  g_free (s->email);
  g_free (s->nutritionist);
  g_clear_pointer (&s->flow, bz_print_flow_free);
  g_free (s);
}

static void
begin_print_cb (GtkPrintOperation *op, GtkPrintContext *context, gpointer user_data)
{
  Sheet *s = user_data;
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = bz_date_time_format (now, _("%e %B %Y"));
  g_autofree char *who = g_markup_printf_escaped ("<b>%s</b>", s->name);
  g_autofree char *email = g_markup_printf_escaped ("%s", s->email);
  g_autofree char *password = g_markup_printf_escaped ("<b>%s</b>", s->password);
  g_autofree char *foot = NULL;

  g_clear_pointer (&s->flow, bz_print_flow_free);
  s->flow = bz_print_flow_new (pango, gtk_print_context_get_width (context), gtk_print_context_get_height (context));
  bz_print_flow_paragraph (s->flow, "Sans Bold 18", _("Welcome to Balanza"), 0, 0, 0);
  bz_print_flow_paragraph (s->flow, "Sans 10", date, 0, 4, 0);
  bz_print_flow_rule (s->flow, 10);
  bz_print_flow_paragraph (s->flow, "Sans 10", _("Patient"), 0, 14, 0);
  bz_print_flow_paragraph (s->flow, "Sans 14", who, 0, 2, 0);
  bz_print_flow_paragraph (s->flow, "Sans 10", _("Sign-in email"), 0, 12, 0);
  bz_print_flow_paragraph (s->flow, "Monospace 14", email, 0, 2, 0);
  bz_print_flow_paragraph (s->flow, "Sans 10", _("Temporary password"), 0, 12, 0);
  bz_print_flow_paragraph (s->flow, "Monospace 22", password, 0, 2, 0);
  bz_print_flow_rule (s->flow, 14);
  bz_print_flow_paragraph (s->flow, "Sans 11",
                           _("Sign in to the Balanza app with this email and password. At the first sign-in you "
                             "will be asked to choose your own password; this one then stops working."),
                           0, 12, 0);
  bz_print_flow_paragraph (s->flow, "Sans 11",
                           _("Keep this sheet private and destroy it once you have chosen your password."),
                           0, 8, 0);
  if (s->nutritionist)
    {
      /* TRANSLATORS: %s is the nutritionist's email */
      g_autofree char *text = g_strdup_printf (_("Handed over by %s"), s->nutritionist);
      foot = g_markup_escape_text (text, -1);
      bz_print_flow_paragraph (s->flow, "Sans 9", foot, 0, 18, 0);
    }
  g_object_unref (pango);
  gtk_print_operation_set_n_pages (op, (int) bz_print_flow_get_n_pages (s->flow));
}

static void
draw_page_cb (GtkPrintOperation *op, GtkPrintContext *context, int page_nr, gpointer user_data)
{
  Sheet *s = user_data;
  bz_print_flow_draw_page (s->flow, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

GtkPrintOperation *
bz_handover_sheet_operation (const char *patient_name, const char *email, const char *password,
                             const char *nutritionist)
{
  GtkPrintOperation *op = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  Sheet *s = g_new0 (Sheet, 1);

  s->name = g_strdup (patient_name ? patient_name : "");
  s->email = g_strdup (email ? email : "");
  s->password = g_strdup (password ? password : "");
  s->nutritionist = g_strdup (nutritionist);
  gtk_page_setup_set_top_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (op, _("Balanza sign-in sheet"));
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), s);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), s);
  g_object_set_data_full (G_OBJECT (op), "bz-handover-sheet", s, sheet_free);
  return op;
}

/* --- the password, once ------------------------------------------------------- */

void
bz_patient_dialog_forget_password (BzPatientDialog *self)
{
  if (self->password)
    memset (self->password, 0, strlen (self->password));
  g_clear_pointer (&self->password, g_free);
  if (self->password_label)
    gtk_label_set_label (self->password_label, "");
}

static void
copy_clicked_cb (BzPatientDialog *self)
{
  if (self->password)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->password);
}

static void
print_done_cb (GtkPrintOperation *op, GtkPrintOperationResult result, gpointer user_data)
{
  g_autoptr(BzPatientDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (op, &error);
      bz_patient_dialog_show_reason (self, error ? error->message : _("Could not print"));
    }
  g_object_unref (op);
}

static GtkPrintOperation *
sheet_operation (BzPatientDialog *self)
{
  const BzCaller *caller = self->session ? bz_gui_session_get_caller (self->session) : NULL;
  return bz_handover_sheet_operation (self->created_name, self->created_email, self->password,
                                      caller ? caller->email : NULL);
}

static void
print_clicked_cb (BzPatientDialog *self)
{
  GtkPrintOperation *op;

  if (self->password == NULL)
    return;
  op = sheet_operation (self);
  g_signal_connect (op, "done", G_CALLBACK (print_done_cb), g_object_ref (self));
  gtk_print_operation_set_allow_async (op, TRUE);
  if (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), NULL)
      != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      /* "done" was emitted already (or will not be): drop the extra ref now. */
      g_signal_handlers_disconnect_by_func (op, print_done_cb, self);
      g_object_unref (self);
      g_object_unref (op);
    }
}

gboolean
bz_patient_dialog_export_sheet (BzPatientDialog *self, const char *path, GError **error)
{
  g_autoptr(GtkPrintOperation) op = NULL;

  g_return_val_if_fail (BZ_IS_PATIENT_DIALOG (self), FALSE);
  if (self->password == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No temporary password to hand over");
      return FALSE;
    }
  op = sheet_operation (self);
  gtk_print_operation_set_export_filename (op, path);
  return gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}


GtkWidget *
bz_patient_dialog_build_created (BzPatientDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *copy = gtk_button_new_with_mnemonic (_("_Copy"));
  GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print Sheet…"));
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->created_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->created_page, "avatar-default-symbolic");
  adw_status_page_set_title (self->created_page, _("Patient Added"));
  self->password_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_selectable (self->password_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->password_label), "title-1");
  gtk_widget_add_css_class (GTK_WIDGET (self->password_label), "monospace");
  g_object_set (self->password_label, "margin-start", 18, "margin-end", 18, "margin-top", 8, "margin-bottom", 8, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->password_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Temporary password"), -1);
  gtk_widget_add_css_class (copy, "pill");
  gtk_widget_add_css_class (print, "pill");
  gtk_widget_set_tooltip_text (copy, _("Copy the password to the clipboard"));
  gtk_widget_set_tooltip_text (print, _("Print a sheet to hand to the patient"));
  g_signal_connect_swapped (copy, "clicked", G_CALLBACK (copy_clicked_cb), self);
  g_signal_connect_swapped (print, "clicked", G_CALLBACK (print_clicked_cb), self);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), copy);
  gtk_box_append (GTK_BOX (buttons), print);
  {
    GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    gtk_widget_add_css_class (card, "card");
    gtk_widget_set_halign (card, GTK_ALIGN_CENTER);
    gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->password_label));
    gtk_box_append (GTK_BOX (box), card);
  }
  gtk_box_append (GTK_BOX (box), buttons);
  adw_status_page_set_child (self->created_page, box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->created_page));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  return scroller;
}

