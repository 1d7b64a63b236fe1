/* bz-instagram-graph.c — Instagram's OAuth and Graph endpoints (see
 * bz-instagram-graph.h). */
#include "bz-instagram-graph.h"

#include <libsoup/soup.h>
#include <sodium.h>
#include <string.h>

#include "bz-json.h"

#define PROVIDER "instagram"

struct _BzInstagramGraph
{
  char *oauth_url, *graph_url, *app_id, *app_secret;
};

static gboolean
is_http_url (const char *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL) : NULL;

  return uri && (g_strcmp0 (g_uri_get_scheme (uri), "http") == 0 || g_strcmp0 (g_uri_get_scheme (uri), "https") == 0);
}

BzInstagramGraph *
bz_instagram_graph_new (const char *oauth_url, const char *graph_url, const char *app_id, const char *app_secret)
{
  BzInstagramGraph *self;

  if (!is_http_url (oauth_url) || !is_http_url (graph_url) || app_id == NULL || *app_id == '\0'
      || app_secret == NULL || *app_secret == '\0')
    return NULL;
  self = g_new0 (BzInstagramGraph, 1);
  self->oauth_url = g_strdup (oauth_url);
  self->graph_url = g_strdup (graph_url);
  self->app_id = g_strdup (app_id);
  self->app_secret = g_strdup (app_secret);
  return self;
}

void
bz_instagram_graph_free (BzInstagramGraph *self)
{
  if (self == NULL)
    return;
  sodium_memzero (self->app_secret, strlen (self->app_secret));
  g_free (self->app_secret);
  g_free (self->app_id);
  g_free (self->graph_url);
  g_free (self->oauth_url);
  g_free (self);
}

/* Appends "name=value" percent-encoded to @q. */
static void
add_param (GString *q, const char *name, const char *value)
{
  g_autofree char *v = g_uri_escape_string (value ? value : "", NULL, FALSE);

  if (q->len)
    g_string_append_c (q, '&');
  g_string_append_printf (q, "%s=%s", name, v);
}

char *
bz_instagram_graph_authorize_url (BzInstagramGraph *self, const char *redirect_uri, const char *state)
{
  g_autoptr(GString) q = g_string_new (NULL);

  add_param (q, "client_id", self->app_id);
  add_param (q, "redirect_uri", redirect_uri);
  add_param (q, "scope", "user_profile,user_media,instagram_content_publish");
  add_param (q, "response_type", "code");
  add_param (q, "state", state);
  return g_strdup_printf ("%s/oauth/authorize?%s", self->oauth_url, q->str);
}

/* The request of @call: method, URL and, for the token exchange, a form body. */
static SoupMessage *
build (BzInstagramCall *call, GError **error)
{
  BzInstagramGraph *self = call->graph;
  g_autoptr(GString) q = g_string_new (NULL);
  g_autofree char *escaped_user = NULL, *url = NULL;
  SoupMessage *msg;

  switch (call->op)
    {
    case BZ_INSTAGRAM_OP_TOKEN:
      add_param (q, "client_id", self->app_id);
      add_param (q, "client_secret", self->app_secret);
      add_param (q, "grant_type", "authorization_code");
      add_param (q, "redirect_uri", call->b);
      add_param (q, "code", call->a);
      url = g_strconcat (self->oauth_url, "/oauth/access_token", NULL);
      msg = soup_message_new ("POST", url);
      if (msg)
        {
          g_autoptr(GBytes) body = g_bytes_new (q->str, q->len);
          soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", body);
        }
      sodium_memzero (q->str, q->len);
      break;
    case BZ_INSTAGRAM_OP_LONG_LIVED:
      add_param (q, "grant_type", "ig_exchange_token");
      add_param (q, "client_secret", self->app_secret);
      add_param (q, "access_token", call->token);
      url = g_strconcat (self->graph_url, "/access_token?", q->str, NULL);
      msg = soup_message_new ("GET", url);
      break;
    case BZ_INSTAGRAM_OP_PROFILE:
      add_param (q, "fields", "id,username,account_type");
      add_param (q, "access_token", call->token);
      url = g_strconcat (self->graph_url, "/me?", q->str, NULL);
      msg = soup_message_new ("GET", url);
      break;
    case BZ_INSTAGRAM_OP_CONTAINER:
    case BZ_INSTAGRAM_OP_PUBLISH:
      escaped_user = g_uri_escape_string (call->user_id ? call->user_id : "", NULL, FALSE);
      if (call->op == BZ_INSTAGRAM_OP_CONTAINER)
        {
          add_param (q, "image_url", call->a);
          if (call->story)
            add_param (q, "media_type", "STORIES");
          else
            add_param (q, "caption", call->b);
        }
      else
        add_param (q, "creation_id", call->a);
      add_param (q, "access_token", call->token);
      url = g_strconcat (self->graph_url, "/", escaped_user,
                         call->op == BZ_INSTAGRAM_OP_CONTAINER ? "/media?" : "/media_publish?", q->str, NULL);
      msg = soup_message_new ("POST", url);
      break;
    default:
      g_assert_not_reached ();
    }
  if (url)
    sodium_memzero (url, strlen (url));
  if (msg == NULL)
    g_propagate_error (error, bz_integration_error_new (PROVIDER, BZ_INTEGRATION_ERROR_INVALID_REQUEST, 0, FALSE, 0,
                                                        "Not a URL"));
  return msg;
}

