-- 013: a patient's consent to the privacy notice (issue 12, onboarding).
--
-- Mexico's personal data law (LFPDPPP, arts. 8-9: health data are sensitive
-- and need express written consent) asks the clinic to be able to show when
-- the patient accepted its privacy notice.  The desk's "New patient" form
-- requires the check; the API records it when `privacy_consent` is true.
-- NULL: not recorded (patients added before 013, or through the API without
-- the member).
ALTER TABLE patients ADD COLUMN privacy_consent_at TEXT;
