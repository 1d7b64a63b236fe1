/* bz-profile-dialog.c — the nutritionist's professional profile (see bz-profile-dialog.h). */
#include "bz-profile-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bz-gui-util.h"
#include "bz-nutritionist-service.h"

typedef struct
{
  GtkSwitch *open;
  GtkEditable *start, *end;
} DayRow;

struct _BzProfileDialog
{
  AdwWindow parent_instance;

  BzGuiSession *session;
  GCancellable *cancel;
  gboolean busy;

  GtkWidget *save_button;
  GtkLabel *error_label;
  GtkEditable *license, *clinic_name, *clinic_address, *clinic_phone;
  AdwActionRow *license_status;
  GtkSpinButton *years, *fee;
  GtkSwitch *insurance, *accepting;
  GtkCheckButton **specializations;   /* one per bz_vocab_specialization term */
  DayRow days[7];                     /* the WorkingHours fields, Monday first */
};

G_DEFINE_FINAL_TYPE (BzProfileDialog, bz_profile_dialog, ADW_TYPE_WINDOW)

static void
set_busy (BzProfileDialog *self, gboolean busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->save_button, !busy);
}

static void
set_text (GtkEditable *e, const char *text)
{
  gtk_editable_set_text (e, text ? text : "");
}

static void
fill (BzProfileDialog *self, BzRecord *p)
{
  const char *const *specs = bz_record_get_strv (p, BZ_NUTRITIONIST_PROFILE_SPECIALIZATIONS);
  BzRecord *week = bz_record_get_object (p, BZ_NUTRITIONIST_PROFILE_WORKING_HOURS);
  const char *status = bz_record_get_string (p, BZ_NUTRITIONIST_PROFILE_LICENSE_STATUS);
  g_autofree char *verified = NULL;

  {
    /* a sign-up without a cédula stored a placeholder: show the row empty */
    const char *license = bz_record_get_string (p, BZ_NUTRITIONIST_PROFILE_PROFESSIONAL_LICENSE);
    set_text (self->license, license && strspn (license, "0123456789") == strlen (license) ? license : "");
  }
  if (bz_record_has (p, BZ_NUTRITIONIST_PROFILE_LICENSE_VERIFIED_AT))
    verified = bz_format_date (bz_record_get_string (p, BZ_NUTRITIONIST_PROFILE_LICENSE_VERIFIED_AT));
  adw_action_row_set_subtitle (self->license_status, bz_vocab_label (&bz_vocab_license_status, status, status ? status : ""));
  if (verified)
    {
      g_autofree char *line = g_strdup_printf (_("Verified on %s"), verified);
      adw_action_row_set_subtitle (self->license_status, line);
    }
  set_text (self->clinic_name, bz_record_get_string (p, BZ_NUTRITIONIST_PROFILE_CLINIC_NAME));
  set_text (self->clinic_address, bz_record_get_string (p, BZ_NUTRITIONIST_PROFILE_CLINIC_ADDRESS));
  set_text (self->clinic_phone, bz_record_get_string (p, BZ_NUTRITIONIST_PROFILE_CLINIC_PHONE));
  gtk_spin_button_set_value (self->years, bz_record_has (p, BZ_NUTRITIONIST_PROFILE_YEARS_EXPERIENCE)
                                          ? bz_record_get_int (p, BZ_NUTRITIONIST_PROFILE_YEARS_EXPERIENCE) : 0);
  gtk_spin_button_set_value (self->fee, bz_record_has (p, BZ_NUTRITIONIST_PROFILE_CONSULTATION_FEE_MXN)
                                        ? bz_record_get_int (p, BZ_NUTRITIONIST_PROFILE_CONSULTATION_FEE_MXN) : 0);
  gtk_switch_set_active (self->insurance, bz_record_get_boolean (p, BZ_NUTRITIONIST_PROFILE_ACCEPTS_INSURANCE));
  gtk_switch_set_active (self->accepting, bz_record_get_boolean (p, BZ_NUTRITIONIST_PROFILE_ACCEPTING_PATIENTS));
  for (guint i = 0; i < bz_vocab_specialization.n_terms; i++)
    gtk_check_button_set_active (self->specializations[i],
                                 specs && g_strv_contains (specs, bz_vocab_specialization.terms[i].id));
  for (guint d = 0; d < G_N_ELEMENTS (self->days); d++)
    {
      BzRecord *h = week ? bz_record_get_object (week, d) : NULL;
      gtk_switch_set_active (self->days[d].open, h != NULL);
      set_text (self->days[d].start, h ? bz_record_get_string (h, BZ_DAY_HOURS_START) : "09:00");
      set_text (self->days[d].end, h ? bz_record_get_string (h, BZ_DAY_HOURS_END) : "18:00");
    }
}

static void
loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzProfileDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) p = bz_nutritionists_get_profile_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  set_busy (self, FALSE);
  if (p == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      gtk_label_set_label (self->error_label, message);
      gtk_widget_set_sensitive (self->save_button, FALSE);
      return;
    }
  fill (self, p);
}

