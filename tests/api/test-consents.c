/* test-consents.c — consent records and the privacy notice (issue 9, seed
 * 002 §7.3.1 UserConsent) on a real server and SQLite file: the notice in
 * Spanish and English; consent taken at registration (a member must give
 * it) and at patient creation, with the request's address; GET and PUT of
 * one's own consents and of a nutritionist's patient; every change kept as a
 * history row; every refusal (wrong types, missing and unknown members,
 * another notice version, no notice accepted, unauthenticated, another
 * nutritionist's patient) leaves the store unchanged.  Built into test-api's
 * binary: every JSON answer is checked against /api/openapi.json. */
#include "bz-api-fixture.h"

#include <string.h>

#include "bz-auth-service-private.h"
#include "bz-privacy-resources.h"
#include "bz-store.h"

void test_consents_add_tests (void);

static char *c_nutri, *c_nutri2, *c_patient, *c_member, *c_member_user;

static void
assert_status (BzApiResponse *r, guint status)
{
  if (r->status != status)
    g_error ("expected %u, got %u: %.*s", status, r->status, (int) g_bytes_get_size (r->body),
             (const char *) g_bytes_get_data (r->body, NULL));
}

static void
assert_refused (BzApiResponse *r, guint status, const char *code, const char *field)
{
  assert_status (r, status);
  g_assert_cmpstr (bz_api_error_code (r), ==, code);
  if (field)
    g_assert_true (bz_api_has_detail (r, field));
}

/* The store's consent state: the current rows and the history, as one text. */
static char *
consent_state (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (api->store),
      "SELECT (SELECT count(*) FROM user_consent_history) || '|' ||"
      " (SELECT coalesce(group_concat(user_id || data_processing || marketing_communications ||"
      "  data_sharing_partners || coalesce(privacy_notice_version, '-') || coalesce(updated_at, '-'), ','), '')"
      "  FROM (SELECT * FROM user_consents ORDER BY user_id))", NULL);
  g_assert_nonnull (st);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  return bz_db_column_text_dup (st, 0);
}

static void
ensure_users (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(BzApiResponse) r = NULL, l = NULL;
  JsonObject *d;

  if (c_nutri)
    return;
  c_nutri = bz_api_register (api, "consent-nutri1@test.local", "nutritionist", NULL);
  c_nutri2 = bz_api_register (api, "consent-nutri2@test.local", "nutritionist", NULL);
  r = bz_api_json (api, "POST", "/api/v1/nutritionist/patients", c_nutri,
                   "{\"email\":\"consent-member@test.local\",\"first_name\":\"Rosa\",\"last_name\":\"Luna\","
                   "\"password\":\"Member-Pass1!\",\"privacy_consent\":true}");
  assert_status (r, 201);
  c_patient = g_strdup (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "patient"),
                                                       "id"));
  bz_auth_reset_rate_limits ();
  l = bz_api_json (api, "POST", "/api/v1/auth/login", NULL,
                   "{\"email\":\"consent-member@test.local\",\"password\":\"Member-Pass1!\"}");
  assert_status (l, 200);
  d = bz_api_data (l);
  c_member = g_strdup (json_object_get_string_member (d, "access_token"));
  c_member_user = g_strdup (json_object_get_string_member (json_object_get_object_member (d, "user"), "id"));
}

