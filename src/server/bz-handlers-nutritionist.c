/* bz-handlers-nutritionist.c — the nutritionist's own profile (issue 12):
 * thin, bz-nutritionist-service.h does the work. */
#include "bz-router.h"

#include "bz-nutritionist-service.h"

static BzResponse *
get_profile (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_nutritionists_get_profile (svc, req->caller, error);
  return data ? bz_response_record (200, data) : NULL;
}

static BzResponse *
patch_profile (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;
  if (body == NULL)
    return NULL;
  data = bz_nutritionists_update_profile (svc, req->caller, body, error);
  return data ? bz_response_record (200, data) : NULL;
}

const BzRoute bz_nutritionist_routes[] = {
  { "GET", "/api/v1/nutritionist/profile", get_profile, 0, 0,
    "The signed-in nutritionist's professional profile (seed 002 section 3.2)",
    .response = &bz_nutritionist_profile_resource },
  { "PATCH", "/api/v1/nutritionist/profile", patch_profile, 0, 0,
    "Change the given members of the signed-in nutritionist's profile; answers the profile",
    .request = &bz_nutritionist_profile_resource, .response = &bz_nutritionist_profile_resource },
  { NULL }
};
