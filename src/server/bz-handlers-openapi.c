/* bz-handlers-openapi.c — GET /api/openapi.json, generated from the route tables so
 * the document lists exactly what the router serves (OpenAPI 3.0.3). */
#include "bz-router.h"

#include "bz-machine-service.h"

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
  "{\"securitySchemes\":{\"bearer\":{\"type\":\"http\",\"scheme\":\"bearer\",\"bearerFormat\":\"JWT\"},"
  "\"machineKey\":{\"type\":\"apiKey\",\"in\":\"header\",\"name\":\"" BZ_MACHINE_KEY_HEADER "\","
  "\"description\":\"A gym machine's key (POST /api/machines shows it once; docs/realtime.md)\"}},"
  "\"responses\":{\"Error\":{\"description\":\"Error envelope (seed 002 section 4.1)\","
  "\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Error\"}}}}},"
  "\"schemas\":{"
  "\"Meta\":{\"type\":\"object\",\"required\":[\"timestamp\",\"request_id\"],\"properties\":{"
  "\"timestamp\":{\"type\":\"string\",\"format\":\"date-time\"},\"request_id\":{\"type\":\"string\"}}},"
  "\"ErrorDetail\":{\"type\":\"object\",\"required\":[\"field\",\"issue\",\"message\"],\"properties\":{"
  "\"field\":{\"type\":\"string\"},\"issue\":{\"type\":\"string\"},\"message\":{\"type\":\"string\"},"
  "\"resync\":{\"type\":\"string\",\"format\":\"uri-reference\",\"description\":\"SYNC_CURSOR_EXPIRED: where a full sync starts\"}}},"
  "\"Error\":{\"type\":\"object\",\"required\":[\"success\",\"error\",\"meta\"],\"properties\":{"
  "\"success\":{\"type\":\"boolean\",\"enum\":[false]},"
  "\"error\":{\"type\":\"object\",\"required\":[\"code\",\"message\",\"details\"],\"properties\":{"
  "\"code\":{\"type\":\"string\",\"enum\":[\"VALIDATION_ERROR\",\"UNAUTHENTICATED\",\"FORBIDDEN\",\"NOT_FOUND\","
  "\"CONFLICT\",\"PAYLOAD_TOO_LARGE\",\"UNSUPPORTED_MEDIA_TYPE\",\"RATE_LIMITED\",\"UPSTREAM_ERROR\","
  "\"SERVICE_UNAVAILABLE\",\"INTERNAL_ERROR\",\"METHOD_NOT_ALLOWED\",\"SYNC_CURSOR_EXPIRED\"]},"
  "\"message\":{\"type\":\"string\"},"
  "\"details\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/ErrorDetail\"}}}},"
  "\"meta\":{\"$ref\":\"#/components/schemas/Meta\"}}}}}";

static JsonNode *
raw_schema (const char *media_type)
{
  JsonObject *o = json_object_new ();
  json_object_set_string_member (o, "type", g_str_equal (media_type, "application/json") ? "object" : "string");
  if (!g_str_equal (media_type, "application/json"))
    json_object_set_string_member (o, "format", "binary");
  return bz_json_node_new_object (o);
}

/* {success: true, data: <the route's resource> | null, message?, meta}: the
 * success envelope of seed 002 section 4.1, closed to other members. */
static JsonNode *
envelope_schema (const BzResource *data, JsonObject *schemas)
{
  JsonObject *o = json_object_new (), *props = json_object_new ();
  JsonObject *success = json_object_new (), *d = json_object_new (), *message = json_object_new ();
  JsonObject *meta = json_object_new ();
  JsonArray *required = json_array_new (), *yes = json_array_new ();

  json_object_set_string_member (o, "type", "object");
  json_array_add_string_element (required, "success");
  json_array_add_string_element (required, "data");
  json_array_add_string_element (required, "meta");
  json_object_set_array_member (o, "required", required);
  json_object_set_string_member (success, "type", "boolean");
  json_array_add_boolean_element (yes, TRUE);
  json_object_set_array_member (success, "enum", yes);
  json_object_set_object_member (props, "success", success);
  if (data)
    {
      g_autofree char *ref = g_strconcat ("#/components/schemas/",
                                          bz_resource_add_schemas (data, BZ_SCHEMA_RESPONSE, schemas), NULL);
      json_object_set_string_member (d, "$ref", ref);
    }
  else
    {
      json_object_set_string_member (d, "type", "object");
      json_object_set_boolean_member (d, "nullable", TRUE);
      json_object_set_int_member (d, "maxProperties", 0);
      json_object_set_string_member (d, "description", "Always null");
    }
  json_object_set_object_member (props, "data", d);
  json_object_set_string_member (message, "type", "string");
  json_object_set_string_member (message, "description", "What was done, for people (seed 004 endpoints)");
  json_object_set_object_member (props, "message", message);
  json_object_set_string_member (meta, "$ref", "#/components/schemas/Meta");
  json_object_set_object_member (props, "meta", meta);
  json_object_set_object_member (o, "properties", props);
  json_object_set_boolean_member (o, "additionalProperties", FALSE);
  return bz_json_node_new_object (o);
}

