/* test-scan-import.c — the InBody import of the scan dialog (issue 8;
 * suite 'gui').  On a real window over the demo clinic the nutritionist
 * opens a patient and "Add Scan": a file with a bad number shows its line
 * error, no row can be saved and nothing is stored; the LookinBody 770
 * export (tests/data/inbody) shows its three scans; "Save Imported Scans"
 * stores them with their avatars and the patient page lists them.
 * Pictures: tests/gui/test-scan-import-{errors,rows}.png in the build dir. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <string.h>

#include "bz-patient-page.h"
#include "bz-scan-dialog.h"
#include "bz-scan-mesh-service.h"
#include "bz-scan-service.h"
#include "bz-window.h"
#include "bz-gui-test.h"
#include "bz-test-util.h"

#define DEMO_EMAIL    "demo@balanza.local"
#define DEMO_PASSWORD "Demo-2026!"

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

static GBytes *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "inbody", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  return g_bytes_new_take (data, len);
}

static guint
stored_scans (BzGuiSession *session, const char *patient_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) list = bz_scans_get_list (bz_gui_session_get_services (session), bz_gui_session_get_caller (session),
                                                patient_id, &error);
  g_assert_no_error (error);
  return bz_record_get_n_items (list, BZ_SCAN_LIST_SCANS);
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
test_scan_import (void)
{
  BzGuiDesk desk = { 0 };
  BzPatientPage *page;
  BzScanDialog *dialog;
  BzGuiSession *session;
  g_autofree char *patient_id = NULL;
  g_autoptr(GBytes) bad = fixture ("bad-number.csv"), good = fixture ("lookinbody-770.csv");
  guint before, pages_before;
  gboolean ok;

  bz_gui_desk_start (&desk, "scan-import", FALSE, 1280, 980);
  session = bz_window_get_session (desk.window);
  bz_gui_desk_sign_in (&desk, DEMO_EMAIL, DEMO_PASSWORD, "patients");
  page = bz_gui_desk_open_patient (&desk, NULL, &patient_id);
  WAIT_FOR (!bz_patient_page_is_loading (page), 60, "the patient page");
  before = stored_scans (session, patient_id);
  pages_before = bz_patient_page_get_n_scans (page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "patient.add-scan", NULL));
  WAIT_FOR ((dialog = find_scan_dialog ()) != NULL, 10, "the scan dialog");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 900);

  /* A bad number: the line error, no row to save, Save off, nothing stored. */
  bz_scan_dialog_import_bytes (dialog, "bad-number.csv", bad);
  g_assert_cmpuint (bz_scan_dialog_get_import_count (dialog, &ok), ==, 1);   /* line 2 is fine */
  g_assert_false (ok);
  {
    /* The file's place and reason, in the desk's language, once (not after
     * the API's field path too). */
    g_autofree char *place = g_strdup_printf (_("line %u"), 3);
    g_autofree char *want = g_strdup_printf ("%s: Weight: %s", place, _("not a number"));
    if (!g_str_has_prefix (bz_scan_dialog_get_import_errors (dialog), want))
      g_error ("import errors: %s (want %s)", bz_scan_dialog_get_import_errors (dialog), want);
  }
  gtk_widget_activate_action (GTK_WIDGET (dialog), "scan.save-import", NULL);   /* disabled: does nothing */
  bz_scan_dialog_save_import (dialog);                                            /* refused too */
  g_assert_false (bz_scan_dialog_is_busy (dialog));
  shoot (GTK_WIDGET (dialog), "test-scan-import-errors.png");
  g_assert_cmpuint (stored_scans (session, patient_id), ==, before);

  /* The LookinBody 770 export: three rows shown, no error; saved, the dialog closes. */
  bz_scan_dialog_import_bytes (dialog, "lookinbody-770.csv", good);
  g_assert_cmpuint (bz_scan_dialog_get_import_count (dialog, &ok), ==, 3);
  g_assert_true (ok);
  g_assert_cmpstr (bz_scan_dialog_get_import_errors (dialog), ==, "");
  g_assert_nonnull (strstr (bz_scan_dialog_get_import_summary (dialog), "lookinbody-770.csv"));
  shoot (GTK_WIDGET (dialog), "test-scan-import-rows.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "scan.save-import", NULL));
  WAIT_FOR (dialog == NULL, 180, "the three scans to be stored (with their avatars)");
  g_assert_cmpuint (stored_scans (session, patient_id), ==, before + 3);
  WAIT_FOR (bz_patient_page_get_n_scans (page) == pages_before + 3 && !bz_patient_page_is_loading (page), 60,
            "the page to list the imported scans");

  bz_gui_desk_stop (&desk);
}

