/* bz-integration-service.c — provider registry, health and webhooks in
 * (see bz-integration-service.h). */
#include "bz-integration-service.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "bz-integration-repo.h"
#include "bz-integration-resources.h"
#include "bz-jobs.h"
#include "bz-local-workout-planner.h"
#include "bz-provider-kinds.h"
#include "bz-resilient.h"
#include "bz-store.h"

/* --- The registry: one per BzServices, kept on it as object data ------------
 * (the services' struct stays as it is; the registry is created on first use). */

typedef struct
{
  GMutex lock;
  GPtrArray *resilients;   /* BzResilient*, owned: the registered, one per kind and provider */
  GPtrArray *retired;      /* BzResilient*, owned: replaced or unregistered ones, kept until the
                            * services go, as bz_integrations_lookup() promised a caller */
  GPtrArray *providers;    /* the embedded providers' objects, owned */
} Registry;

static void
registry_free (gpointer data)
{
  Registry *r = data;
  g_ptr_array_unref (r->resilients);
  g_ptr_array_unref (r->retired);
  g_ptr_array_unref (r->providers);
  g_mutex_clear (&r->lock);
  g_free (r);
}

/* Keeps each remote attempt in the month's usage row (on the caller's
 * thread and connection). */
static void
store_usage (BzResilient *r, const char *month, guint64 calls, double cost, gpointer services)
{
  g_autoptr(GError) error = NULL;

  if (!bz_integration_repo_add_usage (bz_services_get_store (services), bz_resilient_get_kind (r),
                                      bz_resilient_get_provider (r), month, calls, cost, &error))
    g_message ("Integrations: usage of %s/%s not stored: %s", bz_resilient_get_kind (r),
               bz_resilient_get_provider (r), error->message);
}

/* The month's usage so far (an earlier run's) counts against the quota;
 * from now on each attempt is stored. */
static void
wire_usage (BzServices *self, BzResilient *r)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *month = bz_resilient_dup_month (r);
  gint64 calls = 0;
  double cost = 0;

  if (bz_integration_repo_get_usage (bz_services_get_store (self), bz_resilient_get_kind (r),
                                     bz_resilient_get_provider (r), month, &calls, &cost, &error))
    bz_resilient_restore_usage (r, month, calls, cost);
  else
    g_message ("Integrations: usage of %s/%s not read: %s", bz_resilient_get_kind (r),
               bz_resilient_get_provider (r), error->message);
  bz_resilient_set_usage_func (r, store_usage, self);
}

static Registry *
registry (BzServices *self)
{
  static GMutex create;
  Registry *r;

  g_mutex_lock (&create);
  r = g_object_get_data (G_OBJECT (self), "bz-integrations");
  if (r == NULL)
    {
      r = g_new0 (Registry, 1);
      g_mutex_init (&r->lock);
      r->resilients = g_ptr_array_new_with_free_func ((GDestroyNotify) bz_resilient_free);
      r->retired = g_ptr_array_new_with_free_func ((GDestroyNotify) bz_resilient_free);
      r->providers = g_ptr_array_new_with_free_func (g_object_unref);
      /* The embedded providers: offline, free, never down. */
      g_ptr_array_add (r->providers, bz_local_diet_planner_new ());
      g_ptr_array_add (r->resilients, bz_resilient_new ("diet_planning", "local", NULL, NULL));
      wire_usage (self, g_ptr_array_index (r->resilients, 0));
      g_ptr_array_add (r->providers, bz_local_workout_planner_new ());   /* seed 000 story 4.1 */
      g_ptr_array_add (r->resilients, bz_resilient_new ("workout_planning", "local", NULL, NULL));
      wire_usage (self, g_ptr_array_index (r->resilients, 1));
      g_object_set_data_full (G_OBJECT (self), "bz-integrations", r, registry_free);
    }
  g_mutex_unlock (&create);
  return r;
}

