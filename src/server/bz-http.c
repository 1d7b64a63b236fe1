/* bz-http.c — request/response values and the seed 002 §4.1 envelope. */
#include "bz-http.h"

#include <glib/gi18n.h>
#include <string.h>
#include <time.h>

#include "bz-json.h"

/* A string literal and its length, for bz_json_put(). */
#define BZ_LITERAL(s) ("" s ""), (sizeof (s) - 1)

void
bz_request_free (BzRequest *req)
{
  if (req == NULL)
    return;
  g_free (req->method);
  g_free (req->path);
  g_free (req->request_id);
  g_free (req->client_address);
  g_clear_pointer (&req->params, g_hash_table_unref);
  g_clear_pointer (&req->query, g_hash_table_unref);
  g_free (req->query_string);
  g_clear_pointer (&req->headers, soup_message_headers_unref);
  g_clear_pointer (&req->body, g_bytes_unref);
  g_clear_pointer (&req->caller, bz_caller_free);
  g_free (req);
}

const char *
bz_request_query (BzRequest *req, const char *name)
{
  return req->query ? g_hash_table_lookup (req->query, name) : NULL;
}

const char *
bz_request_param (BzRequest *req, const char *name)
{
  return req->params ? g_hash_table_lookup (req->params, name) : NULL;
}

/* @s (of @len bytes) decoded as application/x-www-form-urlencoded: '+' is a
 * space, %XX a byte; NULL when that is not UTF-8 or holds a NUL. */
static char *
form_decode (const char *s, gsize len)
{
  g_autofree char *plus = g_strndup (s, len);
  g_autofree char *decoded = NULL;

  g_strdelimit (plus, "+", ' ');
  decoded = g_uri_unescape_string (plus, NULL);
  if (decoded == NULL || !g_utf8_validate (decoded, -1, NULL))
    return NULL;
  return g_steal_pointer (&decoded);
}

GStrv
bz_request_query_all (BzRequest *req, const char *name)
{
  g_autoptr(GStrvBuilder) b = NULL;
  g_autofree char *list_name = g_strconcat (name, "[]", NULL);
  gboolean any = FALSE;
  const char *p;

  if (req->query_string == NULL)
    {
      const char *one = bz_request_query (req, name);
      const char *const single[] = { one, NULL };
      return one ? g_strdupv ((char **) single) : NULL;
    }
  b = g_strv_builder_new ();
  for (p = req->query_string; *p;)
    {
      const char *end = strchr (p, '&');
      const char *eq;
      gsize len = end ? (gsize) (end - p) : strlen (p);
      g_autofree char *key = NULL, *value = NULL;

      eq = memchr (p, '=', len);
      key = form_decode (p, eq ? (gsize) (eq - p) : len);
      if (key && (g_str_equal (key, name) || g_str_equal (key, list_name)) &&
          (value = form_decode (eq ? eq + 1 : p + len, eq ? len - (eq + 1 - p) : 0)))
        {
          g_strv_builder_add (b, value);
          any = TRUE;
        }
      p += len;
      if (*p == '&')
        p++;
    }
  return any ? g_strv_builder_end (b) : NULL;
}

static GError *
body_error (const char *issue, const char *message)
{
  GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION, message);
  bz_error_add_detail (e, "body", issue, message);
  return e;
}

GError *
bz_json_error_to_api (const GError *parse_error, const char *field, const char *path)
{
  g_autofree char *where = NULL;
  const char *issue = bz_json_parse_error_issue (parse_error);
  const char *message;
  GError *e;

  if (field && (path == NULL || strcmp (path, "body") == 0))
    where = g_strdup (field);
  else if (field && path[0] == '[')
    where = g_strconcat (field, path, NULL);
  else if (field)
    where = g_strconcat (field, ".", path, NULL);
  else
    where = g_strdup (path ? path : "body");

  switch (parse_error->domain == BZ_JSON_PARSE_ERROR ? parse_error->code : BZ_JSON_PARSE_ERROR_MALFORMED)
    {
    case BZ_JSON_PARSE_ERROR_TOO_LARGE:
      e = g_error_new_literal (BZ_ERROR, BZ_ERROR_PAYLOAD_TOO_LARGE, _("The JSON text is too large"));
      bz_error_add_detail (e, where, issue, e->message);
      return e;
    case BZ_JSON_PARSE_ERROR_TOO_DEEP: message = _("The JSON text is nested too deeply"); break;
    case BZ_JSON_PARSE_ERROR_TOO_MANY_ITEMS: message = _("Too many elements in one array or object"); break;
    case BZ_JSON_PARSE_ERROR_STRING_TOO_LONG: message = _("A text value is too long"); break;
    case BZ_JSON_PARSE_ERROR_NUL_CHARACTER: message = _("Text may not contain the NUL character"); break;
    case BZ_JSON_PARSE_ERROR_NUMBER_RANGE: message = _("A number is out of range"); break;
    default: message = _("The request body is not valid JSON"); break;
    }
  e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION, message);
  bz_error_add_detail (e, where, issue, message);
  return e;
}

