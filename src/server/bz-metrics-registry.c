/* bz-metrics-registry.c — the server's counters (see bz-metrics-registry.h). */
#include "bz-metrics-registry.h"

#include <stdatomic.h>

#include "bz-integration-service.h"
#include "bz-metrics.h"
#include "bz-ops-service.h"
#include "bz-realtime.h"

/* The status codes Balanza answers (bz_error_http_status(), handlers,
 * libsoup's 304/416 for blobs); any other is counted as status="other". */
static const guint16 statuses[] = {
  200, 201, 202, 204, 206, 301, 302, 304, 400, 401, 403, 404, 405, 406, 409, 410,
  412, 413, 415, 416, 422, 423, 428, 429, 500, 501, 502, 503, 504,
};
#define N_STATUS (G_N_ELEMENTS (statuses) + 1)  /* + "other" */
#define N_BUCKETS (BZ_METRICS_N_LATENCY_BUCKETS + 1)  /* + +Inf */

typedef struct
{
  char *route;            /* the normalized pattern, or "unmatched" */
  const char *method;     /* the route's, or "*" */
  atomic_uint_fast64_t by_status[N_STATUS];
  atomic_uint_fast64_t buckets[N_BUCKETS];
  atomic_uint_fast64_t sum_us;
} Series;

struct _BzMetricsRegistry
{
  GHashTable *slot_of;    /* const BzRoute * -> GUINT_TO_POINTER (series index + 1); read-only once built */
  Series *series;         /* one per distinct (method, template), then "unmatched" last */
  guint n_series;
  atomic_int active_users;
  atomic_uint_fast64_t scrape_errors;
};

static guint8 status_slot[600];   /* status -> index in statuses[], N_STATUS - 1 for others */

static void
init_status_slots (void)
{
  static gsize done;
  if (g_once_init_enter (&done))
    {
      memset (status_slot, N_STATUS - 1, sizeof status_slot);
      for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
        status_slot[statuses[i]] = i;
      g_once_init_leave (&done, 1);
    }
}

typedef struct
{
  BzMetricsRegistry *self;
  GHashTable *by_key;     /* "METHOD template" -> index + 1 */
  GPtrArray *routes;      /* char * templates, owned */
  GPtrArray *methods;
} Build;

static void
add_route (const BzRoute *route, gpointer data)
{
  Build *b = data;
  g_autofree char *template = bz_router_normalize (route->pattern);
  g_autofree char *key = g_strconcat (route->method, " ", template, NULL);
  guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (b->by_key, key));

  if (slot == 0)
    {
      g_ptr_array_add (b->routes, g_steal_pointer (&template));
      g_ptr_array_add (b->methods, (gpointer) route->method);
      slot = b->routes->len;
      g_hash_table_insert (b->by_key, g_steal_pointer (&key), GUINT_TO_POINTER (slot));
    }
  g_hash_table_insert (b->self->slot_of, (gpointer) route, GUINT_TO_POINTER (slot));
}

static void
registry_free (gpointer data)
{
  BzMetricsRegistry *self = data;
  for (guint i = 0; i < self->n_series; i++)
    g_free (self->series[i].route);
  g_free (self->series);
  g_hash_table_unref (self->slot_of);
  g_free (self);
}

static BzMetricsRegistry *
registry_new (void)
{
  BzMetricsRegistry *self = g_new0 (BzMetricsRegistry, 1);
  Build b = { self, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
              g_ptr_array_new (), g_ptr_array_new () };

  init_status_slots ();
  self->slot_of = g_hash_table_new (NULL, NULL);
  bz_router_foreach (add_route, &b);
  self->n_series = b.routes->len + 1;
  self->series = g_new0 (Series, self->n_series);
  for (guint i = 0; i < b.routes->len; i++)
    {
      self->series[i].route = g_ptr_array_index (b.routes, i);
      self->series[i].method = g_ptr_array_index (b.methods, i);
    }
  self->series[b.routes->len].route = g_strdup ("unmatched");
  self->series[b.routes->len].method = "*";
  g_ptr_array_unref (b.routes);   /* the templates now belong to the series */
  g_ptr_array_unref (b.methods);
  g_hash_table_unref (b.by_key);
  return self;
}

