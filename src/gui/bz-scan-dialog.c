/* bz-scan-dialog.c — a body scan taken at the desk (see bz-scan-dialog.h). */
#include "bz-scan-dialog.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bz-gui-util.h"
#include "bz-limits.h"
#include "bz-scan-import.h"
#include "bz-scan-preview.h"
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
  /* The InBody file import (issue 8). */
  GBytes *import_bytes;
  char *import_summary;
  guint import_count;
  gboolean import_ok;
  GtkLabel *import_label;
  GtkLabel *import_errors;
  GtkListBox *import_rows;
  GtkWidget *import_save;
  GtkFileChooserNative *chooser;
  /* The body before it is saved (issue 8). */
  GtkBox *content;
  BzScanPreview *preview;
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

/* Any number or the sex changed: the preview follows, once typing pauses. */
static void
preview_again (BzScanDialog *self)
{
  g_autoptr(JsonObject) input = NULL;

  if (self->preview == NULL)
    return;
  /* Height and weight (rows 1 and 2) are what a body needs first. */
  if (gtk_spin_button_get_value (self->numbers[1]) <= 0 || gtk_spin_button_get_value (self->numbers[2]) <= 0)
    {
      bz_scan_preview_update (self->preview, NULL);
      return;
    }
  input = input_of (self);
  bz_scan_preview_update (self->preview, input);
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

/* --- Importing an InBody file ---------------------------------------------------- */

/* The form's sex, age and height: what the file may lack (the InBody app's
 * CSV has none of them).  Strings are the caller's buffers. */
static void
defaults_of (BzScanDialog *self, BzScanImportDefaults *d, char age[G_ASCII_DTOSTR_BUF_SIZE],
             char height[G_ASCII_DTOSTR_BUF_SIZE])
{
  double a = gtk_spin_button_get_value (self->numbers[0]), h = gtk_spin_button_get_value (self->numbers[1]);

  d->sex = adw_combo_row_get_selected (self->sex) == 0 ? "female" : "male";
  d->age = a > 0 ? g_ascii_dtostr (age, G_ASCII_DTOSTR_BUF_SIZE, a) : NULL;
  d->height_cm = h > 0 ? g_ascii_dtostr (height, G_ASCII_DTOSTR_BUF_SIZE, h) : NULL;
}

/* Every detail's message of @error, one a line ("line 7: Weight: not a number"). */
static char *
details_text (const GError *error)
{
  JsonArray *d = bz_error_get_details (error);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; d && i < json_array_get_length (d); i++)
    {
      JsonObject *o = json_array_get_object_element (d, i);
      const char *field = json_object_get_string_member_with_default (o, "field", "");
      const char *message = json_object_get_string_member_with_default (o, "message", "");
      if (text->len)
        g_string_append_c (text, '\n');
      /* The file's own errors (fields "line N: Column", "item N", "file":
       * bz-scan-import.c) carry their place, in the desk's language; the
       * form's do not. */
      if (g_str_has_prefix (field, "line ") || g_str_has_prefix (field, "item ") || g_str_equal (field, "file"))
        g_string_append (text, message);
      else
        g_string_append_printf (text, "%s: %s", title_of (field), message);
    }
  if (text->len == 0)
    g_string_append (text, error->message);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
scan_row_new (BzRecord *scan)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = bz_format_date (bz_record_get_string (scan, BZ_SCAN_MEASURED_AT));
  g_autofree char *figures = g_strdup_printf (_("%.1f kg, %.1f %% body fat, %.1f kg skeletal muscle"),
                                              bz_record_get_double (scan, BZ_SCAN_WEIGHT_KG),
                                              bz_record_get_double (scan, BZ_SCAN_BODY_FAT_PERCENT),
                                              bz_record_get_double (scan, BZ_SCAN_SKELETAL_MUSCLE_MASS_KG));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), figures);
  return row;
}

