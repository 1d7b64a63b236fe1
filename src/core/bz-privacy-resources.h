/* bz-privacy-resources.h — the privacy rights of seed 002 §7.3 (Mexico's
 * LFPDPPP "ARCO" rights: access and cancellation; issue 9) declared once
 * (bz-resource.h): the body of DELETE /api/v1/privacy/delete-account (and of
 * DELETE /api/v1/nutritionist/patients/{patient_id}/account) and its answer.
 * The export (POST /api/v1/privacy/export-data) answers a ZIP, not an
 * envelope: its entries are listed in src/services/bz-privacy-service.h.
 * The rules: src/services/bz-privacy-service.h. */
#pragma once

#include "bz-resources.h"

G_BEGIN_DECLS

/**
 * BZ_PRIVACY_DELETE_CONFIRMATION:
 *
 * The exact text the account's owner (or their nutritionist) sends to
 * confirm the deletion: seed 002 §7.3.2, delete_user_account()
 * (`if confirmation != "DELETE_MY_ACCOUNT": raise HTTPException(400, …)`).
 */
#define BZ_PRIVACY_DELETE_CONFIRMATION "DELETE_MY_ACCOUNT"

/* The body: {"confirmation": "DELETE_MY_ACCOUNT"} (seed 002 §7.3.2,
 * confirmation: str = Body(...)).  64 characters bound a longer mistake. */
#define BZ_ACCOUNT_DELETE_REQUEST_FIELDS(F) \
  F (ACCOUNT_DELETE_REQUEST_CONFIRMATION, .name = "confirmation", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = 64, .description = "Exactly DELETE_MY_ACCOUNT (seed 002 §7.3.2)")
BZ_RESOURCE_DECLARE (bz_account_delete_request, ACCOUNT_DELETE_REQUEST, BZ_ACCOUNT_DELETE_REQUEST_FIELDS)

#define BZ_ACCOUNT_DELETION_FIELDS(F) \
  F (ACCOUNT_DELETION_USER_ID, .name = "user_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .description = "The account anonymised") \
  F (ACCOUNT_DELETION_DELETED_AT, .name = "deleted_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY) \
  F (ACCOUNT_DELETION_ERASED_BLOBS, .name = "erased_files", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Photos and avatars erased from the blob store (those no one else references)") \
  F (ACCOUNT_DELETION_REVOKED_SESSIONS, .name = "revoked_sessions", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Sign-ins ended (refresh-token families)") \
  F (ACCOUNT_DELETION_REVOKED_DEVICES, .name = "revoked_devices", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Paired phones revoked")
BZ_RESOURCE_DECLARE (bz_account_deletion, ACCOUNT_DELETION, BZ_ACCOUNT_DELETION_FIELDS)

G_END_DECLS
