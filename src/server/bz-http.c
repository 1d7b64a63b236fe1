/* bz-http.c — request/response values and the seed 002 §4.1 envelope. */
#include "bz-http.h"

#include <glib/gi18n.h>

#include "bz-json.h"

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

/* Depth of @node, counting containers; stops descending past @limit so a
 * hostile body costs O(size), never more. */
static guint
json_depth (JsonNode *node, guint limit)
{
  guint max = 0, d;
  if (limit == 0)
    return 1;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter it;
      JsonNode *child;
      json_object_iter_init (&it, json_node_get_object (node));
      while (json_object_iter_next (&it, NULL, &child))
        if ((d = json_depth (child, limit - 1)) > max)
          max = d;
      return max + 1;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (a); i++)
        if ((d = json_depth (json_array_get_element (a, i), limit - 1)) > max)
          max = d;
      return max + 1;
    }
  return 0;
}

static GError *
body_error (const char *issue, const char *message)
{
  GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION, message);
  bz_error_add_detail (e, "body", issue, message);
  return e;
}

JsonObject *
bz_request_json_object (BzRequest *req, GError **error)
{
  const char *ct = soup_message_headers_get_content_type (req->headers, NULL);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local = NULL;
  gsize len = 0;
  const char *data;
  JsonNode *root;

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
  if (!g_utf8_validate (data, len, NULL))
    {
      g_propagate_error (error, body_error ("malformed_json", _("The request body is not valid UTF-8")));
      return NULL;
    }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, len, &local))
    {
      g_propagate_error (error, body_error ("malformed_json", _("The request body is not valid JSON")));
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_propagate_error (error, body_error ("not_an_object", _("The request body must be a JSON object")));
      return NULL;
    }
  if (json_depth (root, BZ_JSON_MAX_DEPTH + 1) > BZ_JSON_MAX_DEPTH)
    {
      g_propagate_error (error, body_error ("too_deep", _("The request body is nested too deeply")));
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
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
  g_clear_pointer (&resp->raw, g_bytes_unref);
  g_clear_error (&resp->error);
  g_free (resp->message);
  g_free (resp->content_type);
  g_free (resp->etag);
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

char *
bz_envelope_serialize (const BzResponse *resp, const char *request_id, gsize *out_len)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *ts = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "success");
  json_builder_add_boolean_value (b, resp->error == NULL);
  if (resp->error)
    {
      JsonArray *details = bz_error_get_details (resp->error);
      const char *message = resp->error->message;
      /* Never leak SQL or internals to clients. */
      if (bz_error_http_status (resp->error) >= 500 && resp->error->code != BZ_ERROR_UNAVAILABLE &&
          resp->error->code != BZ_ERROR_UPSTREAM)
        message = _("Internal server error");
      json_builder_set_member_name (b, "error");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, bz_error_code_name (resp->error));
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, message);
      json_builder_set_member_name (b, "details");
      if (details)
        {
          JsonNode *n = json_node_new (JSON_NODE_ARRAY);
          json_node_set_array (n, details);
          json_builder_add_value (b, n);
        }
      else
        {
          json_builder_begin_array (b);
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
    }
  else
    {
      json_builder_set_member_name (b, "data");
      json_builder_add_value (b, resp->data ? json_node_copy (resp->data) : json_node_new (JSON_NODE_NULL));
    }
  if (resp->message)
    {
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, resp->message);
    }
  json_builder_set_member_name (b, "meta");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "timestamp");
  json_builder_add_string_value (b, ts);
  json_builder_set_member_name (b, "request_id");
  json_builder_add_string_value (b, request_id);
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return bz_json_to_string (root, out_len);
}

