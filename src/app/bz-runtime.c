/* bz-runtime.c — what balanza and balanzad share: options, first start, and
 * the one place that puts store, services and server together. */
#include "bz-runtime.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "config.h"

#include "bz-audit.h"
#include "bz-blob-store.h"
#include "bz-demo.h"
#include "bz-discovery.h"
#include "bz-device-service.h"
#include "bz-instagram-service.h"
#include "bz-integration-service.h"
#include "bz-jobs.h"
#include "bz-meal-detection.h"
#include "bz-meal-image-service.h"
#include "bz-meal-plan-service.h"
#include "bz-notification-service.h"
#include "bz-recipe-import.h"
#include "bz-server.h"
#include "bz-store.h"
#include "bz-runtime-private.h"
#include "bz-sync-service.h"
#include "bz-tls-cert.h"
#include "bz-usda-import.h"
#include "bz-workout-service.h"

const GOptionEntry *
bz_runtime_option_entries (BzRuntimeOptions *opts, gboolean with_kiosk)
{
  static GOptionEntry entries[17];
  GOptionEntry e[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &opts->data_dir,
      N_("Data directory (default: $XDG_DATA_HOME/balanza)"), N_("DIR") },
    { "port", 0, 0, G_OPTION_ARG_INT, &opts->port, N_("TCP port for the API (default 8420; 0 picks a free port)"), N_("N") },
    { "bind", 0, 0, G_OPTION_ARG_STRING, &opts->bind, N_("Address to listen on (default 0.0.0.0)"), N_("ADDR") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &opts->demo, N_("Create the demo clinic when the data directory is empty"), NULL },
    { "cors-origin", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opts->cors_origins,
      N_("Allow browser calls from this origin (repeatable; default: same origin only)"), N_("ORIGIN") },
    { "header-timeout", 0, 0, G_OPTION_ARG_INT, &opts->header_timeout_s,
      N_("Seconds a client may take to send request headers, and idle connection timeout (default 15)"), N_("S") },
    { "max-connections-per-address", 0, 0, G_OPTION_ARG_INT, &opts->connections_per_address,
      N_("Connections open at once from one address (default 64)"), N_("N") },
    { "api-rate-limit", 0, 0, G_OPTION_ARG_INT, &opts->api_rate_limit,
      N_("API requests per minute per user (default 100; 0 turns the limit off)"), N_("N") },
    { "https-port", 0, 0, G_OPTION_ARG_INT, &opts->https_port,
      N_("TCP port for HTTPS (default 8421; 0 picks a free port)"), N_("N") },
    { "no-http", 0, 0, G_OPTION_ARG_NONE, &opts->no_http, N_("Serve no plain HTTP (HTTPS only)"), NULL },
    { "no-https", 0, 0, G_OPTION_ARG_NONE, &opts->no_https, N_("Serve no HTTPS"), NULL },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &opts->tls_cert,
      N_("The clinic's own certificate, PEM (default: one made in DATA_DIR/tls at first start)"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &opts->tls_key, N_("The private key of --tls-cert, PEM"), N_("FILE") },
    { "instance-name", 0, 0, G_OPTION_ARG_STRING, &opts->instance_name,
      N_("This server's name for phones (default: Balanza on HOST)"), N_("NAME") },
    { "kiosk", 0, 0, G_OPTION_ARG_NONE, &opts->kiosk, N_("Start the member kiosk"), NULL },
    { NULL }
  };
  opts->port = -1;
  opts->https_port = -1;
  opts->api_rate_limit = -1;
  memcpy (entries, e, sizeof e);
  if (!with_kiosk)
    entries[G_N_ELEMENTS (e) - 2] = entries[G_N_ELEMENTS (e) - 1];
  return entries;
}

