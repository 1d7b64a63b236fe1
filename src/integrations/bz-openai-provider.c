/* bz-openai-provider.c — the `openai` provider (see bz-openai-provider.h). */
#include "bz-openai-provider.h"

#include <string.h>

#include "bz-openai-image.h"

struct _BzOpenAIProvider
{
  GObject parent_instance;
  BzOpenAISettings settings;
};

static void detector_iface_init (BzMealDetectorInterface *iface);
static void chat_iface_init (BzChatProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BzOpenAIProvider, bz_openai_provider, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BZ_TYPE_MEAL_DETECTOR, detector_iface_init)
                               G_IMPLEMENT_INTERFACE (BZ_TYPE_CHAT_PROVIDER, chat_iface_init))

/* The instructions.  English for the model (every vision model follows it
 * best); the names it gives are in the request's locale. */
static const char detect_prompt[] =
  "You are a nutrition assistant in a Mexican clinic. List the foods and drinks visible in the photo. "
  "Answer with one JSON object and nothing else: {\"foods\": [{\"name\": text in the language %s, "
  "\"search\": a short generic English food name as in the USDA database (e.g. \"rice cooked\", \"tortillas corn\"), "
  "\"grams\": estimated grams on the plate, \"confidence\": 0 to 1, \"energy_kcal\": number, \"protein_g\": number, "
  "\"carbohydrate_g\": number, \"fat_g\": number}]}. At most 20 foods; an empty list when no food is visible. "
  "The meal is a %s.";
static const char label_prompt[] =
  "Read the nutrition facts table on this food label. Answer with one JSON object and nothing else: "
  "{\"product_name\": text or null, \"brand\": text or null, \"serving_size_g\": number or null, "
  "\"per_100g\": {\"energy_kcal\", \"protein_g\", \"carbohydrate_g\", \"sugar_g\", \"fat_g\", \"saturated_fat_g\", "
  "\"fiber_g\", \"sodium_mg\": numbers per 100 g; when the table is per serving, divide by the serving's grams "
  "and multiply by 100}}. Names in the language %s.";
static const char chat_format[] =
  "Answer with one JSON object and nothing else: {\"reply\": your answer in the user's language, "
  "\"sources\": [texts], \"related_questions\": [texts]}.";

static void
bz_openai_provider_finalize (GObject *object)
{
  bz_openai_settings_clear (&BZ_OPENAI_PROVIDER (object)->settings);
  G_OBJECT_CLASS (bz_openai_provider_parent_class)->finalize (object);
}

static void
bz_openai_provider_class_init (BzOpenAIProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bz_openai_provider_finalize;
}

static void bz_openai_provider_init (BzOpenAIProvider *self) {}

BzOpenAIProvider *
bz_openai_provider_new (const BzOpenAISettings *settings)
{
  BzOpenAIProvider *self;

  g_return_val_if_fail (settings != NULL, NULL);
  if (settings->base_url == NULL || settings->model == NULL || *settings->model == '\0' ||
      !(g_str_has_prefix (settings->base_url, "http://") || g_str_has_prefix (settings->base_url, "https://")))
    return NULL;
  self = g_object_new (BZ_TYPE_OPENAI_PROVIDER, NULL);
  self->settings = *settings;
  self->settings.base_url = g_strdup (settings->base_url);
  while (g_str_has_suffix (self->settings.base_url, "/"))
    self->settings.base_url[strlen (self->settings.base_url) - 1] = '\0';
  self->settings.model = g_strdup (settings->model);
  self->settings.api_key = g_strdup (settings->api_key);
  return self;
}

const BzOpenAISettings *
bz_openai_provider_get_settings (BzOpenAIProvider *self)
{
  return &self->settings;
}

static const char *
language_of (JsonObject *request)
{
  const char *locale = request ? json_object_get_string_member_with_default (request, "locale", "es-MX") : "es-MX";
  return g_str_has_prefix (locale, "en") ? "English" : "Spanish (Mexico)";
}

