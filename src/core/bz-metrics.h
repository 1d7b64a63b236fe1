/* bz-metrics.h — the Prometheus text exposition format (version 0.0.4) and
 * latency histograms: pure logic, no state (the registry that counts lives in
 * src/server/bz-metrics-registry.[ch]).
 *
 * Format: https://prometheus.io/docs/instrumenting/exposition_formats/
 * ("Text-based format"): one "# HELP" and one "# TYPE" line per metric
 * family, then its samples "name{label="value",...} value"; label values
 * escape backslash, double quote and line feed; HELP text escapes backslash
 * and line feed.  A histogram family "x" has the samples x_bucket{le="..."}
 * (cumulative, ending with le="+Inf"), x_sum and x_count.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/** BZ_METRICS_CONTENT_TYPE: the media type of the text format 0.0.4. */
#define BZ_METRICS_CONTENT_TYPE "text/plain; version=0.0.4; charset=utf-8"

/**
 * BZ_METRICS_N_LATENCY_BUCKETS:
 *
 * The number of finite upper bounds of %bz_metrics_latency_buckets; a
 * histogram keeps one more slot, for +Inf.
 */
#define BZ_METRICS_N_LATENCY_BUCKETS 11

/**
 * bz_metrics_latency_buckets:
 *
 * Request latency bucket bounds in seconds, ascending: 0.005, 0.01, 0.025,
 * 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10.  They are the Prometheus client
 * libraries' default buckets (client_golang's prometheus.DefBuckets,
 * client_python's Histogram.DEFAULT_BUCKETS), "tailored to broadly measure
 * the response time (in seconds) of a network service", so dashboards and
 * alerts written for other services apply unchanged; they also span
 * Balanza's own figures (BENCHMARKS.md: reads well under 5 ms, uploads and
 * plan generation up to seconds).
 */
extern const double bz_metrics_latency_buckets[BZ_METRICS_N_LATENCY_BUCKETS];

/**
 * bz_metrics_bucket_index:
 * @bounds: (array length=n_bounds): ascending finite upper bounds
 * @n_bounds: their number
 * @value: the observation (seconds for latencies)
 *
 * The Prometheus rule: an observation belongs to every bucket whose upper
 * bound ("le", less or equal) is at least @value.
 *
 * Returns: the first i with @value <= @bounds[i], or @n_bounds (the +Inf
 *   bucket) when @value exceeds them all or is NaN.
 */
guint bz_metrics_bucket_index (const double *bounds, guint n_bounds, double value);

/**
 * bz_metrics_append_label_value:
 * @out: where to append
 * @value: (nullable): the raw value, UTF-8 (%NULL is the empty string)
 *
 * Appends @value escaped for a label value: backslash as \\, double quote
 * as \" and line feed as \n (the 0.0.4 text format); nothing else changes.
 */
void  bz_metrics_append_label_value (GString *out, const char *value);

/**
 * bz_metrics_append_value:
 * @out: where to append
 * @value: a sample value
 *
 * Appends @value as the text format writes floats: integers without a
 * fraction ("42"), others with 15 significant digits when that reads back
 * exactly and 17 otherwise (always exact), and "+Inf", "-Inf" or "NaN".
 */
void  bz_metrics_append_value (GString *out, double value);

/**
 * bz_metrics_append_family:
 * @out: where to append
 * @name: the metric name ([a-zA-Z_:][a-zA-Z0-9_:]*; checked with g_return_if_fail)
 * @type: "counter", "gauge" or "histogram"
 * @help: the HELP text (backslash and line feed are escaped)
 *
 * Appends the "# HELP" and "# TYPE" lines that open a metric family.
 */
void  bz_metrics_append_family (GString *out, const char *name, const char *type, const char *help);

/**
 * bz_metrics_append_sample:
 * @out: where to append
 * @name: the sample's name (the family's, or with _bucket, _sum, _count)
 * @labels: (nullable) (array zero-terminated=1): label names and values,
 *   alternating: { "route", "/x", "status", "200", NULL }; names must be
 *   valid label names, values are escaped
 * @value: the value
 *
 * Appends one sample line: name{label="value",...} value\n (no braces
 * without labels).
 */
void  bz_metrics_append_sample (GString *out, const char *name, const char *const *labels, double value);

/**
 * bz_metrics_append_histogram:
 * @out: where to append
 * @name: the family's name (without _bucket)
 * @labels: (nullable) (array zero-terminated=1): as bz_metrics_append_sample(),
 *   without "le"
 * @bounds: (array length=n_bounds): ascending finite upper bounds
 * @n_bounds: their number
 * @counts: (array length=n_bounds+1): observations per bucket, NOT
 *   cumulative: counts[i] fell in (bounds[i-1], bounds[i]], the last one above
 *   every bound (as bz_metrics_bucket_index() files them)
 * @sum: the sum of every observation
 *
 * Appends the samples of one histogram series: the cumulative buckets
 * (le="bound", then le="+Inf"), _sum and _count (the +Inf bucket's value).
 */
void  bz_metrics_append_histogram (GString *out, const char *name, const char *const *labels,
                                   const double *bounds, guint n_bounds, const guint64 *counts, double sum);

G_END_DECLS
