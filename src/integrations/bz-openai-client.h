/* bz-openai-client.h — one call to an OpenAI-compatible chat completions
 * endpoint, and the settings of the server it goes to.
 *
 *   POST {base_url}/v1/chat/completions
 *   Authorization: Bearer <API key>           (when a key is set)
 *   {"model": ..., "messages": [...], "temperature": 0,
 *    "response_format": {"type": "json_object"}}   (when json_mode)
 *
 * The answer's choices[0].message.content must be one JSON object (a
 * Markdown ```json fence around it, which small local models add, is
 * taken off); its usage.prompt_tokens and usage.completion_tokens, times the
 * configured prices, are the call's cost in MXN.  Servers that speak this:
 * OpenAI, llama.cpp's llama-server (/v1/chat/completions, with
 * response_format json_object), Ollama (its OpenAI compatibility at
 * /v1/chat/completions), vLLM, LocalAI (docs/integrations.md).
 *
 * Failures are seed 003's IntegrationError (bz-integration-error.h):
 * a transport failure UNAVAILABLE or TIMEOUT (retryable); an HTTP error by
 * bz_integration_error_from_http() (429 and 5xx retryable, with
 * Retry-After); an answer that is not the envelope above, or whose content
 * is not a JSON object, BAD_RESPONSE (not retryable: the same question gets
 * the same malformed answer; BzResilient then falls back along its chain).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bz-integration-error.h"

G_BEGIN_DECLS

/** BZ_OPENAI_PROVIDER_NAME: the provider's name in errors, logs and health. */
#define BZ_OPENAI_PROVIDER_NAME "openai"
/** BZ_OPENAI_MAX_BYTES: an answer of up to 1 MiB (a detection or a reply is a few KiB). */
#define BZ_OPENAI_MAX_BYTES (1024 * 1024)
/** BZ_OPENAI_MAX_TOKENS: the answer's token limit sent (max_tokens): 1024
 * tokens hold 30 detected foods or a reply of ~700 words, and bound the cost of a call. */
#define BZ_OPENAI_MAX_TOKENS 1024
/** BZ_OPENAI_KEY_ENV: balanzad's API key when no key file is configured. */
#define BZ_OPENAI_KEY_ENV "BALANZA_OPENAI_API_KEY"

/**
 * BzOpenAISettings:
 * @base_url: the server, http(s), without /v1 ("http://127.0.0.1:8080" for
 *   llama-server, "http://127.0.0.1:11434" for Ollama, "https://api.openai.com")
 * @model: the model's name as the server knows it ("gpt-4o-mini", "llava", "qwen2.5vl")
 * @api_key: (nullable): the bearer token; never logged, never stored in the database
 * @input_mxn_per_mtok: the price of a million prompt tokens, MXN (0: free, a local server)
 * @output_mxn_per_mtok: the price of a million completion tokens, MXN
 * @monthly_budget_mxn: the month's spending limit, MXN; 0: none (the
 *   quota of BzResilient: bz-resilient.h @monthly_cost)
 * @json_mode: send response_format json_object (servers that reject it: off)
 *
 * Where the server is and what it costs.  The strings are owned.
 */
typedef struct
{
  char *base_url;
  char *model;
  char *api_key;
  double input_mxn_per_mtok;
  double output_mxn_per_mtok;
  double monthly_budget_mxn;
  gboolean json_mode;
} BzOpenAISettings;

/** bz_openai_settings_clear: frees the strings (the key wiped first). */
void     bz_openai_settings_clear (BzOpenAISettings *settings);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BzOpenAISettings, bz_openai_settings_clear)

/**
 * bz_openai_settings_load:
 * @settings: (out caller-allocates): filled; clear it with bz_openai_settings_clear()
 * @file: balanzad's integrations key file
 * @group: its group, "openai"
 * @error: G_KEY_FILE_ERROR: a missing base_url or model, a URL that is not
 *   http(s), a price or budget that is not a number in [0, 10^9], an
 *   unreadable api_key_file, or a key written in the file itself ("api_key"
 *   is refused: keys live in a file of their own or the environment)
 *
 * Reads keys base_url, model, api_key_file (a file holding the key, e.g.
 * mode 0600; whitespace around it ignored), input_mxn_per_mtok,
 * output_mxn_per_mtok, monthly_budget_mxn, json_mode (default true).
 * Without api_key_file the key is $%BZ_OPENAI_KEY_ENV, when set.
 *
 * Returns: %TRUE when the group is present and valid; %FALSE with @error
 *   otherwise (G_KEY_FILE_ERROR_GROUP_NOT_FOUND when absent).
 */
gboolean bz_openai_settings_load (BzOpenAISettings *settings, GKeyFile *file, const char *group, GError **error);

/**
 * bz_openai_cost_mxn:
 * @prompt_tokens: usage.prompt_tokens
 * @completion_tokens: usage.completion_tokens
 *
 * Returns: prompt_tokens x input price / 10^6 + completion_tokens x output
 *   price / 10^6, MXN (how OpenAI bills: per million tokens of each kind).
 */
double   bz_openai_cost_mxn (const BzOpenAISettings *settings, gint64 prompt_tokens, gint64 completion_tokens);

/**
 * bz_openai_chat:
 * @settings: the server (read, not kept)
 * @messages: (transfer none): the chat messages, each {role, content}
 *   where content is a text or an array of parts ({type: "text", text},
 *   {type: "image_url", image_url: {url}})
 * @out_cost: (out) (optional): the call's cost, MXN (0 when the answer has no usage)
 * @cancellable: (nullable): stops the call (BzResilient's deadline)
 * @error: a %BZ_INTEGRATION_ERROR as above, or G_IO_ERROR_CANCELLED
 *
 * One blocking request (a session per call).
 *
 * Returns: (transfer full): the content, parsed: a JSON object node; %NULL with @error.
 */
JsonNode *bz_openai_chat (const BzOpenAISettings *settings, JsonArray *messages, double *out_cost,
                          GCancellable *cancellable, GError **error);

G_END_DECLS
