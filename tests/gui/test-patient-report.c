/* test-patient-report.c — the patient's progress report (issue 12; suite
 * 'gui').  On a real window over the demo clinic: the nutritionist opens
 * paciente01 (scans, an active meal plan, meals), the page's avatar is
 * captured, the report is loaded through the services and exported to PDF
 * by the same print operation as the dialog's; pdftotext finds the
 * patient, the sections, every scan's date and the plan's name, and the
 * first page is rendered with pdftoppm into docs/screenshots.  Then the
 * report language (Preferences, "report-language") is set to Spanish and to
 * English in turn, whatever language the desk runs in: the PDF's headings,
 * labels, dates, goal and the plan's food names are in that language and
 * not in the other, the numbers
 * follow its conventions, and the desk's own language is back afterwards. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "bz-application.h"
#include "bz-patient-page.h"
#include "bz-patient-report.h"
#include "bz-gui-util.h"
#include "bz-print-language.h"
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


/* The report exported and read back with pdftotext, words squashed to one space. */
static char *
export_text (const BzPatientReport *report, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_test_build_filename (G_TEST_BUILT, "gui", name, NULL);
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };

  g_assert_true (bz_patient_report_export_pdf (report, pdf, &error));
  g_assert_no_error (error);
  text = bz_gui_test_run_tool (argv);
  return squash (text);
}

/* Page 1 of the PDF as PNG, saved in the build tree and docs/screenshots. */
static void
save_page1 (const char *name, const char *docs_name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_test_build_filename (G_TEST_BUILT, "gui", name, NULL);
  g_autofree char *base = g_strndup (name, strlen (name) - strlen (".pdf"));
  g_autofree char *png_name = g_strconcat (base, "-page1.png", NULL);
  g_autofree char *png = g_test_build_filename (G_TEST_BUILT, "gui", png_name, NULL);
  g_autofree char *prefix = g_strndup (png, strlen (png) - strlen (".png"));
  g_autofree char *out = NULL;
  g_autoptr(GdkTexture) page1 = NULL;
  const char *argv[] = { "pdftoppm", "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile", pdf, prefix, NULL };

  out = bz_gui_test_run_tool (argv);
  page1 = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  bz_gui_test_save_png (page1, png_name, docs_name);
}

/* Words of the report in Spanish and in English, all in po/es.po; the date
 * label, headings, a table column, a goal-independent field. */
static const char *const spanish_words[] = { "Reporte de progreso", "Composición corporal", "Consumo, últimos 30 días",
                                              "Plan de alimentación", "Fecha del reporte:", "Peso (kg)", "Objetivo:", NULL };
static const char *const english_words[] = { "Progress Report", "Body Composition", "Intake, Last 30 Days",
                                              "Meal Plan", "Report date:", "Weight (kg)", "Goal:", NULL };

static void
assert_words (const char *flat, const char *const *present, const char *const *absent)
{
  for (guint i = 0; present[i]; i++)
    if (strstr (flat, present[i]) == NULL)
      g_error ("\"%s\" is not in the report: %.600s", present[i], flat);
  for (guint i = 0; absent[i]; i++)
    if (strstr (flat, absent[i]) != NULL)
      g_error ("\"%s\" is in the report: %.600s", absent[i], flat);
}

/* The report in @language ("es" or "en") through the desk's settings. */
static void
check_language (const BzPatientReport *report, GSettings *settings, const char *language)
{
  gboolean es = g_str_equal (language, "es");
  g_autofree char *name = g_strdup_printf ("test-patient-report-%s.pdf", language);
  g_autofree char *docs = g_strdup_printf ("patient-report-%s.png", language);
  g_autofree char *desk_title = g_strdup (_("Progress Report"));
  g_autofree char *desk_env = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *flat = NULL, *goal = NULL, *month = NULL;
  BzRecord *info = bz_record_get_object (report->file, BZ_PATIENT_FILE_BASIC_INFO);

  g_settings_set_string (settings, "report-language", language);
  flat = export_text (report, name);
  {
    g_autofree char *start = g_utf8_substring (flat, 0, MIN (300, g_utf8_strlen (flat, -1)));   /* whole characters */
    g_test_message ("report in %s: %s", language, start);
  }
  assert_words (flat, es ? spanish_words : english_words, es ? english_words : spanish_words);
  /* the goal's name and today's month, as the catalogue of @language has them */
  {
    g_autoptr(BzPrintLanguageScope) scope = bz_print_language_push (language);
    goal = g_strdup (bz_goal_label (bz_record_get_string (info, BZ_PATIENT_INFO_PRIMARY_GOAL)));
    month = bz_date_time_format (report->printed_on, "%B");
    g_assert_cmpstr (_("Progress Report"), ==, es ? "Reporte de progreso" : "Progress Report");
    /* numbers: CLDR en and es-MX, a decimal point; Spanish groups from five digits */
    {
      g_autofree char *small = bz_print_format_number (1234.5, 1), *big = bz_print_format_number (-12345.46, 1);
      g_assert_cmpstr (small, ==, es ? "1234.5" : "1,234.5");
      g_assert_cmpstr (big, ==, "-12,345.5");
    }
  }
  g_assert_nonnull (goal);
  /* ... which differ between the two languages (so the catalogue was used) */
  {
    g_autoptr(BzPrintLanguageScope) scope = bz_print_language_push (es ? "en" : "es");
    g_autofree char *other_month = bz_date_time_format (report->printed_on, "%B");
    g_assert_cmpstr (month, !=, other_month);
    g_assert_cmpstr (goal, !=, bz_goal_label (bz_record_get_string (info, BZ_PATIENT_INFO_PRIMARY_GOAL)));
    g_assert_null (strstr (flat, bz_goal_label (bz_record_get_string (info, BZ_PATIENT_INFO_PRIMARY_GOAL))));
  }
  g_assert_nonnull (strstr (flat, goal));
  /* the report's date: "1 de diciembre de 2026" or "December 1, 2026" */
  {
    g_autofree char *date = es ? g_strdup_printf ("de %s de %d", month, g_date_time_get_year (report->printed_on))
                               : g_strdup_printf ("%s %d, %d", month, g_date_time_get_day_of_month (report->printed_on),
                                                  g_date_time_get_year (report->printed_on));
    g_assert_nonnull (strstr (flat, date));
  }
  /* the plan's foods: by their Spanish (Mexico) names in Spanish, by USDA's in English */
  {
    const BzShoppingItem *food = NULL;
    g_assert_nonnull (report->plan);
    for (guint i = 0; food == NULL && i < report->plan->shopping->len; i++)
      {
        const BzShoppingItem *item = g_ptr_array_index (report->plan->shopping, i);
        if (item->name_es && *item->name_es && item->description && strstr (item->description, item->name_es) == NULL)
          food = item;
      }
    g_assert_nonnull (food);
    g_assert_nonnull (strstr (flat, es ? food->name_es : food->description));
    if (!es)
      g_assert_null (strstr (flat, food->name_es));
  }
  /* the desk is in its own language again */
  g_assert_cmpstr (_("Progress Report"), ==, desk_title);
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, desk_env);
  /* docs/screenshots/<desk language>/ gets the report in the other language */
  save_page1 (name, es != g_str_equal (desk_title, "Reporte de progreso") ? docs : NULL);
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

  /* Preferences › Language of reports: Spanish, then English, whatever the desk's language */
  {
    g_autoptr(GSettings) settings = bz_runtime_settings_new ();
    g_assert_nonnull (settings);
    check_language (report, settings, "es");
    check_language (report, settings, "en");
    g_settings_reset (settings, "report-language");
  }
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
