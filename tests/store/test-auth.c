/* test-auth.c — bz-auth-service against a real store in a temporary directory:
 * registration and validation, sign-in, the login rate limit, access-token
 * verification (tampering, foreign keys, alg "none"/HS512, expiry), refresh
 * rotation with reuse detection, sign-out, and transactional behaviour.
 */
#include <stdlib.h>
#include <string.h>

#include <jwt.h>
#include <sodium.h>

#include "bz-auth-service.h"
#include "bz-auth-service-private.h"
#include "bz-store.h"
#include "bz-test-util.h"

#define PASSWORD "SecurePass123!"

/* The services answer records; these tests read the JSON the API serves
 * (bz_record_to_json_node(): what bz_record_write_json() writes). */
static JsonNode *
take_json (BzRecord *record)
{
  g_autoptr(BzRecord) rec = record;
  return rec ? bz_record_to_json_node (rec) : NULL;
}

static JsonNode *
register_json (BzServices *svc, JsonObject *input, const char *client_address, GError **error)
{
  return take_json (bz_auth_register (svc, input, client_address, error));
}

static JsonNode *
login_json (BzServices *svc, const char *email, const char *password, const char *client_address, GError **error)
{
  return take_json (bz_auth_login (svc, email, password, client_address, error));
}

static JsonNode *
refresh_json (BzServices *svc, const char *refresh_token, GError **error)
{
  return take_json (bz_auth_refresh (svc, refresh_token, error));
}

typedef struct
{
  char *dir;
  BzStore *store;
  BzServices *svc;
  char *sid;      /* the "sid" claim crafted tokens carry (a live sign-in's) */
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = bz_test_tmpdir ("auth");
  f->store = bz_store_open (f->dir, &error);
  g_assert_no_error (error);
  f->svc = bz_services_new (f->store);
  bz_auth_reset_rate_limits ();
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->svc);
  g_clear_object (&f->store);
  g_clear_pointer (&f->sid, g_free);
  bz_test_rmdir (f->dir);
  g_free (f->dir);
}

#define TEST(path, fn) g_test_add ("/auth/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)

/* --- helpers ---------------------------------------------------------------- */

static gint64
count_rows (Fixture *f, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (f->store), sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  return sqlite3_column_int64 (st, 0);
}

static char *
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

static void
exec_sql (Fixture *f, const char *sql)
{
  g_autoptr(GError) error = NULL;
  bz_db_exec (bz_store_db (f->store), sql, &error);
  g_assert_no_error (error);
}

static JsonObject *
register_body (const char *email, const char *first, const char *last, const char *type)
{
  JsonObject *o = json_object_new ();
  json_object_set_string_member (o, "email", email);
  json_object_set_string_member (o, "password", PASSWORD);
  json_object_set_string_member (o, "first_name", first);
  json_object_set_string_member (o, "last_name", last);
  json_object_set_string_member (o, "user_type", type);
  return o;
}

/* Registers and returns the data object (asserting success). */
static JsonNode *
register_ok (Fixture *f, JsonObject *body)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = register_json (f->svc, body, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static const char *
member (JsonNode *node, const char *name)
{
  return json_object_get_string_member (json_node_get_object (node), name);
}

static const char *
user_member (JsonNode *node, const char *name)
{
  JsonObject *u = json_object_get_object_member (json_node_get_object (node), "user");
  return json_object_get_string_member (u, name);
}

/* TRUE if @error has a detail {field, issue}. */
static gboolean
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

static guint
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
static JsonNode *
carlos_login (Fixture *f)
{
  g_autoptr(JsonObject) body = register_body ("carlos@example.com", "Carlos", "Hernández", "patient");
  g_autoptr(JsonNode) reg = register_ok (f, body);
  g_autoptr(GError) error = NULL;
  JsonNode *login = login_json (f->svc, "carlos@example.com", PASSWORD, "198.51.100.1", &error);
  g_assert_no_error (error);
  return login;
}

static void
assert_access_rejected (Fixture *f, const char *token)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzCaller) c = bz_auth_verify_access_token (f->svc, token, &error);
  g_assert_null (c);
  g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
}

typedef enum { KEY_STORE, KEY_OTHER } KeyKind;

/* A token crafted with libjwt: @alg with the store secret or another key. */
static char *
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

