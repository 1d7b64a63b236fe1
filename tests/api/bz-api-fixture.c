/* bz-api-fixture.c — real store + server on 127.0.0.1:0 + libsoup client. */
#include "bz-api-fixture.h"

#include "bz-meal-plan-resources.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "bz-auth-service-private.h"
#include "bz-privacy-resources.h"
#include "bz-schema-check.h"
#include "bz-test-util.h"
#include "bz-audit.h"
#include "bz-store.h"
#include "bz-recipe-import.h"
#include "bz-usda-import.h"

static BzApi *shared;
static JsonNode *openapi_doc;        /* fetched once; every JSON response is checked against it */
static GHashTable *operations_seen;  /* "get /api/v1/foods/{ndb_no}" answered 2xx */

/* "/api/x" and "/api/v1/x" are one operation. */
static char *
normalized_key (const char *key)
{
  const char *path = strchr (key, ' ') + 1;
  if (g_str_has_prefix (path, "/api/") && !g_str_has_prefix (path, "/api/v1/") &&
      !g_str_equal (path, "/api/openapi.json"))
    return g_strdup_printf ("%.*s /api/v1/%s", (int) (path - key - 1), key, path + 5);
  return g_strdup (key);
}

static JsonNode *
document (BzApi *api)
{
  if (openapi_doc == NULL)
    {
      g_autofree char *url = g_strconcat (api->base, "/api/openapi.json", NULL);
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) body = soup_session_send_and_read (api->session, msg, NULL, &error);
      g_assert_no_error (error);
      openapi_doc = json_from_string (g_bytes_get_data (body, NULL), &error);
      g_assert_no_error (error);
      operations_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  return openapi_doc;
}

/* Fails the test when @r does not match what the document says of it. */
static void
check_against_document (BzApi *api, const char *method, const char *path, BzApiResponse *r)
{
  g_autofree char *problem = NULL;
  g_autofree char *key = NULL;

  if (r->json == NULL || g_str_has_prefix (path, "/api/openapi.json"))
    return;
  if (!bz_schema_check_response (document (api), method, path, r->status, r->json, &problem))
    g_error ("The response does not match /api/openapi.json: %s", problem);
  key = r->status < 300 ? bz_schema_operation_key (openapi_doc, method, path) : NULL;
  if (key)
    g_hash_table_add (operations_seen, normalized_key (key));
}

void
bz_api_assert_every_operation_checked (BzApi *api)
{
  JsonObject *paths = json_object_get_object_member (json_node_get_object (document (api)), "paths");
  g_autoptr(GList) tpls = json_object_get_members (paths);
  g_autoptr(GString) missing = g_string_new (NULL);

  for (GList *l = tpls; l; l = l->next)
    {
      JsonObject *ops = json_object_get_object_member (paths, l->data);
      g_autoptr(GList) methods = json_object_get_members (ops);
      for (GList *m = methods; m; m = m->next)
        {
          JsonObject *ok = json_object_get_object_member (json_object_get_object_member (
              json_object_get_object_member (ops, m->data), "responses"), "2XX");
          g_autofree char *key = g_strdup_printf ("%s %s", (char *) m->data, (char *) l->data);
          g_autofree char *norm = normalized_key (key);
          if (!json_object_has_member (json_object_get_object_member (ok, "content"), "application/json") ||
              g_str_has_suffix (l->data, "/openapi.json"))
            continue;
          if (!g_hash_table_contains (operations_seen, norm))
            g_string_append_printf (missing, " %s;", norm);
        }
    }
  if (missing->len)
    g_error ("No successful response was checked against the document for:%s", missing->str);
}

void
bz_api_response_free (BzApiResponse *r)
{
  if (!r)
    return;
  g_clear_pointer (&r->headers, soup_message_headers_unref);
  g_clear_pointer (&r->body, g_bytes_unref);
  g_clear_pointer (&r->json, json_node_unref);
  g_free (r);
}

