/* bz-integration-repo.c — webhook deliveries (see bz-integration-repo.h). */
#include "bz-integration-repo.h"

#include "bz-error.h"
#include "bz-repo-private.h"

static const char *const state_names[] = { "received", "retrying", "processed", "failed" };

const char *
bz_integration_event_state_name (BzIntegrationEventState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_names), NULL);
  return state_names[state];
}

static BzIntegrationEventState
state_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (name, state_names[i]) == 0)
      return i;
  return BZ_INTEGRATION_EVENT_RECEIVED;
}

void
bz_integration_event_free (BzIntegrationEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->provider);
  g_free (event->delivery_id);
  g_free (event->event_type);
  g_clear_pointer (&event->body, g_bytes_unref);
  g_free (event->last_error);
  g_free (event);
}

gboolean
bz_integration_repo_insert_event (BzStore *store, const char *provider, const char *delivery_id,
                                  const char *event_type, GBytes *body, gint64 now_ms,
                                  gint64 *out_id, gboolean *out_created, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  gboolean row;
  gsize len;
  gconstpointer data = g_bytes_get_data (body, &len);

  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "INSERT INTO integration_events (provider, delivery_id, event_type, body, received_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (provider, delivery_id) DO NOTHING RETURNING id", error);
    if (st == NULL)
      return FALSE;
    sqlite3_bind_text (st, 1, provider, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (st, 2, delivery_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (st, 3, event_type, -1, SQLITE_TRANSIENT);
    sqlite3_bind_blob64 (st, 4, data ? data : "", len, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (st, 5, now_ms);
    if (!bz_repo_step (st, &row, error))
      return FALSE;
    *out_created = row;
    if (row)
      {
        *out_id = sqlite3_column_int64 (st, 0);
        return bz_repo_step (st, &row, error);   /* runs the statement to its end */
      }
  }
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "SELECT id FROM integration_events WHERE provider = ?1 AND delivery_id = ?2", error);
    if (st == NULL)
      return FALSE;
    sqlite3_bind_text (st, 1, provider, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (st, 2, delivery_id, -1, SQLITE_TRANSIENT);
    if (!bz_repo_step (st, &row, error))
      return FALSE;
    if (!row)
      {
        g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "Event %s of %s neither stored nor found",
                     delivery_id, provider);
        return FALSE;
      }
    *out_id = sqlite3_column_int64 (st, 0);
  }
  return TRUE;
}

BzIntegrationEvent *
bz_integration_repo_get_event (BzStore *store, gint64 id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT id, provider, delivery_id, event_type, body, state, attempts, last_error, received_at,"
      " processed_at FROM integration_events WHERE id = ?1", error);
  BzIntegrationEvent *e;
  gboolean row;

  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, id);
  if (!bz_repo_step (st, &row, error))
    return NULL;
  if (!row)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "No integration event %" G_GINT64_FORMAT, id);
      return NULL;
    }
  e = g_new0 (BzIntegrationEvent, 1);
  e->id = sqlite3_column_int64 (st, 0);
  e->provider = bz_db_column_text_dup (st, 1);
  e->delivery_id = bz_db_column_text_dup (st, 2);
  e->event_type = bz_db_column_text_dup (st, 3);
  e->body = g_bytes_new (sqlite3_column_blob (st, 4), sqlite3_column_bytes (st, 4));
  e->state = state_from_name ((const char *) sqlite3_column_text (st, 5));
  e->attempts = sqlite3_column_int (st, 6);
  e->last_error = bz_db_column_text_dup (st, 7);
  e->received_at = sqlite3_column_int64 (st, 8);
  e->processed_at = sqlite3_column_int64 (st, 9);
  return e;
}

gboolean
bz_integration_repo_record_attempt (BzStore *store, gint64 id, BzIntegrationEventState state, int attempts,
                                    const char *last_error, gint64 now_ms, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "UPDATE integration_events SET state = ?2, attempts = ?3, last_error = ?4,"
      " processed_at = CASE WHEN ?2 IN ('processed', 'failed') THEN ?5 END WHERE id = ?1", error);
  gboolean row;

  g_return_val_if_fail ((guint) state < BZ_INTEGRATION_EVENT_N_STATES, FALSE);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, id);
  sqlite3_bind_text (st, 2, state_names[state], -1, SQLITE_STATIC);
  sqlite3_bind_int (st, 3, attempts);
  sqlite3_bind_text (st, 4, last_error, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (st, 5, now_ms);
  if (!bz_repo_step (st, &row, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "No integration event %" G_GINT64_FORMAT, id);
      return FALSE;
    }
  return TRUE;
}

gboolean
bz_integration_repo_count_events (BzStore *store, GStrv *out_providers, gint64 **out_counts, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT provider, state, count(*) FROM integration_events GROUP BY provider, state ORDER BY provider", error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autofree char *last = NULL;
  gboolean row;

  if (st == NULL)
    return FALSE;
  for (;;)
    {
      const char *provider;

      if (!bz_repo_step (st, &row, error))
        return FALSE;
      if (!row)
        break;
      provider = (const char *) sqlite3_column_text (st, 0);
      if (g_strcmp0 (provider, last) != 0)
        {
          g_free (last);
          last = g_strdup (provider);
          g_strv_builder_add (names, provider);
          g_array_set_size (counts, counts->len + BZ_INTEGRATION_EVENT_N_STATES);
        }
      g_array_index (counts, gint64, counts->len - BZ_INTEGRATION_EVENT_N_STATES +
                     state_from_name ((const char *) sqlite3_column_text (st, 1))) = sqlite3_column_int64 (st, 2);
    }
  *out_providers = g_strv_builder_end (names);
  *out_counts = (gint64 *) g_array_free (g_steal_pointer (&counts), FALSE);
  return TRUE;
}

gboolean
bz_integration_repo_add_usage (BzStore *store, const char *kind, const char *provider, const char *month,
                               gint64 calls, double cost, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "INSERT INTO integration_usage (kind, provider, month, calls, cost) VALUES (?1, ?2, ?3, ?4, ?5)"
      " ON CONFLICT (kind, provider, month) DO UPDATE SET calls = calls + excluded.calls,"
      " cost = cost + excluded.cost", error);
  gboolean row;

  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (st, 2, provider, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (st, 3, month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (st, 4, calls);
  sqlite3_bind_double (st, 5, cost);
  return bz_repo_step (st, &row, error);
}

gboolean
bz_integration_repo_get_usage (BzStore *store, const char *kind, const char *provider, const char *month,
                               gint64 *out_calls, double *out_cost, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT calls, cost FROM integration_usage WHERE kind = ?1 AND provider = ?2 AND month = ?3", error);
  gboolean row;

  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (st, 2, provider, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (st, 3, month, -1, SQLITE_TRANSIENT);
  if (!bz_repo_step (st, &row, error))
    return FALSE;
  *out_calls = row ? sqlite3_column_int64 (st, 0) : 0;
  *out_cost = row ? sqlite3_column_double (st, 1) : 0;
  return TRUE;
}
