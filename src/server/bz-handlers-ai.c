/* bz-handlers-ai.c — /api/v1/ai (seed 002 §4.7).  POST /ai/scan-label takes
 * the label's values as JSON; the seed's multipart photo (OCR + vision
 * model) will come through the integration layer. */
#include "bz-router.h"

#include "bz-chat-service.h"
#include "bz-label-service.h"

static BzResponse *
scan_label (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;

  if (body == NULL || !(data = bz_labels_scan (svc, req->caller, body, NULL, error)))
    return NULL;
  return bz_response_record (200, data);
}

static BzResponse *
chat (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;

  if (body == NULL || !(data = bz_ai_chat (svc, req->caller, body, error)))
    return NULL;
  return bz_response_record (200, data);
}

const BzRoute bz_ai_routes[] = {
  { "POST", "/api/v1/ai/chat", chat, 0, 0,
    "Ask the nutrition assistant: the configured model server with the member's numbers of today (targets, intake, "
    "plan) as context, or Balanza's rule-based answerer over those numbers when none is configured or it fails; "
    "at most " G_STRINGIFY (BZ_CHAT_REQUESTS_PER_MINUTE) " questions a minute; nothing is stored",
    .request = &bz_chat_input_resource, .response = &bz_chat_reply_resource },
  { "POST", "/api/v1/ai/scan-label", scan_label, 0, 0,
    "Judge a packaged food's nutrition label (its values as JSON): NOM-051 seals and legends, a 0-10 health "
    "score, a recommendation and better foods of the same kind",
    .request = &bz_label_scan_input_resource, .response = &bz_label_scan_resource },
  { NULL }
};
