-- 018_sync_changes.sql — the change log as the phones' delta sync reads it
-- (issue 9, GET /api/v1/sync/changes; src/store/bz-sync-repo.c).
--
-- changes.patient_id: whose record changed, written by the writer with the
-- change (bz_store_log_patient_change()), so that a deletion stays visible to
-- exactly the patient (and their nutritionist) after the row is gone.  NULL
-- for rows of no patient: recipes, users, nutritionists, refresh tokens.
ALTER TABLE changes ADD COLUMN patient_id TEXT;
CREATE INDEX idx_changes_patient ON changes (patient_id, version);
CREATE INDEX idx_changes_row ON changes (table_name, row_id, version);

-- Backfill the changes logged before this migration, where the row still
-- exists (a change of a row deleted since stays NULL: no one is sent it).
UPDATE changes SET patient_id = (SELECT m.patient_id FROM meal_logs m WHERE m.id = changes.row_id)
  WHERE table_name = 'meal_logs';
UPDATE changes SET patient_id = (SELECT s.patient_id FROM body_scans s WHERE s.id = changes.row_id)
  WHERE table_name = 'body_scans';
UPDATE changes SET patient_id = (SELECT a.patient_id FROM avatars a WHERE a.id = changes.row_id)
  WHERE table_name = 'avatars';
UPDATE changes SET patient_id = (SELECT p.patient_id FROM meal_plans p WHERE p.id = changes.row_id)
  WHERE table_name = 'meal_plans';
UPDATE changes SET patient_id = row_id
  WHERE table_name = 'patients' AND EXISTS (SELECT 1 FROM patients p WHERE p.id = changes.row_id);

-- The sync horizon: the highest version the retention prune removed
-- (bz_sync_repo_prune()); a cursor below it lost changes and must resync.
CREATE TABLE sync_horizon (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  version  INTEGER NOT NULL
);
INSERT INTO sync_horizon (id, version) VALUES (1, 0);
