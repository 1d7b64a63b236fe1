/* bench-ws.c — the real-time hub under many WebSockets (issue 10): one
 * event published to N sockets on loopback, its delivery latency and the
 * server's memory per socket.
 *
 *   bench-ws [N] [ROUNDS]        (defaults 1000 and 5)
 *
 * The server runs in a child process (its own store in a scratch dir, the
 * API on 127.0.0.1, the per-address connection limit raised to N + 16), so
 * its resident memory is measured alone (/proc/PID/statm).  The parent,
 * over HTTP like a phone: registers a nutritionist, creates a patient and
 * signs the member in; opens N WebSockets on /ws with the member's token
 * (one user, N devices: publication fans out per socket, and one user keeps
 * setup to one sign-in); then ROUNDS times the nutritionist POSTs a message
 * to the conversation, which the service publishes as message:new to the
 * member's N sockets.  Latency = from just before the POST leaves to the
 * frame's arrival at each socket (so it includes the INSERT before the
 * publish, and the client's own loop reading N sockets in turn, one thread).
 *
 * Prints `name value` lines: sockets, rounds, latency_p50_ms,
 * latency_p99_ms, latency_max_ms, server_rss_idle_kb, server_rss_kb,
 * server_bytes_per_socket (RSS delta / N).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bz-realtime-client.h"
#include "bz-server.h"
#include "bz-store.h"
#include "bz-test-util.h"

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
raise_fd_limit (void)
{
  struct rlimit r;
  if (getrlimit (RLIMIT_NOFILE, &r) == 0)
    {
      r.rlim_cur = r.rlim_max;
      setrlimit (RLIMIT_NOFILE, &r);
    }
}

/* The child: a server, its port written to @fd, then it waits to be killed. */
static void G_GNUC_NORETURN
serve (int fd, guint n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = bz_test_tmpdir ("bench-ws");
  BzStore *store = bz_store_open (dir, &error);
  BzServices *services;
  BzServer *server;
  BzServerLimits limits;
  guint port;

  g_assert_no_error (error);
  services = bz_services_new (store);
  server = bz_server_new (services);
  bz_server_get_limits (server, &limits);
  limits.connections_per_address = n + 16;
  limits.api_requests_per_minute = 0;
  bz_server_set_limits (server, &limits);
  if (!bz_server_start (server, "127.0.0.1", 0, &error))
    g_error ("%s", error->message);
  port = bz_server_get_port (server);
  if (write (fd, &port, sizeof port) != sizeof port)
    _exit (1);
  close (fd);
  for (;;)
    pause ();
}

static long
rss_kb (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/statm", (int) pid);
  g_autofree char *text = NULL;
  long pages = 0, resident = 0;

  if (!g_file_get_contents (path, &text, NULL, NULL) || sscanf (text, "%ld %ld", &pages, &resident) != 2)
    return -1;
  return resident * (sysconf (_SC_PAGESIZE) / 1024);
}

