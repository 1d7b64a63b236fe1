-- 033_password_resets.sql — password-reset codes (issue 9, "Password reset";
-- seed 002 §4.2 /auth/password/forgot and /reset; src/store/bz-password-reset-repo.c).
--
-- A code is made by the member's nutritionist (no SMTP provider here) and
-- handed over; only its SHA-256 (hex) is stored and compared in constant
-- time.  A user has at most one live code: a new one voids the others.  A
-- code is live while used_at and voided_at are NULL and expires_at is in the
-- future (BZ_PASSWORD_RESET_CODE_TTL_S); each wrong try adds to attempts and
-- the BZ_PASSWORD_RESET_ATTEMPTS_MAXth voids it.
CREATE TABLE password_reset_codes (
  id          TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash   TEXT NOT NULL,
  created_by  TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  used_at     TEXT,
  voided_at   TEXT
);
CREATE INDEX idx_password_reset_codes_user ON password_reset_codes (user_id, created_at);