static void
test_notice (void)
{
  BzApi *api = bz_api_shared ();
  struct { const char *path, *lang, *words; } cases[] = {
    { "/api/v1/privacy/notice", "es", "Aviso de Privacidad" },
    { "/api/v1/privacy/notice?lang=es", "es", "derechos ARCO" },
    { "/api/v1/privacy/notice?lang=en", "en", "ARCO rights" },
    { "/api/v1/privacy/notice?lang=EN", "en", "Privacy Notice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* Public: no token. */
      g_autoptr(BzApiResponse) r = bz_api_call (api, "GET", cases[i].path, NULL, NULL, NULL, 0, NULL);
      JsonObject *d;
      const char *text;
      g_autofree char *version_line = NULL;

      assert_status (r, 200);
      d = bz_api_data (r);
      text = json_object_get_string_member (d, "text");
      g_assert_cmpstr (json_object_get_string_member (d, "version"), ==, BZ_PRIVACY_NOTICE_VERSION);
      g_assert_cmpstr (json_object_get_string_member (d, "lang"), ==, cases[i].lang);
      g_assert_nonnull (strstr (text, cases[i].words));
      g_assert_nonnull (strstr (text, "LFPDPPP"));
      /* The version is written into the text from its one home. */
      g_assert_null (strstr (text, "@VERSION@"));
      g_assert_nonnull (strstr (text, BZ_PRIVACY_NOTICE_VERSION));
    }
  {
    g_autoptr(BzApiResponse) r = bz_api_call (api, "GET", "/api/v1/privacy/notice?lang=fr", NULL, NULL, NULL, 0, NULL);
    assert_refused (r, 400, "VALIDATION_ERROR", "lang");
  }
}

static BzApiResponse *
register_member (const char *extra)
{
  g_autofree char *body = g_strdup_printf (
      "{\"email\":\"consent-reg@test.local\",\"password\":\"Secure-Pass1!\",\"first_name\":\"Ana\","
      "\"last_name\":\"Sol\",\"user_type\":\"patient\"%s}", extra);
  bz_auth_reset_rate_limits ();
  return bz_api_json (bz_api_shared (), "POST", "/api/v1/auth/register", NULL, body);
}

static void
test_registration (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *before = consent_state ();
  gint64 users = bz_api_count (api, "users");
  g_autofree char *ok = g_strdup_printf (",\"data_processing\":true,\"marketing_communications\":true,"
                                         "\"privacy_notice_version\":\"%s\"", BZ_PRIVACY_NOTICE_VERSION);
  g_autofree char *no_dp = g_strdup_printf (",\"data_processing\":false,\"privacy_notice_version\":\"%s\"",
                                            BZ_PRIVACY_NOTICE_VERSION);
  struct { const char *extra, *field; } refused[] = {
    { "", "data_processing" },
    { no_dp, "data_processing" },
    { ",\"data_processing\":\"yes\",\"privacy_notice_version\":\"2026-12\"", "data_processing" },
    { ",\"data_processing\":true", "privacy_notice_version" },
    { ",\"data_processing\":true,\"privacy_notice_version\":\"1999-01\"", "privacy_notice_version" },
    { ",\"data_processing\":true,\"privacy_notice_version\":7", "privacy_notice_version" },
    { ",\"data_processing\":true,\"privacy_notice_version\":\"2026-12\",\"marketing_communications\":1",
      "marketing_communications" },
  };
  g_autoptr(BzApiResponse) r = NULL, c = NULL;
  g_autofree char *after = NULL;
  JsonObject *d;

  g_assert_cmpstr (BZ_PRIVACY_NOTICE_VERSION, ==, "2026-12");   /* the cases above spell it */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(BzApiResponse) x = register_member (refused[i].extra);
      g_autofree char *now = NULL;
      g_test_message ("case %u", i);
      assert_refused (x, 400, "VALIDATION_ERROR", refused[i].field);
      g_assert_cmpint (bz_api_count (api, "users"), ==, users);
      now = consent_state ();
      g_assert_cmpstr (now, ==, before);
    }

  r = register_member (ok);
  assert_status (r, 201);
  c = bz_api_call (api, "GET", "/api/v1/privacy/consents",
                   json_object_get_string_member (bz_api_data (r), "access_token"), NULL, NULL, 0, NULL);
  assert_status (c, 200);
  d = bz_api_data (c);
  g_assert_true (json_object_get_boolean_member (d, "data_processing"));
  g_assert_true (json_object_get_boolean_member (d, "marketing_communications"));
  g_assert_false (json_object_get_boolean_member (d, "data_sharing_partners"));
  g_assert_cmpstr (json_object_get_string_member (d, "privacy_notice_version"), ==, BZ_PRIVACY_NOTICE_VERSION);
  g_assert_false (json_object_get_null_member (d, "privacy_notice_accepted_at"));
  g_assert_cmpstr (json_object_get_string_member (d, "ip_address"), ==, "127.0.0.1");
  g_assert_cmpstr (json_object_get_string_member (d, "current_privacy_notice_version"), ==,
                   BZ_PRIVACY_NOTICE_VERSION);
  after = consent_state ();
  g_assert_cmpstr (after, !=, before);
  g_assert_cmpint (bz_api_count (api, "users"), ==, users + 1);
}