static JsonObject *
call (SoupSession *s, const char *base, const char *method, const char *path, const char *token, const char *body)
{
  g_autofree char *url = g_strconcat (base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (token)
    {
      g_autofree char *h = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", h);
    }
  if (body)
    {
      g_autoptr(GBytes) b = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", b);
    }
  reply = soup_session_send_and_read (s, msg, NULL, NULL);
  if (reply == NULL || soup_message_get_status (msg) >= 300)
    g_error ("%s %s: %u", method, path, soup_message_get_status (msg));
  root = json_from_string (g_bytes_get_data (reply, NULL), NULL);
  return json_object_ref (json_object_get_object_member (json_node_get_object (root), "data"));
}

static void
posted (GObject *source, GAsyncResult *res, gpointer data)
{
  g_autoptr(GBytes) b = soup_session_send_and_read_finish (SOUP_SESSION (source), res, NULL);
  *(gboolean *) data = TRUE;
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 1000;
  guint rounds = argc > 2 ? (guint) atoi (argv[2]) : 5;
  int pipefd[2];
  guint port = 0;
  pid_t child;
  g_autoptr(SoupSession) http = NULL;
  g_autoptr(JsonObject) reg = NULL, patient = NULL, login = NULL;
  g_autoptr(GPtrArray) clients = g_ptr_array_new_with_free_func ((GDestroyNotify) bz_realtime_client_free);
  g_autofree char *base = NULL, *url = NULL, *send = NULL;
  g_autofree double *lat = NULL;
  const char *nutri, *member;
  guint nlat = 0;
  long idle_kb, busy_kb;

  raise_fd_limit ();
  if (n == 0 || rounds == 0 || pipe (pipefd) != 0)
    return 2;
  child = fork ();   /* before any thread of GLib's */
  if (child == 0)
    {
      close (pipefd[0]);
      serve (pipefd[1], n);
    }
  close (pipefd[1]);
  if (read (pipefd[0], &port, sizeof port) != sizeof port)
    g_error ("the server did not start");

  http = soup_session_new_with_options ("max-conns", (int) n + 16, "max-conns-per-host", (int) n + 16,
                                        "timeout", 60, NULL);
  base = g_strdup_printf ("http://127.0.0.1:%u", port);
  reg = call (http, base, "POST", "/api/v1/auth/register", NULL,
              "{\"email\":\"bench-nutri@test.local\",\"password\":\"Secure-Pass1!\",\"first_name\":\"Sara\","
              "\"last_name\":\"Gallegos\",\"user_type\":\"nutritionist\"}");
  nutri = json_object_get_string_member (reg, "access_token");
  patient = call (http, base, "POST", "/api/v1/nutritionist/patients", nutri,
                  "{\"email\":\"bench-member@test.local\",\"first_name\":\"Juan\",\"last_name\":\"Pérez\","
                  "\"password\":\"Member-Pass1!\"}");
  login = call (http, base, "POST", "/api/auth/login", NULL,
                "{\"email\":\"bench-member@test.local\",\"password\":\"Member-Pass1!\"}");
  member = json_object_get_string_member (login, "access_token");
  send = g_strdup_printf ("/api/v1/messages/conversations/%s/messages",
                          json_object_get_string_member (json_object_get_object_member (patient, "patient"), "id"));

  g_usleep (500 * 1000);
  idle_kb = rss_kb (child);
  url = g_strdup_printf ("ws://127.0.0.1:%u/ws?token=%s", port, member);
  for (guint i = 0; i < n; i++)
    {
      BzRealtimeClient *c = bz_realtime_client_connect (http, url, NULL, NULL);
      if (c == NULL)
        g_error ("socket %u refused", i);
      g_ptr_array_add (clients, c);
    }
  g_usleep (500 * 1000);
  busy_kb = rss_kb (child);

  lat = g_new (double, (gsize) n * rounds);
  for (guint r = 0; r < rounds; r++)
    {
      g_autofree char *body = g_strdup_printf ("{\"message\":\"Ronda %u: ¡hola a todos!\"}", r);
      g_autofree char *u = g_strconcat (base, send, NULL);
      g_autoptr(SoupMessage) msg = soup_message_new ("POST", u);
      g_autoptr(GBytes) b = g_bytes_new (body, strlen (body));
      g_autofree char *h = g_strconcat ("Bearer ", nutri, NULL);
      gboolean done = FALSE;
      guint got = 0;
      gint64 t0;

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", h);
      soup_message_set_request_body_from_bytes (msg, "application/json", b);
      t0 = g_get_monotonic_time ();
      soup_session_send_and_read_async (http, msg, G_PRIORITY_DEFAULT, NULL, posted, &done);
      while (got < n || !done)
        {
          g_main_context_iteration (NULL, TRUE);
          got = 0;
          for (guint i = 0; i < n; i++)
            got += !g_queue_is_empty (&((BzRealtimeClient *) g_ptr_array_index (clients, i))->frames);
        }
      for (guint i = 0; i < n; i++)
        {
          BzRealtimeClient *c = g_ptr_array_index (clients, i);
          lat[nlat++] = (c->last_frame_us - t0) / 1000.0;
          g_queue_clear_full (&c->frames, (GDestroyNotify) json_node_unref);
        }
    }
  qsort (lat, nlat, sizeof *lat, cmp_double);
  printf ("sockets %u\nrounds %u\n", n, rounds);
  printf ("latency_p50_ms %.2f\nlatency_p99_ms %.2f\nlatency_max_ms %.2f\n",
          lat[nlat / 2], lat[MIN (nlat - 1, (guint) (nlat * 0.99))], lat[nlat - 1]);
  printf ("server_rss_idle_kb %ld\nserver_rss_kb %ld\nserver_bytes_per_socket %.0f\n",
          idle_kb, busy_kb, (busy_kb - idle_kb) * 1024.0 / n);
  fflush (stdout);
  g_ptr_array_set_size (clients, 0);
  kill (child, SIGKILL);
  waitpid (child, NULL, 0);
  return 0;
}
