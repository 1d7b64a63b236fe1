/* bz-handlers-integrations.c — /api/integrations (issue 11; seed 003
 * "Webhook Processing" and "Debug Endpoints"): the providers' health, a test
 * delivery, and the webhooks of outside services. */
#include "bz-router.h"

#include "bz-integration-resources.h"
#include "bz-integration-service.h"

static BzResponse *
health (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_integrations_health (svc, req->caller, error);
  return data ? bz_response_record (200, data) : NULL;
}

static BzResponse *
test_webhook (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;

  if (body == NULL || !(data = bz_integrations_test_webhook (svc, req->caller, body, error)))
    return NULL;
  return bz_response_record (202, data);
}

/* The signature is checked on the raw bytes before the body is parsed; the
 * answer is 202 as soon as the delivery is stored (seed 003: "Acknowledge
 * immediately"); its processing is a job. */
static BzResponse *
webhook (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(BzWebhookDelivery) delivery = NULL;
  g_autoptr(JsonObject) event = NULL;
  BzRecord *data;

  delivery = bz_integrations_verify_webhook (svc, bz_request_param (req, "provider"),
                                             soup_message_headers_get_one (req->headers, BZ_WEBHOOK_SIGNATURE_HEADER),
                                             req->body ? req->body : empty, error);
  if (delivery == NULL || !(event = bz_request_json_object (req, error)))
    return NULL;
  data = bz_integrations_accept_webhook (svc, delivery, event, error);
  return data ? bz_response_record (202, data) : NULL;
}

/* The photo through the meal detector (seed 000 story 4.3 AC 1); a
 * service that does not answer is a detection left to manual entry (200),
 * not an error. */
static BzResponse *
meal_detection (BzServices *svc, BzRequest *req, GError **error)
{
  static const char *const fields[] = { "image", "meal_type", "locale", "image_id", NULL };
  g_autoptr(BzForm) form = NULL;
  BzValidation v = BZ_VALIDATION_INIT;
  g_autofree char *meal_type = NULL, *locale = NULL, *image_id = NULL;
  BzRecord *data;

  if (!(form = bz_form_parse (req->headers, req->body, fields, error)))
    return NULL;
  meal_type = bz_form_get_text (form, "meal_type", 32, &v);
  locale = bz_form_get_text (form, "locale", 8, &v);
  image_id = bz_form_get_text (form, "image_id", 64, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  data = bz_integrations_detect_meal_image (svc, req->caller, bz_form_get_bytes (form, "image"), image_id, meal_type,
                                            locale, error);
  return data ? bz_response_record (200, data) : NULL;
}

const BzRoute bz_integration_routes[] = {
  { "POST", "/api/integrations/meal-detection", meal_detection, 0, BZ_UPLOAD_BODY_MAX,
    "Analyse a meal photo (multipart): the foods the configured detection service sees, with grams, matched to "
    "USDA foods and their nutrients; nothing is stored.  With no service, or when it fails, status "
    "manual_entry_required", .request = &bz_meal_detection_form_resource, .response = &bz_detection_resource },
  { "GET", "/api/integrations/health", health, 0, 0,
    "The outside services (nutritionist or admin): each provider's status, circuit breaker, last check, error "
    "rate and monthly quota, and each webhook provider's processed, pending and parked deliveries",
    .response = &bz_integration_health_resource },
  { "POST", "/api/integrations/test-webhook", test_webhook, 0, 0,
    "Send a signed test delivery of an event type to a provider's webhook (nutritionist or admin); it is "
    "stored and processed like any delivery", .request = &bz_test_webhook_resource,
    .response = &bz_webhook_receipt_resource },
  { "POST", "/api/integrations/webhooks/{provider}", webhook, BZ_ROUTE_PUBLIC, BZ_WEBHOOK_BODY_MAX,
    "A provider's webhook delivery, signed with the provider's secret: header Balanza-Signature "
    "\"t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<raw body>'>\" (Stripe's scheme), t within 5 minutes; "
    "stored once per event id and processed in the background (3 attempts, 2 s exponential backoff); 202 at once",
    .request = &bz_webhook_event_resource, .response = &bz_webhook_receipt_resource },
  { NULL }
};