static void
test_patient_creation (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *path = NULL;
  g_autoptr(BzApiResponse) r = NULL, f = NULL;
  JsonObject *d;
  const char *accepted;

  ensure_users ();
  path = g_strdup_printf ("/api/v1/nutritionist/patients/%s/consents", c_patient);
  r = bz_api_call (api, "GET", path, c_nutri, NULL, NULL, 0, NULL);
  assert_status (r, 200);
  d = bz_api_data (r);
  g_assert_cmpstr (json_object_get_string_member (d, "user_id"), ==, c_member_user);
  g_assert_true (json_object_get_boolean_member (d, "data_processing"));
  g_assert_false (json_object_get_boolean_member (d, "marketing_communications"));
  g_assert_cmpstr (json_object_get_string_member (d, "privacy_notice_version"), ==, BZ_PRIVACY_NOTICE_VERSION);
  g_assert_cmpstr (json_object_get_string_member (d, "ip_address"), ==, "127.0.0.1");
  accepted = json_object_get_string_member (d, "privacy_notice_accepted_at");
  g_assert_nonnull (accepted);

  /* PatientInfo's privacy_consent_at is the same fact, read from its one home. */
  g_free (path);
  path = g_strdup_printf ("/api/v1/nutritionist/patients/%s", c_patient);
  f = bz_api_call (api, "GET", path, c_nutri, NULL, NULL, 0, NULL);
  assert_status (f, 200);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_object_get_object_member (bz_api_data (f), "patient"),
                                                    "basic_info"), "privacy_consent_at"), ==, accepted);
}

static void
test_own_consents (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *put_ok = g_strdup_printf (
      "{\"data_processing\":true,\"marketing_communications\":false,\"data_sharing_partners\":true,"
      "\"privacy_notice_version\":\"%s\"}", BZ_PRIVACY_NOTICE_VERSION);
  struct { const char *body; const char *field; } refused[] = {
    { "{\"data_processing\":\"yes\",\"marketing_communications\":false,\"data_sharing_partners\":false}",
      "data_processing" },
    { "{\"data_processing\":true,\"marketing_communications\":0,\"data_sharing_partners\":false}",
      "marketing_communications" },
    { "{\"data_processing\":true,\"marketing_communications\":false}", "data_sharing_partners" },
    { "{\"data_processing\":true,\"marketing_communications\":false,\"data_sharing_partners\":false,"
      "\"ip_address\":\"1.2.3.4\"}", "ip_address" },
    { "{\"data_processing\":true,\"marketing_communications\":false,\"data_sharing_partners\":false,"
      "\"privacy_notice_version\":\"1999-01\"}", "privacy_notice_version" },
    { "{\"data_processing\":true,\"marketing_communications\":false,\"data_sharing_partners\":false,"
      "\"privacy_notice_version\":\"2026-12-01-extra\"}", "privacy_notice_version" },
    { "[true]", "body" },
  };
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(BzApiResponse) r = NULL, g = NULL, w = NULL;
  gint64 history;
  JsonObject *d;

  ensure_users ();
  before = consent_state ();
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(BzApiResponse) x = bz_api_json (api, "PUT", "/api/v1/privacy/consents", c_member, refused[i].body);
      g_autofree char *now = consent_state ();
      g_test_message ("case %u", i);
      assert_refused (x, 400, "VALIDATION_ERROR", refused[i].field);
      g_assert_cmpstr (now, ==, before);
    }
  /* Unauthenticated. */
  {
    g_autoptr(BzApiResponse) x = bz_api_json (api, "PUT", "/api/v1/privacy/consents", NULL, put_ok);
    g_autoptr(BzApiResponse) y = bz_api_call (api, "GET", "/api/v1/privacy/consents", NULL, NULL, NULL, 0, NULL);
    g_autofree char *now = consent_state ();
    assert_refused (x, 401, "UNAUTHENTICATED", NULL);
    assert_refused (y, 401, "UNAUTHENTICATED", NULL);
    g_assert_cmpstr (now, ==, before);
  }
  /* A nutritionist registered without consents (they are optional for staff) cannot consent to
   * processing without accepting the notice. */
  {
    g_autoptr(BzApiResponse) reg = NULL, x = NULL;
    g_autofree char *now = NULL;
    bz_auth_reset_rate_limits ();
    reg = bz_api_json (api, "POST", "/api/v1/auth/register", NULL,
                       "{\"email\":\"consent-nutri3@test.local\",\"password\":\"Secure-Pass1!\",\"first_name\":\"Eva\","
                       "\"last_name\":\"Paz\",\"user_type\":\"nutritionist\"}");
    assert_status (reg, 201);
    now = consent_state ();
    g_assert_cmpstr (now, ==, before);   /* no consent given, none recorded */
    x = bz_api_json (api, "PUT", "/api/v1/privacy/consents", json_object_get_string_member (bz_api_data (reg), "access_token"),
        "{\"data_processing\":true,\"marketing_communications\":false,\"data_sharing_partners\":false}");
    g_free (now);
    now = consent_state ();
    assert_refused (x, 400, "VALIDATION_ERROR", "privacy_notice_version");
    g_assert_cmpstr (now, ==, before);
  }

  history = bz_api_count (api, "user_consent_history");
  r = bz_api_json (api, "PUT", "/api/v1/privacy/consents", c_member, put_ok);
  assert_status (r, 200);
  d = bz_api_data (r);
  g_assert_true (json_object_get_boolean_member (d, "data_sharing_partners"));
  g_assert_false (json_object_get_boolean_member (d, "marketing_communications"));
  g_assert_cmpint (bz_api_count (api, "user_consent_history"), ==, history + 1);

  /* Withdrawing a consent needs no notice; the acceptance stays as it was. */
  w = bz_api_json (api, "PUT", "/api/v1/privacy/consents", c_member,
                   "{\"data_processing\":false,\"marketing_communications\":false,\"data_sharing_partners\":false}");
  assert_status (w, 200);
  g = bz_api_call (api, "GET", "/api/v1/privacy/consents", c_member, NULL, NULL, 0, NULL);
  assert_status (g, 200);
  d = bz_api_data (g);
  g_assert_false (json_object_get_boolean_member (d, "data_processing"));
  g_assert_false (json_object_get_boolean_member (d, "data_sharing_partners"));
  g_assert_cmpstr (json_object_get_string_member (d, "privacy_notice_version"), ==, BZ_PRIVACY_NOTICE_VERSION);
  g_assert_cmpint (bz_api_count (api, "user_consent_history"), ==, history + 2);
  after = consent_state ();
  g_assert_cmpstr (after, !=, before);
}

