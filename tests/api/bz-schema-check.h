/* bz-schema-check.h — checks live responses against /api/openapi.json: the
 * document and the server cannot drift apart.  Our own walk of the OpenAPI
 * 3.0 schema subset the document uses ($ref, allOf, type, nullable, enum,
 * required, properties, additionalProperties: false, items, maxProperties,
 * formats uuid/date/date-time). */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * bz_schema_check_response:
 * @doc: the OpenAPI document
 * @method: "GET", "POST"...
 * @path: the request path, query included (ignored)
 * @status: the HTTP status
 * @body: the parsed JSON body
 * @out_problem: (out) (transfer full): what did not match, with its JSON path
 *
 * Finds the operation for @method and @path, the response for @status (its
 * 2XX, 4XX or 5XX entry; the Error response for paths the document does not
 * have) and validates @body against its application/json schema.
 *
 * Returns: %TRUE when @body matches.
 */
gboolean bz_schema_check_response (JsonNode *doc, const char *method, const char *path, guint status,
                                   JsonNode *body, char **out_problem);

/**
 * bz_schema_operation_key:
 * Returns: (transfer full) (nullable): "get /api/v1/foods/{ndb_no}" for the
 *   document's operation that serves @method @path, or %NULL.
 */
char    *bz_schema_operation_key (JsonNode *doc, const char *method, const char *path);

G_END_DECLS
