/* bz-patient-dialog.c — "New Patient" / "Edit Patient" (bz-patient-dialog.h).
 *
 * Built in code from libadwaita 1.2 rows (AdwPreferencesGroup, AdwEntryRow,
 * AdwComboRow, AdwActionRow).  Every change runs the service's validation,
 * bz_patients_check_form(): Save is enabled only when it passes, and the
 * line under the form names the first failing field in the form's order.
 * A new patient's temporary password is shown once on the "created" page
 * (selectable, Copy, Print); closing the dialog wipes it. */
#include "bz-patient-dialog.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bz-gui-util.h"
#include "bz-patient-dialog-private.h"
#include "bz-patient-service.h"
#include "bz-resources.h"
#include "bz-runtime.h"

static const char *const entry_fields[N_ENTRIES] = {
  "first_name", "last_name", "email", "phone", "date_of_birth", "state", "city", "target_weight_kg",
  "health_conditions", "allergies", "food_restrictions",
};
static const char *const choice_fields[N_CHOICES] = {
  "gender", "primary_goal", "activity_level", "dietary_preference", "status",
};
/* Every field a detail can name, in the order the form shows them: the
 * first failing one is the reason Save is disabled. */
static const char *const form_order[] = {
  "first_name", "last_name", "email", "phone", "date_of_birth", "gender", "state", "city",
  "primary_goal", "target_weight_kg", "activity_level", "dietary_preference",
  "health_conditions", "allergies", "food_restrictions", "status", "privacy_consent",
};

G_DEFINE_FINAL_TYPE (BzPatientDialog, bz_patient_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, SIGNAL_ACCOUNT_DELETED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* --- the form ----------------------------------------------------------------- */

static const char *
entry_text (BzPatientDialog *self, int i)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->entries[i]));
}

static char *
text_or_null (BzPatientDialog *self, int i)
{
  g_autofree char *t = g_strstrip (g_strdup (entry_text (self, i)));
  return *t ? g_steal_pointer (&t) : NULL;
}

static const char *
choice_id (BzPatientDialog *self, int i)
{
  Choice *c = &self->choices[i];
  guint sel = adw_combo_row_get_selected (c->row);

  if (sel == GTK_INVALID_LIST_POSITION || (c->nullable && sel == 0))
    return NULL;
  sel -= c->nullable ? 1 : 0;
  return sel < c->vocab->n_terms ? c->vocab->terms[sel].id : NULL;
}

static void
set_choice (BzPatientDialog *self, int i, const char *id)
{
  Choice *c = &self->choices[i];
  guint pos = 0;

  for (guint t = 0; id && t < c->vocab->n_terms; t++)
    if (strcmp (c->vocab->terms[t].id, id) == 0)
      pos = t + (c->nullable ? 1 : 0);
  adw_combo_row_set_selected (c->row, pos);
}

/* "a, b; c" -> {"a", " b", " c"} (the service trims and drops blanks). */
static GStrv
split_list (BzPatientDialog *self, int i)
{
  const char *t = entry_text (self, i);
  return *t ? g_strsplit_set (t, ",;", -1) : NULL;
}