static gint64
now_s (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* --- registration ----------------------------------------------------------- */

static void
test_register_ok (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) body = register_body ("  Carlos@Example.COM ", "Carlos", "Hernández", "patient");
  g_autoptr(JsonNode) res = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzCaller) caller = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *hash = NULL;
  JsonObject *user;

  json_object_set_string_member (body, "phone", "+52 555 123 4567");
  json_object_set_string_member (body, "date_of_birth", "1985-05-15");
  json_object_set_string_member (body, "gender", "male");
  json_object_set_string_member (body, "state", "CDMX");
  json_object_set_string_member (body, "city", "México");
  res = register_ok (f, body);

  user = json_object_get_object_member (json_node_get_object (res), "user");
  g_assert_cmpstr (json_object_get_string_member (user, "email"), ==, "carlos@example.com");
  g_assert_cmpstr (json_object_get_string_member (user, "username"), ==, "carlos_hernandez");
  g_assert_cmpstr (json_object_get_string_member (user, "first_name"), ==, "Carlos");
  g_assert_cmpstr (json_object_get_string_member (user, "last_name"), ==, "Hernández");
  g_assert_cmpstr (json_object_get_string_member (user, "full_name"), ==, "Carlos Hernández");
  g_assert_cmpstr (json_object_get_string_member (user, "user_type"), ==, "patient");
  g_assert_false (json_object_get_boolean_member (user, "email_verified"));
  g_assert_nonnull (json_object_get_string_member (user, "id"));
  g_assert_cmpstr (member (res, "token_type"), ==, "Bearer");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (res), "expires_in"), ==, 3600);
  g_assert_cmpuint (strlen (member (res, "refresh_token")), ==, 43);

  caller = bz_auth_verify_access_token (f->svc, member (res, "access_token"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (caller->user_id, ==, json_object_get_string_member (user, "id"));
  g_assert_cmpint (caller->role, ==, BZ_ROLE_PATIENT);
  g_assert_cmpstr (caller->email, ==, "carlos@example.com");

  phone = query_text (f, "SELECT phone FROM users WHERE id = ?", caller->user_id);
  g_assert_cmpstr (phone, ==, "+525551234567");
  hash = query_text (f, "SELECT password_hash FROM users WHERE id = ?", caller->user_id);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, PASSWORD));
  /* Only the hash of the refresh token is stored. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM refresh_tokens"), ==, 1);
  {
    g_autofree char *stored = query_text (f, "SELECT token_hash FROM refresh_tokens", NULL);
    g_autofree char *expect = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                             member (res, "refresh_token"), -1);
    g_assert_cmpstr (stored, ==, expect);
  }
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM changes WHERE table_name = 'users' AND op = 'insert'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM nutritionists"), ==, 0);

  {
    g_autoptr(BzRecord) u = bz_auth_get_user (f->svc, caller->user_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (bz_record_get_string (u, BZ_USER_USERNAME), ==, "carlos_hernandez");
  }
}

static void
test_register_duplicate (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) a = register_body ("carlos@example.com", "Carlos", "Hernández", "patient");
  g_autoptr(JsonObject) b = register_body ("CARLOS@example.com", "Carlos", "Hernández", "patient");
  g_autoptr(JsonObject) c = register_body ("carlos2@example.com", "Carlos", "Hernández", "patient");
  g_autoptr(JsonNode) ra = register_ok (f, a);
  g_autoptr(JsonNode) rb = NULL;
  g_autoptr(JsonNode) rc = NULL;
  g_autoptr(GError) error = NULL;
  gint64 users, changes;

  users = count_rows (f, "SELECT count(*) FROM users");
  changes = count_rows (f, "SELECT count(*) FROM changes");
  rb = register_json (f->svc, b, NULL, &error);
  g_assert_null (rb);
  g_assert_error (error, BZ_ERROR, BZ_ERROR_CONFLICT);
  g_assert_true (has_detail (error, "email", "already_exists"));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM users"), ==, users);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM changes"), ==, changes);

  /* Same name, other email: the username gets a numeric suffix. */
  rc = register_ok (f, c);
  g_assert_cmpstr (user_member (rc, "username"), ==, "carlos_hernandez_2");
}

