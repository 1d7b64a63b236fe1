/* bz-server.c — SoupServer on its own thread; handlers on a worker pool.
 *
 * Flow of one request:
 *   server thread: route match, body limits, copy into a BzRequest, pause the
 *                  message and push a job to the pool;
 *   worker:        authenticate, run the handler (services, SQLite);
 *   server thread: write the BzResponse (envelope or blob with ETag/Range), unpause.
 */
#include "bz-server.h"

#include <glib/gi18n.h>

#include "config.h"

#include "bz-auth-service.h"
#include "bz-router.h"

#define WORKERS 4
#define CLIENT_WINDOW_US (5 * 60 * G_USEC_PER_SEC)

struct _BzServer
{
  GObject parent_instance;
  BzServices *services;

  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  SoupServer *soup;
  GThreadPool *pool;

  char *bind_address;
  guint port;
  GError *start_error;
  gboolean started;
  GMutex lock;
  GCond cond;
  GHashTable *clients;   /* address -> gint64 last seen (µs, monotonic); guarded by lock */
  gint in_flight;        /* server thread only */
};

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
} Job;

static void
on_disconnected (SoupServerMessage *msg, gpointer data)
{
  ((Job *) data)->disconnected = TRUE;
}

static char *
make_request_id (SoupMessageHeaders *headers)
{
  const char *given = soup_message_headers_get_one (headers, "X-Request-Id");
  if (given && strlen (given) > 0 && strlen (given) <= 64)
    {
      gboolean ok = TRUE;
      for (const char *p = given; *p && ok; p++)
        ok = g_ascii_isalnum (*p) || *p == '-' || *p == '_';
      if (ok)
        return g_strdup (given);
    }
  guint32 r[2] = { g_random_int (), g_random_int () };
  return g_strdup_printf ("req_%08x%08x", r[0], r[1]);
}

static void
write_envelope (SoupServerMessage *msg, const BzResponse *resp, const char *request_id)
{
  gsize len = 0;
  char *body = bz_envelope_serialize (resp, request_id, &len);
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, resp->status, NULL);
  soup_message_headers_replace (h, "Cache-Control", "no-store");
  if (resp->error && bz_error_get_retry_after (resp->error) > 0)
    {
      g_autofree char *ra = g_strdup_printf ("%u", bz_error_get_retry_after (resp->error));
      soup_message_headers_replace (h, "Retry-After", ra);
    }
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_TAKE, body, len);
}

static void
write_blob (SoupServerMessage *msg, const BzResponse *resp)
{
  SoupMessageHeaders *req_h = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);
  g_autofree char *etag = g_strdup_printf ("\"%s\"", resp->etag);
  const char *inm = soup_message_headers_get_one (req_h, "If-None-Match");
  gsize total = g_bytes_get_size (resp->raw);
  SoupRange *ranges = NULL;
  int n_ranges = 0;

  soup_message_headers_replace (h, "ETag", etag);
  soup_message_headers_replace (h, "Accept-Ranges", "bytes");
  if (resp->immutable)
    soup_message_headers_replace (h, "Cache-Control", "private, max-age=31536000, immutable");

  if (inm && (strstr (inm, etag) || strcmp (inm, "*") == 0))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  if (soup_message_headers_get_ranges (req_h, total, &ranges, &n_ranges))
    {
      if (n_ranges == 1)
        {
          goffset start = ranges[0].start, end = ranges[0].end;
          g_autoptr(GBytes) part = g_bytes_new_from_bytes (resp->raw, start, end - start + 1);
          soup_server_message_set_status (msg, SOUP_STATUS_PARTIAL_CONTENT, NULL);
          soup_message_headers_set_content_range (h, start, end, total);
          soup_message_headers_set_content_type (h, resp->content_type, NULL);
          soup_message_body_append_bytes (soup_server_message_get_response_body (msg), part);
          soup_message_headers_free_ranges (req_h, ranges);
          return;
        }
      soup_message_headers_free_ranges (req_h, ranges);
    }
  else if (soup_message_headers_get_one (req_h, "Range"))
    {
      g_autofree char *cr = g_strdup_printf ("bytes */%" G_GSIZE_FORMAT, total);
      soup_server_message_set_status (msg, SOUP_STATUS_REQUESTED_RANGE_NOT_SATISFIABLE, NULL);
      soup_message_headers_replace (h, "Content-Range", cr);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (h, resp->content_type, NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), resp->raw);
}

static void
write_response (SoupServerMessage *msg, const BzResponse *resp, const char *request_id)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "X-Request-Id", request_id);
  if (resp->raw && !resp->error)
    write_blob (msg, resp);
  else
    write_envelope (msg, resp, request_id);
}

