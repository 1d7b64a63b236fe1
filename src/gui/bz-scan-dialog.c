/* bz-scan-dialog.c — a body scan taken at the desk (see bz-scan-dialog.h). */
#include "bz-scan-dialog.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bz-gui-util.h"
#include "bz-scan-service.h"

/* The number rows: a ScanInput member, its title, its step, and whether
 * it is a circumference (circumferences_cm.<name>, optional: 0 = not measured). */
typedef struct
{
  const char *field;
  const char *title;
  double step;
  gboolean circumference;
} NumberRow;

static const NumberRow number_rows[] = {
  { "age", N_("Age (years)"), 1, FALSE },
  { "height_cm", N_("Height (cm)"), 0.1, FALSE },
  { "weight_kg", N_("Weight (kg)"), 0.1, FALSE },
  { "body_fat_percent", N_("Body fat (%)"), 0.1, FALSE },
  { "skeletal_muscle_mass_kg", N_("Skeletal muscle mass (kg)"), 0.1, FALSE },
  { "waist", N_("Waist (cm)"), 0.1, TRUE },
  { "hip", N_("Hip (cm)"), 0.1, TRUE },
  { "neck", N_("Neck (cm)"), 0.1, TRUE },
  { "chest", N_("Chest (cm)"), 0.1, TRUE },
  { "arm", N_("Arm (cm)"), 0.1, TRUE },
  { "thigh", N_("Thigh (cm)"), 0.1, TRUE },
  { "calf", N_("Calf (cm)"), 0.1, TRUE },
};

struct _BzScanDialog
{
  AdwWindow parent_instance;

  BzGuiSession *session;
  char *patient_id;
  GCancellable *cancel;
  gboolean busy;
  GtkWidget *save_button;
  GtkLabel *error_label;
  GtkEditable *date;
  AdwComboRow *sex;
  GtkSpinButton *numbers[G_N_ELEMENTS (number_rows)];
};

G_DEFINE_FINAL_TYPE (BzScanDialog, bz_scan_dialog, ADW_TYPE_WINDOW)

/* Body fat and muscle mass left at 0 are "not measured": the server
 * estimates body fat from the other measurements (body_fat_percent_estimated). */
static gboolean
optional_measure (const char *field)
{
  return g_str_equal (field, "body_fat_percent") || g_str_equal (field, "skeletal_muscle_mass_kg");
}

static JsonObject *
input_of (BzScanDialog *self)
{
  JsonObject *o = json_object_new ();
  JsonObject *circ = json_object_new ();

  json_object_set_string_member (o, "patient_id", self->patient_id);
  json_object_set_string_member (o, "measured_at", gtk_editable_get_text (self->date));
  json_object_set_string_member (o, "sex", adw_combo_row_get_selected (self->sex) == 0 ? "female" : "male");
  for (guint i = 0; i < G_N_ELEMENTS (number_rows); i++)
    {
      double v = gtk_spin_button_get_value (self->numbers[i]);
      if (number_rows[i].circumference)
        {
          if (v > 0)
            json_object_set_double_member (circ, number_rows[i].field, v);
        }
      else if (g_str_equal (number_rows[i].field, "age"))
        json_object_set_int_member (o, "age", (gint64) v);
      else if (v > 0 || !optional_measure (number_rows[i].field))
        json_object_set_double_member (o, number_rows[i].field, v);
    }
  json_object_set_object_member (o, "circumferences_cm", circ);
  return o;
}

static const char *
title_of (const char *field)
{
  for (guint i = 0; field && i < G_N_ELEMENTS (number_rows); i++)
    if (g_str_has_suffix (field, number_rows[i].field))
      return _(number_rows[i].title);
  if (g_strcmp0 (field, "measured_at") == 0)
    return _("Date");
  return field ? field : "";
}

static void
saved (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzScanDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) upload = bz_scans_add_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  self->busy = FALSE;
  gtk_widget_set_sensitive (self->save_button, TRUE);
  if (upload == NULL)
    {
      g_autofree char *message = bz_form_error_message (error, title_of);
      gtk_label_set_label (self->error_label, message);
      return;
    }
  gtk_label_set_label (self->error_label, "");
  gtk_window_close (GTK_WINDOW (self));
}

