/* bz-server.c — SoupServer on its own thread; reads inline, writes on a worker pool.
 *
 * Flow of one request:
 *   server thread: accept (per-address cap, idle timeout), route match, body
 *                  limits as the body arrives (Content-Length or chunked) and
 *                  the global cap on body bytes held, copy into a BzRequest,
 *                  then either
 *   - GET (reads; route_runs_inline()): authenticate, run the handler and
 *                  write the BzResponse right there, on the server thread;
 *   - otherwise:   pause the message and push a job to the pool;
 *     worker:      authenticate, run the handler (services, SQLite);
 *     server thread: write the BzResponse (envelope or blob with ETag/Range), unpause.
 *
 * Connections are accepted by our own GSocketService and handed to libsoup
 * with soup_server_accept_iostream(), so that Balanza decides which to take
 * (at most %BZ_CONNECTIONS_PER_ADDRESS per address) and sets their timeouts:
 * libsoup 3.2 has neither.  libsoup 3.2 keeps a connection alive only while
 * it has a listener of its own (soup-server.c, request_finished()), so it is
 * given one on a Unix socket whose path is unlinked at once: nothing can
 * connect to it.
 */
#include "bz-server.h"
#include "bz-server-private.h"

#include <gio/gunixsocketaddress.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include "config.h"

#include "bz-auth-service.h"
#include "bz-log.h"
#include "bz-rate-limiter.h"
#include "bz-router.h"

#define WORKERS 4
#define CLIENT_WINDOW_US (5 * 60 * G_USEC_PER_SEC)

G_DEFINE_FINAL_TYPE (BzServer, bz_server, G_TYPE_OBJECT)

typedef struct
{
  BzServer *self;
  SoupServerMessage *msg;
  BzRequest *req;
  const BzRoute *route;
  BzResponse *resp;
  gint64 start_us;
  gboolean disconnected;
  gulong disconnect_id;
  gboolean paused;        /* on the pool: libsoup waits for soup_server_message_unpause() */
} Job;

static void
on_disconnected (SoupServerMessage *msg, gpointer data)
{
  ((Job *) data)->disconnected = TRUE;
}

/* Counts an answered request (bz-metrics-registry.h) and logs it at INFO
 * (bz-log.h; checked first, so nothing is formatted when no writer keeps it).
 * On the server thread: @self->active_users is its own. */
static void
observe (BzServer *self, const BzRoute *route, const char *request_id, const BzCaller *caller,
         const char *method, guint status, gint64 duration_us)
{
  const char *user_id = caller ? caller->user_id : NULL;

  bz_metrics_registry_observe (self->metrics, route, status, duration_us);
  if (user_id)
    bz_metrics_registry_note_user (self->metrics, self->active_users, user_id, g_get_monotonic_time ());
  if (bz_log_requests_enabled ())
    bz_log_request (request_id, user_id, bz_metrics_registry_route_label (self->metrics, route),
                    method, status, duration_us);
}

static gboolean
finish_job (gpointer data)
{
  Job *job = data;
  BzServer *self = job->self;

  guint status = job->resp->status;
  gint64 now;

  if (!job->disconnected)
    {
      write_response (job->msg, job->resp, job->req->request_id);
      /* What was written: a blob may have become 304 or 206. */
      if (soup_server_message_get_status (job->msg) != 0)
        status = soup_server_message_get_status (job->msg);
      /* An inline job was never paused: unpausing would only queue an idle
       * source that libsoup destroys again once the answer is written. */
      if (job->paused)
        soup_server_message_unpause (job->msg);
    }
  now = g_get_monotonic_time ();
  observe (self, job->route, job->req->request_id, job->req->caller, job->req->method, status, now - job->start_us);
  if (job->disconnect_id)
    g_signal_handler_disconnect (job->msg, job->disconnect_id);
  g_object_unref (job->msg);
  bz_request_free (job->req);
  bz_response_free (job->resp);
  g_free (job);
  self->in_flight--;
  return G_SOURCE_REMOVE;
}

/* Authenticates, runs the handler and serializes its answer into job->resp:
 * on a worker, or on the server thread for routes that run inline. */