/* The index of @kind/@provider's wrapper in r->resilients, or -1; under r->lock. */
static int
find_locked (Registry *r, const char *kind, const char *provider)
{
  for (guint i = 0; i < r->resilients->len; i++)
    {
      BzResilient *x = g_ptr_array_index (r->resilients, i);
      if (g_strcmp0 (bz_resilient_get_kind (x), kind) == 0 && g_strcmp0 (bz_resilient_get_provider (x), provider) == 0)
        return (int) i;
    }
  return -1;
}

void
bz_integrations_register (BzServices *self, BzResilient *resilient)
{
  Registry *r = registry (self);
  int old;

  g_return_if_fail (resilient != NULL);
  wire_usage (self, resilient);
  g_mutex_lock (&r->lock);
  old = find_locked (r, bz_resilient_get_kind (resilient), bz_resilient_get_provider (resilient));
  if (old >= 0)
    {
      /* Configured again: the new wrapper takes the old one's place. */
      g_ptr_array_add (r->retired, g_ptr_array_index (r->resilients, old));
      r->resilients->pdata[old] = resilient;
    }
  else
    g_ptr_array_add (r->resilients, resilient);
  g_mutex_unlock (&r->lock);
}

gboolean
bz_integrations_unregister (BzServices *self, const char *kind, const char *provider)
{
  Registry *r = registry (self);
  int i;

  g_return_val_if_fail (kind != NULL && provider != NULL, FALSE);
  g_mutex_lock (&r->lock);
  i = find_locked (r, kind, provider);
  if (i >= 0)   /* the rest keep their order */
    g_ptr_array_add (r->retired, g_ptr_array_steal_index (r->resilients, i));
  g_mutex_unlock (&r->lock);
  return i >= 0;
}

BzResilient *
bz_integrations_lookup (BzServices *self, const char *kind, const char *provider)
{
  Registry *r = registry (self);
  BzResilient *found;
  int i;

  g_mutex_lock (&r->lock);
  i = find_locked (r, kind, provider);
  found = i >= 0 ? g_ptr_array_index (r->resilients, i) : NULL;
  g_mutex_unlock (&r->lock);
  return found;
}

void
bz_integrations_foreach_counts (BzServices *self, void (*func) (const BzIntegrationCounts *counts, gpointer user_data),
                                gpointer user_data)
{
  Registry *r = registry (self);

  g_mutex_lock (&r->lock);
  for (guint i = 0; i < r->resilients->len; i++)
    {
      BzResilient *x = g_ptr_array_index (r->resilients, i);
      BzResilientStats s;
      BzIntegrationCounts c;

      bz_resilient_get_stats (x, &s);
      c = (BzIntegrationCounts) {
        .kind = bz_resilient_get_kind (x), .provider = bz_resilient_get_provider (x),
        .attempts = s.attempts, .failures = s.failures,
        .served_remote = s.served_remote, .served_cached = s.served_cached,
        .served_local = s.served_local, .manual = s.manual,
      };
      bz_resilient_stats_clear (&s);
      func (&c, user_data);
    }
  g_mutex_unlock (&r->lock);
}

/* --- Secrets ----------------------------------------------------------------- */

static gboolean
provider_name_is_valid (const char *provider)
{
  gsize n = provider ? strlen (provider) : 0;

  if (n == 0 || n > BZ_INTEGRATION_PROVIDER_MAX)
    return FALSE;
  for (const char *p = provider; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
      return FALSE;
  return TRUE;
}

/* The provider's secret from BALANZA_WEBHOOK_SECRET_<PROVIDER>, or %NULL. */
static const char *
webhook_secret (const char *provider)
{
  g_autofree char *upper = NULL, *name = NULL;
  const char *secret;

  if (!provider_name_is_valid (provider))
    return NULL;
  upper = g_ascii_strup (provider, -1);
  name = g_strconcat (BZ_WEBHOOK_SECRET_ENV_PREFIX, upper, NULL);
  secret = g_getenv (name);
  if (secret != NULL && strlen (secret) < BZ_WEBHOOK_SECRET_MIN)
    {
      g_message ("Integrations: %s is shorter than %d bytes; %s webhooks are refused", name,
                 BZ_WEBHOOK_SECRET_MIN, provider);
      return NULL;
    }
  return secret;
}

/* The providers with a secret in the environment. */
static GStrv
webhook_providers (void)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  gsize prefix = strlen (BZ_WEBHOOK_SECRET_ENV_PREFIX);

  for (guint i = 0; env[i]; i++)
    if (g_str_has_prefix (env[i], BZ_WEBHOOK_SECRET_ENV_PREFIX))
      {
        const char *eq = strchr (env[i], '=');
        g_autofree char *upper = eq ? g_strndup (env[i] + prefix, eq - env[i] - prefix) : NULL;
        g_autofree char *provider = upper ? g_ascii_strdown (upper, -1) : NULL;
        if (provider && webhook_secret (provider))
          g_strv_builder_add (b, provider);
      }
  return g_strv_builder_end (b);
}

