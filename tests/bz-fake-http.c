/* bz-fake-http.c — a loopback libsoup server on its own thread (bz-fake-http.h). */
#include "bz-fake-http.h"

struct _BzFakeHttp
{
  GMutex lock;
  GCond ready;
  gboolean started;
  SoupServerCallback serve;
  gpointer data;
  GMainContext *context;
  GMainLoop *loop;
  GThread *thread;
  SoupServer *server;
  GSocketService *service;
  char *url;
};

static gboolean
on_incoming (GSocketService *service, GSocketConnection *connection, GObject *source, gpointer server)
{
  g_autoptr(GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);

  soup_server_accept_iostream (server, G_IO_STREAM (connection), local, remote, NULL);
  return TRUE;
}

static gpointer
run (gpointer data)
{
  BzFakeHttp *self = data;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) listening = NULL;

  g_main_context_push_thread_default (self->context);
  self->server = soup_server_new (NULL, NULL);
  self->service = g_socket_service_new ();
  soup_server_add_handler (self->server, NULL, self->serve, self->data, NULL);
  g_signal_connect (self->service, "incoming", G_CALLBACK (on_incoming), self->server);
  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), any_port, G_SOCKET_TYPE_STREAM,
                                                G_SOCKET_PROTOCOL_TCP, NULL, &listening, NULL));
  g_socket_service_start (self->service);
  g_mutex_lock (&self->lock);
  self->url = g_strdup_printf ("http://127.0.0.1:%u",
                               g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (listening)));
  self->started = TRUE;
  g_cond_signal (&self->ready);
  g_mutex_unlock (&self->lock);

  g_main_loop_run (self->loop);

  g_socket_service_stop (self->service);
  g_socket_listener_close (G_SOCKET_LISTENER (self->service));
  soup_server_disconnect (self->server);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_clear_object (&self->service);
  g_clear_object (&self->server);
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

BzFakeHttp *
bz_fake_http_start (const char *name, SoupServerCallback serve, gpointer data)
{
  BzFakeHttp *self = g_new0 (BzFakeHttp, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->ready);
  self->serve = serve;
  self->data = data;
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new (name, run, self);
  g_mutex_lock (&self->lock);
  while (!self->started)
    g_cond_wait (&self->ready, &self->lock);
  g_mutex_unlock (&self->lock);
  return self;
}

const char *
bz_fake_http_url (BzFakeHttp *self)
{
  return self->url;
}

GMainContext *
bz_fake_http_context (BzFakeHttp *self)
{
  return self->context;
}

void
bz_fake_http_stop (BzFakeHttp *self)
{
  g_main_loop_quit (self->loop);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->ready);
  g_free (self->url);
  g_free (self);
}