/* The body before it is saved: nothing until height and weight, then the
 * body with its estimated body fat (the same as the service's preview),
 * then the typed body fat; nothing stored. */
static void
test_scan_preview (void)
{
  BzGuiDesk desk = { 0 };
  BzPatientPage *page;
  BzScanDialog *dialog;
  BzScanPreview *preview;
  BzGuiSession *session;
  g_autofree char *patient_id = NULL, *estimated = NULL;
  guint before;

  bz_gui_desk_start (&desk, "scan-preview", FALSE, 1024, 768);
  session = bz_window_get_session (desk.window);
  bz_gui_desk_sign_in (&desk, DEMO_EMAIL, DEMO_PASSWORD, "patients");
  page = bz_gui_desk_open_patient (&desk, NULL, &patient_id);
  WAIT_FOR (!bz_patient_page_is_loading (page), 60, "the patient page");
  before = stored_scans (session, patient_id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "patient.add-scan", NULL));
  WAIT_FOR ((dialog = find_scan_dialog ()) != NULL, 10, "the scan dialog");
  preview = bz_scan_dialog_get_preview (dialog);
  bz_gui_test_settle (2 * BZ_SCAN_PREVIEW_DELAY_MS);
  g_assert_false (bz_scan_preview_has_mesh (preview));   /* no weight yet */

  g_assert_true (bz_scan_dialog_set_value (dialog, "height_cm", 176));
  g_assert_true (bz_scan_dialog_set_value (dialog, "weight_kg", 84));
  g_assert_true (bz_scan_dialog_set_value (dialog, "age", 41));
  g_assert_true (bz_scan_dialog_set_value (dialog, "waist", 96));
  g_assert_true (bz_scan_dialog_set_value (dialog, "neck", 39));
  WAIT_FOR (bz_scan_preview_has_mesh (preview), 30, "the preview's body");
  /* Settled on the last values: the service's own preview gives the same body fat. */
  bz_gui_test_settle (2 * BZ_SCAN_PREVIEW_DELAY_MS);
  {
    g_autoptr(JsonObject) input = bz_scan_dialog_dup_input (dialog);
    g_autoptr(GError) error = NULL;
    g_autoptr(BzScanMesh) mesh = bz_scans_preview_mesh (bz_gui_session_get_services (session),
                                                        bz_gui_session_get_caller (session), input, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (mesh->body_fat_percent, >, 3);
    g_assert_cmpfloat (mesh->body_fat_percent, <, 60);
    estimated = g_strdup_printf (_("Estimated body fat %.1f %%"), mesh->body_fat_percent);
    g_assert_cmpstr (bz_scan_preview_get_status (preview), ==, estimated);
  }
  shoot (GTK_WIDGET (dialog), "test-scan-preview.png");
  g_assert_true (bz_scan_dialog_set_value (dialog, "body_fat_percent", 31.5));
  WAIT_FOR (g_str_has_suffix (bz_scan_preview_get_status (preview), "31.5 %"), 30, "the typed body fat");
  g_assert_cmpstr (bz_scan_preview_get_status (preview), !=, estimated);
  g_assert_true (bz_scan_dialog_set_value (dialog, "weight_kg", 0));
  WAIT_FOR (!bz_scan_preview_has_mesh (preview), 10, "the preview to empty");
  g_assert_cmpuint (stored_scans (session, patient_id), ==, before);
  gtk_window_close (GTK_WINDOW (dialog));
  bz_gui_desk_stop (&desk);
}

int
main (int argc, char **argv)
{
  if (!bz_gui_test_init (&argc, &argv))
    return 77;
  g_test_add_func ("/gui/scan-import", test_scan_import);
  g_test_add_func ("/gui/scan-preview", test_scan_preview);
  return g_test_run ();
}