/* --- Health ----------------------------------------------------------------------- */

static gboolean
require_staff (const BzCaller *caller, GError **error)
{
  if (caller->role == BZ_ROLE_NUTRITIONIST || caller->role == BZ_ROLE_ADMIN)
    return TRUE;
  g_set_error (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, _("Only the clinic's staff can see the integrations"));
  return FALSE;
}

static char *
iso_utc (gint64 unix_s)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (unix_s);
  return g_date_time_format (t, "%Y-%m-%dT%H:%M:%SZ");
}

/* @status's place in bz_vocab_provider_health, which lists the statuses from
 * the best (healthy, 0) to the worst (down). */
static int
severity (const char *status)
{
  for (guint i = 0; i < bz_vocab_provider_health.n_terms; i++)
    if (g_strcmp0 (status, bz_vocab_provider_health.terms[i].id) == 0)
      return (int) i;
  return 0;
}

static BzRecord *
provider_health (BzResilient *x, const char **worst)
{
  BzRecord *p = bz_record_new (&bz_integration_provider_health_resource);
  BzResilientStats s;
  const char *status;

  bz_resilient_get_stats (x, &s);
  status = bz_resilient_health (&s);
  if (severity (status) > severity (*worst))
    *worst = status;
  bz_record_set_string (p, BZ_INTEGRATION_PROVIDER_HEALTH_KIND, bz_resilient_get_kind (x));
  bz_record_set_string (p, BZ_INTEGRATION_PROVIDER_HEALTH_NAME, bz_resilient_get_provider (x));
  bz_record_set_string (p, BZ_INTEGRATION_PROVIDER_HEALTH_STATUS, status);
  bz_record_set_string (p, BZ_INTEGRATION_PROVIDER_HEALTH_BREAKER_STATE, bz_breaker_state_name (s.breaker));
  if (s.last_check_us)
    bz_record_take_string (p, BZ_INTEGRATION_PROVIDER_HEALTH_LAST_CHECK, iso_utc (s.last_check_us / G_USEC_PER_SEC));
  bz_record_set_double (p, BZ_INTEGRATION_PROVIDER_HEALTH_ERROR_RATE, s.error_rate);
  bz_record_set_int (p, BZ_INTEGRATION_PROVIDER_HEALTH_ATTEMPTS, s.attempts);
  bz_record_set_int (p, BZ_INTEGRATION_PROVIDER_HEALTH_FAILURES, s.failures);
  bz_record_set_int (p, BZ_INTEGRATION_PROVIDER_HEALTH_SERVED_CACHED, s.served_cached);
  bz_record_set_int (p, BZ_INTEGRATION_PROVIDER_HEALTH_SERVED_LOCAL, s.served_local);
  bz_record_set_int (p, BZ_INTEGRATION_PROVIDER_HEALTH_MANUAL_ENTRIES, s.manual);
  bz_record_set_int (p, BZ_INTEGRATION_PROVIDER_HEALTH_QUOTA_CALLS_USED, s.quota_calls_used);
  if (s.quota_calls_limit)
    bz_record_set_int (p, BZ_INTEGRATION_PROVIDER_HEALTH_QUOTA_CALLS_LIMIT, s.quota_calls_limit);
  bz_record_set_double (p, BZ_INTEGRATION_PROVIDER_HEALTH_QUOTA_COST_USED, s.quota_cost_used);
  if (s.quota_cost_limit > 0)
    bz_record_set_double (p, BZ_INTEGRATION_PROVIDER_HEALTH_QUOTA_COST_LIMIT, s.quota_cost_limit);
  if (s.last_error)
    bz_record_set_string (p, BZ_INTEGRATION_PROVIDER_HEALTH_ERROR, s.last_error);
  bz_resilient_stats_clear (&s);
  return p;
}

