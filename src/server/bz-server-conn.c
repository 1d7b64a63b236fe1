/* bz-server-conn.c — the connections BzServer accepts: the per-address
 * limit, idle and header timeouts, and connections whose client has gone
 * (see bz-server.c for why Balanza accepts them itself). */
#include "bz-server-private.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

G_DEFINE_QUARK (bz-conn, bz_server_conn)

/* Gives back @c's place in the per-address count, once: when its socket is
 * closed (found by forget_closed()) or when libsoup drops the connection's
 * address, whichever comes first.  libsoup 3.2 may keep that address object
 * long after the connection closed, so the count cannot wait for it: it
 * leaked, and after 64 connections an address was refused for good. */
static void
conn_forget (Conn *c)
{
  BzServer *self = c->server;
  guint n;

  if (!c->counted)
    return;
  c->counted = FALSE;
  n = GPOINTER_TO_UINT (g_hash_table_lookup (self->open_per_address, c->host));
  if (n <= 1)
    g_hash_table_remove (self->open_per_address, c->host);
  else
    g_hash_table_insert (self->open_per_address, g_strdup (c->host), GUINT_TO_POINTER (n - 1));
  g_hash_table_remove (self->conns, c);
}

/* The GSocket was finalized: libsoup let the connection go. */
static void
socket_gone (gpointer data, GObject *where_the_object_was)
{
  Conn *c = data;
  c->socket = NULL;
  conn_forget (c);
}

/* Whether the peer closed an idle connection: readable, and a peek reads
 * end-of-file.  libsoup 3.2 does not notice this on a kept-alive connection
 * between requests (fixed upstream in 3.3, libsoup commit d20c6601): the
 * socket stayed in CLOSE_WAIT for ever, its descriptor and its place in the
 * per-address count with it. */
static gboolean
peer_closed (Conn *c)
{
  char b;
  if (c->busy > 0 || c->socket == NULL || g_socket_is_closed (c->socket) ||
      !(g_socket_condition_check (c->socket, G_IO_IN | G_IO_HUP | G_IO_ERR)))
    return FALSE;
  return recv (g_socket_get_fd (c->socket), &b, 1, MSG_PEEK | MSG_DONTWAIT) == 0;
}

/* Closes the connections whose peer has gone, then forgets every connection
 * whose socket is closed. */
static void
forget_closed (BzServer *self)
{
  GHashTableIter it;
  gpointer key;
  GPtrArray *closed = NULL;

  g_hash_table_iter_init (&it, self->conns);
  while (g_hash_table_iter_next (&it, &key, NULL))
    {
      Conn *c = key;
      if (peer_closed (c) && c->stream)
        g_io_stream_close (c->stream, NULL, NULL);
    }
  g_hash_table_iter_init (&it, self->conns);
  while (g_hash_table_iter_next (&it, &key, NULL))
    if (((Conn *) key)->socket == NULL || g_socket_is_closed (((Conn *) key)->socket))
      {
        if (closed == NULL)
          closed = g_ptr_array_new ();
        g_ptr_array_add (closed, key);
      }
  for (guint i = 0; closed && i < closed->len; i++)
    conn_forget (g_ptr_array_index (closed, i));
  if (closed)
    g_ptr_array_unref (closed);
}

static void
conn_free (gpointer data)
{
  Conn *c = data;

  conn_forget (c);
  if (c->socket)
    g_object_weak_unref (G_OBJECT (c->socket), socket_gone, c);
  g_clear_weak_pointer (&c->stream);
  g_free (c->host);
  g_free (c);
}

gboolean
bz_server_on_incoming (GSocketService *service, GSocketConnection *connection, GObject *source, gpointer user_data)
{
  BzServer *self = user_data;
  GSocket *sock = g_socket_connection_get_socket (connection);
  g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);
  g_autoptr(GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  g_autofree char *host = NULL;
  guint n;
  Conn *c;

  if (remote == NULL || !G_IS_INET_SOCKET_ADDRESS (remote))
    {
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      return TRUE;
    }
  host = g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote)));
  n = GPOINTER_TO_UINT (g_hash_table_lookup (self->open_per_address, host));
  if (n >= self->limits.connections_per_address)
    {
      forget_closed (self);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (self->open_per_address, host));
    }
  if (n >= self->limits.connections_per_address)
    {
      g_debug ("Refusing a connection from %s: %u already open", host, n);
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      return TRUE;
    }
  g_hash_table_insert (self->open_per_address, g_strdup (host), GUINT_TO_POINTER (n + 1));
  c = g_new0 (Conn, 1);
  c->server = self;
  /* Weak: a strong reference kept the socket (and its fd, in CLOSE_WAIT)
   * alive as long as libsoup kept the address, after the peer had gone. */
  c->socket = sock;
  g_object_weak_ref (G_OBJECT (sock), socket_gone, c);
  g_set_weak_pointer (&c->stream, G_IO_STREAM (connection));
  c->host = g_steal_pointer (&host);
  c->idle_since = g_get_monotonic_time ();
  c->counted = TRUE;
  g_object_set_qdata_full (G_OBJECT (remote), bz_server_conn_quark (), c, conn_free);
  g_hash_table_add (self->conns, c);

  /* Every read or write waits at most this long.  (A backstop only: libsoup
   * 3.2 does not always surface GSocket timeouts on kept-alive connections,
   * so idle connections are also closed by sweep_idle().) */
  g_socket_set_timeout (sock, self->limits.header_timeout_s);
  g_socket_set_option (sock, IPPROTO_TCP, TCP_NODELAY, TRUE, NULL);
  if (source && G_IS_TLS_CERTIFICATE (source))
    bz_tls_accept (self, c, connection, local, remote);   /* the HTTPS port (bz-tls.c) */
  else
    soup_server_accept_iostream (self->soup, G_IO_STREAM (connection), local, remote, NULL);
  return TRUE;
}

/* Closes connections that have waited longer than the header timeout for a
 * request (new ones that never send a byte, and idle kept-alive ones), and
 * those whose request was not received by its deadline (Guard). */
gboolean
bz_server_sweep_idle (gpointer data)
{
  BzServer *self = data;
  gint64 now = g_get_monotonic_time ();
  gint64 limit = now - (gint64) self->limits.header_timeout_s * G_USEC_PER_SEC;
  GHashTableIter it;
  gpointer key;

  forget_closed (self);
  bz_metrics_registry_expire_users (self->metrics, self->active_users, now);
  g_hash_table_iter_init (&it, self->conns);
  while (g_hash_table_iter_next (&it, &key, NULL))
    {
      Conn *c = key;
      if (c->busy == 0 && c->idle_since < limit && c->socket)
        {
          g_socket_shutdown (c->socket, TRUE, TRUE, NULL);
          c->idle_since = G_MAXINT64;  /* once */
        }
      else if (c->guard && c->guard->deadline_us && c->guard->deadline_us <= now)
        {
          g_debug ("Closing a connection from %s: request not received in time", c->host);
          if (c->socket)
            g_socket_shutdown (c->socket, TRUE, TRUE, NULL);
          c->guard->deadline_us = 0;  /* once */
        }
    }
  return G_SOURCE_CONTINUE;
}

void
bz_server_conns_release (BzServer *self)
{
  GHashTableIter it;
  gpointer key;

  if (self->conns == NULL)
    return;
  /* Addresses libsoup still holds free their Conn later: without us. */
  g_hash_table_iter_init (&it, self->conns);
  while (g_hash_table_iter_next (&it, &key, NULL))
    ((Conn *) key)->counted = FALSE;
}
