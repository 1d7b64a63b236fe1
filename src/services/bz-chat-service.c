/* bz-chat-service.c — POST /api/v1/ai/chat (see bz-chat-service.h). */
#include "bz-chat-service.h"

#include <glib/gi18n-lib.h>

#include "bz-integration-service.h"
#include "bz-local-chat-provider.h"
#include "bz-meal-service.h"
#include "bz-openai-provider.h"
#include "bz-provider-schemas.h"
#include "bz-rate-limiter.h"

/* Seed 002 ChatbotService.SYSTEM_INSTRUCTION (lines 4326-4354), with
 * Balanza's name and the context's meaning added. */
static const char system_instruction[] =
  "Eres un asistente virtual de nutrición experto, trabajando para una clínica de nutrición en México (Balanza).\n"
  "Tu rol:\n"
  "- Responder preguntas sobre nutrición de manera clara y amigable\n"
  "- Usar lenguaje apropiado para mexicanos\n"
  "- Basar tus respuestas en evidencia científica\n"
  "- Mencionar la cultura alimentaria mexicana cuando sea relevante\n"
  "- Ser empático y motivador\n"
  "- NUNCA dar diagnósticos médicos - siempre recomendar consultar con un profesional\n"
  "- Promover la comida tradicional mexicana saludable\n"
  "Temas que puedes abordar: información nutricional de alimentos; consejos para objetivos (pérdida de peso, "
  "ganancia muscular, salud); macronutrientes y micronutrientes; etiquetas nutricionales; recetas saludables "
  "mexicanas; sistema de equivalentes.\n"
  "Temas que DEBES evitar: diagnósticos médicos; prescripción de suplementos sin supervisión; consejos para "
  "condiciones médicas graves sin profesional; dietas extremas o peligrosas.\n"
  "El contexto (JSON) trae los números del día de la persona: metas (targets), lo que ha comido (intake), lo que le "
  "queda (remaining), en kcal y gramos, y su plan de hoy (plan). Úsalos cuando la pregunta trate de ellos.";

static BzRateLimiter *
limiter (void)
{
  static BzRateLimiter *l;

  if (g_once_init_enter (&l))
    g_once_init_leave (&l, bz_rate_limiter_new (BZ_CHAT_REQUESTS_PER_MINUTE, G_USEC_PER_SEC * 60));
  return l;
}

void
bz_ai_chat_reset_rate_limit (void)
{
  bz_rate_limiter_reset (limiter ());
}

/* @from's energy, protein, carbohydrate and fat, or null. */
static JsonNode *
macros (JsonObject *from)
{
  static const char *const members[] = { "energy_kcal", "protein_g", "carbohydrate_g", "fat_g" };
  JsonObject *o;
  JsonNode *n;

  if (from == NULL)
    return json_node_new (JSON_NODE_NULL);
  o = json_object_new ();
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    json_object_set_double_member (o, members[i], json_object_get_double_member_with_default (from, members[i], 0));
  n = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (n, o);
  return n;
}

static JsonObject *
object_or_null (JsonObject *o, const char *member)
{
  JsonNode *n = o ? json_object_get_member (o, member) : NULL;
  return n && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

/* The bounded context of bz-local-chat-provider.h from a DailyIntake. */
static JsonObject *
context_of (BzRecord *daily)
{
  g_autoptr(JsonNode) root = bz_record_to_json_node (daily);
  JsonObject *d = json_node_get_object (root), *planned = object_or_null (d, "planned");
  JsonObject *context = json_object_new ();

  json_object_set_string_member (context, "date", json_object_get_string_member_with_default (d, "date", ""));
  json_object_set_member (context, "targets", macros (object_or_null (d, "targets")));
  json_object_set_member (context, "intake", macros (object_or_null (d, "intake")));
  json_object_set_member (context, "remaining", macros (object_or_null (d, "remaining")));
  if (planned)
    {
      JsonObject *plan = json_object_new ();
      JsonArray *slots = json_array_new (), *from = json_object_get_array_member (planned, "meals");

      json_object_set_member (plan, "name", json_node_copy (json_object_get_member (planned, "plan_name")));
      for (guint i = 0; from && i < json_array_get_length (from); i++)
        {
          JsonObject *s = json_array_get_object_element (from, i), *slot = json_object_new ();
          JsonArray *titles = json_array_new (), *recipes = json_object_get_array_member (s, "recipes");
          JsonObject *n = object_or_null (s, "nutrition");

          json_object_set_string_member (slot, "meal_name", json_object_get_string_member_with_default (s, "meal_name", ""));
          for (guint k = 0; recipes && k < json_array_get_length (recipes); k++)
            json_array_add_string_element (titles, json_object_get_string_member_with_default (
                                                     json_array_get_object_element (recipes, k), "title", ""));
          json_object_set_array_member (slot, "recipes", titles);
          json_object_set_double_member (slot, "energy_kcal", n ? json_object_get_double_member_with_default (n, "energy_kcal", 0) : 0);
          json_object_set_double_member (slot, "protein_g", n ? json_object_get_double_member_with_default (n, "protein_g", 0) : 0);
          json_array_add_object_element (slots, slot);
        }
      json_object_set_array_member (plan, "meals", slots);
      json_object_set_object_member (context, "plan", plan);
    }
  else
    json_object_set_null_member (context, "plan");
  return context;
}

static GStrv
strings_of (JsonObject *answer, const char *member)
{
  JsonNode *n = json_object_get_member (answer, member);
  JsonArray *a = n && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; a && i < json_array_get_length (a); i++)
    g_strv_builder_add (b, json_array_get_string_element (a, i));
  return g_strv_builder_end (b);
}

