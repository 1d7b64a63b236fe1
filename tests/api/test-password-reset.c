/* test-password-reset.c — forgotten passwords (issue 9, "Password reset";
 * seed 002 §4.2): POST /api/v1/auth/password/forgot and /reset, and the
 * nutritionist's POST /api/v1/nutritionist/patients/{patient_id}/password-reset.
 *
 * Through the suite's HTTP server (every answer checked against the OpenAPI
 * document): forgot answers the same for a known and an unknown email and
 * tells the member's nutritionist in the inbox; the nutritionist's code
 * (stored as its SHA-256 only) resets the password once, after which the new
 * password signs in, the old one does not, and the old refresh and access
 * tokens answer 401; the code again, an expired code (expires_at moved into
 * the past in the database), a code voided by a newer one, and an unknown
 * email answer 400 with a "code" detail; five wrong codes void the code;
 * a weak password answers 400 with "new_password" details and spends no
 * try; another nutritionist gets 404, a member 403; the address limit
 * answers 429.  After every refusal the account (password hash, live
 * sessions) and the codes are as they were, but for the try a wrong code
 * counts.  Part of test-api's binary. */
#include "bz-api-fixture.h"

#include <string.h>

#include "bz-auth-service-private.h"
#include "bz-limits.h"
#include "bz-store.h"

const char *test_api_nutri_token (void);
const char *test_api_nutri2_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
void        test_password_reset_add_tests (void);

#define MEMBER_PASSWORD "Member-Pass1!"

static void
expect_at (BzApiResponse *r, guint status, int line)
{
  if (r->status != status)
    g_error ("line %d: expected %u, got %u: %.*s", line, status, r->status, (int) g_bytes_get_size (r->body),
             (const char *) g_bytes_get_data (r->body, NULL));
}
#define expect(r, status) expect_at ((r), (status), __LINE__)

/* One text value of @sql (with one %Q for @arg): "" for NULL, "(none)" without a row. */
static char *
query_text (const char *sql, const char *arg)
{
  BzApi *api = bz_api_shared ();
  char *text = sqlite3_mprintf (sql, arg);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (api->store), text, NULL);
  char *out;

  sqlite3_free (text);
  g_assert_nonnull (st);
  if (sqlite3_step (st) != SQLITE_ROW)
    return g_strdup ("(none)");
  out = g_strdup (sqlite3_column_text (st, 0) ? (const char *) sqlite3_column_text (st, 0) : "");
  return out;
}

static void
exec_sql (const char *sql, const char *arg)
{
  char *text = sqlite3_mprintf (sql, arg);
  g_assert_cmpint (sqlite3_exec (bz_store_db (bz_api_shared ()->store), text, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_free (text);
}

/* What a refusal must leave as it was: the account's password hash and flags,
 * its live sessions, and every reset code of the store (attempts included). */
static char *
snapshot (const char *email)
{
  g_autofree char *user = query_text ("SELECT password_hash || must_change_password || updated_at FROM users"
                                      " WHERE email = %Q", email);
  g_autofree char *tokens = query_text ("SELECT count(*) || '/' || sum(revoked) FROM refresh_tokens"
                                        " WHERE user_id = (SELECT id FROM users WHERE email = %Q)", email);
  g_autofree char *codes = query_text ("SELECT group_concat(id || ':' || attempts || ':' || ifnull(used_at, '-')"
                                       " || ':' || ifnull(voided_at, '-'), ',') FROM"
                                       " (SELECT * FROM password_reset_codes ORDER BY id) WHERE %Q IS NOT NULL", email);
  return g_strdup_printf ("%s|%s|%s", user, tokens, codes);
}

static gint64
attempts_of_live_code (const char *email)
{
  g_autofree char *n = query_text ("SELECT ifnull(max(attempts), -1) FROM password_reset_codes WHERE used_at IS NULL"
                                   " AND voided_at IS NULL AND user_id = (SELECT id FROM users WHERE email = %Q)",
                                   email);
  return g_ascii_strtoll (n, NULL, 10);
}

/* A patient of nutritionist 1 with @email; out: patient id and a refresh token. */
static char *
make_patient (const char *email, char **out_access, char **out_refresh)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *login = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"" MEMBER_PASSWORD "\"}", email);
  g_autoptr(BzApiResponse) r = NULL;
  char *id;

  test_api_ensure_users ();
  id = test_api_create_patient (test_api_nutri_token (), email, NULL);
  bz_auth_reset_rate_limits ();
  r = bz_api_json (api, "POST", "/api/v1/auth/login", NULL, login);
  expect (r, 200);
  if (out_access)
    *out_access = g_strdup (json_object_get_string_member (bz_api_data (r), "access_token"));
  if (out_refresh)
    *out_refresh = g_strdup (json_object_get_string_member (bz_api_data (r), "refresh_token"));
  return id;
}

