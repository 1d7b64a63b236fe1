/* bz-local-chat-provider.c — the embedded, rule-based chat provider (see
 * bz-local-chat-provider.h).  The answer's language is the request's, not
 * the process's: both languages are written here, side by side. */
#include "bz-local-chat-provider.h"

#include <math.h>
#include <string.h>

struct _BzLocalChatProvider
{
  GObject parent_instance;
};

static void chat_iface_init (BzChatProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BzLocalChatProvider, bz_local_chat_provider, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BZ_TYPE_CHAT_PROVIDER, chat_iface_init))

static void bz_local_chat_provider_class_init (BzLocalChatProviderClass *klass) {}
static void bz_local_chat_provider_init (BzLocalChatProvider *self) {}

BzChatProvider *
bz_local_chat_provider_new (void)
{
  return g_object_new (BZ_TYPE_LOCAL_CHAT_PROVIDER, NULL);
}

static const char *get_name (BzChatProvider *self) { return "local"; }

/* A text in the answer's language. */
#define T(es, en) (english ? (en) : (es))

typedef struct
{
  const char *member;                 /* in targets, intake, remaining */
  const char *unit;
  const char *name_es, *name_en;
  const char *const words[5];         /* folded, matched as substrings */
} Nutrient;

static const Nutrient nutrients[] = {
  { "protein_g", "g", "proteína", "protein", { "protein", NULL } },
  { "carbohydrate_g", "g", "carbohidratos", "carbohydrates", { "carbo", "hidratos", "carbs", NULL } },
  { "fat_g", "g", "grasa", "fat", { "grasa", "fat", "lipid", NULL } },
  { "energy_kcal", "kcal", "energía", "energy", { "calori", "kcal", "energ", NULL } },
};

typedef struct
{
  const char *name_es, *name_en;
  const char *const words[6];
} MealWord;

/* The meal types of bz_vocab_meal_type, with the words people use. */
static const MealWord meals[] = {
  { "desayuno", "breakfast", { "desayun", "breakfast", NULL } },
  { "comida", "lunch", { "comida", "almuerzo", "lunch", NULL } },
  { "cena", "dinner", { "cena", "dinner", "supper", "cenar", NULL } },
  { "colación", "snack", { "colacion", "snack", "merienda", "refrigerio", "tentempie", NULL } },
};

static const char *const plan_words[] = { "plan", "menu", "dieta", "diet", NULL };

/* @text lower-cased, accents dropped ("Proteína" -> "proteina"). */
static char *
fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  return g_ascii_strdown (ascii, -1);
}

static gboolean
has_any (const char *folded, const char *const *words)
{
  for (guint i = 0; words[i]; i++)
    if (strstr (folded, words[i]))
      return TRUE;
  return FALSE;
}

static JsonObject *
object_member (JsonObject *o, const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  return n && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static gboolean
number_member (JsonObject *o, const char *name, double *out)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  GType t = n && JSON_NODE_HOLDS_VALUE (n) ? json_node_get_value_type (n) : G_TYPE_INVALID;

  if (t != G_TYPE_INT64 && t != G_TYPE_DOUBLE)
    return FALSE;
  *out = json_node_get_double (n);
  return TRUE;
}

static void
nutrient_answer (GString *reply, JsonObject *context, const Nutrient *n, gboolean english)
{
  JsonObject *targets = object_member (context, "targets"), *intake = object_member (context, "intake");
  double target = 0, eaten = 0;
  gboolean has_target = number_member (targets, n->member, &target);

  if (!number_member (intake, n->member, &eaten))
    eaten = 0;
  if (!has_target)
    {
      g_string_append_printf (reply, T ("Hoy llevas %.0f %s de %s. Aún no tengo tu meta: se calcula con tu primera "
                                        "medición corporal en la clínica; pídesela a tu nutrióloga o nutriólogo.",
                                        "Today you have had %.0f %s of %s. I do not have your target yet: it comes from "
                                        "your first body scan at the clinic; ask your nutritionist."),
                              eaten, n->unit, T (n->name_es, n->name_en));
      return;
    }
  if (target - eaten >= 0.5)
    g_string_append_printf (reply, T ("Hoy te quedan %.0f %s de %s: tu meta es %.0f %s y llevas %.0f %s.",
                                      "You have %.0f %s of %s left today: your target is %.0f %s and you have had %.0f %s."),
                            round (target - eaten), n->unit, T (n->name_es, n->name_en), round (target), n->unit,
                            round (eaten), n->unit);
  else if (eaten - target >= 0.5)
    g_string_append_printf (reply, T ("Hoy ya pasaste tu meta de %1$s por %2$.0f %3$s: tu meta es %4$.0f %3$s y llevas %5$.0f %3$s.",
                                      "Today you are %2$.0f %3$s over your %1$s target: your target is %4$.0f %3$s and "
                                      "you have had %5$.0f %3$s."),
                            T (n->name_es, n->name_en), round (eaten - target), n->unit, round (target),
                            round (eaten));
  else
    g_string_append_printf (reply, T ("Hoy llegaste justo a tu meta de %s: %.0f %s.",
                                      "Today you reached your %s target exactly: %.0f %s."),
                            T (n->name_es, n->name_en), round (target), n->unit);
}