static void
process (Job *job)
{
  BzServices *svc = job->self->services;
  g_autoptr(GError) error = NULL;

  if (!(job->route->flags & BZ_ROUTE_PUBLIC))
    {
      const char *auth = soup_message_headers_get_one (job->req->headers, "Authorization");
      if (auth == NULL || g_ascii_strncasecmp (auth, "Bearer ", 7) != 0 || auth[7] == '\0')
        g_set_error (&error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, _("Authentication required"));
      else
        job->req->caller = bz_auth_verify_access_token (svc, auth + 7, &error);
      if (job->req->caller && job->req->caller->must_change_password &&
          !(job->route->flags & BZ_ROUTE_PASSWORD_PENDING))
        {
          g_set_error (&error, BZ_ERROR, BZ_ERROR_FORBIDDEN,
                       _("Choose your own password first (POST /api/v1/auth/password/change)"));
          bz_error_add_detail (error, "password", "change_required", error->message);
          g_clear_pointer (&job->req->caller, bz_caller_free);
        }
      if (job->req->caller && job->self->api_limiter)
        {
          guint retry = 0;
          if (!bz_rate_limiter_check (job->self->api_limiter, job->req->caller->user_id,
                                      g_get_monotonic_time (), &retry))
            {
              g_set_error (&error, BZ_ERROR, BZ_ERROR_RATE_LIMITED,
                           ngettext ("Too many requests. Try again in %u second.",
                                     "Too many requests. Try again in %u seconds.", retry), retry);
              bz_error_set_retry_after (error, retry);
            }
        }
    }
  if (error == NULL)
    {
      job->resp = job->route->handler (svc, job->req, &error);
      if (job->resp == NULL && error == NULL)
        g_set_error (&error, BZ_ERROR, BZ_ERROR_INTERNAL, "Handler returned no response");
    }
  if (error)
    {
      if (bz_error_http_status (error) >= 500)
        bz_log_request_error (job->req->request_id, job->req->method, job->req->path, error->message);
      g_clear_pointer (&job->resp, bz_response_free);
      job->resp = bz_response_error (g_steal_pointer (&error));
    }
  /* Serialized where the handler ran: the libsoup side only writes bytes. */
  if (!(job->resp->raw && !job->resp->error))
    job->resp->envelope = bz_envelope_serialize (job->resp, job->req->request_id, &job->resp->envelope_len);
}

static void
run_job (gpointer data, gpointer user_data)
{
  Job *job = data;

  process (job);
  /* Back to the server thread through a source (never g_main_context_invoke,
   * which would run finish_job here if the server context were not owned). */
  {
    g_autoptr(GSource) source = g_idle_source_new ();
    g_source_set_callback (source, finish_job, job, NULL);
    g_source_set_static_name (source, "[balanza] finish request");
    g_source_attach (source, job->self->context);
  }
}

/* GETs are reads of the store, which WAL never makes wait, and the
 * read-audit is queued (bz-audit.c): they run on the server thread.  Writes
 * (password hashing, photo decoding, avatar generation, transactions that may
 * wait for the write lock) and routes flagged %BZ_ROUTE_POOL go to the pool. */
static gboolean
route_runs_inline (const BzRoute *route)
{
  return strcmp (route->method, "GET") == 0 && !(route->flags & BZ_ROUTE_POOL);
}

static void
note_client (BzServer *self, const char *address)
{
  gint64 now = g_get_monotonic_time ();
  gint64 *seen;

  if (address == NULL)
    return;
  g_mutex_lock (&self->lock);
  /* A known client (nearly every request): its time, in place. */
  if ((seen = g_hash_table_lookup (self->clients, address)))
    *seen = now;
  else
    g_hash_table_insert (self->clients, g_strdup (address), g_memdup2 (&now, sizeof now));
  g_mutex_unlock (&self->lock);
}

/* --- Connections: per-address cap and idle timeout -------------------------- */

/* --- Requests: deadlines and body bytes ----------------------------------- */

