/* test-ai-plans.c — a patient's generated diet and workout plans at the desk
 * (issue 11; suite 'gui').  On a real window over the demo clinic the
 * nutritionist opens a patient and "Diet and Workout Plans" (Ctrl+Shift+G):
 * the integrations' health lists the embedded providers; Generate makes a
 * 7-day diet plan (seven days shown, each with its meals) that becomes the
 * patient's plan, Generate Again replaces it (a new plan); the workout plan
 * shows its training days.
 * Pictures: tests/gui/gui/test-ai-plans{,-800x600}.png in the build dir. */
#include <adwaita.h>
#include <gtk/gtk.h>
#include <string.h>

#include "bz-ai-plans-dialog.h"
#include "bz-patient-page.h"
#include "bz-window.h"
#include "bz-gui-test.h"
#include "bz-test-util.h"

#define DEMO_EMAIL    "demo@balanza.local"
#define DEMO_PASSWORD "Demo-2026!"

static BzAiPlansDialog *
find_dialog (void)
{
  GListModel *tops = gtk_window_get_toplevels ();   /* transfer none */
  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (tops, i);
      if (BZ_IS_AI_PLANS_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return BZ_AI_PLANS_DIALOG (w);
    }
  return NULL;
}

static void
shoot (GtkWidget *w, const char *name)
{
  g_autoptr(GdkTexture) shot = NULL;
  bz_gui_test_settle (300);
  shot = bz_gui_test_screenshot (w);
  bz_gui_test_save_png (shot, name, NULL);
}

static void
test_ai_plans (void)
{
  BzGuiDesk desk = { 0 };
  BzPatientPage *page;
  BzAiPlansDialog *dialog;
  g_autofree char *patient_id = NULL, *first = NULL;

  bz_gui_desk_start (&desk, "ai-plans", FALSE, 1280, 900);
  bz_gui_desk_sign_in (&desk, DEMO_EMAIL, DEMO_PASSWORD, "patients");
  page = bz_gui_desk_open_patient (&desk, NULL, &patient_id);
  WAIT_FOR (!bz_patient_page_is_loading (page), 60, "the patient page");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "patient.ai-plans", NULL));
  WAIT_FOR ((dialog = find_dialog ()) != NULL, 10, "the plans dialog");
  WAIT_FOR (!bz_ai_plans_dialog_is_busy (dialog), 30, "the integrations' health");
  g_assert_cmpuint (bz_ai_plans_dialog_get_n_rows (dialog, "health"), >=, 2);   /* diet and workout planning, local */
  g_assert_cmpuint (bz_ai_plans_dialog_get_n_rows (dialog, "diet"), ==, 0);

  bz_ai_plans_dialog_generate (dialog, "diet");
  WAIT_FOR (!bz_ai_plans_dialog_is_busy (dialog), 120, "the diet plan");
  g_assert_cmpuint (bz_ai_plans_dialog_get_n_rows (dialog, "diet"), ==, 7);
  g_assert_nonnull (strstr (bz_ai_plans_dialog_get_summary (dialog, "diet"), "7"));
  first = g_strdup (bz_ai_plans_dialog_get_plan_id (dialog, "diet"));
  g_assert_nonnull (first);
  bz_ai_plans_dialog_generate (dialog, "workout");
  WAIT_FOR (!bz_ai_plans_dialog_is_busy (dialog), 120, "the workout plan");
  g_assert_cmpuint (bz_ai_plans_dialog_get_n_rows (dialog, "workout"), >=, 3);
  shoot (GTK_WIDGET (dialog), "test-ai-plans.png");

  /* Generate Again: a new plan replaces the active one. */
  bz_ai_plans_dialog_generate (dialog, "diet");
  WAIT_FOR (!bz_ai_plans_dialog_is_busy (dialog), 120, "the second diet plan");
  g_assert_cmpuint (bz_ai_plans_dialog_get_n_rows (dialog, "diet"), ==, 7);
  g_assert_nonnull (bz_ai_plans_dialog_get_plan_id (dialog, "diet"));
  g_assert_cmpstr (bz_ai_plans_dialog_get_plan_id (dialog, "diet"), !=, first);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 800, 600);
  WAIT_FOR (gtk_widget_get_height (GTK_WIDGET (dialog)) <= 600, 10, "the dialog at 800x600");
  shoot (GTK_WIDGET (dialog), "test-ai-plans-800x600.png");
  gtk_window_close (GTK_WINDOW (dialog));
  bz_gui_desk_stop (&desk);
}

int
main (int argc, char **argv)
{
  if (!bz_gui_test_init (&argc, &argv))
    return 77;
  g_test_add_func ("/gui/ai-plans", test_ai_plans);
  return g_test_run ();
}
