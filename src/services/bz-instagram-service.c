/* bz-instagram-service.c — Instagram sharing (bz-instagram-service.h; seed
 * 002 §5.2). */
#include "bz-instagram-service.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "bz-instagram-graph.h"
#include "bz-instagram-repo.h"
#include "bz-integration-service.h"
#include "bz-jobs-repo.h"
#include "bz-json.h"
#include "bz-resilient.h"

/* seed 002 §5.2.4's estimate for a share (a container and a publish). */
#define ESTIMATED_SHARE_S 5
/* INSTAGRAM_BURST: a connect takes 3 calls and a share 2, and members of a
 * group session connect and share together: a burst of 60 calls, then the
 * default 1 per second (bz-resilient.h); Meta's platform rate limit for a
 * Graph API app is 200 calls an hour per user of the app (Meta for
 * Developers, Graph API "Rate Limiting", "Platform Rate Limits"), so the
 * burst is one member's connect and shares many times over, not a flood. */
#define INSTAGRAM_BURST 60.0

typedef struct
{
  BzInstagramGraph *graph;
  char *public_url;
} Config;

static void
config_clear (Config *c)
{
  g_clear_pointer (&c->graph, bz_instagram_graph_free);
  g_clear_pointer (&c->public_url, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Config, config_clear)

static const char *
env_or (const char *name, const char *def)
{
  const char *v = g_getenv (name);

  return v && *v ? v : def;
}

/* The configuration, or FALSE with "not configured" (503). */
static gboolean
load_config (Config *c, GError **error)
{
  const char *public_url = env_or (BZ_INSTAGRAM_PUBLIC_URL_ENV, NULL);

  c->graph = bz_instagram_graph_new (env_or (BZ_INSTAGRAM_OAUTH_URL_ENV, BZ_INSTAGRAM_OAUTH_URL),
                                     env_or (BZ_INSTAGRAM_GRAPH_URL_ENV, BZ_INSTAGRAM_GRAPH_URL),
                                     env_or (BZ_INSTAGRAM_APP_ID_ENV, NULL), env_or (BZ_INSTAGRAM_APP_SECRET_ENV, NULL));
  if (c->graph == NULL || public_url == NULL
      || !(g_str_has_prefix (public_url, "http://") || g_str_has_prefix (public_url, "https://")))
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAVAILABLE, _("Sharing to Instagram is not set up in this clinic"));
      return FALSE;
    }
  c->public_url = g_strdup (public_url);
  while (g_str_has_suffix (c->public_url, "/"))
    c->public_url[strlen (c->public_url) - 1] = '\0';
  return TRUE;
}

/* The kind's wrapper, created once and registered (health, metrics); the
 * defaults of bz-resilient.h but for the burst, and one attempt per call: a token exchange must not send a single-use code twice,
 * and the share jobs retry with the jobs' backoff instead. */
static BzResilient *
instagram_resilient (BzServices *svc)
{
  static GMutex lock;
  BzResilient *r;

  g_mutex_lock (&lock);
  r = bz_integrations_lookup (svc, "social_publishing", "instagram");
  if (r == NULL)
    {
      BzResilientConfig config;

      bz_resilient_config_init (&config);
      config.max_attempts = 1;
      config.bucket_capacity = INSTAGRAM_BURST;
      r = bz_resilient_new ("social_publishing", "instagram", &config, NULL);
      bz_integrations_register (svc, r);
    }
  g_mutex_unlock (&lock);
  return r;
}

/* One Graph call through the wrapper; @call->last_error keeps the
 * provider's own error (status, retryable) when it fails. */
static JsonObject *
graph (BzServices *svc, BzInstagramCall *call, const char *endpoint, GCancellable *cancellable, GError **error)
{
  BzResilientRequest req = { .endpoint = endpoint, .key = NULL, .remote = bz_instagram_graph_call, .remote_data = call };
  JsonNode *answer = bz_resilient_call (instagram_resilient (svc), &req, cancellable, NULL, error);
  JsonObject *o;

  if (answer == NULL)
    return NULL;
  o = json_object_ref (json_node_get_object (answer));
  json_node_unref (answer);
  return o;
}

static char *
state_hash (const char *state)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, state, -1);
}