static void
form_from_widgets (BzPatientDialog *self, BzPatientForm *f)
{
  g_autofree char *target = text_or_null (self, E_TARGET);

  memset (f, 0, sizeof *f);
  f->email = text_or_null (self, E_EMAIL);
  f->first_name = g_strdup (entry_text (self, E_FIRST));
  f->last_name = g_strdup (entry_text (self, E_LAST));
  f->phone = text_or_null (self, E_PHONE);
  f->date_of_birth = text_or_null (self, E_BIRTH);
  f->gender = g_strdup (choice_id (self, C_GENDER));
  f->state = text_or_null (self, E_STATE);
  f->city = text_or_null (self, E_CITY);
  f->location_set = TRUE;
  f->primary_goal = g_strdup (choice_id (self, C_GOAL));
  if (target)
    {
      char *end = NULL;
      g_strdelimit (target, ",", '.');   /* "72,5" as typed on a Spanish keyboard */
      f->has_target_weight = TRUE;
      f->target_weight_kg = g_ascii_strtod (target, &end);
      if (end == target || *end != '\0')
        f->target_weight_kg = NAN;   /* the service's range check explains it */
    }
  f->health_conditions = split_list (self, E_CONDITIONS);
  f->allergies = split_list (self, E_ALLERGIES);
  f->food_restrictions = split_list (self, E_RESTRICTIONS);
  f->activity_level = g_strdup (choice_id (self, C_ACTIVITY));
  f->dietary_preference = g_strdup (choice_id (self, C_DIET));
  if (self->patient_id)
    f->status = g_strdup (choice_id (self, C_STATUS));
  else
    {
      f->consent_asked = TRUE;
      f->privacy_consent = gtk_check_button_get_active (self->consent_check);
    }
}

/* The title of the row that shows @field, for "Title: message". */
static const char *
field_title (BzPatientDialog *self, const char *field)
{
  for (int i = 0; i < N_ENTRIES; i++)
    if (strcmp (entry_fields[i], field) == 0)
      return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->entries[i]));
  for (int i = 0; i < N_CHOICES; i++)
    if (strcmp (choice_fields[i], field) == 0)
      return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->choices[i].row));
  if (strcmp (field, "privacy_consent") == 0)
    return _("Privacy notice");
  return field;
}

/* A detail's message for the form: the API's "target_weight_kg must be …"
 * names the row instead ("Target weight (kg) must be …"); any other
 * message follows the row's title ("First name: This field is required"). */
static char *
reason_text (BzPatientDialog *self, const char *field, const char *message)
{
  gsize n = strlen (field);

  if (strncmp (message, field, n) == 0 && message[n] == ' ')
    return g_strconcat (field_title (self, field), message + n, NULL);
  /* TRANSLATORS: why Save is disabled: "First name: This field is required" */
  return g_strdup_printf (_("%s: %s"), field_title (self, field), message);
}

static void
mark_row (BzPatientDialog *self, const char *field, gboolean bad)
{
  for (int i = 0; i < N_ENTRIES; i++)
    if (strcmp (entry_fields[i], field) == 0)
      {
        if (bad)
          gtk_widget_add_css_class (GTK_WIDGET (self->entries[i]), "error");
        else
          gtk_widget_remove_css_class (GTK_WIDGET (self->entries[i]), "error");
      }
}

/* The detail of @error about @field ("allergies[2]" is about "allergies"). */
static JsonObject *
detail_for (const GError *error, const char *field)
{
  JsonArray *details = bz_error_get_details (error);
  gsize n = strlen (field);

  for (guint i = 0; details && i < json_array_get_length (details); i++)
    {
      JsonObject *d = json_array_get_object_element (details, i);
      const char *f = json_object_get_string_member_with_default (d, "field", "");
      if (strncmp (f, field, n) == 0 && (f[n] == '\0' || f[n] == '['))
        return d;
    }
  return NULL;
}

void
bz_patient_dialog_show_reason (BzPatientDialog *self, const char *text)
{
  gtk_label_set_label (self->reason, text ? text : "");
  gtk_widget_set_visible (self->reason_box, text && *text);
}

static void
revalidate (BzPatientDialog *self)
{
  g_auto(BzPatientForm) form = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") != 0)
    return;
  form_from_widgets (self, &form);
  self->valid = bz_patients_check_form (&form, self->patient_id ? BZ_PATIENT_FORM_UPDATE : BZ_PATIENT_FORM_CREATE,
                                        &error);
  for (guint i = 0; i < G_N_ELEMENTS (form_order); i++)
    {
      JsonObject *d = error ? detail_for (error, form_order[i]) : NULL;
      /* Only the row the reason names is marked: an empty form is not all red. */
      mark_row (self, form_order[i], d != NULL && reason == NULL);
      if (d && reason == NULL)
        reason = reason_text (self, form_order[i], json_object_get_string_member_with_default (d, "message", ""));
    }
  if (!self->valid && reason == NULL && error)
    reason = g_strdup (error->message);
  gtk_widget_set_sensitive (self->save_button, self->valid && !self->busy);
  bz_patient_dialog_show_reason (self, self->save_error ? self->save_error : reason);
}

