/* bz-handlers-password-reset.c — /api/v1/auth/password/{forgot,reset} (seed
 * 002 §4.2) and /api/v1/nutritionist/patients/{patient_id}/password-reset
 * (issue 9: with no SMTP provider, the nutritionist hands the code over).
 * Thin: bz-password-reset-service.h does the work. */
#include "bz-router.h"

#include <glib/gi18n.h>

#include "bz-password-reset-service.h"

static BzResponse *
message_response (const char *message)
{
  BzResponse *resp = bz_response_json (200, json_node_new (JSON_NODE_NULL));
  resp->message = g_strdup (message);
  return resp;
}

static BzResponse *
forgot (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);

  if (!body || !bz_password_forgot (svc, body, req->client_address, error))
    return NULL;
  /* Seed 002 §4.2's message, whether or not the email exists. */
  return message_response (_("If the email exists, you will receive instructions to reset your password"));
}

static BzResponse *
reset (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);

  if (!body || !bz_password_reset (svc, body, req->client_address, error))
    return NULL;
  return message_response (_("Password reset successfully"));
}

static BzResponse *
create_code (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_password_reset_code_create (svc, req->caller, bz_request_param (req, "patient_id"), error);
  BzResponse *resp;

  if (data == NULL)
    return NULL;
  resp = bz_response_record (201, data);
  resp->message = g_strdup (_("Give this code to the patient; it is shown only once."));
  return resp;
}

/* Small bodies: an email, a code and a password. */
#define RESET_BODY_MAX 4096

const BzRoute bz_password_reset_routes[] = {
  { "POST", "/api/v1/auth/password/forgot", forgot, BZ_ROUTE_PUBLIC, RESET_BODY_MAX,
    "Ask for a password reset: the same 200 whether or not the email exists; with a mail provider the code "
    "is e-mailed to the account, otherwise the member's nutritionist is told and hands over a code (" G_STRINGIFY (BZ_LOGIN_ATTEMPTS_PER_MINUTE) " requests per minute per address)", .request = &bz_password_forgot_resource },
  { "POST", "/api/v1/auth/password/reset", reset, BZ_ROUTE_PUBLIC, RESET_BODY_MAX,
    "Set a new password with a one-time reset code; ends every session of the account. 400 with a \"code\" "
    "detail for an unknown, used, void or expired code; " G_STRINGIFY (BZ_PASSWORD_RESET_ATTEMPTS_MAX) " wrong codes void it", .request = &bz_password_reset_resource },
  { "POST", "/api/v1/nutritionist/patients/{patient_id}/password-reset", create_code, BZ_ROUTE_AUTH, RESET_BODY_MAX,
    "A one-time password-reset code for a patient's member account (valid for expires_in seconds), shown once; "
    "voids the previous one", .response = &bz_password_reset_code_resource },
  { NULL }
};
