/* bz-log.c — request records and the JSON lines writer (see bz-log.h). */
#include "bz-log.h"

#include "bz-json.h"

#include <errno.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

static gint json_writer_on;  /* atomic: bz_log_use_json() was called */

static const char *
level_name (GLogLevelFlags level)
{
  if (level & G_LOG_LEVEL_ERROR)
    return "error";
  if (level & G_LOG_LEVEL_CRITICAL)
    return "critical";
  if (level & G_LOG_LEVEL_WARNING)
    return "warning";
  if (level & G_LOG_LEVEL_MESSAGE)
    return "message";
  if (level & G_LOG_LEVEL_INFO)
    return "info";
  return "debug";
}

/* A field's text, or NULL when it is binary and not UTF-8. */
static char *
field_text (const GLogField *f)
{
  if (f->length < 0)
    return g_strdup (f->value);
  if (!g_utf8_validate (f->value, f->length, NULL))
    return NULL;
  return g_strndup (f->value, f->length);
}

static void
add_field (JsonBuilder *b, const char *key, const char *text)
{
  json_builder_set_member_name (b, key);
  if (g_str_equal (key, "status") || g_str_equal (key, "duration_ms"))
    {
      char *end = NULL;
      double v = g_ascii_strtod (text, &end);
      if (end && end != text && *end == '\0')
        {
          json_builder_add_double_value (b, v);
          return;
        }
    }
  json_builder_add_string_value (b, text);
}

char *
bz_log_json_line (GLogLevelFlags log_level, const GLogField *fields, gsize n_fields, gint64 time_us)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) tu = g_date_time_add (t, time_us % G_USEC_PER_SEC);
  g_autofree char *when = g_date_time_format (tu, "%Y-%m-%dT%H:%M:%S.%fZ");
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "time");
  json_builder_add_string_value (b, when);
  json_builder_set_member_name (b, "level");
  json_builder_add_string_value (b, level_name (log_level));
  for (gsize i = 0; i < n_fields; i++)
    {
      const GLogField *f = &fields[i];
      g_autofree char *value = NULL;
      g_autofree char *key = NULL;

      if (f->key == NULL || g_str_equal (f->key, "PRIORITY") || (value = field_text (f)) == NULL)
        continue;
      if (g_str_equal (f->key, "GLIB_DOMAIN"))
        key = g_strdup ("domain");
      else
        key = g_ascii_strdown (f->key, -1);
      add_field (b, key, value);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = bz_json_to_string (root, NULL);   /* 0.412, not json-glib 1.6's 17 digits */
  return g_strconcat (text, "\n", NULL);
}

static const char *
field_value (const GLogField *fields, gsize n_fields, const char *key)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, key) == 0 && fields[i].length < 0)
      return fields[i].value;
  return NULL;
}

GLogWriterOutput
bz_log_writer_json (GLogLevelFlags log_level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
  int fd = user_data ? GPOINTER_TO_INT (user_data) : STDERR_FILENO;
  g_autofree char *line = NULL;
  gsize len, done = 0;

  if ((log_level & G_LOG_LEVEL_DEBUG) &&
      g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, field_value (fields, n_fields, "GLIB_DOMAIN")))
    return G_LOG_WRITER_HANDLED;
  line = bz_log_json_line (log_level, fields, n_fields, g_get_real_time ());
  len = strlen (line);
  while (done < len)
    {
      ssize_t n = write (fd, line + done, len - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return G_LOG_WRITER_UNHANDLED;
      done += n;
    }
  return G_LOG_WRITER_HANDLED;
}

void
bz_log_use_json (void)
{
  g_log_set_writer_func (bz_log_writer_json, NULL, NULL);
  g_atomic_int_set (&json_writer_on, 1);
}

gboolean
bz_log_requests_enabled (void)
{
  return g_atomic_int_get (&json_writer_on) ||
         !g_log_writer_default_would_drop (G_LOG_LEVEL_INFO, BZ_LOG_DOMAIN_HTTP);
}

void
bz_log_request (const char *request_id, const char *user_id, const char *route, const char *method,
                guint status, gint64 duration_us)
{
  char status_s[16], duration_s[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *message = NULL;
  GLogField fields[9];
  gsize n = 0;

  g_snprintf (status_s, sizeof status_s, "%u", status);
  g_ascii_formatd (duration_s, sizeof duration_s, "%.3f", duration_us / 1000.0);
  message = g_strdup_printf ("%s %s %s %s ms (request %s)", method, route ? route : "-", status_s, duration_s,
                             request_id);
#define FIELD(k, v) fields[n++] = (GLogField) { (k), (v), -1 }
  FIELD ("GLIB_DOMAIN", BZ_LOG_DOMAIN_HTTP);
  FIELD ("PRIORITY", "6");   /* syslog's LOG_INFO, as g_log_structured() sets it */
  FIELD ("MESSAGE", message);
  FIELD ("REQUEST_ID", request_id);
  if (user_id)
    FIELD ("USER_ID", user_id);
  FIELD ("ROUTE", route ? route : "");
  FIELD ("METHOD", method);
  FIELD ("STATUS", status_s);
  FIELD ("DURATION_MS", duration_s);
#undef FIELD
  g_log_structured_array (G_LOG_LEVEL_INFO, fields, n);
}

void
bz_log_request_error (const char *request_id, const char *method, const char *path, const char *message)
{
  g_autofree char *text = g_strdup_printf ("request %s: %s %s: %s", request_id, method, path, message);
  const GLogField fields[] = {
    { "GLIB_DOMAIN", BZ_LOG_DOMAIN_HTTP, -1 },
    { "PRIORITY", "4", -1 },   /* syslog's LOG_WARNING */
    { "MESSAGE", text, -1 },
    { "REQUEST_ID", request_id, -1 },
    { "METHOD", method, -1 },
  };
  g_log_structured_array (G_LOG_LEVEL_WARNING, fields, G_N_ELEMENTS (fields));
}
