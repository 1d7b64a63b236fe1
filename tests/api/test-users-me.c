/* test-users-me.c — GET and PATCH /api/v1/users/me (issue 9,
 * "Rectification"): success, a partial change, null clearing, the audit and
 * the change log; every refusal with the store unchanged after it; another
 * user's PATCH never touches this one.
 *
 * Built into test-api's binary (tests/api/meson.build), registered by
 * test-api.c before its every-operation check. */
#include "bz-api-fixture.h"

#include "bz-audit.h"
#include "bz-auth-service-private.h"

void test_users_me_add_tests (void);

static BzApiResponse *
patch_me (const char *token, const char *body)
{
  return bz_api_json (bz_api_shared (), "PATCH", "/api/v1/users/me", token, body);
}

/* The caller's profile as JSON text. */
static char *
me (const char *token)
{
  g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "GET", "/api/v1/users/me", token, NULL);
  g_autoptr(JsonNode) n = NULL;

  g_assert_cmpuint (r->status, ==, 200);
  n = json_node_init_object (json_node_alloc (), bz_api_data (r));
  return json_to_string (n, FALSE);
}

static void
test_users_me (void)
{
  BzApi *api = bz_api_shared ();
  BzAuditLog *audit = bz_services_get_audit_log (api->services);
  g_autofree char *ana = bz_api_register (api, "um-ana@test.local", "patient", NULL);
  g_autofree char *beto = bz_api_register (api, "um-beto@test.local", "nutritionist", NULL);
  gint64 audits, changes;

  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/v1/users/me", ana, NULL);
    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "email"), ==, "um-ana@test.local");
    g_assert_true (json_object_get_null_member (bz_api_data (r), "state"));
  }

  /* Success: trimmed names, the phone normalized, state and city stored;
   * audited once; one change logged. */
  bz_audit_log_flush (audit);
  audits = bz_api_count (api, "record_access_audit");
  changes = bz_api_count (api, "changes");
  {
    g_autoptr(BzApiResponse) r = patch_me (ana, "{\"first_name\":\"  Ana María \",\"phone\":\"+52 555 222 3344\","
                                                "\"gender\":\"female\",\"date_of_birth\":\"1990-04-12\","
                                                "\"state\":\"Jalisco\",\"city\":\"Zapopan\"}");
    JsonObject *d;
    g_assert_cmpuint (r->status, ==, 200);
    d = bz_api_data (r);
    g_assert_cmpstr (json_object_get_string_member (d, "first_name"), ==, "Ana María");
    g_assert_cmpstr (json_object_get_string_member (d, "last_name"), ==, "User");
    g_assert_cmpstr (json_object_get_string_member (d, "phone"), ==, "+525552223344");
    g_assert_cmpstr (json_object_get_string_member (d, "gender"), ==, "female");
    g_assert_cmpstr (json_object_get_string_member (d, "date_of_birth"), ==, "1990-04-12");
    g_assert_cmpstr (json_object_get_string_member (d, "state"), ==, "Jalisco");
    g_assert_cmpstr (json_object_get_string_member (d, "city"), ==, "Zapopan");
  }
  bz_audit_log_flush (audit);
  g_assert_cmpint (bz_api_count (api, "record_access_audit"), ==, audits + 1);
  g_assert_cmpint (bz_api_count (api, "changes"), ==, changes + 1);

  /* Partial: one member changes, the others stay; null clears one. */
  {
    g_autoptr(BzApiResponse) r = patch_me (ana, "{\"city\":\"Guadalajara\"}");
    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "city"), ==, "Guadalajara");
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "state"), ==, "Jalisco");
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "phone"), ==, "+525552223344");
  }
  {
    g_autoptr(BzApiResponse) r = patch_me (ana, "{\"phone\":null,\"gender\":null}");
    g_assert_cmpuint (r->status, ==, 200);
    g_assert_true (json_object_get_null_member (bz_api_data (r), "phone"));
    g_assert_true (json_object_get_null_member (bz_api_data (r), "gender"));
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "first_name"), ==, "Ana María");
  }

  /* Another user's PATCH changes only their own record. */
  {
    g_autofree char *before = me (ana);
    g_autofree char *after = NULL;
    g_autoptr(BzApiResponse) r = patch_me (beto, "{\"first_name\":\"Beto\",\"city\":\"Tepic\"}");
    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "email"), ==, "um-beto@test.local");
    after = me (ana);
    g_assert_cmpstr (after, ==, before);
  }

  /* Refusals: the status and field, the record and the change log unchanged. */
  {
    g_autofree char *a101 = g_strnfill (101, 'a');
    g_autofree char *long_state = g_strdup_printf ("{\"state\":\"%s\"}", a101);
    struct { const char *token; const char *body; guint status; const char *field; } cases[] = {
      { NULL, "{\"city\":\"Colima\"}", 401, NULL },
      { ana, "{\"first_name\":5}", 400, "first_name" },
      { ana, "{\"state\":7}", 400, "state" },
      { ana, "{\"city\":[\"Colima\"]}", 400, "city" },
      { ana, long_state, 400, "state" },
      { ana, "{\"first_name\":\"   \"}", 400, "first_name" },
      { ana, "{\"last_name\":null}", 400, "last_name" },
      { ana, "{\"phone\":\"12\"}", 400, "phone" },
      { ana, "{\"date_of_birth\":\"2990-01-01\"}", 400, "date_of_birth" },
      { ana, "{\"date_of_birth\":\"1990-02-30\"}", 400, "date_of_birth" },
      { ana, "{\"gender\":\"robot\"}", 400, "gender" },
      { ana, "{\"email\":\"new@test.local\"}", 400, "email" },
      { ana, "{\"user_type\":\"admin\"}", 400, "user_type" },
      { ana, "[]", 400, NULL },
      { ana, "{\"phone\":\"+52 555 777 8888\"}", 409, "phone" },   /* Beto's, set below */
    };
    {
      g_autoptr(BzApiResponse) r = patch_me (beto, "{\"phone\":\"+525557778888\"}");
      g_assert_cmpuint (r->status, ==, 200);
    }
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *before = me (ana), *after = NULL;
        gint64 n_changes = bz_api_count (api, "changes");
        g_autoptr(BzApiResponse) r = patch_me (cases[i].token, cases[i].body);
        g_test_message ("PATCH %.60s", cases[i].body);
        g_assert_cmpuint (r->status, ==, cases[i].status);
        if (cases[i].field)
          g_assert_true (bz_api_has_detail (r, cases[i].field));
        after = me (ana);
        g_assert_cmpstr (after, ==, before);
        g_assert_cmpint (bz_api_count (api, "changes"), ==, n_changes);
      }
  }
  /* Unauthenticated reads are refused too. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/v1/users/me", NULL, NULL);
    g_assert_cmpuint (r->status, ==, 401);
  }
}

void
test_users_me_add_tests (void)
{
  g_test_add_func ("/api/users/me", test_users_me);
}
