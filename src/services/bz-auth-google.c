/* bz-auth-google.c — sign-in with Google (issue 9; seed 002 §4.2 POST
 * /api/v1/auth/oauth/google), declared in bz-auth-service.h.
 *
 * The ID token is checked by the identity provider of the integration layer
 * (bz-identity-provider.h, kind "identity", provider "http": Google's
 * token-info endpoint) through its BzResilient (breaker, retries, deadline;
 * no cache and no local fallback: an identity is never served from a cache).
 * Then the claims are checked here, as Google's "Authenticate with a backend
 * server" asks (developers.google.com/identity/sign-in/web/backend-auth,
 * "Verify the integrity of the ID token"): iss is accounts.google.com or
 * https://accounts.google.com, aud is the clinic's client id, exp is in the
 * future; and email_verified is true, since the e-mail is what links the
 * Google account to a Balanza user.
 */
#include "bz-auth-service.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "bz-auth-internal.h"
#include "bz-identity-provider.h"
#include "bz-integration-service.h"
#include "bz-oauth-resources.h"
#include "bz-resilient.h"
#include "bz-user-repo.h"

static const char *const google_issuers[] = { "accounts.google.com", "https://accounts.google.com", NULL };

/* The refusal of a token: 401, with a detail on id_token saying why. */
static gboolean
refuse (GError **error, const char *reason)
{
  GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_UNAUTHENTICATED,
                                   _("The Google sign-in could not be verified"));
  bz_error_add_detail (e, "id_token", reason, e->message);
  g_propagate_error (error, e);
  return FALSE;
}

/* A claim that Google's token-info gives as text ("1700000000", "true") and
 * an ID token as a JSON number or boolean: its text either way. */
static char *
claim_text (JsonObject *claims, const char *name)
{
  JsonNode *n = json_object_get_member (claims, name);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n))
    return NULL;
  switch (json_node_get_value_type (n))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (n));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (n));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%.0f", json_node_get_double (n));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (n) ? "true" : "false");
    default:
      return NULL;
    }
}

gboolean
bz_auth_google_check_claims (JsonObject *claims, const char *client_id, gint64 now_unix, GError **error)
{
  g_autofree char *iss = claim_text (claims, "iss");
  g_autofree char *aud = claim_text (claims, "aud");
  g_autofree char *exp = claim_text (claims, "exp");
  g_autofree char *verified = claim_text (claims, "email_verified");
  g_autofree char *email = claim_text (claims, "email");
  g_autofree char *sub = claim_text (claims, "sub");
  guint64 exp_s = 0;

  g_return_val_if_fail (claims != NULL && client_id != NULL, FALSE);
  if (iss == NULL || !g_strv_contains (google_issuers, iss))
    return refuse (error, "wrong_issuer");
  if (aud == NULL || strcmp (aud, client_id) != 0)
    return refuse (error, "wrong_audience");
  if (exp == NULL || !g_ascii_string_to_unsigned (exp, 10, 0, G_MAXINT64, &exp_s, NULL)
      || (gint64) exp_s <= now_unix)
    return refuse (error, "expired");
  if (sub == NULL || *sub == '\0' || email == NULL || strchr (email, '@') == NULL)
    return refuse (error, "no_email");
  if (g_strcmp0 (verified, "true") != 0)
    return refuse (error, "email_not_verified");
  return TRUE;
}

/* IDENTITY_BURST: sign-ins are bursts (a waiting room's phones, a class
 * signing in together), each attempt already limited per address
 * (bz_auth_check_reset_rate()): a burst of 60 attempts, then the default
 * 1 per second, instead of the default burst of 10 (bz-resilient.h). */
#define IDENTITY_BURST 60.0

/* The identity kind's `http` wrapper: created once, registered with the
 * integrations (so the health endpoint and the metrics show it); the
 * defaults of bz-resilient.h but for the burst. */
static BzResilient *
identity_resilient (BzServices *svc)
{
  static GMutex lock;
  BzResilient *r;

  g_mutex_lock (&lock);
  r = bz_integrations_lookup (svc, "identity", "http");
  if (r == NULL)
    {
      BzResilientConfig config;

      bz_resilient_config_init (&config);
      config.bucket_capacity = IDENTITY_BURST;
      r = bz_resilient_new ("identity", "http", &config, NULL);
      bz_integrations_register (svc, r);
    }
  g_mutex_unlock (&lock);
  return r;
}

/* Asks the provider about @id_token; a refusal by the issuer is a 401, an
 * issuer that cannot be asked a 503. */
