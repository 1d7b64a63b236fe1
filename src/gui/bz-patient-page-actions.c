/* bz-patient-page-actions.c — the patient page's actions on the whole
 * record: the progress report (patient.print-report), editing the patient
 * (patient.edit), pairing a phone (patient.pair-phone), a password-reset
 * code (patient.reset-password) and the meal-plan
 * editor (patient.open-plan).  The widget
 * itself is in bz-patient-page.c. */
#include "bz-patient-page-private.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bz-pairing-dialog.h"
#include "bz-password-reset-service.h"
#include "bz-patient-dialog.h"
#include "bz-patient-report.h"
#include "bz-plan-editor.h"
#include "bz-ai-plans-dialog.h"
#include "bz-scan-dialog.h"
#include "bz-scan-service.h"

/* --- progress report ------------------------------------------------------------ */

GdkTexture *
bz_patient_page_avatar_picture (BzPatientPage *self)
{
  GtkWidget *view = GTK_WIDGET (self->avatar_view);
  GtkNative *native = gtk_widget_get_native (view);
  int width = gtk_widget_get_width (view), height = gtk_widget_get_height (view);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;

  if (native == NULL || width <= 0 || height <= 0 || self->shown_avatar_id == NULL
      || g_strcmp0 (gtk_stack_get_visible_child_name (self->avatar_stack), "view") != 0)
    return NULL;
  paintable = gtk_widget_paintable_new (view);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return NULL;
  return gsk_renderer_render_texture (gtk_native_get_renderer (native), node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* patient.print-report: the progress report in the print dialog, with the
 * avatar as the page shows it. */
void
bz_patient_page_print_report_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BzPatientPage *self = BZ_PATIENT_PAGE (widget);
  g_autoptr(GdkTexture) avatar = NULL;

  if (self->session == NULL || self->patient_id == NULL || self->kiosk)
    return;
  avatar = bz_patient_page_avatar_picture (self);
  bz_patient_report_run (GTK_WINDOW (gtk_widget_get_root (widget)), self->session, self->patient_id, avatar);
}

/* patient.pair-phone (Shift+Ctrl+D): a QR code that pairs the patient's
 * phone, and their paired devices (bz-pairing-dialog.h). */
void
bz_patient_page_pair_phone_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BzPatientPage *self = BZ_PATIENT_PAGE (widget);
  BzPairingDialog *dialog;

  if (self->session == NULL || self->patient_id == NULL || self->kiosk)
    return;
  dialog = bz_pairing_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->session, self->patient_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* patient.reset-password: the member forgot the password (with no e-mail
 * provider the code is handed over at the desk or read on the phone).  A
 * new code, shown once in a dialog (selectable; the store keeps its hash). */
static void
reset_code_ready (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPatientPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) code = bz_password_reset_code_create_finish (BZ_SERVICES (source), result, &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *box, *label;
  g_autofree char *body = NULL, *shown = NULL, *until = NULL;

  if (root == NULL || !GTK_IS_WINDOW (root))
    return;
  if (code == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      dialog = adw_message_dialog_new (GTK_WINDOW (root), _("No Reset Code"), message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  {
    const char *c = bz_record_get_string (code, BZ_PASSWORD_RESET_CODE_CODE);
    g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (bz_record_get_string (code, BZ_PASSWORD_RESET_CODE_EXPIRES_AT), NULL);
    g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
    shown = g_strdup_printf ("%.4s-%s", c, c + 4);
    until = local ? g_date_time_format (local, "%H:%M") : g_strdup ("");
  }
  /* TRANSLATORS: the patient's name, their e-mail, a time (HH:MM) and a number of tries */
  body = g_strdup_printf (_("Give this code to %s. In the app, under “Forgot your password?”, they enter %s, the code "
                            "and a new password. It works once, until %s, and is void after %d wrong tries. "
                            "It is not shown again."),
                          self->name ? self->name : "", bz_record_get_string (code, BZ_PASSWORD_RESET_CODE_EMAIL), until,
                          (int) bz_record_get_int (code, BZ_PASSWORD_RESET_CODE_ATTEMPTS_MAX));
  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Password Reset Code"), body);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new (shown);
  gtk_widget_set_name (label, "password-reset-code");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "title-1");
  gtk_widget_add_css_class (label, "monospace");
  gtk_box_append (GTK_BOX (box), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Done"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
bz_patient_page_reset_password_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BzPatientPage *self = BZ_PATIENT_PAGE (widget);

  if (self->session == NULL || self->patient_id == NULL || self->kiosk)
    return;
  bz_password_reset_code_create_async (bz_gui_session_get_services (self->session),
                                       bz_gui_session_get_caller (self->session), self->patient_id, NULL,
                                       reset_code_ready, g_object_ref (self));
}

/* patient.edit (Ctrl+E): the patient's details and status (bz-patient-dialog.h). */
static void
edit_saved_cb (BzPatientPage *self, BzRecord *info)
{
  bz_patient_page_load_info (self);
}

static void
account_deleted_cb (BzPatientPage *self)
{
  bz_patient_page_load_info (self);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("The patient’s account was deleted")));
}

void
bz_patient_page_edit_patient_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BzPatientPage *self = BZ_PATIENT_PAGE (widget);
  BzPatientDialog *dialog;

  if (self->session == NULL || self->patient_id == NULL || self->kiosk)
    return;
  dialog = bz_patient_dialog_new_edit (GTK_WINDOW (gtk_widget_get_root (widget)), self->session, self->patient_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (edit_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "account-deleted", G_CALLBACK (account_deleted_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- meal plan ------------------------------------------------------------------ */

/* patient.open-plan: the patient's meal-plan editor (one per page). */
void
bz_patient_page_open_plan_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BzPatientPage *self = BZ_PATIENT_PAGE (widget);
  BzPlanEditor *editor;

  if (self->session == NULL || self->patient_id == NULL || self->kiosk)
    return;
  if (self->plan_editor)
    {
      gtk_window_present (self->plan_editor);
      return;
    }
  editor = bz_plan_editor_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->session, self->patient_id, self->name);
  self->plan_editor = GTK_WINDOW (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &self->plan_editor);
  gtk_window_present (GTK_WINDOW (editor));
}

void
bz_patient_page_close_plan_editor (BzPatientPage *self)
{
  if (self->plan_editor)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->plan_editor), (gpointer *) &self->plan_editor);
      gtk_window_destroy (self->plan_editor);
      self->plan_editor = NULL;
    }
}