static void
respond_now (SoupServerMessage *msg, GError *error, const char *request_id)
{
  g_autoptr(BzResponse) resp = bz_response_error (error);
  write_response (msg, resp, request_id);
}

static gboolean
finish_job (gpointer data)
{
  Job *job = data;
  BzServer *self = job->self;

  if (!job->disconnected)
    {
      write_response (job->msg, job->resp, job->req->request_id);
      soup_server_message_unpause (job->msg);
    }
  g_log_structured ("balanza-http", G_LOG_LEVEL_DEBUG,
                    "REQUEST_ID", job->req->request_id,
                    "MESSAGE", "%s %s %u %.1f ms", job->req->method, job->req->path,
                    job->resp->status, (g_get_monotonic_time () - job->start_us) / 1000.0);
  g_signal_handler_disconnect (job->msg, job->disconnect_id);
  g_object_unref (job->msg);
  bz_request_free (job->req);
  bz_response_free (job->resp);
  g_free (job);
  self->in_flight--;
  return G_SOURCE_REMOVE;
}

static void
run_job (gpointer data, gpointer user_data)
{
  Job *job = data;
  BzServices *svc = job->self->services;
  g_autoptr(GError) error = NULL;

  if (!(job->route->flags & BZ_ROUTE_PUBLIC))
    {
      const char *auth = soup_message_headers_get_one (job->req->headers, "Authorization");
      if (auth == NULL || g_ascii_strncasecmp (auth, "Bearer ", 7) != 0 || auth[7] == '\0')
        g_set_error (&error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, _("Authentication required"));
      else
        job->req->caller = bz_auth_verify_access_token (svc, auth + 7, &error);
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
        g_warning ("%s %s: %s", job->req->method, job->req->path, error->message);
      g_clear_pointer (&job->resp, bz_response_free);
      job->resp = bz_response_error (g_steal_pointer (&error));
    }
  /* Back to the server thread through a source (never g_main_context_invoke,
   * which would run finish_job here if the server context were not owned). */
  {
    g_autoptr(GSource) source = g_idle_source_new ();
    g_source_set_callback (source, finish_job, job, NULL);
    g_source_set_static_name (source, "[balanza] finish request");
    g_source_attach (source, job->self->context);
  }
}

static void
note_client (BzServer *self, const char *address)
{
  if (address == NULL)
    return;
  g_mutex_lock (&self->lock);
  g_hash_table_insert (self->clients, g_strdup (address),
                       g_memdup2 (&(gint64) { g_get_monotonic_time () }, sizeof (gint64)));
  g_mutex_unlock (&self->lock);
}

static gsize
route_max_body (const BzRoute *route)
{
  return route->max_body ? route->max_body : BZ_JSON_BODY_MAX;
}

static GError *
too_large_error (gsize max)
{
  return g_error_new (BZ_ERROR, BZ_ERROR_PAYLOAD_TOO_LARGE,
                      _("The request body is larger than %zu bytes"), (size_t) max);
}

/* Runs when headers arrived, before the body is read: refuse oversized bodies early. */
static void
early_handler (SoupServer *server, SoupServerMessage *msg, const char *path,
               GHashTable *query, gpointer user_data)
{
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  const BzRoute *route = NULL;
  g_autoptr(GHashTable) params = NULL;
  goffset length;

  if (soup_message_headers_get_encoding (h) != SOUP_ENCODING_CONTENT_LENGTH)
    return;
  length = soup_message_headers_get_content_length (h);
  if (bz_router_match (soup_server_message_get_method (msg), path, &route, &params) != BZ_ROUTE_FOUND)
    return;
  if ((gsize) length > route_max_body (route))
    {
      g_autofree char *rid = make_request_id (h);
      respond_now (msg, too_large_error (route_max_body (route)), rid);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
    }
}

