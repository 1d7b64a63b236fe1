/* bz-http-provider.c — the `http` provider (see bz-http-provider.h). */
#include "bz-http-provider.h"

#include <libsoup/soup.h>
#include <string.h>

#include "bz-avatar-provider.h"
#include "bz-json.h"
#include "bz-limits.h"

struct _BzHttpProvider
{
  GObject parent_instance;
  char *base_url;
  char *api_key;
};

static void diet_iface_init (BzDietPlannerInterface *iface);
static void workout_iface_init (BzWorkoutPlannerInterface *iface);
static void chat_iface_init (BzChatProviderInterface *iface);
static void avatar_iface_init (BzAvatarProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BzHttpProvider, bz_http_provider, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BZ_TYPE_DIET_PLANNER, diet_iface_init)
                               G_IMPLEMENT_INTERFACE (BZ_TYPE_WORKOUT_PLANNER, workout_iface_init)
                               G_IMPLEMENT_INTERFACE (BZ_TYPE_CHAT_PROVIDER, chat_iface_init)
                               G_IMPLEMENT_INTERFACE (BZ_TYPE_AVATAR_PROVIDER, avatar_iface_init))

static void
bz_http_provider_finalize (GObject *object)
{
  BzHttpProvider *self = BZ_HTTP_PROVIDER (object);

  g_free (self->base_url);
  if (self->api_key)
    memset (self->api_key, 0, strlen (self->api_key));
  g_free (self->api_key);
  G_OBJECT_CLASS (bz_http_provider_parent_class)->finalize (object);
}

static void
bz_http_provider_class_init (BzHttpProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bz_http_provider_finalize;
}

static void
bz_http_provider_init (BzHttpProvider *self)
{
}

BzHttpProvider *
bz_http_provider_new (const char *base_url, const char *api_key)
{
  g_autoptr(GUri) uri = base_url ? g_uri_parse (base_url, SOUP_HTTP_URI_FLAGS, NULL) : NULL;
  BzHttpProvider *self;

  if (uri == NULL || (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    return NULL;
  self = g_object_new (BZ_TYPE_HTTP_PROVIDER, NULL);
  self->base_url = g_strdup (base_url);
  while (g_str_has_suffix (self->base_url, "/"))
    self->base_url[strlen (self->base_url) - 1] = '\0';
  self->api_key = g_strdup (api_key);
  return self;
}

static const char *diet_name (BzDietPlanner *self) { return "http"; }
static const char *workout_name (BzWorkoutPlanner *self) { return "http"; }
static const char *chat_name (BzChatProvider *self) { return "http"; }
static const char *avatar_name (BzAvatarProvider *self) { return "http"; }

/* The body of @stream, at most @max bytes; %NULL with @error when longer
 * (BAD_RESPONSE) or when reading fails (the transport's error). */
static GBytes *
read_bounded (GInputStream *stream, gsize max, GCancellable *cancellable, GError **error)
{
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  guint8 chunk[16384];

  for (;;)
    {
      g_autoptr(GError) local = NULL;
      gssize n = g_input_stream_read (stream, chunk, sizeof chunk, cancellable, &local);
      if (n < 0)
        {
          g_propagate_error (error, bz_integration_error_from_transport ("http", local));
          return NULL;
        }
      if (n == 0)
        break;
      if (buf->len + (gsize) n > max)
        {
          g_propagate_error (error, bz_integration_error_new ("http", BZ_INTEGRATION_ERROR_BAD_RESPONSE, 200, FALSE, 0,
                                                              "The answer is longer than %" G_GSIZE_FORMAT " bytes", max));
          return NULL;
        }
      g_byte_array_append (buf, chunk, n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buf));
}

/* POSTs @request as JSON to @path; the 2xx answer's body, at most @max
 * bytes, and its cost; a failure as an IntegrationError. */
static GBytes *
post (BzHttpProvider *self, const char *path, JsonObject *request, gsize max, double *out_cost,
      GCancellable *cancellable, GError **error)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (self->base_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(JsonNode) body = json_node_init_object (json_node_alloc (), request);
  char *text = json_to_string (body, FALSE);
  g_autoptr(GBytes) out = g_bytes_new_take (text, strlen (text));
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GError) local = NULL;
  SoupMessageHeaders *headers;
  const char *cost;
  guint status;

  if (msg == NULL)
    {
      g_propagate_error (error, bz_integration_error_new ("http", BZ_INTEGRATION_ERROR_INVALID_REQUEST, 0, FALSE, 0,
                                                          "Not a URL: %s", url));
      return NULL;
    }
  soup_session_set_user_agent (session, "Balanza");
  soup_message_set_request_body_from_bytes (msg, "application/json", out);
  if (self->api_key)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", self->api_key, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", bearer);
    }
  in = soup_session_send (session, msg, cancellable, &local);
  if (in == NULL)
    {
      g_propagate_error (error, bz_integration_error_from_transport ("http", local));
      return NULL;
    }
  status = soup_message_get_status (msg);
  headers = soup_message_get_response_headers (msg);
  if (status < 200 || status >= 300)
    {
      g_propagate_error (error, bz_integration_error_from_http ("http", status,
                                                                soup_message_headers_get_one (headers, "Retry-After"),
                                                                g_get_real_time () / G_USEC_PER_SEC,
                                                                soup_message_get_reason_phrase (msg)));
      return NULL;
    }
  cost = soup_message_headers_get_one (headers, BZ_HTTP_PROVIDER_COST_HEADER);
  if (cost && out_cost)
    {
      double c = g_ascii_strtod (cost, NULL);
      *out_cost = c > 0 && c < 1e6 ? c : 0;   /* a nonsense figure counts nothing */
    }
  return read_bounded (in, max, cancellable, error);
}