JsonObject *
bz_request_json_object (BzRequest *req, GError **error)
{
  const char *ct = soup_message_headers_get_content_type (req->headers, NULL);
  BzJsonLimits limits = req->json_limits ? *req->json_limits : bz_json_limits_body;
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = NULL;
  gsize len = 0;
  const char *data;

  if (ct == NULL || g_ascii_strcasecmp (ct, "application/json") != 0)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNSUPPORTED_MEDIA,
                   _("The request body must be application/json"));
      return NULL;
    }
  data = req->body ? g_bytes_get_data (req->body, &len) : NULL;
  if (len == 0)
    {
      g_propagate_error (error, body_error ("required", _("The request body is empty")));
      return NULL;
    }
  root = bz_json_parse (data, len, &limits, &path, &local);
  if (root == NULL)
    {
      g_propagate_error (error, bz_json_error_to_api (local, NULL, path));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_propagate_error (error, body_error ("not_an_object", _("The request body must be a JSON object")));
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

/* --- multipart/form-data ---------------------------------------------------- */

struct _BzForm
{
  GHashTable *parts;  /* name -> GBytes (the first, for a repeatable field) */
  GHashTable *files;  /* name -> filename (parts that carried one) */
  GHashTable *all;    /* repeatable name -> GPtrArray of GBytes, in order */
};

void
bz_form_free (BzForm *form)
{
  if (form == NULL)
    return;
  g_hash_table_unref (form->parts);
  g_hash_table_unref (form->files);
  g_clear_pointer (&form->all, g_hash_table_unref);
  g_free (form);
}

BzForm *
bz_form_parse (SoupMessageHeaders *headers, GBytes *body, const char *const *names, GError **error)
{
  return bz_form_parse_full (headers, body, names, NULL, error);
}

BzForm *
bz_form_parse_full (SoupMessageHeaders *headers, GBytes *body, const char *const *names,
                    const char *const *repeatable, GError **error)
{
  const char *mime = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(SoupMultipart) mp = NULL;
  g_autoptr(BzForm) form = NULL;

  if (mime == NULL || g_ascii_strcasecmp (mime, "multipart/form-data") != 0)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNSUPPORTED_MEDIA, _("The request body must be multipart/form-data"));
      return NULL;
    }
  mp = body ? soup_multipart_new_from_message (headers, body) : NULL;
  if (mp == NULL || soup_multipart_get_length (mp) > BZ_FORM_MAX_PARTS)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION, _("The multipart body is malformed"));
      bz_error_add_detail (*error, "body", "malformed_multipart", (*error)->message);
      return NULL;
    }
  form = g_new0 (BzForm, 1);
  form->parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  form->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  form->all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (int i = 0; i < soup_multipart_get_length (mp); i++)
    {
      SoupMessageHeaders *ph;
      GBytes *pb;
      g_autofree char *disposition = NULL;
      g_autoptr(GHashTable) dparams = NULL;
      const char *name, *filename, *raw_disposition;
      gsize body_len, part_len;
      const guint8 *body_start, *part_start;

      if (!soup_multipart_get_part (mp, i, &ph, &pb))
        continue;
      /* libsoup 3.2.3 gives a part whose headers end at the next boundary a
       * length of 2^64 - 2 (found by tests/fuzz/fuzz-multipart): accept only
       * parts that lie inside the body. */
      body_start = g_bytes_get_data (body, &body_len);
      part_start = g_bytes_get_data (pb, &part_len);
      if (part_len > 0 && (part_start < body_start || part_len > body_len ||
                           (gsize) (part_start - body_start) > body_len - part_len))
        {
          g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION, _("The multipart body is malformed"));
          bz_error_add_detail (*error, "body", "malformed_multipart", (*error)->message);
          return NULL;
        }
      /* A Content-Disposition without its type makes libsoup emit a critical:
       * check the type ourselves first. */
      raw_disposition = soup_message_headers_get_one (ph, "Content-Disposition");
      if (raw_disposition == NULL || g_ascii_strncasecmp (raw_disposition, "form-data", 9) != 0 ||
          (raw_disposition[9] != '\0' && raw_disposition[9] != ';' && raw_disposition[9] != ' '))
        continue;
      /* libsoup can answer TRUE with no type for "form-data x=y" (found by
       * tests/fuzz/fuzz-multipart). */
      if (!soup_message_headers_get_content_disposition (ph, &disposition, &dparams) ||
          disposition == NULL || g_ascii_strcasecmp (disposition, "form-data") != 0 ||
          (name = g_hash_table_lookup (dparams, "name")) == NULL)
        continue;
      if (!g_strv_contains (names, name))
        continue;  /* unknown fields are ignored, as browsers send extras */
      if (repeatable && g_strv_contains (repeatable, name))
        {
          GPtrArray *list = g_hash_table_lookup (form->all, name);
          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
              g_hash_table_insert (form->all, g_strdup (name), list);
            }
          g_ptr_array_add (list, g_bytes_ref (pb));
          if (g_hash_table_contains (form->parts, name))
            continue;
        }
      else if (g_hash_table_contains (form->parts, name))
        {
          g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION, _("A form field was sent twice"));
          bz_error_add_detail (*error, name, "duplicate", (*error)->message);
          return NULL;
        }
      g_hash_table_insert (form->parts, g_strdup (name), g_bytes_ref (pb));
      if ((filename = g_hash_table_lookup (dparams, "filename")))
        g_hash_table_insert (form->files, g_strdup (name), g_strdup (filename));
    }
  return g_steal_pointer (&form);
}

