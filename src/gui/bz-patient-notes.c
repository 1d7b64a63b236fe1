/* bz-patient-notes.c — the notes-and-appointments panel (see
 * bz-patient-notes.h).  Built in code: two boxed lists and their forms. */
#include "bz-patient-notes.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bz-clinical-service.h"
#include "bz-gui-util.h"
#include "bz-reflow-box.h"

#define REFRESH_DELAY_MS 200
#define DEFAULT_MINUTES  45     /* a follow-up consultation */
#define DEFAULT_HOUR     10

struct _BzPatientNotes
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *next_label;
  GtkLabel *last_label;
  GtkMenuButton *date_button;
  GtkCalendar *calendar;
  GtkSpinButton *hour;
  GtkSpinButton *minute;
  GtkSpinButton *duration;
  GtkWidget *book_button;
  GtkListBox *appointments;
  GtkTextView *note_view;
  GtkWidget *add_note_button;
  GtkListBox *notes;
  GtkLabel *error_label;

  BzGuiSession *session;
  char *patient_id;
  GCancellable *cancel;
  guint reads;          /* lists loading (0 to 2) */
  guint writes;         /* writes running */
  guint n_notes, n_appointments;
  guint watch_id;
  guint refresh;
};

G_DEFINE_FINAL_TYPE (BzPatientNotes, bz_patient_notes, GTK_TYPE_WIDGET)

static void reload (BzPatientNotes *self);

/* "Tue 24 Jan 2099, 14:00", local time. */
static char *
format_when (const char *iso8601)
{
  g_autoptr(GDateTime) t = bz_parse_datetime (iso8601);
  return t ? bz_date_time_format (t, "%a %e %b %Y, %H:%M") : g_strdup ("—");
}

