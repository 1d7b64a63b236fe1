-- 021: what an InBody analyser reports beyond weight, body fat and skeletal
-- muscle mass (issue 8; src/core/bz-inbody-resources.h declares them):
-- segmental lean and fat mass (kg), visceral fat level (1-20), whole-body
-- phase angle at 50 kHz (degrees), total body water (L) and ECW/TBW.  NULL
-- when the device or the form did not report them.
ALTER TABLE body_scans ADD COLUMN lean_right_arm_kg REAL;
ALTER TABLE body_scans ADD COLUMN lean_left_arm_kg REAL;
ALTER TABLE body_scans ADD COLUMN lean_trunk_kg REAL;
ALTER TABLE body_scans ADD COLUMN lean_right_leg_kg REAL;
ALTER TABLE body_scans ADD COLUMN lean_left_leg_kg REAL;
ALTER TABLE body_scans ADD COLUMN fat_right_arm_kg REAL;
ALTER TABLE body_scans ADD COLUMN fat_left_arm_kg REAL;
ALTER TABLE body_scans ADD COLUMN fat_trunk_kg REAL;
ALTER TABLE body_scans ADD COLUMN fat_right_leg_kg REAL;
ALTER TABLE body_scans ADD COLUMN fat_left_leg_kg REAL;
ALTER TABLE body_scans ADD COLUMN visceral_fat_level REAL;
ALTER TABLE body_scans ADD COLUMN phase_angle_deg REAL;
ALTER TABLE body_scans ADD COLUMN total_body_water_l REAL;
ALTER TABLE body_scans ADD COLUMN ecw_tbw_ratio REAL;
