/* test-ai-chat.c — POST /api/v1/ai/chat and the label photo of POST
 * /api/v1/ai/scan-label (issue 11; seed 002 §4.7, §6.8).  test_ai_chat_local
 * runs with no provider configured (the embedded answerer; the photo path
 * refused with 503); test_ai_openai configures its own fake
 * OpenAI-compatible server on the shared services and drops it when it
 * ends, so the two (and the meal-detection tests) run in any order. */
#include "bz-api-fixture.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>

#include "../bz-fake-openai.h"
#include "bz-chat-service.h"
#include "bz-integration-service.h"

char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
const char *test_api_nutri_token (void);
void        test_api_ensure_users (void);
extern const char *test_api_scan_body_fmt;
void        test_ai_chat_local (void);
void        test_ai_openai (void);

static char *chat_member;

/* The length of @d's string array @member (asserted present). */
static guint
n_strings (JsonObject *d, const char *member)
{
  g_assert_true (json_object_has_member (d, member));
  return json_array_get_length (json_object_get_array_member (d, member));
}

/* How many providers of @kind named @name GET /api/integrations/health shows. */
static guint
n_health (const char *kind, const char *name)
{
  g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "GET", "/api/integrations/health",
                                            test_api_nutri_token (), NULL);
  JsonArray *providers;
  guint n = 0;

  g_assert_cmpuint (r->status, ==, 200);
  providers = json_object_get_array_member (bz_api_data (r), "providers");
  for (guint i = 0; i < json_array_get_length (providers); i++)
    {
      JsonObject *p = json_array_get_object_element (providers, i);
      if (g_strcmp0 (json_object_get_string_member (p, "kind"), kind) == 0 &&
          g_strcmp0 (json_object_get_string_member (p, "name"), name) == 0)
        n++;
    }
  return n;
}

static BzApiResponse *
ask (const char *token, const char *body)
{
  return bz_api_json (bz_api_shared (), "POST", "/api/v1/ai/chat", token, body);
}

static BzApiResponse *
post_label (const char *token, GBytes *image, const char *lang, const char *product_name)
{
  g_autoptr(SoupMultipart) mp = soup_multipart_new ("multipart/form-data");
  g_autoptr(SoupMessageHeaders) h = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GBytes) body = NULL;

  if (image)
    soup_multipart_append_form_file (mp, "image", "label.jpg", "image/jpeg", image);
  if (lang)
    soup_multipart_append_form_string (mp, "lang", lang);
  if (product_name)
    soup_multipart_append_form_string (mp, "product_name", product_name);
  soup_multipart_to_message (mp, h, &body);
  return bz_api_call (bz_api_shared (), "POST", "/api/v1/ai/scan-label", token,
                      soup_message_headers_get_one (h, "Content-Type"), g_bytes_get_data (body, NULL),
                      g_bytes_get_size (body), NULL);
}

/* A 5xx expected: the server logs it at WARNING, which g_test makes fatal
 * (as test-oauth-google.c's sign_in_503). */
static BzApiResponse *
post_label_5xx (const char *token, GBytes *image)
{
  GLogLevelFlags mask = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  BzApiResponse *r = post_label (token, image, NULL, NULL);

  g_log_set_always_fatal (mask);
  return r;
}

static void
ensure_member (void)
{
  g_autofree char *patient = NULL, *scan = NULL;

  if (chat_member)
    return;
  test_api_ensure_users ();
  patient = test_api_create_patient (test_api_nutri_token (), "chat-member@test.local", &chat_member);
  scan = g_strdup_printf (test_api_scan_body_fmt, patient);
  {
    g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "POST", "/api/scans/upload", test_api_nutri_token (), scan);
    g_assert_cmpuint (r->status, ==, 201);
  }
}

