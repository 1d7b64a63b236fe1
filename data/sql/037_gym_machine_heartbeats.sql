-- 037_gym_machine_heartbeats.sql — the gym's machines report themselves
-- (issue 10 "Real time", seed 001 "Real-time Communication Service":
-- heartbeats, /api/ws/machines, availability broadcast).
--
-- gym_machines (030) is rebuilt, because SQLite cannot change a CHECK:
--   status         + 'offline': set by the server when a machine that has
--                  sent heartbeats misses BZ_MACHINE_MISSED_HEARTBEATS of
--                  them (bz-limits.h); 'out_of_service' stays the staff's
--                  "maintenance" state.  A machine never heard from
--                  (last_seen NULL: the demo's, or one not yet installed)
--                  is never marked offline.
--   zone           where it stands ("Planta baja", "Zona de cardio"); free text
--   api_key_hash   hex SHA-256 of the machine's API key (POST /api/machines
--                  shows the key once; docs/realtime.md); NULL: the machine
--                  cannot report (rows of 030)
--   current_user_id the member using it, when the machine knows (status
--                  in_use with a member's card); cleared on any other status.
--                  Never shown to other members.
-- last_seen keeps its meaning: the last heartbeat (UTC ISO 8601).
CREATE TABLE gym_machines_037 (
  id               TEXT PRIMARY KEY,
  kind             TEXT NOT NULL,
  name             TEXT NOT NULL,
  zone             TEXT,
  status           TEXT NOT NULL DEFAULT 'available'
                   CHECK (status IN ('available','in_use','out_of_service','offline')),
  current_user_id  TEXT REFERENCES users(id) ON DELETE SET NULL,
  api_key_hash     TEXT UNIQUE,
  last_seen        TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  CHECK (current_user_id IS NULL OR status = 'in_use')
);
INSERT INTO gym_machines_037 (id, kind, name, status, last_seen, created_at, updated_at)
  SELECT id, kind, name, status, last_seen, created_at, updated_at FROM gym_machines;
DROP TABLE gym_machines;
ALTER TABLE gym_machines_037 RENAME TO gym_machines;
CREATE INDEX idx_gym_machines_kind ON gym_machines (kind, status);
-- The offline sweep: machines heard from and not offline, by last heartbeat.
CREATE INDEX idx_gym_machines_seen ON gym_machines (last_seen)
  WHERE last_seen IS NOT NULL AND status <> 'offline';
