/* test-patient-report.c — the patient's progress report (issue 12; suite
 * 'gui').  On a real window over the demo clinic: the nutritionist opens
 * paciente01 (scans, an active meal plan, meals), the page's avatar is
 * captured, the report is loaded through the services and exported to PDF
 * by the same print operation as the dialog's; pdftotext finds the
 * patient, the sections, every scan's date and the plan's name, and the
 * first page is rendered with pdftoppm into docs/screenshots. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "bz-application.h"
#include "bz-patient-page.h"
#include "bz-patient-report.h"
#include "bz-patients-page.h"
#include "bz-runtime.h"
#include "bz-sign-in-page.h"
#include "bz-startup.h"
#include "bz-window.h"
#include "bz-gui-test.h"
#include "bz-test-util.h"

#define DEMO_EMAIL    "demo@balanza.local"
#define DEMO_PASSWORD "Demo-2026!"
#define PATIENT_EMAIL "paciente01@balanza.local"

static void
report_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BzPatientReport **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = bz_patient_report_load_finish (result, &error);
  g_assert_no_error (error);
}

static char *
squash (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t\f", -1);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      g_string_append_printf (s, "%s%s", s->len ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
test_patient_report (void)
{
  BzGuiDesk desk = { 0 };
  BzWindow *window;
  BzPatientPage *page;
  BzGuiSession *session;
  g_autoptr(GdkTexture) avatar = NULL;
  BzPatientReport *report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_test_build_filename (G_TEST_BUILT, "gui", "test-patient-report.pdf", NULL);
  g_autofree char *text = NULL, *flat = NULL, *png = NULL, *prefix = NULL, *out = NULL;
  g_autoptr(GdkTexture) page1 = NULL;
  BzRecord *info, *plan;
  guint n_scans;

  bz_gui_desk_start (&desk, "patient-report", FALSE, 1280, 800);
  window = desk.window;
  session = bz_window_get_session (window);
  bz_gui_desk_sign_in (&desk, DEMO_EMAIL, DEMO_PASSWORD, "patients");
  page = bz_gui_desk_open_patient (&desk, PATIENT_EMAIL, NULL);
  WAIT_FOR (!bz_patient_page_is_loading (page) && bz_patient_page_get_n_scans (page) > 0, 60, "the patient's page");
  bz_gui_test_settle (500);
  WAIT_FOR ((avatar = bz_patient_page_avatar_picture (page)) != NULL, 30, "the avatar on screen");
  g_assert_cmpint (gdk_texture_get_width (avatar), >, 100);

  bz_patient_report_load_async (session, bz_patient_page_get_patient_id (page), avatar, NULL, report_loaded, &report);
  WAIT_FOR (report != NULL, 60, "the report's data");
  info = bz_record_get_object (report->file, BZ_PATIENT_FILE_BASIC_INFO);
  plan = bz_record_get_object (report->file, BZ_PATIENT_FILE_ACTIVE_MEAL_PLAN);
  n_scans = bz_record_get_n_items (report->file, BZ_PATIENT_FILE_PROGRESS_HISTORY);
  g_assert_nonnull (plan);
  g_assert_cmpuint (n_scans, >, 1);
  g_assert_cmpuint (bz_record_get_n_items (report->analytics, BZ_NUTRITION_ANALYTICS_DAYS), ==, 30);

  g_assert_true (bz_patient_report_export_pdf (report, pdf, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
    text = bz_gui_test_run_tool (argv);
  }
  flat = squash (text);
  g_test_message ("report text: %.400s", flat);
  g_assert_nonnull (strstr (flat, bz_record_get_string (info, BZ_PATIENT_INFO_FULL_NAME)));
  g_assert_nonnull (strstr (flat, _("Progress Report")));
  g_assert_nonnull (strstr (flat, _("Body Composition")));
  g_assert_nonnull (strstr (flat, _("Intake, Last 30 Days")));
  g_assert_nonnull (strstr (flat, _("Meal Plan")));
  g_assert_nonnull (strstr (flat, bz_record_get_string (plan, BZ_MEAL_PLAN_SUMMARY_PLAN_NAME)));
  /* every scan has its row: its weight, as the table prints it */
  for (guint i = 0; i < n_scans; i++)
    {
      BzRecord *m = bz_record_get_item (report->file, BZ_PATIENT_FILE_PROGRESS_HISTORY, i);
      g_autofree char *w = g_strdup_printf ("%.1f", bz_record_get_double (m, BZ_METRICS_WEIGHT_KG));
      g_assert_nonnull (strstr (flat, w));
    }

  png = g_test_build_filename (G_TEST_BUILT, "gui", "test-patient-report-page1.png", NULL);
  prefix = g_strndup (png, strlen (png) - strlen (".png"));
  {
    const char *argv[] = { "pdftoppm", "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile", pdf, prefix, NULL };
    out = bz_gui_test_run_tool (argv);
  }
  page1 = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_height (page1), >, gdk_texture_get_width (page1));   /* portrait */
  bz_gui_test_save_png (page1, "test-patient-report-page1.png", "patient-report.png");

  bz_patient_report_free (report);

  /* The patient page on an 800x600 screen (issue 12). */
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  {
    int min_w, min_h, nat;
    gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat, NULL, NULL);
    gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, 800, &min_h, &nat, NULL, NULL);
    g_test_message ("window minimum on the patient page: %dx%d", min_w, min_h);
    /* a patient with a plan, notes and history: the widest page there is */
    g_assert_cmpint (min_w, <=, 800);
    g_assert_cmpint (min_h, <=, 600);
  }
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (window)) <= 800 && gtk_widget_get_height (GTK_WIDGET (window)) <= 600, 10,
            "the window at 800x600");
  bz_gui_test_settle (800);
  {
    g_autoptr(GdkTexture) shot = bz_gui_test_screenshot (GTK_WIDGET (window));
    g_assert_cmpint (gdk_texture_get_width (shot), <=, 800);
    bz_gui_test_save_png (shot, "test-patient-report-patient-800x600.png", "patient-800x600.png");
  }
  bz_gui_desk_stop (&desk);
}

int
main (int argc, char **argv)
{
  if (!bz_gui_test_init (&argc, &argv))
    return 77;
  g_test_add_func ("/gui/patient-report", test_patient_report);
  return g_test_run ();
}
