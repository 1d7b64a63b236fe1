/* bz-handlers-openapi.c — GET /api/openapi.json, generated from the route tables so
 * the document lists exactly what the router serves (OpenAPI 3.0.3). */
#include "bz-router.h"

#include "bz-blob-store.h"
#include "config.h"

/* Every operation can fail with the error envelope: 4XX for the caller's
 * faults (validation, authentication, not found, limits), 5XX for ours. */
static void
add_error_responses (JsonBuilder *b, const BzRoute *r)
{
  static const char *const ranges[] = { "4XX", "5XX" };
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      json_builder_set_member_name (b, ranges[i]);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "$ref");
      json_builder_add_string_value (b, "#/components/responses/Error");
      json_builder_end_object (b);
    }
}

/* The parts of the document that no route table declares: the envelope's
 * error shape (seed 002 §4.1), the shared error response, security. */
static const char components_json[] =
  "{\"securitySchemes\":{\"bearer\":{\"type\":\"http\",\"scheme\":\"bearer\",\"bearerFormat\":\"JWT\"}},"
  "\"responses\":{\"Error\":{\"description\":\"Error envelope (seed 002 section 4.1)\","
  "\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Error\"}}}}},"
  "\"schemas\":{"
  "\"Meta\":{\"type\":\"object\",\"required\":[\"timestamp\",\"request_id\"],\"properties\":{"
  "\"timestamp\":{\"type\":\"string\",\"format\":\"date-time\"},\"request_id\":{\"type\":\"string\"}}},"
  "\"ErrorDetail\":{\"type\":\"object\",\"required\":[\"field\",\"issue\",\"message\"],\"properties\":{"
  "\"field\":{\"type\":\"string\"},\"issue\":{\"type\":\"string\"},\"message\":{\"type\":\"string\"}}},"
  "\"Error\":{\"type\":\"object\",\"required\":[\"success\",\"error\",\"meta\"],\"properties\":{"
  "\"success\":{\"type\":\"boolean\",\"enum\":[false]},"
  "\"error\":{\"type\":\"object\",\"required\":[\"code\",\"message\",\"details\"],\"properties\":{"
  "\"code\":{\"type\":\"string\",\"enum\":[\"VALIDATION_ERROR\",\"UNAUTHENTICATED\",\"FORBIDDEN\",\"NOT_FOUND\","
  "\"CONFLICT\",\"PAYLOAD_TOO_LARGE\",\"UNSUPPORTED_MEDIA_TYPE\",\"RATE_LIMITED\",\"UPSTREAM_ERROR\","
  "\"SERVICE_UNAVAILABLE\",\"INTERNAL_ERROR\",\"METHOD_NOT_ALLOWED\"]},"
  "\"message\":{\"type\":\"string\"},"
  "\"details\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/ErrorDetail\"}}}},"
  "\"meta\":{\"$ref\":\"#/components/schemas/Meta\"}}}}}";

static void
add_operation (JsonBuilder *b, const BzRoute *r, const char *path)
{
  g_auto(GStrv) segs = g_strsplit (path, "/", -1);
  g_autofree char *op_id = NULL;
  g_autofree char *method = g_ascii_strdown (r->method, -1);
  GString *id = g_string_new (NULL);
  gboolean blob = g_str_has_suffix (path, ".glb") || g_str_has_suffix (path, "/photo");

  g_string_append (id, method);
  for (guint i = 0; segs[i]; i++)
    for (const char *c = segs[i]; *c; c++)
      if (g_ascii_isalnum (*c))
        g_string_append_c (id, *c);
      else if (*c == '_' || *c == '-' || *c == '/')
        g_string_append_c (id, '_');
  op_id = g_string_free (id, FALSE);

  json_builder_set_member_name (b, method);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "summary");
  json_builder_add_string_value (b, r->summary ? r->summary : path);
  json_builder_set_member_name (b, "operationId");
  json_builder_add_string_value (b, op_id);
  if (r->flags & BZ_ROUTE_PUBLIC)
    {
      json_builder_set_member_name (b, "security");
      json_builder_begin_array (b);
      json_builder_end_array (b);
    }
  /* Path parameters */
  {
    gboolean any = FALSE;
    for (guint i = 0; segs[i]; i++)
      if (segs[i][0] == '{')
        {
          const char *close = strchr (segs[i], '}');
          g_autofree char *name = g_strndup (segs[i] + 1, close - segs[i] - 1);
          if (!any)
            {
              json_builder_set_member_name (b, "parameters");
              json_builder_begin_array (b);
              any = TRUE;
            }
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, name);
          json_builder_set_member_name (b, "in");
          json_builder_add_string_value (b, "path");
          json_builder_set_member_name (b, "required");
          json_builder_add_boolean_value (b, TRUE);
          json_builder_set_member_name (b, "schema");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "type");
          json_builder_add_string_value (b, "string");
          json_builder_end_object (b);
          json_builder_end_object (b);
        }
    if (any)
      json_builder_end_array (b);
  }
  if (g_str_equal (r->method, "POST"))
    {
      gboolean multipart = r->max_body > BZ_JSON_BODY_MAX;
      json_builder_set_member_name (b, "requestBody");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "required");
      json_builder_add_boolean_value (b, TRUE);
      json_builder_set_member_name (b, "content");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, multipart ? "multipart/form-data" : "application/json");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "schema");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "object");
      json_builder_end_object (b);
      json_builder_end_object (b);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "responses");
  json_builder_begin_object (b);
  /* The handler picks 200 or 201; OpenAPI 3's range key says exactly that. */
  json_builder_set_member_name (b, "2XX");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, blob ? "The file" : "Success envelope {success:true, data, meta}");
  json_builder_end_object (b);
  add_error_responses (b, r);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