static void
show_error (BzPatientNotes *self, const GError *error)
{
  g_autofree char *message = error ? bz_error_to_user_message (error) : NULL;
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;
  while ((row = gtk_list_box_get_row_at_index (list, 0)))
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* --- Appointments ------------------------------------------------------------ */

static GtkWidget *
appointment_row_new (BzRecord *a)
{
  GtkWidget *row = adw_action_row_new ();
  const char *status = bz_record_get_string (a, BZ_APPOINTMENT_STATUS);
  const char *location = bz_record_get_string (a, BZ_APPOINTMENT_LOCATION);
  const char *id = bz_record_get_string (a, BZ_APPOINTMENT_ID);
  g_autofree char *when = format_when (bz_record_get_string (a, BZ_APPOINTMENT_STARTS_AT));
  g_autofree char *subtitle = NULL;

  subtitle = g_strdup_printf (_("%d min · %s%s%s"), (int) bz_record_get_int (a, BZ_APPOINTMENT_DURATION_MINUTES),
                              bz_vocab_label (&bz_vocab_appointment_status, status, status),
                              location ? " · " : "", location ? location : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (g_strcmp0 (status, "scheduled") == 0)
    {
      GtkWidget *done = gtk_button_new_from_icon_name ("object-select-symbolic");
      GtkWidget *cancel = gtk_button_new_from_icon_name ("window-close-symbolic");
      gtk_widget_set_tooltip_text (done, _("Mark as completed"));
      gtk_widget_set_tooltip_text (cancel, _("Cancel appointment"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (done), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mark as completed"), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancel appointment"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (done), "notes.complete-appointment");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (done), "s", id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "notes.cancel-appointment");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (cancel), "s", id);
      gtk_widget_set_valign (done, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (cancel, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (done, "flat");
      gtk_widget_add_css_class (cancel, "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), done);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), cancel);
    }
  else
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

/* Next: the first upcoming scheduled one (the list puts them first);
 * last: the latest past one that took place or was due (scheduled or completed). */
static void
show_appointments (BzPatientNotes *self, BzRecord *list)
{
  g_autofree char *now = NULL;
  g_autoptr(GDateTime) t = g_date_time_new_now_utc ();
  const char *next = NULL, *last = NULL;
  guint n = bz_record_get_n_items (list, BZ_APPOINTMENT_LIST_APPOINTMENTS);

  now = g_date_time_format (t, "%Y-%m-%dT%H:%M:%SZ");
  clear_list (self->appointments);
  for (guint i = 0; i < n; i++)
    {
      BzRecord *a = bz_record_get_item (list, BZ_APPOINTMENT_LIST_APPOINTMENTS, i);
      const char *starts = bz_record_get_string (a, BZ_APPOINTMENT_STARTS_AT);
      const char *status = bz_record_get_string (a, BZ_APPOINTMENT_STATUS);
      gboolean visit = g_strcmp0 (status, "scheduled") == 0 || g_strcmp0 (status, "completed") == 0;

      if (!next && g_strcmp0 (status, "scheduled") == 0 && g_strcmp0 (starts, now) >= 0)
        next = starts;
      if (visit && g_strcmp0 (starts, now) < 0 && (!last || g_strcmp0 (starts, last) > 0))
        last = starts;
      gtk_list_box_append (self->appointments, appointment_row_new (a));
    }
  self->n_appointments = n;
  {
    g_autofree char *when = next ? format_when (next) : NULL;
    g_autofree char *text = next ? g_strdup_printf (_("Next appointment: %s"), when)
                                 : g_strdup (_("No upcoming appointment"));
    gtk_label_set_label (self->next_label, text);
  }
  {
    g_autofree char *when = last ? format_when (last) : NULL;
    g_autofree char *text = last ? g_strdup_printf (_("Last appointment: %s"), when) : g_strdup ("");
    gtk_label_set_label (self->last_label, text);
    gtk_widget_set_visible (GTK_WIDGET (self->last_label), last != NULL);
  }
}

/* --- Notes -------------------------------------------------------------------- */

static GtkWidget *
note_row_new (BzRecord *n)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *when = format_when (bz_record_get_string (n, BZ_CLINICAL_NOTE_CONSULTATION_AT));
  g_autofree char *header = g_strdup_printf ("%s · %s", when, bz_record_get_string (n, BZ_CLINICAL_NOTE_AUTHOR_NAME));
  GtkWidget *head = gtk_label_new (header);
  GtkWidget *text = gtk_label_new (bz_record_get_string (n, BZ_CLINICAL_NOTE_TEXT));

  gtk_label_set_xalign (GTK_LABEL (head), 0);
  gtk_widget_add_css_class (head, "caption");
  gtk_widget_add_css_class (head, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
show_notes (BzPatientNotes *self, BzRecord *list)
{
  guint n = bz_record_get_n_items (list, BZ_CLINICAL_NOTE_LIST_NOTES);

  clear_list (self->notes);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->notes, note_row_new (bz_record_get_item (list, BZ_CLINICAL_NOTE_LIST_NOTES, i)));
  self->n_notes = n;
}

/* --- Loading --------------------------------------------------------------------- */

static void
notes_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPatientNotes) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) list = bz_clinical_list_notes_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  self->reads--;
  if (list)
    show_notes (self, list);
  else
    show_error (self, error);
}

static void
appointments_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPatientNotes) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) list = bz_clinical_list_appointments_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  self->reads--;
  if (list)
    show_appointments (self, list);
  else
    show_error (self, error);
}

static void
reload (BzPatientNotes *self)
{
  BzServices *svc;
  const BzCaller *caller;

  if (self->cancel)
    g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  self->reads = 0;
  if (self->session == NULL || self->patient_id == NULL)
    return;
  svc = bz_gui_session_get_services (self->session);
  caller = bz_gui_session_get_caller (self->session);
  self->cancel = g_cancellable_new ();
  self->reads = 2;
  bz_clinical_list_appointments_async (svc, caller, self->patient_id, self->cancel, appointments_done, g_object_ref (self));
  bz_clinical_list_notes_async (svc, caller, self->patient_id, self->cancel, notes_done, g_object_ref (self));
}