/* --- connect ------------------------------------------------------------------ */

BzRecord *
bz_instagram_connect (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) parsed = NULL;
  g_auto(Config) config = { 0 };
  unsigned char raw[32];
  char state[sodium_base64_ENCODED_LEN (32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  g_autofree char *hash = NULL;
  const char *redirect;
  gint64 now = bz_jobs_now_ms ();
  BzRecord *out;

  g_return_val_if_fail (BZ_IS_SERVICES (svc) && caller != NULL, NULL);
  parsed = bz_resource_parse_closed (&bz_instagram_connect_resource, input, NULL, &v);
  redirect = parsed ? bz_record_get_string (parsed, BZ_INSTAGRAM_CONNECT_REDIRECT_URI) : NULL;
  if (redirect)
    {
      g_autoptr(GUri) uri = g_uri_parse (redirect, G_URI_FLAGS_NONE, NULL);
      if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0'
          || (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
        bz_validation_add (&v, "redirect_uri", "invalid_format", _("An http or https URL"));
    }
  if (!bz_validation_finish (&v, error) || !load_config (&config, error))
    return NULL;

  randombytes_buf (raw, sizeof raw);
  sodium_bin2base64 (state, sizeof state, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  hash = state_hash (state);
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_instagram_repo_add_state (store, hash, caller->user_id, redirect, now + BZ_INSTAGRAM_STATE_TTL_S * 1000, now,
                                    BZ_INSTAGRAM_STATES_PER_USER, error) || !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  out = bz_record_new (&bz_instagram_authorization_resource);
  bz_record_take_string (out, BZ_INSTAGRAM_AUTHORIZATION_URL, bz_instagram_graph_authorize_url (config.graph, redirect, state));
  bz_record_set_string (out, BZ_INSTAGRAM_AUTHORIZATION_STATE, state);
  return out;
}

/* --- callback ----------------------------------------------------------------- */

static void
require_text (BzValidation *v, const char *name, const char *value)
{
  if (value == NULL || *value == '\0')
    bz_validation_add (v, name, "required", _("Required"));
  else if (strlen (value) > BZ_INSTAGRAM_CODE_MAX_CHARS || !g_utf8_validate (value, -1, NULL))
    bz_validation_add (v, name, "too_long", _("Its length is out of range"));
}

/* An Instagram failure as the API's error: a refusal (4xx, a bad answer) is
 * 502, no answer 503. */
static void
upstream_error (const GError *local, const char *what, GError **error)
{
  g_message ("Instagram: %s failed: %s", what, local ? local->message : "no answer");
  if (g_error_matches (local, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_INVALID_REQUEST)
      || g_error_matches (local, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_BAD_RESPONSE)
      || g_error_matches (local, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_AUTH))
    g_set_error (error, BZ_ERROR, BZ_ERROR_UPSTREAM, _("Instagram refused to connect the account; try again"));
  else
    g_set_error (error, BZ_ERROR, BZ_ERROR_UNAVAILABLE, _("Instagram cannot be reached now; try again later"));
}

static BzRecord *status_of (BzStore *store, const char *user_id, GError **error);

BzRecord *
bz_instagram_callback (BzServices *svc, const char *code, const char *state, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_auto(Config) config = { 0 };
  g_autofree char *hash = NULL, *user_id = NULL, *redirect = NULL, *expires_at = NULL;
  g_autoptr(JsonObject) token = NULL, long_lived = NULL, profile = NULL;
  BzInstagramCall call = { 0 };
  g_autoptr(GError) local = NULL;
  gboolean expired = FALSE, ok;
  const char *access, *username, *ig_user_id;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  require_text (&v, "code", code);
  require_text (&v, "state", state);
  if (!bz_validation_finish (&v, error) || !load_config (&config, error))
    return NULL;

  /* The state: single use (taken in its own transaction, so a failed
   * exchange does not give it back), bound to its user, expiring. */
  hash = state_hash (state);
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_instagram_repo_take_state (store, hash, bz_jobs_now_ms (), &user_id, &redirect, &expired, error)
      || !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  if (user_id == NULL)
    {
      GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION, _("This Instagram connection request is unknown, "
                                                                          "used or expired; connect again"));
      bz_error_add_detail (e, "state", expired ? "expired_state" : "invalid_state", e->message);
      g_propagate_error (error, e);
      return NULL;
    }

  call.graph = config.graph;
  call.op = BZ_INSTAGRAM_OP_TOKEN;
  call.a = code;
  call.b = redirect;
  if (!(token = graph (svc, &call, "/oauth/access_token", NULL, &local)))
    goto upstream;
  call.op = BZ_INSTAGRAM_OP_LONG_LIVED;
  call.token = json_object_get_string_member (token, "access_token");
  if (!(long_lived = graph (svc, &call, "/access_token", NULL, &local)))
    goto upstream;
  access = json_object_get_string_member (long_lived, "access_token");
  call.op = BZ_INSTAGRAM_OP_PROFILE;
  call.token = access;
  if (!(profile = graph (svc, &call, "/me", NULL, &local)))
    goto upstream;
  ig_user_id = json_object_get_string_member (profile, "id");
  username = bz_json_get_string (profile, "username");
  if (username == NULL || *username == '\0' || strlen (username) > 255 || strlen (ig_user_id) > 255)
    {
      g_set_error_literal (&local, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_BAD_RESPONSE, "The profile has no username");
      goto upstream;
    }
  if (json_object_has_member (long_lived, "expires_in")
      && JSON_NODE_HOLDS_VALUE (json_object_get_member (long_lived, "expires_in"))
      && json_node_get_value_type (json_object_get_member (long_lived, "expires_in")) == G_TYPE_INT64)
    {
      gint64 s = json_object_get_int_member (long_lived, "expires_in");
      if (s > 0 && s < G_GINT64_CONSTANT (10) * 365 * 86400)
        {
          g_autoptr(GDateTime) t = g_date_time_new_now_utc ();
          g_autoptr(GDateTime) e = g_date_time_add_seconds (t, s);
          expires_at = g_date_time_format (e, "%Y-%m-%dT%H:%M:%SZ");
        }
    }
  if (!bz_store_begin (store, error))
    goto wipe;
  ok = bz_instagram_repo_save_connection (store, user_id, ig_user_id, username,
                                          bz_json_get_string (profile, "account_type"), access, expires_at, error)
       && bz_store_commit (store, error);
  if (!ok)
    {
      bz_store_rollback (store);
      if (error && *error && g_error_matches (*error, BZ_ERROR, BZ_ERROR_CONFLICT))
        {
          g_clear_error (error);
          g_set_error (error, BZ_ERROR, BZ_ERROR_CONFLICT, _("This Instagram account is connected to another user"));
        }
      goto wipe;
    }
  bz_store_notify (store, "instagram_connections", user_id);
  g_message ("Instagram: user %s connected account %s", user_id, ig_user_id);
  g_clear_error (&call.last_error);
  return status_of (store, user_id, error);

upstream:
  upstream_error (call.last_error ? call.last_error : local, "connecting an account", error);
wipe:
  g_clear_error (&call.last_error);
  return NULL;
}

/* --- status ------------------------------------------------------------------- */

static BzRecord *
status_of (BzStore *store, const char *user_id, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(BzRecord) out = bz_record_new (&bz_instagram_status_resource);
  BzRecord *connection = bz_instagram_repo_get_connection (store, user_id, &local);
  BzRecord *last = NULL;

  if (local == NULL && connection)
    last = bz_instagram_repo_last_share (store, user_id, &local);
  if (local)
    {
      g_clear_object (&connection);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  bz_record_set_boolean (out, BZ_INSTAGRAM_STATUS_CONNECTED, connection != NULL);
  if (connection)
    bz_record_take_object (out, BZ_INSTAGRAM_STATUS_CONNECTION, connection);
  else
    bz_record_set_null (out, BZ_INSTAGRAM_STATUS_CONNECTION);
  if (last)
    bz_record_take_object (out, BZ_INSTAGRAM_STATUS_LAST_SHARE, last);
  else
    bz_record_set_null (out, BZ_INSTAGRAM_STATUS_LAST_SHARE);
  return g_steal_pointer (&out);
}

BzRecord *
bz_instagram_status (BzServices *svc, const BzCaller *caller, GError **error)
{
  g_return_val_if_fail (BZ_IS_SERVICES (svc) && caller != NULL, NULL);
  return status_of (bz_services_get_store (svc), caller->user_id, error);
}

/* --- share -------------------------------------------------------------------- */

/* @caption, a blank line and the hashtags (the seed's _build_caption, each
 * with exactly one '#'). */
static char *
build_caption (const char *caption, const char *const *tags)
{
  GString *s = g_string_new (caption);

  for (guint i = 0; tags && tags[i]; i++)
    {
      const char *t = tags[i];
      while (*t == '#')
        t++;
      g_string_append (s, i == 0 ? "\n\n#" : " #");
      g_string_append (s, t);
    }
  return g_string_free (s, FALSE);
}

/* The connection's default hashtags (a JSON array of strings). */
static GStrv
default_tags (const char *json)
{
  g_autoptr(JsonNode) root = json ? bz_json_parse (json, strlen (json), &bz_json_limits_stored, NULL, NULL) : NULL;
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  if (root && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *a = json_node_get_array (root);
      for (guint i = 0; i < json_array_get_length (a); i++)
        if (JSON_NODE_HOLDS_VALUE (json_array_get_element (a, i))
            && json_node_get_value_type (json_array_get_element (a, i)) == G_TYPE_STRING)
          g_strv_builder_add (b, json_array_get_string_element (a, i));
    }
  return g_strv_builder_end (b);
}

static void
check_tags (const char *const *tags, BzValidation *v)
{
  for (guint i = 0; tags && tags[i]; i++)
    {
      const char *t = tags[i];
      glong n;

      while (*t == '#')
        t++;
      n = g_utf8_strlen (t, -1);
      if (n < 1 || n > BZ_INSTAGRAM_HASHTAG_MAX_CHARS || strpbrk (t, " \t\r\n#") != NULL)
        {
          g_autofree char *field = g_strdup_printf ("hashtags[%u]", i);
          bz_validation_add (v, field, "invalid_format", _("A hashtag: 1-100 characters without spaces"));
        }
    }
}

BzRecord *
bz_instagram_share (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) parsed = NULL;
  g_auto(Config) config = { 0 };
  g_auto(BzInstagramSecret) secret = { 0 };
  g_autofree char *author = NULL, *body = NULL, *caption = NULL, *media_url = NULL;
  g_auto(GStrv) defaults = NULL;
  g_autoptr(GPtrArray) shares = g_ptr_array_new_with_free_func (g_free);
  const char *post_id, *const *tags;
  gboolean feed = TRUE, story = FALSE;
  gint64 photos = 0, now = bz_jobs_now_ms ();
  BzRecord *out;

  g_return_val_if_fail (BZ_IS_SERVICES (svc) && caller != NULL, NULL);
  parsed = bz_resource_parse_closed (&bz_instagram_share_resource, input, NULL, &v);
  if (parsed)
    {
      if (bz_record_has (parsed, BZ_INSTAGRAM_SHARE_TO_FEED))
        feed = bz_record_get_boolean (parsed, BZ_INSTAGRAM_SHARE_TO_FEED);
      if (bz_record_has (parsed, BZ_INSTAGRAM_SHARE_TO_STORIES))
        story = bz_record_get_boolean (parsed, BZ_INSTAGRAM_SHARE_TO_STORIES);
      if (!feed && !story)
        bz_validation_add (&v, "share_to_feed", "invalid_value", _("Share to the feed, to the stories or both"));
      check_tags (bz_record_has (parsed, BZ_INSTAGRAM_SHARE_HASHTAGS)
                  ? bz_record_get_strv (parsed, BZ_INSTAGRAM_SHARE_HASHTAGS) : NULL, &v);
    }
  if (!bz_validation_finish (&v, error) || !load_config (&config, error))
    return NULL;

  post_id = bz_record_get_string (parsed, BZ_INSTAGRAM_SHARE_POST_ID);
  if (!bz_instagram_repo_post_source (store, post_id, &author, &body, &photos, error))
    return NULL;
  if (author == NULL || g_strcmp0 (author, caller->user_id) != 0)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Post not found"));
      return NULL;
    }
  if (photos == 0)
    {
      GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION, _("Instagram publishes photos: this post has none"));
      bz_error_add_detail (e, "post_id", "no_photo", e->message);
      g_propagate_error (error, e);
      return NULL;
    }
  if (!bz_instagram_repo_get_secret (store, caller->user_id, &secret, error))
    return NULL;
  if (secret.connection_id == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_CONFLICT, _("Connect your Instagram account first"));
      return NULL;
    }
  defaults = default_tags (secret.default_hashtags);
  tags = bz_record_has (parsed, BZ_INSTAGRAM_SHARE_HASHTAGS) ? bz_record_get_strv (parsed, BZ_INSTAGRAM_SHARE_HASHTAGS)
                                                            : (const char *const *) defaults;
  caption = build_caption (bz_record_has (parsed, BZ_INSTAGRAM_SHARE_CUSTOM_CAPTION)
                           ? bz_record_get_string (parsed, BZ_INSTAGRAM_SHARE_CUSTOM_CAPTION) : body, tags);
  if (g_utf8_strlen (caption, -1) > BZ_INSTAGRAM_CAPTION_MAX_CHARS)
    {
      GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION,
                                       _("With its hashtags the caption is longer than Instagram allows (2,200 characters)"));
      bz_error_add_detail (e, "custom_caption", "too_long", e->message);
      g_propagate_error (error, e);
      return NULL;
    }
  media_url = g_strdup_printf ("%s/api/v1/posts/%s/photos/0", config.public_url, post_id);

  if (!bz_store_begin (store, error))
    return NULL;
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = NULL, *key = NULL, *payload = NULL;

      if (!(i == 0 ? feed : story))
        continue;
      id = g_uuid_string_random ();
      key = g_strconcat ("instagram-share:", id, NULL);
      payload = g_strdup_printf ("{\"shareId\":\"%s\"}", id);
      if (!bz_instagram_repo_insert_share (store, id, caller->user_id, secret.connection_id, post_id,
                                           i == 0 ? "IMAGE" : "STORY", i == 0 ? caption : NULL, media_url, error)
          || !bz_jobs_repo_enqueue (store, BZ_INSTAGRAM_SHARE_JOB, payload, key, now, BZ_INSTAGRAM_SHARE_ATTEMPTS, now,
                                    NULL, NULL, error))
        {
          bz_store_rollback (store);
          return NULL;
        }
      g_ptr_array_add (shares, g_steal_pointer (&id));
    }
  if (!bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  if (bz_services_get_job_runner (svc))
    bz_job_runner_wake (bz_services_get_job_runner (svc));
  bz_store_notify (store, "instagram_posts", g_ptr_array_index (shares, 0));
  out = bz_record_new (&bz_instagram_share_job_resource);
  bz_record_set_string (out, BZ_INSTAGRAM_SHARE_JOB_ID, g_ptr_array_index (shares, 0));
  bz_record_set_int (out, BZ_INSTAGRAM_SHARE_JOB_ESTIMATED_TIME, ESTIMATED_SHARE_S);
  return out;
}