/* One slot of the plan: "Cena: Sopa de verduras, Quesadillas (420 kcal)." */
static void
append_slot (GString *reply, JsonObject *slot)
{
  JsonNode *r = json_object_get_member (slot, "recipes");
  JsonArray *recipes = r && JSON_NODE_HOLDS_ARRAY (r) ? json_node_get_array (r) : NULL;
  const char *name = json_object_get_string_member_with_default (slot, "meal_name", "");
  g_autofree char *first = g_utf8_strup (name, g_utf8_next_char (name) - name);
  double kcal = 0;

  g_string_append_printf (reply, "%s%s: ", first, g_utf8_next_char (name));
  for (guint i = 0; recipes && i < json_array_get_length (recipes); i++)
    g_string_append_printf (reply, "%s%s", i ? ", " : "", json_array_get_string_element (recipes, i));
  if (recipes == NULL || json_array_get_length (recipes) == 0)
    g_string_append (reply, "—");
  if (number_member (slot, "energy_kcal", &kcal))
    g_string_append_printf (reply, " (%.0f kcal)", round (kcal));
  g_string_append (reply, ".");
}

static void
plan_answer (GString *reply, JsonObject *context, const MealWord *meal, gboolean english)
{
  JsonObject *plan = object_member (context, "plan");
  JsonNode *m = plan ? json_object_get_member (plan, "meals") : NULL;
  JsonArray *slots = m && JSON_NODE_HOLDS_ARRAY (m) ? json_node_get_array (m) : NULL;
  gboolean found = FALSE;

  if (slots == NULL || json_array_get_length (slots) == 0)
    {
      g_string_append (reply, T ("No tienes un plan de alimentación para hoy. Tu nutrióloga o nutriólogo puede hacerte uno.",
                                 "You have no meal plan for today. Your nutritionist can make you one."));
      return;
    }
  for (guint i = 0; i < json_array_get_length (slots); i++)
    {
      JsonObject *slot = json_array_get_object_element (slots, i);
      g_autofree char *name = fold (json_object_get_string_member_with_default (slot, "meal_name", ""));

      if (meal && !has_any (name, meal->words))
        continue;
      if (!found)
        g_string_append (reply, meal ? T ("En tu plan de hoy: ", "In your plan for today: ")
                                     : T ("Tu plan de hoy: ", "Your plan for today: "));
      else
        g_string_append_c (reply, ' ');
      append_slot (reply, slot);
      found = TRUE;
    }
  if (!found)
    {
      g_string_append_printf (reply, T ("Tu plan de hoy no tiene %s. Sus comidas son: ",
                                        "Your plan for today has no %s. Its meals are: "),
                              T (meal->name_es, meal->name_en));
      for (guint i = 0; i < json_array_get_length (slots); i++)
        g_string_append_printf (reply, "%s%s", i ? ", " : "",
                                json_object_get_string_member_with_default (json_array_get_object_element (slots, i),
                                                                            "meal_name", ""));
      g_string_append (reply, ".");
    }
}

static void
add_strings (JsonObject *answer, const char *name, const char *const *texts)
{
  JsonArray *a = json_array_new ();
  for (guint i = 0; texts[i]; i++)
    json_array_add_string_element (a, texts[i]);
  json_object_set_array_member (answer, name, a);
}

