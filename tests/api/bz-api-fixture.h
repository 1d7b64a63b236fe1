/* bz-api-fixture.h — a real store and server on a loopback port, and a libsoup client. */
#pragma once

#include <libsoup/soup.h>

#include "bz-server.h"

typedef struct
{
  char *dir;
  BzStore *store;
  BzServices *services;
  BzServer *server;
  SoupSession *session;
  char *base;
} BzApi;

typedef struct
{
  guint status;
  SoupMessageHeaders *headers;
  GBytes *body;
  JsonNode *json;      /* parsed body when JSON */
} BzApiResponse;

void           bz_api_response_free (BzApiResponse *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzApiResponse, bz_api_response_free)

/** bz_api_shared: one server per test binary (food import is the slow part). */
BzApi         *bz_api_shared (void);
void           bz_api_shutdown (void);

BzApiResponse *bz_api_call (BzApi *api, const char *method, const char *path, const char *token,
                            const char *content_type, const char *body, gsize len,
                            const char *const *extra_headers);
BzApiResponse *bz_api_json (BzApi *api, const char *method, const char *path, const char *token,
                            const char *json_body);

/** Envelope accessors (assert the envelope shape). */
JsonObject    *bz_api_data  (BzApiResponse *r);
const char    *bz_api_error_code (BzApiResponse *r);
/** bz_api_has_detail: Returns: TRUE if error.details has an entry for @field. */
gboolean       bz_api_has_detail (BzApiResponse *r, const char *field);

/**
 * bz_api_assert_every_operation_checked:
 * Every JSON response of bz_api_call() is validated against /api/openapi.json
 * (bz-schema-check.h); this fails the test unless every operation with a
 * JSON success response was seen answering 2xx at least once.
 */
void           bz_api_assert_every_operation_checked (BzApi *api);

/**
 * bz_api_plan_modifications:
 * Returns: (transfer full) (nullable): the stored ingredient modifications
 *   (a JSON array as text) of @recipe_id in the meal @meal_name of @day of
 *   the meal plan @plan_id, read from the database; %NULL when none.
 */
char          *bz_api_plan_modifications (BzApi *api, const char *plan_id, gint64 day, const char *meal_name,
                                          const char *recipe_id);
/**
 * bz_api_jpeg:
 * @width: in pixels
 * @height: in pixels
 * @rgba: its one colour (a distinct colour is a distinct photo, for caches)
 *
 * Returns: (transfer full): a real JPEG of @width x @height (gdk-pixbuf).
 */
GBytes        *bz_api_jpeg (int width, int height, guint32 rgba);
/**
 * bz_api_expect:
 * @r: a response
 * @status: the HTTP status @r must have
 *
 * Fails the test with @r's status and body when its status is not @status.
 */
void           bz_api_expect (BzApiResponse *r, guint status);
/**
 * bz_api_refuse:
 * @tables: %NULL-terminated: the tables that must keep their row counts
 * @detail: (nullable): a field that error.details must name
 *
 * Sends @body to @method @path as @token (%NULL: none) and asserts the
 * answer's @status, the @detail, and that @tables are unchanged: a refusal
 * stores nothing.
 */
void           bz_api_refuse (BzApi *api, const char *method, const char *path, const char *token, const char *body,
                              guint status, const char *detail, const char *const *tables);
/** bz_api_count: Returns: SELECT count(*) FROM @table (store-unchanged checks). */
gint64         bz_api_count (BzApi *api, const char *table);

/** bz_api_register: registers a user and returns its access token (transfer full). */
char          *bz_api_register (BzApi *api, const char *email, const char *user_type, char **out_refresh);

/** bz_api_test_jpeg: Returns: (transfer full): a small real JPEG. */
GBytes        *bz_api_test_jpeg (void);