static BzRecord *
webhook_health (const char *provider, const gint64 *counts, const char **worst)
{
  BzRecord *w = bz_record_new (&bz_integration_webhook_health_resource);
  gint64 zero[BZ_INTEGRATION_EVENT_N_STATES] = { 0 };

  if (counts == NULL)
    counts = zero;
  if (counts[BZ_INTEGRATION_EVENT_FAILED] > 0 && severity (*worst) < 1)
    *worst = "degraded";
  bz_record_set_string (w, BZ_INTEGRATION_WEBHOOK_HEALTH_PROVIDER, provider);
  bz_record_set_boolean (w, BZ_INTEGRATION_WEBHOOK_HEALTH_SECRET_CONFIGURED, webhook_secret (provider) != NULL);
  bz_record_set_int (w, BZ_INTEGRATION_WEBHOOK_HEALTH_PROCESSED, counts[BZ_INTEGRATION_EVENT_PROCESSED]);
  bz_record_set_int (w, BZ_INTEGRATION_WEBHOOK_HEALTH_PENDING,
                     counts[BZ_INTEGRATION_EVENT_RECEIVED] + counts[BZ_INTEGRATION_EVENT_RETRYING]);
  bz_record_set_int (w, BZ_INTEGRATION_WEBHOOK_HEALTH_FAILED, counts[BZ_INTEGRATION_EVENT_FAILED]);
  return w;
}

BzRecord *
bz_integrations_health (BzServices *self, const BzCaller *caller, GError **error)
{
  Registry *r = registry (self);
  g_autoptr(BzRecord) h = NULL;
  g_auto(GStrv) stored = NULL, configured = NULL;
  g_autofree gint64 *counts = NULL;
  const char *worst = "healthy";

  g_return_val_if_fail (BZ_IS_SERVICES (self) && caller != NULL, NULL);
  if (!require_staff (caller, error))
    return NULL;
  if (!bz_integration_repo_count_events (bz_services_get_store (self), &stored, &counts, error))
    return NULL;
  h = bz_record_new (&bz_integration_health_resource);
  bz_record_set_empty_array (h, BZ_INTEGRATION_HEALTH_PROVIDERS);
  bz_record_set_empty_array (h, BZ_INTEGRATION_HEALTH_WEBHOOKS);
  g_mutex_lock (&r->lock);
  for (guint i = 0; i < r->resilients->len; i++)
    bz_record_append (h, BZ_INTEGRATION_HEALTH_PROVIDERS, provider_health (g_ptr_array_index (r->resilients, i), &worst));
  g_mutex_unlock (&r->lock);

  /* The providers with stored deliveries, then those with only a secret. */
  configured = webhook_providers ();
  for (guint i = 0; stored[i]; i++)
    bz_record_append (h, BZ_INTEGRATION_HEALTH_WEBHOOKS,
                      webhook_health (stored[i], counts + i * BZ_INTEGRATION_EVENT_N_STATES, &worst));
  for (guint i = 0; configured[i]; i++)
    if (!g_strv_contains ((const char *const *) stored, configured[i]))
      bz_record_append (h, BZ_INTEGRATION_HEALTH_WEBHOOKS, webhook_health (configured[i], NULL, &worst));

  bz_record_set_string (h, BZ_INTEGRATION_HEALTH_STATUS, worst);
  bz_record_take_string (h, BZ_INTEGRATION_HEALTH_CHECKED_AT, iso_utc (bz_jobs_now_ms () / 1000));
  return g_steal_pointer (&h);
}

