/* test-openai-provider.c — the `openai` provider (bz-openai-provider.h)
 * through BzResilient against a fake OpenAI-compatible server
 * (tests/bz-fake-openai.h) that checks each request's shape (model, bearer
 * key, messages, a decodable data URL image within 1024 px) and answers a
 * good detection, malformed content, a schema-breaking detection, 429 with
 * Retry-After, 500s, or too late.  Waits between attempts go through a fake
 * sleep that records them; the deadline is real (300 ms) for the slow case. */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "../bz-fake-openai.h"
#include "bz-openai-image.h"
#include "bz-openai-provider.h"
#include "bz-provider-schemas.h"
#include "bz-resilient.h"

#define MODEL "llava-test"
#define KEY "sk-test-0123456789"

static guint sleeps;
static gint64 slept_ms[8];

static gboolean
record_sleep (gint64 us, GCancellable *cancellable, gpointer data)
{
  if (sleeps < G_N_ELEMENTS (slept_ms))
    slept_ms[sleeps] = us / 1000;
  sleeps++;
  return !g_cancellable_is_cancelled (cancellable);
}

static double half (gpointer data) { return 0.5; }

/* A real JPEG of @w x @h, one colour (@shade varies the bytes, so the cache key). */
static GBytes *
photo (int w, int h, guint8 shade)
{
  g_autoptr(GdkPixbuf) p = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, w, h);
  gchar *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (p, 0x80402000u | ((guint32) shade << 24));
  g_assert_true (gdk_pixbuf_save_to_buffer (p, &buffer, &size, "jpeg", NULL, NULL));
  return g_bytes_new_take (buffer, size);
}