typedef struct
{
  GHashTable *paths;  /* path -> GPtrArray of routes */
  GPtrArray *order;
} Collect;

static void
collect (const BzRoute *r, gpointer data)
{
  Collect *c = data;
  g_autofree char *norm = bz_router_normalize (r->pattern);
  const char *spellings[] = { r->pattern, norm };
  for (guint i = 0; i < 2; i++)
    {
      GPtrArray *ops;
      if (i == 1 && g_str_equal (norm, r->pattern))
        break;
      ops = g_hash_table_lookup (c->paths, spellings[i]);
      if (ops == NULL)
        {
          char *key = g_strdup (spellings[i]);
          ops = g_ptr_array_new ();
          g_hash_table_insert (c->paths, key, ops);
          g_ptr_array_add (c->order, key);
        }
      g_ptr_array_add (ops, (gpointer) r);
    }
}

static GBytes *
build_document (void)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  Collect c = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref),
                g_ptr_array_new () };
  gsize len;
  char *text;

  bz_router_foreach (collect, &c);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "openapi");
  json_builder_add_string_value (b, "3.0.3");
  json_builder_set_member_name (b, "info");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, "Balanza API");
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, PACKAGE_VERSION);
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, "Every path a seed names is served as spelled and under /api/v1/.");
  json_builder_set_member_name (b, "license");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, "GPL-3.0-or-later");
  json_builder_set_member_name (b, "url");
  json_builder_add_string_value (b, "https://www.gnu.org/licenses/gpl-3.0.html");
  json_builder_end_object (b);
  json_builder_end_object (b);
  /* The clinic's own server: paths are relative to wherever it answers. */
  json_builder_set_member_name (b, "servers");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "url");
  json_builder_add_string_value (b, "/");
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, "This Balanza server (balanza or balanzad on the clinic network)");
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "security");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "bearer");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "paths");
  json_builder_begin_object (b);
  for (guint i = 0; i < c.order->len; i++)
    {
      const char *path = g_ptr_array_index (c.order, i);
      GPtrArray *ops = g_hash_table_lookup (c.paths, path);
      json_builder_set_member_name (b, path);
      json_builder_begin_object (b);
      for (guint j = 0; j < ops->len; j++)
        add_operation (b, g_ptr_array_index (ops, j), path);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "components");
  json_builder_add_value (b, bz_json_parse (components_json, sizeof components_json - 1, &bz_json_limits_stored,
                                            NULL, NULL));
  json_builder_end_object (b);

  g_hash_table_unref (c.paths);
  g_ptr_array_unref (c.order);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, &len);
  return g_bytes_new_take (text, len);
}

static BzResponse *
openapi (BzServices *svc, BzRequest *req, GError **error)
{
  static GBytes *doc;
  static char *etag;
  BzResponse *resp;

  if (g_once_init_enter (&doc))
    {
      GBytes *d = build_document ();
      etag = bz_sha256_hex (d);
      g_once_init_leave (&doc, d);
    }
  resp = bz_response_blob (g_bytes_ref (doc), "application/json", etag);
  resp->immutable = FALSE;
  return resp;
}

const BzRoute bz_openapi_routes[] = {
  { "GET", "/api/openapi.json", openapi, BZ_ROUTE_PUBLIC, 0, "This document" },
  { NULL }
};
