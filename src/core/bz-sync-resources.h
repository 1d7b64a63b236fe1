/* bz-sync-resources.h — the phones' delta sync (issue 9, GET
 * /api/v1/sync/changes) declared once (bz-resource.h): the JSON, the
 * OpenAPI schema and the query parameters come from here.  The rules:
 * src/services/bz-sync-service.h. */
#pragma once

#include "bz-limits.h"
#include "bz-recipe-resources.h"
#include "bz-resources.h"

G_BEGIN_DECLS

/* One change: the record as the API shows it under the member named by its
 * type (typed in the OpenAPI document, rather than one untyped "data"), or
 * a tombstone (deleted true, no record). */
#define BZ_SYNC_CHANGE_FIELDS(F) \
  F (SYNC_CHANGE_VERSION, .name = "version", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "The change log's version of the row's latest change in this page") \
  F (SYNC_CHANGE_TYPE, .name = "type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_sync_type) \
  F (SYNC_CHANGE_ID, .name = "id", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The record's id") \
  F (SYNC_CHANGE_OP, .name = "op", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_sync_op, .description = "upsert: replace the phone's copy with the record; delete: remove it") \
  F (SYNC_CHANGE_DELETED, .name = "deleted", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .description = "A tombstone") \
  F (SYNC_CHANGE_MEAL, .name = "meal", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_OPTIONAL, .ref = &bz_meal_resource, .description = "type meal, op upsert") \
  F (SYNC_CHANGE_SCAN, .name = "scan", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_OPTIONAL, .ref = &bz_scan_resource, .description = "type scan, op upsert; with its avatar") \
  F (SYNC_CHANGE_AVATAR, .name = "avatar", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_OPTIONAL, .ref = &bz_avatar_resource, .description = "type avatar, op upsert") \
  F (SYNC_CHANGE_MEAL_PLAN, .name = "meal_plan", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_OPTIONAL, .ref = &bz_meal_plan_summary_resource, .description = "type meal_plan, op upsert (GET /api/v1/meal-plans/{id} has its days)") \
  F (SYNC_CHANGE_PATIENT, .name = "patient", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_OPTIONAL, .ref = &bz_patient_info_resource, .description = "type patient, op upsert") \
  F (SYNC_CHANGE_RECIPE, .name = "recipe", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_OPTIONAL, .ref = &bz_recipe_resource, .description = "type recipe, op upsert")
BZ_RESOURCE_DECLARE (bz_sync_change, SYNC_CHANGE, BZ_SYNC_CHANGE_FIELDS)

#define BZ_SYNC_PAGE_FIELDS(F) \
  F (SYNC_PAGE_CHANGES, .name = "changes", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .max = BZ_SYNC_LIMIT_MAX, .ref = &bz_sync_change_resource, .description = "Oldest first, one per record (its latest change in the page)") \
  F (SYNC_PAGE_NEXT_CURSOR, .name = "next_cursor", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The since of the next request (opaque)") \
  F (SYNC_PAGE_HAS_MORE, .name = "has_more", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .description = "More changes follow now: ask again with next_cursor")
BZ_RESOURCE_DECLARE (bz_sync_page, SYNC_PAGE, BZ_SYNC_PAGE_FIELDS)

#define BZ_SYNC_QUERY_FIELDS(F) \
  F (SYNC_QUERY_SINCE, .name = "since", .type = BZ_FIELD_STRING, .description = "A next_cursor of an earlier answer; absent: a full sync, every record the caller may see. A cursor older than the log's retention answers 410 SYNC_CURSOR_EXPIRED: sync again without it") \
  F (SYNC_QUERY_LIMIT, .name = "limit", .type = BZ_FIELD_INTEGER, .min = 1, .max = BZ_SYNC_LIMIT_MAX, .description = "Changes per page (default 100)")
BZ_RESOURCE_DECLARE (bz_sync_query, SYNC_QUERY, BZ_SYNC_QUERY_FIELDS)

G_END_DECLS
