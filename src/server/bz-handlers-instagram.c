/* bz-handlers-instagram.c — /api/v1/integrations/instagram/ (seed 002
 * §5.2.4): connect, callback, status, share, disconnect.  The rules:
 * bz-instagram-service.h. */
#include "bz-router.h"

#include <glib/gi18n.h>

#include "bz-instagram-resources.h"
#include "bz-instagram-service.h"

static BzResponse *
connect_account (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;

  if (body == NULL || !(data = bz_instagram_connect (svc, req->caller, body, error)))
    return NULL;
  return bz_response_record (200, data);
}

/* Instagram's redirect: no bearer token (the browser comes from Instagram);
 * the state says whose connect it is.  On the worker pool: it calls out. */
static BzResponse *
callback (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_instagram_callback (svc, bz_request_query (req, "code"), bz_request_query (req, "state"), error);
  BzResponse *resp;

  if (data == NULL)
    return NULL;
  resp = bz_response_record (200, data);
  resp->message = g_strdup (_("Instagram connected"));
  return resp;
}

static BzResponse *
status (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_instagram_status (svc, req->caller, error);
  return data ? bz_response_record (200, data) : NULL;
}

static BzResponse *
share (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;
  BzResponse *resp;

  if (body == NULL || !(data = bz_instagram_share (svc, req->caller, body, error)))
    return NULL;
  resp = bz_response_record (202, data);
  resp->message = g_strdup (_("Your post is being shared on Instagram"));
  return resp;
}

static BzResponse *
disconnect (BzServices *svc, BzRequest *req, GError **error)
{
  if (!bz_instagram_disconnect (svc, req->caller, error))
    return NULL;
  return bz_response_json (204, NULL);
}

const BzRoute bz_instagram_routes[] = {
  { "POST", "/api/v1/integrations/instagram/connect", connect_account, 0, 0,
    "Start connecting the caller's Instagram account: Instagram's authorization URL and its state (single use, "
    "10 minutes); 503 when the clinic has no Instagram app configured",
    .request = &bz_instagram_connect_resource, .response = &bz_instagram_authorization_resource },
  { "GET", "/api/v1/integrations/instagram/callback", callback, BZ_ROUTE_PUBLIC | BZ_ROUTE_POOL, 0,
    "Instagram's redirect after the member authorized Balanza: the state is checked and used up, the code "
    "exchanged for a long-lived token (stored encrypted, never returned); answers the connection",
    .response = &bz_instagram_status_resource, .query = &bz_instagram_callback_query_resource },
  { "GET", "/api/v1/integrations/instagram/status", status, 0, 0,
    "The caller's Instagram connection, and the newest share with its outcome",
    .response = &bz_instagram_status_resource },
  { "POST", "/api/v1/integrations/instagram/share", share, 0, 0,
    "Share one of the caller's community posts with a photo to Instagram: queued (3 attempts with backoff), "
    "202 at once; the outcome shows in status's last_share",
    .request = &bz_instagram_share_resource, .response = &bz_instagram_share_job_resource },
  { "DELETE", "/api/v1/integrations/instagram/disconnect", disconnect, BZ_ROUTE_NO_CONTENT, 0,
    "Disconnect Instagram: the connection, its token and its shares' records are deleted" },
  { NULL }
};
