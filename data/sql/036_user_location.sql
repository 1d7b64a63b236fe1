-- 036_user_location.sql — where a user lives (issue 9, "Rectification"; seed
-- 002 §4.2 registration's state and city, §4.4 the patient record).
--
-- Registration and the patient record validated state and city (at most 100
-- characters, bz-auth-validate.c) and dropped them: users had no column.
-- Both are free text, NULL when not given; account deletion clears them
-- with the other personal fields (bz-privacy-repo.c).
ALTER TABLE users ADD COLUMN state TEXT CHECK (state IS NULL OR length(state) <= 100);
ALTER TABLE users ADD COLUMN city TEXT CHECK (city IS NULL OR length(city) <= 100);
