/* bz-handlers-health.c — GET /health (liveness) and GET /ready (readiness). */
#include "bz-router.h"

#include <glib/gi18n.h>

#include "bz-food-service.h"
#include "bz-store.h"
#include "config.h"

static BzResponse *
health (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *r = bz_record_new (&bz_health_resource);
  bz_record_set_string (r, BZ_HEALTH_STATUS, "ok");
  bz_record_set_string (r, BZ_HEALTH_VERSION, PACKAGE_VERSION);
  return bz_response_record (200, r);
}

static BzResponse *
ready (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(GError) local = NULL;
  BzRecord *r;
  gint64 foods = 0;

  if (!bz_foods_count (svc, &foods, &local))
    {
      /* The database cannot be read: not ready (503). */
      local->code = BZ_ERROR_UNAVAILABLE;
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (foods == 0)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAVAILABLE, _("The food database is not imported yet"));
      return NULL;
    }
  r = bz_record_new (&bz_readiness_resource);
  bz_record_set_string (r, BZ_READINESS_STATUS, "ready");
  bz_record_set_int (r, BZ_READINESS_SCHEMA_VERSION, bz_store_schema_version (bz_services_get_store (svc)));
  bz_record_set_int (r, BZ_READINESS_FOODS, foods);
  return bz_response_record (200, r);
}

const BzRoute bz_health_routes[] = {
  { "GET", "/health", health, BZ_ROUTE_PUBLIC, 0, "Liveness", .response = &bz_health_resource },
  { "GET", "/ready", ready, BZ_ROUTE_PUBLIC, 0, "Readiness: database open and foods imported",
    .response = &bz_readiness_resource },
  { "GET", "/api/v1/health", health, BZ_ROUTE_PUBLIC, 0, "Liveness", .response = &bz_health_resource },
  { NULL }
};
