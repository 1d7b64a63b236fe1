/* bz-startup.c — opening the runtime for a window: progress, then sign-in.
 *
 * bz_runtime_open() blocks (a first start imports the USDA foods and creates
 * the demo clinic), so it runs on a worker; its progress reports are
 * coalesced into one idle on the window's main context at a time.
 */
#include "bz-startup.h"

#include <glib/gi18n.h>

#include "bz-gui-util.h"
#include "bz-integration-service.h"
#include "bz-preferences.h"

typedef struct
{
  GMutex lock;
  char *phase;
  double fraction;
  gboolean pending;
  gboolean finished;     /* the window has moved on: late reports are dropped */
  GWeakRef window;
  GMainContext *context;
} Progress;

static void
progress_clear (gpointer p)
{
  Progress *pr = p;
  g_mutex_clear (&pr->lock);
  g_free (pr->phase);
  g_weak_ref_clear (&pr->window);
  g_main_context_unref (pr->context);
}

static void
progress_release (gpointer p)
{
  g_atomic_rc_box_release_full (p, progress_clear);
}

static gboolean
progress_apply (gpointer p)
{
  Progress *pr = p;
  g_autoptr(BzWindow) window = g_weak_ref_get (&pr->window);
  g_autofree char *phase = NULL;
  double fraction;
  gboolean finished;

  g_mutex_lock (&pr->lock);
  phase = g_strdup (pr->phase);
  fraction = pr->fraction;
  finished = pr->finished;
  pr->pending = FALSE;
  g_mutex_unlock (&pr->lock);

  if (window && !finished)
    bz_window_show_progress (window, phase, fraction);
  return G_SOURCE_REMOVE;
}

/* Called on the worker thread by bz_runtime_open(); coalesced into one idle. */
static void
progress_cb (const char *phase, double fraction, gpointer user_data)
{
  Progress *pr = user_data;
  gboolean schedule;

  g_mutex_lock (&pr->lock);
  if (phase && g_strcmp0 (phase, pr->phase) != 0)
    {
      g_free (pr->phase);
      pr->phase = g_strdup (phase);
    }
  pr->fraction = fraction;
  schedule = !pr->pending;
  pr->pending = TRUE;
  g_mutex_unlock (&pr->lock);

  if (schedule)
    g_main_context_invoke_full (pr->context, G_PRIORITY_DEFAULT, progress_apply,
                                g_atomic_rc_box_acquire (pr), progress_release);
}

typedef struct
{
  BzRuntimeOptions opts;
  Progress *progress;
} Startup;

static void
startup_free (gpointer p)
{
  Startup *s = p;
  bz_runtime_options_clear (&s->opts);
  progress_release (s->progress);
  g_free (s);
}

/* The meal-photo detection server of the Integrations preferences (the
 * "vision" kind, provider "openai"), unless DATA_DIR/integrations.conf
 * configured one: before the server starts. */
static void
use_preferred_detector (BzRuntime *runtime)
{
  g_autoptr(GSettings) settings = bz_runtime_settings_new ();
  g_auto(BzOpenAISettings) openai = { 0 };
  g_autoptr(GError) error = NULL;
  BzServices *services = bz_runtime_get_services (runtime);

  if (settings == NULL || bz_integrations_has_detector (services) ||
      !bz_preferences_integration_openai (settings, "vision", &openai))
    return;
  if (!bz_integrations_use_openai (services, &openai, NULL, NULL, &error))
    g_warning ("Integrations: the meal-photo service of the preferences is not used: %s", error->message);
}

static gpointer
startup_work (gpointer data, GCancellable *cancellable, GError **error)
{
  Startup *s = data;
  g_autoptr(BzRuntime) runtime = bz_runtime_open (&s->opts, progress_cb, s->progress, error);

  if (runtime == NULL)
    return NULL;
  use_preferred_detector (runtime);
  progress_cb (_("Starting the server for phones…"), 1.0, s->progress);
  if (!bz_runtime_start_server (runtime, &s->opts, error))
    return NULL;
  return g_steal_pointer (&runtime);
}

/* The outer task's data. */
typedef struct
{
  Progress *progress;
  gboolean demo;
} Outer;

static void
outer_free (gpointer p)
{
  Outer *o = p;
  progress_release (o->progress);
  g_free (o);
}

static void
startup_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BzWindow *window = BZ_WINDOW (source);
  g_autoptr(GTask) outer = user_data;
  Outer *o = g_task_get_task_data (outer);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRuntime) runtime = bz_run_in_thread_finish (result, &error);
  g_autofree char *lan_url = NULL;

  g_mutex_lock (&o->progress->lock);
  o->progress->finished = TRUE;
  g_mutex_unlock (&o->progress->lock);

  if (runtime == NULL)
    {
      if (!bz_is_cancelled (error))
        bz_window_show_error (window, error->message);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }
  bz_window_set_services (window, bz_runtime_get_services (runtime), o->demo);
  lan_url = bz_runtime_dup_lan_url (runtime);
  bz_window_set_phone_status (window, lan_url, bz_runtime_get_connected_clients (runtime));
  g_task_return_pointer (outer, g_steal_pointer (&runtime), g_object_unref);
}

void
bz_startup_run (BzWindow *window, const BzRuntimeOptions *opts, GCancellable *cancellable,
                GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *outer;
  Startup *s;
  Outer *o;

  g_return_if_fail (BZ_IS_WINDOW (window));
  g_return_if_fail (opts != NULL);

  s = g_new0 (Startup, 1);
  s->opts = *opts;
  s->opts.data_dir = g_strdup (opts->data_dir);
  s->opts.bind = g_strdup (opts->bind);
  s->opts.cors_origins = g_strdupv (opts->cors_origins);
  s->progress = g_atomic_rc_box_new0 (Progress);
  g_mutex_init (&s->progress->lock);
  g_weak_ref_init (&s->progress->window, window);
  s->progress->context = g_main_context_ref_thread_default ();

  o = g_new0 (Outer, 1);
  o->progress = g_atomic_rc_box_acquire (s->progress);
  o->demo = opts->demo;
  outer = g_task_new (window, cancellable, callback, user_data);
  g_task_set_source_tag (outer, bz_startup_run);
  g_task_set_task_data (outer, o, outer_free);

  bz_window_show_progress (window, _("Opening the clinic database…"), 0);

  bz_run_in_thread (window, cancellable, startup_work, s, startup_free, g_object_unref,
                    startup_done, outer);
}

BzRuntime *
bz_startup_run_finish (BzWindow *window, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, window), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bz_startup_run, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
