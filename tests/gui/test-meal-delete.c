/* test-meal-delete.c — deleting a meal at the desk, with Undo (issue 12;
 * suite 'gui').  On a real window over the demo clinic: the nutritionist
 * opens the first patient, deletes one of today's meals through its row's
 * button action: the row hides and a "Meal deleted" toast offers Undo.
 * Undo brings it back and the store still has it; deleting again and
 * letting the toast go deletes it from the store (DELETE's service), and the
 * page reloads without it.  Then the page goes to yesterday and back. */
#include <adwaita.h>
#include <gtk/gtk.h>
#include <math.h>

#include "bz-application.h"
#include "bz-analytics-service.h"
#include "bz-intake-history.h"
#include "bz-meal-edit-dialog.h"
#include "bz-meal-row.h"
#include "bz-meal-service.h"
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

/* The meal rows of the page's meals list, visible or not. */
static void
collect_rows (GtkWidget *widget, GPtrArray *rows)
{
  if (BZ_IS_MEAL_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_rows (c, rows);
}

static BzIntakeHistory *
find_history (GtkWidget *widget)
{
  if (BZ_IS_INTAKE_HISTORY (widget))
    return BZ_INTAKE_HISTORY (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      BzIntakeHistory *h = find_history (c);
      if (h)
        return h;
    }
  return NULL;
}

static double
history_today_kcal (BzIntakeHistory *history)
{
  BzRecord *data = bz_intake_history_get_data (history);
  guint n = bz_record_get_n_items (data, BZ_NUTRITION_ANALYTICS_DAYS);
  BzRecord *today = bz_record_get_item (data, BZ_NUTRITION_ANALYTICS_DAYS, n - 1);
  return bz_record_get_double (bz_record_get_object (today, BZ_NUTRITION_DAY_INTAKE), BZ_NUTRIENTS_ENERGY_KCAL);
}

static double
stored_today_kcal (BzGuiSession *session, const char *patient_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) day = bz_meals_get_daily (bz_gui_session_get_services (session), bz_gui_session_get_caller (session),
                                                patient_id, NULL, &error);
  g_assert_no_error (error);
  return bz_record_get_double (bz_record_get_object (day, BZ_DAILY_INTAKE_INTAKE), BZ_NUTRIENTS_ENERGY_KCAL);
}

/* The meal @meal_id as the store has it today (the service, as the nutritionist). */
static BzRecord *
stored_meal (BzGuiSession *session, const char *patient_id, const char *meal_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) day = bz_meals_get_daily (bz_gui_session_get_services (session), bz_gui_session_get_caller (session),
                                                patient_id, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < bz_record_get_n_items (day, BZ_DAILY_INTAKE_MEALS); i++)
    {
      BzRecord *m = bz_record_get_item (day, BZ_DAILY_INTAKE_MEALS, i);
      if (g_strcmp0 (bz_record_get_string (m, BZ_MEAL_ID), meal_id) == 0)
        return g_object_ref (m);
    }
  g_error ("meal %s not in today's meals", meal_id);
}

static BzMealEditDialog *
find_edit_dialog (void)
{
  GListModel *tops = gtk_window_get_toplevels ();   /* transfer none */
  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (tops, i);
      if (BZ_IS_MEAL_EDIT_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return BZ_MEAL_EDIT_DIALOG (w);
    }
  return NULL;
}