BzMetricsRegistry *
bz_metrics_registry_get (BzServices *svc)
{
  static GMutex create;
  BzMetricsRegistry *self;

  g_mutex_lock (&create);
  self = g_object_get_data (G_OBJECT (svc), "bz-metrics");
  if (self == NULL)
    {
      self = registry_new ();
      g_object_set_data_full (G_OBJECT (svc), "bz-metrics", self, registry_free);
    }
  g_mutex_unlock (&create);
  return self;
}

static Series *
series_of (BzMetricsRegistry *self, const BzRoute *route)
{
  guint slot = route ? GPOINTER_TO_UINT (g_hash_table_lookup (self->slot_of, route)) : 0;
  return slot ? &self->series[slot - 1] : &self->series[self->n_series - 1];
}

const char *
bz_metrics_registry_route_label (BzMetricsRegistry *self, const BzRoute *route)
{
  return series_of (self, route)->route;
}

void
bz_metrics_registry_observe (BzMetricsRegistry *self, const BzRoute *route, guint status, gint64 duration_us)
{
  Series *s = series_of (self, route);
  guint b;

  if (duration_us < 0)
    duration_us = 0;
  b = bz_metrics_bucket_index (bz_metrics_latency_buckets, BZ_METRICS_N_LATENCY_BUCKETS,
                               duration_us / (double) G_USEC_PER_SEC);
  atomic_fetch_add_explicit (&s->by_status[status < G_N_ELEMENTS (status_slot) ? status_slot[status] : N_STATUS - 1],
                             1, memory_order_relaxed);
  atomic_fetch_add_explicit (&s->buckets[b], 1, memory_order_relaxed);
  atomic_fetch_add_explicit (&s->sum_us, (guint64) duration_us, memory_order_relaxed);
}

void
bz_metrics_registry_note_user (BzMetricsRegistry *self, GHashTable *seen, const char *user_id, gint64 now_us)
{
  gint64 *last = g_hash_table_lookup (seen, user_id);

  if (last)
    {
      *last = now_us;
      return;
    }
  last = g_new (gint64, 1);
  *last = now_us;
  g_hash_table_insert (seen, g_strdup (user_id), last);
  atomic_fetch_add_explicit (&self->active_users, 1, memory_order_relaxed);
}

void
bz_metrics_registry_expire_users (BzMetricsRegistry *self, GHashTable *seen, gint64 now_us)
{
  GHashTableIter it;
  gpointer value;

  g_hash_table_iter_init (&it, seen);
  while (g_hash_table_iter_next (&it, NULL, &value))
    if (now_us == G_MAXINT64 || now_us - *(gint64 *) value > BZ_METRICS_ACTIVE_WINDOW_US)
      {
        g_hash_table_iter_remove (&it);
        atomic_fetch_sub_explicit (&self->active_users, 1, memory_order_relaxed);
      }
}

/* --- The text format --------------------------------------------------------- */

static void
render_requests (BzMetricsRegistry *self, GString *out)
{
  bz_metrics_append_family (out, "balanza_http_requests_total", "counter",
                            "HTTP requests answered, by route template, method and status code.");
  for (guint i = 0; i < self->n_series; i++)
    for (guint k = 0; k < N_STATUS; k++)
      {
        Series *s = &self->series[i];
        guint64 n = atomic_load_explicit (&s->by_status[k], memory_order_relaxed);
        char status[8];
        if (n == 0)
          continue;
        if (k < G_N_ELEMENTS (statuses))
          g_snprintf (status, sizeof status, "%u", statuses[k]);
        else
          g_strlcpy (status, "other", sizeof status);
        bz_metrics_append_sample (out, "balanza_http_requests_total",
                                  (const char *const[]) { "route", s->route, "method", s->method,
                                                          "status", status, NULL }, n);
      }
  bz_metrics_append_family (out, "balanza_http_request_duration_seconds", "histogram",
                            "Time from a request's arrival to its answer, by route template and method.");
  for (guint i = 0; i < self->n_series; i++)
    {
      Series *s = &self->series[i];
      guint64 counts[N_BUCKETS], total = 0;
      for (guint k = 0; k < N_BUCKETS; k++)
        total += counts[k] = atomic_load_explicit (&s->buckets[k], memory_order_relaxed);
      if (total == 0)
        continue;
      bz_metrics_append_histogram (out, "balanza_http_request_duration_seconds",
                                   (const char *const[]) { "route", s->route, "method", s->method, NULL },
                                   bz_metrics_latency_buckets, BZ_METRICS_N_LATENCY_BUCKETS, counts,
                                   atomic_load_explicit (&s->sum_us, memory_order_relaxed) / (double) G_USEC_PER_SEC);
    }
}

