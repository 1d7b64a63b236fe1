/* bz-gui-test.c — see bz-gui-test.h. */
#include "bz-gui-test.h"

#include "bz-application.h"
#include "bz-runtime.h"
#include "bz-startup.h"
#include "bz-window.h"
#include "bz-patient-page.h"
#include "bz-patients-page.h"
#include "bz-patient-service.h"
#include "bz-sign-in-page.h"
#include "bz-test-util.h"

GtkWidget *bz_gui_test_window;

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
bz_gui_test_init (int *argc, char ***argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);  /* no dconf on a CI box */
  g_setenv ("GDK_BACKEND", "x11", FALSE);          /* Xvfb */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (argc, argv, NULL);
  /* As the application does: LANGUAGE=es runs the whole test in Spanish. */
  bz_runtime_init_i18n ();
  if (!gtk_init_check ())
    {
      g_printerr ("no display: run under xvfb-run (tools/dev test does)\n");
      return FALSE;
    }
  adw_init ();
  bz_gui_init_standalone ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_timeout_add (20, tick_cb, NULL);
  return TRUE;
}

void
bz_gui_test_settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

/* A widget waiting for a new size allocation snapshots to nothing, so the
 * frame clock lays it out first. */
GdkTexture *
bz_gui_test_screenshot (GtkWidget *window)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_nonnull (renderer);
  for (;;)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      int width = gtk_widget_get_width (window);
      int height = gtk_widget_get_height (window);
      g_autoptr(GskRenderNode) node = NULL;

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node != NULL)
        return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
      if (g_get_monotonic_time () > deadline)
        g_error ("the window never finished its layout for a screenshot");
      g_main_context_iteration (NULL, TRUE);
    }
}

void
bz_gui_test_save_png (GdkTexture *texture, const char *build_name, const char *docs_name)
{
  const char *docs_dir = g_getenv ("BALANZA_SCREENSHOT_DIR");
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "gui", build_name, NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s (%dx%d)", path, gdk_texture_get_width (texture), gdk_texture_get_height (texture));
  if (docs_dir && *docs_dir && docs_name)
    {
      g_autofree char *docs_path = g_build_filename (docs_dir, docs_name, NULL);
      g_mkdir_with_parents (docs_dir, 0755);
      g_assert_true (gdk_texture_save_to_png (texture, docs_path));
      g_test_message ("screenshot: %s", docs_path);
    }
}

void
bz_gui_test_timed_out (const char *what, int seconds)
{
  if (bz_gui_test_window)
    {
      g_autoptr(GdkTexture) shot = bz_gui_test_screenshot (bz_gui_test_window);
      g_autofree char *name = g_strdup_printf ("%s-timeout.png", g_get_prgname ());
      bz_gui_test_save_png (shot, name, NULL);
    }
  g_error ("timed out after %d s waiting for %s", seconds, what);
}

void
bz_gui_test_runtime_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BzRuntime **runtime = user_data;
  g_autoptr(GError) error = NULL;

  *runtime = bz_startup_run_finish (BZ_WINDOW (source), result, &error);
  if (*runtime == NULL)
    g_error ("the runtime did not start: %s", error->message);
}

void
bz_gui_test_activate_entry (GtkEditable *row)
{
  GtkEditable *delegate = gtk_editable_get_delegate (row);
  g_assert_true (GTK_IS_TEXT (delegate));
  g_signal_emit_by_name (delegate, "activate");
}

char *
bz_gui_test_run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error))
    g_error ("%s: %s (poppler-utils is in tools/dev's package list)", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err ? err : "");
  return out;
}

void
bz_gui_desk_start (BzGuiDesk *desk, const char *name, gboolean kiosk, int width, int height)
{
  BzRuntimeOptions *opts = g_new0 (BzRuntimeOptions, 1);

  desk->data_dir = bz_test_tmpdir (name);
  desk->opts = opts;
  opts->data_dir = g_strdup (desk->data_dir);
  opts->port = 0;
  opts->bind = g_strdup ("127.0.0.1");
  opts->demo = TRUE;
  desk->window = bz_window_new (NULL, kiosk);
  bz_gui_test_window = GTK_WIDGET (desk->window);
  g_object_add_weak_pointer (G_OBJECT (desk->window), (gpointer *) &desk->window);
  gtk_window_set_default_size (GTK_WINDOW (desk->window), width, height);
  gtk_window_present (GTK_WINDOW (desk->window));
  bz_startup_run (desk->window, opts, NULL, bz_gui_test_runtime_done, &desk->runtime);
  WAIT_FOR (desk->runtime != NULL, 240, "the runtime");
}

void
bz_gui_desk_sign_in (BzGuiDesk *desk, const char *email, const char *password, const char *page_name)
{
  BzSignInPage *sign_in = bz_window_get_sign_in_page (desk->window);

  gtk_editable_set_text (bz_sign_in_page_get_email_entry (sign_in), email);
  gtk_editable_set_text (bz_sign_in_page_get_password_entry (sign_in), password);
  bz_gui_test_activate_entry (bz_sign_in_page_get_password_entry (sign_in));
  WAIT_FOR (g_strcmp0 (bz_window_get_page_name (desk->window), page_name) == 0, 30, page_name);
}

BzPatientPage *
bz_gui_desk_open_patient (BzGuiDesk *desk, const char *email, char **out_patient_id)
{
  BzPatientsPage *patients = bz_window_get_patients_page (desk->window);
  BzPatientPage *page;
  GListModel *model;
  guint row = G_MAXUINT;

  WAIT_FOR (!bz_patients_page_is_loading (patients)
            && g_list_model_get_n_items (bz_patients_page_get_model (patients)) > 0, 30, "the patient list");
  model = bz_patients_page_get_model (patients);
  for (guint i = 0; i < g_list_model_get_n_items (model) && row == G_MAXUINT; i++)
    {
      g_autoptr(BzRecord) p = g_list_model_get_item (model, i);
      if (email == NULL || g_strcmp0 (bz_record_get_string (p, BZ_PATIENT_SUMMARY_EMAIL), email) == 0)
        {
          row = i;
          if (out_patient_id)
            *out_patient_id = g_strdup (bz_record_get_string (p, BZ_PATIENT_SUMMARY_ID));
        }
    }
  g_assert_cmpuint (row, !=, G_MAXUINT);
  bz_patients_page_activate_row (patients, row);
  page = bz_window_get_patient_page (desk->window);
  WAIT_FOR (!bz_patient_page_is_loading (page), 60, "the patient's page");
  return page;
}

void
bz_gui_desk_stop (BzGuiDesk *desk)
{
  if (desk->window)
    gtk_window_destroy (GTK_WINDOW (desk->window));
  WAIT_FOR (desk->window == NULL, 10, "the window to go");
  bz_runtime_shutdown (desk->runtime);
  g_clear_object (&desk->runtime);
  bz_runtime_options_clear (desk->opts);
  g_clear_pointer (&desk->opts, g_free);
  bz_test_rmdir (desk->data_dir);
  g_clear_pointer (&desk->data_dir, g_free);
}