static void
changed_cb (BzPatientDialog *self)
{
  g_clear_pointer (&self->save_error, g_free);
  revalidate (self);
}

/* --- building ------------------------------------------------------------------ */

static AdwEntryRow *
add_entry (BzPatientDialog *self, GtkWidget *group, int i, const char *title, GtkInputPurpose purpose)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (row), 40);
  g_object_set (row, "input-purpose", purpose, NULL);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row));
  self->entries[i] = row;
  return row;
}

static void
add_choice (BzPatientDialog *self, GtkWidget *group, int i, const char *title, const BzVocab *vocab,
            gboolean nullable)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  if (nullable)
    gtk_string_list_append (labels, _("Not set"));
  for (guint t = 0; t < vocab->n_terms; t++)
    gtk_string_list_append (labels, bz_vocab_label (vocab, vocab->terms[t].id, vocab->terms[t].id));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row));
  self->choices[i] = (Choice) { row, vocab, nullable };
}

static GtkWidget *
group_new (GtkWidget *box, const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (box), group);
  return group;
}

static GtkWidget *
build_form (BzPatientDialog *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *g;
  GtkWidget *consent_row;

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  g = group_new (box, _("Patient"), NULL);
  add_entry (self, g, E_FIRST, _("First name"), GTK_INPUT_PURPOSE_NAME);
  add_entry (self, g, E_LAST, _("Last name"), GTK_INPUT_PURPOSE_NAME);
  add_entry (self, g, E_EMAIL, _("Email (to sign in)"), GTK_INPUT_PURPOSE_EMAIL);
  add_entry (self, g, E_PHONE, _("Mobile phone (+52, optional)"), GTK_INPUT_PURPOSE_PHONE);
  add_entry (self, g, E_BIRTH, _("Date of birth (YYYY-MM-DD, optional)"), GTK_INPUT_PURPOSE_FREE_FORM);
  add_choice (self, g, C_GENDER, _("Gender"), &bz_vocab_gender, TRUE);
  add_entry (self, g, E_STATE, _("State (optional)"), GTK_INPUT_PURPOSE_FREE_FORM);
  add_entry (self, g, E_CITY, _("City (optional)"), GTK_INPUT_PURPOSE_FREE_FORM);

  g = group_new (box, _("Goals"), NULL);
  add_choice (self, g, C_GOAL, _("Primary goal"), &bz_vocab_goal, TRUE);
  add_entry (self, g, E_TARGET, _("Target weight (kg, optional)"), GTK_INPUT_PURPOSE_NUMBER);
  add_choice (self, g, C_ACTIVITY, _("Activity level"), &bz_vocab_activity_level, FALSE);
  add_choice (self, g, C_DIET, _("Dietary preference"), &bz_vocab_dietary_preference, TRUE);

  g = group_new (box, _("Health"), _("Separate several entries with commas."));
  add_entry (self, g, E_CONDITIONS, _("Health conditions"), GTK_INPUT_PURPOSE_FREE_FORM);
  add_entry (self, g, E_ALLERGIES, _("Allergies"), GTK_INPUT_PURPOSE_FREE_FORM);
  add_entry (self, g, E_RESTRICTIONS, _("Food restrictions"), GTK_INPUT_PURPOSE_FREE_FORM);

  self->status_group = g = group_new (box, _("Follow-up"), NULL);
  add_choice (self, g, C_STATUS, _("Status"), &bz_vocab_patient_status, FALSE);

  self->consent_group = g = group_new (box, _("Consent"), NULL);
  consent_row = adw_action_row_new ();
  self->consent_check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->consent_check), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (consent_row),
                                 _("The patient read and accepted the privacy notice"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (consent_row),
                               _("Required: express consent to the processing of their health data (LFPDPPP)"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (consent_row), GTK_WIDGET (self->consent_check));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (consent_row), GTK_WIDGET (self->consent_check));
  g_signal_connect_swapped (self->consent_check, "toggled", G_CALLBACK (changed_cb), self);
  /* The notice to show the patient before they accept it (bz-patient-dialog-consents.c). */
  {
    GtkWidget *view = gtk_button_new_with_mnemonic (_("_View Notice…"));
    gtk_widget_set_valign (view, GTK_ALIGN_CENTER);
    g_signal_connect_swapped (view, "clicked", G_CALLBACK (bz_patient_dialog_view_notice), self);
    adw_action_row_add_suffix (ADW_ACTION_ROW (consent_row), view);
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), consent_row);

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  return scroller;
}