typedef struct
{
  GString *attempts, *errors, *calls;
} IntegrationText;

static void
add_integration (const BzIntegrationCounts *c, gpointer data)
{
  IntegrationText *t = data;
  const char *const served[] = { "remote", "cached", "local", "manual" };
  const guint64 values[] = { c->served_remote, c->served_cached, c->served_local, c->manual };

  bz_metrics_append_sample (t->attempts, "balanza_integration_attempts_total",
                            (const char *const[]) { "kind", c->kind, "provider", c->provider, NULL }, c->attempts);
  bz_metrics_append_sample (t->errors, "balanza_integration_errors_total",
                            (const char *const[]) { "kind", c->kind, "provider", c->provider, NULL }, c->failures);
  for (guint i = 0; i < G_N_ELEMENTS (served); i++)
    bz_metrics_append_sample (t->calls, "balanza_integration_calls_total",
                              (const char *const[]) { "kind", c->kind, "provider", c->provider,
                                                      "served", served[i], NULL }, values[i]);
}

static void
render_integrations (BzServices *svc, GString *out)
{
  IntegrationText t = { g_string_new (NULL), g_string_new (NULL), g_string_new (NULL) };

  bz_integrations_foreach_counts (svc, add_integration, &t);
  bz_metrics_append_family (out, "balanza_integration_attempts_total", "counter",
                            "Remote attempts of each integration provider (BzResilient).");
  g_string_append_len (out, t.attempts->str, t.attempts->len);
  bz_metrics_append_family (out, "balanza_integration_errors_total", "counter",
                            "Remote attempts that failed (timeouts, 5xx, invalid answers), per provider.");
  g_string_append_len (out, t.errors->str, t.errors->len);
  bz_metrics_append_family (out, "balanza_integration_calls_total", "counter",
                            "Integration calls by what answered them: remote, cached, local fallback or manual entry.");
  g_string_append_len (out, t.calls->str, t.calls->len);
  g_string_free (t.attempts, TRUE);
  g_string_free (t.errors, TRUE);
  g_string_free (t.calls, TRUE);
}

void
bz_metrics_registry_render (BzMetricsRegistry *self, BzServices *svc, GString *out)
{
  g_autoptr(GError) error = NULL;
  gint64 queued = 0, running = 0;

  render_requests (self, out);
  bz_metrics_append_family (out, "balanza_active_users", "gauge",
                            "Distinct users with an authenticated request in the last 5 minutes.");
  bz_metrics_append_sample (out, "balanza_active_users", NULL,
                            atomic_load_explicit (&self->active_users, memory_order_relaxed));
  bz_metrics_append_family (out, "balanza_websocket_connections", "gauge", "Open WebSocket connections.");
  bz_metrics_append_sample (out, "balanza_websocket_connections", NULL,
                            bz_realtime_count (bz_services_get_realtime (svc), NULL));
  render_integrations (svc, out);
  if (bz_ops_job_queue_depth (svc, &queued, &running, &error))
    {
      bz_metrics_append_family (out, "balanza_jobs", "gauge",
                                "Durable jobs waiting (queued) or being run (running).");
      bz_metrics_append_sample (out, "balanza_jobs", (const char *const[]) { "state", "queued", NULL }, queued);
      bz_metrics_append_sample (out, "balanza_jobs", (const char *const[]) { "state", "running", NULL }, running);
    }
  else
    {
      g_message ("Metrics: job queue not read: %s", error->message);
      atomic_fetch_add_explicit (&self->scrape_errors, 1, memory_order_relaxed);
    }
  bz_metrics_append_family (out, "balanza_metrics_scrape_errors_total", "counter",
                            "Scrapes that could not read a figure from the store.");
  bz_metrics_append_sample (out, "balanza_metrics_scrape_errors_total", NULL,
                            atomic_load_explicit (&self->scrape_errors, memory_order_relaxed));
}
