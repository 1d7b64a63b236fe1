-- 005: Spanish (Mexico) names of SR28 foods (issue 7), from
-- data/foods/es-MX-names.tsv (see es-MX-names.SOURCE.md): 3,219 of the 8,789
-- foods have one; the others keep NULL.
--
-- Filled by bz_usda_import() (src/store/bz-usda-import.c): with SR28 on a
-- first import, or on its own in a store whose SR28 was imported before this
-- migration (food_import then has no 'es-MX-names.tsv' row, so
-- bz_usda_is_imported() is false until the names are loaded), or again when
-- the file's sha256 differs from the one recorded in food_import.
ALTER TABLE foods ADD COLUMN name_es TEXT;

-- External-content index over the Spanish names, rebuilt by the importer
-- ('rebuild') like foods_fts.  Accents and case are folded ("maiz" finds
-- "maíz"); the 2-, 3- and 4-character prefix indexes serve the half-typed
-- last word of a search ("to"*, "tor"*, "tort"*; longer prefixes such as
-- "manza"* scan the term list from the main index).
CREATE VIRTUAL TABLE foods_es_fts USING fts5(
  name_es,
  content='foods', content_rowid='rowid',
  tokenize='unicode61 remove_diacritics 2',
  prefix='2 3 4');