/* A message's Guard is its qdata under this quark (g_object_get_data() would
 * look the string up in the quark table, under a lock, on every call). */
static G_DEFINE_QUARK (bz-guard, guard)

/* A deadline is a time in the guard, not a timeout source: the once-a-second
 * sweep of connections (bz_server_sweep_idle()) closes the connection of a
 * request whose deadline passed.  Arming one costs a clock read instead of
 * creating, attaching and destroying a GSource three times a request. */
static void
guard_arm (Guard *g, guint seconds)
{
  g->deadline_us = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
}

static void
guard_free (gpointer data)
{
  Guard *g = data;
  g->server->body_bytes -= g->reserved;
  if (g->conn)
    {
      if (g->conn->guard == g)
        g->conn->guard = NULL;
      if (g->conn->busy > 0 && --g->conn->busy == 0)
        g->conn->idle_since = g_get_monotonic_time ();
    }
  g_clear_pointer (&g->params, g_hash_table_unref);
  g_clear_object (&g->conn_owner);
  g_free (g);
}

/* SoupServer::request-read, for every request once its body is read (before
 * its handler, whatever its status): no deadline while it is answered.  One
 * handler on the server, not two signal handlers on every message. */
static void
request_read (SoupServer *server, SoupServerMessage *msg, gpointer user_data)
{
  Guard *g = g_object_get_qdata (G_OBJECT (msg), guard_quark ());
  if (g)
    g->deadline_us = 0;
}

/* Answers @error at once on the raw socket, before or in the middle of
 * reading a body that will not be read: the response, then FIN.  libsoup goes on draining
 * (and discarding) what the client still sends until it stops or the body
 * deadline closes the connection, so the client reads the answer instead of
 * a reset (the "lingering close" of nginx). */
static void
reject_mid_body (Guard *g, SoupServerMessage *msg, GError *error)
{
  g_autoptr(BzResponse) resp = bz_response_error (error);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autofree char *rid = make_request_id (soup_server_message_get_request_headers (msg));

  g->rejected = TRUE;
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_truncate (body);
  g->server->body_bytes -= g->reserved;
  g->reserved = 0;
  guard_arm (g, g->server->limits.header_timeout_s);
  soup_server_message_set_status (msg, resp->status, NULL);  /* no handler will run */
  if (g->conn == NULL)
    return;
  write_raw_and_close (g->conn->socket, g->conn->tls ? g->conn->stream : NULL, resp, rid);
}

/* A body without Content-Length (chunked): count it as it arrives. */
static void
on_got_chunk (SoupServerMessage *msg, GBytes *chunk, gpointer data)
{
  Guard *g = data;
  BzServer *self = g->server;
  gsize n = g_bytes_get_size (chunk);

  if (g->rejected)
    return;
  g->reserved += n;
  self->body_bytes += n;
  if (g->reserved > g->max_body)
    reject_mid_body (g, msg, too_large_error (g->max_body));
  else if (self->body_bytes > self->limits.body_bytes_in_flight_max)
    reject_mid_body (g, msg, busy_error ());
}

static void
request_started (SoupServer *server, SoupServerMessage *msg, gpointer user_data)
{
  BzServer *self = user_data;
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);
  Guard *g = g_new0 (Guard, 1);

  g->server = self;
  g->conn = remote ? g_object_get_qdata (G_OBJECT (remote), bz_server_conn_quark ()) : NULL;
  if (g->conn)
    {
      g->conn->busy++;
      g->conn_owner = g_object_ref (remote);
    }
  g_object_set_qdata_full (G_OBJECT (msg), guard_quark (), g, guard_free);
  guard_arm (g, self->limits.header_timeout_s);
  if (g->conn)
    g->conn->guard = g;
}

/* Runs when headers arrived, before the body is read: the body's deadline;
 * refuse oversized bodies before reading them, and bodies that would pass the
 * global cap.  The route matched here is kept for handle(). */
