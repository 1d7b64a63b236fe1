-- 006: recipes (issue 7; seed 002 §3.3 social.recipes, §4.5 recipe endpoints).
--
-- The catalogue of data/recipes/recipes-es-MX.json is loaded by
-- bz_recipe_import() (src/store/bz-recipe-import.c) after the USDA foods;
-- read by src/store/bz-recipe-repo.c.  Values are the seed's: meal_type and
-- difficulty in Spanish, dietary_tags as its English codes
-- (src/core/bz-recipe.h).  Nutrition and SMAE equivalents per serving are
-- computed from the ingredients' SR28 panels at import and stored, so a
-- listing reads them and can sort on them without a join.

CREATE TABLE recipes (
  rowid             INTEGER PRIMARY KEY,           -- the FTS5 content rowid
  id                TEXT NOT NULL UNIQUE,          -- UUID (catalogue: bz_recipe_uuid("recipe/" || catalogue_id))
  catalogue_id      TEXT UNIQUE,                   -- data/recipes id; NULL for a recipe a user wrote
  title             TEXT NOT NULL,
  description       TEXT,
  main_photo_sha256 TEXT REFERENCES blobs(sha256),
  author_id         TEXT REFERENCES users(id) ON DELETE CASCADE,  -- NULL: Balanza's catalogue
  is_verified       INTEGER NOT NULL DEFAULT 0,
  verified_by       TEXT REFERENCES users(id) ON DELETE SET NULL,
  verified_at       TEXT,
  meal_type         TEXT NOT NULL CHECK (meal_type IN ('desayuno','colacion','comida','cena')),
  meal_types        TEXT NOT NULL DEFAULT '[]',    -- JSON array of meal types, meal_type first
  cuisine_type      TEXT,                          -- 'mexicana', 'internacional', 'fusion'
  dietary_tags      TEXT NOT NULL DEFAULT '[]',    -- JSON array of bz_vocab_dietary_tag ids
  tags              TEXT NOT NULL DEFAULT '[]',    -- JSON array of free Spanish labels
  difficulty        TEXT CHECK (difficulty IN ('facil','media','dificil')),
  prep_time_min     INTEGER NOT NULL CHECK (prep_time_min >= 0),
  cook_time_min     INTEGER NOT NULL CHECK (cook_time_min >= 0),
  total_time_min    INTEGER GENERATED ALWAYS AS (prep_time_min + cook_time_min) STORED,
  servings          INTEGER NOT NULL CHECK (servings >= 1),
  -- Per serving, from the SR28 panels of `foods` (208, 203, 205, 204, 291, 307).
  calories          REAL NOT NULL,                 -- kcal
  protein_g         REAL NOT NULL,
  carbs_g           REAL NOT NULL,
  fat_g             REAL NOT NULL,
  fiber_g           REAL NOT NULL,
  sodium_mg         REAL NOT NULL,
  smae_equivalents  TEXT NOT NULL DEFAULT '{}',    -- JSON {group id: equivalents per serving}, all 18 groups
  rating_average    REAL CHECK (rating_average BETWEEN 1 AND 5),  -- NULL until rated
  rating_count      INTEGER NOT NULL DEFAULT 0,
  tried_count       INTEGER NOT NULL DEFAULT 0,
  is_published      INTEGER NOT NULL DEFAULT 1,
  moderation_status TEXT NOT NULL DEFAULT 'approved' CHECK (moderation_status IN ('pending','approved','rejected')),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);
CREATE INDEX idx_recipes_meal_type ON recipes(meal_type);
CREATE INDEX idx_recipes_rating ON recipes(rating_average DESC);
CREATE INDEX idx_recipes_author ON recipes(author_id);

CREATE TABLE recipe_ingredients (
  recipe_id  TEXT NOT NULL REFERENCES recipes(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,                    -- 0, 1, ... in the recipe's order
  ndb_no     TEXT NOT NULL REFERENCES foods(ndb_no),
  grams      REAL NOT NULL CHECK (grams > 0),     -- whole recipe, edible portion
  text       TEXT NOT NULL,                       -- household quantity, Spanish
  PRIMARY KEY (recipe_id, position)
) WITHOUT ROWID;
CREATE INDEX idx_recipe_ingredients_food ON recipe_ingredients(ndb_no);

CREATE TABLE recipe_steps (
  recipe_id    TEXT NOT NULL REFERENCES recipes(id) ON DELETE CASCADE,
  step_number  INTEGER NOT NULL CHECK (step_number >= 1),
  instruction  TEXT NOT NULL,
  PRIMARY KEY (recipe_id, step_number)
) WITHOUT ROWID;

-- Title and description, accents and case folded ("jamaica" finds
-- "Jamaica", "limon" "limón"), with 2-, 3- and 4-character prefix indexes
-- for the half-typed words of a search.  External content, kept in step by
-- the triggers below (recipes will also be written by users).
CREATE VIRTUAL TABLE recipes_fts USING fts5(
  title, description,
  content='recipes', content_rowid='rowid',
  tokenize='unicode61 remove_diacritics 2',
  prefix='2 3 4');

CREATE TRIGGER recipes_fts_insert AFTER INSERT ON recipes BEGIN
  INSERT INTO recipes_fts(rowid, title, description) VALUES (new.rowid, new.title, new.description);
END;
CREATE TRIGGER recipes_fts_delete AFTER DELETE ON recipes BEGIN
  INSERT INTO recipes_fts(recipes_fts, rowid, title, description) VALUES ('delete', old.rowid, old.title, old.description);
END;
CREATE TRIGGER recipes_fts_update AFTER UPDATE OF title, description ON recipes BEGIN
  INSERT INTO recipes_fts(recipes_fts, rowid, title, description) VALUES ('delete', old.rowid, old.title, old.description);
  INSERT INTO recipes_fts(rowid, title, description) VALUES (new.rowid, new.title, new.description);
END;

-- Import bookkeeping: the catalogue file that was loaded.
CREATE TABLE recipe_import (
  file         TEXT PRIMARY KEY,                  -- "recipes-es-MX.json"
  sha256       TEXT NOT NULL,                     -- hex, of the file's bytes
  rows         INTEGER NOT NULL,                  -- recipes
  imported_at  TEXT NOT NULL
);
