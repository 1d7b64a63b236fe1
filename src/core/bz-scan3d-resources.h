/* bz-scan3d-resources.h — POST /api/integrations/3d-scan (seed 000 story
 * 4.4, issue 11): its answer, declared once (bz-resource.h).  The request
 * is the scan upload's (bz_scan_resource: POST /api/scans/upload). */
#pragma once

#include "bz-resources.h"

G_BEGIN_DECLS

#define BZ_SCAN3D_RESULT_FIELDS(F) \
  F (SCAN3D_RESULT_AVATAR_URL, .name = "avatar_url", .type = BZ_FIELD_URI, .flags = BZ_FIELD_READ_ONLY, .description = "The stored avatar, binary glTF 2.0 (GET /api/v1/avatars/{avatar_id}.glb)") \
  F (SCAN3D_RESULT_AVATAR_VERSION, .name = "avatar_version", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "1 for the patient's first scan, then one more per scan (progress comparison)") \
  F (SCAN3D_RESULT_PROVIDER, .name = "provider", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The 3D-scanning service that made the avatar: http (the clinic's remote scanner service) or local (the embedded body model)") \
  F (SCAN3D_RESULT_SOURCE, .name = "source", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "remote or local: where in the fallback chain the avatar came from") \
  F (SCAN3D_RESULT_FALLBACK, .name = "fallback", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .description = "true when a remote service is configured but its answer was not used (down, refused, or a GLB that failed validation): the embedded body model made the avatar") \
  F (SCAN3D_RESULT_AVATAR, .name = "avatar", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_avatar_resource) \
  F (SCAN3D_RESULT_SCAN, .name = "scan", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_scan_resource, .description = "The stored scan, with the same avatar")
BZ_RESOURCE_DECLARE (bz_scan3d_result, SCAN3D_RESULT, BZ_SCAN3D_RESULT_FIELDS)

G_END_DECLS
