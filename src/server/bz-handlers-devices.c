/* bz-handlers-devices.c — phones on the clinic network (issue 9): pairing
 * codes, the pairing exchange, paired devices, and the server's HTTPS
 * endpoint and certificate fingerprint.  Thin: bz-device-service.h does the work. */
#include "bz-router.h"

#include <glib/gi18n.h>

#include "bz-device-service.h"

static BzResponse *
create_code (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(BzRecord) parsed = NULL;
  BzValidation v = BZ_VALIDATION_INIT;
  BzRecord *data;

  /* The body is optional: none (or {}) pairs a phone of the caller. */
  if (req->body && g_bytes_get_size (req->body) > 0)
    {
      if (!(body = bz_request_json_object (req, error)))
        return NULL;
      parsed = bz_resource_parse_closed (&bz_pairing_code_create_resource, body, NULL, &v);
      if (!bz_validation_finish (&v, error))
        return NULL;
    }
  data = bz_devices_create_pairing_code (svc, req->caller,
                                         parsed ? bz_record_get_string (parsed, BZ_PAIRING_CODE_CREATE_PATIENT_ID) : NULL,
                                         error);
  return data ? bz_response_record (201, data) : NULL;
}

static BzResponse *
pair (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;
  BzResponse *resp;

  if (!body || !(data = bz_devices_pair (svc, body, error)))
    return NULL;
  resp = bz_response_record (201, data);
  resp->message = g_strdup (_("Device paired."));
  return resp;
}

static BzResponse *
list (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_devices_list (svc, req->caller, bz_request_query (req, "patient_id"), error);
  return data ? bz_response_record (200, data) : NULL;
}

static BzResponse *
revoke_device (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_devices_revoke (svc, req->caller, bz_request_param (req, "id"), error);
  BzResponse *resp;

  if (data == NULL)
    return NULL;
  resp = bz_response_record (200, data);
  resp->message = g_strdup (_("Device revoked."));
  return resp;
}

static BzResponse *
tls (BzServices *svc, BzRequest *req, GError **error)
{
  return bz_response_record (200, bz_devices_get_tls_info (svc));
}

/* Small bodies: a code, a device name and a platform. */
#define DEVICE_BODY_MAX 4096

const BzRoute bz_device_routes[] = {
  { "POST", "/api/v1/devices/pairing-codes", create_code, BZ_ROUTE_AUTH, DEVICE_BODY_MAX,
    "A one-time code (valid 5 minutes) and the QR payload that pairs a phone: the caller's own, or with patient_id "
    "a phone of a nutritionist's patient", .request = &bz_pairing_code_create_resource,
    .response = &bz_pairing_code_resource },
  { "POST", "/api/v1/devices/pair", pair, BZ_ROUTE_PUBLIC, DEVICE_BODY_MAX,
    "Exchange a pairing code (once, before it expires) for a device-bound session: 401 for an unknown, used or "
    "expired code", .request = &bz_pair_request_resource, .response = &bz_pair_result_resource },
  { "GET", "/api/v1/devices", list, BZ_ROUTE_AUTH, 0,
    "The caller's paired devices (a nutritionist: with patient_id, a patient's), newest first",
    .response = &bz_device_list_resource, .query = &bz_device_query_resource },
  { "DELETE", "/api/v1/devices/{id}", revoke_device, BZ_ROUTE_AUTH, 0,
    "Revoke a paired device (the owner's, or a nutritionist's patient's): its refresh and access tokens stop working",
    .response = &bz_device_resource },
  { "GET", "/api/v1/tls", tls, BZ_ROUTE_PUBLIC, 0,
    "The HTTPS URL and the SHA-256 fingerprint of the server's certificate (compare with the QR code's; "
    "never trust it alone over plain HTTP)", .response = &bz_tls_info_resource },
  { NULL }
};
