/* bz-handlers-foods.c — /api/v1/foods (USDA SR28). */
#include "bz-router.h"

#include "bz-food-service.h"

static BzResponse *
search (BzServices *svc, BzRequest *req, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  guint page = bz_request_query_uint (req, "page", 1, 1, G_MAXINT32, &v);
  guint limit = bz_request_query_uint (req, "limit", BZ_LIST_LIMIT_DEFAULT, 1, BZ_LIST_LIMIT_MAX, &v);
  BzRecord *data;
  if (!bz_validation_finish (&v, error))
    return NULL;
  data = bz_foods_find (svc, bz_request_query (req, "search"), page, limit, error);
  return data ? bz_response_record (200, data) : NULL;
}

static BzResponse *
get (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_foods_get_food (svc, bz_request_param (req, "ndb_no"), error);
  return data ? bz_response_record (200, data) : NULL;
}

const BzRoute bz_food_routes[] = {
  { "GET", "/api/v1/foods", search, BZ_ROUTE_POOL, 0, "Search USDA SR28 foods (search, page, limit)",
    .response = &bz_food_list_resource, .query = &bz_food_query_resource },
  { "GET", "/api/v1/foods/{ndb_no}", get, 0, 0, "One food: nutrients per 100 g and household portions",
    .response = &bz_food_envelope_resource },
  { NULL }
};
