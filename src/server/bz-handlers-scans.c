/* bz-handlers-scans.c — body scans and avatars (seed 000 story 4.4). */
#include "bz-router.h"

#include <glib/gi18n.h>

#include "bz-scan-service.h"
#include "bz-vocab.h"

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
update (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;
  if (!body || !(data = bz_scans_update (svc, req->caller, bz_request_param (req, "scan_id"), body, error)))
    return NULL;
  return bz_response_record (200, data);
}

/* ?lod=0|1|2 and ?compression=meshopt|none (bz_avatar_query_resource). */
static BzResponse *
avatar_glb (BzServices *svc, BzRequest *req, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_autofree char *etag = NULL;
  const char *given = bz_request_query (req, "compression");
  const char *compression = given ? bz_vocab_canonical (&bz_vocab_avatar_compression, given) : "meshopt";
  guint lod = bz_request_query_uint (req, "lod", 0, 0, BZ_GLTF_LOD_COUNT - 1, &v);
  GBytes *glb;

  if (compression == NULL)
    bz_validation_add (&v, "compression", "invalid_choice", _("compression must be meshopt or none"));
  if (!bz_validation_finish (&v, error))
    return NULL;
  glb = bz_avatars_get_glb_variant (svc, req->caller, bz_request_param (req, "avatar_id"), lod,
                                    g_str_equal (compression, "none") ? BZ_GLTF_COMPRESSION_NONE
                                                                      : BZ_GLTF_COMPRESSION_MESHOPT,
                                    &etag, error);
  return glb ? bz_response_blob (glb, "model/gltf-binary", etag) : NULL;
}

const BzRoute bz_scan_routes[] = {
  { "POST", "/api/scans/upload", upload, 0, 0, "Store an InBody-style scan and generate its avatar",
    .request = &bz_scan_resource, .response = &bz_scan_upload_resource },
  { "GET", "/api/v1/scans", list, 0, 0, "A patient's scans, newest first, with avatar URLs",
    .response = &bz_scan_list_resource, .query = &bz_scan_query_resource },
  { "PATCH", "/api/v1/scans/{scan_id}", update, 0, 0,
    "Rectify a scan's measurements (its member, or a nutritionist of its patient; LFPDPPP): the members given "
    "change, null clears an optional one, nested objects merge (RFC 7396); the derived values and the avatar "
    "are made again (a new avatar id); audited",
    .request = &bz_scan_update_resource, .response = &bz_scan_resource },
  { "GET", "/api/v1/avatars/{avatar_id}.glb", avatar_glb, BZ_ROUTE_POOL, 0,
    "Avatar as binary glTF 2.0 at a level of detail, meshopt-compressed unless ?compression=none (ETag per variant, Range, immutable)",
    .raw_type = "model/gltf-binary", .query = &bz_avatar_query_resource },
  { NULL }
};
