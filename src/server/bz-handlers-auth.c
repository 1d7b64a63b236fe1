/* bz-handlers-auth.c — /api/v1/auth/{register,login,refresh,logout} (seed 002 §4.2,
 * seed 001 Authentication Service; also served under /api/auth/) and
 * /api/v1/auth/oauth/google and /api/v1/users/me (issue 9). */
#include "bz-router.h"

#include <glib/gi18n.h>

#include "bz-auth-service.h"
#include "bz-oauth-resources.h"
#include "bz-user-profile-service.h"

static BzResponse *
do_register (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;
  if (!body || !(data = bz_auth_register (svc, body, req->client_address, error)))
    return NULL;
  return bz_response_record (201, data);
}

static const char *
required_string (JsonObject *body, const char *field, BzValidation *v)
{
  JsonNode *n = json_object_get_member (body, field);
  const char *s = bz_json_get_string (body, field);
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    bz_validation_add (v, field, "required", _("This field is required"));
  else if (s == NULL)
    bz_validation_add (v, field, "invalid_type", _("This field must be a string"));
  else if (*s == '\0')
    bz_validation_add (v, field, "required", _("This field is required"));
  return s;
}

static BzResponse *
login (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzValidation v = BZ_VALIDATION_INIT;
  const char *email, *password;
  BzRecord *data;

  if (!body)
    return NULL;
  email = required_string (body, "email", &v);
  password = required_string (body, "password", &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (!(data = bz_auth_login (svc, email, password, req->client_address, error)))
    return NULL;
  return bz_response_record (200, data);
}

static BzResponse *
refresh (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzValidation v = BZ_VALIDATION_INIT;
  const char *token;
  BzRecord *data;

  if (!body)
    return NULL;
  token = required_string (body, "refresh_token", &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (!(data = bz_auth_refresh (svc, token, error)))
    return NULL;
  return bz_response_record (200, data);
}

static BzResponse *
logout (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzValidation v = BZ_VALIDATION_INIT;
  const char *token;
  BzResponse *resp;

  if (!body)
    return NULL;
  token = required_string (body, "refresh_token", &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (!bz_auth_logout (svc, token, error))
    return NULL;
  resp = bz_response_json (200, json_node_new (JSON_NODE_NULL));
  resp->message = g_strdup (_("Signed out"));
  return resp;
}

static BzResponse *
change_password (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzValidation v = BZ_VALIDATION_INIT;
  const char *current, *new_password;
  BzResponse *resp;

  if (!body)
    return NULL;
  current = required_string (body, "current_password", &v);
  new_password = required_string (body, "new_password", &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (!bz_auth_change_password (svc, req->caller, current, new_password, error))
    return NULL;
  resp = bz_response_json (200, json_node_new (JSON_NODE_NULL));
  resp->message = g_strdup (_("Password changed"));
  return resp;
}

static BzResponse *
google (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;

  if (!body || !(data = bz_auth_google_sign_in (svc, body, req->client_address, error)))
    return NULL;
  return bz_response_record (200, data);
}

static BzResponse *
get_me (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_users_get_me (svc, req->caller, error);
  return data ? bz_response_record (200, data) : NULL;
}

static BzResponse *
patch_me (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;

  if (!body || !(data = bz_users_patch_me (svc, req->caller, body, error)))
    return NULL;
  return bz_response_record (200, data);
}

/* An ID token and a provider name. */
#define GOOGLE_BODY_MAX (BZ_GOOGLE_ID_TOKEN_MAX + 1024)

const BzRoute bz_auth_routes[] = {
  { "POST", "/api/auth/register", do_register, BZ_ROUTE_PUBLIC, 0, "Register a patient or nutritionist (seed 002 4.2)",
    .request = &bz_register_input_resource, .response = &bz_session_resource },
  { "POST", "/api/auth/login", login, BZ_ROUTE_PUBLIC, 0, "Sign in; 5 attempts per minute per address",
    .request = &bz_login_input_resource, .response = &bz_session_resource },
  { "POST", "/api/auth/refresh", refresh, BZ_ROUTE_PUBLIC, 0, "Rotate a refresh token",
    .request = &bz_refresh_input_resource, .response = &bz_token_pair_resource },
  { "POST", "/api/auth/logout", logout, BZ_ROUTE_PUBLIC, 0, "Revoke a refresh token family",
    .request = &bz_refresh_input_resource },
  { "POST", "/api/auth/password/change", change_password, BZ_ROUTE_PASSWORD_PENDING, 0,
    "Change the caller's password; required first after a generated one",
    .request = &bz_password_change_input_resource },
  { "POST", "/api/v1/auth/oauth/google", google, BZ_ROUTE_PUBLIC, GOOGLE_BODY_MAX,
    "Sign in with a Google ID token: the user with its verified e-mail, or a new member (is_new_user); "
    "401 with an id_token detail for a refused token, 503 when the clinic has no Google client id or Google "
    "cannot be reached", .request = &bz_google_sign_in_resource, .response = &bz_session_resource },
  { "GET", "/api/v1/users/me", get_me, 0, 0, "The signed-in user's own personal data",
    .response = &bz_user_profile_resource },
  { "PATCH", "/api/v1/users/me", patch_me, 0, 0,
    "Rectify the signed-in user's personal data (LFPDPPP): the members given change, null clears one; audited",
    .request = &bz_user_profile_update_resource, .response = &bz_user_profile_resource },
  { NULL }
};
