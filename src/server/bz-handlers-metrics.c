/* bz-handlers-metrics.c — GET /metrics: the Prometheus text format (seed 002
 * §10 "Monitoring", issue 9 "Operations").
 *
 * Who may read it: a client on the loopback interface (127.0.0.0/8, ::1,
 * ::ffff:127.0.0.0/104) without a token, as Prometheus on the clinic's own
 * machine scrapes it; anyone else with a nutritionist's (or an admin's)
 * access token.  A patient's token answers 403, no token or a bad one 401.
 * The figures name no patient: routes, counts, latencies.  A reverse proxy
 * on the same machine makes every client look local: such a setup must
 * not forward /metrics.
 */
#include "bz-router.h"

#include <glib/gi18n.h>

#include "bz-auth-service.h"
#include "bz-metrics-registry.h"
#include "bz-metrics.h"

static gboolean
is_loopback (const char *address)
{
  g_autoptr(GInetAddress) a = address ? g_inet_address_new_from_string (address) : NULL;

  if (a == NULL)
    return FALSE;
  if (g_inet_address_get_is_loopback (a))
    return TRUE;
  /* An IPv4 client of a dual-stack socket: ::ffff:127.x.y.z */
  if (g_inet_address_get_family (a) == G_SOCKET_FAMILY_IPV6)
    {
      const guint8 *b = g_inet_address_to_bytes (a);
      static const guint8 mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
      return memcmp (b, mapped, 12) == 0 && b[12] == 127;
    }
  return FALSE;
}

static gboolean
may_read (BzServices *svc, BzRequest *req, GError **error)
{
  const char *auth = soup_message_headers_get_one (req->headers, "Authorization");
  g_autoptr(BzCaller) caller = NULL;

  if (auth == NULL && is_loopback (req->client_address))
    return TRUE;
  if (auth == NULL || g_ascii_strncasecmp (auth, "Bearer ", 7) != 0 || auth[7] == '\0')
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, _("Authentication required"));
      return FALSE;
    }
  caller = bz_auth_verify_access_token (svc, auth + 7, error);
  if (caller == NULL)
    return FALSE;
  if (caller->role != BZ_ROLE_NUTRITIONIST && caller->role != BZ_ROLE_ADMIN)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, _("Only the clinic's staff may read the metrics"));
      return FALSE;
    }
  return TRUE;
}

static BzResponse *
metrics (BzServices *svc, BzRequest *req, GError **error)
{
  GString *out;
  BzResponse *resp;

  if (!may_read (svc, req, error))
    return NULL;
  out = g_string_sized_new (16 * 1024);
  bz_metrics_registry_render (bz_metrics_registry_get (svc), svc, out);
  /* No validator: a scrape is a one-off answer (no-store, no ranges). */
  resp = bz_response_blob (g_string_free_to_bytes (out), BZ_METRICS_CONTENT_TYPE, NULL);
  return resp;
}

const BzRoute bz_metrics_routes[] = {
  { "GET", "/metrics", metrics, BZ_ROUTE_PUBLIC | BZ_ROUTE_TOKEN_OPTIONAL, 0, "Prometheus metrics (text format 0.0.4)",
    .raw_type = "text/plain",
    .description =
      "Requests by route template, method and status (balanza_http_requests_total), latency histograms "
      "(balanza_http_request_duration_seconds; the Prometheus clients' default buckets, 5 ms to 10 s), "
      "active users of the last 5 minutes, open WebSocket connections, integration attempts, errors and "
      "calls, and the durable job queue's depth.\n\n"
      "Who may read it: a client on the loopback interface without a token (Prometheus on the clinic's "
      "machine); any other client with a nutritionist's or an admin's access token (Authorization: Bearer). "
      "A patient's token gets 403; no token or an invalid one from another address gets 401." },
  { NULL }
};
