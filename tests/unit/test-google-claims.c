/* test-google-claims.c — bz_auth_google_check_claims() (bz-auth-service.h):
 * Google's checks of an ID token's claims, in both shapes a claim comes in
 * (the token-info endpoint's text, an ID token's JSON numbers and booleans),
 * and each refusal's detail. */
#include <glib.h>
#include <json-glib/json-glib.h>

#include "bz-auth-service.h"
#include "bz-error.h"

#define CLIENT "clinic.apps.googleusercontent.com"
#define NOW 1800000000

static JsonObject *
claims (const char *json)
{
  g_autoptr(JsonNode) n = json_from_string (json, NULL);
  g_assert_nonnull (n);
  return json_object_ref (json_node_get_object (n));
}

/* The issue of the one detail of @error on id_token. */
static const char *
issue (GError *error)
{
  JsonArray *d = bz_error_get_details (error);
  g_assert_nonnull (d);
  g_assert_cmpuint (json_array_get_length (d), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (d, 0), "field"), ==, "id_token");
  return json_object_get_string_member (json_array_get_object_element (d, 0), "issue");
}

static void
test_accepted (void)
{
  /* Token-info's text form, and an ID token's typed form. */
  const char *ok[] = {
    "{\"iss\":\"https://accounts.google.com\",\"aud\":\"" CLIENT "\",\"sub\":\"1\",\"email\":\"a@b.mx\","
    "\"email_verified\":\"true\",\"exp\":\"1800000001\"}",
    "{\"iss\":\"accounts.google.com\",\"aud\":\"" CLIENT "\",\"sub\":\"1\",\"email\":\"a@b.mx\","
    "\"email_verified\":true,\"exp\":1800000001}",
  };
  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autoptr(JsonObject) c = claims (ok[i]);
      g_autoptr(GError) error = NULL;
      g_assert_true (bz_auth_google_check_claims (c, CLIENT, NOW, &error));
      g_assert_no_error (error);
    }
}

static void
test_refused (void)
{
  static const struct { const char *json; const char *issue; } cases[] = {
    { "{\"iss\":\"https://evil.example\",\"aud\":\"" CLIENT "\",\"sub\":\"1\",\"email\":\"a@b.mx\",\"email_verified\":true,\"exp\":1800000001}", "wrong_issuer" },
    { "{\"aud\":\"" CLIENT "\",\"sub\":\"1\",\"email\":\"a@b.mx\",\"email_verified\":true,\"exp\":1800000001}", "wrong_issuer" },
    { "{\"iss\":\"accounts.google.com\",\"aud\":\"other\",\"sub\":\"1\",\"email\":\"a@b.mx\",\"email_verified\":true,\"exp\":1800000001}", "wrong_audience" },
    { "{\"iss\":\"accounts.google.com\",\"aud\":\"" CLIENT "\",\"sub\":\"1\",\"email\":\"a@b.mx\",\"email_verified\":true,\"exp\":1800000000}", "expired" },
    { "{\"iss\":\"accounts.google.com\",\"aud\":\"" CLIENT "\",\"sub\":\"1\",\"email\":\"a@b.mx\",\"email_verified\":true,\"exp\":\"soon\"}", "expired" },
    { "{\"iss\":\"accounts.google.com\",\"aud\":\"" CLIENT "\",\"sub\":\"1\",\"email\":\"a@b.mx\",\"email_verified\":true}", "expired" },
    { "{\"iss\":\"accounts.google.com\",\"aud\":\"" CLIENT "\",\"sub\":\"1\",\"email_verified\":true,\"exp\":1800000001}", "no_email" },
    { "{\"iss\":\"accounts.google.com\",\"aud\":\"" CLIENT "\",\"email\":\"a@b.mx\",\"email_verified\":true,\"exp\":1800000001}", "no_email" },
    { "{\"iss\":\"accounts.google.com\",\"aud\":\"" CLIENT "\",\"sub\":\"1\",\"email\":\"a@b.mx\",\"email_verified\":\"false\",\"exp\":1800000001}", "email_not_verified" },
    { "{\"iss\":\"accounts.google.com\",\"aud\":\"" CLIENT "\",\"sub\":\"1\",\"email\":\"a@b.mx\",\"exp\":1800000001}", "email_not_verified" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) c = claims (cases[i].json);
      g_autoptr(GError) error = NULL;
      g_test_message ("%s", cases[i].json);
      g_assert_false (bz_auth_google_check_claims (c, CLIENT, NOW, &error));
      g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
      g_assert_cmpstr (issue (error), ==, cases[i].issue);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/google-claims/accepted", test_accepted);
  g_test_add_func ("/google-claims/refused", test_refused);
  return g_test_run ();
}
