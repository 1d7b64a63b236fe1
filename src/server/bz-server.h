/* bz-server.h — the embedded HTTP API server (libsoup3) on its own thread.
 *
 * The server runs a SoupServer on a dedicated thread with its own
 * GMainContext; request handlers run on a worker pool (each worker with its
 * own SQLite connection) and their responses are sent back on the server
 * thread.  See ARCHITECTURE.md "Threads and data flow".
 */
#pragma once

#include "bz-services.h"

G_BEGIN_DECLS

#define BZ_TYPE_SERVER (bz_server_get_type ())
G_DECLARE_FINAL_TYPE (BzServer, bz_server, BZ, SERVER, GObject)

/** bz_server_new: Returns: (transfer full): a stopped server over @services. */
BzServer   *bz_server_new          (BzServices *services);

/**
 * bz_server_start:
 * @bind_address: e.g. "0.0.0.0", "127.0.0.1"
 * @port: TCP port; 0 picks a free one
 * Starts the server thread and blocks until it listens.
 * Errors: G_IO_ERROR (address in use, ...).
 */
gboolean    bz_server_start        (BzServer *self, const char *bind_address, guint port, GError **error);

/** bz_server_stop: stops accepting, lets in-flight requests finish, joins the thread. */
void        bz_server_stop         (BzServer *self);

/** bz_server_get_port: Returns: the bound port (after start). */
guint       bz_server_get_port     (BzServer *self);

/**
 * bz_server_get_lan_url:
 * Returns: (transfer full): the URL phones use, e.g. "http://192.168.1.20:8420"
 * (the first non-loopback IPv4 address when bound to 0.0.0.0).
 */
char       *bz_server_get_lan_url  (BzServer *self);

/**
 * bz_server_get_connected_clients:
 * Returns: distinct client addresses (other than this machine's GUI) that made a
 * request in the last 5 minutes — "phones connected".
 */
guint       bz_server_get_connected_clients (BzServer *self);

G_END_DECLS