/* The nutritionist's new code for @patient_id (201). */
static char *
new_code (const char *patient_id, const char *email)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/nutritionist/patients/%s/password-reset", patient_id);
  g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "POST", path, test_api_nutri_token (), NULL);
  JsonObject *d;

  expect (r, 201);
  d = bz_api_data (r);
  g_assert_cmpuint (strlen (json_object_get_string_member (d, "code")), ==, BZ_PASSWORD_RESET_CODE_CHARS);
  g_assert_cmpstr (json_object_get_string_member (d, "email"), ==, email);
  g_assert_cmpint (json_object_get_int_member (d, "expires_in"), ==, BZ_PASSWORD_RESET_CODE_TTL_S);
  g_assert_cmpint (json_object_get_int_member (d, "attempts_max"), ==, BZ_PASSWORD_RESET_ATTEMPTS_MAX);
  return g_strdup (json_object_get_string_member (d, "code"));
}

static BzApiResponse *
reset (const char *email, const char *code, const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\",\"code\":\"%s\",\"new_password\":\"%s\"}",
                                           email, code, password);
  bz_auth_reset_rate_limits ();
  return bz_api_json (bz_api_shared (), "POST", "/api/v1/auth/password/reset", NULL, body);
}

static guint
login_status (const char *email, const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"%s\"}", email, password);
  g_autoptr(BzApiResponse) r = NULL;

  bz_auth_reset_rate_limits ();
  r = bz_api_json (bz_api_shared (), "POST", "/api/v1/auth/login", NULL, body);
  return r->status;
}

/* A refusal of reset: 400 with a detail on @field, the store as it was. */
static void
expect_refused_at (const char *email, const char *code, const char *password, const char *field, int line)
{
  g_autofree char *before = snapshot (email);
  g_autoptr(BzApiResponse) r = reset (email, code, password);
  g_autofree char *after = snapshot (email);

  expect_at (r, 400, line);
  g_assert_cmpstr (bz_api_error_code (r), ==, "VALIDATION_ERROR");
  if (!bz_api_has_detail (r, field))
    g_error ("line %d: no detail on %s", line, field);
  if (g_strcmp0 (before, after) != 0)
    g_error ("line %d: the store changed:\n%s\n%s", line, before, after);
}
#define expect_refused(e, c, p, f) expect_refused_at ((e), (c), (p), (f), __LINE__)

static const char *
envelope_message (BzApiResponse *r)
{
  JsonObject *root = json_node_get_object (r->json);
  g_assert_true (json_object_get_boolean_member (root, "success"));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (root, "data")));
  return json_object_get_string_member (root, "message");
}

/* --- forgot ---------------------------------------------------------------------- */