GBytes *
bz_form_get_bytes (BzForm *form, const char *name)
{
  return g_hash_table_lookup (form->parts, name);
}

GPtrArray *
bz_form_get_all (BzForm *form, const char *name)
{
  GPtrArray *list = g_hash_table_lookup (form->all, name);
  return list ? g_ptr_array_ref (list) : g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
}

char *
bz_form_get_text (BzForm *form, const char *name, gsize max_len, BzValidation *v)
{
  GBytes *b = g_hash_table_lookup (form->parts, name);
  gsize len;
  const char *data;

  if (b == NULL)
    return NULL;
  data = g_bytes_get_data (b, &len);
  if (len > max_len)
    {
      bz_validation_add (v, name, "too_long", _("This field is too long"));
      return NULL;
    }
  if (len && memchr (data, '\0', len))
    {
      bz_validation_add (v, name, "nul_character", _("Text may not contain the NUL character"));
      return NULL;
    }
  if (!g_utf8_validate_len (data, len, NULL))
    {
      bz_validation_add (v, name, "invalid_format", _("This field is not valid UTF-8 text"));
      return NULL;
    }
  return g_strndup (data, len);
}

JsonNode *
bz_form_get_json (BzForm *form, const char *name, const BzJsonLimits *limits, GError **error)
{
  GBytes *b = g_hash_table_lookup (form->parts, name);
  g_autoptr(GError) local = NULL;
  g_autofree char *path = NULL;
  JsonNode *root;
  gsize len;
  const char *data;

  if (b == NULL || g_bytes_get_size (b) == 0)
    return NULL;
  data = g_bytes_get_data (b, &len);
  root = bz_json_parse (data, len, limits, &path, &local);
  if (root == NULL)
    g_propagate_error (error, bz_json_error_to_api (local, name, path));
  return root;
}

guint
bz_request_query_uint (BzRequest *req, const char *name, guint def, guint min, guint max, BzValidation *v)
{
  const char *s = bz_request_query (req, name);
  guint64 value;

  if (s == NULL || *s == '\0')
    return def;
  if (!g_ascii_string_to_unsigned (s, 10, min, max, &value, NULL))
    {
      g_autofree char *msg = g_strdup_printf (_("%s must be an integer between %u and %u"), name, min, max);
      bz_validation_add (v, name, "out_of_range", msg);
      return def;
    }
  return (guint) value;
}

void
bz_response_free (BzResponse *resp)
{
  if (resp == NULL)
    return;
  g_clear_pointer (&resp->data, json_node_unref);
  g_clear_object (&resp->record);
  g_free (resp->envelope);
  g_clear_pointer (&resp->raw, g_bytes_unref);
  g_clear_error (&resp->error);
  g_free (resp->message);
  g_free (resp->content_type);
  g_free (resp->etag);
  g_free (resp->disposition);
  g_free (resp);
}

