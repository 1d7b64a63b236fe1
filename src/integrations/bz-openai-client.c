/* bz-openai-client.c — one OpenAI-compatible chat completion (see bz-openai-client.h). */
#include "bz-openai-client.h"

#include <libsoup/soup.h>
#include <string.h>

#include "bz-json.h"

#define NAME BZ_OPENAI_PROVIDER_NAME

void
bz_openai_settings_clear (BzOpenAISettings *s)
{
  g_clear_pointer (&s->base_url, g_free);
  g_clear_pointer (&s->model, g_free);
  if (s->api_key)
    memset (s->api_key, 0, strlen (s->api_key));
  g_clear_pointer (&s->api_key, g_free);
}

static gboolean
http_url (const char *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL) : NULL;
  return uri && (g_strcmp0 (g_uri_get_scheme (uri), "http") == 0 || g_strcmp0 (g_uri_get_scheme (uri), "https") == 0);
}

static gboolean
price (GKeyFile *file, const char *group, const char *key, double *out, GError **error)
{
  GError *local = NULL;
  double v;

  *out = 0;
  if (!g_key_file_has_key (file, group, key, NULL))
    return TRUE;
  v = g_key_file_get_double (file, group, key, &local);
  if (local == NULL && !(v >= 0 && v <= 1e9))
    g_set_error (&local, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE, "%g is not in [0, 1e9]", v);
  if (local)
    {
      g_propagate_prefixed_error (error, local, "[%s] %s: ", group, key);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

gboolean
bz_openai_settings_load (BzOpenAISettings *out, GKeyFile *file, const char *group, GError **error)
{
  g_auto(BzOpenAISettings) s = { 0 };
  g_autofree char *key_file = NULL;

  memset (out, 0, sizeof *out);
  if (!g_key_file_has_group (file, group))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND, "No [%s] group", group);
      return FALSE;
    }
  if (g_key_file_has_key (file, group, "api_key", NULL))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "[%s] api_key: keys are not written here; use api_key_file or $" BZ_OPENAI_KEY_ENV, group);
      return FALSE;
    }
  s.base_url = g_key_file_get_string (file, group, "base_url", NULL);
  s.model = g_key_file_get_string (file, group, "model", NULL);
  if (!http_url (s.base_url) || s.model == NULL || *g_strstrip (s.model) == '\0')
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "[%s] needs base_url (an http or https URL) and model", group);
      return FALSE;
    }
  while (g_str_has_suffix (s.base_url, "/"))
    s.base_url[strlen (s.base_url) - 1] = '\0';
  if (!price (file, group, "input_mxn_per_mtok", &s.input_mxn_per_mtok, error) ||
      !price (file, group, "output_mxn_per_mtok", &s.output_mxn_per_mtok, error) ||
      !price (file, group, "monthly_budget_mxn", &s.monthly_budget_mxn, error))
    return FALSE;
  s.json_mode = TRUE;
  if (g_key_file_has_key (file, group, "json_mode", NULL))
    {
      GError *local = NULL;
      s.json_mode = g_key_file_get_boolean (file, group, "json_mode", &local);
      if (local)
        {
          g_propagate_prefixed_error (error, local, "[%s] json_mode: ", group);
          return FALSE;
        }
    }
  key_file = g_key_file_get_string (file, group, "api_key_file", NULL);
  if (key_file)
    {
      g_autofree char *text = NULL;
      GError *local = NULL;
      if (!g_file_get_contents (key_file, &text, NULL, &local))
        {
          g_propagate_prefixed_error (error, local, "[%s] api_key_file: ", group);
          return FALSE;
        }
      s.api_key = g_strdup (g_strstrip (text));
      memset (text, 0, strlen (text));
    }
  else if (g_getenv (BZ_OPENAI_KEY_ENV) && *g_getenv (BZ_OPENAI_KEY_ENV))
    s.api_key = g_strdup (g_getenv (BZ_OPENAI_KEY_ENV));
  *out = s;
  memset (&s, 0, sizeof s);
  return TRUE;
}

double
bz_openai_cost_mxn (const BzOpenAISettings *s, gint64 prompt_tokens, gint64 completion_tokens)
{
  return (double) MAX (prompt_tokens, 0) * s->input_mxn_per_mtok / 1e6 +
         (double) MAX (completion_tokens, 0) * s->output_mxn_per_mtok / 1e6;
}

static GError *
bad (const char *what, const GError *why)
{
  return bz_integration_error_new (NAME, BZ_INTEGRATION_ERROR_BAD_RESPONSE, 200, FALSE, 0, "%s%s%s", what,
                                   why ? ": " : "", why ? why->message : "");
}

/* The content of choices[0].message: the model's JSON object, a Markdown
 * fence around it taken off. */