static void
early_handler (SoupServer *server, SoupServerMessage *msg, const char *path,
               GHashTable *query, gpointer user_data)
{
  BzServer *self = user_data;
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  Guard *g = g_object_get_qdata (G_OBJECT (msg), guard_quark ());
  GError *error = NULL;
  gsize max;

  decorate (self->cors_origins, msg);
  if (g == NULL)
    return;
  guard_arm (g, self->limits.body_timeout_s);
  bz_tls_decorate (g->conn, msg);
  g->match = bz_router_match (soup_server_message_get_method (msg), path, &g->route, &g->params);
  g->matched = TRUE;
  max = route_max_body (g->route);  /* unknown routes get the default: their body is read, then 404 */
  switch (soup_message_headers_get_encoding (h))
    {
    case SOUP_ENCODING_NONE:
      return;
    case SOUP_ENCODING_CONTENT_LENGTH:
      {
        goffset length = soup_message_headers_get_content_length (h);
        if ((gsize) length > max)
          error = too_large_error (max);
        else if (self->body_bytes + length > self->limits.body_bytes_in_flight_max)
          error = busy_error ();
        else
          {
            g->reserved = length;
            self->body_bytes += length;
          }
        break;
      }
    default:  /* chunked, or read until EOF */
      g->max_body = max;
      g_signal_connect (msg, "got-chunk", G_CALLBACK (on_got_chunk), g);
      break;
    }
  /* libsoup reads (and by default keeps) a body even after an early status:
   * answer on the socket now and let the rest be drained and discarded. */
  if (error)
    reject_mid_body (g, msg, error);
}

static void
handle (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer user_data)
{
  BzServer *self = user_data;
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  Guard *g = g_object_get_qdata (G_OBJECT (msg), guard_quark ());
  const char *host;
  g_autofree char *rid = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GBytes) body = NULL;
  const BzRoute *route = NULL;
  BzRouteMatch match;
  BzRequest *req;
  Job *job;
  gint64 start_us = g_get_monotonic_time ();

  if (soup_server_message_get_status (msg) != 0)
    return; /* answered by the early handler */

  rid = make_request_id (h);
  /* The connection's host, as libsoup would format it again for the message. */
  host = g && g->conn ? g->conn->host : soup_server_message_get_remote_host (msg);
  note_client (self, host);

  if (g && g->matched)
    {
      match = g->match;
      route = g->route;
      params = g_steal_pointer (&g->params);
    }
  else
    match = bz_router_match (method, path, &route, &params);
  if (match != BZ_ROUTE_NO_PATH && strcmp (method, "OPTIONS") == 0)
    {
      preflight (self->cors_origins, msg, rid);
      return;
    }
  switch (match)
    {
    case BZ_ROUTE_NO_PATH:
      respond_now (msg, g_error_new (BZ_ERROR, BZ_ERROR_NOT_FOUND, _("No route for %s %s"), method, path), rid);
      observe (self, NULL, rid, NULL, method, SOUP_STATUS_NOT_FOUND, g_get_monotonic_time () - start_us);
      return;
    case BZ_ROUTE_NO_METHOD:
      respond_now (msg, g_error_new (BZ_ERROR, BZ_ERROR_METHOD_NOT_ALLOWED,
                                     _("Method %s is not allowed on %s"), method, path), rid);
      observe (self, NULL, rid, NULL, method, SOUP_STATUS_METHOD_NOT_ALLOWED, g_get_monotonic_time () - start_us);
      return;
    case BZ_ROUTE_FOUND:
      break;
    }

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (g_bytes_get_size (body) > route_max_body (route))
    {
      respond_now (msg, too_large_error (route_max_body (route)), rid);
      observe (self, route, rid, NULL, method, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, g_get_monotonic_time () - start_us);
      return;
    }

  req = g_new0 (BzRequest, 1);
  req->method = g_strdup (method);
  req->path = g_strdup (path);
  req->request_id = g_steal_pointer (&rid);
  req->client_address = g_strdup (host);
  req->params = g_steal_pointer (&params);
  req->json_limits = route->json;
  if (query)
    req->query = g_hash_table_ref (query);
  req->query_string = g_strdup (g_uri_get_query (soup_server_message_get_uri (msg)));
  /* libsoup's own, not a copy: nothing changes them once the body is read,
   * and the server thread does not read them while a worker does (it reads
   * them again in finish_job(), once the worker is done). */
  req->headers = soup_message_headers_ref (h);
  req->body = g_steal_pointer (&body);
  /* The body now lives in req->body: drop libsoup's copy. */
  soup_message_body_truncate (soup_server_message_get_request_body (msg));

  job = g_new0 (Job, 1);
  job->self = self;
  job->msg = g_object_ref (msg);
  job->req = req;
  job->route = route;
  job->start_us = start_us;
  self->in_flight++;
  if (route_runs_inline (route))
    {
      /* A read: in WAL mode it never waits for a writer, and it costs less
       * than the two thread hops of the pool (BENCHMARKS.md, "p1.sh").  The
       * client cannot be seen going meanwhile: no "disconnected" handler. */
      process (job);
      finish_job (job);
      return;
    }
  job->disconnect_id = g_signal_connect (msg, "disconnected", G_CALLBACK (on_disconnected), job);
  job->paused = TRUE;
  soup_server_message_pause (msg);
  g_thread_pool_push (self->pool, job, NULL);
}

