/* bz-http.h — request/response values passed between the server thread and
 * the handler workers, the seed 002 §4.1 envelope, and input parsing helpers.
 *
 * A BzRequest is an immutable copy of what a handler may read; a BzResponse is
 * what the server thread writes back.  Neither touches libsoup objects, so
 * handlers run safely on worker threads.
 */
#pragma once

#include <libsoup/soup.h>

#include "bz-limits.h"
#include "bz-resource.h"
#include "bz-services.h"

G_BEGIN_DECLS


typedef struct
{
  char *method;
  char *path;
  char *request_id;
  char *client_address;
  GHashTable *params;     /* path parameters, name -> value */
  GHashTable *query;      /* query string, name -> value (nullable) */
  char *query_string;     /* the raw query, percent-encoded (nullable): repeated names */
  SoupMessageHeaders *headers; /* a private copy of the request headers */
  GBytes *body;
  BzCaller *caller;       /* set when the route requires authentication */
  const BzJsonLimits *json_limits; /* the route's JSON limits (NULL: bz_json_limits_body) */
} BzRequest;

void bz_request_free (BzRequest *req);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzRequest, bz_request_free)

/** bz_request_query: Returns: (transfer none) (nullable): the query parameter @name. */
const char *bz_request_query (BzRequest *req, const char *name);
/** bz_request_param: Returns: (transfer none): the path parameter @name. */
const char *bz_request_param (BzRequest *req, const char *name);

/**
 * bz_request_query_all:
 * @name: the parameter; "name[]" (as axios and PHP write lists) counts too
 *
 * Every value of a query parameter that may repeat ("?dietary_tags=vegan&
 * dietary_tags=quick"), decoded as application/x-www-form-urlencoded, in
 * order.  bz_request_query() gives only the last one.
 *
 * Returns: (transfer full) (nullable): the values, or %NULL when absent.
 */
GStrv       bz_request_query_all (BzRequest *req, const char *name);

/**
 * bz_request_json_object:
 * @req: the request
 * @error: %BZ_ERROR_UNSUPPORTED_MEDIA unless Content-Type is application/json;
 *   %BZ_ERROR_PAYLOAD_TOO_LARGE past the route's byte limit; otherwise
 *   %BZ_ERROR_VALIDATION with one detail {field, issue} where field is the
 *   path of the fault ("body", "password", "items[3]") and issue one of
 *   "required", "malformed_json", "not_an_object", "too_deep",
 *   "too_many_items", "too_long", "nul_character", "out_of_range".
 *
 * Parses the body with bz_json_parse() under the route's limits
 * (req->json_limits): bounded time, memory and stack whatever the input.
 *
 * Returns: (transfer full): the object, or %NULL with @error.
 */
JsonObject *bz_request_json_object (BzRequest *req, GError **error);

/**
 * bz_json_error_to_api:
 * @parse_error: a %BZ_JSON_PARSE_ERROR from bz_json_parse()
 * @field: (nullable): the form field the JSON came from, prefixed to @path
 * @path: (nullable): the path bz_json_parse() reported
 *
 * Returns: (transfer full): the %BZ_ERROR to answer (413 for too large,
 *   400 with a field detail otherwise).
 */
GError     *bz_json_error_to_api (const GError *parse_error, const char *field, const char *path);

/* --- multipart/form-data ---------------------------------------------------- */

/** Parts one form may carry (a meal upload has four; a recipe twelve text
 * parts, %BZ_RECIPE_MAX_PHOTOS photos and the seed's nutrition_per_serving). */
#define BZ_FORM_MAX_PARTS 24

/**
 * BzForm:
 *
 * The fields of a multipart/form-data body, parsed by libsoup's
 * SoupMultipart from a body already held within the route's byte limit.
 */
typedef struct _BzForm BzForm;

