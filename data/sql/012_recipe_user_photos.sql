-- 012: recipes written by users (issue 7; seed 002 §4.5 POST /api/v1/recipes,
-- multipart with photos; §3.3 recipes.gallery_photos).
--
-- A user's recipe is stored in `recipes` as the catalogue's are (006), with
-- author_id set, is_verified 0, is_published 0 and moderation_status
-- 'pending' until it is reviewed; who sees it before then is decided in
-- src/services/bz-recipe-service.c (its author, nutritionists, admins).
-- Its photos are blobs (bz_photo_prepare(): the original as uploaded and a
-- display copy of at most 1280 px without EXIF), one row per photo in the
-- order uploaded; recipes.main_photo_sha256 is the first one's display copy
-- and recipes.photo_count how many there are, so a listing builds
-- main_photo_url and gallery_photos without reading recipe_photos.
ALTER TABLE recipes ADD COLUMN photo_count INTEGER NOT NULL DEFAULT 0;

CREATE TABLE recipe_photos (
  recipe_id      TEXT NOT NULL REFERENCES recipes(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL CHECK (position >= 0),   -- 0 = the main photo
  sha256         TEXT NOT NULL REFERENCES blobs(sha256),   -- the original (JPEG or PNG)
  display_sha256 TEXT NOT NULL REFERENCES blobs(sha256),   -- JPEG, ≤ 1280 px, no EXIF
  width          INTEGER NOT NULL,                          -- of the original, pixels
  height         INTEGER NOT NULL,
  PRIMARY KEY (recipe_id, position)
) WITHOUT ROWID;
CREATE INDEX idx_recipe_photos_sha256 ON recipe_photos(sha256);
CREATE INDEX idx_recipe_photos_display ON recipe_photos(display_sha256);
CREATE INDEX idx_recipes_moderation ON recipes(moderation_status) WHERE moderation_status <> 'approved';
