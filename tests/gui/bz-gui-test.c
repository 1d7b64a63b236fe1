/* bz-gui-test.c — see bz-gui-test.h. */
#include "bz-gui-test.h"

#include "bz-application.h"
#include "bz-runtime.h"
#include "bz-startup.h"
#include "bz-window.h"

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
