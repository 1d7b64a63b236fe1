/* bz-patient-dialog-consents.c — the Edit Patient dialog's Privacy group:
 * the patient's consents (seed 002 §7.3.1, LFPDPPP; bz-consent-service.h)
 * shown and changed on the patient's word, with the privacy notice's
 * version and acceptance date, and the notice itself (View Notice…).
 *
 * A switch per consent (AdwActionRow + GtkSwitch: AdwSwitchRow is
 * libadwaita 1.4).  A change is stored at once, as in Preferences
 * (bz_consents_set_for_patient_async()); turning data processing on when
 * the patient has not accepted the notice in force records that they accept
 * it now (the nutritionist has shown it).  A failure puts the switches back
 * as stored and says why on the dialog's reason line. */
#include "bz-patient-dialog-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bz-consent-service.h"

static const struct
{
  const char *field;
  const char *title;
  const char *subtitle;
  guint record_field;
} consent_rows[BZ_PATIENT_DIALOG_N_CONSENTS] = {
  { "data_processing", N_("Data processing"),
    N_("Express consent to the processing of personal and health data, needed for care"),
    BZ_USER_CONSENT_DATA_PROCESSING },
  { "marketing_communications", N_("News and offers"), N_("The clinic’s news and promotions"),
    BZ_USER_CONSENT_MARKETING_COMMUNICATIONS },
  { "data_sharing_partners", N_("Sharing with partners"),
    N_("Laboratories or other health professionals the clinic works with"), BZ_USER_CONSENT_DATA_SHARING_PARTNERS },
};

/* "Version 2026-12, accepted 1 Dec 2026" (local time), or why not. */
static char *
notice_summary (BzRecord *consent)
{
  const char *version = bz_record_get_string (consent, BZ_USER_CONSENT_PRIVACY_NOTICE_VERSION);
  const char *accepted = bz_record_get_string (consent, BZ_USER_CONSENT_PRIVACY_NOTICE_ACCEPTED_AT);
  g_autoptr(GDateTime) utc = accepted ? g_date_time_new_from_iso8601 (accepted, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *when = local ? g_date_time_format (local, "%x") : NULL;

  if (when == NULL)
    return g_strdup_printf (_("Not accepted; the notice in force is version %s"), BZ_PRIVACY_NOTICE_VERSION);
  if (version == NULL)
    return g_strdup_printf (_("Accepted %s, before notices had versions"), when);
  if (strcmp (version, BZ_PRIVACY_NOTICE_VERSION) != 0)
    return g_strdup_printf (_("Version %s accepted %s; version %s is in force"), version, when,
                            BZ_PRIVACY_NOTICE_VERSION);
  return g_strdup_printf (_("Version %s, accepted %s"), version, when);
}

/* Shows @consent (the stored state) on the rows. */
static void
show_consent (BzPatientDialog *self, BzRecord *consent)
{
  g_autofree char *summary = notice_summary (consent);

  g_set_object (&self->consent, consent);
  self->consent_syncing = TRUE;
  for (guint i = 0; i < BZ_PATIENT_DIALOG_N_CONSENTS; i++)
    gtk_switch_set_active (self->consent_switches[i], bz_record_get_boolean (consent, consent_rows[i].record_field));
  self->consent_syncing = FALSE;
  adw_action_row_set_subtitle (self->notice_row, summary);
  for (guint i = 0; i < BZ_PATIENT_DIALOG_N_CONSENTS; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->consent_switches[i]), TRUE);
}