static JsonNode *
verify_token (BzServices *svc, const char *id_token, GError **error)
{
  const char *url = g_getenv (BZ_GOOGLE_TOKENINFO_URL_ENV);
  g_autoptr(BzGoogleTokeninfo) provider = bz_google_tokeninfo_new (url && *url ? url : BZ_GOOGLE_TOKENINFO_URL);
  g_autoptr(JsonObject) request = json_object_new ();
  g_autoptr(GError) local = NULL;
  BzIdentityCall call;
  BzResilientRequest req = { .endpoint = "/tokeninfo", .key = NULL, .remote = bz_identity_provider_call };
  JsonNode *answer;

  if (provider == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAVAILABLE, _("Sign-in with Google is not set up correctly in this clinic"));
      return NULL;
    }
  json_object_set_string_member (request, "id_token", id_token);
  call.provider = BZ_IDENTITY_PROVIDER (provider);
  call.request = request;
  req.remote_data = &call;
  answer = bz_resilient_call (identity_resilient (svc), &req, NULL, NULL, &local);
  if (answer && JSON_NODE_HOLDS_OBJECT (answer))
    return answer;
  g_clear_pointer (&answer, json_node_unref);
  if (g_error_matches (local, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_INVALID_REQUEST))
    refuse (error, "invalid_token");
  else
    {
      g_message ("Google sign-in: the token-info endpoint failed: %s", local ? local->message : "no answer");
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAVAILABLE,
                   _("Google cannot be reached now; sign in with your e-mail and password"));
    }
  return NULL;
}

/* A new member's names from the claims: given and family name, else the
 * whole name, else the e-mail's local part; at most 100 characters. */
static char *
claim_name (JsonObject *claims, const char *name, const char *fallback)
{
  g_autofree char *v = claim_text (claims, name);
  char *t;

  if (v == NULL || !g_utf8_validate (v, -1, NULL) || *g_strstrip (v) == '\0')
    t = g_strdup (fallback);
  else
    t = g_steal_pointer (&v);
  if (g_utf8_strlen (t, -1) > 100)
    *g_utf8_offset_to_pointer (t, 100) = '\0';
  return t;
}

/* Creates the member account of a verified Google e-mail.  Its password is
 * random and never shown: the member signs in with Google, or sets one with
 * a password reset. */
static char *
create_member (BzServices *svc, JsonObject *claims, const char *email, GError **error)
{
  g_autofree char *local_part = g_strndup (email, strchr (email, '@') - email);
  g_autofree char *first = claim_name (claims, "given_name", NULL);
  g_autofree char *last = claim_name (claims, "family_name", "Google");
  g_autofree char *code = bz_auth_code_new (32);
  /* Seed 002 §7.4.1's classes for sure (lower, upper, digit, special), then 160 random bits. */
  g_autofree char *password = g_strconcat ("aA7!", code, NULL);
  char *id;

  if (first == NULL)
    first = claim_name (claims, "name", local_part);
  id = bz_auth_create_user (svc, email, password, first, last, BZ_ROLE_PATIENT, NULL, error);
  sodium_memzero (password, strlen (password));
  return id;
}

BzRecord *
bz_auth_google_sign_in (BzServices *svc, JsonObject *input, const char *client_address, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  const char *client_id = g_getenv (BZ_GOOGLE_CLIENT_ID_ENV);
  g_autoptr(BzRecord) parsed = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(BzCaller) caller = NULL;
  g_autoptr(BzRecord) session = NULL;
  g_autofree char *email = NULL, *new_id = NULL;
  g_auto(BzUserAccount) account = { 0 };
  JsonObject *claims;
  BzRole role;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  parsed = bz_resource_parse_closed (&bz_google_sign_in_resource, input, NULL, &v);
  if (parsed && bz_record_has (parsed, BZ_GOOGLE_SIGN_IN_PROVIDER)
      && g_strcmp0 (bz_record_get_string (parsed, BZ_GOOGLE_SIGN_IN_PROVIDER), "google") != 0)
    bz_validation_add (&v, "provider", "invalid_value", _("The provider must be google"));
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (client_id == NULL || *client_id == '\0')
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAVAILABLE,
                   _("Sign-in with Google is not set up in this clinic; sign in with your e-mail and password"));
      return NULL;
    }
  /* Each attempt asks Google: counted as a password reset is, per address. */
  if (!bz_auth_check_reset_rate (client_address, error))
    return NULL;
  if (!(answer = verify_token (svc, bz_record_get_string (parsed, BZ_GOOGLE_SIGN_IN_ID_TOKEN), error)))
    return NULL;
  claims = json_node_get_object (answer);
  if (!bz_auth_google_check_claims (claims, client_id, bz_auth_now_unix (), error))
    return NULL;

  email = g_ascii_strdown (json_object_get_string_member (claims, "email"), -1);
  if (!bz_user_repo_find_login (store, email, &account, error))
    return NULL;
  if (account.id == NULL)
    {
      /* Outside the session's transaction: the password hash is slow. */
      if (!(new_id = create_member (svc, claims, email, error)))
        return NULL;
      caller = bz_caller_new (new_id, BZ_ROLE_PATIENT, email);
    }
  else if (!account.is_active || !bz_role_from_string (account.user_type, &role))
    {
      refuse (error, "account_inactive");
      return NULL;
    }
  else
    caller = bz_caller_new (account.id, role, account.email);

  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_user_repo_touch_last_login (store, caller->user_id, error) ||
      !(session = bz_auth_session_new (svc, caller, error)) ||
      !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  bz_store_notify (store, "users", caller->user_id);
  bz_record_set_boolean (session, BZ_SESSION_IS_NEW_USER, new_id != NULL);
  return g_steal_pointer (&session);
}
