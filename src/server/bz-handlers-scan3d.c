/* bz-handlers-scan3d.c — seed 000 story 4.4: POST /api/integrations/3d-scan
 * (issue 11): body measurements to the 3D-scanning service, the scan and its
 * avatar stored.  Thin: parse -> service -> serialize. */
#include "bz-router.h"

#include "bz-integration-service.h"
#include "bz-scan3d-resources.h"

static BzResponse *
scan_3d (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;

  if (body == NULL || !(data = bz_integrations_scan_3d (svc, req->caller, body, error)))
    return NULL;
  return bz_response_record (201, data);
}

const BzRoute bz_scan3d_routes[] = {
  { "POST", "/api/integrations/3d-scan", scan_3d, 0, 0,
    "Send a scan's body measurements to the 3D-scanning service and store the scan with the avatar it returns "
    "(a remote scanner's GLB is checked before it is stored; when the service is down, refuses or answers an "
    "invalid GLB, the embedded body model makes the avatar); answers the avatar's URL and version, which the "
    "patient's profile shows (GET /api/v1/users/me)",
    .request = &bz_scan_resource, .response = &bz_scan3d_result_resource },
  { NULL }
};
