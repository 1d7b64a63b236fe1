-- 002_foods.sql — USDA SR28 (see data/foods/SOURCE.md), with FTS5 over descriptions.

CREATE TABLE food_groups (
  code  TEXT PRIMARY KEY,     -- FdGrp_Cd, 4 digits
  name  TEXT NOT NULL
);

CREATE TABLE nutrient_defs (
  nutr_no   TEXT PRIMARY KEY,  -- Nutr_No, 3 digits (208 = Energy kcal)
  units     TEXT NOT NULL,     -- g, mg, µg, kcal, kJ, IU
  tagname   TEXT,              -- INFOODS tagname
  name      TEXT NOT NULL,
  num_dec   INTEGER NOT NULL,
  sr_order  INTEGER NOT NULL
);

CREATE TABLE foods (
  rowid       INTEGER PRIMARY KEY,
  ndb_no      TEXT NOT NULL UNIQUE,   -- 5 digits
  food_group  TEXT NOT NULL REFERENCES food_groups(code),
  long_desc   TEXT NOT NULL,
  short_desc  TEXT NOT NULL,
  common_name TEXT,
  manufacturer TEXT,
  n_factor    REAL,
  pro_factor  REAL,
  fat_factor  REAL,
  cho_factor  REAL
);

CREATE TABLE food_nutrients (
  ndb_no   TEXT NOT NULL,
  nutr_no  TEXT NOT NULL,
  value    REAL NOT NULL,            -- per 100 g edible portion, in nutrient_defs.units
  PRIMARY KEY (ndb_no, nutr_no)
) WITHOUT ROWID;

CREATE TABLE food_weights (
  ndb_no       TEXT NOT NULL,
  seq          INTEGER NOT NULL,
  amount       REAL NOT NULL,
  description  TEXT NOT NULL,        -- e.g. "cup, chopped"
  grams        REAL NOT NULL,
  PRIMARY KEY (ndb_no, seq)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE foods_fts USING fts5(
  long_desc, common_name,
  content='foods', content_rowid='rowid',
  tokenize='unicode61 remove_diacritics 2');

-- Import bookkeeping: checksums of the source files that were loaded.
CREATE TABLE food_import (
  file      TEXT PRIMARY KEY,
  sha256    TEXT NOT NULL,
  rows      INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
