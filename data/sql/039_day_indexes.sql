-- 039_day_indexes.sql — indexes for the day's reads (GET /api/nutrition/daily), found with
-- EXPLAIN QUERY PLAN while profiling issue 6's hot path:
-- * a day's meals in time order: with (patient_id, eaten_date) and
--   (patient_id, eaten_at) SQLite walked every meal the patient ever logged
--   through the time index to avoid a sort (a year of meals: ~1,500 rows per
--   request). One index answers the day and its order.
-- * a plan day's slots in position order: no temporary B-tree per request.
CREATE INDEX IF NOT EXISTS idx_meal_logs_patient_day ON meal_logs (patient_id, eaten_date, eaten_at);
DROP INDEX IF EXISTS idx_meal_logs_patient_date;
CREATE INDEX IF NOT EXISTS meal_plan_slots_order ON meal_plan_slots (plan_id, day, position);
