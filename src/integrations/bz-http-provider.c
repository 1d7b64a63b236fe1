/* bz-http-provider.c — the `http` provider (see bz-http-provider.h). */
#include "bz-http-provider.h"

#include <libsoup/soup.h>
#include <string.h>

#include "bz-json.h"

struct _BzHttpProvider
{
  GObject parent_instance;
  char *base_url;
  char *api_key;
};

static void diet_iface_init (BzDietPlannerInterface *iface);
static void workout_iface_init (BzWorkoutPlannerInterface *iface);
static void chat_iface_init (BzChatProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BzHttpProvider, bz_http_provider, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BZ_TYPE_DIET_PLANNER, diet_iface_init)
                               G_IMPLEMENT_INTERFACE (BZ_TYPE_WORKOUT_PLANNER, workout_iface_init)
                               G_IMPLEMENT_INTERFACE (BZ_TYPE_CHAT_PROVIDER, chat_iface_init))

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

static JsonNode *
post_json (BzHttpProvider *self, const char *path, JsonObject *request, double *out_cost,
           GCancellable *cancellable, GError **error)
{
  static const BzJsonLimits limits = { BZ_HTTP_PROVIDER_MAX_BYTES, 32, 10000, 64 * 1024 };
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (self->base_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(JsonNode) body = json_node_init_object (json_node_alloc (), request);
  char *text = json_to_string (body, FALSE);
  g_autoptr(GBytes) out = g_bytes_new_take (text, strlen (text));
  g_autoptr(GBytes) in = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonNode) answer = NULL;
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
  in = soup_session_send_and_read (session, msg, cancellable, &local);
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
  answer = bz_json_parse (g_bytes_get_data (in, NULL), g_bytes_get_size (in), &limits, NULL, &local);
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      g_propagate_error (error, bz_integration_error_new ("http", BZ_INTEGRATION_ERROR_BAD_RESPONSE, status, FALSE, 0,
                                                          "The answer is not a JSON object%s%s", local ? ": " : "",
                                                          local ? local->message : ""));
      return NULL;
    }
  cost = soup_message_headers_get_one (headers, BZ_HTTP_PROVIDER_COST_HEADER);
  if (cost && out_cost)
    {
      double c = g_ascii_strtod (cost, NULL);
      *out_cost = c > 0 && c < 1e6 ? c : 0;   /* a nonsense figure counts nothing */
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
