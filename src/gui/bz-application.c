/* bz-application.c — the Balanza desktop application (AdwApplication).
 *
 * The application owns the runtime (store, services, server: bz-runtime.h);
 * windows get only the services.
 * activate: the window shows start-up progress while bz_runtime_open() and
 * bz_runtime_start_server() run on a worker (bz_startup_run()), then the
 * sign-in page; the application keeps the runtime and tells its windows, every
 * few seconds, how many phones are connected.
 * shutdown: windows close, then bz_runtime_shutdown() stops the server, writes
 * the queued audit rows and checkpoints the WAL.  SIGINT and SIGTERM quit the
 * same way (exit status 0).
 * The server's port, address and HTTP switch come from the desk's preferences
 * (GSettings, bz_runtime_options_apply_settings()) unless given as flags.  The
 * actions (quit, about, ...) are the window's installed actions (bz-window.c):
 * the application keeps no action map.
 */
#include "bz-application.h"

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "config.h"
#include "bz-gui-resources.h"
#include "bz-runtime.h"
#include "bz-startup.h"
#include "bz-window.h"

#define STATUS_POLL_S 3

struct _BzApplication
{
  AdwApplication parent_instance;

  BzRuntimeOptions opts;
  BzRuntime *runtime;       /* once started */
  char *lan_url;            /* the URL phones use, once started */
  guint status_source;
  guint sigint_source;
  guint sigterm_source;
  gboolean starting;
};

G_DEFINE_FINAL_TYPE (BzApplication, bz_application, ADW_TYPE_APPLICATION)

void
bz_gui_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      bz_gui_register_resource ();
      g_once_init_leave (&done, 1);
    }
}

void
bz_gui_init_standalone (void)
{
  static gsize done = 0;

  bz_gui_init ();
  if (g_once_init_enter (&done))
    {
      GdkDisplay *display = gdk_display_get_default ();
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (css, "/org/balanza/Balanza/style.css");
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                        "/org/balanza/Balanza/icons");
      g_once_init_leave (&done, 1);
    }
}

static gboolean
quit_on_signal_cb (gpointer user_data)
{
  g_debug ("signal received, quitting");
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

static int
bz_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  BzApplication *self = BZ_APPLICATION (app);
  g_autoptr(GSettings) settings = bz_runtime_settings_new ();

  if (settings)
    bz_runtime_options_apply_settings (&self->opts, settings);
  bz_runtime_options_finish (&self->opts);
  return -1; /* carry on */
}

static void
bz_application_startup (GApplication *app)
{
  BzApplication *self = BZ_APPLICATION (app);

  /* The shortcuts are the window's bindings (bz-shortcuts.c); the kiosk's
   * window disables quit, preferences and the menu (bz-window.c), and staff
   * leave it through its lock (bz-kiosk-lock.h); SIGTERM still stops it. */
  G_APPLICATION_CLASS (bz_application_parent_class)->startup (app);

  self->sigint_source = g_unix_signal_add (SIGINT, quit_on_signal_cb, app);
  self->sigterm_source = g_unix_signal_add (SIGTERM, quit_on_signal_cb, app);
}

/* BALANZA_EXIT_AFTER_FIRST_FRAME=1 (tests/bench/run-all): quit once the first
 * frame after start-up is on screen, to time cold start to a usable window. */
static gboolean
first_frame_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_REMOVE;
}

/* Tells every window the URL phones use and how many are connected. */
static gboolean
poll_status_cb (gpointer user_data)
{
  BzApplication *self = user_data;
  guint n;

  if (self->runtime == NULL)
    return G_SOURCE_CONTINUE;
  n = bz_runtime_get_connected_clients (self->runtime);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (BZ_IS_WINDOW (l->data))
      bz_window_set_phone_status (l->data, self->lan_url, n);
  return G_SOURCE_CONTINUE;
}

static void
runtime_started_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BzApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRuntime) runtime = bz_startup_run_finish (BZ_WINDOW (source), result, &error);

  self->starting = FALSE;
  if (runtime)
    {
      g_set_object (&self->runtime, runtime);
      g_free (self->lan_url);
      self->lan_url = bz_runtime_dup_lan_url (runtime);
      if (self->status_source == 0)
        self->status_source = g_timeout_add_seconds (STATUS_POLL_S, poll_status_cb, self);
      if (g_getenv ("BALANZA_EXIT_AFTER_FIRST_FRAME"))
        gtk_widget_add_tick_callback (GTK_WIDGET (source), first_frame_tick_cb, self, NULL);
    }
  else
    g_printerr ("balanza: %s\n", error->message);
  g_application_release (G_APPLICATION (self));
}

static void
bz_application_activate (GApplication *app)
{
  BzApplication *self = BZ_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (bz_window_new (GTK_APPLICATION (app), self->opts.kiosk));
      if (self->runtime)
        {
          bz_window_set_services (BZ_WINDOW (window), bz_runtime_get_services (self->runtime), self->opts.demo);
          bz_window_set_phone_status (BZ_WINDOW (window), self->lan_url,
                                      bz_runtime_get_connected_clients (self->runtime));
        }
      else if (!self->starting)
        {
          self->starting = TRUE;
          g_application_hold (app);
          bz_startup_run (BZ_WINDOW (window), &self->opts, NULL, runtime_started_cb, self);
        }
    }
  gtk_window_present (window);
}

static void
bz_application_shutdown (GApplication *app)
{
  BzApplication *self = BZ_APPLICATION (app);
  GList *windows;

  g_clear_handle_id (&self->sigint_source, g_source_remove);
  g_clear_handle_id (&self->sigterm_source, g_source_remove);
  g_clear_handle_id (&self->status_source, g_source_remove);

  /* Close the windows first: their pending work is cancelled. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));

  if (self->runtime)
    {
      bz_runtime_shutdown (self->runtime);
      g_clear_object (&self->runtime);
    }

  G_APPLICATION_CLASS (bz_application_parent_class)->shutdown (app);
}

static void
bz_application_finalize (GObject *object)
{
  BzApplication *self = BZ_APPLICATION (object);
  g_clear_object (&self->runtime);
  g_clear_pointer (&self->lan_url, g_free);
  bz_runtime_options_clear (&self->opts);
  G_OBJECT_CLASS (bz_application_parent_class)->finalize (object);
}

static void
bz_application_class_init (BzApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = bz_application_finalize;
  app_class->handle_local_options = bz_application_handle_local_options;
  app_class->startup = bz_application_startup;
  app_class->activate = bz_application_activate;
  app_class->shutdown = bz_application_shutdown;
}

static void
bz_application_init (BzApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self),
                                         bz_runtime_option_entries (&self->opts, TRUE));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("The nutrition clinic workstation, with the API server for phones."));
}

BzApplication *
bz_application_new (void)
{
  bz_gui_init ();
  return g_object_new (BZ_TYPE_APPLICATION,
                       "application-id", BZ_APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/balanza/Balanza",
                       NULL);
}
