/* bz-server-http.c — what BzServer writes on the wire: request ids, the
 * envelope and blob responses (ETag, Range), the headers every answer
 * carries (security, CORS), preflights, and the errors of body limits. */
#include "bz-server-private.h"

#include <glib/gi18n.h>

char *
make_request_id (SoupMessageHeaders *headers)
{
  const char *given = soup_message_headers_get_one (headers, "X-Request-Id");
  if (given && strlen (given) > 0 && strlen (given) <= 64)
    {
      gboolean ok = TRUE;
      for (const char *p = given; *p && ok; p++)
        ok = g_ascii_isalnum (*p) || *p == '-' || *p == '_';
      if (ok)
        return g_strdup (given);
    }
  /* "req_" and 16 hex digits, as "req_%08x%08x" of two g_random_int()s
   * prints them, without printf. */
  {
    static const char hex[] = "0123456789abcdef";
    guint32 hi = g_random_int (), lo = g_random_int ();
    guint64 r = (guint64) hi << 32 | lo;
    char *id = g_malloc (4 + 16 + 1);
    memcpy (id, "req_", 4);
    for (int i = 19; i >= 4; i--, r >>= 4)
      id[i] = hex[r & 0xf];
    id[20] = '\0';
    return id;
  }
}

static void
write_envelope (SoupServerMessage *msg, BzResponse *resp, const char *request_id)
{
  gsize len = resp->envelope_len;
  char *body = g_steal_pointer (&resp->envelope);

  /* 204 No Content has no body, so no envelope (RFC 9110 §15.3.5): seed 002
   * §4.3 DELETE /posts/{post_id}/reactions. */
  if (resp->status == SOUP_STATUS_NO_CONTENT)
    {
      g_free (body);
      soup_server_message_set_status (msg, resp->status, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Cache-Control", "no-store");
      return;
    }
  if (body == NULL)
    body = bz_envelope_serialize (resp, request_id, &len);
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, resp->status, NULL);
  soup_message_headers_append (h, "Cache-Control", "no-store");  /* once: see write_response() */
  if (resp->error && bz_error_get_retry_after (resp->error) > 0)
    {
      g_autofree char *ra = g_strdup_printf ("%u", bz_error_get_retry_after (resp->error));
      soup_message_headers_replace (h, "Retry-After", ra);
    }
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_TAKE, body, len);
}

static void
write_blob (SoupServerMessage *msg, const BzResponse *resp)
{
  SoupMessageHeaders *req_h = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);
  g_autofree char *etag = resp->etag ? g_strdup_printf ("\"%s\"", resp->etag) : NULL;
  const char *inm = soup_message_headers_get_one (req_h, "If-None-Match");
  gsize total = g_bytes_get_size (resp->raw);
  SoupRange *ranges = NULL;
  int n_ranges = 0;

  if (resp->disposition)
    soup_message_headers_replace (h, "Content-Disposition", resp->disposition);
  /* A one-off answer (an export): no validator, no ranges, not cached. */
  if (resp->etag == NULL)
    {
      soup_message_headers_replace (h, "Cache-Control", "no-store");
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_type (h, resp->content_type, NULL);
      soup_message_body_append_bytes (soup_server_message_get_response_body (msg), resp->raw);
      return;
    }
  soup_message_headers_replace (h, "ETag", etag);
  soup_message_headers_replace (h, "Accept-Ranges", "bytes");
  if (resp->immutable)
    soup_message_headers_replace (h, "Cache-Control", "private, max-age=31536000, immutable");

  if (inm && (strstr (inm, etag) || strcmp (inm, "*") == 0))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  if (soup_message_headers_get_ranges (req_h, total, &ranges, &n_ranges))
    {
      if (n_ranges == 1)
        {
          goffset start = ranges[0].start, end = ranges[0].end;
          g_autoptr(GBytes) part = g_bytes_new_from_bytes (resp->raw, start, end - start + 1);
          soup_server_message_set_status (msg, SOUP_STATUS_PARTIAL_CONTENT, NULL);
          soup_message_headers_set_content_range (h, start, end, total);
          soup_message_headers_set_content_type (h, resp->content_type, NULL);
          soup_message_body_append_bytes (soup_server_message_get_response_body (msg), part);
          soup_message_headers_free_ranges (req_h, ranges);
          return;
        }
      soup_message_headers_free_ranges (req_h, ranges);
    }
  else if (soup_message_headers_get_one (req_h, "Range"))
    {
      g_autofree char *cr = g_strdup_printf ("bytes */%" G_GSIZE_FORMAT, total);
      soup_server_message_set_status (msg, SOUP_STATUS_REQUESTED_RANGE_NOT_SATISFIABLE, NULL);
      soup_message_headers_replace (h, "Content-Range", cr);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (h, resp->content_type, NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), resp->raw);
}

/* Once per message (its only answer), after decorate(): X-Request-Id and the
 * envelope's Cache-Control are appended, not replaced (a replace first
 * searches the headers to remove). */
void
write_response (SoupServerMessage *msg, BzResponse *resp, const char *request_id)
{
  soup_message_headers_append (soup_server_message_get_response_headers (msg), "X-Request-Id", request_id);
  if (resp->raw && !resp->error)
    write_blob (msg, resp);
  else
    write_envelope (msg, resp, request_id);
}

