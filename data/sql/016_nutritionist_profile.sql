-- 016: the nutritionist's professional profile (seed 002 §3.2 auth.nutritionists,
-- issue 12): the licence's verification, specializations, experience, the
-- practice (address, phone, fee in MXN, insurance), whether new patients are
-- accepted, and working hours.  Edited at the desk and through
-- /api/v1/nutritionist/profile.
ALTER TABLE nutritionists ADD COLUMN license_status TEXT NOT NULL DEFAULT 'pending'
  CHECK (license_status IN ('pending','verified','rejected'));
ALTER TABLE nutritionists ADD COLUMN license_verified_at TEXT;
ALTER TABLE nutritionists ADD COLUMN specializations TEXT NOT NULL DEFAULT '[]';   -- JSON array of bz_vocab_specialization ids
ALTER TABLE nutritionists ADD COLUMN years_experience INTEGER;
ALTER TABLE nutritionists ADD COLUMN clinic_address TEXT;
ALTER TABLE nutritionists ADD COLUMN clinic_phone TEXT;
ALTER TABLE nutritionists ADD COLUMN consultation_fee_mxn INTEGER;
ALTER TABLE nutritionists ADD COLUMN accepts_insurance INTEGER NOT NULL DEFAULT 0;
ALTER TABLE nutritionists ADD COLUMN accepting_patients INTEGER NOT NULL DEFAULT 1;
ALTER TABLE nutritionists ADD COLUMN working_hours TEXT NOT NULL DEFAULT '{}';     -- {"monday": {"start": "09:00", "end": "18:00"}, ...}
ALTER TABLE nutritionists ADD COLUMN updated_at TEXT;
