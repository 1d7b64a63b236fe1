/* bz-runtime.h — the composition root that `balanza` and `balanzad` share:
 * options, then the store, the services over it and the API server over them.
 *
 * Options: --data-dir DIR (default $XDG_DATA_HOME/balanza), --port N (default
 * 8420; 0 = any free port), --bind ADDR (default 0.0.0.0), --demo (create the
 * demo clinic when the data dir is empty), --cors-origin ORIGIN (repeatable),
 * --header-timeout S, --max-connections-per-address N, --api-rate-limit N,
 * --https-port N (default 8421), --no-http, --no-https, --tls-cert FILE and
 * --tls-key FILE (the clinic's own PEM pair instead of the generated one in
 * DATA_DIR/tls/), --instance-name NAME (default "Balanza on HOST").  `balanza` adds --kiosk.
 *
 * DATA_DIR/integrations.conf, when present, configures the remote providers
 * (bz_integrations_load_config(), docs/integrations.md); a bad one stops the start.
 *
 * Only bz-runtime.c knows the store and the server: callers get the services
 * (bz-services.h) and the server's address, nothing below them.
 */
#pragma once

#include <gio/gio.h>

#include "bz-services.h"

G_BEGIN_DECLS

/** BZ_RUNTIME_DEFAULT_PORT: the API's TCP port when --port is not given
 * (also the GSettings key server-port's default, data/org.balanza.Balanza.gschema.xml). */
#define BZ_RUNTIME_DEFAULT_PORT 8420

/** BZ_RUNTIME_DEFAULT_HTTPS_PORT: the HTTPS port when --https-port is not given: the
 * one after the HTTP port (also the GSettings key https-port's default).  With --port 0
 * and no --https-port, HTTPS also takes any free port (tests run side by side). */
#define BZ_RUNTIME_DEFAULT_HTTPS_PORT 8421

typedef struct
{
  char *data_dir;
  int port;
  char *bind;
  gboolean demo;
  gboolean kiosk;
  char **cors_origins;          /* --cors-origin, repeatable */
  int header_timeout_s;         /* --header-timeout; 0 = BZ_HEADER_TIMEOUT_S */
  int connections_per_address;  /* --max-connections-per-address; 0 = BZ_CONNECTIONS_PER_ADDRESS */
  int api_rate_limit;           /* --api-rate-limit; -1 = BZ_API_REQUESTS_PER_MINUTE, 0 = off */
  gboolean no_http;             /* --no-http, GSettings serve-http off: no plain-HTTP port */
  gboolean no_https;            /* --no-https, GSettings serve-https off: no HTTPS port */
  int https_port;               /* --https-port; -1 = BZ_RUNTIME_DEFAULT_HTTPS_PORT */
  char *tls_cert;               /* --tls-cert: the clinic's own PEM certificate (with --tls-key) */
  char *tls_key;                /* --tls-key: its PEM private key */
  char *instance_name;          /* --instance-name: the certificate's CN and the mDNS name */
} BzRuntimeOptions;

/** bz_runtime_option_entries: Returns: (transfer none): GOptionEntry array filling @opts. */
const GOptionEntry *bz_runtime_option_entries (BzRuntimeOptions *opts, gboolean with_kiosk);

/** BZ_RUNTIME_SETTINGS_SCHEMA: the desk's GSettings schema (data/org.balanza.Balanza.gschema.xml). */
#define BZ_RUNTIME_SETTINGS_SCHEMA "org.balanza.Balanza"

/**
 * bz_runtime_settings_new:
 *
 * The desk's preferences: the installed schema (the default schema source,
 * which $GSETTINGS_SCHEMA_DIR extends), else the one compiled in the build
 * tree's data/ (an uninstalled `tools/dev run`), on the default backend
 * ($GSETTINGS_BACKEND=memory in tests).
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL when no schema
 *   is found (then callers use the built-in defaults).
 */
GSettings  *bz_runtime_settings_new (void);

/**
 * bz_runtime_options_apply_settings:
 * @settings: from bz_runtime_settings_new()
 *
 * What the GUI takes from the desk's preferences, where the command line left
 * it unset (flags win): --port from server-port, --https-port from https-port,
 * --bind from server-bind-address; no plain HTTP when serve-http is off, no
 * HTTPS when serve-https is off.  Call between parsing and bz_runtime_options_finish();
 * balanzad does not call it (it is configured by its flags alone).
 */
void        bz_runtime_options_apply_settings (BzRuntimeOptions *opts, GSettings *settings);

/** bz_runtime_options_finish: applies defaults after parsing. */
void bz_runtime_options_finish (BzRuntimeOptions *opts);
void bz_runtime_options_clear (BzRuntimeOptions *opts);

/** BzRuntimeProgress: (phase, fraction 0..1) during first start (food import, demo). */
typedef void (*BzRuntimeProgress) (const char *phase, double fraction, gpointer user_data);

