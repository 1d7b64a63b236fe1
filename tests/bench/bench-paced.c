/* bench-paced.c — an open-loop HTTP/1.1 client: GET @path at a fixed rate,
 * request k due at t0 + k / rate whatever happened before, over @conns
 * keep-alive connections, each with at most one request in flight.  Latency
 * is measured from when a request was due, not from when a connection was
 * free to send it, so a server that falls behind is charged for the wait
 * ("coordinated omission", Gil Tene).  Prints the percentiles.
 *
 * usage: bench-paced HOST PORT PATH TOKEN RATE SECONDS [CONNECTIONS=32]
 */
#include <glib.h>
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

typedef struct
{
  int fd;
  gboolean busy;
  gint64 due_us;          /* when its request was due */
  GString *in;            /* the response read so far */
} Conn;

static int
connect_to (const char *host, int port)
{
  struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons (port) };
  int fd = socket (AF_INET, SOCK_STREAM, 0), one = 1;

  if (fd < 0 || inet_pton (AF_INET, host, &a.sin_addr) != 1 || connect (fd, (struct sockaddr *) &a, sizeof a) != 0)
    g_error ("connect %s:%d: %s", host, port, g_strerror (errno));
  setsockopt (fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

/* Returns the status when @in holds a whole response (headers and
 * Content-Length bytes of body), 0 otherwise. */
static int
complete (GString *in, gsize *out_len)
{
  const char *end = strstr (in->str, "\r\n\r\n");
  const char *cl;
  gsize body;

  if (end == NULL)
    return 0;
  cl = g_strstr_len (in->str, end - in->str, "\r\nContent-Length:");
  if (cl == NULL)
    cl = g_strstr_len (in->str, end - in->str, "\r\ncontent-length:");
  body = cl ? strtoul (cl + 17, NULL, 10) : 0;
  if (in->len < (gsize) (end + 4 - in->str) + body)
    return 0;
  *out_len = end + 4 - in->str + body;
  return atoi (in->str + 9);
}

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int
main (int argc, char **argv)
{
  const char *host, *path, *token;
  int port, n_conns;
  double rate, seconds;
  g_autofree char *request = NULL;
  g_autoptr(GArray) lat = g_array_new (FALSE, FALSE, sizeof (double));
  Conn *conns;
  struct pollfd *pfds;
  gint64 t0, end_us, k = 0, sent = 0, done = 0, bad = 0;
  char buf[65536];

  if (argc < 7)
    {
      fprintf (stderr, "usage: %s HOST PORT PATH TOKEN RATE SECONDS [CONNECTIONS]\n", argv[0]);
      return 2;
    }
  host = argv[1], port = atoi (argv[2]), path = argv[3], token = argv[4];
  rate = g_ascii_strtod (argv[5], NULL), seconds = g_ascii_strtod (argv[6], NULL);
  n_conns = argc > 7 ? atoi (argv[7]) : 32;
  request = g_strdup_printf ("GET %s HTTP/1.1\r\nHost: %s:%d\r\nAuthorization: Bearer %s\r\n\r\n",
                             path, host, port, token);
  conns = g_new0 (Conn, n_conns);
  pfds = g_new0 (struct pollfd, n_conns);
  for (int i = 0; i < n_conns; i++)
    {
      conns[i].fd = connect_to (host, port);
      conns[i].in = g_string_sized_new (8192);
      pfds[i].fd = conns[i].fd;
      pfds[i].events = POLLIN;
    }

  t0 = g_get_monotonic_time ();
  end_us = t0 + (gint64) (seconds * G_USEC_PER_SEC);
  while (TRUE)
    {
      gint64 now = g_get_monotonic_time ();
      gint64 next_due = t0 + (gint64) (k / rate * G_USEC_PER_SEC);
      int timeout_ms;

      /* Send every request that is due, on free connections. */
      while (next_due <= now && next_due < end_us)
        {
          int free_i = -1;
          for (int i = 0; i < n_conns && free_i < 0; i++)
            if (!conns[i].busy)
              free_i = i;
          if (free_i < 0)
            break;   /* all busy: it stays due, and its wait is counted */
          conns[free_i].busy = TRUE;
          conns[free_i].due_us = next_due;
          if (write (conns[free_i].fd, request, strlen (request)) != (ssize_t) strlen (request))
            g_error ("write: %s", g_strerror (errno));
          sent++;
          k++;
          next_due = t0 + (gint64) (k / rate * G_USEC_PER_SEC);
        }
      if (now >= end_us && done == sent)
        break;
      timeout_ms = next_due > now ? (int) MAX (0, (next_due - now) / 1000) : 1;
      if (poll (pfds, n_conns, MIN (timeout_ms, 10)) < 0)
        g_error ("poll: %s", g_strerror (errno));
      for (int i = 0; i < n_conns; i++)
        {
          ssize_t n;
          int status;
          gsize used;

          if (!(pfds[i].revents & (POLLIN | POLLERR | POLLHUP)))
            continue;
          n = read (conns[i].fd, buf, sizeof buf);
          if (n <= 0)
            g_error ("connection %d closed by the server", i);
          g_string_append_len (conns[i].in, buf, n);
          while ((status = complete (conns[i].in, &used)) != 0)
            {
              double ms = (g_get_monotonic_time () - conns[i].due_us) / 1000.0;
              g_array_append_val (lat, ms);
              bad += status < 200 || status > 299;
              done++;
              conns[i].busy = FALSE;
              g_string_erase (conns[i].in, 0, used);
            }
        }
    }

  g_array_sort (lat, cmp_double);
  printf ("paced_rate %.0f\n", rate);
  printf ("paced_achieved %.0f\n", done / ((g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC));
  printf ("paced_non2xx %" G_GINT64_FORMAT "\n", bad);
  if (lat->len > 0)
    {
      double *v = (double *) lat->data;
      printf ("paced_latency_p50_ms %.3f\n", v[(gsize) (lat->len * 0.50)]);
      printf ("paced_latency_p99_ms %.3f\n", v[(gsize) (lat->len * 0.99)]);
      printf ("paced_latency_p99_9_ms %.3f\n", v[(gsize) (lat->len * 0.999)]);
      printf ("paced_latency_max_ms %.3f\n", v[lat->len - 1]);
    }
  for (int i = 0; i < n_conns; i++)
    {
      close (conns[i].fd);
      g_string_free (conns[i].in, TRUE);
    }
  g_free (conns);
  g_free (pfds);
  return 0;
}
