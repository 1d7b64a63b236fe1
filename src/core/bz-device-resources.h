/* bz-device-resources.h — paired phones and their pairing (issue 9, "QR
 * pairing"; docs/pairing.md) declared once (bz-resource.h): the JSON, the
 * OpenAPI schemas and the query parameters come from here.  The rules:
 * src/services/bz-device-service.h. */
#pragma once

#include "bz-limits.h"
#include "bz-resources.h"

G_BEGIN_DECLS

#define BZ_DEVICE_FIELDS(F) \
  F (DEVICE_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (DEVICE_NAME, .name = "name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "As the phone named itself when it paired") \
  F (DEVICE_PLATFORM, .name = "platform", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_paired_platform) \
  F (DEVICE_CREATED_AT, .name = "created_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .description = "When it paired") \
  F (DEVICE_LAST_SEEN_AT, .name = "last_seen_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .description = "Its last token refresh (or its pairing)") \
  F (DEVICE_REVOKED, .name = "revoked", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .description = "Revoked: its tokens no longer work")
BZ_RESOURCE_DECLARE (bz_device, DEVICE, BZ_DEVICE_FIELDS)

#define BZ_DEVICE_LIST_FIELDS(F) \
  F (DEVICE_LIST_DEVICES, .name = "devices", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .max = BZ_DEVICES_PER_USER_MAX * 50, .ref = &bz_device_resource, .description = "Newest first, revoked ones included")
BZ_RESOURCE_DECLARE (bz_device_list, DEVICE_LIST, BZ_DEVICE_LIST_FIELDS)

#define BZ_DEVICE_QUERY_FIELDS(F) \
  F (DEVICE_QUERY_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .description = "A nutritionist: the devices of this patient of theirs (without it: the caller's own)")
BZ_RESOURCE_DECLARE (bz_device_query, DEVICE_QUERY, BZ_DEVICE_QUERY_FIELDS)

#define BZ_PAIRING_CODE_CREATE_FIELDS(F) \
  F (PAIRING_CODE_CREATE_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_NULLABLE, .description = "A nutritionist: pair a phone of this patient of theirs; absent: a phone of the caller")
BZ_RESOURCE_DECLARE (bz_pairing_code_create, PAIRING_CODE_CREATE, BZ_PAIRING_CODE_CREATE_FIELDS)

#define BZ_PAIRING_CODE_FIELDS(F) \
  F (PAIRING_CODE_CODE, .name = "code", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .min = BZ_PAIRING_CODE_CHARS, .max = BZ_PAIRING_CODE_CHARS, .description = "One-time code, Crockford base32; shown once") \
  F (PAIRING_CODE_EXPIRES_AT, .name = "expires_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY) \
  F (PAIRING_CODE_EXPIRES_IN, .name = "expires_in", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .unit = "s") \
  F (PAIRING_CODE_HTTPS_URL, .name = "https_url", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The server's HTTPS URL on the clinic network; null when HTTPS is off") \
  F (PAIRING_CODE_FINGERPRINT, .name = "fingerprint_sha256", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "SHA-256 of the HTTPS certificate (DER), 64 lowercase hex digits; null when HTTPS is off") \
  F (PAIRING_CODE_QR_PAYLOAD, .name = "qr_payload", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "What the desk's QR code holds: balanza://pair?url=…&sha256=…&code=… (docs/pairing.md)")
BZ_RESOURCE_DECLARE (bz_pairing_code, PAIRING_CODE, BZ_PAIRING_CODE_FIELDS)

#define BZ_PAIR_REQUEST_FIELDS(F) \
  F (PAIR_REQUEST_CODE, .name = "code", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = 32, .description = "The code of the QR code (case, spaces and dashes ignored)") \
  F (PAIR_REQUEST_DEVICE_NAME, .name = "device_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_DEVICE_NAME_MAX_CHARS) \
  F (PAIR_REQUEST_PLATFORM, .name = "platform", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_REQUIRED, .vocab = &bz_vocab_paired_platform)
BZ_RESOURCE_DECLARE (bz_pair_request, PAIR_REQUEST, BZ_PAIR_REQUEST_FIELDS)

/* The token members in TokenPair's order (bz-resources.h). */
#define BZ_PAIR_RESULT_FIELDS(F) \
  F (PAIR_RESULT_ACCESS_TOKEN, .name = "access_token", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (PAIR_RESULT_REFRESH_TOKEN, .name = "refresh_token", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "Bound to the device: revoking the device revokes it") \
  F (PAIR_RESULT_TOKEN_TYPE, .name = "token_type", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (PAIR_RESULT_EXPIRES_IN, .name = "expires_in", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .unit = "s") \
  F (PAIR_RESULT_DEVICE, .name = "device", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_device_resource) \
  F (PAIR_RESULT_USER, .name = "user", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_user_resource)
BZ_RESOURCE_DECLARE (bz_pair_result, PAIR_RESULT, BZ_PAIR_RESULT_FIELDS)

#define BZ_TLS_INFO_FIELDS(F) \
  F (TLS_INFO_HTTPS_URL, .name = "https_url", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "null when HTTPS is off") \
  F (TLS_INFO_HTTPS_PORT, .name = "https_port", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE) \
  F (TLS_INFO_FINGERPRINT, .name = "fingerprint_sha256", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "SHA-256 of the certificate (DER), 64 lowercase hex digits: compare it with the QR code's, never trust it alone") \
  F (TLS_INFO_INSTANCE_NAME, .name = "instance_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE)
BZ_RESOURCE_DECLARE (bz_tls_info, TLS_INFO, BZ_TLS_INFO_FIELDS)

G_END_DECLS
