/* bz-handlers-scans.c — body scans and avatars (seed 000 story 4.4). */
#include "bz-router.h"

#include "bz-scan-service.h"

static BzResponse *
upload (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;
  if (!body || !(data = bz_scans_add (svc, req->caller, body, error)))
    return NULL;
  return bz_response_record (201, data);
}

static BzResponse *
list (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_scans_get_list (svc, req->caller, bz_request_query (req, "patient_id"), error);
  return data ? bz_response_record (200, data) : NULL;
}

static BzResponse *
avatar_glb (BzServices *svc, BzRequest *req, GError **error)
{
  g_autofree char *etag = NULL;
  GBytes *glb = bz_avatars_get_glb (svc, req->caller, bz_request_param (req, "avatar_id"), &etag, error);
  return glb ? bz_response_blob (glb, "model/gltf-binary", etag) : NULL;
}

const BzRoute bz_scan_routes[] = {
  { "POST", "/api/scans/upload", upload, 0, 0, "Store an InBody-style scan and generate its avatar",
    .request = &bz_scan_resource, .response = &bz_scan_upload_resource },
  { "GET", "/api/v1/scans", list, 0, 0, "A patient's scans, newest first, with avatar URLs",
    .response = &bz_scan_list_resource, .query = &bz_scan_query_resource },
  { "GET", "/api/v1/avatars/{avatar_id}.glb", avatar_glb, BZ_ROUTE_POOL, 0, "Avatar as binary glTF 2.0 (ETag, Range, immutable)",
    .raw_type = "model/gltf-binary" },
  { NULL }
};