/* --- Webhooks: verification -------------------------------------------------------- */

struct _BzWebhookDelivery
{
  char *provider;
  GBytes *body;
};

void
bz_webhook_delivery_free (BzWebhookDelivery *d)
{
  if (d == NULL)
    return;
  g_free (d->provider);
  g_bytes_unref (d->body);
  g_free (d);
}

/* HMAC-SHA256 (@secret, "@ts.@body"). */
static void
webhook_mac (const char *secret, const char *ts, GBytes *body, unsigned char out[crypto_auth_hmacsha256_BYTES])
{
  crypto_auth_hmacsha256_state st;
  gsize len = 0;
  const guchar *data = body ? g_bytes_get_data (body, &len) : NULL;

  crypto_auth_hmacsha256_init (&st, (const unsigned char *) secret, strlen (secret));
  crypto_auth_hmacsha256_update (&st, (const unsigned char *) ts, strlen (ts));
  crypto_auth_hmacsha256_update (&st, (const unsigned char *) ".", 1);
  if (len > 0)
    crypto_auth_hmacsha256_update (&st, data, len);
  crypto_auth_hmacsha256_final (&st, out);
  sodium_memzero (&st, sizeof st);
}

char *
bz_integrations_sign_webhook (const char *secret, gint64 timestamp_s, GBytes *body)
{
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
  g_autofree char *ts = g_strdup_printf ("%" G_GINT64_FORMAT, timestamp_s);

  g_return_val_if_fail (secret != NULL, NULL);
  webhook_mac (secret, ts, body, mac);
  sodium_bin2hex (hex, sizeof hex, mac, sizeof mac);
  return g_strdup_printf ("t=%s,v1=%s", ts, hex);
}

static gboolean
refuse (GError **error, const char *message)
{
  g_set_error_literal (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, message);
  return FALSE;
}

/* The signature header's t and v1 values match @body under @secret, within
 * the tolerance.  At most 8 parts of 200 bytes: a header is short. */
static gboolean
signature_matches (const char *secret, const char *header, GBytes *body, GError **error)
{
  g_auto(GStrv) parts = NULL;
  const char *ts = NULL;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  gboolean any_v1 = FALSE, match = FALSE;
  gint64 t, now_s = bz_jobs_now_ms () / 1000;

  if (header == NULL || strlen (header) > 1024)
    return refuse (error, _("The webhook signature is missing"));
  parts = g_strsplit (header, ",", 9);
  for (guint i = 0; parts[i] && i < 8; i++)
    {
      char *p = g_strstrip (parts[i]);
      if (g_str_has_prefix (p, "t="))
        ts = p + 2;
      else if (g_str_has_prefix (p, "v1="))
        any_v1 = TRUE;
    }
  if (ts == NULL || !any_v1 || *ts == '\0' || strlen (ts) > 12 || strspn (ts, "0123456789") != strlen (ts))
    return refuse (error, _("The webhook signature is malformed"));
  t = g_ascii_strtoll (ts, NULL, 10);
  if (ABS (now_s - t) > BZ_WEBHOOK_TOLERANCE_S)
    return refuse (error, _("The webhook signature's timestamp is too old or in the future"));
  webhook_mac (secret, ts, body, mac);
  /* Every v1 is compared, in constant time, whether or not one matched. */
  for (guint i = 0; parts[i] && i < 8; i++)
    if (g_str_has_prefix (parts[i], "v1="))
      {
        unsigned char got[crypto_auth_hmacsha256_BYTES];
        size_t got_len = 0;
        const char *hex = parts[i] + 3;
        if (strlen (hex) == 2 * sizeof got &&
            sodium_hex2bin (got, sizeof got, hex, strlen (hex), NULL, &got_len, NULL) == 0 &&
            got_len == sizeof got && sodium_memcmp (got, mac, sizeof mac) == 0)
          match = TRUE;
      }
  sodium_memzero (mac, sizeof mac);
  return match || refuse (error, _("The webhook signature does not match"));
}

