-- 025: challenges, their participants and daily check-ins, and the members'
-- XP, levels and badges (issue 10; seed 002 §3.3 social.challenges and
-- social.challenge_participants, §4.6 the challenge endpoints; the seed's
-- "gamification" schema names XP, badges and levels without their tables).
--
-- Shapes and bounds are declared once in src/core/bz-challenge-resources.h,
-- the vocabularies in src/core/bz-vocab.c and the limits in bz-limits.h; the
-- CHECKs repeat them so no writer stores a row the API would refuse.
--
-- The seed keeps daily_progress as a JSONB array in the participant's row;
-- here each check-in is a row (one per participant and date), so a check-in
-- is one upsert and the totals one aggregate.  status is stored only when it
-- cannot be derived: 'cancelled'; upcoming/active/completed come from the
-- dates and the clinic's calendar day (bz-challenge.h).
CREATE TABLE challenges (
  id                TEXT PRIMARY KEY,
  title             TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 255),
  description       TEXT CHECK (description IS NULL OR length(description) <= 5000),
  type              TEXT NOT NULL DEFAULT 'individual' CHECK (type IN ('individual','team','community')),
  category          TEXT NOT NULL CHECK (category IN ('weight_loss','steps','water','meals','exercise')),
  scope             TEXT NOT NULL DEFAULT 'national' CHECK (scope IN ('national','nutritionist_patients')),
  nutritionist_id   TEXT REFERENCES users(id) ON DELETE CASCADE,   -- scope nutritionist_patients: whose
  start_date        TEXT NOT NULL,                                 -- YYYY-MM-DD, the clinic's calendar
  end_date          TEXT NOT NULL CHECK (end_date > start_date),
  cancelled         INTEGER NOT NULL DEFAULT 0,
  goal_type         TEXT NOT NULL CHECK (goal_type IN ('cumulative','daily','weekly','threshold')),
  goal_metric       TEXT NOT NULL CHECK (goal_metric IN ('steps','kg_lost','water_glasses','meals_logged','exercise_minutes')),
  goal_value        REAL NOT NULL CHECK (goal_value > 0),
  participant_count INTEGER NOT NULL DEFAULT 0 CHECK (participant_count >= 0),
  max_participants  INTEGER CHECK (max_participants IS NULL OR max_participants > 0),
  rewards           TEXT NOT NULL DEFAULT '[]',                    -- JSON [{rank, reward_type, reward_value}]
  is_featured       INTEGER NOT NULL DEFAULT 0,
  created_by        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_by_type   TEXT NOT NULL CHECK (created_by_type IN ('admin','nutritionist','patient','system')),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);
CREATE INDEX idx_challenges_dates ON challenges(end_date, start_date);
CREATE INDEX idx_challenges_nutritionist ON challenges(nutritionist_id) WHERE nutritionist_id IS NOT NULL;

CREATE TABLE challenge_participants (
  challenge_id          TEXT NOT NULL REFERENCES challenges(id) ON DELETE CASCADE,
  user_id               TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  current_value         REAL NOT NULL DEFAULT 0,     -- the latest check-in's value
  total_value           REAL NOT NULL DEFAULT 0,     -- the sum of the check-ins
  days_completed        INTEGER NOT NULL DEFAULT 0,  -- check-ins that met a daily goal
  completion_percentage REAL NOT NULL DEFAULT 0 CHECK (completion_percentage BETWEEN 0 AND 100),
  rank                  INTEGER,
  previous_rank         INTEGER,
  status                TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','completed','dropped','failed')),
  xp_earned             INTEGER NOT NULL DEFAULT 0 CHECK (xp_earned >= 0),
  joined_at             TEXT NOT NULL,
  completed_at          TEXT,
  PRIMARY KEY (challenge_id, user_id)
);
CREATE INDEX idx_challenge_participants_rank ON challenge_participants(challenge_id, rank);
CREATE INDEX idx_challenge_participants_user ON challenge_participants(user_id);

CREATE TABLE challenge_check_ins (
  challenge_id  TEXT NOT NULL,
  user_id       TEXT NOT NULL,
  date          TEXT NOT NULL,                       -- YYYY-MM-DD within the challenge
  value         REAL NOT NULL CHECK (value >= 0),
  goal_achieved INTEGER NOT NULL,                   -- this value meets the goal of its day (daily, threshold)
  rewarded      INTEGER NOT NULL DEFAULT 0,         -- its XP was given: once per date, even if the value changes
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (challenge_id, user_id, date),
  FOREIGN KEY (challenge_id, user_id) REFERENCES challenge_participants(challenge_id, user_id) ON DELETE CASCADE
);

-- XP and level per user (level follows xp: bz_gamification_level()).
CREATE TABLE user_xp (
  user_id    TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  xp         INTEGER NOT NULL DEFAULT 0 CHECK (xp >= 0),
  level      INTEGER NOT NULL DEFAULT 1 CHECK (level >= 1),
  updated_at TEXT NOT NULL
);

-- Badges earned; a badge is earned once per challenge ('' when not tied to one).
CREATE TABLE user_badges (
  user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  badge        TEXT NOT NULL,
  challenge_id TEXT NOT NULL DEFAULT '',
  awarded_at   TEXT NOT NULL,
  PRIMARY KEY (user_id, badge, challenge_id)
);
