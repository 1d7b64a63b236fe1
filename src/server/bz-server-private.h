/* bz-server-private.h — helpers shared by bz-server.c and bz-server-http.c. */
#pragma once

#include "bz-router.h"
#include "bz-server.h"

G_BEGIN_DECLS

/** make_request_id: Returns: (transfer full): the client's X-Request-Id if sane, else a new one. */
char       *make_request_id (SoupMessageHeaders *headers);
/** write_response: sets @msg's status, headers and body from @resp (envelope or blob). */
void        write_response  (SoupServerMessage *msg, BzResponse *resp, const char *request_id);
/** respond_now: answers @msg with the envelope of @error (taken). */
void        respond_now     (SoupServerMessage *msg, GError *error, const char *request_id);
/** route_max_body: Returns: @route's body limit in bytes (the JSON default when unknown or unset). */
gsize       route_max_body  (const BzRoute *route);
/** too_large_error: Returns: (transfer full): 413 for a body over @max bytes. */
GError     *too_large_error (gsize max);
/** busy_error: Returns: (transfer full): 503 with Retry-After when body bytes pass the global cap. */
GError     *busy_error      (void);
/** decorate: the security headers, and CORS for @cors_origins (NULL: same origin only). */
void        decorate        (char **cors_origins, SoupServerMessage *msg);
/** preflight: answers an OPTIONS request (204 with the CORS policy, or 403). */
void        preflight       (char **cors_origins, SoupServerMessage *msg, const char *rid);
/** write_raw_and_close: writes @resp as a complete HTTP/1.1 answer on @socket, then FIN
 * (for a request whose body libsoup will drain and discard). */
void        write_raw_and_close (GSocket *socket, const BzResponse *resp, const char *rid);
/** first_lan_ipv4: Returns: (transfer full): the address the default route would use. */
char       *first_lan_ipv4  (void);

G_END_DECLS
