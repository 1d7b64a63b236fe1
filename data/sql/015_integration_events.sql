-- 015_integration_events.sql — webhook deliveries received from outside
-- services (issue 11; seed 003 "Webhook Processing"): verified, stored, then
-- processed by the durable jobs (src/services/bz-integration-service.h).
--
-- A delivery is stored once per provider and delivery id (the event's "id",
-- as Stripe's evt_...): a replayed delivery finds its row and is acknowledged
-- without being processed again.  The raw body is kept as received (its
-- signature was computed over these bytes).  Times are ms since the Unix
-- epoch, UTC (the jobs' clock).
--
-- States: received -> processed | failed (parked after its last attempt,
-- visible in GET /api/integrations/health); retrying between attempts.
CREATE TABLE integration_events (
  id            INTEGER PRIMARY KEY,
  provider      TEXT NOT NULL CHECK (length(provider) BETWEEN 1 AND 32),
  delivery_id   TEXT NOT NULL CHECK (length(delivery_id) BETWEEN 1 AND 200),
  event_type    TEXT NOT NULL CHECK (length(event_type) BETWEEN 1 AND 100),
  body          BLOB NOT NULL,
  state         TEXT NOT NULL DEFAULT 'received'
                CHECK (state IN ('received', 'retrying', 'processed', 'failed')),
  attempts      INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error    TEXT,
  received_at   INTEGER NOT NULL,
  processed_at  INTEGER,
  UNIQUE (provider, delivery_id)
);

-- Health counts each provider's parked and pending events.
CREATE INDEX integration_events_state ON integration_events (provider, state);

-- Each provider's calls and cost per calendar month (UTC), so that its
-- monthly quota (src/integrations/bz-resilient.h) survives restarts.
CREATE TABLE integration_usage (
  kind      TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 32),
  provider  TEXT NOT NULL CHECK (length(provider) BETWEEN 1 AND 32),
  month     TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  calls     INTEGER NOT NULL DEFAULT 0 CHECK (calls >= 0),
  cost      REAL NOT NULL DEFAULT 0 CHECK (cost >= 0),          -- MXN
  PRIMARY KEY (kind, provider, month)
) WITHOUT ROWID;