/* --- saving ---------------------------------------------------------------------- */

void
bz_patient_dialog_set_busy (BzPatientDialog *self, gboolean busy)
{
  /* Only Save: making the form insensitive under a focused entry upsets GtkText's focus. */
  self->busy = busy;
  gtk_widget_set_sensitive (self->save_button, !busy && self->valid);
}

static void
save_failed (BzPatientDialog *self, const GError *error)
{
  g_autofree char *message = bz_error_to_user_message (error);

  for (guint i = 0; i < G_N_ELEMENTS (form_order); i++)
    {
      JsonObject *d = detail_for (error, form_order[i]);
      if (d)
        {
          g_free (message);
          message = reason_text (self, form_order[i], json_object_get_string_member_with_default (d, "message", ""));
          mark_row (self, form_order[i], TRUE);
          break;
        }
    }
  g_free (self->save_error);
  self->save_error = g_steal_pointer (&message);
  bz_patient_dialog_show_reason (self, self->save_error);
}

static void
created_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPatientDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) creation = bz_patients_create_finish (BZ_SERVICES (source), result, &error);
  BzRecord *p;
  const char *password;
  g_autofree char *description = NULL;

  if (bz_is_cancelled (error))
    return;
  bz_patient_dialog_set_busy (self, FALSE);
  if (creation == NULL)
    {
      save_failed (self, error);
      return;
    }
  p = bz_record_get_object (creation, BZ_PATIENT_CREATION_PATIENT);
  password = bz_record_get_string (p, BZ_PATIENT_CREATED_TEMPORARY_PASSWORD);
  self->password = g_strdup (password ? password : "");
  self->created_name = g_strdup (bz_record_get_string (p, BZ_PATIENT_CREATED_FULL_NAME));
  self->created_email = g_strdup (bz_record_get_string (p, BZ_PATIENT_CREATED_EMAIL));
  gtk_label_set_label (self->password_label, self->password);
  description = g_markup_printf_escaped (
      /* TRANSLATORS: %s is the new patient's name, then their email */
      _("Hand this temporary password to <b>%s</b> to sign in as <b>%s</b>. It is shown only this once; "
        "at the first sign-in the patient must choose a new one."),
      self->created_name, self->created_email);
  adw_status_page_set_description (self->created_page, description);
  gtk_stack_set_visible_child_name (self->stack, "created");
  bz_patient_dialog_show_reason (self, NULL);
  adw_window_title_set_title (self->title, _("Patient Added"));
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Done"));
  gtk_widget_set_sensitive (self->save_button, TRUE);
  /* Focus on Done, not in the password: it shows unselected, and Enter closes. */
  gtk_widget_grab_focus (self->save_button);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, creation);
}

static void
updated_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPatientDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) info = bz_patients_update_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  bz_patient_dialog_set_busy (self, FALSE);
  if (info == NULL)
    {
      save_failed (self, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, info);
  gtk_window_close (GTK_WINDOW (self));
}