static void
test_register_nutritionist (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) a = register_body ("ana@example.com", "Ana", "López", "nutritionist");
  g_autoptr(JsonObject) b = register_body ("beto@example.com", "Beto", "Ruiz", "nutritionist");
  g_autoptr(JsonObject) c = register_body ("cora@example.com", "Cora", "Díaz", "nutritionist");
  g_autoptr(JsonNode) ra = register_ok (f, a);
  g_autoptr(JsonNode) rb = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *license = NULL;
  const char *id = user_member (ra, "id");

  g_assert_cmpstr (user_member (ra, "user_type"), ==, "nutritionist");
  license = query_text (f, "SELECT professional_license FROM nutritionists WHERE user_id = ?", id);
  g_assert_nonnull (license);
  g_assert_true (g_str_has_prefix (license, "PENDING-"));
  g_assert_nonnull (strstr (license, id));

  json_object_set_string_member (b, "professional_license", "12345678");
  rb = register_ok (f, b);
  g_clear_pointer (&license, g_free);
  license = query_text (f, "SELECT professional_license FROM nutritionists WHERE user_id = ?",
                        user_member (rb, "id"));
  g_assert_cmpstr (license, ==, "12345678");

  /* A license already registered: CONFLICT, nothing written. */
  json_object_set_string_member (c, "professional_license", "12345678");
  g_assert_null (register_json (f->svc, c, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_CONFLICT);
  g_assert_true (has_detail (error, "professional_license", "already_exists"));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM users"), ==, 2);
}

static void
test_register_rollback (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) body = register_body ("ana@example.com", "Ana", "López", "nutritionist");
  g_autoptr(GError) error = NULL;

  /* Make the second insert (nutritionists) fail after users was written. */
  exec_sql (f, "CREATE TRIGGER fail_nutri BEFORE INSERT ON nutritionists "
               "BEGIN SELECT RAISE(ABORT, 'boom'); END");
  g_assert_null (register_json (f->svc, body, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM users"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM changes"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM refresh_tokens"), ==, 0);
  g_assert_true (sqlite3_get_autocommit (bz_store_db (f->store)));
}

static void
test_register_password_rules (Fixture *f, gconstpointer data)
{
  static const struct { const char *password; const char *issues; } cases[] = {
    { "",            "required" },
    { "Ab1!",        "too_short" },
    { "abcdefg1!",   "missing_uppercase" },
    { "ABCDEFG1!",   "missing_lowercase" },
    { "Abcdefgh!",   "missing_digit" },
    { "Abcdefgh1",   "missing_special" },
    { "abc",         "too_short missing_uppercase missing_digit missing_special" },
  };
  g_autofree char *long_pw = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) body = register_body ("p@example.com", "Pat", "Test", "patient");
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) issues = g_strsplit (cases[i].issues, " ", -1);

      json_object_set_string_member (body, "password", cases[i].password);
      g_assert_null (register_json (f->svc, body, NULL, &error));
      g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
      for (guint j = 0; issues[j]; j++)
        if (!has_detail (error, "password", issues[j]))
          g_error ("password \"%s\": missing detail %s", cases[i].password, issues[j]);
      g_assert_cmpuint (n_details_for (error, "password"), ==, g_strv_length (issues));
    }

  /* 101 characters (otherwise valid) -> too_long; 100 is fine. */
  {
    BzValidation v = BZ_VALIDATION_INIT;
    g_autoptr(GError) error = NULL;
    g_autofree char *xs = g_strnfill (97, 'x');
    long_pw = g_strdup_printf ("Aa1!%s", xs);
    bz_password_check_rules (long_pw, "new_password", &v);
    g_assert_false (bz_validation_finish (&v, &error));
    g_assert_true (has_detail (error, "new_password", "too_long"));
    g_clear_error (&error);
    long_pw[100] = '\0';
    bz_password_check_rules (long_pw, "new_password", &v);
    g_assert_true (bz_validation_finish (&v, &error));
    /* Every special character of §7.4.1 counts. */
    for (const char *s = "!@#$%^&*(),.?\":{}|<>"; *s; s++)
      {
        g_autofree char *pw = g_strdup_printf ("Abcdefg1%c", *s);
        bz_password_check_rules (pw, "password", &v);
        g_assert_true (bz_validation_finish (&v, &error));
      }
    bz_password_check_rules ("Abcdefg1_", "password", &v);
    g_assert_false (bz_validation_finish (&v, &error));
    g_assert_true (has_detail (error, "password", "missing_special"));
  }
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM users"), ==, 0);
}

