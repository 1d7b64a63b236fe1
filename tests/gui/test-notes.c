/* test-notes.c — clinical notes and appointments at the desk (issue 12;
 * suite 'gui').  On a real window over the demo clinic the nutritionist
 * opens the first patient: the panel shows its empty states; a note written
 * in the text view and "Add Note" appears in the list and in the store; "Book
 * Appointment" with the form's date (two weeks ahead), 10:00 and 45 minutes
 * books the next appointment, shown as "Next appointment"; one booked
 * yesterday and completed becomes the last; one more booked and cancelled
 * leaves the next as it was.  Pictures: tests/gui/test-notes*.png in the
 * build dir; with $BALANZA_SCREENSHOT_DIR also patient-notes.png (run with
 * LANGUAGE=es for docs/screenshots/es, without for docs/screenshots/en). */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "bz-application.h"
#include "bz-clinical-service.h"
#include "bz-gui-util.h"
#include "bz-patient-notes.h"
#include "bz-patient-service.h"
#include "bz-patient-page.h"
#include "bz-patients-page.h"
#include "bz-runtime.h"
#include "bz-sign-in-page.h"
#include "bz-startup.h"
#include "bz-window.h"
#include "bz-gui-test.h"
#include "bz-test-util.h"

#define DEMO_EMAIL    "demo@balanza.local"
#define DEMO_PASSWORD "Demo-2026!"

/* The @skip-th (from 0) widget of @type under @root. */
static GtkWidget *
nth (GtkWidget *root, GType type, guint skip)
{
  GtkWidget *w = NULL;
  {
    GPtrArray *all = g_ptr_array_new ();
    GPtrArray *stack = g_ptr_array_new ();
    g_ptr_array_add (stack, root);
    while (stack->len)
      {
        GtkWidget *x = g_ptr_array_steal_index (stack, stack->len - 1);
        GPtrArray *kids = g_ptr_array_new ();
        if (G_TYPE_CHECK_INSTANCE_TYPE (x, type))
          g_ptr_array_add (all, x);
        for (GtkWidget *c = gtk_widget_get_first_child (x); c; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (kids, c);
        for (guint i = kids->len; i > 0; i--)
          g_ptr_array_add (stack, g_ptr_array_index (kids, i - 1));
        g_ptr_array_unref (kids);
      }
    if (skip < all->len)
      w = g_ptr_array_index (all, skip);
    g_ptr_array_unref (all);
    g_ptr_array_unref (stack);
  }
  return w;
}

/* The button under @root whose label is @label (a mnemonic label as given to _()). */
static GtkWidget *
button_labelled (GtkWidget *root, const char *label)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *b = nth (root, GTK_TYPE_BUTTON, i);
      if (b == NULL)
        return NULL;
      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (b)), label) == 0)
        return b;
    }
}

/* The patient's appointments in the store, as the nutritionist (the service). */
static BzRecord *
stored_appointments (BzGuiSession *session, const char *patient_id)
{
  g_autoptr(GError) error = NULL;
  BzRecord *list = bz_clinical_list_appointments (bz_gui_session_get_services (session),
                                                  bz_gui_session_get_caller (session), patient_id, 1, 100, &error);
  g_assert_no_error (error);
  return list;
}

static void
book_on (BzPatientNotes *notes, GDateTime *day, int hour, int minute)
{
  gtk_calendar_select_day (GTK_CALENDAR (nth (GTK_WIDGET (notes), GTK_TYPE_CALENDAR, 0)), day);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (nth (GTK_WIDGET (notes), GTK_TYPE_SPIN_BUTTON, 0)), hour);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (nth (GTK_WIDGET (notes), GTK_TYPE_SPIN_BUTTON, 1)), minute);
  g_signal_emit_by_name (button_labelled (GTK_WIDGET (notes), _("_Book Appointment")), "clicked");
}

/* Scrolls the page so the panel's top is in view, and photographs the window. */
static void
picture (GtkWidget *window, BzPatientNotes *notes, const char *build_name, const char *docs_name)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (notes), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t p;
  g_autoptr(GdkTexture) shot = NULL;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (notes), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                           &GRAPHENE_POINT_INIT (0, 0), &p));
  bz_gui_test_settle (300);   /* the lists' new rows laid out: the adjustment's upper is final */
  gtk_adjustment_set_value (adj, p.y - 24);
  bz_gui_test_settle (300);
  shot = bz_gui_test_screenshot (window);
  bz_gui_test_save_png (shot, build_name, docs_name);
}