BzWebhookDelivery *
bz_integrations_verify_webhook (BzServices *self, const char *provider, const char *signature, GBytes *body,
                                GError **error)
{
  const char *secret = webhook_secret (provider);
  BzWebhookDelivery *d;

  g_return_val_if_fail (BZ_IS_SERVICES (self) && body != NULL, NULL);
  if (secret == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("No webhook is configured for this provider"));
      return NULL;
    }
  if (g_bytes_get_size (body) > BZ_WEBHOOK_BODY_MAX)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_PAYLOAD_TOO_LARGE, _("The webhook body is too large"));
      return NULL;
    }
  if (sodium_init () < 0 || !signature_matches (secret, signature, body, error))
    {
      g_message ("Integrations: webhook of %s refused: %s", provider, error && *error ? (*error)->message : "");
      return NULL;
    }
  d = g_new0 (BzWebhookDelivery, 1);
  d->provider = g_strdup (provider);
  d->body = g_bytes_ref (body);
  return d;
}

/* --- Webhooks: storing ----------------------------------------------------------------- */

static char *
job_key (gint64 event_id, int attempt)
{
  return g_strdup_printf ("event:%" G_GINT64_FORMAT ":%d", event_id, attempt);
}

static char *
job_payload (gint64 event_id)
{
  return g_strdup_printf ("{\"event_id\":%" G_GINT64_FORMAT "}", event_id);
}

/* A string member of 1-@max characters, or a detail in @v. */
static const char *
event_string (JsonObject *event, const char *name, guint max, BzValidation *v)
{
  const char *s = bz_json_get_string (event, name);

  if (s == NULL)
    bz_validation_add (v, name, "required", _("Required, as a string"));
  else if (*s == '\0' || g_utf8_strlen (s, -1) > max)
    bz_validation_add (v, name, *s ? "too_long" : "too_short", _("Its length is out of range"));
  else
    return s;
  return NULL;
}

BzRecord *
bz_integrations_accept_webhook (BzServices *self, BzWebhookDelivery *d, JsonObject *event, GError **error)
{
  BzStore *store = bz_services_get_store (self);
  BzValidation v = BZ_VALIDATION_INIT;
  const char *id = event_string (event, "id", BZ_INTEGRATION_DELIVERY_ID_MAX, &v);
  const char *type = event_string (event, "type", BZ_INTEGRATION_EVENT_TYPE_MAX, &v);
  g_autoptr(BzIntegrationEvent) stored = NULL;
  gint64 now = bz_jobs_now_ms (), event_id = 0;
  gboolean created = FALSE;
  BzRecord *receipt;

  g_return_val_if_fail (BZ_IS_SERVICES (self) && d != NULL && event != NULL, NULL);
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_integration_repo_insert_event (store, d->provider, id, type, d->body, now, &event_id, &created, error))
    goto fail;
  if (created)
    {
      g_autofree char *key = job_key (event_id, 1), *payload = job_payload (event_id);
      if (!bz_jobs_repo_enqueue (store, BZ_INTEGRATION_WEBHOOK_JOB, payload, key, now, 0, now, NULL, NULL, error))
        goto fail;
    }
  if (!(stored = bz_integration_repo_get_event (store, event_id, error)) || !bz_store_commit (store, error))
    goto fail;
  if (created && bz_services_get_job_runner (self))
    bz_job_runner_wake (bz_services_get_job_runner (self));
  /* Seed 003: "Log all webhook events" (ids and types only, never bodies). */
  g_message ("Integrations: webhook %s %s (%s) %s as event %" G_GINT64_FORMAT, d->provider, id, type,
             created ? "stored" : "replayed, already stored", event_id);

  receipt = bz_record_new (&bz_webhook_receipt_resource);
  bz_record_set_int (receipt, BZ_WEBHOOK_RECEIPT_EVENT_ID, event_id);
  bz_record_set_string (receipt, BZ_WEBHOOK_RECEIPT_PROVIDER, d->provider);
  bz_record_set_string (receipt, BZ_WEBHOOK_RECEIPT_DELIVERY_ID, stored->delivery_id);
  bz_record_set_string (receipt, BZ_WEBHOOK_RECEIPT_EVENT_TYPE, stored->event_type);
  bz_record_set_boolean (receipt, BZ_WEBHOOK_RECEIPT_DUPLICATE, !created);
  bz_record_set_string (receipt, BZ_WEBHOOK_RECEIPT_STATE, bz_integration_event_state_name (stored->state));
  return receipt;

