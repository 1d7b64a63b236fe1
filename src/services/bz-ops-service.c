/* bz-ops-service.c — operations figures from the store (see bz-ops-service.h). */
#include "bz-ops-service.h"

#include "bz-jobs-repo.h"

gboolean
bz_ops_job_queue_depth (BzServices *self, gint64 *out_queued, gint64 *out_running, GError **error)
{
  return bz_jobs_repo_count_pending (bz_services_get_store (self), out_queued, out_running, error);
}