BzResponse *
bz_response_json (guint status, JsonNode *data)
{
  BzResponse *r = g_new0 (BzResponse, 1);
  r->status = status;
  r->data = data;
  return r;
}

BzResponse *
bz_response_record (guint status, BzRecord *record)
{
  BzResponse *r = g_new0 (BzResponse, 1);
  r->status = status;
  r->record = record;
  return r;
}

BzResponse *
bz_response_blob (GBytes *bytes, const char *content_type, const char *etag)
{
  BzResponse *r = g_new0 (BzResponse, 1);
  r->status = 200;
  r->raw = bytes;
  r->content_type = g_strdup (content_type);
  r->etag = g_strdup (etag);
  r->immutable = TRUE;
  return r;
}

BzResponse *
bz_response_error (GError *error)
{
  BzResponse *r = g_new0 (BzResponse, 1);
  r->status = bz_error_http_status (error);
  r->error = error;
  return r;
}

/* "YYYY-MM-DDTHH:MM:SSZ" (UTC, 20 characters) for the current second, into
 * @buf: gmtime_r() and digits, not g_date_time_format() (about 4,200
 * instructions a call under callgrind, for every response). */
static void
utc_now_iso8601 (char buf[21])
{
  time_t t = time (NULL);
  struct tm tm;
  int year;

  gmtime_r (&t, &tm);
  const int parts[6] = { 0, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec };
  year = CLAMP (tm.tm_year + 1900, 0, 9999);
  memcpy (buf, "0000-00-00T00:00:00Z", 21);
  buf[0] = '0' + year / 1000;
  buf[1] = '0' + year / 100 % 10;
  buf[2] = '0' + year / 10 % 10;
  buf[3] = '0' + year % 10;
  for (int i = 1; i < 6; i++)
    {
      buf[2 + 3 * i] = '0' + parts[i] / 10;
      buf[3 + 3 * i] = '0' + parts[i] % 10;
    }
}

char *
bz_envelope_serialize (const BzResponse *resp, const char *request_id, gsize *out_len)
{
  char ts[21];
  /* Sized for a typical record response (a day with a plan is ~5-8 KB), so
   * the buffer is not grown (a realloc and copy) on the way. */
  GString *out = g_string_sized_new (12288);

  utc_now_iso8601 (ts);

  /* Written straight from the data tree: no copy of it, no JsonBuilder;
   * constant text with bz_json_put() (GLib 2.74's g_string_append() is a
   * strlen() and an out-of-line call). */
  if (resp->error)
    {
      JsonArray *details = bz_error_get_details (resp->error);
      const char *message = resp->error->message;
      /* Never leak SQL or internals to clients. */
      if (bz_error_http_status (resp->error) >= 500 && resp->error->code != BZ_ERROR_UNAVAILABLE &&
          resp->error->code != BZ_ERROR_UPSTREAM)
        message = _("Internal server error");
      g_string_append (out, "{\"success\":false,\"error\":{\"code\":");
      bz_json_append_string (out, bz_error_code_name (resp->error));
      g_string_append (out, ",\"message\":");
      bz_json_append_string (out, message);
      g_string_append (out, ",\"details\":");
      if (details)
        {
          g_autoptr(JsonNode) n = json_node_new (JSON_NODE_ARRAY);
          json_node_set_array (n, details);
          bz_json_append (out, n);
        }
      else
        g_string_append (out, "[]");
      g_string_append_c (out, '}');
    }
  else
    {
      bz_json_put (out, BZ_LITERAL ("{\"success\":true,\"data\":"));
      if (resp->record)
        bz_record_write_json (resp->record, out);
      else if (resp->data)
        bz_json_append (out, resp->data);
      else
        bz_json_put (out, BZ_LITERAL ("null"));
    }
  if (resp->message)
    {
      g_string_append (out, ",\"message\":");
      bz_json_append_string (out, resp->message);
    }
  /* The timestamp is digits and punctuation: nothing to escape. */
  bz_json_put (out, BZ_LITERAL (",\"meta\":{\"timestamp\":\""));
  bz_json_put (out, ts, 20);
  bz_json_put (out, BZ_LITERAL ("\",\"request_id\":"));
  bz_json_append_string (out, request_id);
  bz_json_put (out, BZ_LITERAL ("}}"));
  if (out_len)
    *out_len = out->len;
  return g_string_free (out, FALSE);
}

