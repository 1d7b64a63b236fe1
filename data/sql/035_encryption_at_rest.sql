-- 035: encryption at rest (issue 9, "Encryption at rest"; src/store/bz-crypt.h,
-- docs/privacy.md).
--
-- patients.health_conditions, allergies, food_restrictions and
-- clinical_notes.body are stored sealed ("bzenc1:" + base64 of
-- XChaCha20-Poly1305 nonce, ciphertext and tag) with a key kept outside this
-- file.  bz_store_open() seals the rows written before this migration once,
-- after it (bz_store_seal_legacy(): SQL cannot, the key is not in the
-- database).

-- The key check: one value sealed with the key when the database first met
-- it ("balanza-key-check", table crypt_key_check, column sealed, row 1).  A
-- key that does not open it is refused at open with a clear error, instead
-- of reading garbage or sealing new rows with a second key.
-- blobs_sealed: 1 once the blob files written before encryption have been
-- sealed (bz_blob_seal_plaintext_files() reads every file: once, not at
-- every start; every file written since is sealed when written).
CREATE TABLE crypt_key_check (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  sealed        TEXT NOT NULL,
  blobs_sealed  INTEGER NOT NULL DEFAULT 0 CHECK (blobs_sealed IN (0, 1)),
  created_at    TEXT NOT NULL
);

-- clinical_notes.body's CHECK bounded the plaintext (10000 characters,
-- BZ_CLINICAL_NOTE_MAX_CHARS, still enforced by the service); a sealed body
-- is longer: 7 + base64 of (24 + up to 40000 UTF-8 bytes + 16) < 60000.
-- SQLite cannot alter a CHECK: the table is rebuilt (nothing references it).
CREATE TABLE clinical_notes_new (
  id               TEXT PRIMARY KEY,
  patient_id       TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  author_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  consultation_at  TEXT NOT NULL,                 -- ISO 8601 UTC
  body             TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 60000),   -- sealed (bz-crypt.h)
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
INSERT INTO clinical_notes_new (id, patient_id, author_id, consultation_at, body, created_at, updated_at)
  SELECT id, patient_id, author_id, consultation_at, body, created_at, updated_at FROM clinical_notes;
DROP TABLE clinical_notes;
ALTER TABLE clinical_notes_new RENAME TO clinical_notes;
CREATE INDEX idx_clinical_notes_patient ON clinical_notes(patient_id, consultation_at DESC, created_at DESC);