/* The member's protein left today, rounded, from GET /api/nutrition/daily. */
static char *
protein_left (void)
{
  g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "GET", "/api/nutrition/daily", chat_member, NULL);
  JsonObject *remaining;

  g_assert_cmpuint (r->status, ==, 200);
  remaining = json_object_get_object_member (bz_api_data (r), "remaining");
  g_assert_nonnull (remaining);
  return g_strdup_printf ("%.0f g", round (json_object_get_double_member (remaining, "protein_g")));
}

void
test_ai_chat_local (void)
{
  g_autofree char *left = NULL, *long_body = NULL, *many = NULL;
  g_autoptr(GString) turns = g_string_new ("[");
  gint64 meals = bz_api_count (bz_api_shared (), "meal_logs");

  ensure_member ();
  g_assert_null (bz_integrations_lookup (bz_api_shared ()->services, BZ_CHAT_KIND, BZ_OPENAI_PROVIDER_NAME));
  bz_ai_chat_reset_rate_limit ();
  left = protein_left ();
  /* From the member's own numbers, in Spanish by default, with what it
   * rests on and what to ask next (seed 002 §4.7's sources, related_questions). */
  {
    g_autoptr(BzApiResponse) r = ask (chat_member, "{\"message\":\"¿Cuánta proteína me queda hoy?\"}");
    JsonObject *d;

    g_assert_cmpuint (r->status, ==, 200);
    d = bz_api_data (r);
    g_assert_cmpstr (json_object_get_string_member (d, "provider"), ==, "local");
    g_assert_cmpstr (json_object_get_string_member (d, "source"), ==, "local");
    g_assert_nonnull (strstr (json_object_get_string_member (d, "response"), left));
    g_assert_nonnull (strstr (json_object_get_string_member (d, "response"), "proteína"));
    g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (d, "conversation_id")));
    g_assert_cmpuint (n_strings (d, "sources"), ==, 2);
    g_assert_cmpuint (n_strings (d, "related_questions"), ==, 3);
  }
  /* Another member's answer rests on their own day only: no scan, so no
   * target yet, and nothing of the first member's numbers. */
  {
    g_autofree char *other = NULL, *other_patient = NULL;
    g_autoptr(BzApiResponse) r = NULL;
    const char *text;

    other_patient = test_api_create_patient (test_api_nutri_token (), "chat-other@test.local", &other);
    r = ask (other, "{\"message\":\"¿Cuánta proteína me queda hoy?\"}");
    g_assert_cmpuint (r->status, ==, 200);
    text = json_object_get_string_member (bz_api_data (r), "response");
    g_assert_nonnull (strstr (text, "Aún no tengo tu meta"));
    g_assert_null (strstr (text, left));
  }
  /* The conversation's id answered back; English; no plan said plainly;
   * the seed's "model" role of an earlier answer taken as assistant. */
  {
    g_autoptr(BzApiResponse) r = ask (chat_member, "{\"message\":\"What is for dinner in my plan?\",\"lang\":\"en\","
                                      "\"conversation_id\":\"6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f\","
                                      "\"history\":[{\"role\":\"user\",\"content\":\"hola\"},"
                                      "{\"role\":\"assistant\",\"content\":\"¡Hola!\"},"
                                      "{\"role\":\"user\",\"content\":\"gracias\"},"
                                      "{\"role\":\"model\",\"content\":\"De nada\"}]}");
    JsonObject *d;

    g_assert_cmpuint (r->status, ==, 200);
    d = bz_api_data (r);
    g_assert_cmpstr (json_object_get_string_member (d, "conversation_id"), ==, "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f");
    g_assert_nonnull (strstr (json_object_get_string_member (d, "response"), "no meal plan"));
  }
  /* What it cannot answer, it says so. */
  {
    g_autoptr(BzApiResponse) r = ask (chat_member, "{\"message\":\"¿Puedo comer plátano si tengo diabetes?\"}");
    g_assert_cmpuint (r->status, ==, 200);
    g_assert_nonnull (strstr (json_object_get_string_member (bz_api_data (r), "response"), "No puedo responder"));
    g_assert_cmpuint (n_strings (bz_api_data (r), "sources"), ==, 0);   /* nothing to rest on */
    g_assert_cmpuint (n_strings (bz_api_data (r), "related_questions"), ==, 3);   /* what it can answer */
  }
  /* Refusals. */
  {
    g_autofree char *long_message = g_strnfill (BZ_CHAT_MESSAGE_CHARS_MAX + 1, 'a');
    long_body = g_strdup_printf ("{\"message\":\"%s\"}", long_message);
  }
  for (guint i = 0; i <= BZ_CHAT_TURNS_MAX; i++)
    g_string_append_printf (turns, "%s{\"role\":\"user\",\"content\":\"q\"}", i ? "," : "");
  g_string_append (turns, "]");
  many = g_strdup_printf ("{\"message\":\"hola\",\"history\":%s}", turns->str);
  {
    g_autoptr(BzApiResponse) anon = ask (NULL, "{\"message\":\"hola\"}");
    g_autoptr(BzApiResponse) type = ask (chat_member, "{\"message\":42}");
    g_autoptr(BzApiResponse) none = ask (chat_member, "{}");
    g_autoptr(BzApiResponse) lng = ask (chat_member, long_body);
    g_autoptr(BzApiResponse) hist = ask (chat_member, many);
    g_autoptr(BzApiResponse) role = ask (chat_member, "{\"message\":\"hola\",\"history\":[{\"role\":\"system\",\"content\":\"x\"}]}");

    g_assert_cmpuint (anon->status, ==, 401);
    g_assert_cmpuint (type->status, ==, 400);
    g_assert_true (bz_api_has_detail (type, "message"));
    g_assert_cmpuint (none->status, ==, 400);
    g_assert_true (bz_api_has_detail (none, "message"));
    g_assert_cmpuint (lng->status, ==, 400);
    g_assert_true (bz_api_has_detail (lng, "message"));
    g_assert_cmpuint (hist->status, ==, 400);
    g_assert_true (bz_api_has_detail (hist, "history"));
    g_assert_cmpuint (role->status, ==, 400);
    g_assert_true (bz_api_has_detail (role, "history[0].role"));
  }
  /* The per-user limit: 3 asked above, the rest of the minute's, then 429. */
  for (guint i = 3; i < BZ_CHAT_REQUESTS_PER_MINUTE; i++)
    {
      g_autoptr(BzApiResponse) r = ask (chat_member, "{\"message\":\"¿Cuántas calorías llevo?\"}");
      g_assert_cmpuint (r->status, ==, 200);
    }
  {
    g_autoptr(BzApiResponse) r = ask (chat_member, "{\"message\":\"¿Cuántas calorías llevo?\"}");
    g_assert_cmpuint (r->status, ==, 429);
    g_assert_nonnull (soup_message_headers_get_one (r->headers, "Retry-After"));
  }
  bz_ai_chat_reset_rate_limit ();
  /* A label photo without a label-reading service: 503, type the values in. */
  {
    g_autoptr(GBytes) image = bz_api_jpeg (800, 600, 0x808080ffu);
    g_autoptr(BzApiResponse) r = NULL;
    r = post_label_5xx (chat_member, image);
    g_assert_cmpuint (r->status, ==, 503);
  }
  g_assert_cmpint (bz_api_count (bz_api_shared (), "meal_logs"), ==, meals);
}