/* --- disconnect --------------------------------------------------------------- */

gboolean
bz_instagram_disconnect (BzServices *svc, const BzCaller *caller, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  gboolean deleted = FALSE;

  g_return_val_if_fail (BZ_IS_SERVICES (svc) && caller != NULL, FALSE);
  if (!bz_store_begin (store, error))
    return FALSE;
  if (!bz_instagram_repo_delete_connection (store, caller->user_id, &deleted, error))
    {
      bz_store_rollback (store);
      return FALSE;
    }
  if (!deleted)
    {
      bz_store_rollback (store);
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("No Instagram account is connected"));
      return FALSE;
    }
  if (!bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return FALSE;
    }
  bz_store_notify (store, "instagram_connections", caller->user_id);
  g_message ("Instagram: user %s disconnected", caller->user_id);
  return TRUE;
}

/* --- the share job ------------------------------------------------------------ */

/* Records an attempt's failure: the share stays publishing while another
 * attempt follows (@retryable and attempts left), else it fails; FALSE with
 * the job's error. */
static gboolean
attempt_failed (BzStore *store, const char *share_id, const BzJob *job, const GError *cause, gboolean retryable,
                GError **error)
{
  gboolean retry = retryable && job->attempts < job->max_attempts;
  guint status = bz_integration_error_get_status (cause);
  g_autofree char *message = status ? g_strdup_printf ("Instagram answered %u: %s", status, cause->message)
                                    : g_strdup (cause ? cause->message : "no answer");

  if (!bz_instagram_repo_set_share (store, share_id, retry ? "publishing" : "failed", NULL, message, error))
    return FALSE;
  bz_store_notify (store, "instagram_posts", share_id);
  g_message ("Instagram: share %s attempt %d of %d failed%s: %s", share_id, job->attempts, job->max_attempts,
             retry ? ", retried" : "", message);
  /* VALIDATION ends the job at once; UNAVAILABLE is retried with backoff. */
  g_set_error (error, BZ_ERROR, retry ? BZ_ERROR_UNAVAILABLE : BZ_ERROR_VALIDATION, "%s", message);
  return FALSE;
}

