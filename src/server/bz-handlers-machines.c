/* bz-handlers-machines.c — the gym's machines (issue 10 "Real time", seed
 * 001 "Machine heartbeat endpoints"): POST /api/machines (staff registers a
 * machine: its API key is shown once), GET /api/machines (availability, any
 * signed-in user) and POST /api/machines/{id}/heartbeat (the machine, with
 * its key in X-Machine-Key).  Thin: parse -> service
 * (bz-machine-service.h) -> serialize.  The WebSocket channels are in
 * bz-server-ws.c; docs/realtime.md describes both. */
#include "bz-router.h"

#include "bz-machine-service.h"

static BzResponse *
create (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;

  if (body == NULL || !(data = bz_machines_create (svc, req->caller, body, error)))
    return NULL;
  return bz_response_record (201, data);
}

static BzResponse *
list (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_machines_list (svc, req->caller, error);
  return data ? bz_response_record (200, data) : NULL;
}

static BzResponse *
heartbeat (BzServices *svc, BzRequest *req, GError **error)
{
  const char *key = soup_message_headers_get_one (req->headers, BZ_MACHINE_KEY_HEADER);
  g_autoptr(JsonObject) body = NULL;
  BzRecord *data;

  /* The key before the body: a caller without it learns nothing more. */
  if (!bz_machines_check_key (svc, bz_request_param (req, "id"), key, error) ||
      !(body = bz_request_json_object (req, error)) ||
      !(data = bz_machines_heartbeat (svc, bz_request_param (req, "id"), key, body, error)))
    return NULL;
  return bz_response_record (200, data);
}

const BzRoute bz_machine_routes[] = {
  { "POST", "/api/machines", create, 0, 0,
    "Register a gym machine (staff): its kind, name and zone; the answer carries the machine's API key, shown "
    "this once (the server keeps only its SHA-256)",
    .request = &bz_machine_create_resource, .response = &bz_machine_created_resource },
  { "GET", "/api/machines", list, 0, 0,
    "The gym's machines and their availability now (available, in use, out of service, offline); "
    "/api/ws/machines pushes every change as machine:status",
    .response = &bz_machine_list_resource },
  { "POST", "/api/machines/{id}/heartbeat", heartbeat, BZ_ROUTE_PUBLIC | BZ_ROUTE_MACHINE_KEY, 0,
    "A machine's heartbeat with its status, every heartbeatSeconds (GET /api/machines), with its key in "
    "X-Machine-Key; a machine silent for missedHeartbeats of them turns offline. A change of status is "
    "broadcast to /api/ws/machines",
    .request = &bz_machine_heartbeat_resource, .response = &bz_gym_machine_resource },
  { NULL }
};