static void
test_patient_consents (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *path = NULL, *before = NULL, *stranger = NULL;
  const char *body = "{\"data_processing\":true,\"marketing_communications\":true,\"data_sharing_partners\":false}";
  g_autoptr(BzApiResponse) r = NULL;
  gint64 history;

  ensure_users ();
  path = g_strdup_printf ("/api/v1/nutritionist/patients/%s/consents", c_patient);
  before = consent_state ();
  /* Another nutritionist's patient, an unknown id and a malformed one: 404, whatever the body. */
  stranger = g_strdup_printf ("/api/v1/nutritionist/patients/%s/consents", "00000000-0000-4000-8000-000000000000");
  {
    const char *paths[] = { path, stranger, "/api/v1/nutritionist/patients/not-a-uuid/consents" };
    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        const char *token = i == 0 ? c_nutri2 : c_nutri;
        g_autoptr(BzApiResponse) x = bz_api_json (api, "PUT", paths[i], token, body);
        g_autoptr(BzApiResponse) y = bz_api_call (api, "GET", paths[i], token, NULL, NULL, 0, NULL);
        g_autoptr(BzApiResponse) z = bz_api_json (api, "PUT", paths[i], token, "{\"data_processing\":\"x\"}");
        g_autofree char *now = consent_state ();
        assert_refused (x, 404, "NOT_FOUND", NULL);
        assert_refused (y, 404, "NOT_FOUND", NULL);
        assert_refused (z, 404, "NOT_FOUND", NULL);
        g_assert_cmpstr (now, ==, before);
      }
  }
  /* A member cannot use the nutritionist's route, not even for themself. */
  {
    g_autoptr(BzApiResponse) x = bz_api_json (api, "PUT", path, c_member, body);
    g_autofree char *now = consent_state ();
    assert_refused (x, 403, "FORBIDDEN", NULL);
    g_assert_cmpstr (now, ==, before);
  }
  /* Wrong types on one's own patient: refused, nothing written. */
  {
    g_autoptr(BzApiResponse) x = bz_api_json (api, "PUT", path, c_nutri,
        "{\"data_processing\":true,\"marketing_communications\":\"si\",\"data_sharing_partners\":false}");
    g_autofree char *now = consent_state ();
    assert_refused (x, 400, "VALIDATION_ERROR", "marketing_communications");
    g_assert_cmpstr (now, ==, before);
  }

  history = bz_api_count (api, "user_consent_history");
  r = bz_api_json (api, "PUT", path, c_nutri, body);
  assert_status (r, 200);
  g_assert_true (json_object_get_boolean_member (bz_api_data (r), "marketing_communications"));
  g_assert_true (json_object_get_boolean_member (bz_api_data (r), "data_processing"));
  g_assert_cmpint (bz_api_count (api, "user_consent_history"), ==, history + 1);
}

void
test_consents_add_tests (void)
{
  g_test_add_func ("/api/privacy/notice", test_notice);
  g_test_add_func ("/api/privacy/consents/registration", test_registration);
  g_test_add_func ("/api/privacy/consents/patient-creation", test_patient_creation);
  g_test_add_func ("/api/privacy/consents/own", test_own_consents);
  g_test_add_func ("/api/privacy/consents/patient", test_patient_consents);
}
