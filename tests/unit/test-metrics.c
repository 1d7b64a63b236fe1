/* test-metrics.c — bz-metrics.[ch] (the Prometheus text format 0.0.4 and
 * histogram buckets), bz_log_json_line() and the request records of
 * bz_log_request() / bz_log_request_error() (bz-log.h). */
#include <json-glib/json-glib.h>
#include <math.h>

#include "bz-log.h"
#include "bz-metrics.h"

static void
test_buckets (void)
{
  const double *b = bz_metrics_latency_buckets;
  const guint n = BZ_METRICS_N_LATENCY_BUCKETS;

  /* The Prometheus clients' DefBuckets, ascending. */
  g_assert_cmpfloat (b[0], ==, 0.005);
  g_assert_cmpfloat (b[n - 1], ==, 10);
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (b[i - 1], <, b[i]);
  /* "le": a value equal to a bound belongs to that bound's bucket. */
  g_assert_cmpuint (bz_metrics_bucket_index (b, n, 0), ==, 0);
  g_assert_cmpuint (bz_metrics_bucket_index (b, n, 0.005), ==, 0);
  g_assert_cmpuint (bz_metrics_bucket_index (b, n, 0.0050001), ==, 1);
  g_assert_cmpuint (bz_metrics_bucket_index (b, n, 0.3), ==, 6);
  g_assert_cmpuint (bz_metrics_bucket_index (b, n, 10), ==, n - 1);
  g_assert_cmpuint (bz_metrics_bucket_index (b, n, 10.5), ==, n);
  g_assert_cmpuint (bz_metrics_bucket_index (b, n, INFINITY), ==, n);
  g_assert_cmpuint (bz_metrics_bucket_index (b, n, NAN), ==, n);
  /* Against a linear search, for every bound and its neighbours. */
  for (guint i = 0; i < n; i++)
    for (int d = -1; d <= 1; d++)
      {
        double v = b[i] + d * 1e-6;
        guint want = 0;
        while (want < n && v > b[want])
          want++;
        g_assert_cmpuint (bz_metrics_bucket_index (b, n, v), ==, want);
      }
}

static char *
label (const char *value)
{
  GString *s = g_string_new (NULL);
  bz_metrics_append_label_value (s, value);
  return g_string_free (s, FALSE);
}

static void
test_escaping (void)
{
  g_autofree char *plain = label ("/api/v1/posts/{post_id}");
  g_autofree char *hard = label ("a\\b\"c\nd");
  g_autofree char *utf8 = label ("señal ñ");
  g_autofree char *null = label (NULL);
  GString *s = g_string_new (NULL);

  g_assert_cmpstr (plain, ==, "/api/v1/posts/{post_id}");
  g_assert_cmpstr (hard, ==, "a\\\\b\\\"c\\nd");
  g_assert_cmpstr (utf8, ==, "señal ñ");
  g_assert_cmpstr (null, ==, "");

  bz_metrics_append_family (s, "x_total", "counter", "Line one\nback\\slash");
  g_assert_cmpstr (s->str, ==, "# HELP x_total Line one\\nback\\\\slash\n# TYPE x_total counter\n");
  g_string_truncate (s, 0);
  bz_metrics_append_sample (s, "x_total", (const char *const[]) { "route", "a\"b", "status", "200", NULL }, 3);
  g_assert_cmpstr (s->str, ==, "x_total{route=\"a\\\"b\",status=\"200\"} 3\n");
  g_string_truncate (s, 0);
  bz_metrics_append_sample (s, "g", NULL, 0.25);
  g_assert_cmpstr (s->str, ==, "g 0.25\n");
  g_string_free (s, TRUE);
}

