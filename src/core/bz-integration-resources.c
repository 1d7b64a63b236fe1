/* bz-integration-resources.c — the tables of bz-integration-resources.h. */
#include "bz-integration-resources.h"

BZ_RESOURCE_DEFINE (bz_integration_provider_health, INTEGRATION_PROVIDER_HEALTH, "IntegrationProviderHealth",
                    "One provider of an outside service kind", BZ_INTEGRATION_PROVIDER_HEALTH_FIELDS)
BZ_RESOURCE_DEFINE (bz_integration_webhook_health, INTEGRATION_WEBHOOK_HEALTH, "IntegrationWebhookHealth",
                    "The webhook deliveries of one provider", BZ_INTEGRATION_WEBHOOK_HEALTH_FIELDS)
BZ_RESOURCE_DEFINE (bz_integration_health, INTEGRATION_HEALTH, "IntegrationHealth",
                    "GET /integrations/health (seed 003)", BZ_INTEGRATION_HEALTH_FIELDS)
BZ_RESOURCE_DEFINE (bz_webhook_event, WEBHOOK_EVENT, "WebhookEvent",
                    "A webhook delivery's body: a JSON object with at least id and type", BZ_WEBHOOK_EVENT_FIELDS)
BZ_RESOURCE_DEFINE (bz_test_webhook, TEST_WEBHOOK, "TestWebhook",
                    "POST /integrations/test-webhook (seed 003)", BZ_TEST_WEBHOOK_FIELDS)
BZ_RESOURCE_DEFINE (bz_webhook_receipt, WEBHOOK_RECEIPT, "WebhookReceipt",
                    "A webhook delivery acknowledged (202)", BZ_WEBHOOK_RECEIPT_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_detection_form, MEAL_DETECTION_FORM, "MealDetectionPhoto",
                    "A meal photo to analyse (multipart/form-data); nothing is stored", BZ_MEAL_DETECTION_FORM_FIELDS)