void
respond_now (SoupServerMessage *msg, GError *error, const char *request_id)
{
  g_autoptr(BzResponse) resp = bz_response_error (error);
  write_response (msg, resp, request_id);
}

GError *
too_large_error (gsize max)
{
  return g_error_new (BZ_ERROR, BZ_ERROR_PAYLOAD_TOO_LARGE,
                      _("The request body is larger than %zu bytes"), (size_t) max);
}

GError *
busy_error (void)
{
  GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_UNAVAILABLE,
                                   _("The server is busy receiving other uploads; try again shortly"));
  bz_error_set_retry_after (e, 2);
  return e;
}

/* --- Response headers every answer carries --------------------------------- */

static const char *
allowed_origin (char **cors_origins, SoupMessageHeaders *req_h)
{
  const char *origin = soup_message_headers_get_one (req_h, "Origin");
  if (origin == NULL || cors_origins == NULL)
    return NULL;
  if (g_strv_contains ((const char *const *) cors_origins, origin) ||
      g_strv_contains ((const char *const *) cors_origins, "*"))
    return origin;
  return NULL;
}

/* Seed 002 §7 security headers, and CORS for the configured origins only.
 * Called once per message, from the early handler, when the answer holds
 * only libsoup's Server and Date: appended, not replaced (a replace first
 * searches the headers to remove). */
void
decorate (char **cors_origins, SoupServerMessage *msg)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);
  const char *origin = allowed_origin (cors_origins, soup_server_message_get_request_headers (msg));

  soup_message_headers_append (h, "X-Content-Type-Options", "nosniff");
  soup_message_headers_append (h, "X-Frame-Options", "DENY");
  soup_message_headers_append (h, "Referrer-Policy", "no-referrer");
  if (origin)
    {
      soup_message_headers_append (h, "Access-Control-Allow-Origin", origin);
      soup_message_headers_append (h, "Access-Control-Expose-Headers", "ETag, Retry-After, X-Request-Id");
    }
  if (cors_origins)
    soup_message_headers_append (h, "Vary", "Origin");
}

/* OPTIONS: a CORS preflight from an allowed origin gets 204 with the policy;
 * from any other origin 403 (the API is same-origin unless configured). */
void
preflight (char **cors_origins, SoupServerMessage *msg, const char *rid)
{
  SoupMessageHeaders *req_h = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);
  const char *origin = soup_message_headers_get_one (req_h, "Origin");

  if (origin && allowed_origin (cors_origins, req_h) == NULL)
    {
      respond_now (msg, g_error_new (BZ_ERROR, BZ_ERROR_FORBIDDEN,
                                     _("Cross-origin requests from %s are not allowed"), origin), rid);
      return;
    }
  soup_message_headers_replace (h, "Allow", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
  if (origin)
    {
      soup_message_headers_replace (h, "Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
      soup_message_headers_replace (h, "Access-Control-Allow-Headers", "Authorization, Content-Type, X-Request-Id");
      soup_message_headers_replace (h, "Access-Control-Max-Age", "600");
    }
  soup_message_headers_replace (h, "X-Request-Id", rid);
  soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
}

char *
first_lan_ipv4 (void)
{
  /* The address the default route would use: connect a UDP socket (sends nothing). */
  g_autoptr(GSocket) sock = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, NULL);
  g_autoptr(GInetAddress) probe = g_inet_address_new_from_string ("192.0.2.1"); /* TEST-NET-1, never contacted */
  g_autoptr(GSocketAddress) remote = g_inet_socket_address_new (probe, 9);
  g_autoptr(GSocketAddress) local = NULL;

  if (sock && g_socket_connect (sock, remote, NULL, NULL) &&
      (local = g_socket_get_local_address (sock, NULL)))
    return g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (local)));
  return g_strdup ("127.0.0.1");
}


void
write_raw_and_close (GSocket *socket, GIOStream *tls, const BzResponse *resp, const char *rid)
{
  gsize len = 0;
  guint retry = resp->error ? bz_error_get_retry_after (resp->error) : 0;
  g_autofree char *json = bz_envelope_serialize (resp, rid, &len);
  g_autofree char *retry_header = retry ? g_strdup_printf ("Retry-After: %u\r\n", retry) : g_strdup ("");
  g_autofree char *head = g_strdup_printf ("HTTP/1.1 %u %s\r\nContent-Type: application/json; charset=utf-8\r\n"
                                           "Content-Length: %" G_GSIZE_FORMAT "\r\nConnection: close\r\n"
                                           "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
                                           "X-Request-Id: %s\r\n%s\r\n",
                                           resp->status, soup_status_get_phrase (resp->status), len, rid, retry_header);
  if (tls)
    {
      /* Through the TLS layer: libsoup is not writing (it reads the body). */
      GOutputStream *out = g_io_stream_get_output_stream (tls);
      if (g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL))
        g_output_stream_write_all (out, json, len, NULL, NULL, NULL);
      g_output_stream_flush (out, NULL, NULL);
    }
  else
    {
      g_socket_send (socket, head, strlen (head), NULL, NULL);
      g_socket_send (socket, json, len, NULL, NULL);
    }
  g_socket_shutdown (socket, FALSE, TRUE, NULL);
}

gsize
route_max_body (const BzRoute *route)
{
  return route && route->max_body ? route->max_body : BZ_JSON_BODY_MAX;
}
