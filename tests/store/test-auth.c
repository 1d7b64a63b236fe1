/* test-auth.c — bz-auth-service against a real store in a temporary directory:
 * registration and validation, sign-in and the login rate limits.  Tokens,
 * refresh and sign-out are in test-auth-tokens.c; the shared fixture in
 * auth-fixture.c.
 */
#include <stdlib.h>
#include <string.h>

#include "auth-fixture.h"

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
  return g_test_run ();
}