/* The last user turn of @request, or NULL. */
static const char *
last_question (JsonObject *request)
{
  JsonNode *m = json_object_get_member (request, "messages");
  JsonArray *turns = m && JSON_NODE_HOLDS_ARRAY (m) ? json_node_get_array (m) : NULL;

  for (guint i = turns ? json_array_get_length (turns) : 0; i > 0; i--)
    {
      JsonNode *t = json_array_get_element (turns, i - 1);
      JsonObject *turn = JSON_NODE_HOLDS_OBJECT (t) ? json_node_get_object (t) : NULL;
      if (turn && g_strcmp0 (json_object_get_string_member_with_default (turn, "role", ""), "user") == 0)
        return json_object_get_string_member_with_default (turn, "content", NULL);
    }
  return NULL;
}

static JsonNode *
complete (BzChatProvider *provider, JsonObject *request, double *out_cost, GCancellable *cancellable, GError **error)
{
  const char *question = last_question (request);
  gboolean english = g_str_has_prefix (json_object_get_string_member_with_default (request, "lang", "es"), "en");
  JsonObject *context = object_member (request, "context");
  g_autoptr(GString) reply = g_string_new (NULL);
  g_autofree char *q = NULL;
  const Nutrient *nutrient = NULL;
  const MealWord *meal = NULL;
  JsonObject *answer;

  if (out_cost)
    *out_cost = 0;
  if (question == NULL)
    {
      g_propagate_error (error, bz_integration_error_new ("local", BZ_INTEGRATION_ERROR_INVALID_REQUEST, 0, FALSE, 0,
                                                          "A chat needs a user message"));
      return NULL;
    }
  q = fold (question);
  for (guint i = 0; i < G_N_ELEMENTS (meals) && !meal; i++)
    if (has_any (q, meals[i].words))
      meal = &meals[i];
  for (guint i = 0; i < G_N_ELEMENTS (nutrients) && !nutrient; i++)
    if (has_any (q, nutrients[i].words))
      nutrient = &nutrients[i];

  answer = json_object_new ();
  json_object_set_string_member (answer, "provider", "local");
  if (meal || has_any (q, plan_words))
    {
      plan_answer (reply, context, meal, english);
      add_strings (answer, "sources", (const char *const[]) { T ("Tu plan de alimentación en Balanza",
                                                                 "Your meal plan in Balanza"), NULL });
    }
  else if (nutrient)
    {
      nutrient_answer (reply, context, nutrient, english);
      add_strings (answer, "sources",
                   (const char *const[]) { T ("Tus comidas registradas hoy (nutrientes de USDA SR28)",
                                              "Your meals logged today (nutrients from USDA SR28)"),
                                           T ("Tus metas del día (Mifflin-St Jeor, de tu última medición)",
                                              "Your daily targets (Mifflin-St Jeor, from your latest scan)"), NULL });
    }
  else
    {
      g_string_append (reply, T ("No puedo responder eso: sin un modelo de lenguaje solo respondo con tus propios datos "
                                 "(lo que te queda hoy de calorías, proteína, carbohidratos o grasa, y lo que tu plan "
                                 "tiene para cada comida). Para lo demás, pregúntale a tu nutrióloga o nutriólogo.",
                                 "I cannot answer that: without a language model I only answer from your own numbers "
                                 "(what you have left today of calories, protein, carbohydrates or fat, and what your "
                                 "plan has for each meal). For anything else, ask your nutritionist."));
      add_strings (answer, "sources", (const char *const[]) { NULL });
    }
  json_object_set_string_member (answer, "reply", reply->str);
  add_strings (answer, "related_questions",
               (const char *const[]) { T ("¿Cuánta proteína me queda hoy?", "How much protein do I have left today?"),
                                       T ("¿Qué ceno hoy según mi plan?", "What is for dinner in my plan today?"),
                                       T ("¿Cuántas calorías llevo hoy?", "How many calories have I had today?"), NULL });
  {
    JsonNode *node = json_node_new (JSON_NODE_OBJECT);
    json_node_take_object (node, answer);
    return node;
  }
}

static void
chat_iface_init (BzChatProviderInterface *iface)
{
  iface->get_name = get_name;
  iface->complete = complete;
}
