/* bz-ops-service.h — operations figures for GET /metrics that come from the
 * store (seed 002 §10 "Monitoring"; issue 9 "Operations"). */
#pragma once

#include "bz-services.h"

G_BEGIN_DECLS

/**
 * bz_ops_job_queue_depth:
 * @out_queued: (out): durable jobs waiting to run (state queued, due or not)
 * @out_running: (out): jobs claimed by a runner and not finished
 * @error: as the store (e.g. the database cannot be read)
 *
 * The durable job queue's depth (the `jobs` table, bz-jobs-repo.h), read on
 * the calling thread's connection.  No authorization: the caller decides who
 * may read it.
 *
 * Returns: %TRUE on success.
 */
gboolean bz_ops_job_queue_depth (BzServices *self, gint64 *out_queued, gint64 *out_running, GError **error);

G_END_DECLS
