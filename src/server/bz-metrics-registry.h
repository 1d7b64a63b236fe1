/* bz-metrics-registry.h — the HTTP server's counters for GET /metrics.
 *
 * One registry per BzServices (kept on it as object data), shared by every
 * BzServer that serves it.  Request counters are per route template (the
 * router's pattern, normalized under /api/v1/, e.g.
 * /api/v1/posts/{post_id}; never the raw path, so the label set is bounded
 * by the route tables), per method and per status code; latency
 * histograms (bz_metrics_latency_buckets) per route and method.  Requests no
 * route matched (404, 405) share the route label "unmatched" and the method
 * label "*" (the method is the client's text: unbounded).
 *
 * Cost on the request path: bz_metrics_registry_observe() is a read-only
 * hash lookup and three relaxed atomic additions, no lock.  Active users are
 * counted by each server in a table of its own thread (no lock either);
 * their number is an atomic integer read by the scrape.
 */
#pragma once

#include "bz-router.h"

G_BEGIN_DECLS

typedef struct _BzMetricsRegistry BzMetricsRegistry;

/** BZ_METRICS_ACTIVE_WINDOW_US: a user is active for 5 minutes after a request (seed 002 §10 "active users"). */
#define BZ_METRICS_ACTIVE_WINDOW_US (5 * 60 * G_USEC_PER_SEC)

/**
 * bz_metrics_registry_get:
 *
 * Creates the registry on first use (thread-safe).
 *
 * Returns: (transfer none): @svc's registry, alive as long as @svc.
 */
BzMetricsRegistry *bz_metrics_registry_get (BzServices *svc);

/**
 * bz_metrics_registry_observe:
 * @route: (nullable): the matched route; %NULL: no route matched
 * @status: the status code written
 * @duration_us: from the request's arrival to its answer, µs
 *
 * Counts one answered request.  Any thread; lock-free.
 */
void  bz_metrics_registry_observe (BzMetricsRegistry *self, const BzRoute *route, guint status, gint64 duration_us);

/**
 * bz_metrics_registry_route_label:
 * @route: (nullable): a route
 *
 * Returns: (transfer none): @route's template as the metrics and the request
 *   log name it ("/api/v1/posts/{post_id}"), or "unmatched" for %NULL.
 */
const char *bz_metrics_registry_route_label (BzMetricsRegistry *self, const BzRoute *route);

/**
 * bz_metrics_registry_note_user:
 * @seen: a server's table, user id (owned) -> gint64 * (owned), last request
 *   in monotonic µs; used by one thread only (the server's)
 * @user_id: the authenticated caller
 * @now_us: g_get_monotonic_time()
 *
 * Records a request of @user_id; a user new to @seen adds one to the active
 * users.
 */
void  bz_metrics_registry_note_user (BzMetricsRegistry *self, GHashTable *seen, const char *user_id, gint64 now_us);

/**
 * bz_metrics_registry_expire_users:
 *
 * Drops from @seen (and from the active users) everyone whose last request
 * is older than %BZ_METRICS_ACTIVE_WINDOW_US at @now_us; the server calls it
 * once a second.  With @now_us = %G_MAXINT64 it drops everyone (the server
 * stops).
 */
void  bz_metrics_registry_expire_users (BzMetricsRegistry *self, GHashTable *seen, gint64 now_us);

/**
 * bz_metrics_registry_render:
 * @svc: the services (WebSockets, jobs, integrations)
 * @out: where the text format 0.0.4 is appended
 *
 * Writes every metric family: balanza_http_requests_total{route,method,status},
 * balanza_http_request_duration_seconds{route,method} (histogram),
 * balanza_active_users, balanza_websocket_connections,
 * balanza_integration_attempts_total{kind,provider},
 * balanza_integration_errors_total{kind,provider},
 * balanza_integration_calls_total{kind,provider,served},
 * balanza_jobs{state="queued"|"running"} (omitted when the store cannot be
 * read), and balanza_metrics_scrape_errors_total.
 */
void  bz_metrics_registry_render (BzMetricsRegistry *self, BzServices *svc, GString *out);

G_END_DECLS
