/* bz-integration-resources.h — the declarations of /api/integrations (issue
 * 11; seed 003 lines 231-257 "Webhook Processing" and 336-344 "Debug
 * Endpoints").  See bz-resource.h for the mechanism and
 * src/services/bz-integration-service.h for what the values mean.
 *
 * Seed 003's health answer is an object keyed by service name
 * ({twilio: {status, lastCheck}, ...}); Balanza answers the same facts as a
 * list of providers (kind + name), so that the schema is declared and the
 * same service can have several kinds. */
#pragma once

#include "bz-resources.h"

G_BEGIN_DECLS

/** Lengths of a provider's name ([a-z0-9_]), a delivery id and an event type. */
#define BZ_INTEGRATION_PROVIDER_MAX 32
#define BZ_INTEGRATION_DELIVERY_ID_MAX 200
#define BZ_INTEGRATION_EVENT_TYPE_MAX 100

/* One provider of one service kind, as its BzResilient sees it. */
#define BZ_INTEGRATION_PROVIDER_HEALTH_FIELDS(F) \
  F (INTEGRATION_PROVIDER_HEALTH_KIND, .name = "kind", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The service kind: diet_planning, workout_planning, meal_detection, label_reading, scan_3d, chat") \
  F (INTEGRATION_PROVIDER_HEALTH_NAME, .name = "name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The provider: local (embedded), http, openai") \
  F (INTEGRATION_PROVIDER_HEALTH_STATUS, .name = "status", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_provider_health, .description = "healthy, degraded (half-open breaker, quota used up, or failures in the window) or down (open breaker), as seed 003") \
  F (INTEGRATION_PROVIDER_HEALTH_BREAKER_STATE, .name = "breaker_state", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_breaker_state, .description = "closed, open or half_open") \
  F (INTEGRATION_PROVIDER_HEALTH_LAST_CHECK, .name = "last_check", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "When the provider was last called (seed 003's lastCheck); null: never since start") \
  F (INTEGRATION_PROVIDER_HEALTH_ERROR_RATE, .name = "error_rate", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .min = 0, .max = 1, .description = "Failed attempts / attempts over the breaker's window (60 s by default)") \
  F (INTEGRATION_PROVIDER_HEALTH_ATTEMPTS, .name = "attempts", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Remote attempts since start") \
  F (INTEGRATION_PROVIDER_HEALTH_FAILURES, .name = "failures", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Of them, failures that are the service's fault") \
  F (INTEGRATION_PROVIDER_HEALTH_SERVED_CACHED, .name = "served_cached", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Calls answered with the last good answer") \
  F (INTEGRATION_PROVIDER_HEALTH_SERVED_LOCAL, .name = "served_local", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Calls answered by the embedded provider") \
  F (INTEGRATION_PROVIDER_HEALTH_MANUAL_ENTRIES, .name = "manual_entries", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Calls left to manual entry") \
  F (INTEGRATION_PROVIDER_HEALTH_QUOTA_CALLS_USED, .name = "quota_calls_used", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Attempts this calendar month (UTC)") \
  F (INTEGRATION_PROVIDER_HEALTH_QUOTA_CALLS_LIMIT, .name = "quota_calls_limit", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "null: no limit") \
  F (INTEGRATION_PROVIDER_HEALTH_QUOTA_COST_USED, .name = "quota_cost_used", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .unit = "MXN", .description = "Cost this month") \
  F (INTEGRATION_PROVIDER_HEALTH_QUOTA_COST_LIMIT, .name = "quota_cost_limit", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .unit = "MXN", .description = "null: no limit") \
  F (INTEGRATION_PROVIDER_HEALTH_ERROR, .name = "error", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The last failure's message (seed 003's error), null when none")
BZ_RESOURCE_DECLARE (bz_integration_provider_health, INTEGRATION_PROVIDER_HEALTH, BZ_INTEGRATION_PROVIDER_HEALTH_FIELDS)

/* The webhooks of one provider. */
#define BZ_INTEGRATION_WEBHOOK_HEALTH_FIELDS(F) \
  F (INTEGRATION_WEBHOOK_HEALTH_PROVIDER, .name = "provider", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (INTEGRATION_WEBHOOK_HEALTH_SECRET_CONFIGURED, .name = "secret_configured", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .description = "Whether deliveries are accepted: its signing secret is set (never shown)") \
  F (INTEGRATION_WEBHOOK_HEALTH_PROCESSED, .name = "processed", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (INTEGRATION_WEBHOOK_HEALTH_PENDING, .name = "pending", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Received or between attempts") \
  F (INTEGRATION_WEBHOOK_HEALTH_FAILED, .name = "failed", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Parked after their last attempt")
BZ_RESOURCE_DECLARE (bz_integration_webhook_health, INTEGRATION_WEBHOOK_HEALTH, BZ_INTEGRATION_WEBHOOK_HEALTH_FIELDS)

/* GET /api/integrations/health. */
#define BZ_INTEGRATION_HEALTH_FIELDS(F) \
  F (INTEGRATION_HEALTH_STATUS, .name = "status", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_provider_health, .description = "The worst of the providers' statuses, and degraded when a webhook is parked") \
  F (INTEGRATION_HEALTH_CHECKED_AT, .name = "checked_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY) \
  F (INTEGRATION_HEALTH_PROVIDERS, .name = "providers", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_integration_provider_health_resource) \
  F (INTEGRATION_HEALTH_WEBHOOKS, .name = "webhooks", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_integration_webhook_health_resource, .description = "Every provider with a secret or with stored deliveries")
BZ_RESOURCE_DECLARE (bz_integration_health, INTEGRATION_HEALTH, BZ_INTEGRATION_HEALTH_FIELDS)

/* The body of a delivery: any JSON object with the event's id and type (as
 * Stripe's events); other members are the provider's. */
#define BZ_WEBHOOK_EVENT_FIELDS(F) \
  F (WEBHOOK_EVENT_ID, .name = "id", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 1, .max = BZ_INTEGRATION_DELIVERY_ID_MAX, .description = "The delivery's id, unique per provider: a replay with the same id is acknowledged and not processed again") \
  F (WEBHOOK_EVENT_TYPE, .name = "type", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 1, .max = BZ_INTEGRATION_EVENT_TYPE_MAX, .description = "e.g. invoice.payment_succeeded")
BZ_RESOURCE_DECLARE (bz_webhook_event, WEBHOOK_EVENT, BZ_WEBHOOK_EVENT_FIELDS)

/* POST /api/integrations/test-webhook (seed 003 line 343). */
#define BZ_TEST_WEBHOOK_FIELDS(F) \
  F (TEST_WEBHOOK_SERVICE, .name = "service", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 1, .max = BZ_INTEGRATION_PROVIDER_MAX, .description = "A provider whose webhook secret is set") \
  F (TEST_WEBHOOK_EVENT, .name = "event", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 1, .max = BZ_INTEGRATION_EVENT_TYPE_MAX, .description = "The event type to send, e.g. message.received")
BZ_RESOURCE_DECLARE (bz_test_webhook, TEST_WEBHOOK, BZ_TEST_WEBHOOK_FIELDS)

/* The 202 of a delivery. */
#define BZ_WEBHOOK_RECEIPT_FIELDS(F) \
  F (WEBHOOK_RECEIPT_EVENT_ID, .name = "event_id", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Balanza's id of the stored delivery") \
  F (WEBHOOK_RECEIPT_PROVIDER, .name = "provider", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (WEBHOOK_RECEIPT_DELIVERY_ID, .name = "delivery_id", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (WEBHOOK_RECEIPT_EVENT_TYPE, .name = "event_type", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (WEBHOOK_RECEIPT_DUPLICATE, .name = "duplicate", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .description = "true: this delivery id was received before; acknowledged, not processed again") \
  F (WEBHOOK_RECEIPT_STATE, .name = "state", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "received, retrying, processed or failed")
BZ_RESOURCE_DECLARE (bz_webhook_receipt, WEBHOOK_RECEIPT, BZ_WEBHOOK_RECEIPT_FIELDS)

/* POST /api/integrations/meal-detection (seed 000 story 4.3 AC 1): a photo
 * analysed, nothing stored (multipart/form-data). */
#define BZ_MEAL_DETECTION_FORM_FIELDS(F) \
  F (MEAL_DETECTION_FORM_IMAGE, .name = "image", .type = BZ_FIELD_BINARY, .flags = BZ_FIELD_WRITE_ONLY, .description = "JPEG, PNG or WebP; at most 40 MP; sent to the service resized to 1024 px, without EXIF.  Required unless image_id is given") \
  F (MEAL_DETECTION_FORM_MEAL_TYPE, .name = "meal_type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .vocab = &bz_vocab_meal_type) \
  F (MEAL_DETECTION_FORM_LOCALE, .name = "locale", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .description = "es-MX (default) or en: the language of the foods' names") \
  F (MEAL_DETECTION_FORM_IMAGE_ID, .name = "image_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_WRITE_ONLY, .description = "Instead of image: a photo the caller stored with POST /api/upload/meal-images (its display copy is analysed)")
BZ_RESOURCE_DECLARE (bz_meal_detection_form, MEAL_DETECTION_FORM, BZ_MEAL_DETECTION_FORM_FIELDS)

G_END_DECLS