static JsonNode *
post_json (BzHttpProvider *self, const char *path, JsonObject *request, double *out_cost,
           GCancellable *cancellable, GError **error)
{
  static const BzJsonLimits limits = { BZ_HTTP_PROVIDER_MAX_BYTES, 32, 10000, 64 * 1024 };
  g_autoptr(GBytes) in = post (self, path, request, BZ_HTTP_PROVIDER_MAX_BYTES, out_cost, cancellable, error);
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonNode) answer = NULL;

  if (in == NULL)
    return NULL;
  answer = bz_json_parse (g_bytes_get_data (in, NULL), g_bytes_get_size (in), &limits, NULL, &local);
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      g_propagate_error (error, bz_integration_error_new ("http", BZ_INTEGRATION_ERROR_BAD_RESPONSE, 200, FALSE, 0,
                                                          "The answer is not a JSON object%s%s", local ? ": " : "",
                                                          local ? local->message : ""));
      return NULL;
    }
  return g_steal_pointer (&answer);
}

static JsonNode *
diet_plan (BzDietPlanner *self, JsonObject *request, double *out_cost, GCancellable *c, GError **error)
{
  return post_json (BZ_HTTP_PROVIDER (self), "/diet-plans", request, out_cost, c, error);
}

static JsonNode *
workout_plan (BzWorkoutPlanner *self, JsonObject *request, double *out_cost, GCancellable *c, GError **error)
{
  return post_json (BZ_HTTP_PROVIDER (self), "/workout-plans", request, out_cost, c, error);
}

static JsonNode *
chat_complete (BzChatProvider *self, JsonObject *request, double *out_cost, GCancellable *c, GError **error)
{
  return post_json (BZ_HTTP_PROVIDER (self), "/chat", request, out_cost, c, error);
}

static void
diet_iface_init (BzDietPlannerInterface *iface)
{
  iface->get_name = diet_name;
  iface->plan = diet_plan;
}

static void
workout_iface_init (BzWorkoutPlannerInterface *iface)
{
  iface->get_name = workout_name;
  iface->plan = workout_plan;
}

static void
chat_iface_init (BzChatProviderInterface *iface)
{
  iface->get_name = chat_name;
  iface->complete = chat_complete;
}

/* The measurements of seed 000 story 4.4 as the 3D-scanning contract sends them. */
static JsonObject *
measurements_json (const BzBodyMeasurements *m)
{
  JsonObject *o = json_object_new ();
  JsonObject *c = json_object_new ();
  const struct { const char *name; double value; } circ[] = {
    { "neck", m->neck_cm }, { "chest", m->chest_cm }, { "waist", m->waist_cm }, { "hip", m->hip_cm },
    { "arm", m->arm_cm }, { "thigh", m->thigh_cm }, { "calf", m->calf_cm },
  };

  json_object_set_string_member (o, "sex", m->sex == BZ_SEX_MALE ? "male" : "female");
  json_object_set_double_member (o, "age_years", m->age_years);
  json_object_set_double_member (o, "height_cm", m->height_cm);
  json_object_set_double_member (o, "weight_kg", m->weight_kg);
  if (m->body_fat_percent > 0)
    json_object_set_double_member (o, "body_fat_percent", m->body_fat_percent);
  if (m->skeletal_muscle_mass_kg > 0)
    json_object_set_double_member (o, "skeletal_muscle_mass_kg", m->skeletal_muscle_mass_kg);
  for (guint i = 0; i < G_N_ELEMENTS (circ); i++)
    if (circ[i].value > 0)
      json_object_set_double_member (c, circ[i].name, circ[i].value);
  json_object_set_object_member (o, "circumferences_cm", c);
  return o;
}

static GBytes *
avatar_generate (BzAvatarProvider *self, const BzBodyMeasurements *m, BzAvatarInfo *out_info,
                 GCancellable *cancellable, GError **error)
{
  g_autoptr(JsonObject) request = measurements_json (m);

  /* The GLB is checked by the caller (bz_gltf_read_glb()) before it is kept. */
  return post (BZ_HTTP_PROVIDER (self), "/3d-scan", request, BZ_AVATAR_GLB_MAX_BYTES, NULL, cancellable, error);
}

static void
avatar_iface_init (BzAvatarProviderInterface *iface)
{
  iface->get_name = avatar_name;
  iface->generate = avatar_generate;
}
