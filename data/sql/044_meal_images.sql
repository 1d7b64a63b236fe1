-- 044_meal_images.sql — meal photos uploaded ahead of a meal (issue 11; seed 001
-- "POST /api/upload/meal-images - Meal photo processing"; seed 000 story 4.3).
--
-- A photo is checked and given its display copy by bz_photo_prepare() (the
-- original as uploaded, and a JPEG of at most 1280 px, upright, without EXIF),
-- both stored as blobs, and owned by the user who uploaded it: only that user
-- may read it or name its id in upload-meal, meal-detection, log-previous-meal
-- or correct-meal (anyone else gets 404).  meal_id is the meal it was logged
-- as (NULL while it waits): a retried upload-meal with the same image_id
-- answers that meal instead of logging a second one.  The row is deleted at
-- expires_at (created_at + BZ_MEAL_IMAGE_TTL_S) by the "meal_image.expire" job;
-- a meal that names the blobs keeps them (meal_logs references them too),
-- otherwise the blob collector removes the files.
CREATE TABLE meal_images (
  id             TEXT PRIMARY KEY,
  owner_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  sha256         TEXT NOT NULL REFERENCES blobs(sha256),   -- the original (JPEG or PNG)
  display_sha256 TEXT NOT NULL REFERENCES blobs(sha256),   -- JPEG, <= 1280 px, no EXIF
  width          INTEGER NOT NULL CHECK (width > 0),       -- of the original, pixels
  height         INTEGER NOT NULL CHECK (height > 0),
  created_at     TEXT NOT NULL,                            -- UTC, ISO 8601
  expires_at     TEXT NOT NULL,                            -- UTC, ISO 8601
  meal_id        TEXT REFERENCES meal_logs(id) ON DELETE SET NULL
);
CREATE INDEX idx_meal_images_owner ON meal_images(owner_id) WHERE meal_id IS NULL;
CREATE INDEX idx_meal_images_sha256 ON meal_images(sha256);
CREATE INDEX idx_meal_images_display ON meal_images(display_sha256);
CREATE INDEX idx_meal_images_meal ON meal_images(meal_id) WHERE meal_id IS NOT NULL;