static void
test_register_validation (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (101, 'a');

  json_object_set_int_member (body, "email", 42);            /* wrong type */
  json_object_set_string_member (body, "password", PASSWORD);
  json_object_set_string_member (body, "first_name", "   "); /* blank */
  json_object_set_string_member (body, "last_name", long_name);
  json_object_set_string_member (body, "user_type", "admin");
  json_object_set_string_member (body, "phone", "555 123 4567");
  json_object_set_string_member (body, "gender", "robot");
  json_object_set_string_member (body, "date_of_birth", "1985-02-30");
  g_assert_null (register_json (f->svc, body, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
  g_assert_true (has_detail (error, "email", "invalid_type"));
  g_assert_cmpuint (n_details_for (error, "email"), ==, 1);
  g_assert_true (has_detail (error, "first_name", "required"));
  g_assert_true (has_detail (error, "last_name", "too_long"));
  g_assert_true (has_detail (error, "user_type", "invalid_value"));
  g_assert_true (has_detail (error, "phone", "invalid_format"));
  g_assert_true (has_detail (error, "gender", "invalid_value"));
  g_assert_true (has_detail (error, "date_of_birth", "invalid_format"));
  g_assert_cmpuint (n_details_for (error, "password"), ==, 0);
  g_clear_error (&error);

  {
    static const char *bad_emails[] = { "plainaddress", "a@b", "a@@b.com", ".a@b.com", "a..b@c.com",
                                        "a@-b.com", "a b@c.com", "ñ@b.com", "a@b.com.", NULL };
    for (guint i = 0; bad_emails[i]; i++)
      {
        g_autoptr(JsonObject) b = register_body (bad_emails[i], "A", "B", "patient");
        g_assert_null (register_json (f->svc, b, NULL, &error));
        g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
        if (!has_detail (error, "email", "invalid_format"))
          g_error ("email \"%s\" was not rejected as invalid_format", bad_emails[i]);
        g_clear_error (&error);
      }
  }
  {
    g_autoptr(JsonObject) b = register_body ("x@example.com", "A", "B", "patient");
    json_object_set_string_member (b, "date_of_birth", "2999-01-01");
    g_assert_null (register_json (f->svc, b, NULL, &error));
    g_assert_true (has_detail (error, "date_of_birth", "out_of_range"));
    g_clear_error (&error);
    json_object_remove_member (b, "user_type");
    json_object_remove_member (b, "date_of_birth");
    g_assert_null (register_json (f->svc, b, NULL, &error));
    g_assert_true (has_detail (error, "user_type", "required"));
    g_clear_error (&error);
  }
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM users"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM changes"), ==, 0);
}

/* --- sign-in ------------------------------------------------------------------ */

