/* test-onboarding.c — a new patient at the desk (issue 12; suite 'gui').
 *
 * On a real window over the demo clinic: the nutritionist opens "New
 * Patient" from the patients page (its action, as Ctrl+N and the header's
 * button do), and Save stays disabled with a reason under the form, field
 * by field in the form's order, until the form is valid, consent included.
 * Save creates the patient; the dialog shows the temporary password, which
 * signs the patient in through the service with a password change demanded
 * first; a second patient with the same email is refused with the reason
 * under the form and nothing stored; the hand-over sheet exports to a one-page PDF with that password;
 * closing the dialog wipes it.  The list shows the new patient.  Edit (the
 * patient page's action) opens the same form filled in; changing the status
 * to graduated shows in the list.  Screenshots: the empty form, the filled
 * form and the password page, also with the window at 800x600. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "bz-consent-service.h"
#include "bz-application.h"
#include "bz-auth-service.h"
#include "bz-patient-dialog.h"
#include "bz-patient-page.h"
#include "bz-patient-service.h"
#include "bz-patients-page.h"
#include "bz-nutritionist-service.h"
#include "bz-profile-dialog.h"
#include "bz-scan-dialog.h"
#include "bz-runtime.h"
#include "bz-sign-in-page.h"
#include "bz-startup.h"
#include "bz-window.h"
#include "bz-gui-test.h"
#include "bz-test-util.h"

#define DEMO_EMAIL    "demo@balanza.local"
#define DEMO_PASSWORD "Demo-2026!"
#define NEW_EMAIL     "lucia.onboarding@example.com"

/* The open patient dialog, if any. */
static BzPatientDialog *
find_dialog (void)
{
  GListModel *tops = gtk_window_get_toplevels ();   /* transfer none */
  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (tops, i);
      if (BZ_IS_PATIENT_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return BZ_PATIENT_DIALOG (w);
    }
  return NULL;
}

static void
type (BzPatientDialog *dialog, const char *field, const char *text)
{
  GtkEditable *e = bz_patient_dialog_get_entry (dialog, field);
  g_assert_nonnull (e);
  gtk_editable_set_text (e, text);
}

/* Save is disabled, and the reason under the form names @row_title. */
static void
assert_blocked_by (BzPatientDialog *dialog, const char *row_title)
{
  const char *reason = bz_patient_dialog_get_reason (dialog);
  g_test_message ("reason: %s", reason);
  g_assert_false (bz_patient_dialog_can_save (dialog));
  g_assert_nonnull (strstr (reason, row_title));
}

/* The row of the patient list with @email, or NULL. */
static BzRecord *
list_row (BzPatientsPage *patients, const char *email)
{
  GListModel *m = bz_patients_page_get_model (patients);
  for (guint i = 0; i < g_list_model_get_n_items (m); i++)
    {
      g_autoptr(BzRecord) r = g_list_model_get_item (m, i);
      if (g_strcmp0 (bz_record_get_string (r, BZ_PATIENT_SUMMARY_EMAIL), email) == 0)
        return g_steal_pointer (&r);
    }
  return NULL;
}

static gboolean
list_status_is (BzPatientsPage *patients, const char *email, const char *status)
{
  g_autoptr(BzRecord) r = bz_patients_page_is_loading (patients) ? NULL : list_row (patients, email);
  return r && g_strcmp0 (bz_record_get_string (r, BZ_PATIENT_SUMMARY_STATUS), status) == 0;
}

static BzScanDialog *
find_scan_dialog (void)
{
  GListModel *tops = gtk_window_get_toplevels ();   /* transfer none */
  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (tops, i);
      if (BZ_IS_SCAN_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return BZ_SCAN_DIALOG (w);
    }
  return NULL;
}

static GtkWindow *
find_profile_dialog (void)
{
  GListModel *tops = gtk_window_get_toplevels ();   /* transfer none */
  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (tops, i);
      if (BZ_IS_PROFILE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return GTK_WINDOW (w);
    }
  return NULL;
}

static void
shoot (GtkWidget *window, const char *build_name, const char *docs_name)
{
  g_autoptr(GdkTexture) shot = NULL;
  bz_gui_test_settle (200);
  shot = bz_gui_test_screenshot (window);
  bz_gui_test_save_png (shot, build_name, docs_name);
}

