/* bz-fake-openai.c — a fake OpenAI-compatible server (see bz-fake-openai.h). */
#include "bz-fake-openai.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "bz-fake-http.h"
#include "bz-openai-image.h"

struct _BzFakeOpenAI
{
  GMutex lock;
  char *model, *key;
  const char *const *script;
  guint requests;
  char *shape_error;
  char *last_body;
  int image_width;
  BzFakeHttp *http;
};

static const char detect_content[] =
  "{\"foods\":[{\"name\":\"Arroz blanco\",\"search\":\"rice white cooked\",\"grams\":150,\"confidence\":0.9,"
  "\"energy_kcal\":195,\"protein_g\":4,\"carbohydrate_g\":42,\"fat_g\":0.4},"
  "{\"name\":\"Frijoles negros\",\"search\":\"beans black mature seeds cooked\",\"grams\":120,\"confidence\":0.8,"
  "\"energy_kcal\":160,\"protein_g\":10.6,\"carbohydrate_g\":28.6,\"fat_g\":0.6}]}";
static const char label_content[] =
  "```json\n{\"product_name\":\"Cereal integral\",\"brand\":null,\"serving_size_g\":30,\"per_100g\":{\"energy_kcal\":367,"
  "\"protein_g\":6.7,\"carbohydrate_g\":80,\"sugar_g\":26.7,\"fat_g\":3.3,\"saturated_fat_g\":1.7,\"fiber_g\":10,"
  "\"sodium_mg\":500}}\n```";
static const char chat_content[] =
  "{\"reply\":\"Sí, con moderación.\",\"sources\":[\"NOM-043-SSA2-2012\"],\"related_questions\":[\"¿Qué porción?\"]}";
/* A Mexican plate (test-recognize-food.c): two foods given by NDB number,
 * one by English search words only, and one Balanza does not have (an NDB
 * number SR28 lacks and a name the food search does not find). */
static const char plate_content[] =
  "{\"foods\":[{\"name\":\"Tortillas de maíz\",\"ndb_no\":\"18363\",\"grams\":90,\"confidence\":0.95,"
  "\"energy_kcal\":195,\"protein_g\":5,\"carbohydrate_g\":40,\"fat_g\":2.5},"
  "{\"name\":\"Pechuga de pollo asada\",\"ndb_no\":\"05064\",\"grams\":120,\"confidence\":0.85,"
  "\"energy_kcal\":198,\"protein_g\":37,\"carbohydrate_g\":0,\"fat_g\":4.3},"
  "{\"name\":\"Salsa roja\",\"search\":\"sauce salsa ready-to-serve\",\"grams\":60,\"confidence\":0.7,"
  "\"energy_kcal\":20,\"protein_g\":1,\"carbohydrate_g\":4,\"fat_g\":0.1},"
  "{\"name\":\"Xoconostlitos zzq\",\"ndb_no\":\"99999\",\"search\":\"xoconostlitos zzq\",\"grams\":30,"
  "\"confidence\":0.5,\"energy_kcal\":100,\"protein_g\":14,\"carbohydrate_g\":3,\"fat_g\":3.5}]}";
static const char schema_content[] = "{\"foods\":[{\"name\":\"Arroz\",\"grams\":-5,\"confidence\":0.9}]}";

static void
shape_error (BzFakeOpenAI *self, const char *why)
{
  if (self->shape_error == NULL)
    self->shape_error = g_strdup (why);
}

/* Checks one image part; records its width. */
static void
check_image (BzFakeOpenAI *self, JsonObject *part)
{
  static const char prefix[] = "data:image/jpeg;base64,";
  JsonObject *u = json_object_has_member (part, "image_url") ? json_object_get_object_member (part, "image_url") : NULL;
  const char *url = u ? json_object_get_string_member_with_default (u, "url", "") : "";
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autofree guchar *jpeg = NULL;
  gsize len = 0;
  GdkPixbuf *pixbuf;

  if (!g_str_has_prefix (url, prefix))
    return shape_error (self, "image_url is not a data:image/jpeg;base64 URL");
  jpeg = g_base64_decode (url + strlen (prefix), &len);
  if (len == 0 || !gdk_pixbuf_loader_write (loader, jpeg, len, NULL) || !gdk_pixbuf_loader_close (loader, NULL) ||
      !(pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)))
    return shape_error (self, "the image does not decode");
  if (gdk_pixbuf_get_width (pixbuf) > BZ_OPENAI_IMAGE_MAX_PX || gdk_pixbuf_get_height (pixbuf) > BZ_OPENAI_IMAGE_MAX_PX)
    return shape_error (self, "the image is larger than BZ_OPENAI_IMAGE_MAX_PX");
  self->image_width = gdk_pixbuf_get_width (pixbuf);
}

