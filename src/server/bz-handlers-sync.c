/* bz-handlers-sync.c — the phones' delta sync (issue 9, GET
 * /api/v1/sync/changes): thin, bz-sync-service.h does the work. */
#include "bz-router.h"

#include "bz-sync-service.h"

static BzResponse *
changes (BzServices *svc, BzRequest *req, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  guint limit = bz_request_query_uint (req, "limit", BZ_SYNC_LIMIT_DEFAULT, 1, BZ_SYNC_LIMIT_MAX, &v);
  BzRecord *data;

  if (!bz_validation_finish (&v, error))
    return NULL;
  data = bz_sync_changes (svc, req->caller, bz_request_query (req, "since"), limit, error);
  return data ? bz_response_record (200, data) : NULL;
}

const BzRoute bz_sync_routes[] = {
  /* Off the server thread: a page of 500 meals is about half a megabyte of JSON. */
  { "GET", "/api/v1/sync/changes", changes, BZ_ROUTE_POOL, 0,
    "The caller's records created, changed or deleted since a cursor (a phone's delta sync; without since, a full "
    "sync), oldest first, with the next cursor; 410 SYNC_CURSOR_EXPIRED when the cursor is older than the change "
    "log's retention",
    .response = &bz_sync_page_resource, .query = &bz_sync_query_resource },
  { NULL }
};
