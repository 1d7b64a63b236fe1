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

/**
 * BzServerLimits:
 * @header_timeout_s: a request's headers must arrive within this many seconds
 *   of its first byte; also the idle timeout of every socket read or write
 *   (so of an idle kept-alive connection)
 * @body_timeout_s: a request's body must arrive within this many seconds of
 *   its headers
 * @connections_per_address: connections open at once from one address;
 *   further ones are closed as they are accepted
 * @body_bytes_in_flight_max: request body bytes held in memory at once,
 *   across all requests; past it a request gets 503 with Retry-After
 * @api_requests_per_minute: authenticated requests per user per minute;
 *   past it 429 with Retry-After; 0 = no limit
 *
 * Defaults and their sources: bz-limits.h.  Changed only before
 * bz_server_start() (tests use short timeouts).
 */
typedef struct
{
  guint header_timeout_s;
  guint body_timeout_s;
  guint connections_per_address;
  gsize body_bytes_in_flight_max;
  guint api_requests_per_minute;
} BzServerLimits;

/** bz_server_new: Returns: (transfer full): a stopped server over @services. */
BzServer   *bz_server_new          (BzServices *services);

/**
 * bz_server_start:
 * @bind_address: e.g. "0.0.0.0", "127.0.0.1"
 * @port: TCP port; 0 picks a free one
 * Starts the server thread and blocks until it listens.
 * Errors: G_IO_ERROR (address in use, ...).
 */
/** bz_server_set_limits: replaces the connection limits; before bz_server_start() only. */
void        bz_server_set_limits   (BzServer *self, const BzServerLimits *limits);
/** bz_server_get_limits: copies the limits in force into @out. */
void        bz_server_get_limits   (BzServer *self, BzServerLimits *out);

/**
 * bz_server_set_cors_origins:
 * @origins: (nullable) (array zero-terminated=1): Origins allowed to call the
 *   API from a browser ("https://app.example.mx", or "*"); %NULL or empty
 *   keeps the default, same-origin only (preflights from other origins get 403)
 *
 * Before bz_server_start() only.
 */
void        bz_server_set_cors_origins (BzServer *self, const char *const *origins);

gboolean    bz_server_start        (BzServer *self, const char *bind_address, guint port, GError **error);

/**
 * bz_server_set_tls:
 * @certificate: (nullable): the certificate with its private key
 *   (bz-tls-cert.h); %NULL: no HTTPS
 * @https_port: TCP port of HTTPS; 0 picks a free one
 *
 * Serves HTTPS on @https_port beside HTTP: each connection accepted there is
 * wrapped in a GTlsServerConnection (GLib's TLS, glib-networking's GnuTLS
 * backend) and handed to libsoup after its handshake; its answers carry
 * Strict-Transport-Security.  Before bz_server_start() only.
 */
void        bz_server_set_tls      (BzServer *self, GTlsCertificate *certificate, guint https_port);

/**
 * bz_server_set_serve_http:
 * @serve_http: %FALSE: no plain-HTTP port (bz_server_get_port() is then 0);
 *   HTTPS must be set then, or bz_server_start() fails
 *
 * Before bz_server_start() only.  %TRUE by default.
 */
void        bz_server_set_serve_http (BzServer *self, gboolean serve_http);

/** bz_server_get_https_port: Returns: the bound HTTPS port (after start), or 0 without HTTPS. */
guint       bz_server_get_https_port (BzServer *self);

/** bz_server_stop: stops accepting, lets in-flight requests finish, joins the thread. */
void        bz_server_stop         (BzServer *self);

/** bz_server_get_port: Returns: the bound plain-HTTP port (after start); 0 when HTTP is off. */
guint       bz_server_get_port     (BzServer *self);

/**
 * bz_server_get_lan_url:
 * Returns: (transfer full): the URL phones use, e.g. "http://192.168.1.20:8420"
 * (the first non-loopback IPv4 address when bound to 0.0.0.0); the HTTPS URL
 * when plain HTTP is off.
 */
char       *bz_server_get_lan_url  (BzServer *self);

/**
 * bz_server_get_connected_clients:
 * Returns: distinct client addresses (other than this machine's GUI) that made a
 * request in the last 5 minutes — "phones connected".
 */
guint       bz_server_get_connected_clients (BzServer *self);

G_END_DECLS