void
bz_scan_dialog_import_bytes (BzScanDialog *self, const char *name, GBytes *bytes)
{
  g_autoptr(GPtrArray) scans = NULL;
  g_autoptr(GError) error = NULL;
  BzScanImportDefaults d;
  char age[G_ASCII_DTOSTR_BUF_SIZE], height[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (BZ_IS_SCAN_DIALOG (self));
  g_clear_pointer (&self->import_bytes, g_bytes_unref);
  self->import_bytes = g_bytes_ref (bytes);
  defaults_of (self, &d, age, height);
  /* Pure and bounded (BZ_INBODY_MAX_BYTES, BZ_INBODY_MAX_ROWS): no store, no avatar. */
  self->import_ok = bz_scans_import_check (bytes, &d, &scans, &error);
  self->import_count = scans->len;

  bz_list_box_remove_rows (self->import_rows);
  for (guint i = 0; i < scans->len; i++)
    gtk_list_box_append (self->import_rows, scan_row_new (g_ptr_array_index (scans, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->import_rows), scans->len > 0);

  g_free (self->import_summary);
  if (self->import_ok)
    self->import_summary = g_strdup_printf (ngettext ("%s: %u scan to import", "%s: %u scans to import", scans->len),
                                            name, scans->len);
  else
    self->import_summary = g_strdup_printf (_("%s: nothing can be imported until every line is right"), name);
  gtk_label_set_label (self->import_label, self->import_summary);
  {
    g_autofree char *errors = error ? details_text (error) : g_strdup ("");
    gtk_label_set_label (self->import_errors, errors);
    gtk_widget_set_visible (GTK_WIDGET (self->import_errors), error != NULL);
  }
  gtk_widget_set_visible (self->import_save, TRUE);
  gtk_widget_set_sensitive (self->import_save, self->import_ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scan.save-import", self->import_ok);
}

typedef struct
{
  BzScanDialog *self;
  char *name;
  guint8 *buffer;
} Loading;

static void
loading_free (Loading *l)
{
  g_object_unref (l->self);
  g_free (l->name);
  g_free (l->buffer);
  g_free (l);
}

static void
file_read_all (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Loading *l = user_data;
  g_autoptr(GError) error = NULL;
  gsize n = 0;

  if (!g_input_stream_read_all_finish (G_INPUT_STREAM (source), result, &n, &error))
    {
      if (!bz_is_cancelled (error))
        gtk_label_set_label (l->self->import_label, error->message);
    }
  else
    {
      /* At most BZ_INBODY_MAX_BYTES + 1 bytes were read: the parser refuses the rest as too large. */
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&l->buffer), n);
      bz_scan_dialog_import_bytes (l->self, l->name, bytes);
    }
  loading_free (l);
}

static void
file_opened (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Loading *l = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) in = g_file_read_finish (G_FILE (source), result, &error);

  if (in == NULL)
    {
      if (!bz_is_cancelled (error))
        gtk_label_set_label (l->self->import_label, error->message);
      loading_free (l);
      return;
    }
  l->buffer = g_malloc (BZ_INBODY_MAX_BYTES + 1);
  g_input_stream_read_all_async (G_INPUT_STREAM (in), l->buffer, BZ_INBODY_MAX_BYTES + 1, G_PRIORITY_DEFAULT,
                                 l->self->cancel, file_read_all, l);
}

static void
chooser_response (GtkNativeDialog *native, int response, gpointer user_data)
{
  BzScanDialog *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      Loading *l = g_new0 (Loading, 1);
      l->self = g_object_ref (self);
      l->name = g_file_get_basename (file);
      g_file_read_async (file, G_PRIORITY_DEFAULT, self->cancel, file_opened, l);
    }
  g_clear_object (&self->chooser);
}

