/* bz-fake-http.h — a libsoup server on 127.0.0.1 (a free port), on a thread and
 * main context of its own, for tests that stand in for a remote service
 * (bz-fake-openai.c, test-scan3d-remote.c). */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _BzFakeHttp BzFakeHttp;

/**
 * bz_fake_http_start:
 * @name: the thread's name
 * @serve: answers every path, on the server's thread
 * @data: for @serve
 *
 * Returns: (transfer full): a server already listening.
 */
BzFakeHttp   *bz_fake_http_start   (const char *name, SoupServerCallback serve, gpointer data);
/** bz_fake_http_url: Returns: (transfer none): "http://127.0.0.1:<port>". */
const char   *bz_fake_http_url     (BzFakeHttp *self);
/** bz_fake_http_context: Returns: (transfer none): the server thread's context, for sources @serve attaches. */
GMainContext *bz_fake_http_context (BzFakeHttp *self);
/** bz_fake_http_stop: stops listening, closes its connections, joins its thread and frees it. */
void          bz_fake_http_stop    (BzFakeHttp *self);

G_END_DECLS
