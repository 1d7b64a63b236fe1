/* bz-server-private.h — BzServer's state and the helpers shared by
 * bz-server.c (requests), bz-server-conn.c (connections) and
 * bz-server-http.c (what is written on the wire). */
#pragma once

#include "bz-metrics-registry.h"
#include "bz-rate-limiter.h"
#include "bz-router.h"
#include "bz-server.h"

G_BEGIN_DECLS

struct _BzServer
{
  GObject parent_instance;
  BzServices *services;

  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  SoupServer *soup;
  GSocketService *service;
  GThreadPool *pool;

  char *bind_address;
  guint port;            /* HTTP; 0 when plain HTTP is off */
  gboolean serve_http;   /* bz_server_set_serve_http(); TRUE by default */
  GTlsCertificate *tls_certificate; /* bz_server_set_tls(); NULL: no HTTPS */
  guint https_port;      /* asked, then bound (after start) */
  BzServerLimits limits;
  char **cors_origins;   /* allowed Origins (NULL: same-origin only) */
  GError *start_error;
  gboolean started;
  GMutex lock;
  GCond cond;
  GHashTable *clients;   /* address -> gint64 last seen (µs, monotonic); guarded by lock */
  GHashTable *open_per_address; /* host -> open connections; server thread only */
  GHashTable *conns;     /* Conn * set: every open connection; server thread only */
  GSource *idle_sweep;   /* closes idle connections once a second */
  BzRateLimiter *api_limiter; /* per user; NULL when unlimited */
  gsize body_bytes;      /* request body bytes held in memory; server thread only */
  gint in_flight;        /* server thread only */
  GHashTable *websockets; /* open WebSockets (bz-server-ws.c); server thread only */
  BzRateLimiter *ws_limiter; /* client frames per socket (bz-server-ws.c) */
  GSource *ws_sweep;     /* marks silent gym machines offline (bz-server-ws.c) */
  gint *ws_sweep_busy;   /* g_atomic_rc_box: a sweep is running on a worker */
  BzMetricsRegistry *metrics; /* the services' (bz-metrics-registry.h) */
  GHashTable *active_users; /* user id -> gint64 * last request (µs); server thread only */
};

/* One accepted connection, attached to the GSocketAddress that libsoup keeps
 * as the connection's remote address (so a message finds it through
 * soup_server_message_get_remote_address()); freed with the connection. */
typedef struct
{
  BzServer *server;
  GSocket *socket;       /* weak: cleared when libsoup lets the connection go */
  GIOStream *stream;     /* weak: the GSocketConnection handed to libsoup */
  char *host;
  guint busy;            /* requests started and not yet finished */
  gint64 idle_since;     /* monotonic µs; meaningful when !busy */
  gboolean counted;      /* still counted in open_per_address and conns */
  gboolean tls;          /* accepted on the HTTPS port: @stream is its GTlsServerConnection */
  struct _Guard *guard;  /* the request being read, whose deadline counts (NULL: none) */
} Conn;

/* One request's guard: its deadline, the body bytes it holds, and its route
 * (matched once, when its headers arrived). */
typedef struct _Guard
{
  BzServer *server;
  Conn *conn;
  GSocketAddress *conn_owner;  /* holds @conn alive (it is freed with this address) */
  gint64 deadline_us;    /* monotonic; 0: none.  bz_server_sweep_idle() closes the
                          * connection once it passed (a second late at most) */
  gsize max_body;
  gsize reserved;
  gboolean rejected;     /* answered by us before its body was read */
  gboolean matched;      /* the early handler matched the route: the four below */
  BzRouteMatch match;
  const BzRoute *route;
  GHashTable *params;    /* (nullable) (owned): taken by the handler */
} Guard;


/** bz_server_conn_quark: Returns: the quark under which a connection's remote GSocketAddress holds its Conn. */
GQuark      bz_server_conn_quark  (void);
/** bz_server_on_incoming: GSocketService::incoming: takes or refuses a connection, hands it to libsoup. */
gboolean    bz_server_on_incoming (GSocketService *service, GSocketConnection *connection, GObject *source,
                                   gpointer user_data);
/** bz_server_sweep_idle: once a second: closes idle and abandoned connections. */
gboolean    bz_server_sweep_idle  (gpointer data);
/** bz_server_conns_release: at finalize: Conns freed later by libsoup leave the server alone. */
void        bz_server_conns_release (BzServer *self);

/** bz_server_ws_install: on the server thread, after the SoupServer exists: the /ws and /api/v1/ws handlers. */
void        bz_server_ws_install   (BzServer *self);
/** bz_server_ws_close_all: starts closing every open WebSocket (1001, going away). */
void        bz_server_ws_close_all (BzServer *self);
/** bz_server_ws_shutdown: once the loop stopped: drops the WebSockets left and the handlers' state. */
void        bz_server_ws_shutdown  (BzServer *self);

/** make_request_id: Returns: (transfer full): the client's X-Request-Id if sane, else a new one. */
char       *make_request_id (SoupMessageHeaders *headers);
/** write_response: sets @msg's status, headers and body from @resp (envelope or blob). */
void        write_response  (SoupServerMessage *msg, BzResponse *resp, const char *request_id);
/** respond_now: answers @msg with the envelope of @error (taken). */
void        respond_now     (SoupServerMessage *msg, GError *error, const char *request_id);
/** route_max_body: Returns: @route's body limit in bytes (the JSON default when unknown or unset). */
gsize       route_max_body  (const BzRoute *route);
/** too_large_error: Returns: (transfer full): 413 for a body over @max bytes. */
GError     *too_large_error (gsize max);
/** busy_error: Returns: (transfer full): 503 with Retry-After when body bytes pass the global cap. */
GError     *busy_error      (void);
/** decorate: the security headers, and CORS for @cors_origins (NULL: same origin only). */
void        decorate        (char **cors_origins, SoupServerMessage *msg);
/** preflight: answers an OPTIONS request (204 with the CORS policy, or 403). */
void        preflight       (char **cors_origins, SoupServerMessage *msg, const char *rid);
/** write_raw_and_close: writes @resp as a complete HTTP/1.1 answer on @socket (through
 * @tls when not %NULL: an HTTPS connection), then FIN (for a request whose body libsoup
 * will drain and discard). */
void        write_raw_and_close (GSocket *socket, GIOStream *tls, const BzResponse *resp, const char *rid);

/* bz-tls.c */
/** bz_tls_accept: wraps @c's accepted @connection in a GTlsServerConnection with the
 * server's certificate, and hands it to libsoup once the handshake succeeded (closes it
 * when it fails). */
void        bz_tls_accept (BzServer *self, Conn *c, GSocketConnection *connection,
                           GSocketAddress *local, GSocketAddress *remote);
/** bz_tls_decorate: on an HTTPS connection (@c->tls), Strict-Transport-Security on @msg's answer. */
void        bz_tls_decorate (Conn *c, SoupServerMessage *msg);
/** first_lan_ipv4: Returns: (transfer full): the address the default route would use. */
char       *first_lan_ipv4  (void);

G_END_DECLS