BzRecord *
bz_ai_chat (BzServices *self, const BzCaller *caller, JsonObject *body, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL, daily = NULL;
  g_autoptr(JsonObject) request = json_object_new ();
  g_autoptr(BzChatProvider) local = bz_local_chat_provider_new ();
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) failure = NULL;
  g_autoptr(BzOpenAIProvider) openai = bz_integrations_dup_openai (self);
  BzResilient *resilient = bz_integrations_lookup (self, BZ_CHAT_KIND, BZ_OPENAI_PROVIDER_NAME);
  BzResilientSource source = BZ_RESILIENT_LOCAL;
  JsonArray *messages;
  JsonObject *a;
  BzRecord *reply;
  guint retry_after = 0;

  g_return_val_if_fail (BZ_IS_SERVICES (self), NULL);
  if (caller == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Authentication required"));
      return NULL;
    }
  in = bz_resource_parse (&bz_chat_input_resource, body, NULL, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (!bz_rate_limiter_check (limiter (), caller->user_id, g_get_monotonic_time (), &retry_after))
    {
      GError *local_error = g_error_new (BZ_ERROR, BZ_ERROR_RATE_LIMITED,
                                         ngettext ("Too many questions to the assistant. Try again in %u second.",
                                                   "Too many questions to the assistant. Try again in %u seconds.",
                                                   retry_after), retry_after);
      bz_error_set_retry_after (local_error, retry_after);
      g_propagate_error (error, local_error);
      return NULL;
    }

  json_object_set_string_member (request, "system", system_instruction);
  json_object_set_string_member (request, "lang", bz_record_has (in, BZ_CHAT_INPUT_LANG)
                                                  ? bz_record_get_string (in, BZ_CHAT_INPUT_LANG) : "es");
  messages = json_array_new ();
  for (guint i = 0; bz_record_has (in, BZ_CHAT_INPUT_HISTORY) && i < bz_record_get_n_items (in, BZ_CHAT_INPUT_HISTORY); i++)
    {
      BzRecord *turn = bz_record_get_item (in, BZ_CHAT_INPUT_HISTORY, i);
      JsonObject *t = json_object_new ();
      json_object_set_string_member (t, "role", bz_record_get_string (turn, BZ_CHAT_TURN_ROLE));
      json_object_set_string_member (t, "content", bz_record_get_string (turn, BZ_CHAT_TURN_CONTENT));
      json_array_add_object_element (messages, t);
    }
  {
    JsonObject *t = json_object_new ();
    json_object_set_string_member (t, "role", "user");
    json_object_set_string_member (t, "content", bz_record_get_string (in, BZ_CHAT_INPUT_MESSAGE));
    json_array_add_object_element (messages, t);
  }
  json_object_set_array_member (request, "messages", messages);
  /* Staff have no day of their own: no numbers. */
  if (caller->role == BZ_ROLE_PATIENT && (daily = bz_meals_get_daily (self, caller, NULL, NULL, NULL)))
    json_object_set_object_member (request, "context", context_of (daily));

  if (openai && resilient)
    {
      BzProviderCall remote = { openai, request, NULL }, fallback = { local, request, NULL };
      BzResilientRequest rr = { "/v1/chat/completions", NULL, bz_provider_call, &remote, bz_provider_call, &fallback };
      answer = bz_resilient_call (resilient, &rr, NULL, &source, &failure);
    }
  else if ((answer = bz_chat_provider_complete (local, request, NULL, NULL, &failure)) &&
           !bz_chat_answer_validate (answer, &failure))
    g_clear_pointer (&answer, json_node_unref);
  if (answer == NULL)
    {
      g_message ("Chat: no answer: %s", failure->message);
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAVAILABLE, "%s", _("The assistant cannot answer now; try again later"));
      return NULL;
    }

  a = json_node_get_object (answer);
  reply = bz_record_new (&bz_chat_reply_resource);
  bz_record_set_string (reply, BZ_CHAT_REPLY_RESPONSE, json_object_get_string_member (a, "reply"));
  if (bz_record_has (in, BZ_CHAT_INPUT_CONVERSATION_ID))
    bz_record_set_string (reply, BZ_CHAT_REPLY_CONVERSATION_ID, bz_record_get_string (in, BZ_CHAT_INPUT_CONVERSATION_ID));
  else
    bz_record_take_string (reply, BZ_CHAT_REPLY_CONVERSATION_ID, g_uuid_string_random ());
  bz_record_take_strv (reply, BZ_CHAT_REPLY_SOURCES, strings_of (a, "sources"));
  bz_record_take_strv (reply, BZ_CHAT_REPLY_RELATED_QUESTIONS, strings_of (a, "related_questions"));
  bz_record_set_string (reply, BZ_CHAT_REPLY_PROVIDER, json_object_get_string_member_with_default (a, "provider", "local"));
  bz_record_set_string (reply, BZ_CHAT_REPLY_SOURCE, bz_resilient_source_name (source));
  return reply;
}
