/* bz-resilient.h — BzResilient: the wrapper every call to an outside service
 * goes through (ARCHITECTURE.md "Integrations"; seed 000; seed 003 "Error
 * Handling", "Rate Limiting", "Monitoring").
 *
 * One BzResilient per provider (kind + name: "diet_planning"/"http").  A
 * call (bz_resilient_call()) goes down the fallback chain
 *
 *   remote -> cached -> local -> manual entry
 *
 * The remote step is admitted only when the circuit breaker lets it through,
 * the monthly quota has room and the token bucket has a token; then each
 * attempt runs under the call's deadline, retryable failures
 * (bz_integration_error_is_retryable()) are retried with "full jitter"
 * exponential backoff, honouring the service's retry-after, and the answer
 * must pass the provider's validator before it counts.  A good remote answer
 * is kept per request key; when the remote step fails (or is not admitted)
 * the last good answer for the key is served; without one the local
 * provider's; without that, %BZ_INTEGRATION_ERROR_MANUAL_ENTRY tells the
 * caller to let the user type the data in.  An INVALID_REQUEST (our request
 * is wrong) and a cancellation end the call at once, with no fallback.
 *
 * Circuit breaker (Michael Nygard, "Release It!", 2nd ed. 2018, ch. 5
 * "Circuit Breaker"; the states of Martin Fowler's "CircuitBreaker", 2014):
 *
 *   closed --N consecutive failures, or error rate >= R over the window
 *            (with at least M attempts in it)--> open
 *   open   --cool-down elapsed: the next call is the one probe--> half-open
 *   half-open --probe succeeds--> closed;  --probe fails--> open (cool-down again)
 *
 * While open, and while the probe is out, calls skip the remote step.  Only
 * failures that are the service's fault count
 * (bz_integration_error_counts_as_failure()).
 *
 * Time: every clock reading, wait and random draw goes through a
 * #BzResilientClock, so tests move a fake clock instead of sleeping.  The
 * deadline of an attempt is also enforced in real time by a timer that
 * cancels the attempt's #GCancellable (a provider that hangs is stopped).
 *
 * Thread-safe: calls run on worker threads (bz_resilient_call_async() runs
 * one in a GTask thread); the state is guarded by a mutex never held during
 * an attempt or a wait.  Counters are in memory; the month's quota usage is
 * reported to a listener (bz_resilient_set_usage_func()) and restored from
 * it at start (bz_resilient_restore_usage()), so it survives restarts.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bz-integration-error.h"

G_BEGIN_DECLS

/* --- Defaults: every constant of the layer, with its reason ------------------ */

/** BZ_RESILIENT_DEADLINE_MS: 10 s for a whole call, retries included: a
 * person is waiting at the desk or on the phone; past this a cached or local
 * answer serves them better (the Nielsen "10 seconds" limit of attention,
 * "Response Times: The 3 Important Limits", 1993). */
#define BZ_RESILIENT_DEADLINE_MS          10000
/** BZ_RESILIENT_MAX_ATTEMPTS: 3 attempts (2 retries), as seed 003's queue
 * (attempts: 3). */
#define BZ_RESILIENT_MAX_ATTEMPTS         3
/** BZ_RESILIENT_BACKOFF_BASE_MS: the first retry waits up to 250 ms: short
 * next to the deadline, so that 2 retries fit in it. */
#define BZ_RESILIENT_BACKOFF_BASE_MS      250
/** BZ_RESILIENT_BACKOFF_CAP_MS: no wait between attempts exceeds 4 s (less
 * than half the deadline). */
#define BZ_RESILIENT_BACKOFF_CAP_MS       4000
/** BZ_RESILIENT_BREAKER_FAILURES: 5 consecutive failures open the breaker
 * (Polly's and resilience4j's usual default order of magnitude: a few, so that one
 * blip does not open it). */
#define BZ_RESILIENT_BREAKER_FAILURES     5
/** BZ_RESILIENT_BREAKER_ERROR_RATE: or half of the attempts of the window
 * failing (resilience4j's default failureRateThreshold, 50 %)... */
#define BZ_RESILIENT_BREAKER_ERROR_RATE   0.5
/** BZ_RESILIENT_BREAKER_MIN_CALLS: ...with at least 10 attempts in it
 * (resilience4j's minimumNumberOfCalls default), so 1 of 2 does not open it. */
#define BZ_RESILIENT_BREAKER_MIN_CALLS    10
/** BZ_RESILIENT_BREAKER_WINDOW_MS: the error rate's window, 60 s. */
#define BZ_RESILIENT_BREAKER_WINDOW_MS    60000
/** BZ_RESILIENT_BREAKER_COOLDOWN_MS: an open breaker half-opens after 30 s
 * (a restarting service is usually back within that; resilience4j's default
 * waitDurationInOpenState is 60 s, Polly's break duration 5-30 s). */
