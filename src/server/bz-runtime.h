/* bz-runtime.h — what `balanza` and `balanzad` share: options, store, server.
 *
 * Options: --data-dir DIR (default $XDG_DATA_HOME/balanza), --port N (default
 * 8420; 0 = any free port), --bind ADDR (default 0.0.0.0), --demo (create the
 * demo clinic when the data dir is empty), --cors-origin ORIGIN (repeatable),
 * --header-timeout S, --max-connections-per-address N, --api-rate-limit N.  `balanza` adds --kiosk.
 */
#pragma once

#include "bz-server.h"

G_BEGIN_DECLS

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
} BzRuntimeOptions;

/** bz_runtime_option_entries: Returns: (transfer none): GOptionEntry array filling @opts. */
const GOptionEntry *bz_runtime_option_entries (BzRuntimeOptions *opts, gboolean with_kiosk);

/** bz_runtime_options_finish: applies defaults after parsing. */
void bz_runtime_options_finish (BzRuntimeOptions *opts);
void bz_runtime_options_clear (BzRuntimeOptions *opts);

/** BzRuntimeProgress: (phase, fraction 0..1) during first start (food import, demo). */
typedef void (*BzRuntimeProgress) (const char *phase, double fraction, gpointer user_data);

/**
 * bz_runtime_open:
 * Opens the store in opts->data_dir, imports USDA foods on first start,
 * creates the demo clinic when opts->demo and the store has no users.
 * Blocking: call from a worker thread in the GUI.
 * Returns: (transfer full): the services, or %NULL.
 */
BzServices *bz_runtime_open (const BzRuntimeOptions *opts, BzRuntimeProgress progress,
                             gpointer user_data, GError **error);

/**
 * bz_runtime_start_server:
 * Starts the server and prints exactly one line
 * "Balanza listening on http://ADDR:PORT" on stdout, flushed.
 * Returns: (transfer full): the running server.
 */
BzServer   *bz_runtime_start_server (BzServices *services, const BzRuntimeOptions *opts, GError **error);

/**
 * bz_runtime_shutdown:
 * Stops the server (in-flight requests finish) and checkpoints the WAL.
 */
void        bz_runtime_shutdown (BzServer *server, BzServices *services);

/**
 * bz_runtime_init_i18n:
 * Sets the locale from the environment and binds the "balanza" text domain:
 * to the installed catalogues (LOCALEDIR) when they exist, else to the build
 * tree's po/ (so an uninstalled `tools/dev run` speaks the desktop's language).
 */
void        bz_runtime_init_i18n (void);

G_END_DECLS