static JsonNode *
parse_content (const char *content, GError **error)
{
  static const BzJsonLimits limits = { BZ_OPENAI_MAX_BYTES, 16, 1000, 16 * 1024 };
  g_autofree char *text = g_strstrip (g_strdup (content));
  g_autoptr(GError) local = NULL;
  char *start = text;
  JsonNode *node;

  if (g_str_has_prefix (start, "```"))
    {
      char *nl = strchr (start, '\n');
      char *end = strrchr (start, '`');
      start = nl ? nl + 1 : start + 3;
      if (end && end > start && g_str_has_suffix (text, "```"))
        *(end - 2) = '\0';
    }
  node = bz_json_parse (start, strlen (start), &limits, NULL, &local);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_clear_pointer (&node, json_node_unref);
      g_propagate_error (error, bad ("The model's answer is not a JSON object", local));
      return NULL;
    }
  return node;
}

JsonNode *
bz_openai_chat (const BzOpenAISettings *s, JsonArray *messages, double *out_cost, GCancellable *cancellable,
                GError **error)
{
  static const BzJsonLimits limits = { BZ_OPENAI_MAX_BYTES, 32, 10000, BZ_OPENAI_MAX_BYTES };
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (s->base_url, "/v1/chat/completions", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) body = NULL, envelope = NULL;
  g_autoptr(GBytes) in = NULL, out = NULL;
  g_autoptr(GError) local = NULL;
  JsonObject *root, *usage;
  JsonArray *choices;
  JsonObject *message = NULL;
  const char *content;
  char *text;
  guint status;

  if (msg == NULL)
    {
      g_propagate_error (error, bz_integration_error_new (NAME, BZ_INTEGRATION_ERROR_INVALID_REQUEST, 0, FALSE, 0,
                                                          "Not a URL: %s", url));
      return NULL;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "model");
  json_builder_add_string_value (b, s->model);
  json_builder_set_member_name (b, "messages");
  json_builder_add_value (b, json_node_init_array (json_node_alloc (), messages));
  json_builder_set_member_name (b, "temperature");
  json_builder_add_double_value (b, 0);   /* the same photo, the same foods */
  json_builder_set_member_name (b, "max_tokens");
  json_builder_add_int_value (b, BZ_OPENAI_MAX_TOKENS);
  json_builder_set_member_name (b, "stream");
  json_builder_add_boolean_value (b, FALSE);
  if (s->json_mode)
    {
      json_builder_set_member_name (b, "response_format");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "json_object");
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  text = json_to_string (body, FALSE);
  out = g_bytes_new_take (text, strlen (text));
  soup_session_set_user_agent (session, "Balanza");
  soup_message_set_request_body_from_bytes (msg, "application/json", out);
  if (s->api_key && *s->api_key)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", s->api_key, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", bearer);
    }

  in = soup_session_send_and_read (session, msg, cancellable, &local);
  if (in == NULL)
    {
      g_propagate_error (error, bz_integration_error_from_transport (NAME, local));
      return NULL;
    }
  status = soup_message_get_status (msg);
  if (status < 200 || status >= 300)
    {
      g_propagate_error (error, bz_integration_error_from_http (NAME, status,
          soup_message_headers_get_one (soup_message_get_response_headers (msg), "Retry-After"),
          g_get_real_time () / G_USEC_PER_SEC, soup_message_get_reason_phrase (msg)));
      return NULL;
    }
  envelope = bz_json_parse (g_bytes_get_data (in, NULL), g_bytes_get_size (in), &limits, NULL, &local);
  if (envelope == NULL || !JSON_NODE_HOLDS_OBJECT (envelope))
    {
      g_propagate_error (error, bad ("The answer is not a chat completion", local));
      return NULL;
    }
  root = json_node_get_object (envelope);
  choices = json_object_get_member (root, "choices") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "choices"))
            ? json_object_get_array_member (root, "choices") : NULL;
  if (choices && json_array_get_length (choices) > 0 && JSON_NODE_HOLDS_OBJECT (json_array_get_element (choices, 0)))
    {
      JsonObject *choice = json_array_get_object_element (choices, 0);
      JsonNode *m = json_object_get_member (choice, "message");
      message = m && JSON_NODE_HOLDS_OBJECT (m) ? json_node_get_object (m) : NULL;
    }
  content = message && json_object_get_member (message, "content") &&
            JSON_NODE_TYPE (json_object_get_member (message, "content")) == JSON_NODE_VALUE &&
            json_node_get_value_type (json_object_get_member (message, "content")) == G_TYPE_STRING
            ? json_object_get_string_member (message, "content") : NULL;
  if (content == NULL)
    {
      g_propagate_error (error, bad ("The answer has no choices[0].message.content", NULL));
      return NULL;
    }
  usage = json_object_get_member (root, "usage") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "usage"))
          ? json_object_get_object_member (root, "usage") : NULL;
  if (out_cost)
    *out_cost = usage ? bz_openai_cost_mxn (s, json_object_get_int_member_with_default (usage, "prompt_tokens", 0),
                                            json_object_get_int_member_with_default (usage, "completion_tokens", 0))
                      : 0;
  return parse_content (content, error);
}