BzApi *
bz_api_shared (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *foods = NULL;

  if (shared)
    return shared;
  shared = g_new0 (BzApi, 1);
  shared->dir = bz_test_tmpdir ("api");
  shared->store = bz_store_open (shared->dir, &error);
  g_assert_no_error (error);
  foods = bz_usda_default_source_dir ();
  g_assert_true (bz_usda_import (shared->store, foods, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *recipes = bz_recipe_default_source ();
    g_assert_true (bz_recipe_import (shared->store, recipes, NULL, &error));
    g_assert_no_error (error);
  }
  shared->services = bz_services_new (shared->store);
  shared->server = bz_server_new (shared->services);
  {
    /* The suite sends many requests per user; the limit has its own test. */
    BzServerLimits limits;
    bz_server_get_limits (shared->server, &limits);
    limits.api_requests_per_minute = 0;
    bz_server_set_limits (shared->server, &limits);
  }
  g_assert_true (bz_server_start (shared->server, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  shared->base = g_strdup_printf ("http://127.0.0.1:%u", bz_server_get_port (shared->server));
  shared->session = soup_session_new_with_options ("timeout", 60, NULL);
  return shared;
}

void
bz_api_shutdown (void)
{
  if (!shared)
    return;
  g_clear_pointer (&openapi_doc, json_node_unref);
  g_clear_pointer (&operations_seen, g_hash_table_unref);
  g_object_unref (shared->session);
  bz_server_stop (shared->server);
  g_object_unref (shared->server);
  g_object_unref (shared->services);
  g_object_unref (shared->store);
  bz_test_rmdir (shared->dir);
  g_free (shared->dir);
  g_free (shared->base);
  g_clear_pointer (&shared, g_free);
}

BzApiResponse *
bz_api_call (BzApi *api, const char *method, const char *path, const char *token,
             const char *content_type, const char *body, gsize len, const char *const *extra_headers)
{
  g_autofree char *url = g_strconcat (api->base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  BzApiResponse *r = g_new0 (BzApiResponse, 1);
  const char *ct;

  g_assert_nonnull (msg);
  if (token)
    {
      g_autofree char *auth = g_strdup_printf ("Bearer %s", token);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  for (guint i = 0; extra_headers && extra_headers[i]; i += 2)
    soup_message_headers_replace (soup_message_get_request_headers (msg), extra_headers[i], extra_headers[i + 1]);
  if (body)
    {
      g_autoptr(GBytes) b = g_bytes_new (body, len);
      soup_message_set_request_body_from_bytes (msg, content_type, b);
    }
  r->body = soup_session_send_and_read (api->session, msg, NULL, &error);
  g_assert_no_error (error);
  r->status = soup_message_get_status (msg);
  r->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  ct = soup_message_headers_get_content_type (r->headers, NULL);
  if (ct && g_str_equal (ct, "application/json"))
    {
      g_autoptr(JsonParser) p = json_parser_new ();
      gsize n;
      const char *d = g_bytes_get_data (r->body, &n);
      g_assert_true (json_parser_load_from_data (p, d, n, &error));
      r->json = json_node_copy (json_parser_get_root (p));
      check_against_document (api, method, path, r);
    }
  return r;
}

BzApiResponse *
bz_api_json (BzApi *api, const char *method, const char *path, const char *token, const char *json_body)
{
  return bz_api_call (api, method, path, token, json_body ? "application/json" : NULL,
                      json_body, json_body ? strlen (json_body) : 0, NULL);
}

static void
assert_meta (JsonObject *root)
{
  JsonObject *meta = json_object_get_object_member (root, "meta");
  const char *ts;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_assert_nonnull (meta);
  /* UTC, to the second, and the server's current time (same machine). */
  ts = json_object_get_string_member (meta, "timestamp");
  g_assert_nonnull (ts);
  g_assert_cmpuint (strlen (ts), ==, 20);
  g_assert_true (g_str_has_suffix (ts, "Z"));
  at = g_date_time_new_from_iso8601 (ts, NULL);
  g_assert_nonnull (at);
  g_assert_cmpint (ABS (g_date_time_difference (now, at)), <, 3600 * G_TIME_SPAN_SECOND);
  g_assert_nonnull (json_object_get_string_member (meta, "request_id"));
}

JsonObject *
bz_api_data (BzApiResponse *r)
{
  JsonObject *root;
  g_assert_nonnull (r->json);
  root = json_node_get_object (r->json);
  if (!json_object_get_boolean_member (root, "success"))
    g_error ("expected success, got %u: %.*s", r->status, (int) g_bytes_get_size (r->body),
             (const char *) g_bytes_get_data (r->body, NULL));
  assert_meta (root);
  return json_object_get_object_member (root, "data");
}

const char *
bz_api_error_code (BzApiResponse *r)
{
  JsonObject *root, *err;
  g_assert_nonnull (r->json);
  root = json_node_get_object (r->json);
  g_assert_false (json_object_get_boolean_member (root, "success"));
  assert_meta (root);
  err = json_object_get_object_member (root, "error");
  g_assert_nonnull (json_object_get_string_member (err, "message"));
  g_assert_nonnull (json_object_get_array_member (err, "details"));
  return json_object_get_string_member (err, "code");
}

gboolean
bz_api_has_detail (BzApiResponse *r, const char *field)
{
  JsonObject *err = json_object_get_object_member (json_node_get_object (r->json), "error");
  JsonArray *d = json_object_get_array_member (err, "details");
  for (guint i = 0; i < json_array_get_length (d); i++)
    {
      JsonObject *o = json_array_get_object_element (d, i);
      if (g_strcmp0 (json_object_get_string_member (o, "field"), field) == 0)
        {
          g_assert_nonnull (json_object_get_string_member (o, "issue"));
          return TRUE;
        }
    }
  return FALSE;
}

gint64
bz_api_count (BzApi *api, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(sqlite3_stmt) st = NULL;
  /* Audit rows are written in batches off the request path: count them all. */
  bz_audit_log_flush (bz_services_get_audit_log (api->services));
  st = bz_db_prepare (bz_store_db (api->store), sql, NULL);
  g_assert_nonnull (st);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  return sqlite3_column_int64 (st, 0);
}

GBytes *
bz_api_jpeg (int width, int height, guint32 rgba)
{
  g_autoptr(GdkPixbuf) p = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  gchar *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (p, rgba);
  g_assert_true (gdk_pixbuf_save_to_buffer (p, &buffer, &size, "jpeg", NULL, NULL));
  return g_bytes_new_take (buffer, size);
}

void
bz_api_expect (BzApiResponse *r, guint status)
{
  if (r->status != status)
    g_error ("expected %u, got %u: %.*s", status, r->status, (int) g_bytes_get_size (r->body),
             (const char *) g_bytes_get_data (r->body, NULL));
}

void
bz_api_refuse (BzApi *api, const char *method, const char *path, const char *token, const char *body, guint status,
               const char *detail, const char *const *tables)
{
  guint n = g_strv_length ((char **) tables);
  g_autofree gint64 *before = g_new (gint64, n + 1);
  g_autoptr(BzApiResponse) r = NULL;

  for (guint i = 0; i < n; i++)
    before[i] = bz_api_count (api, tables[i]);
  r = bz_api_json (api, method, path, token, body);
  if (r->status != status)
    g_error ("%s %s: expected %u, got %u: %.*s", method, path, status, r->status, (int) g_bytes_get_size (r->body),
             (const char *) g_bytes_get_data (r->body, NULL));
  if (detail && !bz_api_has_detail (r, detail))
    g_error ("no detail %s in %.*s", detail, (int) g_bytes_get_size (r->body), (const char *) g_bytes_get_data (r->body, NULL));
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (bz_api_count (api, tables[i]), ==, before[i]);
}

char *
bz_api_plan_modifications (BzApi *api, const char *plan_id, gint64 day, const char *meal_name, const char *recipe_id)
{
  g_autofree char *key = bz_meal_plan_meal_key (meal_name);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (api->store),
                                              "SELECT modifications FROM meal_plan_recipes WHERE plan_id = ?1 AND day = ?2 "
                                              "AND meal_key = ?3 AND recipe_id = ?4", NULL);
  g_assert_nonnull (st);
  sqlite3_bind_text (st, 1, plan_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (st, 2, day);
  sqlite3_bind_text (st, 3, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (st, 4, recipe_id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  return sqlite3_column_type (st, 0) == SQLITE_NULL ? NULL : g_strdup ((const char *) sqlite3_column_text (st, 0));
}

char *
bz_api_register (BzApi *api, const char *email, const char *user_type, char **out_refresh)
{
  g_autofree char *body = g_strdup_printf (
      "{\"email\":\"%s\",\"password\":\"Secure-Pass1!\",\"first_name\":\"Test\",\"last_name\":\"User\","
      "\"user_type\":\"%s\",\"data_processing\":true,\"privacy_notice_version\":\"%s\"}", email, user_type,
      BZ_PRIVACY_NOTICE_VERSION);
  g_autoptr(BzApiResponse) r = NULL;
  /* Fixtures register more users than the per-address limit allows in a
   * minute; that limit has its own tests. */
  bz_auth_reset_rate_limits ();
  r = bz_api_json (api, "POST", "/api/v1/auth/register", NULL, body);
  JsonObject *data;
  g_assert_cmpuint (r->status, ==, 201);
  data = bz_api_data (r);
  if (out_refresh)
    *out_refresh = g_strdup (json_object_get_string_member (data, "refresh_token"));
  return g_strdup (json_object_get_string_member (data, "access_token"));
}

GBytes *
bz_api_test_jpeg (void)
{
  g_autoptr(GdkPixbuf) pb = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  char *buf = NULL;
  gsize len = 0;
  gdk_pixbuf_fill (pb, 0xC08040FF);
  g_assert_true (gdk_pixbuf_save_to_buffer (pb, &buf, &len, "jpeg", NULL, NULL));
  return g_bytes_new_take (buf, len);
}