static void
test_onboarding (void)
{
  g_autofree char *data_dir = bz_test_tmpdir ("onboarding");
  g_autofree char *pdf = g_build_filename (data_dir, "sheet.pdf", NULL);
  BzRuntimeOptions opts = { 0 };
  BzRuntime *runtime = NULL;
  BzWindow *window;
  BzSignInPage *sign_in;
  BzPatientsPage *patients;
  BzPatientDialog *dialog;
  BzGuiSession *session;
  g_autofree char *password = NULL, *patient_id = NULL;
  g_autofree char *row_first_name = NULL, *row_email = NULL;

  opts.data_dir = g_strdup (data_dir);
  opts.port = 0;
  opts.bind = g_strdup ("127.0.0.1");
  opts.demo = TRUE;
  window = bz_window_new (NULL, FALSE);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  bz_startup_run (window, &opts, NULL, bz_gui_test_runtime_done, &runtime);
  WAIT_FOR (runtime != NULL, 240, "the runtime");
  session = bz_window_get_session (window);

  sign_in = bz_window_get_sign_in_page (window);
  gtk_editable_set_text (bz_sign_in_page_get_email_entry (sign_in), DEMO_EMAIL);
  gtk_editable_set_text (bz_sign_in_page_get_password_entry (sign_in), DEMO_PASSWORD);
  bz_gui_test_activate_entry (bz_sign_in_page_get_password_entry (sign_in));
  WAIT_FOR (g_strcmp0 (bz_window_get_page_name (window), "patients") == 0, 30, "the patients page");
  patients = bz_window_get_patients_page (window);
  WAIT_FOR (!bz_patients_page_is_loading (patients)
            && g_list_model_get_n_items (bz_patients_page_get_model (patients)) > 0, 30, "the patient list");
  g_assert_null (list_row (patients, NEW_EMAIL));

  /* New Patient: an empty form, Save disabled because of the first field;
   * the activity level is the one Preferences gives new patients. */
  {
    g_autoptr(GSettings) settings = bz_runtime_settings_new ();
    g_assert_nonnull (settings);
    g_settings_set_string (settings, "default-activity-level", "active");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (patients), "patients.new", NULL));
  WAIT_FOR ((dialog = find_dialog ()) != NULL, 10, "the New Patient dialog");
  bz_gui_test_window = GTK_WIDGET (dialog);
  g_assert_cmpstr (bz_patient_dialog_get_choice (dialog, "activity_level"), ==, "active");
  g_assert_cmpstr (bz_patient_dialog_get_state (dialog), ==, "form");
  row_first_name = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (bz_patient_dialog_get_entry (dialog, "first_name"))));
  row_email = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (bz_patient_dialog_get_entry (dialog, "email"))));
  assert_blocked_by (dialog, row_first_name);
  shoot (GTK_WIDGET (dialog), "test-onboarding-empty.png", "new-patient-empty.png");

  /* Field by field, the reason moves on to the next failing one. */
  type (dialog, "first_name", "Lucía");
  type (dialog, "last_name", "Onboarding Pérez");
  assert_blocked_by (dialog, row_email);
  type (dialog, "email", "lucia@");
  assert_blocked_by (dialog, row_email);
  type (dialog, "email", NEW_EMAIL);
  type (dialog, "target_weight_kg", "ochenta");
  assert_blocked_by (dialog, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (bz_patient_dialog_get_entry (dialog, "target_weight_kg"))));
  type (dialog, "target_weight_kg", "500");
  g_assert_false (bz_patient_dialog_can_save (dialog));
  type (dialog, "target_weight_kg", "68,5");
  type (dialog, "phone", "+52 55 1234 5678");
  type (dialog, "state", "Jalisco");
  type (dialog, "city", "Guadalajara");
  type (dialog, "health_conditions", "prediabetes");
  type (dialog, "allergies", "cacahuate, camarón");
  type (dialog, "food_restrictions", "lactosa");
  g_assert_true (bz_patient_dialog_set_choice (dialog, "primary_goal", "weight_loss"));
  g_assert_true (bz_patient_dialog_set_choice (dialog, "activity_level", "moderate"));
  g_assert_true (bz_patient_dialog_set_choice (dialog, "dietary_preference", "vegetarian"));
  g_assert_true (bz_patient_dialog_set_choice (dialog, "gender", "female"));
  /* Everything but the consent: still disabled, and it says so. */
  assert_blocked_by (dialog, g_dgettext (GETTEXT_PACKAGE, "Privacy notice"));
  bz_patient_dialog_set_consent (dialog, TRUE);
  g_assert_true (bz_patient_dialog_can_save (dialog));
  g_assert_cmpstr (bz_patient_dialog_get_reason (dialog), ==, "");
  shoot (GTK_WIDGET (dialog), "test-onboarding-filled.png", "new-patient.png");
  /* At 800x600 the form scrolls; Save and the reason line stay in view. */
  {
    int min_w, min_h, nat;
    gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat, NULL, NULL);
    gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_VERTICAL, 800, &min_h, &nat, NULL, NULL);
    g_test_message ("dialog minimum: %dx%d", min_w, min_h);
    g_assert_cmpint (min_w, <=, 800);
    g_assert_cmpint (min_h, <=, 600);
  }
  gtk_window_set_default_size (GTK_WINDOW (dialog), 800, 600);
  WAIT_FOR (gtk_widget_get_height (GTK_WIDGET (dialog)) <= 600, 10, "the dialog at 800x600");
  type (dialog, "first_name", "");
  shoot (GTK_WIDGET (dialog), "test-onboarding-800x600.png", "new-patient-800x600.png");
  type (dialog, "first_name", "Lucía");

  /* Create: the temporary password, once. */
  bz_patient_dialog_save (dialog);
  WAIT_FOR (!bz_patient_dialog_is_busy (dialog) && g_strcmp0 (bz_patient_dialog_get_state (dialog), "created") == 0,
            60, "the patient to be created");
  password = g_strdup (bz_patient_dialog_get_password_text (dialog));
  g_assert_cmpuint (strlen (password), >=, 12);
  shoot (GTK_WIDGET (dialog), "test-onboarding-password.png", "new-patient-password.png");

  /* The printed sheet: one page that carries the password. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *out = NULL, *cmd = NULL;
    int status = 0;
    g_assert_true (bz_patient_dialog_export_sheet (dialog, pdf, &error));
    g_assert_no_error (error);
    cmd = g_strdup_printf ("pdftotext -layout '%s' -", pdf);
    if (g_spawn_command_line_sync (cmd, &out, NULL, &status, NULL) && status == 0)
      g_assert_nonnull (strstr (out, password));
    else
      g_test_message ("pdftotext not available: only the PDF's existence is checked");
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
    {
      /* A picture of the sheet beside the screenshots, to look at. */
      g_autofree char *png = g_test_build_filename (G_TEST_BUILT, "gui", "test-onboarding-sheet", NULL);
      g_autofree char *render = g_strdup_printf ("pdftoppm -png -r 60 -singlefile '%s' '%s'", pdf, png);
      g_spawn_command_line_sync (render, NULL, NULL, NULL, NULL);
    }
  }

  /* Closing forgets it: the dialog's label no longer holds it. */
  g_object_ref (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_cmpstr (bz_patient_dialog_get_password_text (dialog), ==, "");
  g_object_unref (dialog);
  bz_gui_test_window = GTK_WIDGET (window);

  /* The same email again: Save is allowed (the form is valid) but the
   * store refuses it; the dialog stays on the form and says why. */
  {
    gint64 n_before;
    g_autoptr(GError) error = NULL;
    g_autoptr(BzRecord) before = bz_patients_get_list (bz_gui_session_get_services (session),
                                                       bz_gui_session_get_caller (session), NULL, "all", 1, 100, &error);
    g_assert_no_error (error);
    n_before = bz_record_get_int (bz_record_get_object (before, BZ_PATIENT_LIST_PAGINATION), BZ_PAGINATION_TOTAL_ITEMS);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (patients), "patients.new", NULL));
    WAIT_FOR ((dialog = find_dialog ()) != NULL, 10, "the New Patient dialog again");
    bz_gui_test_window = GTK_WIDGET (dialog);
    type (dialog, "first_name", "Otra");
    type (dialog, "last_name", "Persona");
    type (dialog, "email", NEW_EMAIL);
    bz_patient_dialog_set_consent (dialog, TRUE);
    g_assert_true (bz_patient_dialog_can_save (dialog));
    bz_patient_dialog_save (dialog);
    WAIT_FOR (!bz_patient_dialog_is_busy (dialog), 30, "the refusal");
    g_assert_cmpstr (bz_patient_dialog_get_state (dialog), ==, "form");
    g_test_message ("refused: %s", bz_patient_dialog_get_reason (dialog));
    g_assert_nonnull (strstr (bz_patient_dialog_get_reason (dialog), row_email));
    {
      g_autoptr(BzRecord) after = bz_patients_get_list (bz_gui_session_get_services (session),
                                                        bz_gui_session_get_caller (session), NULL, "all", 1, 100, &error);
      g_assert_no_error (error);
      g_assert_cmpint (bz_record_get_int (bz_record_get_object (after, BZ_PATIENT_LIST_PAGINATION),
                                          BZ_PAGINATION_TOTAL_ITEMS), ==, n_before);
    }
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    gtk_window_close (GTK_WINDOW (dialog));
    WAIT_FOR (dialog == NULL, 10, "the dialog to close");
    bz_gui_test_window = GTK_WIDGET (window);
  }

  /* The patient signs in with it: the password change comes first. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BzRecord) s = bz_auth_login (bz_gui_session_get_services (session), NEW_EMAIL, password, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (bz_record_get_boolean (s, BZ_SESSION_PASSWORD_CHANGE_REQUIRED));
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BzRecord) s = bz_auth_login (bz_gui_session_get_services (session), NEW_EMAIL, "Wrong-Pass-1!", NULL, &error);
    g_assert_null (s);
    g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
  }

  /* The list shows the new patient, active. */
  WAIT_FOR (list_status_is (patients, NEW_EMAIL, "active"), 30, "the new patient in the list");
  {
    g_autoptr(BzRecord) r = list_row (patients, NEW_EMAIL);
    patient_id = g_strdup (bz_record_get_string (r, BZ_PATIENT_SUMMARY_ID));
  }

  /* Edit from the patient page: the same form, filled in; graduate her. */
  bz_patients_page_set_search (patients, "Onboarding");
  WAIT_FOR (!bz_patients_page_is_loading (patients) && g_list_model_get_n_items (bz_patients_page_get_model (patients)) == 1,
            30, "the search");
  bz_patients_page_activate_row (patients, 0);
  WAIT_FOR (g_strcmp0 (bz_window_get_page_name (window), "patient") == 0, 30, "the patient page");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bz_window_get_patient_page (window)), "patient.edit", NULL));
  WAIT_FOR ((dialog = find_dialog ()) != NULL && !bz_patient_dialog_is_busy (dialog), 30, "the Edit dialog");
  bz_gui_test_window = GTK_WIDGET (dialog);
  g_assert_cmpstr (bz_patient_dialog_get_state (dialog), ==, "form");
  g_assert_cmpstr (gtk_editable_get_text (bz_patient_dialog_get_entry (dialog, "first_name")), ==, "Lucía");
  g_assert_cmpstr (gtk_editable_get_text (bz_patient_dialog_get_entry (dialog, "email")), ==, NEW_EMAIL);
  g_assert_cmpstr (gtk_editable_get_text (bz_patient_dialog_get_entry (dialog, "target_weight_kg")), ==, "68.5");
  g_assert_cmpstr (gtk_editable_get_text (bz_patient_dialog_get_entry (dialog, "allergies")), ==, "cacahuate, camarón");
  g_assert_cmpstr (gtk_editable_get_text (bz_patient_dialog_get_entry (dialog, "state")), ==, "Jalisco");
  g_assert_cmpstr (gtk_editable_get_text (bz_patient_dialog_get_entry (dialog, "city")), ==, "Guadalajara");
  type (dialog, "city", "Zapopan");
  g_assert_true (bz_patient_dialog_can_save (dialog));
  /* The same validation: a blank name blocks Save. */
  type (dialog, "first_name", "  ");
  assert_blocked_by (dialog, row_first_name);
  type (dialog, "first_name", "Lucía");
  g_assert_true (bz_patient_dialog_set_choice (dialog, "status", "graduated"));
  g_assert_true (bz_patient_dialog_can_save (dialog));
  shoot (GTK_WIDGET (dialog), "test-onboarding-edit.png", "edit-patient.png");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  bz_patient_dialog_save (dialog);
  WAIT_FOR (dialog == NULL, 30, "the Edit dialog to save and close");
  bz_gui_test_window = GTK_WIDGET (window);

  /* Stored, and shown in the list. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BzRecord) file = bz_patients_get_file (bz_gui_session_get_services (session),
                                                     bz_gui_session_get_caller (session), patient_id, &error);
    BzRecord *info = bz_record_get_object (bz_record_get_object (file, BZ_PATIENT_FILE_ENVELOPE_PATIENT),
                                           BZ_PATIENT_FILE_BASIC_INFO);
    g_assert_no_error (error);
    g_assert_cmpstr (bz_record_get_string (info, BZ_PATIENT_INFO_STATUS), ==, "graduated");
    g_assert_cmpstr (bz_record_get_string (info, BZ_PATIENT_INFO_STATE), ==, "Jalisco");
    g_assert_cmpstr (bz_record_get_string (info, BZ_PATIENT_INFO_CITY), ==, "Zapopan");
    g_assert_cmpstr (bz_record_get_string (info, BZ_PATIENT_INFO_DIETARY_PREFERENCE), ==, "vegetarian");
    g_assert_false (isnan (bz_record_get_double (info, BZ_PATIENT_INFO_TARGET_WEIGHT_KG)));
  }
  /* Her first body scan, typed in at the desk: a refused weight first (the
   * upload's validation, the row named), then the scan stored and on the page. */
  {
    BzPatientPage *page = bz_window_get_patient_page (window);
    BzScanDialog *scan_dialog;
    g_assert_cmpuint (bz_patient_page_get_n_scans (page), ==, 0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "patient.add-scan", NULL));
    WAIT_FOR ((scan_dialog = find_scan_dialog ()) != NULL, 10, "the scan dialog");
    g_object_add_weak_pointer (G_OBJECT (scan_dialog), (gpointer *) &scan_dialog);
    g_assert_true (bz_scan_dialog_set_value (scan_dialog, "age", 35));
    g_assert_true (bz_scan_dialog_set_value (scan_dialog, "height_cm", 162));
    g_assert_true (bz_scan_dialog_set_value (scan_dialog, "weight_kg", 0));
    g_assert_true (bz_scan_dialog_set_value (scan_dialog, "body_fat_percent", 31.2));
    g_assert_true (bz_scan_dialog_set_value (scan_dialog, "skeletal_muscle_mass_kg", 24.1));
    g_assert_true (bz_scan_dialog_set_value (scan_dialog, "waist", 84));
    bz_scan_dialog_save (scan_dialog);
    WAIT_FOR (!bz_scan_dialog_is_busy (scan_dialog), 60, "the refused scan");
    g_assert_nonnull (strstr (bz_scan_dialog_get_error (scan_dialog), _("Weight (kg)")));
    g_assert_cmpuint (bz_patient_page_get_n_scans (page), ==, 0);
    g_assert_true (bz_scan_dialog_set_value (scan_dialog, "weight_kg", 70.5));
    shoot (GTK_WIDGET (scan_dialog), "test-onboarding-scan.png", "new-scan.png");
    bz_scan_dialog_save (scan_dialog);
    WAIT_FOR (scan_dialog == NULL, 120, "the scan to be stored (with its avatar)");
    WAIT_FOR (bz_patient_page_get_n_scans (page) == 1 && !bz_patient_page_is_loading (page), 60,
              "the page to show the first scan");
  }

  /* The patient page's header with Edit, at 800x600 (build directory only). */
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (window)) <= 800, 10, "the window at 800x600");
  shoot (GTK_WIDGET (window), "test-onboarding-patient-800x600.png", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  WAIT_FOR (g_strcmp0 (bz_window_get_page_name (window), "patients") == 0, 30, "the patients page again");
  WAIT_FOR (list_status_is (patients, NEW_EMAIL, "graduated"), 30, "the list to show the new status");
  shoot (GTK_WIDGET (window), "test-onboarding-list.png", NULL);

  /* The nutritionist's professional profile (issue 12): from the primary
   * menu's action; a bad cédula is refused with its reason and nothing
   * stored; a good change is saved through the service and read back. */
  {
    GtkWindow *dialog;
    g_autoptr(BzRecord) stored = NULL;
    g_autoptr(GError) error = NULL;
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.profile", NULL));
    g_assert_nonnull (window);
    WAIT_FOR ((dialog = find_profile_dialog ()) != NULL, 10, "the profile dialog");
    g_assert_nonnull (window);
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    WAIT_FOR (!bz_profile_dialog_is_busy (BZ_PROFILE_DIALOG (dialog)), 30, "the profile to load");
    g_assert_nonnull (window);
    gtk_editable_set_text (bz_profile_dialog_get_entry (BZ_PROFILE_DIALOG (dialog), "professional_license"), "12ab");
    bz_profile_dialog_save (BZ_PROFILE_DIALOG (dialog));
    WAIT_FOR (!bz_profile_dialog_is_busy (BZ_PROFILE_DIALOG (dialog)), 30, "the refusal");
    g_assert_nonnull (strstr (bz_profile_dialog_get_error (BZ_PROFILE_DIALOG (dialog)), _("Cédula profesional")));
    stored = bz_nutritionists_get_profile (bz_gui_session_get_services (bz_window_get_session (window)),
                                           bz_gui_session_get_caller (bz_window_get_session (window)), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (bz_record_get_string (stored, BZ_NUTRITIONIST_PROFILE_UPDATED_AT), ==, NULL);   /* never changed */
    g_clear_object (&stored);

    gtk_editable_set_text (bz_profile_dialog_get_entry (BZ_PROFILE_DIALOG (dialog), "professional_license"), "1234567");
    gtk_editable_set_text (bz_profile_dialog_get_entry (BZ_PROFILE_DIALOG (dialog), "clinic_name"), "Clínica del Centro");
    bz_profile_dialog_set_fee (BZ_PROFILE_DIALOG (dialog), 700);
    shoot (GTK_WIDGET (dialog), "test-onboarding-profile.png", "profile.png");
    bz_profile_dialog_save (BZ_PROFILE_DIALOG (dialog));
    WAIT_FOR (dialog == NULL, 30, "the profile dialog to close after saving");
    stored = bz_nutritionists_get_profile (bz_gui_session_get_services (bz_window_get_session (window)),
                                           bz_gui_session_get_caller (bz_window_get_session (window)), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (bz_record_get_string (stored, BZ_NUTRITIONIST_PROFILE_CLINIC_NAME), ==, "Clínica del Centro");
    g_assert_cmpstr (bz_record_get_string (stored, BZ_NUTRITIONIST_PROFILE_PROFESSIONAL_LICENSE), ==, "1234567");
    g_assert_cmpint (bz_record_get_int (stored, BZ_NUTRITIONIST_PROFILE_CONSULTATION_FEE_MXN), ==, 700);
  }

  /* The patient asks to cancel her data: from the Edit dialog, a question
   * first (Cancel keeps everything), then the account is anonymised. */
  {
    AdwMessageDialog *question;

    /* Back to her record (the profile dialog left the window on the list). */
    bz_patients_page_set_search (patients, "Onboarding");
    WAIT_FOR (!bz_patients_page_is_loading (patients) && g_list_model_get_n_items (bz_patients_page_get_model (patients)) == 1,
              30, "the search again");
    bz_patients_page_activate_row (patients, 0);
    WAIT_FOR (g_strcmp0 (bz_window_get_page_name (window), "patient") == 0, 30, "the patient page again");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bz_window_get_patient_page (window)), "patient.edit", NULL));
    WAIT_FOR ((dialog = find_dialog ()) != NULL, 30, "the Edit dialog again");
    WAIT_FOR (!bz_patient_dialog_is_busy (dialog), 30, "the Edit dialog to load");
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

    /* Privacy: the consent given at onboarding, with the notice's version; she
     * now agrees to the clinic's news: one switch, stored at once, with its history. */
    WAIT_FOR (!bz_patient_dialog_consents_pending (dialog), 30, "the consents");
    g_assert_true (bz_patient_dialog_get_consent_switch (dialog, "data_processing"));
    g_assert_false (bz_patient_dialog_get_consent_switch (dialog, "marketing_communications"));
    g_assert_false (bz_patient_dialog_get_consent_switch (dialog, "data_sharing_partners"));
    g_assert_nonnull (strstr (bz_patient_dialog_get_notice_summary (dialog), BZ_PRIVACY_NOTICE_VERSION));
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BzRecord) before = bz_consents_get_for_patient (bz_gui_session_get_services (session),
                                                                bz_gui_session_get_caller (session), patient_id,
                                                                &error);
      g_autoptr(BzRecord) after = NULL;
      g_assert_no_error (error);
      g_assert_false (bz_record_get_boolean (before, BZ_USER_CONSENT_MARKETING_COMMUNICATIONS));
      g_assert_true (bz_patient_dialog_set_consent_switch (dialog, "marketing_communications", TRUE));
      g_assert_true (bz_patient_dialog_consents_pending (dialog));
      WAIT_FOR (!bz_patient_dialog_consents_pending (dialog), 30, "the consent to be stored");
      g_assert_cmpstr (bz_patient_dialog_get_reason (dialog), ==, "");
      after = bz_consents_get_for_patient (bz_gui_session_get_services (session), bz_gui_session_get_caller (session),
                                           patient_id, &error);
      g_assert_no_error (error);
      g_assert_true (bz_record_get_boolean (after, BZ_USER_CONSENT_MARKETING_COMMUNICATIONS));
      g_assert_true (bz_record_get_boolean (after, BZ_USER_CONSENT_DATA_PROCESSING));
      g_assert_false (bz_record_get_boolean (after, BZ_USER_CONSENT_DATA_SHARING_PARTNERS));
      g_assert_cmpstr (bz_record_get_string (after, BZ_USER_CONSENT_PRIVACY_NOTICE_ACCEPTED_AT), ==,
                       bz_record_get_string (before, BZ_USER_CONSENT_PRIVACY_NOTICE_ACCEPTED_AT));
      g_assert_true (bz_patient_dialog_get_consent_switch (dialog, "marketing_communications"));
    }
    bz_patient_dialog_focus_privacy (dialog);
    shoot (GTK_WIDGET (dialog), "test-onboarding-consents.png", "patient-consents.png");
    /* The notice itself, with its version, over the dialog. */
    question = bz_patient_dialog_view_notice (dialog);
    g_assert_nonnull (question);
    shoot (GTK_WIDGET (question), "test-onboarding-notice.png", "privacy-notice.png");
    adw_message_dialog_response (question, "close");

    question = bz_patient_dialog_ask_delete_account (dialog);
    shoot (GTK_WIDGET (question), "test-onboarding-delete-account.png", "delete-account.png");
    adw_message_dialog_response (question, "cancel");
    g_assert_nonnull (dialog);
    g_assert_false (bz_patient_dialog_is_busy (dialog));
    for (int pass = 0; pass < 2; pass++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(BzRecord) file = bz_patients_get_file (bz_gui_session_get_services (session),
                                                         bz_gui_session_get_caller (session), patient_id, &error);
        BzRecord *info = bz_record_get_object (bz_record_get_object (file, BZ_PATIENT_FILE_ENVELOPE_PATIENT),
                                               BZ_PATIENT_FILE_BASIC_INFO);
        const char *email = bz_record_get_string (info, BZ_PATIENT_INFO_EMAIL);

        g_assert_no_error (error);
        if (pass == 0)
          {
            g_assert_cmpstr (email, ==, NEW_EMAIL);   /* Cancel deleted nothing */
            question = bz_patient_dialog_ask_delete_account (dialog);
            adw_message_dialog_response (question, "delete");
            WAIT_FOR (dialog == NULL, 60, "the account's deletion");
          }
        else
          {
            g_assert_true (g_str_has_prefix (email, "deleted_"));
            g_assert_cmpstr (bz_record_get_string (info, BZ_PATIENT_INFO_FIRST_NAME), !=, "Lucía");
          }
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_FOR (window == NULL, 10, "the window to go");
  bz_runtime_shutdown (runtime);
  g_clear_object (&runtime);
  bz_runtime_options_clear (&opts);
  bz_test_rmdir (data_dir);
}

int
main (int argc, char **argv)
{
  if (!bz_gui_test_init (&argc, &argv))
    return 77;
  g_test_add_func ("/gui/onboarding", test_onboarding);
  return g_test_run ();
}