/* The whole form as the PATCH body: the same object the API takes. */
static JsonObject *
changes_of (BzProfileDialog *self)
{
  JsonObject *o = json_object_new ();
  JsonArray *specs = json_array_new ();
  JsonObject *week = json_object_new ();
  const char *license = gtk_editable_get_text (self->license);

  if (*license)
    json_object_set_string_member (o, "professional_license", license);
  json_object_set_string_member (o, "clinic_name", gtk_editable_get_text (self->clinic_name));
  json_object_set_string_member (o, "clinic_address", gtk_editable_get_text (self->clinic_address));
  json_object_set_string_member (o, "clinic_phone", gtk_editable_get_text (self->clinic_phone));
  json_object_set_int_member (o, "years_experience", gtk_spin_button_get_value_as_int (self->years));
  json_object_set_int_member (o, "consultation_fee_mxn", gtk_spin_button_get_value_as_int (self->fee));
  json_object_set_boolean_member (o, "accepts_insurance", gtk_switch_get_active (self->insurance));
  json_object_set_boolean_member (o, "accepting_patients", gtk_switch_get_active (self->accepting));
  for (guint i = 0; i < bz_vocab_specialization.n_terms; i++)
    if (gtk_check_button_get_active (self->specializations[i]))
      json_array_add_string_element (specs, bz_vocab_specialization.terms[i].id);
  json_object_set_array_member (o, "specializations", specs);
  for (guint d = 0; d < G_N_ELEMENTS (self->days); d++)
    if (gtk_switch_get_active (self->days[d].open))
      {
        JsonObject *h = json_object_new ();
        json_object_set_string_member (h, "start", gtk_editable_get_text (self->days[d].start));
        json_object_set_string_member (h, "end", gtk_editable_get_text (self->days[d].end));
        json_object_set_object_member (week, bz_working_hours_resource.fields[d].name, h);
      }
  json_object_set_object_member (o, "working_hours", week);
  return o;
}

/* The row a detail's field path names, as the form titles it. */
static const char *
field_title (const char *field)
{
  static const struct { const char *prefix; const char *title; } rows[] = {
    { "professional_license", N_("Cédula profesional") }, { "clinic_name", N_("Clinic name") },
    { "clinic_address", N_("Clinic address") }, { "clinic_phone", N_("Clinic phone") },
    { "consultation_fee_mxn", N_("Consultation fee") }, { "years_experience", N_("Years of experience") },
    { "specializations", N_("Specializations") }, { "working_hours", N_("Working Hours") },
  };
  for (guint i = 0; field && i < G_N_ELEMENTS (rows); i++)
    if (g_str_has_prefix (field, rows[i].prefix))
      return _(rows[i].title);
  return field ? field : "";
}

static void
saved (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzProfileDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) p = bz_nutritionists_update_profile_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  set_busy (self, FALSE);
  if (p == NULL)
    {
      g_autofree char *message = bz_form_error_message (error, field_title);
      gtk_label_set_label (self->error_label, message);
      return;
    }
  gtk_label_set_label (self->error_label, "");
  gtk_window_close (GTK_WINDOW (self));
}

void
bz_profile_dialog_save (BzProfileDialog *self)
{
  g_autoptr(JsonObject) changes = NULL;

  g_return_if_fail (BZ_IS_PROFILE_DIALOG (self));
  if (self->busy)
    return;
  changes = changes_of (self);
  set_busy (self, TRUE);
  gtk_label_set_label (self->error_label, "");
  bz_nutritionists_update_profile_async (bz_gui_session_get_services (self->session),
                                         bz_gui_session_get_caller (self->session), changes, self->cancel, saved,
                                         g_object_ref (self));
}

/* --- building ----------------------------------------------------------------- */

static GtkEditable *
entry_row (AdwPreferencesGroup *group, const char *title, int max)
{
  GtkWidget *row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (row), max);
  adw_preferences_group_add (group, row);
  return GTK_EDITABLE (row);
}

static GtkSpinButton *
spin_row (AdwPreferencesGroup *group, const char *title, const char *subtitle, double max)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, 1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  return GTK_SPIN_BUTTON (spin);
}

static GtkSwitch *
switch_row (AdwPreferencesGroup *group, const char *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  adw_preferences_group_add (group, row);
  return GTK_SWITCH (sw);
}

static GtkEditable *
time_entry (const char *accessible)
{
  GtkWidget *e = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (e), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (e), 5);
  gtk_entry_set_max_length (GTK_ENTRY (e), 5);
  gtk_entry_set_input_purpose (GTK_ENTRY (e), GTK_INPUT_PURPOSE_DIGITS);
  gtk_widget_set_valign (e, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (e), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return GTK_EDITABLE (e);
}

static void
bz_profile_dialog_dispose (GObject *object)
{
  BzProfileDialog *self = BZ_PROFILE_DIALOG (object);

  g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  g_clear_object (&self->session);
  g_clear_pointer (&self->specializations, g_free);
  G_OBJECT_CLASS (bz_profile_dialog_parent_class)->dispose (object);
}