static void
test_login (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) login = carlos_login (f);
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) wrong_pw = NULL;
  g_autoptr(GError) unknown = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzCaller) caller = NULL;
  g_autofree char *last_login = NULL;
  gint64 t0, t_wrong, t_unknown;

  g_assert_cmpstr (user_member (login, "email"), ==, "carlos@example.com");
  g_assert_nonnull (member (login, "access_token"));
  g_assert_nonnull (member (login, "refresh_token"));
  last_login = query_text (f, "SELECT last_login_at FROM users", NULL);
  g_assert_nonnull (last_login);

  /* The email is matched case-insensitively. */
  again = login_json (f->svc, "Carlos@EXAMPLE.com", PASSWORD, "198.51.100.1", &error);
  g_assert_no_error (error);

  /* Warm up the dummy hash, then compare timings. */
  g_assert_null (login_json (f->svc, "nobody@example.com", PASSWORD, "198.51.100.2", &error));
  g_clear_error (&error);

  t0 = g_get_monotonic_time ();
  g_assert_null (login_json (f->svc, "carlos@example.com", "WrongPass123!", "198.51.100.2", &wrong_pw));
  t_wrong = g_get_monotonic_time () - t0;
  t0 = g_get_monotonic_time ();
  g_assert_null (login_json (f->svc, "nobody@example.com", PASSWORD, "198.51.100.2", &unknown));
  t_unknown = g_get_monotonic_time () - t0;

  g_assert_error (wrong_pw, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
  g_assert_error (unknown, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
  g_assert_cmpstr (wrong_pw->message, ==, unknown->message);
  g_assert_null (bz_error_get_details (wrong_pw));
  g_assert_null (bz_error_get_details (unknown));
  g_test_message ("wrong password: %" G_GINT64_FORMAT " us, unknown email: %" G_GINT64_FORMAT " us",
                  t_wrong, t_unknown);
  /* An unknown email still runs argon2id (same order of magnitude). */
  g_assert_cmpint (t_unknown * 4, >=, t_wrong);

  /* Missing fields: VALIDATION. */
  g_assert_null (login_json (f->svc, "", NULL, "198.51.100.3", &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
  g_assert_true (has_detail (error, "email", "required"));
  g_assert_true (has_detail (error, "password", "required"));
  g_clear_error (&error);

  /* GUI sign-in. */
  caller = bz_auth_sign_in (f->svc, "carlos@example.com", PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (caller->role, ==, BZ_ROLE_PATIENT);
  g_assert_null (bz_auth_sign_in (f->svc, "carlos@example.com", "nope", &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
  g_clear_error (&error);

  /* A deactivated user cannot sign in (same message) nor use old tokens. */
  exec_sql (f, "UPDATE users SET is_active = 0");
  g_assert_null (login_json (f->svc, "carlos@example.com", PASSWORD, "198.51.100.4", &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
  g_assert_cmpstr (error->message, ==, unknown->message);
  g_clear_error (&error);
  assert_access_rejected (f, member (login, "access_token"));
  g_assert_null (refresh_json (f->svc, member (login, "refresh_token"), &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
}

static void
test_login_rate_limit (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) body = register_body ("carlos@example.com", "Carlos", "Hernández", "patient");
  g_autoptr(JsonNode) reg = register_ok (f, body);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) ok = NULL;
  guint retry;

  for (int i = 0; i < BZ_LOGIN_ATTEMPTS_PER_MINUTE; i++)
    {
      g_assert_null (login_json (f->svc, "carlos@example.com", "WrongPass123!", "203.0.113.7", &error));
      g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
      g_clear_error (&error);
    }
  /* 6th attempt within the minute, even with the right password. */
  g_assert_null (login_json (f->svc, "carlos@example.com", PASSWORD, "203.0.113.7", &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_RATE_LIMITED);
  retry = bz_error_get_retry_after (error);
  g_assert_cmpuint (retry, >, 0);
  g_assert_cmpuint (retry, <=, 60);
  g_clear_error (&error);

  /* Another address is not affected. */
  ok = login_json (f->svc, "carlos@example.com", PASSWORD, "203.0.113.8", &error);
  g_assert_no_error (error);
  g_assert_nonnull (ok);

  bz_auth_reset_rate_limits ();
  g_clear_pointer (&ok, json_node_unref);
  ok = login_json (f->svc, "carlos@example.com", PASSWORD, "203.0.113.7", &error);
  g_assert_no_error (error);

  /* One client cannot spread attempts over ports or spellings of its address. */
  {
    static const char *spellings[] = { "203.0.113.9:1111", "203.0.113.9:2222", "::ffff:203.0.113.9",
                                       "[::ffff:203.0.113.9]:3333", "203.0.113.9" };
    for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
      {
        g_assert_null (login_json (f->svc, "carlos@example.com", "WrongPass123!", spellings[i], &error));
        g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
        g_clear_error (&error);
      }
    g_assert_null (login_json (f->svc, "carlos@example.com", PASSWORD, "203.0.113.9:4444", &error));
    g_assert_error (error, BZ_ERROR, BZ_ERROR_RATE_LIMITED);
    g_clear_error (&error);

    for (guint i = 0; i < BZ_LOGIN_ATTEMPTS_PER_MINUTE; i++)
      {
        g_assert_null (login_json (f->svc, "carlos@example.com", "WrongPass123!",
                                      i % 2 ? "2001:db8::1" : "[2001:DB8:0:0::1]:443", &error));
        g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
        g_clear_error (&error);
      }
    g_assert_null (login_json (f->svc, "carlos@example.com", PASSWORD, "2001:db8:0::0:1", &error));
    g_assert_error (error, BZ_ERROR, BZ_ERROR_RATE_LIMITED);
    g_clear_error (&error);
    /* A neighbour on the same /64 is a different client. */
    g_clear_pointer (&ok, json_node_unref);
    ok = login_json (f->svc, "carlos@example.com", PASSWORD, "2001:db8::2", &error);
    g_assert_no_error (error);
  }

  /* GUI sign-ins share one key. */
  for (guint i = 0; i < BZ_LOGIN_ATTEMPTS_PER_MINUTE; i++)
    {
      g_autoptr(BzCaller) c = bz_auth_sign_in (f->svc, "carlos@example.com", PASSWORD, &error);
      g_assert_no_error (error);
    }
  g_assert_null (bz_auth_sign_in (f->svc, "carlos@example.com", PASSWORD, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_RATE_LIMITED);
}

/* A guesser that rotates addresses meets the account's failure limit; the
 * owner's successful sign-ins never count against it. */
static void
test_login_account_limit (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) body = register_body ("lucia@example.com", "Lucía", "Gómez", "patient");
  g_autoptr(JsonNode) reg = register_ok (f, body);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < BZ_LOGIN_FAILURES_PER_ACCOUNT_PER_MINUTE * 2; i++)
    {
      g_autofree char *addr = g_strdup_printf ("198.51.100.%u", 200 + i % 50);
      g_autoptr(JsonNode) ok = login_json (f->svc, "LUCIA@example.com", PASSWORD, addr, &error);
      g_assert_no_error (error);
      bz_auth_reset_rate_limits ();  /* only the per-address limit; successes never counted per account */
    }
  for (guint i = 0; i < BZ_LOGIN_FAILURES_PER_ACCOUNT_PER_MINUTE; i++)
    {
      g_autofree char *addr = g_strdup_printf ("198.51.100.%u", i + 1);
      g_assert_null (login_json (f->svc, i % 2 ? "Lucia@Example.com" : "lucia@example.com",
                                    "WrongPass123!", addr, &error));
      g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
      g_clear_error (&error);
    }
  /* A fresh address, the right password: the account waits out its minute. */
  g_assert_null (login_json (f->svc, "lucia@example.com", PASSWORD, "198.51.100.99", &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_RATE_LIMITED);
  g_assert_cmpuint (bz_error_get_retry_after (error), >, 0);
  g_clear_error (&error);
  /* Other accounts are not affected. */
  {
    g_autoptr(JsonObject) b2 = register_body ("marta@example.com", "Marta", "Ruiz", "patient");
    g_autoptr(JsonNode) r2 = register_ok (f, b2);
    g_autoptr(JsonNode) ok = login_json (f->svc, "marta@example.com", PASSWORD, "198.51.100.98", &error);
    g_assert_no_error (error);
  }
}

/* --- access tokens ------------------------------------------------------------ */

static void
test_access_token_attacks (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) login = carlos_login (f);
  const char *token = member (login, "access_token");
  const char *id = user_member (login, "id");
  g_autoptr(GError) error = NULL;
  g_autofree char *t = NULL;
  char *sig;

  /* Crafted tokens belong to carlos's sign-in (its "sid"). */
  {
    gsize key_len;
    const guint8 *key = g_bytes_get_data (bz_store_get_secret (f->store), &key_len);
    jwt_t *real = NULL;
    g_assert_cmpint (jwt_decode (&real, token, key, (int) key_len), ==, 0);
    f->sid = g_strdup (jwt_get_grant (real, "sid"));
    g_assert_nonnull (f->sid);
    jwt_free (real);
  }

  /* Control: a well-formed token crafted with the store secret verifies,
   * and the role comes from the database, not from the token. */
  {
    g_autofree char *good = craft_token (f, JWT_ALG_HS256, KEY_STORE, id, "access", now_s () + 600);
    g_autoptr(BzCaller) c = bz_auth_verify_access_token (f->svc, good, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (c->user_id, ==, id);
    g_assert_cmpint (c->role, ==, BZ_ROLE_PATIENT);
    g_assert_cmpstr (c->email, ==, "carlos@example.com");
  }
  /* Without a sign-in ("sid"), or with one that is not a live session of
   * this user, a correctly signed token is refused. */
  {
    g_autofree char *saved = g_steal_pointer (&f->sid);
    g_autofree char *nosid = craft_token (f, JWT_ALG_HS256, KEY_STORE, id, "access", now_s () + 600);
    g_autofree char *other = NULL;
    g_assert_null (bz_auth_verify_access_token (f->svc, nosid, &error));
    g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
    g_clear_error (&error);
    f->sid = g_uuid_string_random ();
    other = craft_token (f, JWT_ALG_HS256, KEY_STORE, id, "access", now_s () + 600);
    g_assert_null (bz_auth_verify_access_token (f->svc, other, &error));
    g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
    g_clear_error (&error);
    g_free (f->sid);
    f->sid = g_steal_pointer (&saved);
  }

  /* Flip one character in the middle of the signature, and the last one. */
  t = g_strdup (token);
  sig = strrchr (t, '.') + 1;
  sig[10] = sig[10] == 'A' ? 'B' : 'A';
  assert_access_rejected (f, t);
  g_free (t);
  t = g_strdup (token);
  sig = strrchr (t, '.') + 1;
  /* The last of 43 base64url characters carries 4 bits of the HMAC and 2
   * padding bits that a decoder may ignore: 'A' -> 'B' would flip only a
   * padding bit (and the token still verify), 'A' -> 'Q' flips a real one. */
  sig[strlen (sig) - 1] = sig[strlen (sig) - 1] == 'A' ? 'Q' : 'A';
  assert_access_rejected (f, t);
  g_free (t);
  /* Tamper with the payload instead. */
  t = g_strdup (token);
  {
    char *p = strchr (t, '.') + 5;
    *p = *p == 'x' ? 'y' : 'x';
  }
  assert_access_rejected (f, t);
  g_clear_pointer (&t, g_free);

  t = craft_token (f, JWT_ALG_HS256, KEY_OTHER, id, "access", now_s () + 600);
  assert_access_rejected (f, t);
  g_clear_pointer (&t, g_free);

  t = craft_token (f, JWT_ALG_NONE, KEY_STORE, id, "access", now_s () + 600);
  g_assert_true (g_str_has_suffix (t, "."));
  assert_access_rejected (f, t);
  g_clear_pointer (&t, g_free);

  t = craft_token (f, JWT_ALG_HS512, KEY_STORE, id, "access", now_s () + 600);
  assert_access_rejected (f, t);
  g_clear_pointer (&t, g_free);

  t = craft_token (f, JWT_ALG_HS256, KEY_STORE, id, "access", now_s () - 10);
  assert_access_rejected (f, t);
  g_clear_pointer (&t, g_free);

  t = craft_token (f, JWT_ALG_HS256, KEY_STORE, id, "refresh", now_s () + 600);
  assert_access_rejected (f, t);
  g_clear_pointer (&t, g_free);

  t = craft_token (f, JWT_ALG_HS256, KEY_STORE, "no-such-user", "access", now_s () + 600);
  assert_access_rejected (f, t);
  g_clear_pointer (&t, g_free);

  assert_access_rejected (f, "");
  assert_access_rejected (f, NULL);
  assert_access_rejected (f, "abc");
  assert_access_rejected (f, "a.b.c");
  assert_access_rejected (f, "a.b.c.d");
  assert_access_rejected (f, member (login, "refresh_token"));
}

/* --- refresh and sign-out ------------------------------------------------------- */

static JsonNode *
refresh_ok (Fixture *f, const char *token)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = refresh_json (f->svc, token, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static void
assert_refresh_fails (Fixture *f, const char *token)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = refresh_json (f->svc, token, &error);
  g_assert_null (node);
  g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
}

static void
test_refresh_rotation_and_reuse (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) login = carlos_login (f);
  g_autoptr(JsonNode) other = NULL;
  g_autoptr(JsonNode) r1 = NULL;
  g_autoptr(JsonNode) r2 = NULL;
  g_autoptr(JsonNode) r3 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzCaller) caller = NULL;
  g_autofree char *old_hash = NULL;
  g_autofree char *replaced_by = NULL;
  g_autofree char *new_id = NULL;

  other = login_json (f->svc, "carlos@example.com", PASSWORD, "198.51.100.9", &error);
  g_assert_no_error (error);

  r1 = refresh_ok (f, member (login, "refresh_token"));
  g_assert_cmpstr (member (r1, "token_type"), ==, "Bearer");
  g_assert_cmpstr (member (r1, "refresh_token"), !=, member (login, "refresh_token"));
  g_assert_false (json_object_has_member (json_node_get_object (r1), "user"));
  caller = bz_auth_verify_access_token (f->svc, member (r1, "access_token"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (caller->user_id, ==, user_member (login, "id"));

  /* The old row is revoked and points to its successor in the same family. */
  old_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, member (login, "refresh_token"), -1);
  replaced_by = query_text (f, "SELECT replaced_by FROM refresh_tokens WHERE token_hash = ? AND revoked = 1", old_hash);
  g_assert_nonnull (replaced_by);
  {
    g_autofree char *h = g_compute_checksum_for_string (G_CHECKSUM_SHA256, member (r1, "refresh_token"), -1);
    new_id = query_text (f, "SELECT id FROM refresh_tokens WHERE token_hash = ? AND revoked = 0", h);
  }
  g_assert_cmpstr (replaced_by, ==, new_id);
  g_assert_cmpint (count_rows (f, "SELECT count(DISTINCT family_id) FROM refresh_tokens"), ==, 3);

  r2 = refresh_ok (f, member (r1, "refresh_token"));

  /* Reuse of a rotated token: refused, and the whole family is revoked, so
   * the newest token of the family fails too. */
  assert_refresh_fails (f, member (login, "refresh_token"));
  assert_refresh_fails (f, member (r2, "refresh_token"));
  {
    g_autofree char *family = query_text (f, "SELECT family_id FROM refresh_tokens WHERE token_hash = ?", old_hash);
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM refresh_tokens WHERE family_id = '%s'"
                                            " AND revoked = 0", family);
    g_assert_cmpint (count_rows (f, sql), ==, 0);
    g_clear_pointer (&sql, g_free);
    sql = g_strdup_printf ("SELECT count(*) FROM refresh_tokens WHERE family_id = '%s'", family);
    g_assert_cmpint (count_rows (f, sql), ==, 3);
  }

  /* The other session (another family) is untouched. */
  r3 = refresh_ok (f, member (other, "refresh_token"));

  /* Bad input. */
  g_assert_null (refresh_json (f->svc, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
  g_clear_error (&error);
  assert_refresh_fails (f, "not-a-token");
  assert_refresh_fails (f, member (login, "access_token"));
  assert_refresh_fails (f, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
}

static void
test_refresh_expired (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) login = carlos_login (f);

  exec_sql (f, "UPDATE refresh_tokens SET expires_at = '2000-01-01T00:00:00Z'");
  assert_refresh_fails (f, member (login, "refresh_token"));
}

static void
test_logout (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) login = carlos_login (f);
  g_autoptr(JsonNode) other = NULL;
  g_autoptr(JsonNode) r1 = NULL;
  g_autoptr(JsonNode) r2 = NULL;
  g_autoptr(GError) error = NULL;

  other = login_json (f->svc, "carlos@example.com", PASSWORD, "198.51.100.9", &error);
  g_assert_no_error (error);
  r1 = refresh_ok (f, member (login, "refresh_token"));

  g_assert_true (bz_auth_logout (f->svc, member (r1, "refresh_token"), &error));
  g_assert_no_error (error);
  assert_refresh_fails (f, member (r1, "refresh_token"));
  g_assert_false (bz_auth_logout (f->svc, member (r1, "refresh_token"), &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
  g_clear_error (&error);
  g_assert_false (bz_auth_logout (f->svc, "", &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (bz_auth_logout (f->svc, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
  g_clear_error (&error);

  /* Only that session ended. */
  r2 = refresh_ok (f, member (other, "refresh_token"));
}

/* --- low-level creation ------------------------------------------------------- */

static void
test_create_user_in_transaction (Fixture *f, gconstpointer data)
{
  sqlite3 *db = bz_store_db (f->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id2 = NULL;
  g_autoptr(JsonObject) extra = json_object_new ();

  /* Inside the caller's transaction: rolled back with it. */
  g_assert_true (bz_db_begin (db, &error));
  id = bz_auth_create_user (f->svc, "Demo@Example.com", PASSWORD, "Demo", "Patient",
                            BZ_ROLE_PATIENT, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_false (sqlite3_get_autocommit (db));  /* still the caller's transaction */
  /* A failing call inside the transaction leaves the transaction usable. */
  g_assert_null (bz_auth_create_user (f->svc, "demo@example.com", PASSWORD, "Demo", "Patient",
                                      BZ_ROLE_PATIENT, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (sqlite3_get_autocommit (db));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM users"), ==, 1);
  bz_db_rollback (db);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM users"), ==, 0);

  /* Committed with the caller's transaction, nutritionist row included. */
  g_assert_true (bz_db_begin (db, &error));
  json_object_set_string_member (extra, "clinic_name", "Clínica Centro");
  id2 = bz_auth_create_user (f->svc, "doc@example.com", PASSWORD, "Doc", "Tor",
                             BZ_ROLE_NUTRITIONIST, extra, &error);
  g_assert_no_error (error);
  g_assert_true (bz_db_commit (db, &error));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM nutritionists"), ==, 1);

  /* Outside any transaction it works too (its own transaction). */
  g_clear_pointer (&id, g_free);
  id = bz_auth_create_user (f->svc, "admin@example.com", PASSWORD, "Ad", "Min",
                            BZ_ROLE_ADMIN, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sqlite3_get_autocommit (db));

  /* Password rules apply here too. */
  g_assert_null (bz_auth_create_user (f->svc, "weak@example.com", "weak", "W", "K",
                                      BZ_ROLE_PATIENT, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
  g_assert_true (has_detail (error, "password", "too_short"));
  g_clear_error (&error);

  g_assert_null (bz_auth_get_user (f->svc, "missing", &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM users"), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  TEST ("register/ok", test_register_ok);
  TEST ("register/duplicate", test_register_duplicate);
  TEST ("register/nutritionist", test_register_nutritionist);
  TEST ("register/rollback", test_register_rollback);
  TEST ("register/password-rules", test_register_password_rules);
  TEST ("register/validation", test_register_validation);
  TEST ("login/basic", test_login);
  TEST ("login/rate-limit", test_login_rate_limit);
  TEST ("login/account-limit", test_login_account_limit);
  TEST ("token/attacks", test_access_token_attacks);
  TEST ("refresh/rotation-and-reuse", test_refresh_rotation_and_reuse);
  TEST ("refresh/expired", test_refresh_expired);
  TEST ("logout", test_logout);
  TEST ("create-user/transaction", test_create_user_in_transaction);
  return g_test_run ();
}