#define BZ_RESILIENT_BREAKER_COOLDOWN_MS  30000
/** BZ_RESILIENT_BUCKET_CAPACITY: a burst of 10 attempts... */
#define BZ_RESILIENT_BUCKET_CAPACITY      10.0
/** BZ_RESILIENT_BUCKET_PER_S: ...then 1 per second (60 a minute: the order of
 * the free tiers of hosted model APIs, and far above a clinic's needs). */
#define BZ_RESILIENT_BUCKET_PER_S         1.0
/** BZ_RESILIENT_CACHE_ENTRIES: the last good answers kept, per provider. */
#define BZ_RESILIENT_CACHE_ENTRIES        256
/** BZ_RESILIENT_WINDOW_SLOTS: attempts remembered for the error rate. */
#define BZ_RESILIENT_WINDOW_SLOTS         64

/**
 * BzResilientConfig:
 * @deadline_ms: the whole call's time, retries included, > 0
 * @max_attempts: attempts of the remote step, >= 1
 * @backoff_base_ms: @backoff_cap_ms: see bz_resilient_backoff_ms()
 * @breaker_failures: consecutive failures that open the breaker, >= 1
 * @breaker_error_rate: the error rate (0-1] over @breaker_window_ms that opens it
 * @breaker_min_calls: attempts the window needs before its rate counts
 * @breaker_window_ms: the error rate's window
 * @breaker_cooldown_ms: open -> half-open after this long
 * @bucket_capacity: the token bucket's size (a burst), >= 1
 * @bucket_per_s: tokens added per second, > 0
 * @monthly_calls: attempts allowed per calendar month (UTC); 0: no limit
 * @monthly_cost: cost allowed per month, in the unit the provider reports
 *   (MXN for Balanza's providers); 0: no limit
 * @cache_entries: last good answers kept (0: no cache)
 *
 * Per-provider settings; bz_resilient_config_init() fills the defaults above.
 */
typedef struct
{
  gint64 deadline_ms;
  guint max_attempts;
  gint64 backoff_base_ms;
  gint64 backoff_cap_ms;
  guint breaker_failures;
  double breaker_error_rate;
  guint breaker_min_calls;
  gint64 breaker_window_ms;
  gint64 breaker_cooldown_ms;
  double bucket_capacity;
  double bucket_per_s;
  guint64 monthly_calls;
  double monthly_cost;
  guint cache_entries;
} BzResilientConfig;

/** bz_resilient_config_init: fills @config with the BZ_RESILIENT_* defaults. */
void     bz_resilient_config_init (BzResilientConfig *config);

/**
 * bz_resilient_config_load:
 * @config: the settings to override (the defaults, or an earlier load)
 * @file: a key file (balanzad's configuration)
 * @group: the provider's group, e.g. "integration diet_planning/http"
 * @error: G_KEY_FILE_ERROR: a value that is not a number, or out of its bounds
 *
 * Overrides the members of @config whose keys @group has; the keys are the
 * members' names ("deadline_ms = 5000", "monthly_calls = 2000",
 * "monthly_cost = 500.0").  Each is bounded (1 ms - 10 min for times,
 * 1-10 attempts, a rate in (0, 1]...), and the cap may not be below the base.
 * A group that is absent changes nothing.  On error @config is unchanged.
 *
 * Returns: %TRUE on success.
 */
gboolean bz_resilient_config_load (BzResilientConfig *config, GKeyFile *file, const char *group, GError **error);

/**
 * BzResilientClock:
 * @now_us: the wall clock, µs since the Unix epoch (the month of the quota
 *   is taken from it, in UTC)
 * @sleep_us: waits @us µs unless @cancellable fires; returns %FALSE when cancelled
 * @random01: a number in [0, 1)
 * @user_data: for the three
 *
 * Time and chance for a #BzResilient.  The default (a %NULL clock) is
 * g_get_real_time(), a wait on the cancellable's file descriptor, and
 * g_random_double().  Tests give a fake whose sleep moves its clock.
 */
typedef struct
{
  gint64   (*now_us)   (gpointer user_data);
  gboolean (*sleep_us) (gint64 us, GCancellable *cancellable, gpointer user_data);
  double   (*random01) (gpointer user_data);
  gpointer user_data;
} BzResilientClock;

/**
 * BzBreakerState:
 * @BZ_BREAKER_CLOSED: calls go through
 * @BZ_BREAKER_OPEN: calls skip the remote step until the cool-down ends
 * @BZ_BREAKER_HALF_OPEN: one probe call is let through
 */
