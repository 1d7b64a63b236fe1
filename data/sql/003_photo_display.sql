-- 003: a meal photo's display copy (bz_photo_prepare(): at most 1280 px on its
-- long side, upright, JPEG without EXIF so without GPS location).  The
-- original stays in photo_sha256.  Rows from before have no display copy and
-- serve their original.
ALTER TABLE meal_logs ADD COLUMN photo_display_sha256 TEXT REFERENCES blobs(sha256);
