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

/**
 * BZ_PRIVACY_NOTICE_VERSION:
 *
 * The version of the clinic's privacy notice (Aviso de Privacidad,
 * LFPDPPP art. 15-16) that Balanza ships, in data/privacy/ (Spanish, the
 * binding text, and English); the texts carry "@VERSION@", replaced by this
 * when served, so this is its one home.  A consent records the version
 * accepted (seed 002 §7.3.1 privacy_notice_version, String(10)); change it
 * whenever the notice's text changes, so that older acceptances show as such.
 */
#define BZ_PRIVACY_NOTICE_VERSION "2026-12"

/** BZ_CONSENT_NOTICE_VERSION_MAX: seed 002 §7.3.1 privacy_notice_version = Column(String(10)). */
#define BZ_CONSENT_NOTICE_VERSION_MAX 10

/* The consent record of seed 002 §7.3.1 (UserConsent; data/sql/034_user_consents.sql):
 * the current one of a user.  ip_address: String(45), an IPv6 text at most. */
#define BZ_USER_CONSENT_FIELDS(F) \
  F (USER_CONSENT_USER_ID, .name = "user_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "user_id") \
  F (USER_CONSENT_DATA_PROCESSING, .name = "data_processing", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .column = "data_processing", .description = "Express consent to the processing of personal and health data for the clinic's care (LFPDPPP arts. 8-9)") \
  F (USER_CONSENT_MARKETING_COMMUNICATIONS, .name = "marketing_communications", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .column = "marketing_communications", .description = "News and offers from the clinic") \
  F (USER_CONSENT_DATA_SHARING_PARTNERS, .name = "data_sharing_partners", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .column = "data_sharing_partners", .description = "Sharing with the clinic's partners (laboratories, other health professionals)") \
  F (USER_CONSENT_PRIVACY_NOTICE_VERSION, .name = "privacy_notice_version", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "privacy_notice_version", .description = "The notice version accepted; null for none, or for an acceptance recorded before versions (Balanza before 034)") \
  F (USER_CONSENT_PRIVACY_NOTICE_ACCEPTED_AT, .name = "privacy_notice_accepted_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "privacy_notice_accepted_at") \
  F (USER_CONSENT_IP_ADDRESS, .name = "ip_address", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "ip_address", .max = 45, .description = "The address the consent came from (null: given at the clinic's desk)") \
  F (USER_CONSENT_CREATED_AT, .name = "created_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "created_at", .description = "Null while no consent was ever recorded") \
  F (USER_CONSENT_UPDATED_AT, .name = "updated_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "updated_at") \
  F (USER_CONSENT_CURRENT_NOTICE_VERSION, .name = "current_privacy_notice_version", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The notice version the clinic shows now (GET /api/v1/privacy/notice)")
BZ_RESOURCE_DECLARE (bz_user_consent, USER_CONSENT, BZ_USER_CONSENT_FIELDS)

/* The body of PUT /api/v1/privacy/consents: the three consents as they
 * should be (a PUT: all three required), and the notice version when the
 * user accepts the notice now (it must be BZ_PRIVACY_NOTICE_VERSION). */
#define BZ_USER_CONSENT_UPDATE_FIELDS(F) \
  F (USER_CONSENT_UPDATE_DATA_PROCESSING, .name = "data_processing", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_REQUIRED, .description = "true needs the notice accepted (now or before)") \
  F (USER_CONSENT_UPDATE_MARKETING_COMMUNICATIONS, .name = "marketing_communications", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_REQUIRED) \
  F (USER_CONSENT_UPDATE_DATA_SHARING_PARTNERS, .name = "data_sharing_partners", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_REQUIRED) \
  F (USER_CONSENT_UPDATE_PRIVACY_NOTICE_VERSION, .name = "privacy_notice_version", .type = BZ_FIELD_STRING, .min = 1, .max = BZ_CONSENT_NOTICE_VERSION_MAX, .description = "Accepts the notice now: must be the current version")
BZ_RESOURCE_DECLARE (bz_user_consent_update, USER_CONSENT_UPDATE, BZ_USER_CONSENT_UPDATE_FIELDS)

#define BZ_PRIVACY_NOTICE_FIELDS(F) \
  F (NOTICE_VERSION, .name = "version", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (NOTICE_LANG, .name = "lang", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_notice_lang) \
  F (NOTICE_TEXT, .name = "text", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The notice, Markdown")
BZ_RESOURCE_DECLARE (bz_privacy_notice, NOTICE, BZ_PRIVACY_NOTICE_FIELDS)

#define BZ_PRIVACY_NOTICE_QUERY_FIELDS(F) \
  F (PRIVACY_NOTICE_QUERY_LANG, .name = "lang", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_notice_lang, .description = "es (default; the binding text) or en")
BZ_RESOURCE_DECLARE (bz_privacy_notice_query, PRIVACY_NOTICE_QUERY, BZ_PRIVACY_NOTICE_QUERY_FIELDS)

G_END_DECLS