void
bz_patient_dialog_save (BzPatientDialog *self)
{
  g_auto(BzPatientForm) form = { 0 };

  g_return_if_fail (BZ_IS_PATIENT_DIALOG (self));
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "created") == 0)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (self->busy || !self->valid || self->session == NULL)
    return;
  form_from_widgets (self, &form);
  bz_patient_dialog_set_busy (self, TRUE);
  if (self->patient_id)
    bz_patients_update_async (bz_gui_session_get_services (self->session), bz_gui_session_get_caller (self->session),
                              self->patient_id, &form, self->cancellable, updated_cb, g_object_ref (self));
  else
    bz_patients_create_async (bz_gui_session_get_services (self->session), bz_gui_session_get_caller (self->session),
                              &form, self->cancellable, created_cb, g_object_ref (self));
}

/* --- editing: the stored fields ------------------------------------------------ */

static void
set_entry (BzPatientDialog *self, int i, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entries[i]), text ? text : "");
}

static void
set_list (BzPatientDialog *self, int i, GStrv list)
{
  g_autofree char *text = list ? g_strjoinv (", ", list) : NULL;
  set_entry (self, i, text);
}

static void
file_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPatientDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) envelope = bz_patients_get_file_finish (BZ_SERVICES (source), result, &error);
  BzRecord *file, *info;
  g_auto(BzPatientForm) f = { 0 };
  g_autofree char *subtitle = NULL;

  if (bz_is_cancelled (error))
    return;
  bz_patient_dialog_set_busy (self, FALSE);
  file = envelope ? bz_record_get_object (envelope, BZ_PATIENT_FILE_ENVELOPE_PATIENT) : NULL;
  info = file ? bz_record_get_object (file, BZ_PATIENT_FILE_BASIC_INFO) : NULL;
  if (info == NULL)
    {
      g_autofree char *message = error ? bz_error_to_user_message (error) : g_strdup (_("Patient not found"));
      gtk_stack_set_visible_child_name (self->stack, "form");
      gtk_widget_set_sensitive (GTK_WIDGET (self->stack), FALSE);
      bz_patient_dialog_show_reason (self, message);
      return;
    }
  bz_patient_form_from_info (info, &f);
  set_entry (self, E_FIRST, f.first_name);
  set_entry (self, E_LAST, f.last_name);
  set_entry (self, E_EMAIL, f.email);
  set_entry (self, E_PHONE, f.phone);
  set_entry (self, E_BIRTH, f.date_of_birth);
  set_entry (self, E_STATE, f.state);
  set_entry (self, E_CITY, f.city);
  if (f.has_target_weight)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      set_entry (self, E_TARGET, g_ascii_formatd (buf, sizeof buf, "%g", f.target_weight_kg));
    }
  set_list (self, E_CONDITIONS, f.health_conditions);
  set_list (self, E_ALLERGIES, f.allergies);
  set_list (self, E_RESTRICTIONS, f.food_restrictions);
  set_choice (self, C_GENDER, f.gender);
  set_choice (self, C_GOAL, f.primary_goal);
  set_choice (self, C_ACTIVITY, f.activity_level ? f.activity_level : "light");
  set_choice (self, C_DIET, f.dietary_preference);
  set_choice (self, C_STATUS, f.status);
  subtitle = g_strdup_printf ("%s %s", f.first_name ? f.first_name : "", f.last_name ? f.last_name : "");
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, "form");
  revalidate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entries[E_FIRST]));
}

/* --- object ---------------------------------------------------------------------- */

static gboolean
close_request_cb (BzPatientDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  bz_patient_dialog_forget_password (self);
  return FALSE;
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  bz_patient_dialog_save (BZ_PATIENT_DIALOG (widget));
}

