-- 031_devices.sql — phones paired with the desk's QR code (issue 9, "QR
-- pairing"; src/store/bz-device-repo.c, docs/pairing.md).
--
-- devices: one paired phone.  Its session is the refresh-token family
-- family_id (refresh_tokens.family_id): revoking the device revokes that
-- family, and a refresh of it updates last_seen_at.
CREATE TABLE devices (
  id            TEXT PRIMARY KEY,
  user_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  family_id     TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  platform      TEXT NOT NULL CHECK (platform IN ('android','ios','other')),
  created_at    TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  revoked       INTEGER NOT NULL DEFAULT 0,
  revoked_at    TEXT
);
CREATE INDEX idx_devices_user ON devices (user_id, created_at);

-- pairing_codes: one-time codes, valid BZ_PAIRING_CODE_TTL_S; only the
-- SHA-256 (hex) of a code is stored.  used_at is set by the exchange that
-- takes it (once: the UPDATE matches only an unused, unexpired code).
CREATE TABLE pairing_codes (
  id          TEXT PRIMARY KEY,
  code_hash   TEXT NOT NULL UNIQUE,
  user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_by  TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_at     TEXT,
  device_id   TEXT REFERENCES devices(id) ON DELETE SET NULL
);
CREATE INDEX idx_pairing_codes_user ON pairing_codes (user_id);