/* libsoup keeps connections alive only while it has a listener of its own:
 * give it one nobody can reach (a Unix socket whose path is removed at once). */
static gboolean
add_private_listener (BzServer *self, GError **error)
{
  g_autofree char *dir = g_dir_make_tmp ("balanza-XXXXXX", error);
  g_autofree char *path = NULL;
  g_autoptr(GSocket) sock = NULL;
  g_autoptr(GSocketAddress) addr = NULL;
  gboolean ok;

  if (dir == NULL)
    return FALSE;
  path = g_build_filename (dir, "s", NULL);
  addr = g_unix_socket_address_new (path);
  sock = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, error);
  ok = sock && g_socket_bind (sock, addr, FALSE, error) && g_socket_listen (sock, error) &&
       soup_server_listen_socket (self->soup, sock, 0, error);
  g_unlink (path);
  g_rmdir (dir);
  return ok;
}

static gpointer
server_thread (gpointer data)
{
  BzServer *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) addr = NULL;
  g_autoptr(GSocketAddress) sockaddr = NULL;
  g_autoptr(GSocketAddress) effective = NULL;
  gboolean listening;

  g_main_context_push_thread_default (self->context);

  /* No library version in Server: it only helps an attacker pick exploits. */
  self->soup = soup_server_new ("server-header", "Balanza", NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started), self);
  g_signal_connect (self->soup, "request-read", G_CALLBACK (request_read), self);
  soup_server_add_early_handler (self->soup, NULL, early_handler, self, NULL);
  soup_server_add_handler (self->soup, NULL, handle, self, NULL);
  bz_server_ws_install (self);
  /* The WebSocket paths have handlers of their own: the same body limits. */
  soup_server_add_early_handler (self->soup, "/ws", early_handler, self, NULL);
  soup_server_add_early_handler (self->soup, "/api/v1/ws", early_handler, self, NULL);

  /* Inactive until every listener is added: each g_socket_listener_add_address()
   * on an active service cancels its outstanding accept and starts another,
   * and GLib (2.74) still accept()s on the cancelled one's sockets before
   * it dispatches the cancellation, then drops that connection with a reset.
   * With HTTP and HTTPS listeners that reset the first request after a
   * start, now and then, on a busy machine (test-balanzad, test-crash). */
  self->service = g_socket_service_new ();
  g_socket_service_stop (self->service);
  g_socket_listener_set_backlog (G_SOCKET_LISTENER (self->service), 128);
  g_signal_connect (self->service, "incoming", G_CALLBACK (bz_server_on_incoming), self);

  addr = g_inet_address_new_from_string (self->bind_address);
  if (addr == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Invalid bind address %s"), self->bind_address);
  else if (!self->serve_http && self->tls_certificate == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Neither HTTP nor HTTPS is turned on"));
  else if (add_private_listener (self, &error))
    {
      if (self->serve_http)
        {
          sockaddr = g_inet_socket_address_new (addr, self->port);
          if (g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), sockaddr, G_SOCKET_TYPE_STREAM,
                                             G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error))
            self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
          g_clear_object (&sockaddr);
          g_clear_object (&effective);
        }
      else
        self->port = 0;
      /* HTTPS on its own port: the listener's source object is the
       * certificate, which tells bz_server_on_incoming() to wrap the stream. */
      if (error == NULL && self->tls_certificate)
        {
          sockaddr = g_inet_socket_address_new (addr, self->https_port);
          if (g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), sockaddr, G_SOCKET_TYPE_STREAM,
                                             G_SOCKET_PROTOCOL_TCP, G_OBJECT (self->tls_certificate),
                                             &effective, &error))
            self->https_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
        }
    }

  /* Decided before start_error is handed over: bz_server_start() steals it
   * as soon as the lock is released, so reading it after would race (and
   * run the loop of a server that failed to start, for ever). */
  listening = error == NULL;
  g_mutex_lock (&self->lock);
  self->start_error = g_steal_pointer (&error);
  self->started = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);

  if (listening)
    {
      g_socket_service_start (self->service);
      self->idle_sweep = g_timeout_source_new_seconds (1);
      g_source_set_callback (self->idle_sweep, bz_server_sweep_idle, self, NULL);
      g_source_set_static_name (self->idle_sweep, "[balanza] idle connections");
      g_source_attach (self->idle_sweep, self->context);
      g_main_loop_run (self->loop);
      g_source_destroy (self->idle_sweep);
      g_clear_pointer (&self->idle_sweep, g_source_unref);
    }

  g_socket_service_stop (self->service);
  g_socket_listener_close (G_SOCKET_LISTENER (self->service));
  bz_server_ws_shutdown (self);
  soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_object (&self->service);
  /* Let disposed connections run their finalizers on this context. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

static void
bz_server_finalize (GObject *object)
{
  BzServer *self = BZ_SERVER (object);
  bz_server_stop (self);
  /* This server's users leave the active users (before the services, which hold the registry). */
  if (self->metrics)
    bz_metrics_registry_expire_users (self->metrics, self->active_users, G_MAXINT64);
  g_clear_object (&self->services);
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->clients, g_hash_table_unref);
  g_clear_pointer (&self->active_users, g_hash_table_unref);
  g_clear_pointer (&self->open_per_address, g_hash_table_unref);
  bz_server_conns_release (self);
  g_clear_pointer (&self->conns, g_hash_table_unref);
  g_clear_pointer (&self->api_limiter, bz_rate_limiter_free);
  g_strfreev (self->cors_origins);
  g_clear_error (&self->start_error);
  g_free (self->bind_address);
  g_clear_object (&self->tls_certificate);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  G_OBJECT_CLASS (bz_server_parent_class)->finalize (object);
}

