/* bz-handlers-ai.c — /api/v1/ai (seed 002 §4.7).  POST /ai/scan-label takes
 * the seed's multipart photo (read by the configured label-reading service)
 * or the label's values as JSON (manual entry); POST /ai/chat asks the
 * assistant. */
#include "bz-router.h"

#include "bz-chat-service.h"
#include "bz-label-service.h"

static BzResponse *
scan_label (BzServices *svc, BzRequest *req, GError **error)
{
  static const char *const fields[] = { "image", "product_name", "lang", NULL };
  const char *type = soup_message_headers_get_content_type (req->headers, NULL);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(BzForm) form = NULL;
  BzValidation v = BZ_VALIDATION_INIT;
  g_autofree char *product_name = NULL, *lang = NULL;
  BzRecord *data;

  if (type == NULL || g_ascii_strcasecmp (type, "multipart/form-data") != 0)
    {
      /* The values typed in: bounded as any JSON body. */
      if (req->body && g_bytes_get_size (req->body) > BZ_JSON_BODY_MAX)
        {
          g_set_error (error, BZ_ERROR, BZ_ERROR_PAYLOAD_TOO_LARGE, "Request body exceeds %u bytes",
                       (guint) BZ_JSON_BODY_MAX);
          return NULL;
        }
      if (!(body = bz_request_json_object (req, error)) || !(data = bz_labels_scan (svc, req->caller, body, NULL, error)))
        return NULL;
      return bz_response_record (200, data);
    }
  if (!(form = bz_form_parse (req->headers, req->body, fields, error)))
    return NULL;
  product_name = bz_form_get_text (form, "product_name", 800, &v);
  lang = bz_form_get_text (form, "lang", 8, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  data = bz_labels_scan_photo (svc, req->caller, bz_form_get_bytes (form, "image"), product_name, lang, error);
  return data ? bz_response_record (200, data) : NULL;
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
  { "POST", "/api/v1/ai/scan-label", scan_label, 0, BZ_UPLOAD_BODY_MAX,
    "Judge a packaged food's nutrition label, from a photo (multipart: read by the configured label-reading "
    "service; 503 without one or when it does not answer, 502 when its answer is not a label) or from its values "
    "typed in (JSON): NOM-051 seals and legends, a 0-10 health score, a recommendation and better foods of the "
    "same kind; nothing is stored",
    .request = &bz_label_photo_form_resource, .request_json = &bz_label_scan_input_resource,
    .response = &bz_label_scan_resource },
  { NULL }
};