static void
test_forgot_same_answer (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *pid = make_patient ("forgot@test.local", NULL, NULL);
  g_autofree char *known_msg = NULL;
  gint64 notes = bz_api_count (api, "notifications");
  g_autofree char *before = NULL;

  bz_auth_reset_rate_limits ();
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/auth/password/forgot", NULL,
                                              "{\"email\":\" Forgot@Test.local \"}");
    expect (r, 200);
    known_msg = g_strdup (envelope_message (r));
  }
  /* The nutritionist hears of it, with the patient's page. */
  g_assert_cmpint (bz_api_count (api, "notifications"), ==, notes + 1);
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/v1/notifications", test_api_nutri_token (), NULL);
    JsonArray *list;
    JsonObject *n;
    g_autofree char *url = g_strdup_printf ("/patients/%s", pid);
    expect (r, 200);
    list = json_object_get_array_member (bz_api_data (r), "notifications");
    n = json_array_get_object_element (list, 0);
    g_assert_cmpstr (json_object_get_string_member (n, "type"), ==, "password_reset_request");
    g_assert_cmpstr (json_object_get_string_member (n, "action_url"), ==, url);
  }
  /* An unknown email: the same answer, nothing written. */
  before = snapshot ("forgot@test.local");
  notes = bz_api_count (api, "notifications");
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/auth/password/forgot", NULL,
                                              "{\"email\":\"nobody-here@test.local\"}");
    g_autofree char *after = snapshot ("forgot@test.local");
    expect (r, 200);
    g_assert_cmpstr (envelope_message (r), ==, known_msg);
    g_assert_cmpint (bz_api_count (api, "notifications"), ==, notes);
    g_assert_cmpstr (before, ==, after);
  }
  /* A nutritionist's own email: the same answer, no notification. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/auth/password/forgot", NULL,
                                              "{\"email\":\"nutri1@test.local\"}");
    expect (r, 200);
    g_assert_cmpstr (envelope_message (r), ==, known_msg);
    g_assert_cmpint (bz_api_count (api, "notifications"), ==, notes);
  }
  /* Bad input: 400 with the field's detail. */
  {
    g_autoptr(BzApiResponse) a = bz_api_json (api, "POST", "/api/v1/auth/password/forgot", NULL, "{}");
    g_autoptr(BzApiResponse) b = bz_api_json (api, "POST", "/api/v1/auth/password/forgot", NULL, "{\"email\":7}");
    g_autoptr(BzApiResponse) c = NULL;
    bz_auth_reset_rate_limits ();
    c = bz_api_json (api, "POST", "/api/v1/auth/password/forgot", NULL, "{\"email\":\"a@b.c\",\"admin\":true}");
    expect (a, 400);
    g_assert_true (bz_api_has_detail (a, "email"));
    expect (b, 400);
    g_assert_true (bz_api_has_detail (b, "email"));
    expect (c, 400);
    g_assert_true (bz_api_has_detail (c, "admin"));
    g_assert_cmpint (bz_api_count (api, "notifications"), ==, notes);
  }
  /* The address limit, as sign-in's: the sixth request in a minute is 429. */
  bz_auth_reset_rate_limits ();
  for (guint i = 0; i < BZ_PASSWORD_RESET_REQUESTS_PER_MINUTE; i++)
    {
      g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/auth/password/forgot", NULL,
                                                "{\"email\":\"nobody-here@test.local\"}");
      expect (r, 200);
    }
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/auth/password/forgot", NULL,
                                              "{\"email\":\"nobody-here@test.local\"}");
    g_autoptr(BzApiResponse) x = bz_api_json (api, "POST", "/api/v1/auth/password/reset", NULL,
                                              "{\"email\":\"forgot@test.local\",\"code\":\"AAAAAAAA\","
                                              "\"new_password\":\"Fresh-Pass2!\"}");
    expect (r, 429);
    g_assert_nonnull (soup_message_headers_get_one (r->headers, "Retry-After"));
    expect (x, 429);
  }
  bz_auth_reset_rate_limits ();
}

/* --- reset ----------------------------------------------------------------------- */

static void
test_reset_happy_path (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *access = NULL, *refresh = NULL;
  g_autofree char *pid = make_patient ("reset@test.local", &access, &refresh);
  g_autofree char *code = new_code (pid, "reset@test.local");
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, code, -1);
  g_autofree char *typed = NULL;

  /* Only the hash is stored. */
  {
    g_autofree char *stored = query_text ("SELECT code_hash FROM password_reset_codes WHERE user_id ="
                                          " (SELECT id FROM users WHERE email = %Q)", "reset@test.local");
    g_assert_cmpstr (stored, ==, hash);
  }
  /* As a member may type it: lower case, with a dash. */
  typed = g_strdup_printf ("%.4s-%s", code, code + 4);
  for (char *c = typed; *c; c++)
    *c = g_ascii_tolower (*c);
  {
    g_autoptr(BzApiResponse) r = reset ("reset@test.local", typed, "Fresh-Pass2!");
    expect (r, 200);
    g_assert_nonnull (envelope_message (r));
  }
  g_assert_cmpuint (login_status ("reset@test.local", "Fresh-Pass2!"), ==, 200);
  g_assert_cmpuint (login_status ("reset@test.local", MEMBER_PASSWORD), ==, 401);
  /* Every earlier session is over: its refresh and its access token. */
  {
    g_autofree char *body = g_strdup_printf ("{\"refresh_token\":\"%s\"}", refresh);
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/auth/refresh", NULL, body);
    g_autoptr(BzApiResponse) a = bz_api_json (api, "GET", "/api/v1/notifications", access, NULL);
    expect (r, 401);
    expect (a, 401);
  }
  /* The code is spent. */
  expect_refused ("reset@test.local", code, "Another-Pass3!", "code");
  g_assert_cmpuint (login_status ("reset@test.local", "Fresh-Pass2!"), ==, 200);
}

