-- 014: clinical notes and appointments (issue 12; seed 002 §4.4 lines
-- 1567-1568 and 1596-1597: last_appointment and next_appointment in the
-- nutritionist's patient list, appointments and clinical_notes in the
-- patient's record), and the nutritionist's calendar feed (the local form of
-- seed 002 §6.9's Calendar integration: an RFC 5545 iCalendar feed).
--
-- Shapes and bounds are declared once in src/core/bz-clinical-resources.h
-- and src/core/bz-limits.h; the CHECKs below repeat the bounds so that no
-- writer, however it gets here, stores a row the API would refuse.

-- One note per consultation, written by the patient's nutritionist.
CREATE TABLE clinical_notes (
  id               TEXT PRIMARY KEY,
  patient_id       TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  author_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  consultation_at  TEXT NOT NULL,                 -- ISO 8601 UTC
  body             TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),   -- BZ_CLINICAL_NOTE_MAX_CHARS
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX idx_clinical_notes_patient ON clinical_notes(patient_id, consultation_at DESC, created_at DESC);

-- ics_uid: the event's UID in the calendar feed (RFC 5545 §3.8.4.7), random
-- and opaque, fixed for the appointment's life so a subscribed calendar
-- updates the same event; ics_sequence: its SEQUENCE (§3.8.7.4), one more on
-- each change a calendar must notice (time, duration, status, location).
CREATE TABLE appointments (
  id               TEXT PRIMARY KEY,
  patient_id       TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  nutritionist_id  TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  starts_at        TEXT NOT NULL,                 -- ISO 8601 UTC
  duration_min     INTEGER NOT NULL CHECK (duration_min BETWEEN 5 AND 480),   -- BZ_APPOINTMENT_*_MIN
  status           TEXT NOT NULL DEFAULT 'scheduled'
                   CHECK (status IN ('scheduled','completed','cancelled','no_show')),
  location         TEXT CHECK (location IS NULL OR length(location) <= 200),
  notes            TEXT CHECK (notes IS NULL OR length(notes) <= 1000),
  ics_uid          TEXT NOT NULL UNIQUE,
  ics_sequence     INTEGER NOT NULL DEFAULT 0,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX idx_appointments_patient ON appointments(patient_id, starts_at);
CREATE INDEX idx_appointments_nutritionist ON appointments(nutritionist_id, starts_at);

-- A nutritionist's calendar feed token: the hex SHA-256 of the random token
-- (the token itself is shown once and never stored); one per nutritionist,
-- replaced by a new one, removed on revocation.
CREATE TABLE calendar_feed_tokens (
  nutritionist_id  TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  token_hash       TEXT NOT NULL UNIQUE,
  created_at       TEXT NOT NULL
);