typedef enum
{
  BZ_BREAKER_CLOSED,
  BZ_BREAKER_OPEN,
  BZ_BREAKER_HALF_OPEN,
} BzBreakerState;

/** bz_breaker_state_name: Returns: (transfer none): "closed", "open" or "half_open". */
const char *bz_breaker_state_name (BzBreakerState state);

/**
 * BzResilientSource:
 * Where an answer came from: the service, the last good answer for the
 * same key, or the embedded local provider.
 */
typedef enum
{
  BZ_RESILIENT_REMOTE,
  BZ_RESILIENT_CACHED,
  BZ_RESILIENT_LOCAL,
} BzResilientSource;

/** bz_resilient_source_name: Returns: (transfer none): "remote", "cached" or "local". */
const char *bz_resilient_source_name (BzResilientSource source);

/**
 * BzResilientFunc:
 * @data: the caller's data for this call
 * @cancellable: cancelled by the caller or when the deadline passes
 * @out_cost: (out): the call's cost in the quota's unit (0 when free)
 * @error: a %BZ_INTEGRATION_ERROR (or G_IO_ERROR_CANCELLED)
 *
 * One attempt of a provider call; blocking, on a worker thread.
 *
 * Returns: (transfer full) (nullable): the answer as JSON, or %NULL with @error.
 */
typedef JsonNode *(*BzResilientFunc) (gpointer data, GCancellable *cancellable, double *out_cost,
                                      GError **error);

/**
 * BzResilientValidate:
 * Checks an answer against its schema before anything uses or keeps it.
 * Returns: %TRUE when valid; %FALSE with @error (any message) otherwise.
 */
typedef gboolean (*BzResilientValidate) (JsonNode *answer, GError **error);

/**
 * BzResilientRequest:
 * @endpoint: what the call asks for, for the log ("/v1/chat/completions");
 *   never a secret or a patient's data
 * @key: (nullable): the cache key: requests with the same key may be served
 *   the same answer (e.g. "diet:<patient>:<inputs hash>"); %NULL: no cache
 * @remote: (nullable): the remote attempt; %NULL goes straight to the fallbacks
 * @remote_data: its data; must live until the call returns
 * @local: (nullable): the embedded provider's answer
 * @local_data: its data
 */
typedef struct
{
  const char *endpoint;
  const char *key;
  BzResilientFunc remote;
  gpointer remote_data;
  BzResilientFunc local;
  gpointer local_data;
} BzResilientRequest;

/**
 * BzResilientStats:
 * @breaker: the breaker's state now (an open breaker whose cool-down
 *   ended reads half_open)
 * @attempts: remote attempts made; @successes, @failures: their outcomes
 *   (failures: the ones bz_integration_error_counts_as_failure())
 * @served_remote, @served_cached, @served_local, @manual: how calls ended
 * @error_rate: failures / attempts over the breaker's window (0 when none)
 * @last_check_us: the wall clock time of the last remote attempt, 0: never
 * @last_error: (nullable): the last remote failure's message
 * @quota_calls_used, @quota_calls_limit: this month's attempts (limit 0: none)
 * @quota_cost_used, @quota_cost_limit: this month's cost (limit 0: none)
 * @tokens: tokens in the bucket now
 *
 * A snapshot for the health endpoint; free @last_error with bz_resilient_stats_clear().
 */
typedef struct
{
  BzBreakerState breaker;
  guint64 attempts, successes, failures;
  guint64 served_remote, served_cached, served_local, manual;
  double error_rate;
  gint64 last_check_us;
  char *last_error;
  guint64 quota_calls_used, quota_calls_limit;
  double quota_cost_used, quota_cost_limit;
  double tokens;
} BzResilientStats;

void bz_resilient_stats_clear (BzResilientStats *stats);

typedef struct _BzResilient BzResilient;

/**
 * bz_resilient_new:
 * @kind: the service kind ("diet_planning", "meal_detection", ...)
 * @provider: the provider's name ("local", "http", "openai")
 * @config: (nullable): its settings; %NULL: the defaults
 * @clock: (nullable): its clock (copied); %NULL: the real one
 *
 * Returns: (transfer full): a wrapper with a closed breaker, a full bucket and
 *   an empty cache; free with bz_resilient_free().
 */
BzResilient *bz_resilient_new  (const char *kind, const char *provider, const BzResilientConfig *config,
                                const BzResilientClock *clock);
void         bz_resilient_free (BzResilient *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzResilient, bz_resilient_free)

/** bz_resilient_get_kind: Returns: (transfer none): the service kind. */
const char  *bz_resilient_get_kind     (BzResilient *self);
/** bz_resilient_get_provider: Returns: (transfer none): the provider's name. */
const char  *bz_resilient_get_provider (BzResilient *self);
/** bz_resilient_get_config: Returns: (transfer none): the settings. */
const BzResilientConfig *bz_resilient_get_config (BzResilient *self);

