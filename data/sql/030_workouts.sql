-- 030_workouts.sql — workout planning (seed 000 story 4.1, issue 11):
-- the gym's machines and the members' workout plans.  The exercise library
-- is shipped data (data/exercises), read into memory; plans name its slugs.

-- The gym's machines: what GET /api/workouts/daily reports as available.
-- kind: a machine term of bz_vocab_equipment (bz_equipment_is_machine()).
-- last_seen: the machine's last heartbeat (UTC), written by the realtime
-- work of a later issue; NULL until then.
CREATE TABLE gym_machines (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  name        TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'available' CHECK (status IN ('available','in_use','out_of_service')),
  last_seen   TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX idx_gym_machines_kind ON gym_machines (kind, status);

-- A member's workout plans: 14 days from starts_on.  Exactly one active
-- plan per patient (seed 000 activePlans.workoutPlanId): the partial unique
-- index refuses a second; a new plan deactivates the previous one in the
-- same transaction, and old inactive plans are deleted (bz-workout-repo.c).
-- request_json: what it was planned from (goal, level, days, equipment,
-- exclusions), so that the 14-day refresh job plans again from it and the
-- member's current record.  plan_json: the days and exercises.
CREATE TABLE workout_plans (
  id              TEXT PRIMARY KEY,
  patient_id      TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  created_by      TEXT REFERENCES users(id) ON DELETE SET NULL,
  status          TEXT NOT NULL CHECK (status IN ('active','inactive')),
  starts_on       TEXT NOT NULL,
  ends_on         TEXT NOT NULL,
  goal            TEXT NOT NULL,
  level           TEXT NOT NULL,
  days_per_week   INTEGER NOT NULL CHECK (days_per_week BETWEEN 1 AND 7),
  seed            INTEGER NOT NULL,
  provider        TEXT NOT NULL,
  source          TEXT NOT NULL,
  request_json    TEXT NOT NULL,
  plan_json       TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  deactivated_at  TEXT
);
CREATE UNIQUE INDEX idx_workout_plans_one_active ON workout_plans (patient_id) WHERE status = 'active';
CREATE INDEX idx_workout_plans_patient ON workout_plans (patient_id, created_at);

-- Completed sessions a member logs (POST /api/workouts/sessions), read by
-- the workout analytics (GET /api/analytics/workout/summary).  plan_id: the
-- plan active when it was logged and plan_day its day (1-14) when the date
-- was one of its training days; no foreign key, since replaced plans are
-- deleted in time and the session stays.
CREATE TABLE workout_sessions (
  id             TEXT PRIMARY KEY,
  patient_id     TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  plan_id        TEXT,
  plan_day       INTEGER CHECK (plan_day IS NULL OR plan_day BETWEEN 1 AND 14),
  performed_on   TEXT NOT NULL,
  duration_min   INTEGER CHECK (duration_min IS NULL OR duration_min BETWEEN 1 AND 600),
  created_by     TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at     TEXT NOT NULL
);
CREATE INDEX idx_workout_sessions_patient ON workout_sessions (patient_id, performed_on);

-- Each set of a session: reps and load for strength, minutes for cardio
-- and stretches (a slug of data/exercises).
CREATE TABLE workout_session_sets (
  session_id   TEXT NOT NULL REFERENCES workout_sessions(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  exercise_id  TEXT NOT NULL,
  reps         INTEGER CHECK (reps IS NULL OR reps BETWEEN 0 AND 1000),
  weight_kg    REAL CHECK (weight_kg IS NULL OR weight_kg BETWEEN 0 AND 1000),
  minutes      REAL CHECK (minutes IS NULL OR minutes BETWEEN 0 AND 600),
  PRIMARY KEY (session_id, position)
);