static void
test_reset_expired_and_voided (void)
{
  g_autofree char *pid = make_patient ("expired@test.local", NULL, NULL);
  g_autofree char *old = new_code (pid, "expired@test.local");
  g_autofree char *code = new_code (pid, "expired@test.local");

  /* A newer code voids the older one: the old one is a wrong try of the new. */
  {
    g_autoptr(BzApiResponse) r = reset ("expired@test.local", old, "Fresh-Pass2!");
    expect (r, 400);
    g_assert_true (bz_api_has_detail (r, "code"));
    g_assert_cmpint (attempts_of_live_code ("expired@test.local"), ==, 1);
  }
  /* Expired: expires_at an hour and a second ago. */
  exec_sql ("UPDATE password_reset_codes SET created_at = '2020-01-01T00:00:00Z', expires_at = '2020-01-01T01:00:00Z'"
            " WHERE used_at IS NULL AND voided_at IS NULL AND user_id = (SELECT id FROM users WHERE email = %Q)",
            "expired@test.local");
  expect_refused ("expired@test.local", code, "Fresh-Pass2!", "code");
  g_assert_cmpuint (login_status ("expired@test.local", MEMBER_PASSWORD), ==, 200);
}

static void
test_reset_wrong_attempts (void)
{
  g_autofree char *pid = make_patient ("attempts@test.local", NULL, NULL);
  g_autofree char *code = new_code (pid, "attempts@test.local");
  g_autofree char *wrong = g_strdup (code);

  /* A wrong code of the right shape (another first digit). */
  wrong[0] = wrong[0] == '0' ? '1' : '0';
  for (gint64 i = 1; i <= BZ_PASSWORD_RESET_ATTEMPTS_MAX; i++)
    {
      g_autofree char *account = query_text ("SELECT password_hash FROM users WHERE email = %Q", "attempts@test.local");
      g_autoptr(BzApiResponse) r = reset ("attempts@test.local", wrong, "Fresh-Pass2!");
      g_autofree char *account_after = query_text ("SELECT password_hash FROM users WHERE email = %Q",
                                                   "attempts@test.local");
      expect (r, 400);
      g_assert_true (bz_api_has_detail (r, "code"));
      g_assert_cmpstr (account, ==, account_after);
      /* The try counts; the last one voids the code (no live code: -1). */
      g_assert_cmpint (attempts_of_live_code ("attempts@test.local"), ==,
                       i < BZ_PASSWORD_RESET_ATTEMPTS_MAX ? i : -1);
    }
  /* Void: the right code no longer works. */
  expect_refused ("attempts@test.local", code, "Fresh-Pass2!", "code");
  g_assert_cmpuint (login_status ("attempts@test.local", MEMBER_PASSWORD), ==, 200);
}