static gboolean
refresh_cb (gpointer user_data)
{
  BzPatientNotes *self = user_data;
  self->refresh = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (const char *table, const char *row_id, gpointer user_data)
{
  BzPatientNotes *self = user_data;

  if (self->patient_id == NULL || self->refresh)
    return;
  if (g_strcmp0 (table, "clinical_notes") == 0 || g_strcmp0 (table, "appointments") == 0)
    self->refresh = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

/* --- Writes ------------------------------------------------------------------------ */

/* A write's answer: the lists reload (the store's notice would do it too,
 * but the user sees it at once). */
static void
written (BzPatientNotes *self, BzRecord *rec, GError *error)
{
  self->writes--;
  if (bz_is_cancelled (error))
    return;
  show_error (self, error);
  reload (self);
}

static void
note_added_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPatientNotes) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) note = bz_clinical_add_note_finish (BZ_SERVICES (source), result, &error);

  if (note)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  written (self, note, error);
}

static void
booked_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPatientNotes) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) appt = bz_clinical_book_appointment_finish (BZ_SERVICES (source), result, &error);
  written (self, appt, error);
}

static void
status_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPatientNotes) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) appt = bz_clinical_update_appointment_finish (BZ_SERVICES (source), result, &error);
  written (self, appt, error);
}

static char *
note_text (BzPatientNotes *self)
{
  GtkTextBuffer *buf = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  gtk_text_buffer_get_bounds (buf, &start, &end);
  return gtk_text_buffer_get_text (buf, &start, &end, FALSE);
}

static void
note_changed_cb (BzPatientNotes *self)
{
  g_autofree char *text = note_text (self);
  gtk_widget_set_sensitive (self->add_note_button, *g_strstrip (text) != '\0');
}

static void
add_note_cb (BzPatientNotes *self)
{
  g_autofree char *text = note_text (self);
  g_autoptr(JsonObject) input = json_object_new ();

  if (self->session == NULL || self->patient_id == NULL)
    return;
  json_object_set_string_member (input, "text", text);
  self->writes++;
  bz_clinical_add_note_async (bz_gui_session_get_services (self->session), bz_gui_session_get_caller (self->session),
                              self->patient_id, input, NULL, note_added_done, g_object_ref (self));
}

static void
book_cb (BzPatientNotes *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(JsonObject) input = json_object_new ();
  g_autofree char *iso = NULL;

  if (self->session == NULL || self->patient_id == NULL)
    return;
  /* The desk's local time, sent with its offset; the service stores UTC. */
  when = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), gtk_spin_button_get_value_as_int (self->hour),
                                gtk_spin_button_get_value_as_int (self->minute), 0);
  iso = g_date_time_format_iso8601 (when);
  json_object_set_string_member (input, "starts_at", iso);
  json_object_set_int_member (input, "duration_minutes", gtk_spin_button_get_value_as_int (self->duration));
  self->writes++;
  bz_clinical_book_appointment_async (bz_gui_session_get_services (self->session), bz_gui_session_get_caller (self->session),
                                      self->patient_id, input, NULL, booked_done, g_object_ref (self));
}

static void
set_status (BzPatientNotes *self, const char *appointment_id, const char *status)
{
  g_autoptr(JsonObject) input = json_object_new ();

  if (self->session == NULL || self->patient_id == NULL)
    return;
  json_object_set_string_member (input, "status", status);
  self->writes++;
  bz_clinical_update_appointment_async (bz_gui_session_get_services (self->session),
                                        bz_gui_session_get_caller (self->session), self->patient_id,
                                        appointment_id, input, NULL, status_done, g_object_ref (self));
}

static void
complete_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  set_status (BZ_PATIENT_NOTES (widget), g_variant_get_string (param, NULL), "completed");
}

static void
cancel_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  set_status (BZ_PATIENT_NOTES (widget), g_variant_get_string (param, NULL), "cancelled");
}

static void
date_changed_cb (BzPatientNotes *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *label = bz_date_time_format (day, "%a %e %b %Y");
  gtk_menu_button_set_label (self->date_button, label);
}

/* --- Construction ------------------------------------------------------------------- */

static GtkWidget *
heading_new (const char *text)
{
  GtkWidget *l = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_widget_add_css_class (l, "heading");
  return l;
}

static GtkSpinButton *
spin_new (double lo, double hi, double step, double value, const char *a11y)
{
  GtkWidget *s = gtk_spin_button_new_with_range (lo, hi, step);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (s), value);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (s), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (s), hi >= 100 ? 3 : 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (s), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_widget_set_tooltip_text (s, a11y);
  return GTK_SPIN_BUTTON (s);
}