void
bz_scan_dialog_save (BzScanDialog *self)
{
  g_autoptr(JsonObject) input = NULL;

  g_return_if_fail (BZ_IS_SCAN_DIALOG (self));
  if (self->busy)
    return;
  input = input_of (self);
  self->busy = TRUE;
  gtk_widget_set_sensitive (self->save_button, FALSE);
  gtk_label_set_label (self->error_label, "");
  bz_scans_add_async (bz_gui_session_get_services (self->session), bz_gui_session_get_caller (self->session), input,
                      self->cancel, saved, g_object_ref (self));
}

static gboolean
save_shortcut (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  bz_scan_dialog_save (BZ_SCAN_DIALOG (widget));
  return TRUE;
}

static void
bz_scan_dialog_dispose (GObject *object)
{
  BzScanDialog *self = BZ_SCAN_DIALOG (object);

  g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  g_clear_object (&self->session);
  g_clear_pointer (&self->patient_id, g_free);
  G_OBJECT_CLASS (bz_scan_dialog_parent_class)->dispose (object);
}

static void
bz_scan_dialog_class_init (BzScanDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bz_scan_dialog_dispose;
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bz_scan_dialog_init (BzScanDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *body = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *circ = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const char *sexes[] = { _("Female"), _("Male"), NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GtkWidget *date = adw_entry_row_new ();
  GtkWidget *sex = adw_combo_row_new ();

  self->cancel = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("New Body Scan"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 680);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_box_append (GTK_BOX (box), bz_form_header_new (GTK_WINDOW (self), &self->save_button, G_CALLBACK (bz_scan_dialog_save), self));

  adw_preferences_group_set_title (body, _("Body Composition"));
  adw_preferences_group_set_description (body, _("As the InBody printout gives them"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (date), _("Date (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (date), today);
  self->date = GTK_EDITABLE (date);
  adw_preferences_group_add (body, date);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (sex), _("Sex"));
  adw_combo_row_set_model (ADW_COMBO_ROW (sex), G_LIST_MODEL (gtk_string_list_new (sexes)));
  self->sex = ADW_COMBO_ROW (sex);
  adw_preferences_group_add (body, sex);
  adw_preferences_group_set_title (circ, _("Circumferences"));
  adw_preferences_group_set_description (circ, _("Only those measured; 0 leaves one out"));
  for (guint i = 0; i < G_N_ELEMENTS (number_rows); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, number_rows[i].circumference ? 250 : 400, number_rows[i].step);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), number_rows[i].step < 1 ? 1 : 0);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(number_rows[i].title));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (number_rows[i].circumference ? circ : body, row);
      self->numbers[i] = GTK_SPIN_BUTTON (spin);
    }

  self->error_label = GTK_LABEL (bz_form_error_label_new ());
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), body);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), circ);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

BzScanDialog *
bz_scan_dialog_new (GtkWindow *parent, BzGuiSession *session, const char *patient_id, BzRecord *latest)
{
  BzScanDialog *self = g_object_new (BZ_TYPE_SCAN_DIALOG, "transient-for", parent, NULL);

  self->session = g_object_ref (session);
  self->patient_id = g_strdup (patient_id);
  if (latest)
    {
      adw_combo_row_set_selected (self->sex, g_strcmp0 (bz_record_get_string (latest, BZ_SCAN_SEX), "male") == 0);
      gtk_spin_button_set_value (self->numbers[0], bz_record_get_int (latest, BZ_SCAN_AGE));
      gtk_spin_button_set_value (self->numbers[1], bz_record_get_double (latest, BZ_SCAN_HEIGHT_CM));
    }
  return self;
}

gboolean
bz_scan_dialog_set_value (BzScanDialog *self, const char *field, double value)
{
  for (guint i = 0; i < G_N_ELEMENTS (number_rows); i++)
    if (g_strcmp0 (number_rows[i].field, field) == 0)
      {
        gtk_spin_button_set_value (self->numbers[i], value);
        return TRUE;
      }
  return FALSE;
}

gboolean
bz_scan_dialog_is_busy (BzScanDialog *self)
{
  return self->busy;
}

const char *
bz_scan_dialog_get_error (BzScanDialog *self)
{
  return gtk_label_get_label (self->error_label);
}
