/* bz-http.h — request/response values passed between the server thread and
 * the handler workers, the seed 002 §4.1 envelope, and input parsing helpers.
 *
 * A BzRequest is an immutable copy of what a handler may read; a BzResponse is
 * what the server thread writes back.  Neither touches libsoup objects, so
 * handlers run safely on worker threads.
 */
#pragma once

#include <libsoup/soup.h>

#include "bz-services.h"

G_BEGIN_DECLS

/** Default and per-route body limits (bytes). */
#define BZ_JSON_BODY_MAX   (64 * 1024)
#define BZ_UPLOAD_BODY_MAX (12 * 1024 * 1024)
/** Maximum nesting of a JSON request body (arrays/objects). */
#define BZ_JSON_MAX_DEPTH  32

typedef struct
{
  char *method;
  char *path;
  char *request_id;
  char *client_address;
  GHashTable *params;     /* path parameters, name -> value */
  GHashTable *query;      /* query string, name -> value (nullable) */
  SoupMessageHeaders *headers; /* a private copy of the request headers */
  GBytes *body;
  BzCaller *caller;       /* set when the route requires authentication */
} BzRequest;

void bz_request_free (BzRequest *req);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzRequest, bz_request_free)

/** bz_request_query: Returns: (transfer none) (nullable): the query parameter @name. */
const char *bz_request_query (BzRequest *req, const char *name);
/** bz_request_param: Returns: (transfer none): the path parameter @name. */
const char *bz_request_param (BzRequest *req, const char *name);

/**
 * bz_request_json_object:
 * Parses the body as a JSON object: 415 unless Content-Type is
 * application/json, 400 with detail {field:"body", issue:"malformed_json" |
 * "not_an_object" | "too_deep"} otherwise.
 * Returns: (transfer full): the object, or %NULL with @error.
 */
JsonObject *bz_request_json_object (BzRequest *req, GError **error);

/**
 * bz_request_query_uint:
 * Parses query parameter @name as an integer in [@min, @max]; @def when absent.
 * On failure adds a detail to @v and returns @def.
 */
guint bz_request_query_uint (BzRequest *req, const char *name, guint def, guint min, guint max, BzValidation *v);

typedef struct
{
  guint status;
  JsonNode *data;         /* envelope data (success responses) */
  char *message;          /* optional top-level "message" */
  GBytes *raw;            /* raw body instead of an envelope (blobs) */
  char *content_type;     /* for @raw */
  char *etag;             /* strong ETag for @raw; enables If-None-Match and Range */
  gboolean immutable;     /* Cache-Control: public, max-age=31536000, immutable */
  GError *error;          /* error envelope */
} BzResponse;

void        bz_response_free (BzResponse *resp);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzResponse, bz_response_free)

/** bz_response_json: Returns: (transfer full): a success response taking @data. */
BzResponse *bz_response_json  (guint status, JsonNode *data);
/** bz_response_blob: Returns: (transfer full): a raw response with ETag and immutable caching. */
BzResponse *bz_response_blob  (GBytes *bytes, const char *content_type, const char *etag);
/** bz_response_error: Returns: (transfer full): an error response taking @error. */
BzResponse *bz_response_error (GError *error);

/**
 * bz_envelope_serialize:
 * Returns: (transfer full): the JSON text of the envelope for @resp
 * ({success, data|error, message?, meta: {timestamp, request_id}}).
 */
char *bz_envelope_serialize (const BzResponse *resp, const char *request_id, gsize *out_len);

G_END_DECLS