static gboolean
save_shortcut (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  bz_profile_dialog_save (BZ_PROFILE_DIALOG (widget));
  return TRUE;
}

static void
bz_profile_dialog_class_init (BzProfileDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bz_profile_dialog_dispose;
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bz_profile_dialog_init (BzProfileDialog *self)
{
  /* Monday first, as the WorkingHours fields; the names translated here. */
  const char *day_names[7] = { _("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"),
                               _("Saturday"), _("Sunday") };
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *license = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *practice = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *specs = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *hours = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  self->cancel = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Professional Profile"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 680);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  gtk_box_append (GTK_BOX (toolbar), bz_form_header_new (GTK_WINDOW (self), &self->save_button, G_CALLBACK (bz_profile_dialog_save), self));

  adw_preferences_group_set_title (license, _("License"));
  adw_preferences_group_set_description (license, _("Your cédula profesional (SEP), checked by the clinic's administrator"));
  self->license = entry_row (license, _("Cédula profesional"), 8);
  self->license_status = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->license_status), _("Verification"));
  adw_preferences_group_add (license, GTK_WIDGET (self->license_status));

  adw_preferences_group_set_title (practice, _("Practice"));
  self->years = spin_row (practice, _("Years of experience"), NULL, BZ_YEARS_EXPERIENCE_MAX);
  self->clinic_name = entry_row (practice, _("Clinic name"), 40);
  self->clinic_address = entry_row (practice, _("Clinic address"), 60);
  self->clinic_phone = entry_row (practice, _("Clinic phone"), 20);
  self->fee = spin_row (practice, _("Consultation fee"), _("MXN per consultation"), BZ_CONSULTATION_FEE_MAX_MXN);
  gtk_spin_button_set_increments (self->fee, 50, 500);
  self->insurance = switch_row (practice, _("Accepts insurance"));
  self->accepting = switch_row (practice, _("Accepting new patients"));

  adw_preferences_group_set_title (specs, _("Specializations"));
  self->specializations = g_new0 (GtkCheckButton *, bz_vocab_specialization.n_terms);
  for (guint i = 0; i < bz_vocab_specialization.n_terms; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     bz_vocab_label (&bz_vocab_specialization, bz_vocab_specialization.terms[i].id, ""));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (specs, row);
      self->specializations[i] = GTK_CHECK_BUTTON (check);
    }

  adw_preferences_group_set_title (hours, _("Working Hours"));
  adw_preferences_group_set_description (hours, _("24-hour times, local time; a day switched off is closed"));
  for (guint d = 0; d < G_N_ELEMENTS (self->days); d++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *open = gtk_switch_new ();
      GtkWidget *dash = gtk_label_new ("–");
      g_autofree char *from = g_strdup_printf (_("%s opening time"), day_names[d]);
      g_autofree char *to = g_strdup_printf (_("%s closing time"), day_names[d]);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), day_names[d]);
      self->days[d].start = time_entry (from);
      self->days[d].end = time_entry (to);
      self->days[d].open = GTK_SWITCH (open);
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->days[d].start));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dash);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->days[d].end));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      g_object_bind_property (open, "active", self->days[d].start, "sensitive", G_BINDING_SYNC_CREATE);
      g_object_bind_property (open, "active", self->days[d].end, "sensitive", G_BINDING_SYNC_CREATE);
      adw_preferences_group_add (hours, row);
    }

  self->error_label = GTK_LABEL (bz_form_error_label_new ());

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), license);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), practice);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), specs);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), hours);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (toolbar), page);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

BzProfileDialog *
bz_profile_dialog_new (GtkWindow *parent, BzGuiSession *session)
{
  BzProfileDialog *self = g_object_new (BZ_TYPE_PROFILE_DIALOG, "transient-for", parent, NULL);

  self->session = g_object_ref (session);
  set_busy (self, TRUE);
  bz_nutritionists_get_profile_async (bz_gui_session_get_services (session), bz_gui_session_get_caller (session),
                                      self->cancel, loaded, g_object_ref (self));
  return self;
}

gboolean
bz_profile_dialog_is_busy (BzProfileDialog *self)
{
  return self->busy;
}

const char *
bz_profile_dialog_get_error (BzProfileDialog *self)
{
  return gtk_label_get_label (self->error_label);
}

GtkEditable *
bz_profile_dialog_get_entry (BzProfileDialog *self, const char *name)
{
  if (g_strcmp0 (name, "professional_license") == 0)
    return self->license;
  if (g_strcmp0 (name, "clinic_name") == 0)
    return self->clinic_name;
  if (g_strcmp0 (name, "clinic_address") == 0)
    return self->clinic_address;
  if (g_strcmp0 (name, "clinic_phone") == 0)
    return self->clinic_phone;
  return NULL;
}

void
bz_profile_dialog_set_fee (BzProfileDialog *self, int mxn)
{
  gtk_spin_button_set_value (self->fee, mxn);
}
