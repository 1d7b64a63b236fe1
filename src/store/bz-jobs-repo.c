/* bz-jobs-repo.c — the durable job queue (see bz-jobs-repo.h). */
#include "bz-jobs-repo.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "bz-error.h"

#define JOB_COLUMNS \
  "id, kind, payload, idempotency_key, state, run_at, attempts, max_attempts," \
  " lease_owner, lease_expires_at, last_error, created_at, finished_at"

/* The claim of a job is its owner and attempt number: a later claim of the
 * same job (after its lease expired) has a higher attempt number. */
#define FENCE "id = ?1 AND state = 'running' AND lease_owner = ?2 AND attempts = ?3"

static const char *state_names[] = { "queued", "running", "done", "failed" };

void
bz_job_free (BzJob *job)
{
  if (job == NULL)
    return;
  g_free (job->kind);
  g_free (job->payload);
  g_free (job->idempotency_key);
  g_free (job->lease_owner);
  g_free (job->last_error);
  g_free (job);
}

const char *
bz_job_state_name (BzJobState state)
{
  g_return_val_if_fail (state <= BZ_JOB_FAILED, NULL);
  return state_names[state];
}

/* The test clock of bz_jobs_set_test_now_ms(); 0: the wall clock. */
static gint64 test_now_ms;
G_LOCK_DEFINE_STATIC (test_now);

gint64
bz_jobs_now_ms (void)
{
  gint64 now;

  G_LOCK (test_now);
  now = test_now_ms;
  G_UNLOCK (test_now);
  return now != 0 ? now : g_get_real_time () / 1000;
}

void
bz_jobs_set_test_now_ms (gint64 now_ms)
{
  g_return_if_fail (now_ms >= 0);
  G_LOCK (test_now);
  test_now_ms = now_ms;
  G_UNLOCK (test_now);
}

gint64
bz_jobs_backoff_ms (int attempts, double random01)
{
  gint64 ceiling = BZ_JOBS_BACKOFF_BASE_MS;

  for (int i = 1; i < attempts && ceiling < BZ_JOBS_BACKOFF_CAP_MS; i++)
    ceiling *= 2;
  ceiling = MIN (ceiling, BZ_JOBS_BACKOFF_CAP_MS);
  random01 = CLAMP (random01, 0.0, 1.0);
  return ceiling / 2 + (gint64) (random01 * (double) (ceiling / 2));
}

static gboolean
kind_is_valid (const char *kind)
{
  gsize n = kind ? strlen (kind) : 0;

  if (n == 0 || n > 64)
    return FALSE;
  for (const char *p = kind; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_' || *p == '.' || *p == '-'))
      return FALSE;
  return TRUE;
}

static BzJob *
read_job (sqlite3_stmt *st)
{
  BzJob *job = g_new0 (BzJob, 1);
  const char *state = (const char *) sqlite3_column_text (st, 4);

  job->id = sqlite3_column_int64 (st, 0);
  job->kind = bz_db_column_text_dup (st, 1);
  job->payload = bz_db_column_text_dup (st, 2);
  job->idempotency_key = bz_db_column_text_dup (st, 3);
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (state, state_names[i]) == 0)
      job->state = i;
  job->run_at = sqlite3_column_int64 (st, 5);
  job->attempts = sqlite3_column_int (st, 6);
  job->max_attempts = sqlite3_column_int (st, 7);
  job->lease_owner = bz_db_column_text_dup (st, 8);
  job->lease_expires_at = sqlite3_column_int64 (st, 9);
  job->last_error = bz_db_column_text_dup (st, 10);
  job->created_at = sqlite3_column_int64 (st, 11);
  job->finished_at = sqlite3_column_int64 (st, 12);
  return job;
}

/* The kinds as a JSON array for json_each(): one statement text whatever
 * their number, so the connection's statement cache keeps one compilation. */
static char *
kinds_json (const char *const *kinds)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; kinds && kinds[i]; i++)
    json_builder_add_string_value (b, kinds[i]);
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

