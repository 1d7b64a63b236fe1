/* bz-instagram-graph.h — the "social_publishing" kind's `instagram`
 * provider: the Instagram endpoints seed 002 §5.2.3 names (InstagramService),
 * one blocking call each, run through BzResilient (bz_instagram_graph_call()
 * is the #BzResilientFunc adapter).
 *
 *   token       POST <oauth>/oauth/access_token (form: client_id, client_secret,
 *               grant_type=authorization_code, redirect_uri, code)
 *               -> {access_token, user_id}
 *   long_lived  GET  <graph>/access_token?grant_type=ig_exchange_token&
 *               client_secret=&access_token=  -> {access_token, token_type, expires_in}
 *   profile     GET  <graph>/me?fields=id,username,account_type&access_token=
 *               -> {id, username, account_type}
 *   container   POST <graph>/<ig user id>/media?image_url=&caption=&access_token=
 *               (media_type=STORIES for a story) -> {id}
 *   publish     POST <graph>/<ig user id>/media_publish?creation_id=&access_token=
 *               -> {id}
 *
 * <oauth> is https://api.instagram.com and <graph> https://graph.instagram.com
 * unless configured otherwise (a test's fake on loopback).  Failures are seed
 * 003's IntegrationError (bz_integration_error_from_http(): 429 and 5xx
 * retryable, other 4xx not); no answer is TIMEOUT or UNAVAILABLE
 * (retryable); an answer that is not a JSON object of at most
 * %BZ_INSTAGRAM_GRAPH_MAX_BYTES with a text or number "id"/"access_token"
 * where one is expected is BAD_RESPONSE.  Tokens and the app secret are
 * never logged.  Thread-safe (a session per call).
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bz-integration-error.h"

G_BEGIN_DECLS

/** BZ_INSTAGRAM_OAUTH_URL: Instagram's OAuth host (seed 002 §5.2.3). */
#define BZ_INSTAGRAM_OAUTH_URL "https://api.instagram.com"
/** BZ_INSTAGRAM_GRAPH_URL: the Instagram Graph API's host (seed 002 §5.2.3 BASE_URL). */
#define BZ_INSTAGRAM_GRAPH_URL "https://graph.instagram.com"
/** BZ_INSTAGRAM_GRAPH_MAX_BYTES: Graph answers here are tiny JSON objects; 64 KiB bounds them. */
#define BZ_INSTAGRAM_GRAPH_MAX_BYTES (64 * 1024)

typedef enum
{
  BZ_INSTAGRAM_OP_TOKEN,
  BZ_INSTAGRAM_OP_LONG_LIVED,
  BZ_INSTAGRAM_OP_PROFILE,
  BZ_INSTAGRAM_OP_CONTAINER,
  BZ_INSTAGRAM_OP_PUBLISH,
} BzInstagramOp;

typedef struct _BzInstagramGraph BzInstagramGraph;

/**
 * bz_instagram_graph_new:
 * @oauth_url: the OAuth host, http or https, no trailing slash (%BZ_INSTAGRAM_OAUTH_URL)
 * @graph_url: the Graph host (%BZ_INSTAGRAM_GRAPH_URL)
 * @app_id: the clinic's Instagram app id
 * @app_secret: its secret (copied; wiped when freed)
 *
 * Returns: (transfer full) (nullable): the provider, or %NULL when a URL is
 *   not http(s) or the id or secret is empty.
 */
BzInstagramGraph *bz_instagram_graph_new  (const char *oauth_url, const char *graph_url, const char *app_id,
                                           const char *app_secret);
/** bz_instagram_graph_free: wipes the app secret and frees @self (%NULL is fine). */
void              bz_instagram_graph_free (BzInstagramGraph *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzInstagramGraph, bz_instagram_graph_free)

/**
 * bz_instagram_graph_authorize_url:
 * @redirect_uri: where Instagram sends the member back
 * @state: the connect step's state
 *
 * Returns: (transfer full): <oauth>/oauth/authorize?client_id=&redirect_uri=&
 *   scope=user_profile,user_media,instagram_content_publish&response_type=code&state=
 *   (seed 002 §5.2.3 get_authorization_url, each value percent-encoded).
 */
char             *bz_instagram_graph_authorize_url (BzInstagramGraph *self, const char *redirect_uri, const char *state);

/**
 * BzInstagramCall:
 * @graph: the provider
 * @op: the endpoint
 * @user_id: the Instagram user id (container, publish)
 * @token: the access token (all but token)
 * @a: token: the code; container: the image URL; publish: the creation id
 * @b: token: the redirect URI; container: the caption
 * @story: container: a story (media_type=STORIES) instead of a feed image
 * @last_error: (out): the last attempt's own error, kept for the caller
 *   (BzResilient folds it into MANUAL_ENTRY); free it
 *
 * One call, as a #BzResilientFunc's data.
 */
typedef struct
{
  BzInstagramGraph *graph;
  BzInstagramOp op;
  const char *user_id, *token, *a, *b;
  gboolean story;
  GError *last_error;
} BzInstagramCall;

/**
 * bz_instagram_graph_call:
 * @data: a #BzInstagramCall
 * @out_cost: (out): 0 (the Graph API has no price per call)
 *
 * A #BzResilientFunc: one request (see above).
 *
 * Returns: (transfer full): the answer object, or %NULL with @error.
 */
JsonNode         *bz_instagram_graph_call (gpointer data, GCancellable *cancellable, double *out_cost, GError **error);

G_END_DECLS