/** bz_resilient_set_validator: sets the schema check of every remote and local answer (%NULL: none). */
void         bz_resilient_set_validator (BzResilient *self, BzResilientValidate validate);

/**
 * bz_resilient_backoff_ms:
 * @config: base and cap
 * @retry: the retry about to be made, >= 1 (1: after the first attempt)
 * @random01: in [0, 1)
 *
 * "Full jitter" (Marc Brooker, "Exponential Backoff And Jitter", AWS
 * Architecture Blog, 2015): sleep = random (0, min (cap, base * 2^(retry-1))).
 * Of the blog's schemes it does the least work in total when many clients
 * retry against one overloaded service (its "Completed work" figure); the
 * caller's deadline bounds the total wait, so the zero delays it may draw
 * are harmless.  A retry-after from the service overrides it when longer.
 *
 * Returns: the wait in ms, in [0, min (cap, base * 2^(retry-1))).
 */
gint64       bz_resilient_backoff_ms (const BzResilientConfig *config, guint retry, double random01);

/**
 * bz_resilient_call:
 * @self: the provider's wrapper
 * @request: what to call, and the cache key
 * @cancellable: (nullable): the caller's
 * @out_source: (out) (optional): where the answer came from
 * @error: G_IO_ERROR_CANCELLED; %BZ_INTEGRATION_ERROR_INVALID_REQUEST (the
 *   remote refused the request: no fallback); %BZ_INTEGRATION_ERROR_MANUAL_ENTRY
 *   when every step of the chain failed (its message says why the remote did)
 *
 * Runs the fallback chain described above; blocking (a worker thread).  Each
 * remote attempt is logged (structured: BZ_SERVICE, BZ_ENDPOINT,
 * BZ_DURATION_MS, BZ_STATUS) and counted.
 *
 * Returns: (transfer full): the answer, or %NULL with @error.
 */
JsonNode    *bz_resilient_call (BzResilient *self, const BzResilientRequest *request,
                                GCancellable *cancellable, BzResilientSource *out_source,
                                GError **error);

/**
 * bz_resilient_call_async:
 * @request: copied (its strings); its data pointers must live until @callback
 *
 * bz_resilient_call() on a GTask thread.
 */
void         bz_resilient_call_async  (BzResilient *self, const BzResilientRequest *request,
                                       GCancellable *cancellable, GAsyncReadyCallback callback,
                                       gpointer user_data);
/** bz_resilient_call_finish: Returns: (transfer full): as bz_resilient_call(). */
JsonNode    *bz_resilient_call_finish (BzResilient *self, GAsyncResult *result,
                                       BzResilientSource *out_source, GError **error);

/**
 * BzResilientUsageFunc:
 * @self: the wrapper
 * @month: the attempt's calendar month, UTC, "YYYY-MM"
 * @calls: attempts to add (1)
 * @cost: cost to add (the attempt's; 0 when it failed)
 * @user_data: as given to bz_resilient_set_usage_func()
 *
 * Told of every remote attempt, on the calling thread, outside the
 * wrapper's lock: so that the month's quota can be kept across restarts
 * (bz-integration-service.c stores it).
 */
typedef void (*BzResilientUsageFunc) (BzResilient *self, const char *month, guint64 calls, double cost,
                                      gpointer user_data);

/** bz_resilient_set_usage_func: sets the usage listener (%NULL: none); before the first call. */
void         bz_resilient_set_usage_func (BzResilient *self, BzResilientUsageFunc func, gpointer user_data);

/**
 * bz_resilient_restore_usage:
 * @month: "YYYY-MM"
 * @calls: attempts already made in @month (e.g. before a restart)
 * @cost: cost already spent in @month
 *
 * Counts earlier usage of the current month against the quota; usage of
 * another month is ignored.  The larger of the kept and the given figures
 * wins, so restoring twice counts once.
 */
void         bz_resilient_restore_usage  (BzResilient *self, const char *month, guint64 calls, double cost);

/** bz_resilient_dup_month: Returns: (transfer full): the current month by the wrapper's clock, UTC, "YYYY-MM". */
char        *bz_resilient_dup_month      (BzResilient *self);

/** bz_resilient_get_stats: fills @out (clear it with bz_resilient_stats_clear()). */
void         bz_resilient_get_stats (BzResilient *self, BzResilientStats *out);

/**
 * bz_resilient_health:
 * Returns: (transfer none): seed 003's provider status: "down" while the
 *   breaker is open, "degraded" when half-open, out of quota, or with
 *   failures in the window, "healthy" otherwise.
 */
const char  *bz_resilient_health (const BzResilientStats *stats);

G_END_DECLS
