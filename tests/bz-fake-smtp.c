/* bz-fake-smtp.c — see bz-fake-smtp.h. */
#include "bz-fake-smtp.h"

#include <gio/gio.h>
#include <string.h>

struct _BzFakeSmtp
{
  GMutex lock;
  GCond changed;
  GPtrArray *messages;   /* BzFakeSmtpMessage */
  guint sessions;
  gboolean refuse;
  guint16 port;
  GMainContext *context;
  GMainLoop *loop;
  GThread *thread;
  GSocketService *service;
  GMutex start_lock;
  GCond started;
  gboolean ready;
};

void
bz_fake_smtp_message_free (BzFakeSmtpMessage *m)
{
  g_free (m->mail_from);
  g_free (m->rcpt_to);
  g_free (m->data);
  g_free (m);
}

static gboolean
say (GOutputStream *out, const char *line)
{
  return g_output_stream_write_all (out, line, strlen (line), NULL, NULL, NULL);
}

/* The path of "MAIL FROM:<x>" or "RCPT TO:<x>". */
static char *
path_of (const char *line)
{
  const char *lt = strchr (line, '<'), *gt = lt ? strchr (lt, '>') : NULL;

  return lt && gt ? g_strndup (lt + 1, gt - lt - 1) : g_strdup ("");
}

/* One session, blocking, on the server's thread. */
static gboolean
on_incoming (GSocketService *service, GSocketConnection *connection, GObject *source, gpointer data)
{
  BzFakeSmtp *self = data;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr(GDataInputStream) in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  g_autofree char *from = NULL, *rcpt = NULL;

  g_data_input_stream_set_newline_type (in, G_DATA_STREAM_NEWLINE_TYPE_CR_LF);
  say (out, "220 fake-smtp.test ESMTP\r\n");
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (in, NULL, NULL, NULL);
      if (line == NULL)
        break;
      if (g_ascii_strncasecmp (line, "EHLO", 4) == 0 || g_ascii_strncasecmp (line, "HELO", 4) == 0)
        say (out, "250 fake-smtp.test\r\n");
      else if (g_ascii_strncasecmp (line, "MAIL FROM:", 10) == 0)
        {
          g_free (from);
          from = path_of (line);
          say (out, "250 OK\r\n");
        }
      else if (g_ascii_strncasecmp (line, "RCPT TO:", 8) == 0)
        {
          g_free (rcpt);
          rcpt = path_of (line);
          say (out, "250 OK\r\n");
        }
      else if (g_ascii_strcasecmp (line, "DATA") == 0)
        {
          GString *body = g_string_new (NULL);
          gboolean refuse;
          say (out, "354 End data with <CR><LF>.<CR><LF>\r\n");
          for (;;)
            {
              g_autofree char *l = g_data_input_stream_read_line (in, NULL, NULL, NULL);
              if (l == NULL || strcmp (l, ".") == 0)
                break;
              g_string_append (body, l[0] == '.' ? l + 1 : l);
              g_string_append (body, "\r\n");
            }
          g_mutex_lock (&self->lock);
          refuse = self->refuse;
          if (!refuse)
            {
              BzFakeSmtpMessage *m = g_new0 (BzFakeSmtpMessage, 1);
              m->mail_from = g_strdup (from);
              m->rcpt_to = g_strdup (rcpt);
              m->data = g_strdup (body->str);
              g_ptr_array_add (self->messages, m);
              g_cond_broadcast (&self->changed);
            }
          g_mutex_unlock (&self->lock);
          g_string_free (body, TRUE);
          say (out, refuse ? "554 Transaction failed\r\n" : "250 OK: queued\r\n");
        }
      else if (g_ascii_strcasecmp (line, "QUIT") == 0)
        {
          say (out, "221 Bye\r\n");
          break;
        }
      else if (g_ascii_strcasecmp (line, "RSET") == 0 || g_ascii_strcasecmp (line, "NOOP") == 0)
        say (out, "250 OK\r\n");
      else
        say (out, "502 Command not implemented\r\n");
    }
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  g_mutex_lock (&self->lock);
  self->sessions++;
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->lock);
  return TRUE;
}

static gpointer
run (gpointer data)
{
  BzFakeSmtp *self = data;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) want = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) got = NULL;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (self->context);
  self->service = g_socket_service_new ();
  g_signal_connect (self->service, "incoming", G_CALLBACK (on_incoming), self);
  if (!g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), want, G_SOCKET_TYPE_STREAM,
                                      G_SOCKET_PROTOCOL_TCP, NULL, &got, &error))
    g_error ("fake SMTP: %s", error->message);
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (got));
  g_socket_service_start (self->service);
  g_mutex_lock (&self->start_lock);
  self->ready = TRUE;
  g_cond_signal (&self->started);
  g_mutex_unlock (&self->start_lock);
  g_main_loop_run (self->loop);
  g_socket_service_stop (self->service);
  g_socket_listener_close (G_SOCKET_LISTENER (self->service));
  g_clear_object (&self->service);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

BzFakeSmtp *
bz_fake_smtp_start (void)
{
  BzFakeSmtp *self = g_new0 (BzFakeSmtp, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->changed);
  g_mutex_init (&self->start_lock);
  g_cond_init (&self->started);
  self->messages = g_ptr_array_new_with_free_func ((GDestroyNotify) bz_fake_smtp_message_free);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("fake-smtp", run, self);
  g_mutex_lock (&self->start_lock);
  while (!self->ready)
    g_cond_wait (&self->started, &self->start_lock);
  g_mutex_unlock (&self->start_lock);
  return self;
}

guint16
bz_fake_smtp_get_port (BzFakeSmtp *self)
{
  return self->port;
}

void
bz_fake_smtp_set_refuse (BzFakeSmtp *self, gboolean refuse)
{
  g_mutex_lock (&self->lock);
  self->refuse = refuse;
  g_mutex_unlock (&self->lock);
}

guint
bz_fake_smtp_wait (BzFakeSmtp *self, guint count, gboolean sessions)
{
  gint64 end = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  guint n;

  g_mutex_lock (&self->lock);
  while ((sessions ? self->sessions : self->messages->len) < count)
    if (!g_cond_wait_until (&self->changed, &self->lock, end))
      break;
  n = sessions ? self->sessions : self->messages->len;
  g_mutex_unlock (&self->lock);
  return n;
}

guint
bz_fake_smtp_count (BzFakeSmtp *self)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = self->messages->len;
  g_mutex_unlock (&self->lock);
  return n;
}

BzFakeSmtpMessage *
bz_fake_smtp_dup_message (BzFakeSmtp *self, guint i)
{
  BzFakeSmtpMessage *copy = g_new0 (BzFakeSmtpMessage, 1), *m;

  g_mutex_lock (&self->lock);
  g_assert_cmpuint (i, <, self->messages->len);
  m = self->messages->pdata[i];
  copy->mail_from = g_strdup (m->mail_from);
  copy->rcpt_to = g_strdup (m->rcpt_to);
  copy->data = g_strdup (m->data);
  g_mutex_unlock (&self->lock);
  return copy;
}

static gboolean
quit (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

void
bz_fake_smtp_stop (BzFakeSmtp *self)
{
  g_main_context_invoke (self->context, quit, self->loop);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_ptr_array_unref (self->messages);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->changed);
  g_mutex_clear (&self->start_lock);
  g_cond_clear (&self->started);
  g_free (self);
}