static void
add_operation (JsonBuilder *b, const BzRoute *r, const char *path, JsonObject *schemas)
{
  g_auto(GStrv) segs = g_strsplit (path, "/", -1);
  g_autofree char *op_id = NULL;
  g_autofree char *method = g_ascii_strdown (r->method, -1);
  GString *id = g_string_new (NULL);

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
  if (r->description)
    {
      json_builder_set_member_name (b, "description");
      json_builder_add_string_value (b, r->description);
    }
  json_builder_set_member_name (b, "operationId");
  json_builder_add_string_value (b, op_id);
  if (r->flags & BZ_ROUTE_PUBLIC)
    {
      json_builder_set_member_name (b, "security");
      json_builder_begin_array (b);
      if (r->flags & BZ_ROUTE_TOKEN_OPTIONAL)
        {
          /* Either no credentials or the bearer token. */
          json_builder_begin_object (b);
          json_builder_end_object (b);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "bearer");
          json_builder_begin_array (b);
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      else if (r->flags & BZ_ROUTE_MACHINE_KEY)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "machineKey");
          json_builder_begin_array (b);
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
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
    /* Query parameters, from the route's declaration. */
    for (guint i = 0; r->query && i < r->query->n_fields; i++)
      {
        const BzField *f = &r->query->fields[i];
        JsonObject *schema = bz_field_schema (f, BZ_SCHEMA_REQUEST, schemas);
        if (!any)
          {
            json_builder_set_member_name (b, "parameters");
            json_builder_begin_array (b);
            any = TRUE;
          }
        json_builder_begin_object (b);
        json_builder_set_member_name (b, "name");
        json_builder_add_string_value (b, f->name);
        json_builder_set_member_name (b, "in");
        json_builder_add_string_value (b, "query");
        json_builder_set_member_name (b, "required");
        json_builder_add_boolean_value (b, (f->flags & BZ_FIELD_REQUIRED) != 0);
        if (json_object_has_member (schema, "description"))
          {
            json_builder_set_member_name (b, "description");
            json_builder_add_string_value (b, json_object_get_string_member (schema, "description"));
            json_object_remove_member (schema, "description");
          }
        if (f->type == BZ_FIELD_STRING_ARRAY)
          {
            json_builder_set_member_name (b, "explode");
            json_builder_add_boolean_value (b, TRUE);
          }
        json_builder_set_member_name (b, "schema");
        json_builder_add_value (b, bz_json_node_new_object (schema));
        json_builder_end_object (b);
      }
    if (any)
      json_builder_end_array (b);
  }
  if (r->request)
    {
      gboolean multipart = r->max_body > BZ_JSON_BODY_MAX;
      g_autofree char *ref = g_strconcat ("#/components/schemas/",
                                          bz_resource_add_schemas (r->request, BZ_SCHEMA_REQUEST, schemas), NULL);
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
      json_builder_set_member_name (b, "$ref");
      json_builder_add_string_value (b, ref);
      json_builder_end_object (b);
      json_builder_end_object (b);
      if (multipart && r->request_json)
        {
          g_autofree char *json_ref = g_strconcat ("#/components/schemas/",
                                                   bz_resource_add_schemas (r->request_json, BZ_SCHEMA_REQUEST, schemas),
                                                   NULL);
          json_builder_set_member_name (b, "application/json");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "schema");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "$ref");
          json_builder_add_string_value (b, json_ref);
          json_builder_end_object (b);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "responses");
  json_builder_begin_object (b);
  /* The handler picks 200 or 201; OpenAPI 3's range key says exactly that. */
  json_builder_set_member_name (b, "2XX");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, (r->flags & BZ_ROUTE_NO_CONTENT) ? "No Content (204): no body"
                                    : r->raw_type ? "The file" : "Success envelope {success:true, data, meta}");
  json_builder_set_member_name (b, "content");
  json_builder_begin_object (b);
  if (!(r->flags & BZ_ROUTE_NO_CONTENT))
    {
      json_builder_set_member_name (b, r->raw_type ? r->raw_type : "application/json");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "schema");
      json_builder_add_value (b, r->raw_type ? raw_schema (r->raw_type) : envelope_schema (r->response, schemas));
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
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

  g_autoptr(JsonNode) components = bz_json_parse (components_json, sizeof components_json - 1,
                                                  &bz_json_limits_stored, NULL, NULL);
  JsonObject *schemas = json_object_get_object_member (json_node_get_object (components), "schemas");

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
        add_operation (b, g_ptr_array_index (ops, j), path, schemas);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "components");
  json_builder_add_value (b, json_node_ref (components));
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
  { "GET", "/api/openapi.json", openapi, BZ_ROUTE_PUBLIC, 0, "This document", .raw_type = "application/json" },
  { NULL }
};