GSettings *
bz_runtime_settings_new (void)
{
  GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();   /* transfer none, nullable */
  g_autoptr(GSettingsSchema) schema = NULL;

  if (installed)
    schema = g_settings_schema_source_lookup (installed, BZ_RUNTIME_SETTINGS_SCHEMA, TRUE);
  if (schema == NULL)
    {
      g_autofree char *dir = g_build_filename (BZ_BUILD_DIR, "data", NULL);
      g_autofree char *compiled = g_build_filename (dir, "gschemas.compiled", NULL);
      g_autoptr(GSettingsSchemaSource) build = NULL;

      if (g_file_test (compiled, G_FILE_TEST_EXISTS))
        build = g_settings_schema_source_new_from_directory (dir, installed, FALSE, NULL);
      if (build)
        schema = g_settings_schema_source_lookup (build, BZ_RUNTIME_SETTINGS_SCHEMA, FALSE);
    }
  return schema ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

void
bz_runtime_options_apply_settings (BzRuntimeOptions *opts, GSettings *settings)
{
  g_return_if_fail (G_IS_SETTINGS (settings));

  if (opts->port < 0)
    {
      g_autoptr(GVariant) port = g_settings_get_value (settings, "server-port");   /* "q" */
      opts->port = g_variant_get_uint16 (port);
    }
  if (opts->bind == NULL)
    {
      g_autofree char *bind = g_settings_get_string (settings, "server-bind-address");
      if (*bind)
        opts->bind = g_steal_pointer (&bind);
    }
  if (opts->https_port < 0 && opts->port != 0)   /* --port 0: any free port for HTTPS too */
    {
      g_autoptr(GVariant) port = g_settings_get_value (settings, "https-port");   /* "q" */
      opts->https_port = g_variant_get_uint16 (port);
    }
  opts->no_http = opts->no_http || !g_settings_get_boolean (settings, "serve-http");
  opts->no_https = opts->no_https || !g_settings_get_boolean (settings, "serve-https");
}

void
bz_runtime_options_finish (BzRuntimeOptions *opts)
{
  if (opts->data_dir == NULL)
    opts->data_dir = g_build_filename (g_get_user_data_dir (), "balanza", NULL);
  if (opts->https_port < 0)
    opts->https_port = opts->port == 0 ? 0 : BZ_RUNTIME_DEFAULT_HTTPS_PORT;
  if (opts->port < 0)
    opts->port = BZ_RUNTIME_DEFAULT_PORT;
  if (opts->bind == NULL)
    opts->bind = g_strdup ("0.0.0.0");
  if (opts->instance_name == NULL)
    opts->instance_name = g_strdup_printf (_("Balanza on %s"), g_get_host_name ());
}

void
bz_runtime_options_clear (BzRuntimeOptions *opts)
{
  g_clear_pointer (&opts->data_dir, g_free);
  g_clear_pointer (&opts->bind, g_free);
  g_clear_pointer (&opts->cors_origins, g_strfreev);
  g_clear_pointer (&opts->tls_cert, g_free);
  g_clear_pointer (&opts->tls_key, g_free);
  g_clear_pointer (&opts->instance_name, g_free);
}

typedef struct
{
  BzRuntimeProgress func;
  gpointer user_data;
} ProgressRelay;

/* The importer reports machine phase ids; people read sentences. */
static void
relay_import_progress (const char *phase, double fraction, gpointer data)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "food-groups", N_("Importing USDA food groups") },
    { "nutrient-defs", N_("Importing nutrient definitions") },
    { "foods", N_("Importing USDA foods") },
    { "nutrients", N_("Importing nutrient values") },
    { "weights", N_("Importing household portions") },
    { "panels", N_("Computing nutrition panels") },
    { "search-index", N_("Building the food search index") },
    { "done", N_("Food database ready") },
  };
  ProgressRelay *relay = data;
  const char *label = phase;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].id, phase) == 0)
      label = _(labels[i].label);
  relay->func (label, fraction, relay->user_data);
}

/* How often the change log is read for other processes' writes: the desk
 * shows a phone's meal written through balanzad within about a second. */
#define FOLLOW_INTERVAL_MS 1000

struct _BzRuntime
{
  GObject parent_instance;
  BzStore *store;
  BzServices *services;
  BzServer *server;      /* once started */
  char *tls_fingerprint; /* with HTTPS: bz_tls_cert_fingerprint() */
  BzDiscovery *discovery;  /* the mDNS announcement, once the server listens */
  BzBlobGc *blob_gc;
  BzJobRunner *jobs;     /* the durable jobs' worker (bz-jobs.h) */
  BzStoreFollower *follower;   /* other processes' changes (bz_store_follow_changes()) */
  gboolean shut_down;
};

G_DEFINE_FINAL_TYPE (BzRuntime, bz_runtime, G_TYPE_OBJECT)