static void
bz_patient_dialog_dispose (GObject *object)
{
  BzPatientDialog *self = BZ_PATIENT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  bz_patient_dialog_forget_password (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->patient_id, g_free);
  g_clear_pointer (&self->created_name, g_free);
  g_clear_pointer (&self->created_email, g_free);
  g_clear_pointer (&self->save_error, g_free);
  g_clear_object (&self->consent);
  G_OBJECT_CLASS (bz_patient_dialog_parent_class)->dispose (object);
}

static void
bz_patient_dialog_class_init (BzPatientDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bz_patient_dialog_dispose;
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, BZ_TYPE_RECORD);
  /* The patient's account was deleted at their request (bz-patient-dialog-erase.c). */
  signals[SIGNAL_ACCOUNT_DELETED] = g_signal_new ("account-deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_install_action (widget_class, "patient-dialog.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "patient-dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bz_patient_dialog_init (BzPatientDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *loading = gtk_spinner_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");

  self->cancellable = g_cancellable_new ();
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 620, 760);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new ("", NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button), "window.close");
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_set_sensitive (self->save_button, FALSE);
  gtk_widget_set_tooltip_text (self->save_button, _("Save (Ctrl+S)"));
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (bz_patient_dialog_save), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->cancel_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_spinner_set_spinning (GTK_SPINNER (loading), TRUE);
  gtk_widget_set_size_request (loading, 32, 32);
  gtk_widget_set_halign (loading, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (loading, GTK_ALIGN_CENTER);
  gtk_stack_add_named (self->stack, loading, "loading");
  gtk_stack_add_named (self->stack, build_form (self), "form");
  gtk_stack_add_named (self->stack, bz_patient_dialog_build_created (self), "created");

  /* Under the form: why Save is disabled, or why saving failed. */
  self->reason_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->reason = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->reason, TRUE);
  gtk_label_set_xalign (self->reason, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->reason), TRUE);
  gtk_widget_add_css_class (self->reason_box, "toolbar");
  gtk_widget_add_css_class (GTK_WIDGET (self->reason), "warning");
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Why Save is not available"), -1);
  g_object_set (self->reason_box, "margin-start", 12, "margin-end", 12, "margin-top", 6, "margin-bottom", 6, NULL);
  gtk_box_append (GTK_BOX (self->reason_box), icon);
  gtk_box_append (GTK_BOX (self->reason_box), GTK_WIDGET (self->reason));
  gtk_widget_set_visible (self->reason_box, FALSE);

  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (toolbar), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (toolbar), self->reason_box);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

static BzPatientDialog *
dialog_new (GtkWindow *parent, BzGuiSession *session, const char *patient_id)
{
  BzPatientDialog *self = g_object_new (BZ_TYPE_PATIENT_DIALOG, "transient-for", parent, NULL);

  self->session = g_object_ref (session);
  self->patient_id = g_strdup (patient_id);
  gtk_window_set_title (GTK_WINDOW (self), patient_id ? _("Edit Patient") : _("New Patient"));
  adw_window_title_set_title (self->title, patient_id ? _("Edit Patient") : _("New Patient"));
  gtk_widget_set_visible (self->status_group, patient_id != NULL);
  /* Editing is most often a change of status: its row comes first. */
  if (patient_id)
    gtk_box_reorder_child_after (GTK_BOX (gtk_widget_get_parent (self->status_group)), self->status_group, NULL);
  gtk_widget_set_visible (self->consent_group, patient_id == NULL);
  if (patient_id)
    {
      self->erase_group = bz_patient_dialog_build_erase_group (self);
      gtk_box_append (GTK_BOX (gtk_widget_get_parent (self->status_group)), self->erase_group);
    }
  /* The sign-in email is the account's: it is not changed here. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->entries[E_EMAIL]), patient_id == NULL);
  set_choice (self, C_ACTIVITY, "light");
  set_choice (self, C_STATUS, "active");
  return self;
}

BzPatientDialog *
bz_patient_dialog_new_create (GtkWindow *parent, BzGuiSession *session)
{
  BzPatientDialog *self = dialog_new (parent, session, NULL);

  gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add Patient"));
  /* Preferences › Clinic: the activity level new patients start with */
  {
    g_autoptr(GSettings) settings = bz_runtime_settings_new ();
    g_autofree char *level = settings ? g_settings_get_string (settings, "default-activity-level") : NULL;
    if (level && bz_vocab_canonical (&bz_vocab_activity_level, level))
      set_choice (self, C_ACTIVITY, level);
  }
  gtk_stack_set_visible_child_name (self->stack, "form");
  revalidate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entries[E_FIRST]));
  return self;
}