gboolean
bz_jobs_repo_enqueue (BzStore *store, const char *kind, const char *payload,
                      const char *idempotency_key, gint64 run_at, int max_attempts,
                      gint64 now_ms, gint64 *out_id, gboolean *out_created, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  gboolean created;

  if (!kind_is_valid (kind))
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION, "Job kind '%s' is not [a-z0-9_.-]{1,64}",
                   kind ? kind : "(null)");
      return FALSE;
    }
  if (payload == NULL)
    payload = "{}";
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) local = NULL;
    if (!json_parser_load_from_data (parser, payload, -1, &local))
      {
        g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION, "Job payload is not JSON: %s", local->message);
        return FALSE;
      }
  }
  if (idempotency_key && (*idempotency_key == '\0' || strlen (idempotency_key) > 200))
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_VALIDATION, "Job idempotency key must be 1-200 bytes");
      return FALSE;
    }
  if (max_attempts <= 0)
    max_attempts = BZ_JOBS_DEFAULT_MAX_ATTEMPTS;

  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "INSERT INTO jobs (kind, payload, idempotency_key, state, run_at, attempts, max_attempts, created_at)"
        " VALUES (?1, ?2, ?3, 'queued', ?4, 0, ?5, ?6)"
        " ON CONFLICT (kind, idempotency_key) DO NOTHING", error);
    if (!st)
      return FALSE;
    sqlite3_bind_text (st, 1, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 2, payload, -1, SQLITE_STATIC);
    bz_db_bind_text_or_null (st, 3, idempotency_key);
    sqlite3_bind_int64 (st, 4, run_at);
    sqlite3_bind_int (st, 5, max_attempts);
    sqlite3_bind_int64 (st, 6, now_ms);
    if (!bz_db_step_done (st, error))
      return FALSE;
    created = sqlite3_changes (db) == 1;
    if (created && out_id)
      *out_id = sqlite3_last_insert_rowid (db);
  }
  if (!created && out_id)
    {
      g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
          "SELECT id FROM jobs WHERE kind = ?1 AND idempotency_key = ?2", error);
      if (!st)
        return FALSE;
      sqlite3_bind_text (st, 1, kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 2, idempotency_key, -1, SQLITE_STATIC);
      if (sqlite3_step (st) != SQLITE_ROW)
        {
          bz_db_set_error (db, sqlite3_errcode (db), error);
          return FALSE;
        }
      *out_id = sqlite3_column_int64 (st, 0);
    }
  if (out_created)
    *out_created = created;
  return TRUE;
}

static gboolean
requeue_expired (sqlite3 *db, gint64 now_ms, guint *out_count, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "UPDATE jobs SET"
      " state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,"
      " run_at = CASE WHEN attempts >= max_attempts THEN run_at ELSE ?1 END,"
      " finished_at = CASE WHEN attempts >= max_attempts THEN ?1 ELSE NULL END,"
      " last_error = 'lease expired (owner ' || lease_owner || ', attempt ' || attempts || ')',"
      " lease_owner = NULL, lease_expires_at = NULL"
      " WHERE state = 'running' AND lease_expires_at <= ?1", error);
  if (!st)
    return FALSE;
  sqlite3_bind_int64 (st, 1, now_ms);
  if (!bz_db_step_done (st, error))
    return FALSE;
  if (out_count)
    *out_count = sqlite3_changes (db);
  return TRUE;
}

gboolean
bz_jobs_repo_requeue_expired (BzStore *store, gint64 now_ms, guint *out_count, GError **error)
{
  return requeue_expired (bz_store_db (store), now_ms, out_count, error);
}

gboolean
bz_jobs_repo_count_pending (BzStore *store, gint64 *out_queued, gint64 *out_running, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "SELECT (SELECT count(*) FROM jobs INDEXED BY jobs_due WHERE state = 'queued'),"
      " (SELECT count(*) FROM jobs INDEXED BY jobs_leases WHERE state = 'running')", error);

  if (!st)
    return FALSE;
  if (sqlite3_step (st) != SQLITE_ROW)
    {
      bz_db_set_error (db, sqlite3_errcode (db), error);
      return FALSE;
    }
  *out_queued = sqlite3_column_int64 (st, 0);
  *out_running = sqlite3_column_int64 (st, 1);
  return TRUE;
}

BzJob *
bz_jobs_repo_claim (BzStore *store, const char *owner, const char *const *kinds,
                    gint64 now_ms, gint64 lease_ms, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *kinds_text = kinds_json (kinds);
  BzJob *job = NULL;
  int rc;

  g_return_val_if_fail (owner != NULL && lease_ms > 0, NULL);

  if (!bz_db_begin (db, error))
    return NULL;
  if (!requeue_expired (db, now_ms, NULL, error))
    goto fail;
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "UPDATE jobs SET state = 'running', lease_owner = ?1, lease_expires_at = ?2 + ?3,"
        " attempts = attempts + 1"
        " WHERE id = (SELECT id FROM jobs"
        "             WHERE state = 'queued' AND run_at <= ?2"
        "               AND kind IN (SELECT value FROM json_each (?4))"
        "             ORDER BY run_at, id LIMIT 1)"
        " RETURNING " JOB_COLUMNS, error);
    if (!st)
      goto fail;
    sqlite3_bind_text (st, 1, owner, -1, SQLITE_STATIC);
    sqlite3_bind_int64 (st, 2, now_ms);
    sqlite3_bind_int64 (st, 3, lease_ms);
    sqlite3_bind_text (st, 4, kinds_text, -1, SQLITE_STATIC);
    rc = sqlite3_step (st);
    if (rc == SQLITE_ROW)
      {
        job = read_job (st);
        rc = sqlite3_step (st);   /* RETURNING: the update completes at SQLITE_DONE */
      }
    if (rc != SQLITE_DONE)
      {
        bz_db_set_error (db, rc, error);
        goto fail;
      }
  }
  if (!bz_db_commit (db, error))
    goto fail;
  return job;

