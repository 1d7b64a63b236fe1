/* auth-fixture.c — see auth-fixture.h. */
#include "auth-fixture.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "bz-privacy-resources.h"

/* The services answer records; these tests read the JSON the API serves
 * (bz_record_to_json_node(): what bz_record_write_json() writes). */
JsonNode *
take_json (BzRecord *record)
{
  g_autoptr(BzRecord) rec = record;
  return rec ? bz_record_to_json_node (rec) : NULL;
}

JsonNode *
register_json (BzServices *svc, JsonObject *input, const char *client_address, GError **error)
{
  return take_json (bz_auth_register (svc, input, client_address, error));
}

JsonNode *
login_json (BzServices *svc, const char *email, const char *password, const char *client_address, GError **error)
{
  return take_json (bz_auth_login (svc, email, password, client_address, error));
}

JsonNode *
refresh_json (BzServices *svc, const char *refresh_token, GError **error)
{
  return take_json (bz_auth_refresh (svc, refresh_token, error));
}

void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = bz_test_tmpdir ("auth");
  f->store = bz_store_open (f->dir, &error);
  g_assert_no_error (error);
  f->svc = bz_services_new (f->store);
  bz_auth_reset_rate_limits ();
}

void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->svc);
  g_clear_object (&f->store);
  g_clear_pointer (&f->sid, g_free);
  bz_test_rmdir (f->dir);
  g_free (f->dir);
}

/* --- helpers ---------------------------------------------------------------- */

gint64
count_rows (Fixture *f, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (f->store), sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  return sqlite3_column_int64 (st, 0);
}

char *
query_text (Fixture *f, const char *sql, const char *arg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (f->store), sql, &error);
  g_assert_no_error (error);
  if (arg)
    sqlite3_bind_text (st, 1, arg, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (st) != SQLITE_ROW)
    return NULL;
  return bz_db_column_text_dup (st, 0);
}

void
exec_sql (Fixture *f, const char *sql)
{
  g_autoptr(GError) error = NULL;
  bz_db_exec (bz_store_db (f->store), sql, &error);
  g_assert_no_error (error);
}

JsonObject *
register_body (const char *email, const char *first, const char *last, const char *type)
{
  JsonObject *o = json_object_new ();
  json_object_set_string_member (o, "email", email);
  json_object_set_string_member (o, "password", PASSWORD);
  json_object_set_string_member (o, "first_name", first);
  json_object_set_string_member (o, "last_name", last);
  json_object_set_string_member (o, "user_type", type);
  /* Seed 002 §7.3.1: a member consents to data processing at registration. */
  json_object_set_boolean_member (o, "data_processing", TRUE);
  json_object_set_string_member (o, "privacy_notice_version", BZ_PRIVACY_NOTICE_VERSION);
  return o;
}

/* Registers and returns the data object (asserting success). */
JsonNode *
register_ok (Fixture *f, JsonObject *body)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = register_json (f->svc, body, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

const char *
member (JsonNode *node, const char *name)
{
  return json_object_get_string_member (json_node_get_object (node), name);
}

const char *
user_member (JsonNode *node, const char *name)
{
  JsonObject *u = json_object_get_object_member (json_node_get_object (node), "user");
  return json_object_get_string_member (u, name);
}

/* TRUE if @error has a detail {field, issue}. */
gboolean
has_detail (const GError *error, const char *field, const char *issue)
{
  JsonArray *details = bz_error_get_details (error);
  for (guint i = 0; details && i < json_array_get_length (details); i++)
    {
      JsonObject *d = json_array_get_object_element (details, i);
      if (g_strcmp0 (json_object_get_string_member (d, "field"), field) == 0 &&
          g_strcmp0 (json_object_get_string_member (d, "issue"), issue) == 0)
        return TRUE;
    }
  return FALSE;
}

guint
n_details_for (const GError *error, const char *field)
{
  JsonArray *details = bz_error_get_details (error);
  guint n = 0;
  for (guint i = 0; details && i < json_array_get_length (details); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (details, i),
                                                  "field"), field) == 0)
      n++;
  return n;
}

/* Registers Carlos and logs in; returns the login data. */
JsonNode *
carlos_login (Fixture *f)
{
  g_autoptr(JsonObject) body = register_body ("carlos@example.com", "Carlos", "Hernández", "patient");
  g_autoptr(JsonNode) reg = register_ok (f, body);
  g_autoptr(GError) error = NULL;
  JsonNode *login = login_json (f->svc, "carlos@example.com", PASSWORD, "198.51.100.1", &error);
  g_assert_no_error (error);
  return login;
}

void
assert_access_rejected (Fixture *f, const char *token)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzCaller) c = bz_auth_verify_access_token (f->svc, token, &error);
  g_assert_null (c);
  g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
}

/* A token crafted with libjwt: @alg with the store secret or another key. */
char *
craft_token (Fixture *f, jwt_alg_t alg, KeyKind kind, const char *sub, const char *type,
             gint64 exp)
{
  g_autoptr(GError) error = NULL;
  jwt_t *jwt = NULL;
  guint8 other[32];
  const guint8 *key = NULL;
  gsize key_len = 0;
  char *raw;
  char *out;

  if (alg != JWT_ALG_NONE)
    {
      if (kind == KEY_STORE)
        key = g_bytes_get_data (bz_store_get_secret (f->store), &key_len);
      else
        {
          randombytes_buf (other, sizeof other);
          key = other;
          key_len = sizeof other;
        }
    }
  g_assert_cmpint (jwt_new (&jwt), ==, 0);
  g_assert_cmpint (jwt_set_alg (jwt, alg, key, (int) key_len), ==, 0);
  jwt_add_grant (jwt, "sub", sub);
  jwt_add_grant (jwt, "role", "admin");
  jwt_add_grant (jwt, "email", "x@example.com");
  jwt_add_grant (jwt, "type", type);
  jwt_add_grant_int (jwt, "iat", (long) (exp - BZ_ACCESS_TOKEN_TTL_S));
  jwt_add_grant_int (jwt, "exp", (long) exp);
  jwt_add_grant (jwt, "jti", "test");
  if (f->sid)
    jwt_add_grant (jwt, "sid", f->sid);
  raw = jwt_encode_str (jwt);
  g_assert_nonnull (raw);
  out = g_strdup (raw);
  free (raw);
  jwt_free (jwt);
  return out;
}

gint64
now_s (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* --- registration ----------------------------------------------------------- */