fail:
  bz_store_rollback (store);
  return NULL;
}

BzRecord *
bz_integrations_test_webhook (BzServices *self, const BzCaller *caller, JsonObject *body, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) input = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BzWebhookDelivery) d = NULL;
  g_autofree char *id = NULL, *text = NULL, *signature = NULL, *uuid = g_uuid_string_random ();
  const char *service, *secret;

  g_return_val_if_fail (BZ_IS_SERVICES (self) && caller != NULL, NULL);
  if (!require_staff (caller, error))
    return NULL;
  input = bz_resource_parse (&bz_test_webhook_resource, body, NULL, &v);
  service = bz_json_get_string (body, "service");
  if (service && *service && strlen (service) <= BZ_INTEGRATION_PROVIDER_MAX && !provider_name_is_valid (service))
    bz_validation_add (&v, "service", "invalid_format", _("A provider name: lower-case letters, digits and _"));
  if (!bz_validation_finish (&v, error))
    return NULL;
  service = bz_record_get_string (input, BZ_TEST_WEBHOOK_SERVICE);
  if ((secret = webhook_secret (service)) == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("No webhook is configured for this provider"));
      return NULL;
    }
  id = g_strconcat ("test_", uuid, NULL);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, bz_record_get_string (input, BZ_TEST_WEBHOOK_EVENT));
  json_builder_set_member_name (b, "data");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "test");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_end_object (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, FALSE);
  bytes = g_bytes_new (text, strlen (text));
  signature = bz_integrations_sign_webhook (secret, bz_jobs_now_ms () / 1000, bytes);
  d = bz_integrations_verify_webhook (self, service, signature, bytes, error);
  if (d == NULL)
    return NULL;
  return bz_integrations_accept_webhook (self, d, json_node_get_object (root), error);
}

/* --- Webhooks: processing (the durable job) ----------------------------------------- */

typedef struct
{
  BzWebhookProcessor func;
  gpointer user_data;
} Processor;

static GHashTable *processors;   /* provider -> Processor */
G_LOCK_DEFINE_STATIC (processors);

void
bz_integrations_set_webhook_processor (const char *provider, BzWebhookProcessor func, gpointer user_data)
{
  g_return_if_fail (provider != NULL);
  G_LOCK (processors);
  if (processors == NULL)
    processors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (func == NULL)
    g_hash_table_remove (processors, provider);
  else
    {
      Processor *p = g_new0 (Processor, 1);
      p->func = func;
      p->user_data = user_data;
      g_hash_table_replace (processors, g_strdup (provider), p);
    }
  G_UNLOCK (processors);
}

static gboolean
log_only (BzStore *store, const char *provider, const char *event_type, JsonObject *event,
          GCancellable *cancellable, gpointer user_data, GError **error)
{
  g_message ("Integrations: %s event %s processed (no processor: logged only)", provider, event_type);
  return TRUE;
}

static gboolean
process (BzStore *store, BzIntegrationEvent *e, GCancellable *cancellable, GError **error)
{
  Processor p = { log_only, NULL };
  g_autoptr(JsonNode) root = NULL;
  gsize len;
  const char *data = g_bytes_get_data (e->body, &len);

  G_LOCK (processors);
  if (processors && g_hash_table_lookup (processors, e->provider))
    p = *(Processor *) g_hash_table_lookup (processors, e->provider);
  G_UNLOCK (processors);
  root = bz_json_parse (data ? data : "", len, &bz_json_limits_body, NULL, error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_clear_error (error);
      g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION, "The stored body is not a JSON object");
      return FALSE;
    }
  return p.func (store, e->provider, e->event_type, json_node_get_object (root), cancellable, p.user_data, error);
}