fail:
  bz_db_rollback (db);
  g_clear_pointer (&job, bz_job_free);
  return NULL;
}

/* Runs a fenced UPDATE (?1 id, ?2 owner, ?3 attempts; ?4, ?5 and ?6 are
 * @i4, @i5 and @t6 where the statement has them) and reports CONFLICT when
 * @job's claim no longer holds the job. */
static gboolean
fenced_update (BzStore *store, const BzJob *job, const char *sql, gint64 i4, gint64 i5,
               const char *t6, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, sql, error);

  if (!st)
    return FALSE;
  sqlite3_bind_int64 (st, 1, job->id);
  bz_db_bind_text_or_null (st, 2, job->lease_owner);
  sqlite3_bind_int (st, 3, job->attempts);
  if (sqlite3_bind_parameter_count (st) >= 4)
    sqlite3_bind_int64 (st, 4, i4);
  if (sqlite3_bind_parameter_count (st) >= 5)
    sqlite3_bind_int64 (st, 5, i5);
  if (sqlite3_bind_parameter_count (st) >= 6)
    bz_db_bind_text_or_null (st, 6, t6);
  if (!bz_db_step_done (st, error))
    return FALSE;
  if (sqlite3_changes (db) != 1)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_CONFLICT,
                   "Job %" G_GINT64_FORMAT " (%s) is no longer leased to %s (attempt %d)",
                   job->id, job->kind, job->lease_owner, job->attempts);
      return FALSE;
    }
  return TRUE;
}

gboolean
bz_jobs_repo_complete (BzStore *store, const BzJob *job, gint64 now_ms, GError **error)
{
  return fenced_update (store, job,
      "UPDATE jobs SET state = 'done', finished_at = ?4, last_error = NULL,"
      " lease_owner = NULL, lease_expires_at = NULL WHERE " FENCE,
      now_ms, 0, NULL, error);
}

gboolean
bz_jobs_repo_fail (BzStore *store, const BzJob *job, const char *message, gboolean permanent,
                   gint64 now_ms, double random01, GError **error)
{
  if (permanent || job->attempts >= job->max_attempts)
    return fenced_update (store, job,
        "UPDATE jobs SET state = 'failed', finished_at = ?4, last_error = ?6,"
        " lease_owner = NULL, lease_expires_at = NULL WHERE " FENCE,
        now_ms, 0, message, error);
  return fenced_update (store, job,
      "UPDATE jobs SET state = 'queued', run_at = ?4 + ?5, last_error = ?6,"
      " lease_owner = NULL, lease_expires_at = NULL WHERE " FENCE,
      now_ms, bz_jobs_backoff_ms (job->attempts, random01), message, error);
}

gboolean
bz_jobs_repo_release (BzStore *store, const BzJob *job, GError **error)
{
  return fenced_update (store, job,
      "UPDATE jobs SET state = 'queued', attempts = attempts - 1,"
      " lease_owner = NULL, lease_expires_at = NULL WHERE " FENCE,
      0, 0, NULL, error);
}

gboolean
bz_jobs_repo_renew_lease (BzStore *store, BzJob *job, gint64 now_ms, gint64 lease_ms, GError **error)
{
  if (!fenced_update (store, job,
                      "UPDATE jobs SET lease_expires_at = ?4 + ?5 WHERE " FENCE,
                      now_ms, lease_ms, NULL, error))
    return FALSE;
  job->lease_expires_at = now_ms + lease_ms;
  return TRUE;
}

BzJob *
bz_jobs_repo_get (BzStore *store, gint64 id, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "SELECT " JOB_COLUMNS " FROM jobs WHERE id = ?1", error);
  int rc;

  if (!st)
    return NULL;
  sqlite3_bind_int64 (st, 1, id);
  rc = sqlite3_step (st);
  if (rc == SQLITE_ROW)
    return read_job (st);
  if (rc == SQLITE_DONE)
    g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "No job %" G_GINT64_FORMAT, id);
  else
    bz_db_set_error (db, rc, error);
  return NULL;
}

gboolean
bz_jobs_repo_next_run_at (BzStore *store, const char *const *kinds, gint64 *out_at, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *kinds_text = kinds_json (kinds);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "SELECT min (at) FROM ("
      " SELECT min (run_at) AS at FROM jobs WHERE state = 'queued'"
      "   AND kind IN (SELECT value FROM json_each (?1))"
      " UNION ALL"
      " SELECT min (lease_expires_at) FROM jobs WHERE state = 'running'"
      "   AND kind IN (SELECT value FROM json_each (?1)))", error);
  int rc;

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, kinds_text, -1, SQLITE_STATIC);
  rc = sqlite3_step (st);
  if (rc != SQLITE_ROW)
    {
      bz_db_set_error (db, rc, error);
      return FALSE;
    }
  *out_at = sqlite3_column_type (st, 0) == SQLITE_NULL ? G_MAXINT64 : sqlite3_column_int64 (st, 0);
  return TRUE;
}
