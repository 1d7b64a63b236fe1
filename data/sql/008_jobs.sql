-- 008_jobs.sql — the durable job queue (issue 7): the embedded equivalent of
-- Celery/BullMQ (ARCHITECTURE.md, "Durable jobs").  See src/store/bz-jobs-repo.h
-- for the state machine, the lease and the retry formula.
--
-- Times are integers: milliseconds since the Unix epoch, UTC (leases and
-- backoff need sub-second precision and compare as numbers).
--
-- States: queued -> running (claimed with a lease) -> done | failed, or back
-- to queued (a retry after a failure, or a lease that expired because its
-- worker died).  attempts counts claims, so a job that kills its worker is
-- not retried forever.  Jobs are internal: their writes are not in `changes`.
CREATE TABLE jobs (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
  payload          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
  idempotency_key  TEXT CHECK (idempotency_key IS NULL OR length(idempotency_key) BETWEEN 1 AND 200),
  state            TEXT NOT NULL DEFAULT 'queued'
                   CHECK (state IN ('queued', 'running', 'done', 'failed')),
  run_at           INTEGER NOT NULL,          -- not before (ms)
  attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts     INTEGER NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
  lease_owner      TEXT,                      -- set while running
  lease_expires_at INTEGER,                   -- ms; set while running
  last_error       TEXT,
  created_at       INTEGER NOT NULL,          -- ms
  finished_at      INTEGER,                   -- ms; set when done or failed
  CHECK ((state = 'running') = (lease_owner IS NOT NULL AND lease_expires_at IS NOT NULL)),
  UNIQUE (kind, idempotency_key)             -- NULL keys never collide
);

-- The next due job (claim) and the expired leases (requeue) without a scan.
CREATE INDEX jobs_due ON jobs (run_at, id) WHERE state = 'queued';
CREATE INDEX jobs_leases ON jobs (lease_expires_at) WHERE state = 'running';