BzPatientDialog *
bz_patient_dialog_new_edit (GtkWindow *parent, BzGuiSession *session, const char *patient_id)
{
  BzPatientDialog *self;

  g_return_val_if_fail (patient_id != NULL, NULL);
  self = dialog_new (parent, session, patient_id);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  bz_patient_dialog_set_busy (self, TRUE);
  bz_patients_get_file_async (bz_gui_session_get_services (session), bz_gui_session_get_caller (session),
                              patient_id, self->cancellable, file_loaded_cb, g_object_ref (self));
  return self;
}

void
bz_patient_dialog_emit_account_deleted (BzPatientDialog *self)
{
  g_signal_emit (self, signals[SIGNAL_ACCOUNT_DELETED], 0);
}

/* --- for tests and keyboard users ---------------------------------------------- */

GtkEditable *
bz_patient_dialog_get_entry (BzPatientDialog *self, const char *field)
{
  g_return_val_if_fail (BZ_IS_PATIENT_DIALOG (self), NULL);
  for (int i = 0; i < N_ENTRIES; i++)
    if (g_strcmp0 (entry_fields[i], field) == 0)
      return GTK_EDITABLE (self->entries[i]);
  return NULL;
}

gboolean
bz_patient_dialog_set_choice (BzPatientDialog *self, const char *field, const char *term)
{
  g_return_val_if_fail (BZ_IS_PATIENT_DIALOG (self), FALSE);
  for (int i = 0; i < N_CHOICES; i++)
    if (g_strcmp0 (choice_fields[i], field) == 0)
      {
        if (term && bz_vocab_canonical (self->choices[i].vocab, term) == NULL)
          return FALSE;
        set_choice (self, i, term ? bz_vocab_canonical (self->choices[i].vocab, term) : NULL);
        return TRUE;
      }
  return FALSE;
}

const char *
bz_patient_dialog_get_choice (BzPatientDialog *self, const char *field)
{
  g_return_val_if_fail (BZ_IS_PATIENT_DIALOG (self), NULL);
  for (int i = 0; i < N_CHOICES; i++)
    if (g_strcmp0 (choice_fields[i], field) == 0)
      return choice_id (self, i);
  return NULL;
}

void
bz_patient_dialog_set_consent (BzPatientDialog *self, gboolean accepted)
{
  g_return_if_fail (BZ_IS_PATIENT_DIALOG (self));
  gtk_check_button_set_active (self->consent_check, accepted);
}

gboolean
bz_patient_dialog_can_save (BzPatientDialog *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_DIALOG (self), FALSE);
  return gtk_widget_get_sensitive (self->save_button) && gtk_widget_get_visible (self->save_button);
}

const char *
bz_patient_dialog_get_reason (BzPatientDialog *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_DIALOG (self), "");
  return gtk_widget_get_visible (self->reason_box) ? gtk_label_get_label (self->reason) : "";
}

const char *
bz_patient_dialog_get_state (BzPatientDialog *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
bz_patient_dialog_is_busy (BzPatientDialog *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_DIALOG (self), FALSE);
  return self->busy;
}

const char *
bz_patient_dialog_get_password_text (BzPatientDialog *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_DIALOG (self), "");
  return gtk_label_get_label (self->password_label);
}