static void
bz_runtime_finalize (GObject *object)
{
  BzRuntime *self = BZ_RUNTIME (object);

  bz_runtime_shutdown (self);
  g_clear_object (&self->server);
  g_clear_object (&self->services);
  g_clear_object (&self->store);
  g_free (self->tls_fingerprint);
  G_OBJECT_CLASS (bz_runtime_parent_class)->finalize (object);
}

static void
bz_runtime_class_init (BzRuntimeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bz_runtime_finalize;
}

static void
bz_runtime_init (BzRuntime *self)
{
}

BzRuntime *
bz_runtime_open (const BzRuntimeOptions *opts, BzRuntimeProgress progress, gpointer user_data, GError **error)
{
  g_autoptr(BzStore) store = bz_store_open (opts->data_dir, error);
  g_autoptr(BzServices) services = NULL;
  BzRuntime *self;

  if (store == NULL)
    return NULL;
  if (!bz_usda_is_imported (store))
    {
      g_autofree char *source = bz_usda_default_source_dir ();
      ProgressRelay relay = { progress, user_data };
      if (!bz_usda_import (store, source, progress ? relay_import_progress : NULL, &relay, NULL, error))
        return NULL;
    }
  /* The recipe catalogue (data/recipes) once the foods it is made of are
   * there: under a second the first time, a no-op once this version of it
   * is loaded, so no progress is shown. */
  {
    g_autofree char *recipes = bz_recipe_default_source ();
    if (!bz_recipe_import (store, recipes, NULL, error))
      return NULL;
  }
  services = bz_services_new (store);
  /* The remote providers (issue 11; docs/integrations.md): DATA_DIR/integrations.conf. */
  {
    g_autofree char *path = g_build_filename (opts->data_dir, BZ_INTEGRATIONS_CONFIG_FILE, NULL);
    g_autoptr(GKeyFile) file = g_key_file_new ();
    g_autoptr(GError) local = NULL;

    if (g_file_test (path, G_FILE_TEST_EXISTS) &&
        (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local) ||
         !bz_integrations_load_config (services, file, &local)))
      {
        g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", path);
        return NULL;
      }
  }
  if (opts->demo && !bz_demo_exists (services))
    {
      if (progress)
        progress (_("Creating the demo clinic"), 0.0, user_data);
      if (!bz_demo_create (services, NULL, error))
        return NULL;
    }
  self = g_object_new (BZ_TYPE_RUNTIME, NULL);
  self->store = g_steal_pointer (&store);
  self->services = g_steal_pointer (&services);
  /* Orphan blobs (a crash between file and row, a deleted meal) are collected
   * in the background: now, then every 6 h; stopped by bz_runtime_shutdown(). */
  self->blob_gc = bz_blob_gc_start (self->store);
  /* What another process (balanzad, a second desk) writes to the same data
   * directory reaches this process's watchers within a second (issue 12). */
  self->follower = bz_store_follow_changes (self->store, FOLLOW_INTERVAL_MS);
  /* Durable jobs (bz-jobs.h): the meal plans' draft expiry.  The drafts
   * made before it was a job get theirs now (once: keyed by draft id).  The
   * services enqueue through the runner; stopped by bz_runtime_shutdown(),
   * which waits for a running job. */
  self->jobs = bz_job_runner_new (self->store);
  bz_meal_plans_register_jobs (self->jobs);
  bz_integrations_register_jobs (self->jobs);   /* webhook deliveries (issue 11) */
  bz_notifications_register_jobs (self->jobs, self->services);   /* scheduled reminders (issue 10) */
  bz_workouts_register_jobs (self->jobs, self->services);   /* the 14-day workout plan refresh (issue 11) */
  bz_meal_detection_register_jobs (self->jobs, self->services);   /* meal photos analysed later (issue 11) */
  bz_meal_images_register_jobs (self->jobs);   /* meal photos uploaded ahead expire after 24 h (issue 11) */
  bz_instagram_register_jobs (self->jobs, self->services);   /* shares to Instagram (seed 002 §5.2) */
  {
    g_autoptr(GError) local = NULL;

    if (!bz_meal_detection_schedule_pending (self->services, &local))
      g_warning ("Jobs: cannot schedule the pending meal detections: %s", local->message);
  }
  {
    g_autoptr(GError) local = NULL;
    guint n = 0;

    if (!bz_meal_plans_schedule_draft_expiry (self->services, &n, &local))
      g_warning ("Jobs: cannot schedule the expiry of existing drafts: %s", local->message);
    else if (n > 0)
      g_message ("Jobs: scheduled the expiry of %u existing meal plan drafts", n);
  }
  /* The change log's retention (issue 9): phones whose cursor is older than
   * this get 410 and resync (bz-sync-service.h). */
  {
    g_autoptr(GError) local = NULL;
    guint n = 0;

    if (!bz_sync_prune (self->services, BZ_SYNC_RETENTION_DAYS, &n, &local))
      g_warning ("Sync: cannot prune the change log: %s", local->message);
    else if (n > 0)
      g_message ("Sync: pruned %u changes older than %d days", n, BZ_SYNC_RETENTION_DAYS);
  }
  bz_services_set_job_runner (self->services, self->jobs);
  bz_job_runner_start (self->jobs);
  return self;
}

