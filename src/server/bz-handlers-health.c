/* bz-handlers-health.c — GET /health (liveness) and GET /ready (readiness). */
#include "bz-router.h"

#include <glib/gi18n.h>

#include "bz-food-service.h"
#include "bz-store.h"
#include "config.h"

static BzResponse *
health (BzServices *svc, BzRequest *req, GError **error)
{
  JsonObject *o = json_object_new ();
  json_object_set_string_member (o, "status", "ok");
  json_object_set_string_member (o, "version", PACKAGE_VERSION);
  return bz_response_json (200, bz_json_node_new_object (o));
}

static BzResponse *
ready (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(GError) local = NULL;
  JsonObject *o;
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
  o = json_object_new ();
  json_object_set_string_member (o, "status", "ready");
  json_object_set_int_member (o, "schema_version", bz_store_schema_version (bz_services_get_store (svc)));
  json_object_set_int_member (o, "foods", foods);
  return bz_response_json (200, bz_json_node_new_object (o));
}

const BzRoute bz_health_routes[] = {
  { "GET", "/health", health, BZ_ROUTE_PUBLIC, 0, "Liveness", .response = &bz_health_resource },
  { "GET", "/ready", ready, BZ_ROUTE_PUBLIC, 0, "Readiness: database open and foods imported",
    .response = &bz_readiness_resource },
  { "GET", "/api/v1/health", health, BZ_ROUTE_PUBLIC, 0, "Liveness", .response = &bz_health_resource },
  { NULL }
};