/* The member an answer of @op must have as text (a number is turned into
 * its text: Instagram's user ids come as numbers from the token exchange). */
static const char *
required_member (BzInstagramOp op)
{
  switch (op)
    {
    case BZ_INSTAGRAM_OP_TOKEN:
    case BZ_INSTAGRAM_OP_LONG_LIVED:
      return "access_token";
    default:
      return "id";
    }
}

static gboolean
normalize_member (JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n))
    return FALSE;
  if (json_node_get_value_type (n) == G_TYPE_INT64)
    {
      g_autofree char *s = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (n));
      json_object_set_string_member (o, name, s);
      return TRUE;
    }
  return json_node_get_value_type (n) == G_TYPE_STRING && *json_node_get_string (n) != '\0';
}

static JsonNode *
graph_call (BzInstagramCall *call, GCancellable *cancellable, GError **error)
{
  static const BzJsonLimits limits = { BZ_INSTAGRAM_GRAPH_MAX_BYTES, 8, 200, 16 * 1024 };
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) in = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  if (!(msg = build (call, error)))
    return NULL;
  session = soup_session_new ();
  soup_session_set_user_agent (session, "Balanza");
  in = soup_session_send_and_read (session, msg, cancellable, &local);
  if (in == NULL)
    {
      g_propagate_error (error, bz_integration_error_from_transport (PROVIDER, local));
      return NULL;
    }
  status = soup_message_get_status (msg);
  if (status < 200 || status >= 300)
    {
      g_propagate_error (error, bz_integration_error_from_http (PROVIDER, status,
                                                                soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                                                              "Retry-After"),
                                                                g_get_real_time () / G_USEC_PER_SEC,
                                                                soup_message_get_reason_phrase (msg)));
      return NULL;
    }
  answer = bz_json_parse (g_bytes_get_data (in, NULL), g_bytes_get_size (in), &limits, NULL, NULL);
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer)
      || !normalize_member (json_node_get_object (answer), required_member (call->op))
      || (call->op == BZ_INSTAGRAM_OP_TOKEN && json_object_has_member (json_node_get_object (answer), "user_id")
          && !normalize_member (json_node_get_object (answer), "user_id")))
    {
      g_propagate_error (error, bz_integration_error_new (PROVIDER, BZ_INTEGRATION_ERROR_BAD_RESPONSE, status, FALSE, 0,
                                                          "The Instagram answer is not the JSON object expected"));
      return NULL;
    }
  return g_steal_pointer (&answer);
}

JsonNode *
bz_instagram_graph_call (gpointer data, GCancellable *cancellable, double *out_cost, GError **error)
{
  BzInstagramCall *call = data;
  GError *local = NULL;
  JsonNode *answer = graph_call (call, cancellable, &local);

  g_clear_error (&call->last_error);
  if (answer == NULL)
    {
      call->last_error = g_error_copy (local);
      g_propagate_error (error, local);
    }
  *out_cost = 0;
  return answer;
}
