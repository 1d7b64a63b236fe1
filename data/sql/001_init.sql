-- 001_init.sql — users, roles, patients, tokens, scans, avatars, meals, audit, changes.
-- Data model after seed 002 §3.2 (auth.users, auth.patients, auth.nutritionists,
-- auth.refresh_tokens), adapted to SQLite: UUIDs as TEXT, JSONB as JSON TEXT,
-- timestamps as ISO 8601 UTC TEXT.

CREATE TABLE users (
  id              TEXT PRIMARY KEY,
  email           TEXT NOT NULL UNIQUE CHECK (email = lower(email)),
  username        TEXT NOT NULL UNIQUE CHECK (username = lower(username)),
  password_hash   TEXT NOT NULL,            -- argon2id (libsodium crypto_pwhash_str)
  first_name      TEXT NOT NULL,
  last_name       TEXT NOT NULL,
  phone           TEXT UNIQUE,
  date_of_birth   TEXT,
  gender          TEXT CHECK (gender IN ('male','female','other','prefer_not_to_say')),
  user_type       TEXT NOT NULL CHECK (user_type IN ('patient','nutritionist','admin')),
  email_verified  INTEGER NOT NULL DEFAULT 0,
  is_active       INTEGER NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  last_login_at   TEXT
);

CREATE TABLE nutritionists (
  id                    TEXT PRIMARY KEY,
  user_id               TEXT NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
  professional_license  TEXT NOT NULL UNIQUE,   -- cédula profesional
  clinic_name           TEXT,
  created_at            TEXT NOT NULL
);

CREATE TABLE patients (
  id                  TEXT PRIMARY KEY,
  user_id             TEXT NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
  nutritionist_id     TEXT REFERENCES users(id) ON DELETE SET NULL,
  assigned_at         TEXT,
  primary_goal        TEXT CHECK (primary_goal IN ('weight_loss','muscle_gain','maintenance','health_condition')),
  target_weight_kg    REAL,
  target_date         TEXT,
  health_conditions   TEXT NOT NULL DEFAULT '[]',
  allergies           TEXT NOT NULL DEFAULT '[]',
  food_restrictions   TEXT NOT NULL DEFAULT '[]',
  dietary_preference  TEXT,
  activity_level      TEXT NOT NULL DEFAULT 'light',
  status              TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','inactive','graduated','dropped')),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);
CREATE INDEX idx_patients_nutritionist ON patients(nutritionist_id, status);

CREATE TABLE refresh_tokens (
  id           TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  family_id    TEXT NOT NULL,              -- all rotations of one sign-in
  token_hash   TEXT NOT NULL UNIQUE,       -- hex SHA-256 of the opaque token
  expires_at   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  revoked      INTEGER NOT NULL DEFAULT 0,
  revoked_at   TEXT,
  replaced_by  TEXT
);
CREATE INDEX idx_refresh_tokens_family ON refresh_tokens(family_id);

-- Content-addressed blobs: bytes live in DATA_DIR/blobs/sha256/ab/cdef...
CREATE TABLE blobs (
  sha256      TEXT PRIMARY KEY,
  size_bytes  INTEGER NOT NULL,
  mime_type   TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

-- InBody-style body composition records (seed 000 story 4.4).
CREATE TABLE body_scans (
  id                       TEXT PRIMARY KEY,
  patient_id               TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  measured_at              TEXT NOT NULL,
  sex                      TEXT NOT NULL CHECK (sex IN ('male','female')),
  age                      INTEGER NOT NULL,
  height_cm                REAL NOT NULL,
  weight_kg                REAL NOT NULL,
  body_fat_percent         REAL NOT NULL,
  skeletal_muscle_mass_kg  REAL NOT NULL,
  circumferences_cm        TEXT NOT NULL DEFAULT '{}',  -- {neck, chest, waist, hip, arm, thigh, calf}
  created_by               TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at               TEXT NOT NULL
);
CREATE INDEX idx_body_scans_patient ON body_scans(patient_id, measured_at DESC);

CREATE TABLE avatars (
  id            TEXT PRIMARY KEY,
  scan_id       TEXT NOT NULL UNIQUE REFERENCES body_scans(id) ON DELETE CASCADE,
  patient_id    TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  version       INTEGER NOT NULL,            -- 1, 2, ... per patient, for progress comparison
  blob_sha256   TEXT NOT NULL REFERENCES blobs(sha256),
  size_bytes    INTEGER NOT NULL,
  vertex_count  INTEGER NOT NULL,
  provider      TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  UNIQUE (patient_id, version)
);

CREATE TABLE meal_logs (
  id                TEXT PRIMARY KEY,
  patient_id        TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  meal_type         TEXT NOT NULL CHECK (meal_type IN ('breakfast','lunch','dinner','snack')),
  eaten_at          TEXT NOT NULL,
  eaten_date        TEXT NOT NULL,            -- local calendar date YYYY-MM-DD
  photo_sha256      TEXT REFERENCES blobs(sha256),
  detection_status  TEXT NOT NULL,            -- manual_entry_required, detected, manual
  source            TEXT NOT NULL DEFAULT 'phone',  -- phone, workstation, demo
  energy_kcal       REAL NOT NULL DEFAULT 0,
  protein_g         REAL NOT NULL DEFAULT 0,
  carbohydrate_g    REAL NOT NULL DEFAULT 0,
  fat_g             REAL NOT NULL DEFAULT 0,
  fiber_g           REAL NOT NULL DEFAULT 0,
  sodium_mg         REAL NOT NULL DEFAULT 0,
  created_by        TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at        TEXT NOT NULL
);
CREATE INDEX idx_meal_logs_patient_date ON meal_logs(patient_id, eaten_date);
CREATE INDEX idx_meal_logs_patient_time ON meal_logs(patient_id, eaten_at DESC);

CREATE TABLE meal_items (
  meal_id         TEXT NOT NULL REFERENCES meal_logs(id) ON DELETE CASCADE,
  position        INTEGER NOT NULL,
  ndb_no          TEXT NOT NULL,
  grams           REAL NOT NULL CHECK (grams > 0),
  energy_kcal     REAL NOT NULL,
  protein_g       REAL NOT NULL,
  carbohydrate_g  REAL NOT NULL,
  fat_g           REAL NOT NULL,
  fiber_g         REAL NOT NULL,
  sodium_mg       REAL NOT NULL,
  PRIMARY KEY (meal_id, position)
) WITHOUT ROWID;

-- Who read which patient record (seed 002 §7.3 LFPDPPP accountability).
CREATE TABLE record_access_audit (
  id          INTEGER PRIMARY KEY,
  actor_id    TEXT NOT NULL,
  patient_id  TEXT NOT NULL,
  action      TEXT NOT NULL,
  at          TEXT NOT NULL
);
CREATE INDEX idx_audit_patient ON record_access_audit(patient_id, at);

-- Change log: every write appends; the GUI and phones follow it.
CREATE TABLE changes (
  version     INTEGER PRIMARY KEY AUTOINCREMENT,
  table_name  TEXT NOT NULL,
  row_id      TEXT NOT NULL,
  op          TEXT NOT NULL CHECK (op IN ('insert','update','delete')),
  at          TEXT NOT NULL
);
