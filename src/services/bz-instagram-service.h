/* bz-instagram-service.h — sharing community posts to Instagram (seed 002
 * §5.2): connect an account through Instagram's OAuth, its status, share a
 * post as a durable job, disconnect.  The provider: bz-instagram-graph.h
 * (kind "social_publishing", provider "instagram", through BzResilient).
 *
 * Configuration (read at each call, like sign-in with Google): the
 * environment's %BZ_INSTAGRAM_APP_ID_ENV and %BZ_INSTAGRAM_APP_SECRET_ENV
 * (the clinic's Instagram app), %BZ_INSTAGRAM_PUBLIC_URL_ENV (this server's
 * address as Instagram can reach it: Instagram fetches the photo from
 * <public URL>/api/v1/posts/<id>/photos/0) and optionally
 * %BZ_INSTAGRAM_OAUTH_URL_ENV and %BZ_INSTAGRAM_GRAPH_URL_ENV (Instagram's
 * hosts by default).  Without the first three every route but status
 * answers BZ_ERROR_UNAVAILABLE (503) "not configured" and calls no one.
 */
#pragma once

#include "bz-instagram-resources.h"
#include "bz-jobs.h"
#include "bz-services.h"

G_BEGIN_DECLS

#define BZ_INSTAGRAM_APP_ID_ENV     "BALANZA_INSTAGRAM_APP_ID"
#define BZ_INSTAGRAM_APP_SECRET_ENV "BALANZA_INSTAGRAM_APP_SECRET"
#define BZ_INSTAGRAM_PUBLIC_URL_ENV "BALANZA_INSTAGRAM_PUBLIC_URL"
#define BZ_INSTAGRAM_OAUTH_URL_ENV  "BALANZA_INSTAGRAM_OAUTH_URL"
#define BZ_INSTAGRAM_GRAPH_URL_ENV  "BALANZA_INSTAGRAM_GRAPH_URL"
/** BZ_INSTAGRAM_SHARE_JOB: the job kind that publishes one share. */
#define BZ_INSTAGRAM_SHARE_JOB      "instagram.share"

/**
 * bz_instagram_connect:
 * @input: {redirect_uri} (#bz_instagram_connect_resource): an http(s) URL
 *
 * Makes a state (32 random bytes, base64url; stored as its SHA-256 only,
 * bound to @caller, single use, good for %BZ_INSTAGRAM_STATE_TTL_S; a user
 * keeps at most %BZ_INSTAGRAM_STATES_PER_USER) and Instagram's authorization
 * URL carrying it.
 *
 * Returns: (transfer full): #bz_instagram_authorization_resource, or %NULL
 *   with @error: BZ_ERROR_VALIDATION (details on redirect_uri),
 *   BZ_ERROR_UNAVAILABLE when not configured.
 */
BzRecord *bz_instagram_connect    (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

/**
 * bz_instagram_callback:
 * @code: (nullable): Instagram's authorization code
 * @state: (nullable): the state of bz_instagram_connect()
 *
 * Takes the state (a known live one is used up whatever follows), exchanges
 * the code for a short-lived token and that for a long-lived one (60 days),
 * reads the profile, and stores the state's user's connection with the token
 * sealed, replacing an earlier one.  Blocking: call on a worker.
 *
 * Returns: (transfer full): the user's #bz_instagram_status_resource, or
 *   %NULL with @error: BZ_ERROR_VALIDATION (details on code or state:
 *   required, invalid_state, expired_state; nothing stored),
 *   BZ_ERROR_UNAVAILABLE (not configured, or Instagram not answering),
 *   BZ_ERROR_UPSTREAM (Instagram refused the code or answered nonsense),
 *   BZ_ERROR_CONFLICT (the account is another user's connection).
 */
BzRecord *bz_instagram_callback   (BzServices *svc, const char *code, const char *state, GError **error);

/**
 * bz_instagram_status:
 * Returns: (transfer full): @caller's #bz_instagram_status_resource (connected
 *   or not, and the newest share with its error), or %NULL with @error.
 */
BzRecord *bz_instagram_status     (BzServices *svc, const BzCaller *caller, GError **error);

/**
 * bz_instagram_share:
 * @input: #bz_instagram_share_resource
 *
 * Records a share of @caller's own post (with a photo) per target (feed,
 * story) and queues a %BZ_INSTAGRAM_SHARE_JOB for each, with
 * %BZ_INSTAGRAM_SHARE_ATTEMPTS attempts and the jobs' backoff.  The caption
 * is custom_caption or the post's text, then a blank line and the hashtags
 * (given, else the connection's defaults), each with one leading '#'; at
 * most %BZ_INSTAGRAM_CAPTION_MAX_CHARS in all.
 *
 * Returns: (transfer full): #bz_instagram_share_job_resource (the first
 *   share's id), or %NULL with @error: BZ_ERROR_VALIDATION (details),
 *   BZ_ERROR_NOT_FOUND (no such post of the caller's: another's is the same
 *   404), BZ_ERROR_CONFLICT (not connected), BZ_ERROR_UNAVAILABLE (not
 *   configured).
 */
BzRecord *bz_instagram_share      (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

/**
 * bz_instagram_disconnect:
 *
 * Deletes @caller's connection, its token and shares, and its connect states.
 *
 * Returns: %FALSE with @error: BZ_ERROR_NOT_FOUND when not connected.
 */
gboolean  bz_instagram_disconnect (BzServices *svc, const BzCaller *caller, GError **error);

/**
 * bz_instagram_register_jobs:
 * @svc: (transfer none): referenced by the runner
 *
 * Registers %BZ_INSTAGRAM_SHARE_JOB's handler: the share's container and
 * media_publish (seed 002 §5.2.3 publish_photo / publish_story).  A 5xx,
 * 429 or no answer fails the attempt (retried by the runner; the share stays
 * "publishing" with the error); any other refusal, or the last attempt,
 * ends it "failed" with Instagram's status in error_message.  Delivery is at
 * least once: a crash between publish and the record may publish twice.
 */
void      bz_instagram_register_jobs (BzJobRunner *runner, BzServices *svc);

G_END_DECLS