/**
 * bz_form_parse:
 * @headers: the request headers (Content-Type with its boundary)
 * @body: (nullable): the whole body, followed in memory by a NUL byte (as
 *   soup_message_body_flatten() leaves it): libsoup 3.2.3's multipart parser
 *   searches it with strstr() (tests/fuzz/regressions/multipart/unterminated-body-strstr)
 * @names: (array zero-terminated=1): the field names the route reads; others are ignored
 * @error: %BZ_ERROR_UNSUPPORTED_MEDIA unless multipart/form-data;
 *   %BZ_ERROR_VALIDATION "malformed_multipart" (also over %BZ_FORM_MAX_PARTS
 *   parts) or "duplicate" (a field sent twice)
 *
 * Returns: (transfer full): the form; free with bz_form_free().
 */
BzForm     *bz_form_parse     (SoupMessageHeaders *headers, GBytes *body, const char *const *names, GError **error);
void        bz_form_free      (BzForm *form);

/**
 * bz_form_parse_full:
 * @repeatable: (nullable) (array zero-terminated=1): names of @names that may
 *   be sent more than once (several files under one name, as browsers'
 *   FormData.append() and curl -F send them); read with bz_form_get_all()
 *
 * bz_form_parse() with repeatable fields.
 *
 * Returns: (transfer full): the form; free with bz_form_free().
 */
BzForm     *bz_form_parse_full (SoupMessageHeaders *headers, GBytes *body, const char *const *names,
                                const char *const *repeatable, GError **error);

/**
 * bz_form_get_all:
 * Returns: (transfer full) (element-type GBytes): every part @name carried,
 *   in order (empty when none); for a field of bz_form_parse_full()'s
 *   @repeatable.
 */
GPtrArray  *bz_form_get_all   (BzForm *form, const char *name);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzForm, bz_form_free)

/** bz_form_get_bytes: Returns: (transfer none) (nullable): the raw part @name. */
GBytes     *bz_form_get_bytes (BzForm *form, const char *name);

/**
 * bz_form_get_text:
 * @max_len: the longest value accepted, in bytes
 * @v: collects "too_long", "nul_character" or "invalid_format" for @name
 *
 * Returns: (transfer full) (nullable): the part @name as UTF-8 text without
 *   NUL characters, or %NULL when absent or invalid.
 */
char       *bz_form_get_text  (BzForm *form, const char *name, gsize max_len, BzValidation *v);

/**
 * bz_form_get_json:
 * @limits: the field's JSON limits
 * @error: set as bz_json_error_to_api() does, with @name as the field
 *
 * Returns: (transfer full) (nullable): the parsed part @name; %NULL without
 *   @error when absent or empty.
 */
JsonNode   *bz_form_get_json  (BzForm *form, const char *name, const BzJsonLimits *limits, GError **error);

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
  BzRecord *record;       /* envelope data as a declared resource (instead of @data) */
  char *message;          /* optional top-level "message" */
  GBytes *raw;            /* raw body instead of an envelope (blobs) */
  char *content_type;     /* for @raw */
  char *etag;             /* strong ETag for @raw; enables If-None-Match and Range */
  gboolean immutable;     /* Cache-Control: public, max-age=31536000, immutable */
  char *disposition;      /* Content-Disposition for @raw (an attachment), or NULL */
  GError *error;          /* error envelope */
  char *envelope;         /* the envelope's JSON text, made on the worker */
  gsize envelope_len;
} BzResponse;

void        bz_response_free (BzResponse *resp);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzResponse, bz_response_free)

/** bz_response_json: Returns: (transfer full): a success response taking @data. */
BzResponse *bz_response_json  (guint status, JsonNode *data);
/**
 * bz_response_record:
 * @record: (transfer full): the data, written by bz_record_write_json()
 * Returns: (transfer full): a success response with @record as its data.
 */
BzResponse *bz_response_record (guint status, BzRecord *record);
/**
 * bz_response_blob:
 * @bytes: (transfer full): the body
 * @etag: (nullable): a strong ETag, with immutable caching, If-None-Match and
 *   Range; %NULL for a one-off answer (Cache-Control: no-store, no ranges)
 * Returns: (transfer full): a raw response.
 */
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