/* What pairing codes, GET /api/v1/tls and the desk say of the server
 * (bz-device-service.h): its URLs on the clinic network and its certificate. */
static void
announce_server (BzRuntime *self, BzServer *server, const BzRuntimeOptions *opts)
{
  g_autofree char *lan = bz_server_get_lan_url (server);
  g_autoptr(GUri) uri = g_uri_parse (lan, G_URI_FLAGS_NONE, NULL);
  const char *host = uri ? g_uri_get_host (uri) : "127.0.0.1";
  g_autofree char *bracketed = strchr (host, ':') ? g_strdup_printf ("[%s]", host) : g_strdup (host);
  g_autofree char *https = NULL, *http = NULL;

  if (bz_server_get_https_port (server))
    https = g_strdup_printf ("https://%s:%u", bracketed, bz_server_get_https_port (server));
  if (bz_server_get_port (server))
    http = g_strdup_printf ("http://%s:%u", bracketed, bz_server_get_port (server));
  bz_devices_set_server_info (self->services, https, https ? self->tls_fingerprint : NULL, http,
                              opts->instance_name);

  /* mDNS/DNS-SD (bz-discovery.h): phones find the HTTPS port; nothing
   * fails without an Avahi daemon.  Not for a server bound to loopback. */
  if (!g_str_has_prefix (opts->bind, "127.") && g_strcmp0 (opts->bind, "::1") != 0)
    {
      BzDiscoveryInfo info = {
        .instance_name = opts->instance_name,
        .port = bz_server_get_https_port (server) ? bz_server_get_https_port (server) : bz_server_get_port (server),
        .https_port = bz_server_get_https_port (server),
        .fingerprint = https ? self->tls_fingerprint : NULL,
        .version = PACKAGE_VERSION,
      };
      self->discovery = bz_discovery_start (&info, g_main_context_get_thread_default ());
    }
}

gboolean
bz_runtime_start_server (BzRuntime *self, const BzRuntimeOptions *opts, GError **error)
{
  g_autoptr(BzServer) server = NULL;
  BzServerLimits limits;

  g_return_val_if_fail (BZ_IS_RUNTIME (self), FALSE);
  g_return_val_if_fail (self->server == NULL && !self->shut_down, FALSE);

  if (opts->no_http && opts->no_https)
    {
      printf ("Balanza API off (HTTP is turned off in Preferences)\n");
      fflush (stdout);
      return TRUE;
    }
  server = bz_server_new (self->services);
  bz_server_set_serve_http (server, !opts->no_http);
  if (!opts->no_https)
    {
      g_autoptr(GTlsCertificate) cert = bz_runtime_tls_certificate (opts, error);
      if (cert == NULL)
        return FALSE;
      g_free (self->tls_fingerprint);
      self->tls_fingerprint = bz_tls_cert_fingerprint (cert);
      bz_server_set_tls (server, cert, opts->https_port);
    }
  bz_server_get_limits (server, &limits);
  if (opts->header_timeout_s > 0)
    limits.header_timeout_s = opts->header_timeout_s;
  if (opts->connections_per_address > 0)
    limits.connections_per_address = opts->connections_per_address;
  if (opts->api_rate_limit >= 0)
    limits.api_requests_per_minute = opts->api_rate_limit;
  bz_server_set_limits (server, &limits);
  bz_server_set_cors_origins (server, (const char *const *) opts->cors_origins);
  if (!bz_server_start (server, opts->bind, opts->port, error))
    return FALSE;
  if (!opts->no_http)
    printf ("Balanza listening on http://%s:%u\n", opts->bind, bz_server_get_port (server));
  else
    printf ("Balanza listening on https://%s:%u\n", opts->bind, bz_server_get_https_port (server));
  if (!opts->no_https)
    printf ("Balanza HTTPS on https://%s:%u sha256=%s\n", opts->bind, bz_server_get_https_port (server),
            self->tls_fingerprint);
  fflush (stdout);
  announce_server (self, server, opts);
  self->server = g_steal_pointer (&server);
  return TRUE;
}

