/* bz-sync-resources.c — the tables of bz-sync-resources.h. */
#include "bz-sync-resources.h"

BZ_RESOURCE_DEFINE (bz_sync_change, SYNC_CHANGE, "SyncChange", "A record created, changed or deleted since a cursor", BZ_SYNC_CHANGE_FIELDS)
BZ_RESOURCE_DEFINE (bz_sync_page, SYNC_PAGE, "SyncPage", "A page of the phones' delta sync", BZ_SYNC_PAGE_FIELDS)
BZ_RESOURCE_DEFINE (bz_sync_query, SYNC_QUERY, "SyncQuery", "Query of GET /api/v1/sync/changes", BZ_SYNC_QUERY_FIELDS)