/* One attempt at an event, inside the job's transaction: the processor in a
 * savepoint, then the event's new state, and the next attempt's job when it
 * failed with attempts left (its own job, so its delay is seed 003's 2 s x
 * 2^(n-1) rather than the jobs table's generic backoff). */
static gboolean
run_webhook (BzStore *store, const BzJob *job, GCancellable *cancellable, gpointer user_data, GError **error)
{
  g_autoptr(JsonNode) payload = json_from_string (job->payload, NULL);
  g_autoptr(BzIntegrationEvent) e = NULL;
  g_autoptr(GError) failure = NULL;
  gint64 event_id, now = bz_jobs_now_ms ();
  gboolean nested = FALSE, ok;
  int attempts;

  event_id = payload && JSON_NODE_HOLDS_OBJECT (payload)
             ? json_object_get_int_member_with_default (json_node_get_object (payload), "event_id", 0) : 0;
  if (event_id <= 0 || !(e = bz_integration_repo_get_event (store, event_id, error)))
    {
      g_clear_error (error);
      g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION, "No integration event for job payload %s", job->payload);
      return FALSE;
    }
  if (e->state == BZ_INTEGRATION_EVENT_PROCESSED || e->state == BZ_INTEGRATION_EVENT_FAILED)
    return TRUE;   /* done already: this job ran before (at least once delivery) */
  attempts = e->attempts + 1;

  if (!bz_store_begin_nested (store, "webhook_event", &nested, error))
    return FALSE;
  ok = process (store, e, cancellable, &failure);
  if (ok && !bz_store_commit_nested (store, "webhook_event", nested, error))
    return FALSE;
  if (!ok)
    {
      bz_store_rollback_nested (store, "webhook_event", nested);
      if (g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&failure));   /* given back unrun */
          return FALSE;
        }
    }

  if (ok)
    return bz_integration_repo_record_attempt (store, e->id, BZ_INTEGRATION_EVENT_PROCESSED, attempts, NULL, now, error);
  if (attempts >= BZ_WEBHOOK_MAX_ATTEMPTS)
    {
      /* A message, not a warning: a provider's event, not Balanza's fault; health shows it. */
      g_message ("Integrations: %s event %s parked after %d attempts: %s", e->provider, e->event_type, attempts,
                 failure ? failure->message : "");
      return bz_integration_repo_record_attempt (store, e->id, BZ_INTEGRATION_EVENT_FAILED, attempts,
                                                 failure ? failure->message : "failed", now, error);
    }
  {
    g_autofree char *key = job_key (e->id, attempts + 1), *next = job_payload (e->id);
    gint64 delay = (gint64) BZ_WEBHOOK_BACKOFF_BASE_MS << (attempts - 1);

    g_message ("Integrations: %s event %s failed (attempt %d of %d), next in %" G_GINT64_FORMAT " ms: %s",
               e->provider, e->event_type, attempts, BZ_WEBHOOK_MAX_ATTEMPTS, delay,
               failure ? failure->message : "");
    return bz_integration_repo_record_attempt (store, e->id, BZ_INTEGRATION_EVENT_RETRYING, attempts,
                                               failure ? failure->message : "failed", now, error) &&
           bz_jobs_repo_enqueue (store, BZ_INTEGRATION_WEBHOOK_JOB, next, key, now + delay, 0, now, NULL, NULL, error);
  }
}

void
bz_integrations_register_jobs (BzJobRunner *runner)
{
  bz_job_runner_register (runner, BZ_INTEGRATION_WEBHOOK_JOB, BZ_JOB_HANDLER_TRANSACTIONAL, run_webhook, NULL, NULL);
}