static void
bz_server_class_init (BzServerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bz_server_finalize;
}

static void
bz_server_init (BzServer *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->clients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->open_per_address = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->conns = g_hash_table_new (NULL, NULL);
  self->active_users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->limits = (BzServerLimits) {
    .header_timeout_s = BZ_HEADER_TIMEOUT_S,
    .body_timeout_s = BZ_BODY_TIMEOUT_S,
    .connections_per_address = BZ_CONNECTIONS_PER_ADDRESS,
    .body_bytes_in_flight_max = BZ_BODY_BYTES_IN_FLIGHT_MAX,
    .api_requests_per_minute = BZ_API_REQUESTS_PER_MINUTE,
  };
  self->serve_http = TRUE;
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
}

BzServer *
bz_server_new (BzServices *services)
{
  BzServer *self = g_object_new (BZ_TYPE_SERVER, NULL);
  self->services = g_object_ref (services);
  self->metrics = bz_metrics_registry_get (services);
  return self;
}

void
bz_server_set_limits (BzServer *self, const BzServerLimits *limits)
{
  g_return_if_fail (self->thread == NULL);
  self->limits = *limits;
}

void
bz_server_get_limits (BzServer *self, BzServerLimits *out)
{
  *out = self->limits;
}

void
bz_server_set_cors_origins (BzServer *self, const char *const *origins)
{
  g_return_if_fail (self->thread == NULL);
  g_strfreev (self->cors_origins);
  self->cors_origins = origins && origins[0] ? g_strdupv ((char **) origins) : NULL;
}