/* patient.add-scan (Ctrl+Shift+S): a body scan typed in from the InBody
 * printout (bz-scan-dialog.h), starting from the latest scan's sex, age and
 * height; the page follows the store's change notice. */
void
bz_patient_page_add_scan_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BzPatientPage *self = BZ_PATIENT_PAGE (widget);
  BzRecord *latest = NULL;
  BzScanDialog *dialog;

  if (self->session == NULL || self->patient_id == NULL || self->kiosk)
    return;
  if (self->scans && bz_record_get_n_items (self->scans, BZ_SCAN_LIST_SCANS) > 0)
    latest = bz_record_get_item (self->scans, BZ_SCAN_LIST_SCANS, 0);   /* newest first */
  dialog = bz_scan_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->session, self->patient_id, latest);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* patient.ai-plans (Ctrl+Shift+G): generate, review and replace the
 * patient's diet and workout plans, with the integrations' health
 * (bz-ai-plans-dialog.h). */
void
bz_patient_page_ai_plans_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BzPatientPage *self = BZ_PATIENT_PAGE (widget);
  BzAiPlansDialog *dialog;

  if (self->session == NULL || self->patient_id == NULL || self->kiosk)
    return;
  dialog = bz_ai_plans_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->session, self->patient_id, self->name);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- panes ------------------------------------------------------------------- *
 * Wide, the body and the nutrition panes stand side by side; when the
 * window is narrower than their natural widths (an 800x600 screen, the
 * kiosk in portrait) the AdwLeaflet folds and shows one at a time, chosen
 * with the Body | Nutrition switcher (or a swipe). */

static gboolean
update_panes (gpointer data)
{
  BzPatientPage *self = data;
  gboolean folded = adw_leaflet_get_folded (self->columns);
  const char *shown = adw_leaflet_get_visible_child_name (self->columns);

  self->panes_idle = 0;
  gtk_widget_set_visible (self->pane_switcher, folded);
  gtk_widget_set_margin_end (self->body_pane, folded ? 0 : 24);
  if (g_strcmp0 (shown, "nutrition") == 0)
    gtk_toggle_button_set_active (self->nutrition_toggle, TRUE);
  else
    gtk_toggle_button_set_active (self->body_toggle, TRUE);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is being allocated: the switcher and the
 * margin change after that frame's layout, not inside it. */
void
bz_patient_page_panes_changed (BzPatientPage *self)
{
  if (self->panes_idle == 0)
    self->panes_idle = g_idle_add (update_panes, self);
}

void
bz_patient_page_pane_toggled (BzPatientPage *self)
{
  const char *want = gtk_toggle_button_get_active (self->nutrition_toggle) ? "nutrition" : "body";

  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->columns), want) != 0)
    adw_leaflet_set_visible_child_name (self->columns, want);
}

gboolean
bz_patient_page_is_folded (BzPatientPage *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_PAGE (self), FALSE);
  return adw_leaflet_get_folded (self->columns);
}

void
bz_patient_page_show_pane (BzPatientPage *self, const char *pane)
{
  g_return_if_fail (BZ_IS_PATIENT_PAGE (self));
  g_return_if_fail (g_strcmp0 (pane, "body") == 0 || g_strcmp0 (pane, "nutrition") == 0);
  gtk_toggle_button_set_active (g_strcmp0 (pane, "nutrition") == 0 ? self->nutrition_toggle : self->body_toggle, TRUE);
}