static void
handle (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer user_data)
{
  BzServer *self = user_data;
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  g_autofree char *rid = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GBytes) body = NULL;
  const BzRoute *route = NULL;
  BzRequest *req;
  Job *job;

  if (soup_server_message_get_status (msg) != 0)
    return; /* answered by the early handler */

  rid = make_request_id (h);
  note_client (self, soup_server_message_get_remote_host (msg));

  switch (bz_router_match (method, path, &route, &params))
    {
    case BZ_ROUTE_NO_PATH:
      respond_now (msg, g_error_new (BZ_ERROR, BZ_ERROR_NOT_FOUND, _("No route for %s %s"), method, path), rid);
      return;
    case BZ_ROUTE_NO_METHOD:
      respond_now (msg, g_error_new (BZ_ERROR, BZ_ERROR_METHOD_NOT_ALLOWED,
                                     _("Method %s is not allowed on %s"), method, path), rid);
      return;
    case BZ_ROUTE_FOUND:
      break;
    }

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (g_bytes_get_size (body) > route_max_body (route))
    {
      respond_now (msg, too_large_error (route_max_body (route)), rid);
      return;
    }

  req = g_new0 (BzRequest, 1);
  req->method = g_strdup (method);
  req->path = g_strdup (path);
  req->request_id = g_steal_pointer (&rid);
  req->client_address = g_strdup (soup_server_message_get_remote_host (msg));
  req->params = g_steal_pointer (&params);
  req->json_limits = route->json;
  if (query)
    req->query = g_hash_table_ref (query);
  req->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  {
    SoupMessageHeadersIter it;
    const char *name, *value;
    soup_message_headers_iter_init (&it, h);
    while (soup_message_headers_iter_next (&it, &name, &value))
      soup_message_headers_append (req->headers, name, value);
  }
  req->body = g_steal_pointer (&body);

  job = g_new0 (Job, 1);
  job->self = self;
  job->msg = g_object_ref (msg);
  job->req = req;
  job->route = route;
  job->start_us = g_get_monotonic_time ();
  job->disconnect_id = g_signal_connect (msg, "disconnected", G_CALLBACK (on_disconnected), job);
  soup_server_message_pause (msg);
  self->in_flight++;
  g_thread_pool_push (self->pool, job, NULL);
}

static gpointer
server_thread (gpointer data)
{
  BzServer *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) addr = NULL;
  g_autoptr(GSocketAddress) sockaddr = NULL;

  g_main_context_push_thread_default (self->context);

  self->soup = soup_server_new ("server-header", "Balanza/" PACKAGE_VERSION " ", NULL);
  soup_server_add_early_handler (self->soup, NULL, early_handler, self, NULL);
  soup_server_add_handler (self->soup, NULL, handle, self, NULL);

  addr = g_inet_address_new_from_string (self->bind_address);
  if (addr == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Invalid bind address %s"), self->bind_address);
  else
    {
      sockaddr = g_inet_socket_address_new (addr, self->port);
      soup_server_listen (self->soup, sockaddr, 0, &error);
    }
  if (error == NULL)
    {
      GSList *uris = soup_server_get_uris (self->soup);
      if (uris)
        self->port = g_uri_get_port (uris->data);
      g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
    }

  g_mutex_lock (&self->lock);
  self->start_error = g_steal_pointer (&error);
  self->started = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);

  if (self->start_error == NULL)
    g_main_loop_run (self->loop);

  soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

static void
bz_server_finalize (GObject *object)
{
  BzServer *self = BZ_SERVER (object);
  bz_server_stop (self);
  g_clear_object (&self->services);
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->clients, g_hash_table_unref);
  g_clear_error (&self->start_error);
  g_free (self->bind_address);
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
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
}

BzServer *
bz_server_new (BzServices *services)
{
  BzServer *self = g_object_new (BZ_TYPE_SERVER, NULL);
  self->services = g_object_ref (services);
  return self;
}

gboolean
bz_server_start (BzServer *self, const char *bind_address, guint port, GError **error)
{
  g_return_val_if_fail (self->thread == NULL, FALSE);

  self->bind_address = g_strdup (bind_address);
  self->port = port;
  self->pool = g_thread_pool_new (run_job, self, WORKERS, FALSE, NULL);
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
  GSList *listeners = soup_server_get_listeners (self->soup);  /* (transfer container) */
  for (GSList *l = listeners; l; l = l->next)
    g_socket_close (l->data, NULL);
  g_slist_free (listeners);
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

static char *
first_lan_ipv4 (void)
{
  /* The address the default route would use: connect a UDP socket (sends nothing). */
  g_autoptr(GSocket) sock = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, NULL);
  g_autoptr(GInetAddress) probe = g_inet_address_new_from_string ("192.0.2.1"); /* TEST-NET-1, never contacted */
  g_autoptr(GSocketAddress) remote = g_inet_socket_address_new (probe, 9);
  g_autoptr(GSocketAddress) local = NULL;

  if (sock && g_socket_connect (sock, remote, NULL, NULL) &&
      (local = g_socket_get_local_address (sock, NULL)))
    return g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (local)));
  return g_strdup ("127.0.0.1");
}

char *
bz_server_get_lan_url (BzServer *self)
{
  g_autofree char *host = NULL;
  if (g_strcmp0 (self->bind_address, "0.0.0.0") == 0 || g_strcmp0 (self->bind_address, "::") == 0)
    host = first_lan_ipv4 ();
  else
    host = g_strdup (self->bind_address);
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