/* "09:05", as a clock shows it. */
static gboolean
two_digits_cb (GtkSpinButton *spin)
{
  char text[8];
  g_snprintf (text, sizeof text, "%02d", gtk_spin_button_get_value_as_int (spin));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static GtkListBox *
list_new (const char *empty, const char *a11y)
{
  GtkWidget *list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder_new (empty));
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return GTK_LIST_BOX (list);
}

static void
build (BzPatientNotes *self)
{
  GtkWidget *form, *when_box, *time_box, *length_box, *popover, *scroll, *frame;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) in_two_weeks = g_date_time_add_days (now, 14);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  /* Appointments: next, last, the booking form, the list. */
  gtk_box_append (GTK_BOX (self->box), heading_new (_("Appointments")));
  self->next_label = GTK_LABEL (gtk_label_new (_("No upcoming appointment")));
  gtk_label_set_xalign (self->next_label, 0);
  gtk_label_set_wrap (self->next_label, TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->next_label));
  self->last_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->last_label, 0);
  gtk_label_set_wrap (self->last_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->last_label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->last_label), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->last_label));

  /* The form: [date, time] [duration, Book] side by side when they fit,
   * one above the other on a narrow window (800 px wide, issue 12). */
  form = bz_reflow_box_new (6);
  when_box = bz_reflow_box_new (6);   /* [date] [hh : mm], stacked when narrower still */
  time_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  length_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_calendar_select_day (self->calendar, in_two_weeks);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  self->date_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->date_button, popover);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_button), _("Date"));
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (date_changed_cb), self);
  date_changed_cb (self);
  self->hour = spin_new (0, 23, 1, DEFAULT_HOUR, _("Hour"));
  self->minute = spin_new (0, 55, 5, 0, _("Minute"));
  g_signal_connect (self->hour, "output", G_CALLBACK (two_digits_cb), NULL);
  g_signal_connect (self->minute, "output", G_CALLBACK (two_digits_cb), NULL);
  two_digits_cb (self->hour);
  two_digits_cb (self->minute);
  self->duration = spin_new (BZ_APPOINTMENT_MIN_MINUTES, BZ_APPOINTMENT_MAX_MINUTES, 5, DEFAULT_MINUTES, _("Duration in minutes"));
  self->book_button = gtk_button_new_with_mnemonic (_("_Book Appointment"));
  gtk_widget_add_css_class (self->book_button, "suggested-action");
  g_signal_connect_swapped (self->book_button, "clicked", G_CALLBACK (book_cb), self);
  gtk_widget_set_hexpand (GTK_WIDGET (self->date_button), TRUE);
  bz_reflow_box_append (BZ_REFLOW_BOX (when_box), GTK_WIDGET (self->date_button));
  gtk_widget_set_hexpand (GTK_WIDGET (self->hour), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->minute), TRUE);
  gtk_box_append (GTK_BOX (time_box), GTK_WIDGET (self->hour));
  gtk_box_append (GTK_BOX (time_box), gtk_label_new (":"));
  gtk_box_append (GTK_BOX (time_box), GTK_WIDGET (self->minute));
  bz_reflow_box_append (BZ_REFLOW_BOX (when_box), time_box);
  gtk_box_append (GTK_BOX (length_box), GTK_WIDGET (self->duration));
  gtk_box_append (GTK_BOX (length_box), gtk_label_new (_("min")));
  gtk_widget_set_hexpand (self->book_button, TRUE);
  gtk_widget_set_halign (self->book_button, GTK_ALIGN_END);
  gtk_widget_set_valign (length_box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (length_box), self->book_button);
  bz_reflow_box_append (BZ_REFLOW_BOX (form), when_box);
  bz_reflow_box_append (BZ_REFLOW_BOX (form), length_box);
  gtk_box_append (GTK_BOX (self->box), form);
  self->appointments = list_new (_("No appointments yet. Book the next one above."), _("Appointments"));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->appointments));

  /* Clinical notes: the entry, then the notes, newest first. */
  {
    GtkWidget *h = heading_new (_("Clinical Notes"));
    gtk_widget_set_margin_top (h, 12);
    gtk_box_append (GTK_BOX (self->box), h);
  }
  self->note_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->note_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->note_view, 6);
  gtk_text_view_set_bottom_margin (self->note_view, 6);
  gtk_text_view_set_left_margin (self->note_view, 6);
  gtk_text_view_set_right_margin (self->note_view, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note of today’s consultation"), -1);
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), GTK_WIDGET (self->note_view));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroll), 72);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), scroll);
  gtk_box_append (GTK_BOX (self->box), frame);
  self->add_note_button = gtk_button_new_with_mnemonic (_("_Add Note"));
  gtk_widget_set_halign (self->add_note_button, GTK_ALIGN_END);
  gtk_widget_set_sensitive (self->add_note_button, FALSE);
  gtk_widget_set_tooltip_text (self->add_note_button, _("Write the note first"));
  g_signal_connect_swapped (self->add_note_button, "clicked", G_CALLBACK (add_note_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed", G_CALLBACK (note_changed_cb), self);
  gtk_box_append (GTK_BOX (self->box), self->add_note_button);
  self->error_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->error_label));
  self->notes = list_new (_("No notes yet. Write what you found in today’s consultation."), _("Clinical notes"));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->notes));
}