static gboolean
run_share (BzStore *store_, const BzJob *job, GCancellable *cancellable, gpointer user_data, GError **error)
{
  BzServices *svc = user_data;
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(JsonNode) root = job->payload ? bz_json_parse (job->payload, strlen (job->payload), &bz_json_limits_stored,
                                                           NULL, NULL) : NULL;
  const char *share_id = root && JSON_NODE_HOLDS_OBJECT (root) ? bz_json_get_string (json_node_get_object (root), "shareId") : NULL;
  g_auto(BzInstagramShareRow) row = { 0 };
  g_auto(BzInstagramSecret) secret = { 0 };
  g_auto(Config) config = { 0 };
  g_autoptr(JsonObject) container = NULL, published = NULL;
  g_autoptr(GError) local = NULL;
  BzInstagramCall call = { 0 };
  gboolean ok;

  if (share_id == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION, "An Instagram share job without shareId: %s", job->payload);
      return FALSE;
    }
  if (!bz_instagram_repo_get_share (store, share_id, &row, error))
    return FALSE;
  if (row.user_id == NULL || g_strcmp0 (row.status, "publishing") != 0)
    return TRUE;   /* disconnected since (the share went with it), or settled by an earlier run */
  if (!bz_instagram_repo_get_secret (store, row.user_id, &secret, error))
    return FALSE;
  if (secret.connection_id == NULL)
    return TRUE;
  if (!load_config (&config, &local))
    return attempt_failed (store, share_id, job, local, TRUE, error);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  call.graph = config.graph;
  call.op = BZ_INSTAGRAM_OP_CONTAINER;
  call.user_id = secret.instagram_user_id;
  call.token = secret.access_token;
  call.a = row.media_url;
  call.b = row.caption;
  call.story = g_strcmp0 (row.media_type, "STORY") == 0;
  container = graph (svc, &call, "/media", cancellable, &local);
  if (container)
    {
      call.op = BZ_INSTAGRAM_OP_PUBLISH;
      call.a = json_object_get_string_member (container, "id");
      published = graph (svc, &call, "/media_publish", cancellable, &local);
    }
  if (published == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&call.last_error);
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      /* No own error: the wrapper did not call (breaker open, rate limit): later. */
      ok = attempt_failed (store, share_id, job, call.last_error ? call.last_error : local,
                           call.last_error ? bz_integration_error_is_retryable (call.last_error) : TRUE, error);
      g_clear_error (&call.last_error);
      return ok;
    }
  g_clear_error (&call.last_error);
  if (!bz_instagram_repo_set_share (store, share_id, "published", json_object_get_string_member (published, "id"), NULL,
                                    error))
    return FALSE;
  bz_store_notify (store, "instagram_posts", share_id);
  g_message ("Instagram: share %s published as media %s", share_id, json_object_get_string_member (published, "id"));
  return TRUE;
}

void
bz_instagram_register_jobs (BzJobRunner *runner, BzServices *svc)
{
  bz_job_runner_register (runner, BZ_INSTAGRAM_SHARE_JOB, BZ_JOB_HANDLER_NONE, run_share, g_object_ref (svc),
                          g_object_unref);
}
