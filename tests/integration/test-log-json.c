/* test-log-json.c — balanzad --log-format=json as an operator runs it: the
 * JSON lines writer (bz-log.h) on a real process's standard error.
 *
 * Every line on stderr parses as one JSON object; an anonymous GET
 * /api/v1/health sent with X-Request-Id gives exactly one INFO record in the
 * domain balanza-http with that request_id, route, method, status 200, a
 * numeric duration_ms and no user_id; an authenticated request of a newly
 * registered user gives its user_id (the token's "sub") and its route
 * template; an unknown --log-format value exits 2. */
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>

#include "bz-test-util.h"
#include "config.h"

static guint
request (const char *base, const char *method, const char *path, const char *token, const char *rid,
         const char *json, GBytes **out_body)
{
  g_autoptr(SoupSession) s = soup_session_new ();
  g_autofree char *url = g_strconcat (base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) body = NULL;
  SoupMessageHeaders *h = soup_message_get_request_headers (msg);

  soup_message_headers_replace (h, "X-Request-Id", rid);
  if (token)
    {
      g_autofree char *auth = g_strdup_printf ("Bearer %s", token);
      soup_message_headers_replace (h, "Authorization", auth);
    }
  if (json)
    {
      g_autoptr(GBytes) b = g_bytes_new (json, strlen (json));
      soup_message_set_request_body_from_bytes (msg, "application/json", b);
    }
  body = soup_session_send_and_read (s, msg, NULL, NULL);
  if (out_body)
    *out_body = g_steal_pointer (&body);
  return soup_message_get_status (msg);
}

static JsonObject *
parse_object (const char *text, gsize len)
{
  g_autoptr(JsonParser) p = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (p, text, len, &error))
    g_error ("not JSON (%s): %.*s", error->message, (int) len, text);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (p)));
  return json_object_ref (json_node_get_object (json_parser_get_root (p)));
}

/* The "sub" claim of a JWT. */
static char *
token_subject (const char *token)
{
  g_auto(GStrv) parts = g_strsplit (token, ".", 3);
  GString *b64 = g_string_new (parts[1]);
  g_autofree guchar *raw = NULL;
  g_autoptr(JsonObject) o = NULL;
  gsize len;

  g_strdelimit (b64->str, "-", '+');
  g_strdelimit (b64->str, "_", '/');
  while (b64->len % 4)
    g_string_append_c (b64, '=');
  raw = g_base64_decode (b64->str, &len);
  g_string_free (b64, TRUE);
  o = parse_object ((const char *) raw, len);
  return g_strdup (json_object_get_string_member (o, "sub"));
}

/* The records of @lines with request_id @rid. */
static GPtrArray *
records_of (GPtrArray *lines, const char *rid)
{
  GPtrArray *found = g_ptr_array_new ();
  for (guint i = 0; i < lines->len; i++)
    {
      JsonObject *o = g_ptr_array_index (lines, i);
      if (g_strcmp0 (json_object_get_string_member_with_default (o, "request_id", NULL), rid) == 0)
        g_ptr_array_add (found, o);
    }
  return found;
}

static void
test_json_lines (void)
{
  g_autofree char *dir = bz_test_tmpdir ("log-json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) err_bytes = NULL, reg_body = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GPtrArray) anon = NULL, authed = NULL;
  g_autoptr(JsonObject) reg = NULL;
  g_autofree char *base = NULL, *sub = NULL;
  g_auto(GStrv) err_lines = NULL;
  const char *token;
  JsonObject *r;

  {
    const char *argv[] = { "--data-dir", dir, "--port", "0", "--bind", "127.0.0.1", "--log-format=json", NULL };
    proc = bz_test_spawn_daemon (G_SUBPROCESS_FLAGS_STDERR_PIPE, argv, &base);
  }

  g_assert_cmpuint (request (base, "GET", "/api/v1/health", NULL, "log-json-anon-1", NULL, NULL), ==, 200);
  g_assert_cmpuint (request (base, "POST", "/api/v1/auth/register", NULL, "log-json-register-1",
                             "{\"email\":\"log-json@test.local\",\"password\":\"Secure-Pass1!\",\"first_name\":\"Log\","
                             "\"last_name\":\"Json\",\"user_type\":\"nutritionist\"}", &reg_body), ==, 201);
  reg = parse_object (g_bytes_get_data (reg_body, NULL), g_bytes_get_size (reg_body));
  token = json_object_get_string_member (json_object_get_object_member (reg, "data"), "access_token");
  sub = token_subject (token);
  g_assert_cmpuint (request (base, "GET", "/api/v1/gamification/me", token, "log-json-authed-1", NULL, NULL), ==, 200);

  g_subprocess_send_signal (proc, SIGTERM);
  g_assert_true (g_subprocess_communicate (proc, NULL, NULL, NULL, &err_bytes, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);

  /* stderr holds JSON lines only. */
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (err_bytes, NULL), g_bytes_get_size (err_bytes));
    err_lines = g_strsplit (text, "\n", -1);
  }
  for (guint i = 0; err_lines[i]; i++)
    if (err_lines[i][0] != '\0')
      g_ptr_array_add (lines, parse_object (err_lines[i], -1));
  g_assert_cmpuint (lines->len, >=, 3);

  anon = records_of (lines, "log-json-anon-1");
  g_assert_cmpuint (anon->len, ==, 1);
  r = g_ptr_array_index (anon, 0);
  g_assert_cmpstr (json_object_get_string_member (r, "level"), ==, "info");
  g_assert_cmpstr (json_object_get_string_member (r, "domain"), ==, "balanza-http");
  g_assert_cmpstr (json_object_get_string_member (r, "route"), ==, "/api/v1/health");
  g_assert_cmpstr (json_object_get_string_member (r, "method"), ==, "GET");
  g_assert_cmpint (json_object_get_int_member (r, "status"), ==, 200);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (r, "duration_ms")), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_object_get_double_member (r, "duration_ms"), >=, 0);
  g_assert_false (json_object_has_member (r, "user_id"));
  g_assert_nonnull (json_object_get_string_member (r, "time"));
  g_assert_nonnull (json_object_get_string_member (r, "message"));

  authed = records_of (lines, "log-json-authed-1");
  g_assert_cmpuint (authed->len, ==, 1);
  r = g_ptr_array_index (authed, 0);
  g_assert_cmpstr (json_object_get_string_member (r, "user_id"), ==, sub);
  g_assert_cmpstr (json_object_get_string_member (r, "route"), ==, "/api/v1/gamification/me");
  g_assert_cmpint (json_object_get_int_member (r, "status"), ==, 200);
}

static void
test_bad_format (void)
{
  g_autofree char *exe = g_build_filename (BZ_BUILD_DIR, "src", "balanzad", NULL);
  g_autofree char *dir = bz_test_tmpdir ("log-bad");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, exe,
                                                  "--data-dir", dir, "--log-format=xml", NULL);

  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (proc, NULL, &error));
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/balanzad/log-json", test_json_lines);
  g_test_add_func ("/balanzad/log-format-unknown", test_bad_format);
  return g_test_run ();
}
