/* test-balanzad.c — the headless executable as a user runs it: --port 0, the one
 * listening line on stdout, a real HTTP request, SIGTERM → clean exit 0 with the
 * WAL checkpointed, and a restart on the same data dir that skips the import. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>

#include "bz-test-util.h"
#include "config.h"

typedef struct
{
  GSubprocess *proc;
  char *url;
} Daemon;

static void
start_daemon (Daemon *d, const char *dir, gboolean demo)
{
  g_autofree char *exe = g_build_filename (BZ_BUILD_DIR, "src", "balanzad", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;

  d->proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, exe, "--data-dir", dir, "--port", "0",
                              "--bind", "127.0.0.1", demo ? "--demo" : NULL, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (d->proc));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "Balanza listening on http://127.0.0.1:"));
  d->url = g_strdup (line + strlen ("Balanza listening on "));
}

static void
stop_daemon (Daemon *d)
{
  g_autoptr(GError) error = NULL;
  g_subprocess_send_signal (d->proc, SIGTERM);
  g_assert_true (g_subprocess_wait (d->proc, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (d->proc));
  g_assert_cmpint (g_subprocess_get_exit_status (d->proc), ==, 0);
  g_clear_object (&d->proc);
  g_clear_pointer (&d->url, g_free);
}

static guint
get_status (const char *base, const char *path, const char *token, GBytes **out_body)
{
  g_autoptr(SoupSession) s = soup_session_new ();
  g_autofree char *url = g_strconcat (base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;
  if (token)
    {
      g_autofree char *auth = g_strdup_printf ("Bearer %s", token);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  body = soup_session_send_and_read (s, msg, NULL, NULL);
  if (out_body)
    *out_body = g_steal_pointer (&body);
  return soup_message_get_status (msg);
}

static char *
login (const char *base, const char *email)
{
  g_autoptr(SoupSession) s = soup_session_new ();
  g_autofree char *url = g_strconcat (base, "/api/auth/login", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autofree char *json = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"Demo-2026!\"}", email);
  g_autoptr(GBytes) req = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) p = json_parser_new ();
  soup_message_set_request_body_from_bytes (msg, "application/json", req);
  body = soup_session_send_and_read (s, msg, NULL, NULL);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_true (json_parser_load_from_data (p, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL));
  return g_strdup (json_object_get_string_member (
      json_object_get_object_member (json_node_get_object (json_parser_get_root (p)), "data"), "access_token"));
}

/* balanzad --verify-license / --reject-license EMAIL on @dir: the exit status. */
static int
run_license (const char *dir, const char *flag, const char *email)
{
  g_autofree char *exe = g_build_filename (BZ_BUILD_DIR, "src", "balanzad", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) p = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, exe, "--data-dir", dir,
                                               flag, email, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (p, NULL, &error));
  g_assert_true (g_subprocess_get_if_exited (p));
  return g_subprocess_get_exit_status (p);
}

static void
test_demo_daemon (void)
{
  g_autofree char *dir = bz_test_tmpdir ("daemon");
  g_autofree char *wal = g_build_filename (dir, "balanza.db-wal", NULL);
  Daemon d = { 0 };
  GStatBuf st;

  start_daemon (&d, dir, TRUE);
  g_assert_cmpuint (get_status (d.url, "/health", NULL, NULL), ==, 200);
  g_assert_cmpuint (get_status (d.url, "/ready", NULL, NULL), ==, 200);
  {
    /* The demo member reads today's intake and downloads the avatar. */
    g_autofree char *token = login (d.url, "paciente07@balanza.local");
    g_autoptr(GBytes) scans = NULL, glb = NULL;
    g_autoptr(JsonParser) p = json_parser_new ();
    JsonArray *list;
    const char *url;
    g_assert_cmpuint (get_status (d.url, "/api/nutrition/daily", token, NULL), ==, 200);
    g_assert_cmpuint (get_status (d.url, "/api/v1/scans", token, &scans), ==, 200);
    g_assert_true (json_parser_load_from_data (p, g_bytes_get_data (scans, NULL), g_bytes_get_size (scans), NULL));
    list = json_object_get_array_member (json_object_get_object_member (json_node_get_object (json_parser_get_root (p)),
                                                                        "data"), "scans");
    g_assert_cmpuint (json_array_get_length (list), ==, 3);
    url = json_object_get_string_member (json_object_get_object_member (json_array_get_object_element (list, 0), "avatar"), "url");
    g_assert_cmpuint (get_status (d.url, url, token, &glb), ==, 200);
    g_assert_cmpmem (g_bytes_get_data (glb, NULL), 4, "glTF", 4);
  }
  stop_daemon (&d);
  /* Clean shutdown checkpointed the WAL (TRUNCATE leaves it empty or absent). */
  g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);

  /* The operator verifies the demo nutritionist's licence on the stopped
   * server's data dir (issue 12); an unknown e-mail is an error. */
  g_assert_cmpint (run_license (dir, "--verify-license", "nobody@balanza.local"), ==, 1);
  g_assert_cmpint (run_license (dir, "--verify-license", "DEMO@balanza.local"), ==, 0);

  /* A restart on the same data dir does not import again and keeps the data. */
  start_daemon (&d, dir, TRUE);
  {
    g_autofree char *token = login (d.url, "demo@balanza.local");
    g_autoptr(GBytes) body = NULL, profile = NULL;
    g_assert_cmpuint (get_status (d.url, "/api/v1/nutritionist/patients?limit=100", token, &body), ==, 200);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (body, NULL), g_bytes_get_size (body), "\"total_items\":24"));
    g_assert_cmpuint (get_status (d.url, "/api/v1/nutritionist/profile", token, &profile), ==, 200);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (profile, NULL), g_bytes_get_size (profile),
                                    "\"license_status\":\"verified\""));
    g_assert_null (g_strstr_len (g_bytes_get_data (profile, NULL), g_bytes_get_size (profile),
                                 "\"license_verified_at\":null"));
  }
  stop_daemon (&d);
  bz_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/integration/balanzad/demo", test_demo_daemon);
  return g_test_run ();
}