/**
 * BzRuntime:
 * The store, the services and (once started) the API server of one data dir.
 * Opened on any thread (a worker in the GUI), then used from one thread;
 * bz_runtime_get_services() and bz_runtime_get_connected_clients() are thread-safe.
 */
#define BZ_TYPE_RUNTIME (bz_runtime_get_type ())
G_DECLARE_FINAL_TYPE (BzRuntime, bz_runtime, BZ, RUNTIME, GObject)

/**
 * bz_runtime_open:
 * @progress: (nullable) (scope call): told each phase of a first start
 *
 * Opens the store in opts->data_dir, imports USDA foods on first start,
 * creates the demo clinic when opts->demo and the store has no users, and
 * starts collecting orphan blobs in the background (now, then every 6 h).
 * Blocking: call from a worker thread in the GUI.
 * Returns: (transfer full): the runtime, without a server yet; or %NULL with @error.
 */
BzRuntime  *bz_runtime_open (const BzRuntimeOptions *opts, BzRuntimeProgress progress,
                             gpointer user_data, GError **error);

/**
 * bz_runtime_start_server:
 * @opts: bind address, port, CORS origins and connection limits
 *
 * Starts the API server over the runtime's services and prints on stdout,
 * flushed, the line "Balanza listening on http://ADDR:PORT" (the https URL
 * when plain HTTP is off), then with HTTPS the line "Balanza HTTPS on
 * https://ADDR:PORT sha256=FINGERPRINT".  HTTPS uses --tls-cert/--tls-key, or
 * the certificate in DATA_DIR/tls/, made at first start (bz-tls-cert.h).
 * With both opts->no_http and opts->no_https no server starts: it prints
 * "Balanza API off (HTTP is turned off in Preferences)" instead, and the
 * runtime has no port and no LAN URL.
 * Returns: %TRUE when the server is listening; %FALSE with @error.
 */
gboolean    bz_runtime_start_server (BzRuntime *self, const BzRuntimeOptions *opts, GError **error);

/** bz_runtime_get_services: Returns: (transfer none): the service layer. Thread-safe. */
BzServices *bz_runtime_get_services (BzRuntime *self);

/** bz_runtime_get_port: Returns: the server's bound TCP port, or 0 when it is not running. */
guint       bz_runtime_get_port     (BzRuntime *self);

/**
 * bz_runtime_dup_lan_url:
 * Returns: (transfer full) (nullable): the URL phones on the network use
 *   (the first LAN IPv4 address when bound to all addresses), or %NULL when
 *   the server is not running.
 */
char       *bz_runtime_dup_lan_url  (BzRuntime *self);

/** bz_runtime_get_https_port: Returns: the bound HTTPS port, or 0 without HTTPS. */
guint       bz_runtime_get_https_port (BzRuntime *self);

/**
 * bz_runtime_dup_tls_fingerprint:
 * Returns: (transfer full) (nullable): the SHA-256 of the HTTPS certificate
 *   (DER), 64 lowercase hex digits (bz_tls_cert_fingerprint()); %NULL without HTTPS.
 */
char       *bz_runtime_dup_tls_fingerprint (BzRuntime *self);

/** bz_runtime_get_connected_clients: Returns: how many phones called the API lately (0 without a server). */
guint       bz_runtime_get_connected_clients (BzRuntime *self);

/**
 * bz_runtime_shutdown:
 * Stops the server (in-flight requests finish) and the blob collector, writes
 * the queued record-access audit rows and checkpoints the WAL.  Idempotent;
 * finalizing a runtime that was not shut down does it.
 */
void        bz_runtime_shutdown     (BzRuntime *self);

/**
 * bz_runtime_init_i18n:
 * Sets the locale from the environment and binds the "balanza" text domain:
 * to the installed catalogues (LOCALEDIR) when they exist, else to the build
 * tree's po/ (so an uninstalled `tools/dev run` speaks the desktop's language).
 * Creates $LANGUAGE, empty, when it is unset (see bz_print_language_push()).
 */
void        bz_runtime_init_i18n (void);

/**
 * bz_runtime_backup:
 * @opts: options after bz_runtime_options_finish() (their data_dir)
 * @file: the backup's database file; @file.blobs/ gets the blobs
 * @error: BZ_ERROR_NOT_FOUND, CONFLICT, UNAVAILABLE or INTERNAL, as
 *   bz_store_backup() (bz-store-backup.h, which describes the layout)
 *
 * `balanzad --backup FILE`: a consistent online copy of opts->data_dir's
 * database (SQLite backup API) and blobs, whether or not a server is
 * running on it; no runtime is opened.  Missing or damaged blobs of the
 * source are logged and counted in the report.
 *
 * Returns: (transfer full): what was written, translated, one line per
 *   file, or %NULL with @error.
 */
char       *bz_runtime_backup (const BzRuntimeOptions *opts, const char *file, GError **error);

G_END_DECLS