static GtkWidget *
row_of (BzPatientPage *page, const char *meal_id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  collect_rows (GTK_WIDGET (page), rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (bz_record_get_string (bz_meal_row_get_meal (g_ptr_array_index (rows, i)), BZ_MEAL_ID), meal_id) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* Whether the day's meals in the store (the service, as the nutritionist) include @meal_id. */
static gboolean
stored (BzGuiSession *session, const char *patient_id, const char *meal_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) day = bz_meals_get_daily (bz_gui_session_get_services (session), bz_gui_session_get_caller (session),
                                                patient_id, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < bz_record_get_n_items (day, BZ_DAILY_INTAKE_MEALS); i++)
    if (g_strcmp0 (bz_record_get_string (bz_record_get_item (day, BZ_DAILY_INTAKE_MEALS, i), BZ_MEAL_ID), meal_id) == 0)
      return TRUE;
  return FALSE;
}

static void
test_meal_delete (void)
{
  BzGuiDesk desk = { 0 };
  BzWindow *window;
  BzPatientPage *patient;
  BzGuiSession *session;
  g_autofree char *meal_id = NULL, *patient_id = NULL;
  GtkWidget *row;
  gpointer toast;
  guint n_before;
  BzIntakeHistory *history;
  double kcal_before;
  const char *data_dir;

  bz_gui_desk_start (&desk, "meal-delete", FALSE, 1280, 780);
  window = desk.window;
  data_dir = desk.data_dir;
  session = bz_window_get_session (window);
  bz_gui_desk_sign_in (&desk, DEMO_EMAIL, DEMO_PASSWORD, "patients");
  patient = bz_gui_desk_open_patient (&desk, NULL, &patient_id);
  WAIT_FOR (!bz_patient_page_is_loading (patient) && bz_patient_page_get_n_meals (patient) > 0, 60, "today's meals");
  n_before = bz_patient_page_get_n_meals (patient);
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    collect_rows (GTK_WIDGET (patient), rows);
    g_assert_cmpuint (rows->len, >, 0);
    meal_id = g_strdup (bz_record_get_string (bz_meal_row_get_meal (g_ptr_array_index (rows, 0)), BZ_MEAL_ID));
  }
  g_assert_true (stored (session, patient_id, meal_id));

  /* The intake history (issue 12) shows the week ending today, today's bar
   * being the day's intake in the store. */
  history = find_history (GTK_WIDGET (patient));
  g_assert_nonnull (history);
  WAIT_FOR (!bz_intake_history_is_loading (history) && bz_intake_history_get_data (history), 30, "the intake history");
  g_assert_cmpuint (bz_record_get_n_items (bz_intake_history_get_data (history), BZ_NUTRITION_ANALYTICS_DAYS), ==, 7);
  g_assert_cmpfloat_with_epsilon (history_today_kcal (history), stored_today_kcal (session, patient_id), 0.051);
  g_assert_cmpstr (bz_intake_history_get_summary (history), !=, "");
  kcal_before = history_today_kcal (history);

  /* Correct the meal (issue 12): grams 0 are refused with nothing changed;
   * 123 g of its first food as dinner is stored. */
  {
    BzMealEditDialog *edit;
    g_autoptr(BzRecord) before = stored_meal (session, patient_id, meal_id);
    double grams_before = bz_record_get_double (bz_record_get_item (before, BZ_MEAL_ITEMS, 0), BZ_MEAL_ITEM_GRAMS);
    g_autoptr(BzRecord) after = NULL;
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (patient), "patient.edit-meal", "s", meal_id));
    WAIT_FOR ((edit = find_edit_dialog ()) != NULL, 10, "the meal's correction dialog");
    g_object_add_weak_pointer (G_OBJECT (edit), (gpointer *) &edit);
    g_assert_true (bz_meal_edit_dialog_set_grams (edit, 0, 0));
    bz_meal_edit_dialog_save (edit);
    WAIT_FOR (!bz_meal_edit_dialog_is_busy (edit), 30, "the refusal");
    g_assert_cmpstr (bz_meal_edit_dialog_get_error (edit), !=, "");
    {
      g_autoptr(BzRecord) still = stored_meal (session, patient_id, meal_id);
      g_assert_cmpfloat (bz_record_get_double (bz_record_get_item (still, BZ_MEAL_ITEMS, 0), BZ_MEAL_ITEM_GRAMS), ==, grams_before);
    }
    g_assert_true (bz_meal_edit_dialog_set_grams (edit, 0, 123));
    bz_meal_edit_dialog_set_meal_type (edit, "dinner");
    {
      g_autoptr(GdkTexture) shot = NULL;
      bz_gui_test_settle (200);
      shot = bz_gui_test_screenshot (GTK_WIDGET (edit));
      bz_gui_test_save_png (shot, "test-meal-delete-edit.png", "correct-meal.png");
    }
    bz_meal_edit_dialog_save (edit);
    WAIT_FOR (edit == NULL, 30, "the correction to be saved");
    after = stored_meal (session, patient_id, meal_id);
    g_assert_cmpfloat (bz_record_get_double (bz_record_get_item (after, BZ_MEAL_ITEMS, 0), BZ_MEAL_ITEM_GRAMS), ==, 123);
    g_assert_cmpstr (bz_record_get_string (after, BZ_MEAL_MEAL_TYPE), ==, "dinner");
    WAIT_FOR (!bz_patient_page_is_loading (patient) && row_of (patient, meal_id) != NULL, 30, "the page to reload");
  }

  /* Delete, then Undo: the row comes back, the store never lost the meal. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (patient), "patient.delete-meal", "s", meal_id));
  row = row_of (patient, meal_id);
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_visible (row));
  toast = bz_patient_page_get_delete_toast (patient);
  g_assert_nonnull (toast);
  g_signal_emit_by_name (toast, "button-clicked");
  adw_toast_dismiss (toast);
  WAIT_FOR (bz_patient_page_get_delete_toast (patient) == NULL, 10, "the toast to go");
  g_assert_true (gtk_widget_get_visible (row_of (patient, meal_id)));
  g_assert_true (stored (session, patient_id, meal_id));

  /* Delete and let the toast go: deleted in the store, gone from the page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (patient), "patient.delete-meal", "s", meal_id));
  toast = bz_patient_page_get_delete_toast (patient);
  g_assert_nonnull (toast);
  adw_toast_dismiss (toast);
  WAIT_FOR (!stored (session, patient_id, meal_id), 30, "the meal to be deleted");
  WAIT_FOR (row_of (patient, meal_id) == NULL && bz_patient_page_get_n_meals (patient) == n_before - 1, 30,
            "the page to reload without it");
  /* The history follows the store's change notice: today lost that meal's kcal. */
  WAIT_FOR (!bz_intake_history_is_loading (history) && bz_intake_history_get_data (history)
            && fabs (history_today_kcal (history) - stored_today_kcal (session, patient_id)) < 0.051, 30,
            "the intake history to follow the deletion");
  g_assert_cmpfloat (history_today_kcal (history), <, kcal_before);

  /* A month: 30 days, and a picture of the page with it. */
  bz_intake_history_set_days (history, 30);
  WAIT_FOR (!bz_intake_history_is_loading (history) && bz_intake_history_get_data (history)
            && bz_record_get_n_items (bz_intake_history_get_data (history), BZ_NUTRITION_ANALYTICS_DAYS) == 30, 30,
            "a month of intake");
  gtk_widget_grab_focus (GTK_WIDGET (history));
  {
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
        gtk_widget_get_ancestor (GTK_WIDGET (history), GTK_TYPE_SCROLLED_WINDOW)));
    g_autoptr(GdkTexture) shot = NULL;
    bz_gui_test_settle (300);
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    bz_gui_test_settle (300);
    shot = bz_gui_test_screenshot (GTK_WIDGET (window));
    bz_gui_test_save_png (shot, "test-meal-delete-intake-history.png", "intake-history.png");
  }

  /* A meal another process writes to the same data directory (a second
   * runtime on the same files, as balanzad is, without its server): the page
   * and the history follow the change log (bz_store_follow_changes()). */
  {
    BzRuntimeOptions other_opts = { .data_dir = g_strdup (data_dir) };
    g_autoptr(BzRuntime) other_runtime = bz_runtime_open (&other_opts, NULL, NULL, NULL);
    BzServices *other = bz_runtime_get_services (other_runtime);
    g_autoptr(JsonArray) items = json_array_new ();
    g_autoptr(JsonObject) item = json_object_new ();
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GError) error = NULL;
    g_autofree char *written = NULL;
    guint n = bz_patient_page_get_n_meals (patient);
    double kcal = history_today_kcal (history);

    json_object_set_string_member (item, "ndb_no", "20045");
    json_object_set_double_member (item, "grams", 150);
    json_array_add_object_element (items, json_object_ref (item));
    written = bz_meals_record (other, patient_id, "snack", now, NULL, items, "phone", NULL, &error);
    g_assert_no_error (error);
    bz_runtime_shutdown (other_runtime);
    bz_runtime_options_clear (&other_opts);
    WAIT_FOR (bz_patient_page_get_n_meals (patient) == n + 1 && !bz_patient_page_is_loading (patient), 30,
              "the page to show the other process's meal");
    g_assert_nonnull (row_of (patient, written));
    WAIT_FOR (!bz_intake_history_is_loading (history) && history_today_kcal (history) > kcal + 190, 30,
              "the history to count it (150 g of white rice: 195 kcal)");
  }

  /* Any past day's intake and meals (Ctrl+Page Up / Page Down): yesterday
   * shows what the store holds for yesterday; next day comes back to today,
   * and not past it. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
    g_autofree char *yday = g_date_time_format (yesterday, "%Y-%m-%d");
    g_autoptr(GError) error = NULL;
    g_autoptr(BzRecord) stored_day = bz_meals_get_daily (bz_gui_session_get_services (session),
                                                         bz_gui_session_get_caller (session), patient_id, yday, &error);
    guint n_today = bz_patient_page_get_n_meals (patient);

    g_assert_no_error (error);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (patient), "patient.previous-day", NULL));
    g_assert_cmpint (bz_patient_page_get_day_offset (patient), ==, -1);
    WAIT_FOR (!bz_patient_page_is_loading (patient), 30, "yesterday's intake");
    g_assert_cmpuint (bz_patient_page_get_n_meals (patient), ==, bz_record_get_n_items (stored_day, BZ_DAILY_INTAKE_MEALS));
    gtk_widget_activate_action (GTK_WIDGET (patient), "patient.next-day", NULL);
    g_assert_cmpint (bz_patient_page_get_day_offset (patient), ==, 0);
    WAIT_FOR (!bz_patient_page_is_loading (patient), 30, "today's intake again");
    g_assert_cmpuint (bz_patient_page_get_n_meals (patient), ==, n_today);
    gtk_widget_activate_action (GTK_WIDGET (patient), "patient.next-day", NULL);
    g_assert_cmpint (bz_patient_page_get_day_offset (patient), ==, 0);
  }

  bz_gui_desk_stop (&desk);
}

int
main (int argc, char **argv)
{
  if (!bz_gui_test_init (&argc, &argv))
    return 77;
  g_test_add_func ("/gui/meal-delete", test_meal_delete);
  return g_test_run ();
}
