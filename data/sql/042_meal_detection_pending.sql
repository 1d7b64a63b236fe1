-- 042_meal_detection_pending.sql — meals whose photo waits for the meal-detection
-- service (issue 11, seed 000 story 4.3: "a meal logged while the service was down
-- is analysed when it comes back"). detection_status 'pending' is new in
-- bz_vocab_detection_status (the column has no CHECK, 001_init.sql); this partial
-- index lets the start-up sweep (bz_meal_detection_schedule_pending()) find the
-- few pending meals without reading every meal ever logged.
CREATE INDEX IF NOT EXISTS meal_logs_detection_pending ON meal_logs (id) WHERE detection_status = 'pending';