/* --- Public -------------------------------------------------------------------------- */

void
bz_patient_notes_load (BzPatientNotes *self, BzGuiSession *session, const char *patient_id)
{
  const BzCaller *caller = session ? bz_gui_session_get_caller (session) : NULL;
  gboolean staff = caller && caller->role == BZ_ROLE_NUTRITIONIST && patient_id;

  g_return_if_fail (BZ_IS_PATIENT_NOTES (self));
  if (self->session != session)
    {
      if (self->watch_id)
        bz_services_unwatch (bz_gui_session_get_services (self->session), self->watch_id);
      self->watch_id = 0;
      g_set_object (&self->session, session);
      if (session)
        self->watch_id = bz_services_watch (bz_gui_session_get_services (session), NULL, store_changed_cb, self, NULL);
    }
  g_free (self->patient_id);
  self->patient_id = staff ? g_strdup (patient_id) : NULL;
  clear_list (self->notes);
  clear_list (self->appointments);
  self->n_notes = self->n_appointments = 0;
  gtk_label_set_label (self->next_label, _("No upcoming appointment"));
  gtk_widget_set_visible (GTK_WIDGET (self->last_label), FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  show_error (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), staff);
  reload (self);
}

gboolean
bz_patient_notes_is_busy (BzPatientNotes *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_NOTES (self), FALSE);
  return self->reads > 0 || self->writes > 0 || self->refresh != 0;
}

guint
bz_patient_notes_get_n_notes (BzPatientNotes *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_NOTES (self), 0);
  return self->n_notes;
}

guint
bz_patient_notes_get_n_appointments (BzPatientNotes *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_NOTES (self), 0);
  return self->n_appointments;
}

const char *
bz_patient_notes_get_next_label (BzPatientNotes *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_NOTES (self), NULL);
  return gtk_label_get_label (self->next_label);
}

static void
bz_patient_notes_dispose (GObject *object)
{
  BzPatientNotes *self = BZ_PATIENT_NOTES (object);

  if (self->cancel)
    g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  g_clear_handle_id (&self->refresh, g_source_remove);
  if (self->watch_id)
    bz_services_unwatch (bz_gui_session_get_services (self->session), self->watch_id);
  self->watch_id = 0;
  g_clear_object (&self->session);
  g_clear_pointer (&self->patient_id, g_free);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (bz_patient_notes_parent_class)->dispose (object);
}

static void
bz_patient_notes_class_init (BzPatientNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bz_patient_notes_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "notes.complete-appointment", "s", complete_activated);
  gtk_widget_class_install_action (widget_class, "notes.cancel-appointment", "s", cancel_activated);
}

static void
bz_patient_notes_init (BzPatientNotes *self)
{
  build (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
bz_patient_notes_new (void)
{
  return g_object_new (BZ_TYPE_PATIENT_NOTES, NULL);
}