static void
check_shape (BzFakeOpenAI *self, SoupServerMessage *msg, const char *path)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");
  g_autofree char *bearer = g_strconcat ("Bearer ", self->key, NULL);
  g_autoptr(JsonNode) root = json_from_string (body->data ? body->data : "", NULL);
  JsonObject *o = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonArray *messages;

  g_free (self->last_body);
  self->last_body = g_strndup (body->data, body->length);
  if (g_strcmp0 (soup_server_message_get_method (msg), "POST") != 0 || g_strcmp0 (path, "/v1/chat/completions") != 0)
    return shape_error (self, "not POST /v1/chat/completions");
  if (g_strcmp0 (auth, bearer) != 0)
    return shape_error (self, "no or wrong bearer token");
  if (o == NULL || g_strcmp0 (json_object_get_string_member_with_default (o, "model", ""), self->model) != 0)
    return shape_error (self, "no or wrong model");
  if (!json_object_has_member (o, "messages") || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "messages")) ||
      json_array_get_length (json_object_get_array_member (o, "messages")) == 0)
    return shape_error (self, "no messages");
  messages = json_object_get_array_member (o, "messages");
  for (guint i = 0; i < json_array_get_length (messages); i++)
    {
      JsonObject *m = json_array_get_object_element (messages, i);
      JsonNode *content = json_object_get_member (m, "content");
      if (!json_object_has_member (m, "role") || content == NULL)
        return shape_error (self, "a message without role or content");
      if (JSON_NODE_HOLDS_ARRAY (content))
        for (guint k = 0; k < json_array_get_length (json_node_get_array (content)); k++)
          {
            JsonObject *part = json_array_get_object_element (json_node_get_array (content), k);
            if (g_strcmp0 (json_object_get_string_member_with_default (part, "type", ""), "image_url") == 0)
              check_image (self, part);
          }
    }
}

static void
answer (SoupServerMessage *msg, const char *content)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, "chatcmpl-fake");
  json_builder_set_member_name (b, "object");
  json_builder_add_string_value (b, "chat.completion");
  json_builder_set_member_name (b, "choices");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "index");
  json_builder_add_int_value (b, 0);
  json_builder_set_member_name (b, "message");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "role");
  json_builder_add_string_value (b, "assistant");
  json_builder_set_member_name (b, "content");
  json_builder_add_string_value (b, content);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "finish_reason");
  json_builder_add_string_value (b, "stop");
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "usage");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "prompt_tokens");
  json_builder_add_int_value (b, 1000);
  json_builder_set_member_name (b, "completion_tokens");
  json_builder_add_int_value (b, 200);
  json_builder_end_object (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, FALSE);
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, strlen (text));
}

static gboolean
answer_late (gpointer data)
{
  SoupServerMessage *msg = data;
  answer (msg, detect_content);
  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

static void
serve (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  BzFakeOpenAI *self = data;
  const char *what;
  gboolean bad;
  guint n = 0;

  g_mutex_lock (&self->lock);
  while (self->script[n + 1] && n < self->requests)
    n++;
  what = self->script[n];
  self->requests++;
  bad = self->shape_error != NULL;
  check_shape (self, msg, path);
  bad = !bad && self->shape_error != NULL;
  g_mutex_unlock (&self->lock);

  if (bad)
    soup_server_message_set_status (msg, 400, NULL);
  else if (g_str_equal (what, "detect"))
    answer (msg, detect_content);
  else if (g_str_equal (what, "plate"))
    answer (msg, plate_content);
  else if (g_str_equal (what, "label"))
    answer (msg, label_content);
  else if (g_str_equal (what, "chat"))
    answer (msg, chat_content);
  else if (g_str_equal (what, "malformed"))
    answer (msg, "Here are the foods: rice, beans");
  else if (g_str_equal (what, "schema"))
    answer (msg, schema_content);
  else if (g_str_equal (what, "429"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "3");
      soup_server_message_set_status (msg, 429, NULL);
    }
  else if (g_str_equal (what, "slow"))
    {
      GSource *late = g_timeout_source_new (3000);
      soup_server_message_pause (msg);
      g_source_set_callback (late, answer_late, g_object_ref (msg), g_object_unref);
      g_source_attach (late, bz_fake_http_context (self->http));
      g_source_unref (late);
    }
  else
    soup_server_message_set_status (msg, (guint) g_ascii_strtoull (what, NULL, 10), NULL);
}

BzFakeOpenAI *
bz_fake_openai_start (const char *model, const char *api_key)
{
  static const char *const detect[] = { "detect", NULL };
  BzFakeOpenAI *self = g_new0 (BzFakeOpenAI, 1);

  g_mutex_init (&self->lock);
  self->model = g_strdup (model);
  self->key = g_strdup (api_key);
  self->script = detect;
  self->http = bz_fake_http_start ("fake-openai", serve, self);
  return self;
}

const char *bz_fake_openai_url (BzFakeOpenAI *self) { return bz_fake_http_url (self->http); }

void
bz_fake_openai_script (BzFakeOpenAI *self, const char *const *script)
{
  g_mutex_lock (&self->lock);
  self->script = script;
  self->requests = 0;
  g_mutex_unlock (&self->lock);
}

guint
bz_fake_openai_requests (BzFakeOpenAI *self)
{
  guint n;
  g_mutex_lock (&self->lock);
  n = self->requests;
  g_mutex_unlock (&self->lock);
  return n;
}

char *
bz_fake_openai_dup_shape_error (BzFakeOpenAI *self)
{
  char *s;
  g_mutex_lock (&self->lock);
  s = g_strdup (self->shape_error);
  g_mutex_unlock (&self->lock);
  return s;
}

int
bz_fake_openai_image_width (BzFakeOpenAI *self)
{
  int w;
  g_mutex_lock (&self->lock);
  w = self->image_width;
  self->image_width = 0;
  g_mutex_unlock (&self->lock);
  return w;
}

char *
bz_fake_openai_dup_last_body (BzFakeOpenAI *self)
{
  char *s;
  g_mutex_lock (&self->lock);
  s = g_strdup (self->last_body);
  g_mutex_unlock (&self->lock);
  return s;
}

void
bz_fake_openai_stop (BzFakeOpenAI *self)
{
  bz_fake_http_stop (self->http);
  g_mutex_clear (&self->lock);
  g_free (self->model);
  g_free (self->key);
  g_free (self->shape_error);
  g_free (self->last_body);
  g_free (self);
}
