/* test-meal-dialog.c — adding a meal at the desk (issue 12; suite 'gui').
 * On a real window over the demo clinic the nutritionist opens the first
 * patient and the add-meal dialog:
 * - an empty dialog says why Save is off, and Save is off;
 * - an unreadable date says so; yesterday at 13:05 is accepted;
 * - a food without a photo makes Save possible;
 * - closing a filled-in dialog asks first; "Keep Editing" keeps it;
 * - Save stores the meal at yesterday 13:05, without a photo, with its food;
 * - a second filled-in dialog closed with "Discard" stores nothing. */
#include <adwaita.h>
#include <gtk/gtk.h>

#include "bz-meal-dialog.h"
#include "bz-meal-service.h"
#include "bz-patient-page.h"
#include "bz-window.h"
#include "bz-gui-test.h"
#include "bz-test-util.h"

#define DEMO_EMAIL    "demo@balanza.local"
#define DEMO_PASSWORD "Demo-2026!"

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

/* As a click on the response's button does: the response, then the dialog closes. */
static void
answer (AdwMessageDialog *ask, const char *response)
{
  adw_message_dialog_response (ask, response);
  gtk_window_destroy (GTK_WINDOW (ask));
}

static guint
n_meals_on (BzGuiSession *session, const char *patient_id, const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) day = bz_meals_get_daily (bz_gui_session_get_services (session),
                                                bz_gui_session_get_caller (session), patient_id, date, &error);
  g_assert_no_error (error);
  return bz_record_get_n_items (day, BZ_DAILY_INTAKE_MEALS);
}

/* Searches @text and adds its first result with @grams. */
static void
add_food (BzMealDialog *dialog, const char *text, double grams)
{
  bz_meal_dialog_search (dialog, text);
  WAIT_FOR (!bz_meal_dialog_is_busy (dialog) && bz_meal_dialog_get_n_results (dialog) > 0, 30, "food search");
  bz_meal_dialog_add_result (dialog, 0, grams);
}

static void
test_add_meal_without_photo (void)
{
  BzGuiDesk desk = { 0 };
  BzGuiSession *session;
  BzMealDialog *dialog;
  AdwMessageDialog *ask;
  g_autofree char *patient_id = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *yday = g_date_time_format (yesterday, "%Y-%m-%d");
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  guint n_yesterday, n_today;

  bz_gui_desk_start (&desk, "meal-dialog", FALSE, 1280, 780);
  session = bz_window_get_session (desk.window);
  bz_gui_desk_sign_in (&desk, DEMO_EMAIL, DEMO_PASSWORD, "patients");
  bz_gui_desk_open_patient (&desk, NULL, &patient_id);
  n_yesterday = n_meals_on (session, patient_id, yday);
  n_today = n_meals_on (session, patient_id, today);

  dialog = bz_window_open_meal_dialog (desk.window);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* Empty: Save is off, and the dialog says why. */
  g_assert_nonnull (bz_meal_dialog_get_save_blocked_reason (dialog));
  g_assert_nonnull (strstr (bz_meal_dialog_get_save_blocked_reason (dialog), "food"));

  /* A food and no photo: Save may be pressed. */
  add_food (dialog, "tortilla", 90);
  g_assert_cmpuint (bz_meal_dialog_get_n_items (dialog), ==, 1);
  g_assert_false (bz_meal_dialog_has_photo (dialog));
  g_assert_null (bz_meal_dialog_get_save_blocked_reason (dialog));

  /* An unreadable date turns Save off with its reason; yesterday at 13:05 is fine. */
  bz_meal_dialog_set_eaten_at (dialog, "2026-13-40", "13:05");
  g_assert_nonnull (bz_meal_dialog_get_save_blocked_reason (dialog));
  g_assert_nonnull (strstr (bz_meal_dialog_get_save_blocked_reason (dialog), "YYYY-MM-DD"));
  bz_meal_dialog_save (dialog);  /* refused by the dialog: nothing is sent */
  g_assert_false (bz_meal_dialog_is_busy (dialog));
  bz_meal_dialog_set_eaten_at (dialog, yday, "13:05");
  g_assert_null (bz_meal_dialog_get_save_blocked_reason (dialog));

  /* Closing asks first; Keep Editing keeps the dialog and its food. */
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR ((ask = find_message_dialog ()) != NULL, 10, "the discard question");
  {
    g_autoptr(GdkTexture) shot = NULL;
    bz_gui_test_settle (300);
    shot = bz_gui_test_screenshot (GTK_WIDGET (ask));
    bz_gui_test_save_png (shot, "test-meal-dialog-discard.png", "add-meal-discard.png");
  }
  answer (ask, "cancel");
  WAIT_FOR (find_message_dialog () == NULL, 10, "the question to go");
  g_assert_nonnull (dialog);
  g_assert_cmpuint (bz_meal_dialog_get_n_items (dialog), ==, 1);
  {
    g_autoptr(GdkTexture) shot = NULL;
    bz_gui_test_settle (300);
    shot = bz_gui_test_screenshot (GTK_WIDGET (dialog));
    bz_gui_test_save_png (shot, "test-meal-dialog-no-photo.png", "add-meal-no-photo.png");
  }

  /* Save: yesterday gains the meal, today does not. */
  bz_meal_dialog_save (dialog);
  WAIT_FOR (dialog == NULL, 30, "the meal to be saved");
  g_assert_cmpuint (n_meals_on (session, patient_id, yday), ==, n_yesterday + 1);
  g_assert_cmpuint (n_meals_on (session, patient_id, today), ==, n_today);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BzRecord) day = bz_meals_get_daily (bz_gui_session_get_services (session),
                                                  bz_gui_session_get_caller (session), patient_id, yday, &error);
    gboolean found = FALSE;
    g_assert_no_error (error);
    for (guint i = 0; i < bz_record_get_n_items (day, BZ_DAILY_INTAKE_MEALS); i++)
      {
        BzRecord *meal = bz_record_get_item (day, BZ_DAILY_INTAKE_MEALS, i);
        g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (bz_record_get_string (meal, BZ_MEAL_EATEN_AT), NULL);
        g_autoptr(GDateTime) local = g_date_time_to_local (at);
        if (g_date_time_get_hour (local) == 13 && g_date_time_get_minute (local) == 5 &&
            bz_record_get_n_items (meal, BZ_MEAL_ITEMS) == 1 && bz_record_get_string (meal, BZ_MEAL_PHOTO_URL) == NULL)
          found = TRUE;
      }
    g_assert_true (found);
  }

  /* A second dialog with a food, closed with Discard: nothing is stored. */
  dialog = bz_window_open_meal_dialog (desk.window);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  add_food (dialog, "beans", 150);
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR ((ask = find_message_dialog ()) != NULL, 10, "the discard question");
  answer (ask, "discard");
  WAIT_FOR (dialog == NULL, 10, "the dialog to close");
  bz_gui_test_settle (200);
  g_assert_cmpuint (n_meals_on (session, patient_id, today), ==, n_today);
  g_assert_cmpuint (n_meals_on (session, patient_id, yday), ==, n_yesterday + 1);

  /* An empty dialog closes without a question. */
  dialog = bz_window_open_meal_dialog (desk.window);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR (dialog == NULL, 10, "the empty dialog to close");
  g_assert_null (find_message_dialog ());

  bz_gui_desk_stop (&desk);
}

int
main (int argc, char *argv[])
{
  if (!bz_gui_test_init (&argc, &argv))
    return 77;
  g_test_add_func ("/gui/meal-dialog/without-photo", test_add_meal_without_photo);
  return g_test_run ();
}