static JsonObject *
message (const char *role, JsonNode *content)
{
  JsonObject *m = json_object_new ();
  json_object_set_string_member (m, "role", role);
  json_object_set_member (m, "content", content);
  return m;
}

static JsonNode *
text_node (const char *text)
{
  JsonNode *n = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (n, text);
  return n;
}

/* One user message: the instruction and the photo, resized. */
static JsonNode *
ask_about_photo (BzOpenAIProvider *self, const char *instruction, GBytes *image, double *out_cost,
                 GCancellable *cancellable, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GBytes) jpeg = bz_openai_image_prepare (image, NULL, NULL, &local);
  g_autoptr(JsonArray) messages = json_array_new ();
  JsonArray *parts;
  JsonObject *part, *url;
  g_autofree char *data_url = NULL;

  if (jpeg == NULL)
    {
      g_propagate_error (error, bz_integration_error_new (BZ_OPENAI_PROVIDER_NAME, BZ_INTEGRATION_ERROR_INVALID_REQUEST,
                                                          0, FALSE, 0, "%s", local->message));
      return NULL;
    }
  data_url = bz_openai_image_data_url (jpeg);
  parts = json_array_new ();
  part = json_object_new ();
  json_object_set_string_member (part, "type", "text");
  json_object_set_string_member (part, "text", instruction);
  json_array_add_object_element (parts, part);
  part = json_object_new ();
  url = json_object_new ();
  json_object_set_string_member (url, "url", data_url);
  json_object_set_string_member (part, "type", "image_url");
  json_object_set_object_member (part, "image_url", url);
  json_array_add_object_element (parts, part);
  json_array_add_object_element (messages, message ("user", json_node_init_array (json_node_alloc (), parts)));
  json_array_unref (parts);
  return bz_openai_chat (&self->settings, messages, out_cost, cancellable, error);
}

static const char *detector_name (BzMealDetector *self) { return BZ_OPENAI_PROVIDER_NAME; }
static const char *chat_name (BzChatProvider *self) { return BZ_OPENAI_PROVIDER_NAME; }

/* A number member, 0 when absent or not a number (the validator judges the rest). */
static double
estimate (JsonObject *food, const char *member)
{
  JsonNode *n = json_object_get_member (food, member);
  GType t = n && JSON_NODE_HOLDS_VALUE (n) ? json_node_get_value_type (n) : G_TYPE_INVALID;
  return t == G_TYPE_INT64 || t == G_TYPE_DOUBLE ? json_node_get_double (n) : 0;
}

static JsonNode *
detect (BzMealDetector *detector, GBytes *image, JsonObject *request, double *out_cost, GCancellable *cancellable,
        GError **error)
{
  static const char *const totals[] = { "energy_kcal", "protein_g", "carbohydrate_g", "fat_g" };
  BzOpenAIProvider *self = BZ_OPENAI_PROVIDER (detector);
  const char *meal_type = json_object_get_string_member_with_default (request, "meal_type", "meal");
  g_autofree char *prompt = g_strdup_printf (detect_prompt, language_of (request), meal_type);
  JsonNode *answer = ask_about_photo (self, prompt, image, out_cost, cancellable, error);
  JsonObject *o, *total;
  JsonNode *foods;

  if (answer == NULL)
    return NULL;
  o = json_node_get_object (answer);
  json_object_set_string_member (o, "provider", BZ_OPENAI_PROVIDER_NAME);
  foods = json_object_get_member (o, "foods");
  if (foods && JSON_NODE_HOLDS_ARRAY (foods) && !json_object_has_member (o, "total"))
    {
      JsonArray *a = json_node_get_array (foods);
      double sum[G_N_ELEMENTS (totals)] = { 0 };
      for (guint i = 0; i < json_array_get_length (a); i++)
        if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (a, i)))
          for (guint k = 0; k < G_N_ELEMENTS (totals); k++)
            sum[k] += estimate (json_array_get_object_element (a, i), totals[k]);
      total = json_object_new ();
      for (guint k = 0; k < G_N_ELEMENTS (totals); k++)
        json_object_set_double_member (total, totals[k], MAX (sum[k], 0));
      json_object_set_object_member (o, "total", total);
    }
  return answer;
}

