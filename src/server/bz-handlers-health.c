/* bz-handlers-health.c — GET /health (liveness) and GET /ready (readiness). */
#include "bz-router.h"

#include <glib/gi18n.h>

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
  sqlite3 *db = bz_store_db (bz_services_get_store (svc));
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "SELECT count(*) FROM foods", error);
  JsonObject *o;
  gint64 foods;

  if (!st)
    return NULL;
  if (sqlite3_step (st) != SQLITE_ROW)
    {
      bz_db_set_error (db, sqlite3_errcode (db), error);
      (*error)->code = BZ_ERROR_UNAVAILABLE;
      return NULL;
    }
  foods = sqlite3_column_int64 (st, 0);
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