static void
consent_done (BzPatientDialog *self, BzRecord *consent, GError *error, const char *failure)
{
  self->consent_pending = FALSE;
  if (consent)
    {
      show_consent (self, consent);
      return;
    }
  {
    g_autofree char *message = bz_error_to_user_message (error);
    g_autofree char *why = g_strdup_printf (failure, message);
    bz_patient_dialog_show_reason (self, why);
  }
  if (self->consent)
    show_consent (self, self->consent);
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(BzPatientDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) consent = bz_consents_get_for_patient_finish (BZ_SERVICES (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* TRANSLATORS: %s says why */
  consent_done (self, consent, error, _("The consents could not be read: %s"));
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(BzPatientDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) consent = bz_consents_set_for_patient_finish (BZ_SERVICES (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* TRANSLATORS: %s says why */
  consent_done (self, consent, error, _("The consent was not changed: %s"));
}

static void
switch_changed (GtkSwitch *sw, GParamSpec *pspec, BzPatientDialog *self)
{
  BzConsentChoice choice = { 0 };
  const char *version;

  if (self->consent_syncing || self->consent == NULL)
    return;
  choice.data_processing = gtk_switch_get_active (self->consent_switches[0]);
  choice.marketing_communications = gtk_switch_get_active (self->consent_switches[1]);
  choice.data_sharing_partners = gtk_switch_get_active (self->consent_switches[2]);
  /* Consenting now to processing means accepting the notice in force, if not yet done. */
  version = bz_record_get_string (self->consent, BZ_USER_CONSENT_PRIVACY_NOTICE_VERSION);
  choice.accept_notice = choice.data_processing && g_strcmp0 (version, BZ_PRIVACY_NOTICE_VERSION) != 0;
  for (guint i = 0; i < BZ_PATIENT_DIALOG_N_CONSENTS; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->consent_switches[i]), FALSE);
  bz_patient_dialog_show_reason (self, NULL);
  self->consent_pending = TRUE;
  bz_consents_set_for_patient_async (bz_gui_session_get_services (self->session),
                                     bz_gui_session_get_caller (self->session), self->patient_id, &choice,
                                     self->cancellable, saved_cb, g_object_ref (self));
}

/* **bold** spans of an escaped line as Pango markup. */
static void
append_inline (GString *out, const char *line)
{
  g_autofree char *escaped = g_markup_escape_text (line, -1);
  g_auto(GStrv) parts = g_strsplit (escaped, "**", -1);

  for (guint i = 0; parts[i]; i++)
    {
      if (i > 0)
        g_string_append (out, i % 2 ? "<b>" : "</b>");
      g_string_append (out, parts[i]);
    }
  if (g_strv_length (parts) % 2 == 0)   /* an unclosed ** */
    g_string_append (out, "</b>");
}

/* The notice's Markdown (headings, paragraphs, "- " lists, **bold**: all it
 * uses) as Pango markup for a wrapping label: paragraphs joined into one
 * line each, headings bold, list items with a bullet. */
static char *
notice_markup (const char *markdown)
{
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  GString *out = g_string_new (NULL);
  gboolean in_paragraph = FALSE;

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = g_strstrip (lines[i]);
      if (*line == '\0')
        {
          if (out->len)
            g_string_append (out, "\n\n");
          in_paragraph = FALSE;
        }
      else if (*line == '#')
        {
          gboolean title = line[1] != '#';
          g_autofree char *text = NULL;
          while (*line == '#' || *line == ' ')
            line++;
          text = g_markup_escape_text (line, -1);
          g_string_append_printf (out, title ? "<span size=\"large\" weight=\"bold\">%s</span>" : "<b>%s</b>", text);
          in_paragraph = FALSE;
        }
      else if (g_str_has_prefix (line, "- "))
        {
          if (in_paragraph)
            g_string_append_c (out, '\n');
          g_string_append (out, "• ");
          append_inline (out, line + 2);
          in_paragraph = TRUE;
        }
      else
        {
          if (in_paragraph)
            g_string_append_c (out, ' ');
          append_inline (out, line);
          in_paragraph = TRUE;
        }
    }
  while (out->len && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

AdwMessageDialog *
bz_patient_dialog_view_notice (BzPatientDialog *self)
{
  g_autoptr(GError) error = NULL;
  /* The notice in the desk's language: Spanish unless the desk runs in English. */
  const char *const *langs = g_get_language_names ();
  const char *lang = langs[0] && g_str_has_prefix (langs[0], "en") ? "en" : "es";
  g_autoptr(BzRecord) notice = bz_privacy_notice_get (lang, &error);
  GtkWidget *question, *scroller, *label;
  g_autofree char *markup = NULL;

  if (notice == NULL)
    {
      bz_patient_dialog_show_reason (self, error->message);
      return NULL;
    }
  question = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (question), 560, -1);
  markup = notice_markup (bz_record_get_string (notice, BZ_NOTICE_TEXT));
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (question), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (question), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (question));
  return ADW_MESSAGE_DIALOG (question);
}

static void
view_clicked (GtkButton *button, BzPatientDialog *self)
{
  bz_patient_dialog_view_notice (self);
}

void
bz_patient_dialog_add_consent_rows (BzPatientDialog *self, GtkWidget *group)
{
  GtkWidget *view;

  for (guint i = 0; i < BZ_PATIENT_DIALOG_N_CONSENTS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(consent_rows[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(consent_rows[i].subtitle));
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (sw, FALSE);   /* until the stored state is shown */
      gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, _(consent_rows[i].title), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      g_signal_connect_object (sw, "notify::active", G_CALLBACK (switch_changed), self, 0);
      self->consent_switches[i] = GTK_SWITCH (sw);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  self->notice_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->notice_row), _("Privacy notice"));
  adw_action_row_set_subtitle (self->notice_row, _("Loading…"));
  view = gtk_button_new_with_mnemonic (_("_View Notice…"));
  gtk_widget_set_valign (view, GTK_ALIGN_CENTER);
  g_signal_connect_object (view, "clicked", G_CALLBACK (view_clicked), self, 0);
  adw_action_row_add_suffix (self->notice_row, view);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->notice_row));

  self->consent_pending = TRUE;
  bz_consents_get_for_patient_async (bz_gui_session_get_services (self->session),
                                     bz_gui_session_get_caller (self->session), self->patient_id,
                                     self->cancellable, loaded_cb, g_object_ref (self));
}