void
bz_server_set_tls (BzServer *self, GTlsCertificate *certificate, guint https_port)
{
  g_return_if_fail (self->thread == NULL);
  g_set_object (&self->tls_certificate, certificate);
  self->https_port = https_port;
}

void
bz_server_set_serve_http (BzServer *self, gboolean serve_http)
{
  g_return_if_fail (self->thread == NULL);
  self->serve_http = serve_http;
}

guint
bz_server_get_https_port (BzServer *self)
{
  return self->tls_certificate ? self->https_port : 0;
}

gboolean
bz_server_start (BzServer *self, const char *bind_address, guint port, GError **error)
{
  g_return_val_if_fail (self->thread == NULL, FALSE);

  self->bind_address = g_strdup (bind_address);
  self->port = port;
  if (self->limits.api_requests_per_minute > 0)
    self->api_limiter = bz_rate_limiter_new_counting (self->limits.api_requests_per_minute,
                                                      60 * (gint64) G_USEC_PER_SEC);
  /* Exclusive: the workers (and their SQLite connections) live as long as the server. */
  self->pool = g_thread_pool_new (run_job, self, WORKERS, TRUE, NULL);
  self->thread = g_thread_new ("bz-server", server_thread, self);

  g_mutex_lock (&self->lock);
  while (!self->started)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);

  if (self->start_error)
    {
      g_propagate_error (error, g_steal_pointer (&self->start_error));
      g_thread_join (g_steal_pointer (&self->thread));
      g_thread_pool_free (g_steal_pointer (&self->pool), TRUE, TRUE);
      return FALSE;
    }
  return TRUE;
}

static gboolean
close_listeners (gpointer data)
{
  BzServer *self = data;
  g_socket_service_stop (self->service);
  g_socket_listener_close (G_SOCKET_LISTENER (self->service));
  bz_server_ws_close_all (self);
  return G_SOURCE_REMOVE;
}

static gboolean
drain_and_quit (gpointer data)
{
  BzServer *self = data;
  /* Responses of finished jobs are queued on this context: let them be written. */
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while ((self->in_flight > 0 || g_main_context_pending (self->context)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (self->context, FALSE);
  g_main_loop_quit (self->loop);
  return G_SOURCE_REMOVE;
}

void
bz_server_stop (BzServer *self)
{
  if (self->thread == NULL)
    return;
  g_main_context_invoke (self->context, close_listeners, self);
  /* Wait for the handlers already queued or running. */
  g_thread_pool_free (g_steal_pointer (&self->pool), FALSE, TRUE);
  g_main_context_invoke (self->context, drain_and_quit, self);
  g_thread_join (g_steal_pointer (&self->thread));
}

guint
bz_server_get_port (BzServer *self)
{
  return self->port;
}

char *
bz_server_get_lan_url (BzServer *self)
{
  g_autofree char *host = NULL;
  if (g_strcmp0 (self->bind_address, "0.0.0.0") == 0 || g_strcmp0 (self->bind_address, "::") == 0)
    host = first_lan_ipv4 ();
  else
    host = g_strdup (self->bind_address);
  if (self->port == 0 && self->tls_certificate)
    return g_strdup_printf ("https://%s:%u", host, self->https_port);
  return g_strdup_printf ("http://%s:%u", host, self->port);
}

guint
bz_server_get_connected_clients (BzServer *self)
{
  GHashTableIter it;
  gpointer value;
  gint64 now = g_get_monotonic_time ();
  guint n = 0;

  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&it, self->clients);
  while (g_hash_table_iter_next (&it, NULL, &value))
    {
      if (now - *(gint64 *) value <= CLIENT_WINDOW_US)
        n++;
      else
        g_hash_table_iter_remove (&it);
    }
  g_mutex_unlock (&self->lock);
  return n;
}