static void
test_image (void)
{
  g_autoptr(GBytes) big = photo (2000, 1500, 1), small = photo (640, 480, 2);
  g_autoptr(GBytes) out = NULL, kept = NULL, garbage = g_bytes_new_static ("not an image", 12);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  int w = 0, h = 0;

  out = bz_openai_image_prepare (big, &w, &h, &error);
  g_assert_no_error (error);
  g_assert_cmpint (w, ==, 1024);
  g_assert_cmpint (h, ==, 768);
  kept = bz_openai_image_prepare (small, &w, &h, &error);
  g_assert_cmpint (w, ==, 640);   /* never scaled up */
  g_assert_cmpint (h, ==, 480);
  url = bz_openai_image_data_url (out);
  g_assert_true (g_str_has_prefix (url, "data:image/jpeg;base64,/9j/"));   /* a JPEG's FF D8 FF */
  g_assert_null (bz_openai_image_prepare (garbage, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_settings (void)
{
  g_autoptr(GKeyFile) f = g_key_file_new ();
  g_auto(BzOpenAISettings) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bz-openai-XXXXXX", NULL);
  g_autofree char *key_path = g_build_filename (dir, "key", NULL);

  g_assert_true (g_file_set_contents (key_path, "  sk-from-file\n", -1, NULL));
  g_assert_true (g_key_file_load_from_data (f,
      "[openai]\nbase_url=http://127.0.0.1:8080/\nmodel=qwen2.5vl\ninput_mxn_per_mtok=3\noutput_mxn_per_mtok=12\n"
      "monthly_budget_mxn=200\n", -1, 0, NULL));
  g_key_file_set_string (f, "openai", "api_key_file", key_path);
  g_assert_true (bz_openai_settings_load (&s, f, "openai", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (s.base_url, ==, "http://127.0.0.1:8080");
  g_assert_cmpstr (s.api_key, ==, "sk-from-file");
  g_assert_true (s.json_mode);
  g_assert_cmpfloat_with_epsilon (s.monthly_budget_mxn, 200, 1e-9);
  /* 1,000,000 prompt tokens at 3 MXN and 500,000 completion tokens at 12 MXN a million. */
  g_assert_cmpfloat_with_epsilon (bz_openai_cost_mxn (&s, 1000000, 500000), 9.0, 1e-9);
  bz_openai_settings_clear (&s);

  /* Without a key file, the environment's key. */
  g_key_file_remove_key (f, "openai", "api_key_file", NULL);
  g_setenv (BZ_OPENAI_KEY_ENV, "sk-from-env", TRUE);
  g_assert_true (bz_openai_settings_load (&s, f, "openai", &error));
  g_assert_cmpstr (s.api_key, ==, "sk-from-env");
  g_unsetenv (BZ_OPENAI_KEY_ENV);
  bz_openai_settings_clear (&s);

  /* A key written in the file itself is refused; so are a bad URL and a negative price. */
  g_key_file_set_string (f, "openai", "api_key", "sk-plain");
  g_assert_false (bz_openai_settings_load (&s, f, "openai", &error));
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE);
  g_assert_null (s.api_key);
  g_clear_error (&error);
  g_key_file_remove_key (f, "openai", "api_key", NULL);
  g_key_file_set_string (f, "openai", "base_url", "ftp://example.org");
  g_assert_false (bz_openai_settings_load (&s, f, "openai", &error));
  g_clear_error (&error);
  g_key_file_set_string (f, "openai", "base_url", "http://127.0.0.1:8080");
  g_key_file_set_string (f, "openai", "input_mxn_per_mtok", "-1");
  g_assert_false (bz_openai_settings_load (&s, f, "openai", &error));
  g_clear_error (&error);
  g_assert_false (bz_openai_settings_load (&s, f, "absent", &error));
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND);
  g_unlink (key_path);
  g_rmdir (dir);
}

static void
test_schemas (void)
{
  static const char *const bad[] = {
    "[]",
    "{\"provider\":\"openai\"}",
    "{\"provider\":\"openai\",\"foods\":[{\"name\":\"\",\"grams\":10,\"confidence\":0.5}]}",
    "{\"provider\":\"openai\",\"foods\":[{\"name\":\"x\",\"grams\":0,\"confidence\":0.5}]}",
    "{\"provider\":\"openai\",\"foods\":[{\"name\":\"x\",\"grams\":10,\"confidence\":1.5}]}",
    "{\"provider\":\"openai\",\"foods\":[{\"name\":\"x\",\"grams\":10,\"confidence\":0.5,\"ndb_no\":\"abc\"}]}",
    "{\"provider\":\"openai\",\"foods\":[{\"name\":\"x\",\"grams\":10,\"confidence\":0.5,\"energy_kcal\":91}]}",
    "{\"provider\":\"openai\",\"foods\":[{\"name\":\"x\",\"grams\":10,\"confidence\":0.5,\"fat_g\":11}]}",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) n = json_from_string (bad[i], NULL);
      g_assert_false (bz_meal_detection_validate (n, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_clear_error (&error);
    }
  {
    g_autoptr(JsonNode) ok = json_from_string ("{\"provider\":\"openai\",\"foods\":[{\"name\":\"x\",\"grams\":10,"
                                               "\"confidence\":0.5,\"ndb_no\":\"20045\",\"energy_kcal\":90}],"
                                               "\"total\":{\"energy_kcal\":90}}", NULL);
    g_autoptr(JsonNode) label = json_from_string ("{\"provider\":\"openai\",\"per_100g\":{\"energy_kcal\":100,"
                                                  "\"protein_g\":1,\"carbohydrate_g\":10,\"sugar_g\":11,\"fat_g\":1}}", NULL);
    g_autoptr(JsonNode) chat = json_from_string ("{\"provider\":\"openai\",\"reply\":\"\"}", NULL);
    g_assert_true (bz_meal_detection_validate (ok, &error));
    g_assert_false (bz_label_answer_validate (label, &error));   /* sugar above the carbohydrates */
    g_clear_error (&error);
    g_assert_false (bz_chat_answer_validate (chat, &error));     /* an empty reply */
    g_clear_error (&error);
  }
}

static JsonNode *
detect (BzResilient *r, BzProviderCall *call, const char *key, BzResilientSource *src, GError **error)
{
  BzResilientRequest req = { "/v1/chat/completions", key, bz_provider_call_detect, call, NULL, NULL };
  return bz_resilient_call (r, &req, NULL, src, error);
}

static void
test_provider (void)
{
  static const char *const good[] = { "detect", NULL }, *const malformed[] = { "malformed", NULL },
                           *const schema[] = { "schema", NULL }, *const limited[] = { "429", "detect", NULL },
                           *const down[] = { "500", NULL }, *const slow[] = { "slow", NULL },
                           *const chat[] = { "chat", NULL }, *const label[] = { "label", NULL };
  BzFakeOpenAI *fake = bz_fake_openai_start (MODEL, KEY);
  BzOpenAISettings settings = { (char *) bz_fake_openai_url (fake), MODEL, KEY, 20.0, 80.0, 0, TRUE };
  g_autoptr(BzOpenAIProvider) provider = bz_openai_provider_new (&settings);
  g_autoptr(GBytes) image = photo (2000, 1500, 3);
  g_autoptr(JsonObject) request = json_object_new ();
  g_autoptr(GError) error = NULL;
  BzResilientClock clock = { NULL, record_sleep, half, NULL };
  BzProviderCall call = { provider, request, image };
  BzResilientSource src;
  BzResilientConfig cfg;
  g_autofree char *shape = NULL;

  g_assert_null (bz_openai_provider_new (&(BzOpenAISettings) { "file:///x", MODEL, NULL, 0, 0, 0, TRUE }));
  g_assert_cmpstr (bz_meal_detector_get_name (BZ_MEAL_DETECTOR (provider)), ==, "openai");
  json_object_set_string_member (request, "meal_type", "lunch");
  json_object_set_string_member (request, "locale", "es-MX");
  bz_resilient_config_init (&cfg);
  cfg.breaker_failures = 3;

  /* A good detection: the request's shape holds, the answer passes the
   * schema, its cost is the usage's tokens at the prices: 1000 x 20 / 10^6 +
   * 200 x 80 / 10^6 = 0.036 MXN. */
  {
    g_autoptr(BzResilient) r = bz_resilient_new ("meal_detection", "openai", &cfg, &clock);
    g_autoptr(JsonNode) a = NULL;
    g_autofree char *body = NULL;
    JsonObject *o;
    BzResilientStats s;

    bz_resilient_set_validator (r, bz_meal_detection_validate);
    bz_fake_openai_script (fake, good);
    a = detect (r, &call, "k1", &src, &error);
    g_assert_no_error (error);
    g_assert_cmpint (src, ==, BZ_RESILIENT_REMOTE);
    shape = bz_fake_openai_dup_shape_error (fake);
    g_assert_cmpstr (shape, ==, NULL);
    g_assert_cmpint (bz_fake_openai_image_width (fake), ==, 1024);
    body = bz_fake_openai_dup_last_body (fake);
    g_assert_nonnull (strstr (body, "\"response_format\":{\"type\":\"json_object\"}"));
    g_assert_nonnull (strstr (body, "Spanish (Mexico)"));
    o = json_node_get_object (a);
    g_assert_cmpstr (json_object_get_string_member (o, "provider"), ==, "openai");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "foods")), ==, 2);
    /* The total is the foods' estimates summed: 195 + 160 kcal. */
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (o, "total"),
                                                                  "energy_kcal"), 355, 1e-9);
    bz_resilient_get_stats (r, &s);
    g_assert_cmpfloat_with_epsilon (s.quota_cost_used, 0.036, 1e-9);
    bz_resilient_stats_clear (&s);

    /* Malformed content: one request, not retried; k1's last good answer
     * is served, and a key without one ends in manual entry. */
    bz_fake_openai_script (fake, malformed);
    g_clear_pointer (&a, json_node_unref);
    a = detect (r, &call, "k1", &src, &error);
    g_assert_no_error (error);
    g_assert_cmpint (src, ==, BZ_RESILIENT_CACHED);
    g_assert_cmpuint (bz_fake_openai_requests (fake), ==, 1);
    g_assert_null (detect (r, &call, "k2", &src, &error));
    g_assert_error (error, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_MANUAL_ENTRY);
    g_assert_nonnull (strstr (error->message, "not a JSON object"));
    g_clear_error (&error);
    g_assert_cmpuint (bz_fake_openai_requests (fake), ==, 2);

    /* A detection that breaks the schema (negative grams): not used. */
    bz_fake_openai_script (fake, schema);
    g_assert_null (detect (r, &call, "k3", &src, &error));
    g_assert_error (error, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_MANUAL_ENTRY);
    g_assert_nonnull (strstr (error->message, "schema"));
    g_clear_error (&error);
    g_assert_cmpuint (bz_fake_openai_requests (fake), ==, 1);
  }

  /* 429 with Retry-After: 3: retried after 3 s (longer than the jitter), then answered. */
  {
    g_autoptr(BzResilient) r = bz_resilient_new ("meal_detection", "openai", &cfg, &clock);
    g_autoptr(JsonNode) a = NULL;

    bz_resilient_set_validator (r, bz_meal_detection_validate);
    bz_fake_openai_script (fake, limited);
    sleeps = 0;
    a = detect (r, &call, "k4", &src, &error);
    g_assert_no_error (error);
    g_assert_cmpint (src, ==, BZ_RESILIENT_REMOTE);
    g_assert_cmpuint (bz_fake_openai_requests (fake), ==, 2);
    g_assert_cmpuint (sleeps, ==, 1);
    g_assert_cmpint (slept_ms[0], ==, 3000);
  }

  /* 500s: 3 attempts, the breaker opens (3 failures); the next call makes
   * no request at all; both end in manual entry (no cache, no local). */
  {
    g_autoptr(BzResilient) r = bz_resilient_new ("meal_detection", "openai", &cfg, &clock);
    BzResilientStats s;

    bz_resilient_set_validator (r, bz_meal_detection_validate);
    bz_fake_openai_script (fake, down);
    g_assert_null (detect (r, &call, "k5", &src, &error));
    g_assert_error (error, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_MANUAL_ENTRY);
    g_clear_error (&error);
    g_assert_cmpuint (bz_fake_openai_requests (fake), ==, 3);
    bz_resilient_get_stats (r, &s);
    g_assert_cmpint (s.breaker, ==, BZ_BREAKER_OPEN);
    g_assert_cmpstr (bz_resilient_health (&s), ==, "down");
    bz_resilient_stats_clear (&s);
    g_assert_null (detect (r, &call, "k5", &src, &error));
    g_assert_error (error, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_MANUAL_ENTRY);
    g_assert_nonnull (strstr (error->message, "open"));
    g_clear_error (&error);
    g_assert_cmpuint (bz_fake_openai_requests (fake), ==, 3);
  }

  /* An answer 3 s late, past a 300 ms deadline: TIMEOUT, manual entry. */
  {
    g_autoptr(BzResilient) r = NULL;
    BzResilientConfig quick = cfg;
    BzResilientStats s;

    quick.deadline_ms = 300;
    quick.max_attempts = 1;
    r = bz_resilient_new ("meal_detection", "openai", &quick, &clock);
    bz_resilient_set_validator (r, bz_meal_detection_validate);
    bz_fake_openai_script (fake, slow);
    g_assert_null (detect (r, &call, "k6", &src, &error));
    g_assert_error (error, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_MANUAL_ENTRY);
    g_clear_error (&error);
    bz_resilient_get_stats (r, &s);
    g_assert_nonnull (strstr (s.last_error, "deadline"));
    bz_resilient_stats_clear (&s);
  }

  /* The monthly budget, checked before each call (its cost is known only
   * after it): 0.03 MXN admits one call of 0.036, then none: the same
   * request is served from the cache, another is left to manual entry. */
  {
    g_autoptr(BzResilient) r = NULL;
    g_autoptr(JsonNode) a = NULL;
    BzResilientConfig budget = cfg;

    budget.monthly_cost = 0.03;
    r = bz_resilient_new ("meal_detection", "openai", &budget, &clock);
    bz_resilient_set_validator (r, bz_meal_detection_validate);
    bz_fake_openai_script (fake, good);
    a = detect (r, &call, "k7", &src, &error);
    g_assert_no_error (error);
    g_clear_pointer (&a, json_node_unref);
    a = detect (r, &call, "k7", &src, &error);   /* the cache serves it */
    g_assert_cmpint (src, ==, BZ_RESILIENT_CACHED);
    g_assert_null (detect (r, &call, "k8", &src, &error));
    g_assert_error (error, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_MANUAL_ENTRY);
    g_assert_nonnull (strstr (error->message, "quota"));
    g_clear_error (&error);
    g_assert_cmpuint (bz_fake_openai_requests (fake), ==, 1);
  }

  /* Chat: the system instruction, the context and the turns go out; the reply passes its schema. */
  {
    g_autoptr(BzResilient) r = bz_resilient_new ("chat", "openai", &cfg, &clock);
    g_autoptr(JsonObject) q = json_object_new ();
    g_autoptr(JsonArray) turns = json_array_new ();
    g_autoptr(JsonNode) a = NULL;
    g_autofree char *body = NULL;
    JsonObject *turn = json_object_new (), *context = json_object_new ();
    BzProviderCall c = { provider, q, NULL };
    BzResilientRequest req = { "/v1/chat/completions", NULL, bz_provider_call, &c, NULL, NULL };

    json_object_set_string_member (turn, "role", "user");
    json_object_set_string_member (turn, "content", "¿Puedo comer plátano?");
    json_array_add_object_element (turns, turn);
    json_object_set_int_member (context, "energy_kcal_target", 1800);
    json_object_set_string_member (q, "system", "Eres un asistente de nutrición.");
    json_object_set_array_member (q, "messages", json_array_ref (turns));
    json_object_set_object_member (q, "context", context);
    bz_resilient_set_validator (r, bz_chat_answer_validate);
    bz_fake_openai_script (fake, chat);
    a = bz_resilient_call (r, &req, NULL, &src, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (a), "reply"), ==, "Sí, con moderación.");
    body = bz_fake_openai_dup_last_body (fake);
    g_assert_nonnull (strstr (body, "Eres un asistente"));
    g_assert_nonnull (strstr (body, "energy_kcal_target"));
    g_assert_nonnull (strstr (body, "plátano"));
    g_assert_null (strstr (body, "image_url"));
  }

  /* A label, fenced in ```json by the model: per 100 g, validated. */
  {
    g_autoptr(BzResilient) r = bz_resilient_new ("label_reading", "openai", &cfg, &clock);
    g_autoptr(JsonNode) a = NULL;
    BzResilientRequest req = { "/v1/chat/completions", NULL, bz_openai_call_read_label, &call, NULL, NULL };

    bz_resilient_set_validator (r, bz_label_answer_validate);
    bz_fake_openai_script (fake, label);
    a = bz_resilient_call (r, &req, NULL, &src, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (json_node_get_object (a),
                                                                                    "per_100g"), "energy_kcal"), ==, 367);
    g_assert_cmpint (bz_fake_openai_image_width (fake), ==, 1024);
  }

  g_clear_pointer (&shape, g_free);
  shape = bz_fake_openai_dup_shape_error (fake);
  g_assert_cmpstr (shape, ==, NULL);   /* every request had the expected shape */
  bz_fake_openai_stop (fake);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/integrations/openai/image", test_image);
  g_test_add_func ("/integrations/openai/settings", test_settings);
  g_test_add_func ("/integrations/openai/schemas", test_schemas);
  g_test_add_func ("/integrations/openai/provider", test_provider);
  return g_test_run ();
}