static void
test_values (void)
{
  const struct { double v; const char *text; } cases[] = {
    { 0, "0" }, { 42, "42" }, { -7, "-7" }, { 0.005, "0.005" }, { 2.5, "2.5" },
    { 0.1 + 0.2, "0.30000000000000004" }, { INFINITY, "+Inf" }, { -INFINITY, "-Inf" }, { NAN, "NaN" },
    { 1e20, "1e+20" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GString *s = g_string_new (NULL);
      bz_metrics_append_value (s, cases[i].v);
      g_assert_cmpstr (s->str, ==, cases[i].text);
      if (isfinite (cases[i].v))
        g_assert_cmpfloat (g_ascii_strtod (s->str, NULL), ==, cases[i].v);  /* reads back exactly */
      g_string_free (s, TRUE);
    }
}

static void
test_histogram (void)
{
  const double bounds[] = { 0.1, 1 };
  const guint64 counts[] = { 2, 0, 1 };  /* two <= 0.1, none in (0.1, 1], one above */
  GString *s = g_string_new (NULL);

  bz_metrics_append_histogram (s, "d_seconds", (const char *const[]) { "route", "/x", NULL }, bounds, 2, counts, 3.5);
  g_assert_cmpstr (s->str, ==,
                   "d_seconds_bucket{route=\"/x\",le=\"0.1\"} 2\n"
                   "d_seconds_bucket{route=\"/x\",le=\"1\"} 2\n"
                   "d_seconds_bucket{route=\"/x\",le=\"+Inf\"} 3\n"
                   "d_seconds_sum{route=\"/x\"} 3.5\n"
                   "d_seconds_count{route=\"/x\"} 3\n");
  g_string_truncate (s, 0);
  bz_metrics_append_histogram (s, "d", NULL, bounds, 2, counts, 0);
  g_assert_true (g_str_has_prefix (s->str, "d_bucket{le=\"0.1\"} 2\n"));
  g_assert_nonnull (strstr (s->str, "d_count 3\n"));
  g_string_free (s, TRUE);
}

static void
test_json_line (void)
{
  const GLogField fields[] = {
    { "GLIB_DOMAIN", BZ_LOG_DOMAIN_HTTP, -1 },
    { "PRIORITY", "6", -1 },
    { "MESSAGE", "GET /x 200 \"quoted\"\n", -1 },
    { "REQUEST_ID", "rid-1", -1 },
    { "USER_ID", "u-1", -1 },
    { "ROUTE", "/api/v1/posts/{post_id}", -1 },
    { "STATUS", "200", -1 },
    { "DURATION_MS", "1.250", -1 },
    { "BINARY", "\xff\xfe", 2 },
  };
  g_autofree char *line = bz_log_json_line (G_LOG_LEVEL_INFO, fields, G_N_ELEMENTS (fields),
                                            1764563045123456);  /* 2025-12-01T04:24:05.123456Z */
  g_autoptr(JsonParser) p = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *o;

  g_assert_true (g_str_has_suffix (line, "\n"));
  g_assert_true (strchr (line, '\n') == line + strlen (line) - 1);  /* one line: the message's \n is escaped */
  g_assert_true (json_parser_load_from_data (p, line, -1, &error));
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (p));
  g_assert_cmpstr (json_object_get_string_member (o, "time"), ==, "2025-12-01T04:24:05.123456Z");
  g_assert_cmpstr (json_object_get_string_member (o, "level"), ==, "info");
  g_assert_cmpstr (json_object_get_string_member (o, "domain"), ==, "balanza-http");
  g_assert_cmpstr (json_object_get_string_member (o, "message"), ==, "GET /x 200 \"quoted\"\n");
  g_assert_cmpstr (json_object_get_string_member (o, "request_id"), ==, "rid-1");
  g_assert_cmpstr (json_object_get_string_member (o, "user_id"), ==, "u-1");
  g_assert_cmpstr (json_object_get_string_member (o, "route"), ==, "/api/v1/posts/{post_id}");
  g_assert_cmpint (json_object_get_int_member (o, "status"), ==, 200);
  g_assert_cmpfloat (json_object_get_double_member (o, "duration_ms"), ==, 1.25);
  g_assert_false (json_object_has_member (o, "priority"));
  g_assert_false (json_object_has_member (o, "binary"));
}

/* --- bz_log_request() and bz_log_request_error(): the fields they emit ---- */

static GPtrArray *captured;  /* JsonObject * of each record, through bz_log_json_line() */

static GLogWriterOutput
capture (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
  g_autofree char *line = bz_log_json_line (level, fields, n_fields, 0);
  g_autoptr(JsonParser) p = json_parser_new ();
  g_assert_true (json_parser_load_from_data (p, line, -1, NULL));
  g_ptr_array_add (captured, json_object_ref (json_node_get_object (json_parser_get_root (p))));
  return G_LOG_WRITER_HANDLED;
}

static void
test_request_records (void)
{
  JsonObject *o;

  captured = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_log_set_writer_func (capture, NULL, NULL);
  bz_log_request ("rid-a", "user-1", "/api/v1/posts/{post_id}", "GET", 404, 1500);
  bz_log_request ("rid-b", NULL, NULL, "PUT", 405, 0);
  bz_log_request_error ("rid-c", "POST", "/api/v1/x", "database is locked");
  g_assert_cmpuint (captured->len, ==, 3);

  o = g_ptr_array_index (captured, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "level"), ==, "info");
  g_assert_cmpstr (json_object_get_string_member (o, "domain"), ==, BZ_LOG_DOMAIN_HTTP);
  g_assert_cmpstr (json_object_get_string_member (o, "request_id"), ==, "rid-a");
  g_assert_cmpstr (json_object_get_string_member (o, "user_id"), ==, "user-1");
  g_assert_cmpstr (json_object_get_string_member (o, "route"), ==, "/api/v1/posts/{post_id}");
  g_assert_cmpstr (json_object_get_string_member (o, "method"), ==, "GET");
  g_assert_cmpint (json_object_get_int_member (o, "status"), ==, 404);
  g_assert_cmpfloat (json_object_get_double_member (o, "duration_ms"), ==, 1.5);

  o = g_ptr_array_index (captured, 1);
  g_assert_false (json_object_has_member (o, "user_id"));  /* anonymous */
  g_assert_cmpstr (json_object_get_string_member (o, "route"), ==, "");
  g_assert_cmpint (json_object_get_int_member (o, "status"), ==, 405);

  /* A 5xx: WARNING, with the id as a field and in the message. */
  o = g_ptr_array_index (captured, 2);
  g_assert_cmpstr (json_object_get_string_member (o, "level"), ==, "warning");
  g_assert_cmpstr (json_object_get_string_member (o, "request_id"), ==, "rid-c");
  g_assert_nonnull (strstr (json_object_get_string_member (o, "message"), "rid-c"));
  g_assert_nonnull (strstr (json_object_get_string_member (o, "message"), "database is locked"));
  g_clear_pointer (&captured, g_ptr_array_unref);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/metrics/buckets", test_buckets);
  g_test_add_func ("/metrics/escaping", test_escaping);
  g_test_add_func ("/metrics/values", test_values);
  g_test_add_func ("/metrics/histogram", test_histogram);
  g_test_add_func ("/log/json-line", test_json_line);
  g_test_add_func ("/log/request-records", test_request_records);
  return g_test_run ();
}