JsonNode *
bz_openai_provider_read_label (BzOpenAIProvider *self, GBytes *image, JsonObject *request, double *out_cost,
                               GCancellable *cancellable, GError **error)
{
  g_autofree char *prompt = g_strdup_printf (label_prompt, language_of (request));
  JsonNode *answer;

  g_return_val_if_fail (BZ_IS_OPENAI_PROVIDER (self) && image != NULL, NULL);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  answer = ask_about_photo (self, prompt, image, out_cost, cancellable, error);
  if (answer)
    json_object_set_string_member (json_node_get_object (answer), "provider", BZ_OPENAI_PROVIDER_NAME);
  return answer;
}

JsonNode *
bz_openai_call_read_label (gpointer data, GCancellable *cancellable, double *out_cost, GError **error)
{
  BzProviderCall *call = data;
  return bz_openai_provider_read_label (call->provider, call->image, call->request, out_cost, cancellable, error);
}

/* The conversation: the caller's system instruction with the answer's
 * format, the context as a second system message, then the turns. */
static JsonNode *
complete (BzChatProvider *provider, JsonObject *request, double *out_cost, GCancellable *cancellable, GError **error)
{
  BzOpenAIProvider *self = BZ_OPENAI_PROVIDER (provider);
  g_autoptr(JsonArray) messages = json_array_new ();
  const char *system = json_object_get_string_member_with_default (request, "system", "");
  g_autofree char *instruction = g_strconcat (system, *system ? "\n\n" : "", chat_format, NULL);
  JsonNode *turns = json_object_get_member (request, "messages");
  JsonNode *context = json_object_get_member (request, "context");
  JsonNode *answer;

  if (turns == NULL || !JSON_NODE_HOLDS_ARRAY (turns) || json_array_get_length (json_node_get_array (turns)) == 0)
    {
      g_propagate_error (error, bz_integration_error_new (BZ_OPENAI_PROVIDER_NAME, BZ_INTEGRATION_ERROR_INVALID_REQUEST,
                                                          0, FALSE, 0, "A chat needs messages"));
      return NULL;
    }
  json_array_add_object_element (messages, message ("system", text_node (instruction)));
  if (context && JSON_NODE_HOLDS_OBJECT (context))
    {
      g_autofree char *c = json_to_string (context, FALSE);
      g_autofree char *text = g_strconcat ("Context (JSON): ", c, NULL);
      json_array_add_object_element (messages, message ("system", text_node (text)));
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (turns)); i++)
    {
      JsonNode *t = json_array_get_element (json_node_get_array (turns), i);
      JsonObject *turn = JSON_NODE_HOLDS_OBJECT (t) ? json_node_get_object (t) : NULL;
      const char *role = turn ? json_object_get_string_member_with_default (turn, "role", "") : "";
      const char *content = turn ? json_object_get_string_member_with_default (turn, "content", NULL) : NULL;

      if ((!g_str_equal (role, "user") && !g_str_equal (role, "assistant")) || content == NULL)
        {
          g_propagate_error (error, bz_integration_error_new (BZ_OPENAI_PROVIDER_NAME,
              BZ_INTEGRATION_ERROR_INVALID_REQUEST, 0, FALSE, 0, "messages[%u] is not {role: user|assistant, content}", i));
          return NULL;
        }
      json_array_add_object_element (messages, message (role, text_node (content)));
    }
  answer = bz_openai_chat (&self->settings, messages, out_cost, cancellable, error);
  if (answer)
    json_object_set_string_member (json_node_get_object (answer), "provider", BZ_OPENAI_PROVIDER_NAME);
  return answer;
}

static void
detector_iface_init (BzMealDetectorInterface *iface)
{
  iface->get_name = detector_name;
  iface->detect = detect;
}

static void
chat_iface_init (BzChatProviderInterface *iface)
{
  iface->get_name = chat_name;
  iface->complete = complete;
}