static void
import_file_action (GtkWidget *widget, const char *action, GVariant *param)
{
  BzScanDialog *self = BZ_SCAN_DIALOG (widget);
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (self->chooser)
    return;
  /* GTK 4.8: GtkFileChooserNative (GtkFileDialog is 4.10). */
  self->chooser = gtk_file_chooser_native_new (_("Import InBody File"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("InBody exports (CSV, JSON)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_saved (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzScanDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) done = bz_scans_import_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  self->busy = FALSE;
  gtk_widget_set_sensitive (self->save_button, TRUE);
  gtk_widget_set_sensitive (self->import_save, TRUE);
  if (done == NULL)
    {
      g_autofree char *message = details_text (error);
      gtk_label_set_label (self->error_label, message);
      return;
    }
  gtk_label_set_label (self->error_label, "");
  gtk_window_close (GTK_WINDOW (self));
}

void
bz_scan_dialog_save_import (BzScanDialog *self)
{
  BzScanImportDefaults d;
  char age[G_ASCII_DTOSTR_BUF_SIZE], height[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (BZ_IS_SCAN_DIALOG (self));
  if (self->busy || self->import_bytes == NULL || !self->import_ok)
    return;
  defaults_of (self, &d, age, height);
  self->busy = TRUE;
  gtk_widget_set_sensitive (self->save_button, FALSE);
  gtk_widget_set_sensitive (self->import_save, FALSE);
  gtk_label_set_label (self->error_label, "");
  bz_scans_import_async (bz_gui_session_get_services (self->session), bz_gui_session_get_caller (self->session),
                         self->patient_id, self->import_bytes, &d, self->cancel, import_saved, g_object_ref (self));
}

static void
save_import_action (GtkWidget *widget, const char *action, GVariant *param)
{
  bz_scan_dialog_save_import (BZ_SCAN_DIALOG (widget));
}

const char *
bz_scan_dialog_get_import_summary (BzScanDialog *self)
{
  return self->import_summary;
}

guint
bz_scan_dialog_get_import_count (BzScanDialog *self, gboolean *out_ok)
{
  if (out_ok)
    *out_ok = self->import_ok;
  return self->import_count;
}

const char *
bz_scan_dialog_get_import_errors (BzScanDialog *self)
{
  return gtk_label_get_label (self->import_errors);
}

/* The "InBody File" group: Import File…, what was found, the line errors, Save. */
static AdwPreferencesGroup *
import_group_new (BzScanDialog *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Import File…"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  adw_preferences_group_set_title (group, _("InBody File"));
  adw_preferences_group_set_description (group, _("A LookinBody export (CSV) or its rows as JSON. "
                                                  "Sex, age and height below fill in what the file leaves out."));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "scan.import-file");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (group, button);

  self->import_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_wrap (self->import_label, TRUE);
  gtk_label_set_xalign (self->import_label, 0);
  self->import_errors = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_wrap (self->import_errors, TRUE);
  gtk_label_set_xalign (self->import_errors, 0);
  gtk_label_set_selectable (self->import_errors, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->import_errors), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->import_errors), FALSE);
  self->import_rows = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->import_rows, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->import_rows), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->import_rows), FALSE);
  self->import_save = gtk_button_new_with_mnemonic (_("Save _Imported Scans"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->import_save), "scan.save-import");
  gtk_widget_add_css_class (self->import_save, "suggested-action");
  gtk_widget_set_halign (self->import_save, GTK_ALIGN_END);
  gtk_widget_set_visible (self->import_save, FALSE);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->import_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->import_errors));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->import_rows));
  gtk_box_append (GTK_BOX (box), self->import_save);
  adw_preferences_group_add (group, box);
  return group;
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
  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->import_bytes, g_bytes_unref);
  g_clear_pointer (&self->import_summary, g_free);
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
  gtk_widget_class_install_action (widget_class, "scan.import-file", NULL, import_file_action);
  gtk_widget_class_install_action (widget_class, "scan.save-import", NULL, save_import_action);
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
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 600);
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
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), import_group_new (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scan.save-import", FALSE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), body);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), circ);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_widget_set_hexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  /* The form, and beside it the preview (added with the session in bz_scan_dialog_new()). */
  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  gtk_widget_set_vexpand (GTK_WIDGET (self->content), TRUE);
  gtk_box_append (self->content, page);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->content));
  for (guint i = 0; i < G_N_ELEMENTS (number_rows); i++)
    g_signal_connect_swapped (self->numbers[i], "value-changed", G_CALLBACK (preview_again), self);
  g_signal_connect_swapped (self->sex, "notify::selected", G_CALLBACK (preview_again), self);
  adw_window_set_content (ADW_WINDOW (self), box);
}

BzScanDialog *
bz_scan_dialog_new (GtkWindow *parent, BzGuiSession *session, const char *patient_id, BzRecord *latest)
{
  BzScanDialog *self = g_object_new (BZ_TYPE_SCAN_DIALOG, "transient-for", parent, NULL);

  self->session = g_object_ref (session);
  self->patient_id = g_strdup (patient_id);
  self->preview = BZ_SCAN_PREVIEW (bz_scan_preview_new (session, title_of));
  gtk_widget_set_size_request (GTK_WIDGET (self->preview), 240, -1);
  gtk_widget_set_margin_top (GTK_WIDGET (self->preview), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->preview), 24);
  gtk_widget_set_margin_end (GTK_WIDGET (self->preview), 18);
  gtk_box_append (self->content, GTK_WIDGET (self->preview));
  if (latest)
    {
      adw_combo_row_set_selected (self->sex, g_strcmp0 (bz_record_get_string (latest, BZ_SCAN_SEX), "male") == 0);
      gtk_spin_button_set_value (self->numbers[0], bz_record_get_double (latest, BZ_SCAN_AGE));   /* a NUMBER (years) */
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

JsonObject *
bz_scan_dialog_dup_input (BzScanDialog *self)
{
  return input_of (self);
}

BzScanPreview *
bz_scan_dialog_get_preview (BzScanDialog *self)
{
  return self->preview;
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
