/* bz-fake-openai.h — a fake OpenAI-compatible server for tests: a libsoup
 * server on loopback, on a thread of its own (so a test may call it
 * synchronously), answering POST /v1/chat/completions as scripted.
 *
 * Every request's shape is checked first: a JSON body with the expected
 * model, a messages list, "Authorization: Bearer <key>", and, when a
 * message has an image part, an image_url whose URL is a
 * data:image/jpeg;base64 URL that gdk-pixbuf decodes to at most
 * BZ_OPENAI_IMAGE_MAX_PX on each side.  A request that breaks it is
 * answered 400 and its reason kept (bz_fake_openai_dup_shape_error()).
 *
 * Script steps (the last repeats):
 *   "detect"    200, content: 2 foods (rice and black beans, English search words)
 *   "plate"     200, content: 4 foods of a Mexican plate, one Balanza lacks
 *   "label"     200, content: a per-100 g label
 *   "chat"      200, content: {reply, sources, related_questions}
 *   "malformed" 200, content that is not JSON
 *   "schema"    200, content: a food with negative grams
 *   "429"       429 with Retry-After: 3
 *   "500"       500
 *   "slow"      the answer of "detect" 3 s later (past a short deadline)
 * Each 200 reports usage: 1000 prompt and 200 completion tokens. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _BzFakeOpenAI BzFakeOpenAI;

/** bz_fake_openai_start: Returns: a running server expecting @model and @api_key. */
BzFakeOpenAI *bz_fake_openai_start (const char *model, const char *api_key);
/** bz_fake_openai_url: Returns: (transfer none): "http://127.0.0.1:<port>". */
const char   *bz_fake_openai_url (BzFakeOpenAI *self);
/** bz_fake_openai_script: sets the answers from now on (static strings, NULL-terminated) and zeroes the count. */
void          bz_fake_openai_script (BzFakeOpenAI *self, const char *const *script);
/** bz_fake_openai_requests: Returns: requests since the last script. */
guint         bz_fake_openai_requests (BzFakeOpenAI *self);
/** bz_fake_openai_dup_shape_error: Returns: (transfer full) (nullable): why a request was malformed, the first one. */
char         *bz_fake_openai_dup_shape_error (BzFakeOpenAI *self);
/** bz_fake_openai_image_width: Returns: the width of the last image received, 0 when none. */
int           bz_fake_openai_image_width (BzFakeOpenAI *self);
/** bz_fake_openai_dup_last_body: Returns: (transfer full) (nullable): the last request's body. */
char         *bz_fake_openai_dup_last_body (BzFakeOpenAI *self);
/** bz_fake_openai_stop: stops the server and frees it. */
void          bz_fake_openai_stop (BzFakeOpenAI *self);

G_END_DECLS
