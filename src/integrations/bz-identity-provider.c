/* bz-identity-provider.c — the identity kind and its `http` provider (see
 * bz-identity-provider.h). */
#include "bz-identity-provider.h"

#include <libsoup/soup.h>
#include <string.h>

#include "bz-json.h"

G_DEFINE_INTERFACE (BzIdentityProvider, bz_identity_provider, G_TYPE_OBJECT)

static void
bz_identity_provider_default_init (BzIdentityProviderInterface *iface)
{
}

const char *
bz_identity_provider_get_name (BzIdentityProvider *self)
{
  g_return_val_if_fail (BZ_IS_IDENTITY_PROVIDER (self), NULL);
  return BZ_IDENTITY_PROVIDER_GET_IFACE (self)->get_name (self);
}

JsonNode *
bz_identity_provider_verify (BzIdentityProvider *self, JsonObject *request, double *out_cost,
                             GCancellable *cancellable, GError **error)
{
  double cost = 0;
  JsonNode *answer;

  g_return_val_if_fail (BZ_IS_IDENTITY_PROVIDER (self), NULL);
  answer = BZ_IDENTITY_PROVIDER_GET_IFACE (self)->verify (self, request, &cost, cancellable, error);
  if (out_cost)
    *out_cost = cost;
  return answer;
}

JsonNode *
bz_identity_provider_call (gpointer data, GCancellable *cancellable, double *out_cost, GError **error)
{
  BzIdentityCall *call = data;

  return bz_identity_provider_verify (call->provider, call->request, out_cost, cancellable, error);
}

/* --- Google's token-info endpoint ------------------------------------------------ */

struct _BzGoogleTokeninfo
{
  GObject parent_instance;
  char *url;
};

static void identity_iface_init (BzIdentityProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BzGoogleTokeninfo, bz_google_tokeninfo, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BZ_TYPE_IDENTITY_PROVIDER, identity_iface_init))

static void
bz_google_tokeninfo_finalize (GObject *object)
{
  g_free (BZ_GOOGLE_TOKENINFO (object)->url);
  G_OBJECT_CLASS (bz_google_tokeninfo_parent_class)->finalize (object);
}

static void
bz_google_tokeninfo_class_init (BzGoogleTokeninfoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bz_google_tokeninfo_finalize;
}

static void
bz_google_tokeninfo_init (BzGoogleTokeninfo *self)
{
}

BzGoogleTokeninfo *
bz_google_tokeninfo_new (const char *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL) : NULL;
  BzGoogleTokeninfo *self;

  if (uri == NULL || (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    return NULL;
  self = g_object_new (BZ_TYPE_GOOGLE_TOKENINFO, NULL);
  self->url = g_strdup (url);
  return self;
}

static const char *
tokeninfo_name (BzIdentityProvider *self)
{
  return "http";
}

static JsonNode *
tokeninfo_verify (BzIdentityProvider *provider, JsonObject *request, double *out_cost,
                  GCancellable *cancellable, GError **error)
{
  static const BzJsonLimits limits = { BZ_IDENTITY_MAX_BYTES, 8, 200, 16 * 1024 };
  BzGoogleTokeninfo *self = BZ_GOOGLE_TOKENINFO (provider);
  const char *token = request ? json_object_get_string_member_with_default (request, "id_token", NULL) : NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) in = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *escaped = NULL, *url = NULL;
  guint status;

  if (token == NULL || *token == '\0')
    {
      g_propagate_error (error, bz_integration_error_new ("http", BZ_INTEGRATION_ERROR_INVALID_REQUEST, 0, FALSE, 0,
                                                          "No id_token"));
      return NULL;
    }
  escaped = g_uri_escape_string (token, NULL, FALSE);
  url = g_strconcat (self->url, strchr (self->url, '?') ? "&" : "?", "id_token=", escaped, NULL);
  msg = soup_message_new ("GET", url);
  if (msg == NULL)
    {
      g_propagate_error (error, bz_integration_error_new ("http", BZ_INTEGRATION_ERROR_INVALID_REQUEST, 0, FALSE, 0,
                                                          "Not a URL"));
      return NULL;
    }
  session = soup_session_new ();
  soup_session_set_user_agent (session, "Balanza");
  in = soup_session_send_and_read (session, msg, cancellable, &local);
  if (in == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_propagate_error (error, bz_integration_error_new ("http",
                                                            g_error_matches (local, G_IO_ERROR, G_IO_ERROR_TIMED_OUT)
                                                            ? BZ_INTEGRATION_ERROR_TIMEOUT : BZ_INTEGRATION_ERROR_UNAVAILABLE,
                                                            0, TRUE, 0, "Cannot reach the token-info endpoint: %s",
                                                            local->message));
      return NULL;
    }
  status = soup_message_get_status (msg);
  if (status < 200 || status >= 300)
    {
      g_propagate_error (error, bz_integration_error_from_http ("http", status,
                                                                soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                                                              "Retry-After"),
                                                                g_get_real_time () / G_USEC_PER_SEC,
                                                                soup_message_get_reason_phrase (msg)));
      return NULL;
    }
  answer = bz_json_parse (g_bytes_get_data (in, NULL), g_bytes_get_size (in), &limits, NULL, &local);
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      g_propagate_error (error, bz_integration_error_new ("http", BZ_INTEGRATION_ERROR_BAD_RESPONSE, status, FALSE, 0,
                                                          "The token-info answer is not a JSON object"));
      return NULL;
    }
  *out_cost = 0;
  return g_steal_pointer (&answer);
}

static void
identity_iface_init (BzIdentityProviderInterface *iface)
{
  iface->get_name = tokeninfo_name;
  iface->verify = tokeninfo_verify;
}
