-- 004: a user whose password was generated for them (a patient added by a
-- nutritionist) must choose their own at first sign-in; until then only
-- POST /api/v1/auth/password/change answers (403 elsewhere).
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