BzServices *
bz_runtime_get_services (BzRuntime *self)
{
  g_return_val_if_fail (BZ_IS_RUNTIME (self), NULL);
  return self->services;
}

guint
bz_runtime_get_port (BzRuntime *self)
{
  g_return_val_if_fail (BZ_IS_RUNTIME (self), 0);
  return self->server && !self->shut_down ? bz_server_get_port (self->server) : 0;
}

char *
bz_runtime_dup_lan_url (BzRuntime *self)
{
  g_return_val_if_fail (BZ_IS_RUNTIME (self), NULL);
  return self->server && !self->shut_down ? bz_server_get_lan_url (self->server) : NULL;
}

guint
bz_runtime_get_https_port (BzRuntime *self)
{
  g_return_val_if_fail (BZ_IS_RUNTIME (self), 0);
  return self->server && !self->shut_down ? bz_server_get_https_port (self->server) : 0;
}

char *
bz_runtime_dup_tls_fingerprint (BzRuntime *self)
{
  g_return_val_if_fail (BZ_IS_RUNTIME (self), NULL);
  return self->server && !self->shut_down ? g_strdup (self->tls_fingerprint) : NULL;
}

guint
bz_runtime_get_connected_clients (BzRuntime *self)
{
  g_return_val_if_fail (BZ_IS_RUNTIME (self), 0);
  return self->server && !self->shut_down ? bz_server_get_connected_clients (self->server) : 0;
}

void
bz_runtime_shutdown (BzRuntime *self)
{
  g_return_if_fail (BZ_IS_RUNTIME (self));

  if (self->shut_down)
    return;
  self->shut_down = TRUE;
  g_clear_pointer (&self->discovery, bz_discovery_stop);
  if (self->server)
    bz_server_stop (self->server);
  bz_services_set_job_runner (self->services, NULL);
  g_clear_pointer (&self->follower, bz_store_follower_stop);
  g_clear_pointer (&self->jobs, bz_job_runner_free);
  g_clear_pointer (&self->blob_gc, bz_blob_gc_stop);
  bz_audit_log_flush (bz_services_get_audit_log (self->services));
  bz_store_checkpoint (self->store);
}

void
bz_runtime_init_i18n (void)
{
  g_autofree char *installed = g_build_filename (LOCALEDIR, "es", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *build_po = g_build_filename (BZ_BUILD_DIR, "po", NULL);

  setlocale (LC_ALL, "");
  /* $LANGUAGE exists from now on (empty is the same as unset to gettext), so
   * that bz_print_language_push() replaces its value later and never adds a
   * variable to the environment while other threads may read it. */
  if (g_getenv ("LANGUAGE") == NULL)
    g_setenv ("LANGUAGE", "", FALSE);
  if (!g_file_test (installed, G_FILE_TEST_EXISTS) && g_file_test (build_po, G_FILE_TEST_IS_DIR))
    bindtextdomain (GETTEXT_PACKAGE, build_po);
  else
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* GLib decides once, at the first g_dgettext() with a domain, whether to
   * translate at all: not when the default domain has no catalogue for the
   * locale and the locale is neither "C" nor "en_*" (C.UTF-8, an English desk).
   * Printed reports can be in Spanish on an English desk
   * (bz_print_language_push()), so settle it now, before textdomain(), while
   * the default domain is still "messages" (GLib then translates). */
  (void) g_dgettext (GETTEXT_PACKAGE, "");
  textdomain (GETTEXT_PACKAGE);
}
