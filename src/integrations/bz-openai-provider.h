/* bz-openai-provider.h — the `openai` provider: an OpenAI-compatible
 * /v1/chat/completions server (OpenAI, llama.cpp's llama-server, Ollama...:
 * docs/integrations.md) as a #BzMealDetector, a #BzChatProvider and a
 * nutrition-label reader.
 *
 * Each call is one chat completion (bz-openai-client.h) asking for one JSON
 * object; the model's object becomes the kind's answer with "provider":
 * "openai" added (detection: a "total" summed from the foods' estimates),
 * and nothing else changed: BzResilient's validator (bz-provider-schemas.h)
 * then checks it before anything uses it.
 *
 * What leaves the clinic: the photo, resized and re-encoded without EXIF
 * (bz-openai-image.h), the meal type and locale; for chat the conversation
 * and the context the caller chose.  Never a name, an id or an e-mail.
 * Thread-safe (the settings are read only; a session per call).
 */
#pragma once

#include "bz-openai-client.h"
#include "bz-provider-kinds.h"

G_BEGIN_DECLS

#define BZ_TYPE_OPENAI_PROVIDER (bz_openai_provider_get_type ())
G_DECLARE_FINAL_TYPE (BzOpenAIProvider, bz_openai_provider, BZ, OPENAI_PROVIDER, GObject)

/**
 * bz_openai_provider_new:
 * @settings: the server and its prices (copied, the key too)
 *
 * Returns: (transfer full): a provider named "openai"; %NULL when
 *   @settings has no http(s) base URL or no model.
 */
BzOpenAIProvider *bz_openai_provider_new (const BzOpenAISettings *settings);

/** bz_openai_provider_get_settings: Returns: (transfer none): the settings. */
const BzOpenAISettings *bz_openai_provider_get_settings (BzOpenAIProvider *self);

/**
 * bz_openai_provider_read_label:
 * @image: a photo of a nutrition label (NOM-051 or another), checked by bz-image.h
 * @request: {locale: "es-MX"|"en"}
 * @out_cost: (out) (optional): MXN
 * @error: as bz_openai_chat(); INVALID_REQUEST when @image cannot be decoded
 *
 * Reads the label's table as per-100 g values (seed 002 §4.7 scan-label's
 * nutrition, normalized: a per-serving table is divided by the serving's
 * grams by the model, which is asked to).  Answer: the schema of
 * bz_label_answer_validate().  Blocking.
 *
 * Returns: (transfer full): the label, or %NULL with @error.
 */
JsonNode *bz_openai_provider_read_label (BzOpenAIProvider *self, GBytes *image, JsonObject *request,
                                         double *out_cost, GCancellable *cancellable, GError **error);

/** bz_openai_call_read_label: a #BzResilientFunc for a #BzProviderCall whose provider is a #BzOpenAIProvider. */
JsonNode *bz_openai_call_read_label (gpointer data, GCancellable *cancellable, double *out_cost, GError **error);

G_END_DECLS
