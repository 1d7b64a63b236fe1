-- 007: manual meal plans (issue 7; seed 004, the Manual Meal Plan API).
--
-- Seed 004 keeps a draft's days in one JSONB "suggestions" column; here
-- the slots and their recipes are rows, so a slot is matched by its key
-- (the meal name case-folded, bz_meal_plan_meal_key()) and recipes are
-- ordered as added.  Read and written by src/store/bz-meal-plan-repo.c.
-- No meal programs exist yet, so there is no template column: a template's
-- slots would be copied into meal_plan_slots.

CREATE TABLE meal_plans (
  id               TEXT PRIMARY KEY,               -- the draftId: manual-{clientId}-{ms since 1970}
  patient_id       TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  nutritionist_id  TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  status           TEXT NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft','finalized','active','completed','archived')),
  creation_method  TEXT NOT NULL DEFAULT 'manual' CHECK (creation_method IN ('manual','auto_generated')),
  plan_name        TEXT,
  plan_date        TEXT NOT NULL,                  -- day 1, YYYY-MM-DD
  duration_days    INTEGER NOT NULL CHECK (duration_days BETWEEN 1 AND 30),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  expires_at       TEXT,                           -- created_at + 7 days while a draft; NULL once finalized
  finalized_at     TEXT
);
CREATE INDEX meal_plans_patient ON meal_plans (patient_id, status);
-- One current plan per patient: finalizing a plan completes the patient's
-- other finalized or active one (bz_meal_plan_repo_finalize()).
CREATE UNIQUE INDEX meal_plans_one_current ON meal_plans (patient_id) WHERE status IN ('finalized','active');

CREATE TABLE meal_plan_slots (
  plan_id    TEXT NOT NULL REFERENCES meal_plans(id) ON DELETE CASCADE,
  day        INTEGER NOT NULL CHECK (day >= 1),
  meal_key   TEXT NOT NULL,                        -- bz_meal_plan_meal_key (meal_name)
  meal_name  TEXT NOT NULL,                        -- as first written
  position   INTEGER NOT NULL,
  PRIMARY KEY (plan_id, day, meal_key)
) WITHOUT ROWID;

-- recipe_id is a recipes.id of Balanza's catalogue (provider "balanza");
-- not a foreign key, so the catalogue's re-import can drop a recipe: a
-- plan then no longer shows it.
CREATE TABLE meal_plan_recipes (
  plan_id    TEXT NOT NULL,
  day        INTEGER NOT NULL,
  meal_key   TEXT NOT NULL,
  position   INTEGER NOT NULL,
  provider   TEXT NOT NULL DEFAULT 'balanza',
  recipe_id  TEXT NOT NULL,
  servings   REAL NOT NULL CHECK (servings BETWEEN 0.1 AND 20),
  PRIMARY KEY (plan_id, day, meal_key, position),
  FOREIGN KEY (plan_id, day, meal_key) REFERENCES meal_plan_slots (plan_id, day, meal_key) ON DELETE CASCADE
) WITHOUT ROWID;
