-- 034_user_consents.sql — consent records (issue 9, "Privacy"; seed 002
-- §7.3.1 UserConsent; src/store/bz-consent-repo.c writes them).
--
-- Mexico's LFPDPPP (arts. 8-9: health data are sensitive and need express
-- consent; art. 16: the privacy notice) asks the clinic to show what each
-- person accepted and when.  One current row per user (user_consents) and
-- every state it ever had (user_consent_history, appended by the triggers
-- below on every insert and update, never changed or deleted by Balanza),
-- so the clinic can prove what was accepted, which notice version, when,
-- from which address and who recorded it.
--
-- source: how the row was last set: 'registration' (POST /auth/register),
-- 'patient_creation' (the desk's onboarding or POST /nutritionist/patients),
-- 'user' (PUT /privacy/consents by the user), 'nutritionist' (their
-- nutritionist, on the patient's word: the desk or the nutritionist route),
-- 'migration' (the consent of 013_patient_consent.sql, moved here).
CREATE TABLE user_consents (
  user_id                    TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  data_processing            INTEGER NOT NULL DEFAULT 0 CHECK (data_processing IN (0, 1)),
  marketing_communications   INTEGER NOT NULL DEFAULT 0 CHECK (marketing_communications IN (0, 1)),
  data_sharing_partners      INTEGER NOT NULL DEFAULT 0 CHECK (data_sharing_partners IN (0, 1)),
  privacy_notice_version     TEXT,
  privacy_notice_accepted_at TEXT,
  ip_address                 TEXT CHECK (ip_address IS NULL OR length(ip_address) <= 45),
  source                     TEXT NOT NULL CHECK (source IN ('registration', 'patient_creation', 'user',
                                                             'nutritionist', 'migration')),
  recorded_by                TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at                 TEXT NOT NULL,
  updated_at                 TEXT NOT NULL
);

CREATE TABLE user_consent_history (
  id                         INTEGER PRIMARY KEY,
  user_id                    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  data_processing            INTEGER NOT NULL,
  marketing_communications   INTEGER NOT NULL,
  data_sharing_partners      INTEGER NOT NULL,
  privacy_notice_version     TEXT,
  privacy_notice_accepted_at TEXT,
  ip_address                 TEXT,
  source                     TEXT NOT NULL,
  recorded_by                TEXT,
  recorded_at                TEXT NOT NULL
);
CREATE INDEX idx_user_consent_history_user ON user_consent_history (user_id, id);

CREATE TRIGGER user_consents_history_insert AFTER INSERT ON user_consents
BEGIN
  INSERT INTO user_consent_history (user_id, data_processing, marketing_communications, data_sharing_partners,
                                    privacy_notice_version, privacy_notice_accepted_at, ip_address, source,
                                    recorded_by, recorded_at)
  VALUES (NEW.user_id, NEW.data_processing, NEW.marketing_communications, NEW.data_sharing_partners,
          NEW.privacy_notice_version, NEW.privacy_notice_accepted_at, NEW.ip_address, NEW.source,
          NEW.recorded_by, NEW.updated_at);
END;

CREATE TRIGGER user_consents_history_update AFTER UPDATE ON user_consents
BEGIN
  INSERT INTO user_consent_history (user_id, data_processing, marketing_communications, data_sharing_partners,
                                    privacy_notice_version, privacy_notice_accepted_at, ip_address, source,
                                    recorded_by, recorded_at)
  VALUES (NEW.user_id, NEW.data_processing, NEW.marketing_communications, NEW.data_sharing_partners,
          NEW.privacy_notice_version, NEW.privacy_notice_accepted_at, NEW.ip_address, NEW.source,
          NEW.recorded_by, NEW.updated_at);
END;

-- One home for the fact: 013's acceptance moves here (the notice then had
-- no version: NULL), and patients.privacy_consent_at goes.  PatientInfo's
-- privacy_consent_at is read from user_consents (bz-patient-repo.c).
INSERT INTO user_consents (user_id, data_processing, privacy_notice_accepted_at, source, created_at, updated_at)
  SELECT user_id, 1, privacy_consent_at, 'migration', privacy_consent_at, privacy_consent_at
  FROM patients WHERE privacy_consent_at IS NOT NULL;
ALTER TABLE patients DROP COLUMN privacy_consent_at;
