/* bz-integration-repo.h — the webhook deliveries of outside services (the
 * `integration_events` table) and the providers' monthly usage
 * (`integration_usage`), data/sql/015_integration_events.sql.
 *
 * Every function runs on the calling thread's connection (bz_store_db()),
 * inside its transaction when one is open.  Times are ms since the Unix epoch
 * (the jobs' clock, bz_jobs_now_ms()), passed in by the caller.  Events are
 * internal: their writes are not appended to the change log.
 */
#pragma once

#include "bz-store.h"

G_BEGIN_DECLS

/**
 * BzIntegrationEventState:
 * @BZ_INTEGRATION_EVENT_RECEIVED: stored, its first attempt queued
 * @BZ_INTEGRATION_EVENT_RETRYING: an attempt failed; the next is queued
 * @BZ_INTEGRATION_EVENT_PROCESSED: done
 * @BZ_INTEGRATION_EVENT_FAILED: its last attempt failed: parked
 */
typedef enum
{
  BZ_INTEGRATION_EVENT_RECEIVED,
  BZ_INTEGRATION_EVENT_RETRYING,
  BZ_INTEGRATION_EVENT_PROCESSED,
  BZ_INTEGRATION_EVENT_FAILED,
  BZ_INTEGRATION_EVENT_N_STATES,
} BzIntegrationEventState;

/** bz_integration_event_state_name: Returns: (transfer none): "received", "retrying", "processed" or "failed". */
const char *bz_integration_event_state_name (BzIntegrationEventState state);

/**
 * BzIntegrationEvent:
 * @id: integration_events.id
 * @provider: who sent it ([a-z0-9_]{1,32})
 * @delivery_id: the event's id as the provider gave it
 * @event_type: e.g. "invoice.payment_succeeded"
 * @body: the raw body as received
 * @state: where it is
 * @attempts: processing attempts made
 * @last_error: (nullable): the last failed attempt's message
 * @received_at: ms
 * @processed_at: ms when processed or parked; 0 otherwise
 *
 * One row; free with bz_integration_event_free().
 */
typedef struct
{
  gint64 id;
  char *provider;
  char *delivery_id;
  char *event_type;
  GBytes *body;
  BzIntegrationEventState state;
  int attempts;
  char *last_error;
  gint64 received_at;
  gint64 processed_at;
} BzIntegrationEvent;

void bz_integration_event_free (BzIntegrationEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzIntegrationEvent, bz_integration_event_free)

/**
 * bz_integration_repo_insert_event:
 * @store: the store
 * @provider, @delivery_id, @event_type: as #BzIntegrationEvent (checked by the table)
 * @body: the raw body
 * @now_ms: received_at
 * @out_id: (out): the event's id (the stored one for a known delivery)
 * @out_created: (out): %FALSE when (@provider, @delivery_id) was stored already
 * @error: as bz_db_set_error()
 *
 * Stores a delivery once: INSERT ... ON CONFLICT (provider, delivery_id) DO NOTHING.
 *
 * Returns: %TRUE when stored or found.
 */
gboolean bz_integration_repo_insert_event (BzStore *store, const char *provider, const char *delivery_id,
                                           const char *event_type, GBytes *body, gint64 now_ms,
                                           gint64 *out_id, gboolean *out_created, GError **error);

/**
 * bz_integration_repo_get_event:
 * @error: BZ_ERROR_NOT_FOUND when there is no such event
 * Returns: (transfer full) (nullable): the event.
 */
BzIntegrationEvent *bz_integration_repo_get_event (BzStore *store, gint64 id, GError **error);

/**
 * bz_integration_repo_record_attempt:
 * @state: the state after the attempt
 * @attempts: attempts made, this one included
 * @last_error: (nullable): the attempt's failure
 * @now_ms: processed_at when @state is processed or failed
 *
 * Returns: %TRUE when updated; BZ_ERROR_NOT_FOUND when there is no such event.
 */
gboolean bz_integration_repo_record_attempt (BzStore *store, gint64 id, BzIntegrationEventState state,
                                             int attempts, const char *last_error, gint64 now_ms,
                                             GError **error);

/**
 * bz_integration_repo_count_events:
 * @out_providers: (out) (transfer full): the providers that sent events, sorted
 * @out_counts: (out) (transfer full): per provider, %BZ_INTEGRATION_EVENT_N_STATES
 *   counts (gint64), in the order of #BzIntegrationEventState
 *
 * Returns: %TRUE on success.
 */
gboolean bz_integration_repo_count_events (BzStore *store, GStrv *out_providers, gint64 **out_counts,
                                           GError **error);

/**
 * bz_integration_repo_add_usage:
 * @kind, @provider: the provider (bz-resilient.h)
 * @month: "YYYY-MM", UTC
 * @calls: attempts to add
 * @cost: cost to add (MXN)
 *
 * Adds to the month's row of `integration_usage` (made if missing).
 *
 * Returns: %TRUE on success.
 */
gboolean bz_integration_repo_add_usage (BzStore *store, const char *kind, const char *provider, const char *month,
                                        gint64 calls, double cost, GError **error);

/**
 * bz_integration_repo_get_usage:
 * @out_calls: (out): the month's attempts (0 when no row)
 * @out_cost: (out): the month's cost
 *
 * Returns: %TRUE on success.
 */
gboolean bz_integration_repo_get_usage (BzStore *store, const char *kind, const char *provider, const char *month,
                                        gint64 *out_calls, double *out_cost, GError **error);

G_END_DECLS