gboolean
bz_patient_dialog_set_consent_switch (BzPatientDialog *self, const char *field, gboolean on)
{
  g_return_val_if_fail (BZ_IS_PATIENT_DIALOG (self), FALSE);
  for (guint i = 0; i < BZ_PATIENT_DIALOG_N_CONSENTS; i++)
    if (self->consent_switches[i] && g_strcmp0 (field, consent_rows[i].field) == 0 &&
        gtk_widget_get_sensitive (GTK_WIDGET (self->consent_switches[i])))
      {
        /* As a click would: the switch takes the focus (its row scrolls into view). */
        gtk_widget_grab_focus (GTK_WIDGET (self->consent_switches[i]));
        gtk_switch_set_active (self->consent_switches[i], on);
        return TRUE;
      }
  return FALSE;
}

gboolean
bz_patient_dialog_get_consent_switch (BzPatientDialog *self, const char *field)
{
  g_return_val_if_fail (BZ_IS_PATIENT_DIALOG (self), FALSE);
  for (guint i = 0; i < BZ_PATIENT_DIALOG_N_CONSENTS; i++)
    if (self->consent_switches[i] && g_strcmp0 (field, consent_rows[i].field) == 0)
      return gtk_switch_get_active (self->consent_switches[i]);
  return FALSE;
}

gboolean
bz_patient_dialog_consents_pending (BzPatientDialog *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_DIALOG (self), FALSE);
  return self->consent_pending;
}

const char *
bz_patient_dialog_get_notice_summary (BzPatientDialog *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_DIALOG (self), NULL);
  return self->notice_row ? adw_action_row_get_subtitle (self->notice_row) : NULL;
}

void
bz_patient_dialog_focus_privacy (BzPatientDialog *self)
{
  GtkWidget *scroller, *viewport, *content;
  double x = 0, y = 0;

  g_return_if_fail (BZ_IS_PATIENT_DIALOG (self));
  if (self->erase_group == NULL || self->consent_switches[0] == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->consent_switches[0]));
  /* And the group into view: the form scrolls; its group's top to the viewport's. */
  scroller = gtk_widget_get_ancestor (self->erase_group, GTK_TYPE_SCROLLED_WINDOW);
  viewport = scroller ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)) : NULL;
  content = viewport && GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : viewport;
  if (content && gtk_widget_translate_coordinates (self->erase_group, content, 0, 0, &x, &y))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), y - 12);
}