static void
test_reset_refusals (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *pid = make_patient ("refuse@test.local", NULL, NULL);
  g_autofree char *code = new_code (pid, "refuse@test.local");

  /* A weak password: the registration rules, as details; no try spent. */
  {
    g_autoptr(BzApiResponse) r = NULL;
    expect_refused ("refuse@test.local", code, "weakpass", "new_password");
    r = reset ("refuse@test.local", code, "short");
    expect (r, 400);
    g_assert_true (bz_api_has_detail (r, "new_password"));
    g_assert_cmpint (attempts_of_live_code ("refuse@test.local"), ==, 0);
  }
  /* An unknown email: the same answer as a wrong code. */
  expect_refused ("nobody-at-all@test.local", code, "Fresh-Pass2!", "code");
  /* Malformed codes, missing, mistyped and unknown fields. */
  {
    g_autoptr(BzApiResponse) r = reset ("refuse@test.local", "not a code!", "Fresh-Pass2!");
    expect (r, 400);
    g_assert_true (bz_api_has_detail (r, "code"));
    /* A wrong try, however malformed. */
    g_assert_cmpint (attempts_of_live_code ("refuse@test.local"), ==, 1);
  }
  {
    g_autofree char *before = snapshot ("refuse@test.local");
    g_autoptr(BzApiResponse) a = bz_api_json (api, "POST", "/api/v1/auth/password/reset", NULL, "{}");
    g_autoptr(BzApiResponse) b = bz_api_json (api, "POST", "/api/v1/auth/password/reset", NULL,
                                              "{\"email\":[],\"code\":5,\"new_password\":{\"a\":1}}");
    g_autoptr(BzApiResponse) c = NULL;
    g_autofree char *huge = NULL, *after = NULL;
    bz_auth_reset_rate_limits ();
    c = bz_api_json (api, "POST", "/api/v1/auth/password/reset", NULL,
                     "{\"email\":\"refuse@test.local\",\"code\":\"AAAAAAAA\",\"new_password\":\"Fresh-Pass2!\","
                     "\"token\":\"x\"}");
    expect (a, 400);
    g_assert_true (bz_api_has_detail (a, "email"));
    g_assert_true (bz_api_has_detail (a, "code"));
    g_assert_true (bz_api_has_detail (a, "new_password"));
    expect (b, 400);
    g_assert_true (bz_api_has_detail (b, "email"));
    g_assert_true (bz_api_has_detail (b, "code"));
    g_assert_true (bz_api_has_detail (b, "new_password"));
    expect (c, 400);
    g_assert_true (bz_api_has_detail (c, "token"));
    {
      GString *s = g_string_new ("{\"email\":\"refuse@test.local\",\"code\":\"");
      for (guint i = 0; i < 8000; i++)
        g_string_append_c (s, 'A');
      g_string_append (s, "\",\"new_password\":\"Fresh-Pass2!\"}");
      huge = g_string_free (s, FALSE);
    }
    {
      g_autoptr(BzApiResponse) d = NULL;
      bz_auth_reset_rate_limits ();
      d = bz_api_json (api, "POST", "/api/v1/auth/password/reset", NULL, huge);
      expect (d, 413);
    }
    after = snapshot ("refuse@test.local");
    g_assert_cmpstr (before, ==, after);
  }
  /* The code is still good after all that. */
  {
    g_autoptr(BzApiResponse) r = reset ("refuse@test.local", code, "Fresh-Pass2!");
    expect (r, 200);
  }
}

/* Who may make a code: the patient's nutritionist only. */
static void
test_code_ownership (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *member = NULL;
  g_autofree char *pid = make_patient ("owner@test.local", &member, NULL);
  g_autofree char *path = g_strdup_printf ("/api/v1/nutritionist/patients/%s/password-reset", pid);
  g_autofree char *before = snapshot ("owner@test.local");
  g_autofree char *after = NULL;

  {
    g_autoptr(BzApiResponse) a = bz_api_json (api, "POST", path, test_api_nutri2_token (), NULL);
    g_autoptr(BzApiResponse) b = bz_api_json (api, "POST", path, member, NULL);
    g_autoptr(BzApiResponse) c = bz_api_json (api, "POST", "/api/v1/nutritionist/patients/not-a-uuid/password-reset",
                                              test_api_nutri_token (), NULL);
    g_autoptr(BzApiResponse) d = bz_api_json (api, "POST",
                                              "/api/v1/nutritionist/patients/00000000-0000-4000-8000-000000000000/password-reset",
                                              test_api_nutri_token (), NULL);
    g_autoptr(BzApiResponse) e = bz_api_json (api, "POST", path, NULL, NULL);
    expect (a, 404);
    expect (b, 403);
    expect (c, 404);
    expect (d, 404);
    expect (e, 401);
  }
  after = snapshot ("owner@test.local");
  g_assert_cmpstr (before, ==, after);
}

void
test_password_reset_add_tests (void)
{
  g_test_add_func ("/api/password-reset/forgot", test_forgot_same_answer);
  g_test_add_func ("/api/password-reset/happy-path", test_reset_happy_path);
  g_test_add_func ("/api/password-reset/expired-and-voided", test_reset_expired_and_voided);
  g_test_add_func ("/api/password-reset/wrong-attempts", test_reset_wrong_attempts);
  g_test_add_func ("/api/password-reset/refusals", test_reset_refusals);
  g_test_add_func ("/api/password-reset/ownership", test_code_ownership);
}
