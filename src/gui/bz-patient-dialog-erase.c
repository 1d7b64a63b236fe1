/* bz-patient-dialog-erase.c — the Edit Patient dialog's "Delete Account…":
 * the nutritionist carries out the patient's request to cancel their data
 * (LFPDPPP, seed 002 §7.3; bz_privacy_delete_account_for_patient()).
 *
 * A destructive row at the foot of the form; its question (AdwMessageDialog)
 * names what is erased and that it cannot be undone.  On success the dialog
 * emits "account-deleted" and closes; on failure the reason line says why. */
#include "bz-patient-dialog-private.h"

#include <glib/gi18n.h>

#include "bz-privacy-service.h"

static void
deleted_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(BzPatientDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) r = bz_privacy_delete_account_for_patient_finish (BZ_SERVICES (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  bz_patient_dialog_set_busy (self, FALSE);
  gtk_widget_set_sensitive (self->erase_button, TRUE);
  if (r == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      g_autofree char *why = g_strdup_printf (_("The account was not deleted: %s"), message);
      bz_patient_dialog_show_reason (self, why);
      return;
    }
  bz_patient_dialog_emit_account_deleted (self);
  gtk_window_close (GTK_WINDOW (self));
}

void
bz_patient_dialog_delete_account (BzPatientDialog *self)
{
  g_return_if_fail (BZ_IS_PATIENT_DIALOG (self));
  if (self->patient_id == NULL || self->busy)
    return;
  bz_patient_dialog_set_busy (self, TRUE);
  gtk_widget_set_sensitive (self->erase_button, FALSE);
  bz_privacy_delete_account_for_patient_async (bz_gui_session_get_services (self->session),
                                               bz_gui_session_get_caller (self->session), self->patient_id,
                                               self->cancellable, deleted_cb, g_object_ref (self));
}

static void
response_cb (AdwMessageDialog *question, const char *response, BzPatientDialog *self)
{
  if (g_strcmp0 (response, "delete") == 0)
    bz_patient_dialog_delete_account (self);
}

AdwMessageDialog *
bz_patient_dialog_ask_delete_account (BzPatientDialog *self)
{
  AdwMessageDialog *question;

  g_return_val_if_fail (BZ_IS_PATIENT_DIALOG (self), NULL);
  question = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Delete This Patient’s Account?"),
    _("Do this only at the patient’s written request. Their name, email and phone are removed, "
      "their meal photos and avatars are erased, and their phones are signed out. "
      "Scans, meals and notes stay in the clinical record without their name. "
      "This cannot be undone.")));
  adw_message_dialog_add_responses (question, "cancel", _("_Cancel"), "delete", _("_Delete Account"), NULL);
  adw_message_dialog_set_response_appearance (question, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (question, "cancel");
  adw_message_dialog_set_close_response (question, "cancel");
  g_signal_connect_object (question, "response", G_CALLBACK (response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (question));
  return question;
}

static void
erase_clicked (GtkButton *button, BzPatientDialog *self)
{
  bz_patient_dialog_ask_delete_account (self);
}

GtkWidget *
bz_patient_dialog_build_erase_group (BzPatientDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Privacy"));
  bz_patient_dialog_add_consent_rows (self, group);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Delete the patient’s account"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("The patient’s right to cancel their personal data (LFPDPPP)"));
  self->erase_button = gtk_button_new_with_mnemonic (_("_Delete Account…"));
  gtk_widget_add_css_class (self->erase_button, "destructive-action");
  gtk_widget_set_valign (self->erase_button, GTK_ALIGN_CENTER);
  g_signal_connect_object (self->erase_button, "clicked", G_CALLBACK (erase_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->erase_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return group;
}
