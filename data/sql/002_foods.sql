-- 002_foods.sql — USDA SR28 (see data/foods/SOURCE.md), with FTS5 over descriptions.
--
-- Filled in one transaction by bz_usda_import() (src/store/bz-usda-import.c);
-- read-only afterwards.  Column comments name the SR28 field (sr28_doc.pdf ch. 2).

CREATE TABLE food_groups (
  code  TEXT PRIMARY KEY,     -- FdGrp_Cd, 4 digits
  name  TEXT NOT NULL         -- FdGrp_Desc
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
  rowid       INTEGER PRIMARY KEY,    -- import order = NDB_No order (FOOD_DES is sorted)
  ndb_no      TEXT NOT NULL UNIQUE,   -- 5 digits
  food_group  TEXT NOT NULL REFERENCES food_groups(code),
  long_desc   TEXT NOT NULL,
  short_desc  TEXT NOT NULL,
  common_name TEXT,
  manufacturer TEXT,
  sci_name    TEXT,                   -- SciName
  ref_desc    TEXT,                   -- Ref_desc: the inedible parts (refuse)
  refuse_pct  REAL,                   -- Refuse, % of the purchased weight
  n_factor    REAL,
  pro_factor  REAL,
  fat_factor  REAL,
  cho_factor  REAL,
  -- Panel per 100 g edible portion, copied from food_nutrients at import so the
  -- food listing and the meal calculator read one row per food, no join.
  -- NULL when SR28 has no value for the nutrient.
  energy_kcal     REAL,               -- 208
  protein_g       REAL,               -- 203
  carbohydrate_g  REAL,               -- 205 (by difference)
  fat_g           REAL,               -- 204 (total lipid)
  fiber_g         REAL,               -- 291
  sodium_mg       REAL                -- 307
);
-- The unsearched listing is ordered by description (rowid breaks ties).
CREATE INDEX idx_foods_long_desc ON foods(long_desc);

CREATE TABLE food_nutrients (
  ndb_no   TEXT NOT NULL REFERENCES foods(ndb_no),
  nutr_no  TEXT NOT NULL REFERENCES nutrient_defs(nutr_no),
  value    REAL NOT NULL,            -- per 100 g edible portion, in nutrient_defs.units
  PRIMARY KEY (ndb_no, nutr_no)
) WITHOUT ROWID;

CREATE TABLE food_weights (
  ndb_no       TEXT NOT NULL REFERENCES foods(ndb_no),
  seq          INTEGER NOT NULL,
  amount       REAL NOT NULL,
  description  TEXT NOT NULL,        -- e.g. "cup, chopped"
  grams        REAL NOT NULL,
  PRIMARY KEY (ndb_no, seq)
) WITHOUT ROWID;

-- External-content index over foods; rebuilt by the importer ('rebuild'),
-- so foods carries no sync triggers (it is never written after the import).
CREATE VIRTUAL TABLE foods_fts USING fts5(
  long_desc, common_name,
  content='foods', content_rowid='rowid',
  tokenize='unicode61 remove_diacritics 2');

-- Import bookkeeping: checksums of the source files that were loaded.
CREATE TABLE food_import (
  file      TEXT PRIMARY KEY,        -- e.g. "NUT_DATA.txt" (uncompressed name)
  sha256    TEXT NOT NULL,           -- hex, of the uncompressed bytes
  rows      INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
