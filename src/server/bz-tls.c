/* bz-tls.c — HTTPS on BzServer's own accept path (issue 9): a connection
 * accepted on the HTTPS port is wrapped in a GTlsServerConnection (GLib's
 * TLS stack: glib-networking with its GnuTLS backend), its handshake runs on
 * the server thread's context, and only then is the TLS stream handed to
 * libsoup with soup_server_accept_iostream() — libsoup sees a GTlsConnection
 * and treats the connection as https (soup_server_connection_is_ssl()).  A
 * WebSocket upgrade rides the same stream, so WSS needs nothing more.
 *
 * A handshake that fails (a plain-HTTP client, a client that refuses the
 * certificate) closes the connection; one that stalls is closed by the idle
 * sweep (header timeout), since the connection is not busy.
 */
#include "bz-server-private.h"

/* RFC 6797 §6.1.1: max-age in seconds; one year, the value browsers'
 * preload lists ask for (hstspreload.org).  No includeSubDomains: the
 * clinic's server is one host, often an IP address. */
#define HSTS_VALUE "max-age=31536000"

typedef struct
{
  BzServer *server;
  GTlsConnection *tls;
  GSocketAddress *local;
  GSocketAddress *remote;   /* holds the Conn (bz_server_on_incoming()) */
} Handshake;

static void
handshake_free (Handshake *h)
{
  g_clear_object (&h->tls);
  g_clear_object (&h->local);
  g_clear_object (&h->remote);
  g_free (h);
}

static void
handshake_done (GObject *source, GAsyncResult *result, gpointer data)
{
  Handshake *h = data;
  g_autoptr(GError) error = NULL;

  if (!g_tls_connection_handshake_finish (h->tls, result, &error))
    {
      g_debug ("TLS handshake failed: %s", error->message);
      g_io_stream_close (G_IO_STREAM (h->tls), NULL, NULL);
    }
  else if (h->server->soup)
    soup_server_accept_iostream (h->server->soup, G_IO_STREAM (h->tls), h->local, h->remote, NULL);
  handshake_free (h);
}

void
bz_tls_accept (BzServer *self, Conn *c, GSocketConnection *connection, GSocketAddress *local, GSocketAddress *remote)
{
  g_autoptr(GError) error = NULL;
  GIOStream *tls = g_tls_server_connection_new (G_IO_STREAM (connection), self->tls_certificate, &error);
  Handshake *h;

  if (tls == NULL)
    {
      /* No TLS backend (glib-networking missing): nothing can be served here. */
      g_warning ("HTTPS: cannot start TLS: %s", error->message);
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      return;
    }
  /* Phones close without close_notify often enough; their requests are
   * framed by HTTP anyway (as libsoup's own TLS listener does). */
  g_object_set (tls, "require-close-notify", FALSE,
                "authentication-mode", G_TLS_AUTHENTICATION_NONE, NULL);
  {
    const char *const protocols[] = { "http/1.1", NULL };
    g_tls_connection_set_advertised_protocols (G_TLS_CONNECTION (tls), protocols);
  }
  c->tls = TRUE;
  g_set_weak_pointer (&c->stream, tls);

  h = g_new0 (Handshake, 1);
  h->server = self;
  h->tls = G_TLS_CONNECTION (tls);
  h->local = g_object_ref (local);
  h->remote = g_object_ref (remote);
  g_tls_connection_handshake_async (h->tls, G_PRIORITY_DEFAULT, NULL, handshake_done, h);
}

void
bz_tls_decorate (Conn *c, SoupServerMessage *msg)
{
  if (c && c->tls)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "Strict-Transport-Security", HSTS_VALUE);
}