static void
test_notes (void)
{
  BzGuiDesk desk = { 0 };
  BzWindow *window;
  BzPatientPage *patient;
  BzPatientNotes *notes;
  BzGuiSession *session;
  g_autofree char *patient_id = NULL, *next_id = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) in_two_weeks = g_date_time_add_days (now, 14);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) in_three_weeks = g_date_time_add_days (now, 21);
  const char *note = "Consulta de seguimiento: −1.8 kg en dos semanas; cintura 92 cm.\nMantener 1800 kcal, más verdura en la cena.";

  bz_gui_desk_start (&desk, "notes", FALSE, 1280, 980);
  window = desk.window;
  session = bz_window_get_session (window);
  bz_gui_desk_sign_in (&desk, DEMO_EMAIL, DEMO_PASSWORD, "patients");
  patient = bz_gui_desk_open_patient (&desk, NULL, &patient_id);
  notes = BZ_PATIENT_NOTES (nth (GTK_WIDGET (patient), BZ_TYPE_PATIENT_NOTES, 0));
  g_assert_nonnull (notes);
  WAIT_FOR (!bz_patient_page_is_loading (patient) && !bz_patient_notes_is_busy (notes), 60, "the patient page");

  /* The page with the panel still fits an 800x600 screen (the booking form reflows). */
  {
    int min_width, min_height, nat;
    gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat, NULL, NULL);
    gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, 800, &min_height, &nat, NULL, NULL);
    g_test_message ("window minimum with the panel: %dx%d", min_width, min_height);
    g_assert_cmpint (min_width, <=, 800);
    g_assert_cmpint (min_height, <=, 600);
  }

  /* The empty states. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (notes)));
  g_assert_cmpuint (bz_patient_notes_get_n_notes (notes), ==, 0);
  g_assert_cmpuint (bz_patient_notes_get_n_appointments (notes), ==, 0);
  g_assert_cmpstr (bz_patient_notes_get_next_label (notes), ==, _("No upcoming appointment"));
  picture (GTK_WIDGET (window), notes, "test-notes-empty.png", NULL);

  /* Add Note: off while the text view is empty or blank, then the note is listed and stored. */
  {
    GtkWidget *add = button_labelled (GTK_WIDGET (notes), _("_Add Note"));
    GtkTextBuffer *buf = gtk_text_view_get_buffer (GTK_TEXT_VIEW (nth (GTK_WIDGET (notes), GTK_TYPE_TEXT_VIEW, 0)));
    g_autoptr(GError) error = NULL;
    g_autoptr(BzRecord) stored = NULL;

    g_assert_nonnull (add);
    g_assert_false (gtk_widget_get_sensitive (add));
    gtk_text_buffer_set_text (buf, "   \n ", -1);
    g_assert_false (gtk_widget_get_sensitive (add));
    gtk_text_buffer_set_text (buf, note, -1);
    g_assert_true (gtk_widget_get_sensitive (add));
    g_signal_emit_by_name (add, "clicked");
    WAIT_FOR (bz_patient_notes_get_n_notes (notes) == 1 && !bz_patient_notes_is_busy (notes), 30, "the note");
    stored = bz_clinical_list_notes (bz_gui_session_get_services (session), bz_gui_session_get_caller (session),
                                     patient_id, 1, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (bz_record_get_n_items (stored, BZ_CLINICAL_NOTE_LIST_NOTES), ==, 1);
    g_assert_cmpstr (bz_record_get_string (bz_record_get_item (stored, BZ_CLINICAL_NOTE_LIST_NOTES, 0), BZ_CLINICAL_NOTE_TEXT),
                     ==, note);
    g_assert_cmpuint (gtk_text_buffer_get_char_count (buf), ==, 0);   /* the entry is ready for the next */
  }

  /* Book the next appointment: two weeks ahead at 10:00, 45 minutes (the form's defaults). */
  book_on (notes, in_two_weeks, 10, 0);
  WAIT_FOR (bz_patient_notes_get_n_appointments (notes) == 1 && !bz_patient_notes_is_busy (notes), 30, "the booking");
  {
    g_autoptr(BzRecord) list = stored_appointments (session, patient_id);
    BzRecord *a = bz_record_get_item (list, BZ_APPOINTMENT_LIST_APPOINTMENTS, 0);
    g_autoptr(GDateTime) starts = bz_parse_datetime (bz_record_get_string (a, BZ_APPOINTMENT_STARTS_AT));
    g_autofree char *want_day = g_date_time_format (in_two_weeks, "%Y-%m-%d");
    g_autofree char *got_day = g_date_time_format (starts, "%Y-%m-%d");
    g_autofree char *shown_time = g_date_time_format (starts, "%H:%M");

    g_assert_cmpstr (got_day, ==, want_day);
    g_assert_cmpint (g_date_time_get_hour (starts), ==, 10);
    g_assert_cmpint (g_date_time_get_minute (starts), ==, 0);
    g_assert_cmpint (bz_record_get_int (a, BZ_APPOINTMENT_DURATION_MINUTES), ==, 45);
    g_assert_cmpstr (bz_record_get_string (a, BZ_APPOINTMENT_STATUS), ==, "scheduled");
    next_id = g_strdup (bz_record_get_string (a, BZ_APPOINTMENT_ID));
    g_assert_nonnull (strstr (bz_patient_notes_get_next_label (notes), shown_time));
  }

  /* Yesterday's, completed, becomes the last; one more, cancelled, leaves the next alone. */
  book_on (notes, yesterday, 9, 30);
  WAIT_FOR (bz_patient_notes_get_n_appointments (notes) == 2 && !bz_patient_notes_is_busy (notes), 30, "the second booking");
  book_on (notes, in_three_weeks, 12, 0);
  WAIT_FOR (bz_patient_notes_get_n_appointments (notes) == 3 && !bz_patient_notes_is_busy (notes), 30, "the third booking");
  {
    g_autoptr(BzRecord) list = stored_appointments (session, patient_id);
    /* upcoming first: [next (2 weeks), 3 weeks], then yesterday's */
    const char *later = bz_record_get_string (bz_record_get_item (list, BZ_APPOINTMENT_LIST_APPOINTMENTS, 1), BZ_APPOINTMENT_ID);
    const char *past = bz_record_get_string (bz_record_get_item (list, BZ_APPOINTMENT_LIST_APPOINTMENTS, 2), BZ_APPOINTMENT_ID);
    g_assert_cmpstr (bz_record_get_string (bz_record_get_item (list, BZ_APPOINTMENT_LIST_APPOINTMENTS, 0), BZ_APPOINTMENT_ID),
                     ==, next_id);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (notes), "notes.complete-appointment", "s", past));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (notes), "notes.cancel-appointment", "s", later));
  }
  WAIT_FOR (!bz_patient_notes_is_busy (notes), 30, "the status changes");
  {
    g_autoptr(BzRecord) list = stored_appointments (session, patient_id);
    g_autoptr(GError) error = NULL;
    g_autoptr(BzRecord) page = NULL;
    BzRecord *row = NULL;
    g_assert_cmpstr (bz_record_get_string (bz_record_get_item (list, BZ_APPOINTMENT_LIST_APPOINTMENTS, 0), BZ_APPOINTMENT_ID),
                     ==, next_id);
    g_assert_cmpstr (bz_record_get_string (bz_record_get_item (list, BZ_APPOINTMENT_LIST_APPOINTMENTS, 1), BZ_APPOINTMENT_STATUS),
                     ==, "cancelled");
    g_assert_cmpstr (bz_record_get_string (bz_record_get_item (list, BZ_APPOINTMENT_LIST_APPOINTMENTS, 2), BZ_APPOINTMENT_STATUS),
                     ==, "completed");
    /* The patient list says the same (last and next, seed 002 §4.4). */
    page = bz_patients_get_list (bz_gui_session_get_services (session), bz_gui_session_get_caller (session), NULL, "all",
                                 1, 100, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < bz_record_get_n_items (page, BZ_PATIENT_LIST_PATIENTS); i++)
      if (g_strcmp0 (bz_record_get_string (bz_record_get_item (page, BZ_PATIENT_LIST_PATIENTS, i), BZ_PATIENT_SUMMARY_ID), patient_id) == 0)
        row = bz_record_get_item (page, BZ_PATIENT_LIST_PATIENTS, i);
    g_assert_nonnull (row);
    g_assert_cmpstr (bz_record_get_string (row, BZ_PATIENT_SUMMARY_NEXT_APPOINTMENT), ==,
                     bz_record_get_string (bz_record_get_item (list, BZ_APPOINTMENT_LIST_APPOINTMENTS, 0), BZ_APPOINTMENT_STARTS_AT));
    g_assert_cmpstr (bz_record_get_string (row, BZ_PATIENT_SUMMARY_LAST_APPOINTMENT), ==,
                     bz_record_get_string (bz_record_get_item (list, BZ_APPOINTMENT_LIST_APPOINTMENTS, 2), BZ_APPOINTMENT_STARTS_AT));
  }
  g_assert_cmpuint (bz_patient_notes_get_n_notes (notes), ==, 1);
  g_assert_cmpuint (bz_patient_notes_get_n_appointments (notes), ==, 3);
  picture (GTK_WIDGET (window), notes, "test-notes.png", "patient-notes.png");

  bz_gui_test_window = NULL;
  bz_gui_desk_stop (&desk);
}

int
main (int argc, char **argv)
{
  if (!bz_gui_test_init (&argc, &argv))
    return 77;
  g_test_add_func ("/gui/notes", test_notes);
  return g_test_run ();
}