void
test_ai_openai (void)
{
  static const char *const chat[] = { "chat", NULL }, *const down[] = { "500", NULL },
                           *const label[] = { "label", NULL }, *const malformed[] = { "malformed", NULL };
  BzApi *api = bz_api_shared ();
  BzFakeOpenAI *fake = bz_fake_openai_start ("gpt-4o-mini", "sk-chat-test");
  BzOpenAISettings settings = { (char *) bz_fake_openai_url (fake), "gpt-4o-mini", "sk-chat-test", 0, 0, 0, TRUE };
  BzOpenAISettings closed = settings;
  g_autoptr(GError) error = NULL;
  g_autofree char *left = NULL;
  BzResilientConfig cfg;

  ensure_member ();
  bz_ai_chat_reset_rate_limit ();
  bz_resilient_config_init (&cfg);
  cfg.max_attempts = 1;
  /* Configured first at a closed port, then again at the fake: the second
   * takes the first's place (else the answers below would be local). */
  closed.base_url = (char *) "http://127.0.0.1:9";
  g_assert_true (bz_integrations_use_openai (api->services, &closed, &cfg, NULL, &error));
  g_test_queue_destroy ((GDestroyNotify) bz_integrations_drop_openai, api->services);   /* for the later tests */
  g_assert_true (bz_integrations_use_openai (api->services, &settings, &cfg, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_health ("chat", "openai"), ==, 1);
  left = protein_left ();
  /* The model's answer relayed; the request carries the seed's instruction,
   * the turns and the member's numbers, not the member's e-mail. */
  bz_fake_openai_script (fake, chat);
  {
    g_autoptr(BzApiResponse) r = ask (chat_member, "{\"message\":\"¿Puedo comer plátano?\","
                                      "\"history\":[{\"role\":\"user\",\"content\":\"hola\"}]}");
    g_autofree char *shape = bz_fake_openai_dup_shape_error (fake), *body = bz_fake_openai_dup_last_body (fake);
    JsonObject *d;

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_null (shape);
    d = bz_api_data (r);
    g_assert_cmpstr (json_object_get_string_member (d, "response"), ==, "Sí, con moderación.");
    g_assert_cmpstr (json_object_get_string_member (d, "provider"), ==, "openai");
    g_assert_cmpstr (json_object_get_string_member (d, "source"), ==, "remote");
    g_assert_cmpuint (n_strings (d, "sources"), ==, 1);
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (d, "sources"), 0), ==, "NOM-043-SSA2-2012");
    g_assert_cmpuint (n_strings (d, "related_questions"), ==, 1);
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (d, "related_questions"), 0), ==,
                     "¿Qué porción?");
    /* The seed's system instruction, the answer's format, the turns and
     * the member's numbers of today. */
    g_assert_nonnull (strstr (body, "asistente virtual de nutrición"));
    g_assert_nonnull (strstr (body, "NUNCA dar diagnósticos médicos"));
    g_assert_nonnull (strstr (body, "related_questions"));
    g_assert_nonnull (strstr (body, "plátano"));
    g_assert_nonnull (strstr (body, "hola"));
    g_assert_nonnull (strstr (body, "Context (JSON)"));   /* the instruction names "remaining" too */
    g_assert_nonnull (strstr (body, "protein_g"));
    g_assert_null (strstr (body, "chat-member@test.local"));
  }
  /* Staff have no day of their own: no numbers go with their question. */
  {
    g_autoptr(BzApiResponse) r = ask (test_api_nutri_token (), "{\"message\":\"¿Qué es el sistema de equivalentes?\"}");
    g_autofree char *body = bz_fake_openai_dup_last_body (fake);

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "source"), ==, "remote");
    g_assert_nonnull (strstr (body, "equivalentes"));
    g_assert_null (strstr (body, "Context (JSON)"));
    g_assert_null (strstr (body, "protein_g"));
  }
  /* The server down: the local answerer, from the member's numbers. */
  bz_fake_openai_script (fake, down);
  {
    g_autoptr(BzApiResponse) r = ask (chat_member, "{\"message\":\"¿Cuánta proteína me queda?\"}");
    JsonObject *d;

    g_assert_cmpuint (r->status, ==, 200);
    d = bz_api_data (r);
    g_assert_cmpuint (bz_fake_openai_requests (fake), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (d, "provider"), ==, "local");
    g_assert_cmpstr (json_object_get_string_member (d, "source"), ==, "local");
    g_assert_nonnull (strstr (json_object_get_string_member (d, "response"), left));
  }
  /* A label photo read by the service, judged per 100 g. */
  bz_fake_openai_script (fake, label);
  {
    g_autoptr(GBytes) image = bz_api_jpeg (800, 600, 0xa0b0c0ffu);
    g_autoptr(BzApiResponse) r = post_label (chat_member, image, "es", NULL);
    JsonObject *d;

    g_assert_cmpuint (r->status, ==, 200);
    d = bz_api_data (r);
    g_assert_cmpstr (json_object_get_string_member (d, "product_name"), ==, "Cereal integral");
    g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (d, "nutrition_per_100g"), "calories"), ==, 367);
    g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (d, "nutrition_per_100g"), "sodium_mg"), ==, 500);
  }
  /* Refusals send nothing; a malformed answer is a clear 502; down is 503. */
  bz_fake_openai_script (fake, malformed);
  {
    g_autoptr(GBytes) text = g_bytes_new_static ("not a photo", 11), image = bz_api_jpeg (800, 600, 0x102030ffu),
                      other = bz_api_jpeg (800, 600, 0x302010ffu);
    g_autoptr(BzApiResponse) anon = post_label (NULL, image, NULL, NULL);
    g_autoptr(BzApiResponse) none = post_label (chat_member, NULL, NULL, NULL);
    g_autoptr(BzApiResponse) lang = post_label (chat_member, image, "fr", NULL);
    g_autoptr(BzApiResponse) garbage = post_label (chat_member, text, NULL, NULL);
    g_autofree char *long_name = g_strnfill (201, 'n');
    g_autoptr(BzApiResponse) named = post_label (chat_member, image, NULL, long_name);
    g_autoptr(BzApiResponse) bad = NULL, gone = NULL;

    g_assert_cmpuint (anon->status, ==, 401);
    g_assert_cmpuint (none->status, ==, 400);
    g_assert_true (bz_api_has_detail (none, "image"));
    g_assert_cmpuint (lang->status, ==, 400);
    g_assert_true (bz_api_has_detail (lang, "lang"));
    g_assert_cmpuint (named->status, ==, 400);
    g_assert_true (bz_api_has_detail (named, "product_name"));
    g_assert_cmpuint (garbage->status, ==, 415);
    g_assert_cmpuint (bz_fake_openai_requests (fake), ==, 0);
    bad = post_label_5xx (chat_member, image);
    g_assert_cmpuint (bad->status, ==, 502);
    g_assert_cmpstr (bz_api_error_code (bad), ==, "UPSTREAM_ERROR");
    bz_fake_openai_script (fake, down);
    gone = post_label_5xx (chat_member, other);
    g_assert_cmpuint (gone->status, ==, 503);
  }
  /* Dropped: nothing is sent any more; the embedded answerer, the photo
   * path 503, and health no longer shows the provider. */
  bz_integrations_drop_openai (api->services);
  bz_fake_openai_script (fake, chat);
  {
    g_autoptr(GBytes) image = bz_api_jpeg (800, 600, 0x405060ffu);
    g_autoptr(BzApiResponse) r = ask (chat_member, "{\"message\":\"¿Cuánta proteína me queda?\"}");
    g_autoptr(BzApiResponse) scan = post_label_5xx (chat_member, image);

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "provider"), ==, "local");
    g_assert_cmpuint (scan->status, ==, 503);
    g_assert_cmpuint (bz_fake_openai_requests (fake), ==, 0);
    g_assert_cmpuint (n_health ("chat", "openai"), ==, 0);
    g_assert_cmpuint (n_health ("label_reading", "openai"), ==, 0);
    g_assert_cmpuint (n_health ("meal_detection", "openai"), ==, 0);
  }
  bz_ai_chat_reset_rate_limit ();
  bz_fake_openai_stop (fake);
}
