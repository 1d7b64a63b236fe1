-- 049_instagram.sql — sharing community posts to Instagram (seed 002 §5.2.2:
-- integrations.instagram_connections and integrations.instagram_posts), with
-- the OAuth states of the connect step (bz-instagram-repo.h).
--
-- Differences from the seed's PostgreSQL, and why:
-- - one connection per user (user_id UNIQUE): the routes speak of "the"
--   connection (GET .../instagram/status); a second connect replaces it.
-- - access_token is sealed (bz_crypt_seal_text(), 035_encryption_at_rest.sql)
--   and never leaves the store unsealed except to the Graph API call.
-- - no refresh_token, display name or profile picture: the Instagram Login
--   answers a long-lived token only, and Balanza shows the username alone.
-- - instagram_media_id may be NULL: a share is recorded when it is queued
--   ('publishing') and may end 'failed' without a media id; SQLite's UNIQUE
--   lets several NULLs be.
-- - engagement counters are not kept (no periodic sync yet).

CREATE TABLE instagram_oauth_states (
  state_hash     TEXT PRIMARY KEY,            -- SHA-256 hex of the state token; the token is never stored
  user_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  redirect_uri   TEXT NOT NULL,
  expires_at_ms  INTEGER NOT NULL,
  created_at     TEXT NOT NULL
);
CREATE INDEX idx_instagram_oauth_states_user ON instagram_oauth_states (user_id);

CREATE TABLE instagram_connections (
  id                       TEXT PRIMARY KEY,
  user_id                  TEXT NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
  instagram_user_id        TEXT NOT NULL UNIQUE,
  instagram_username       TEXT NOT NULL,
  account_type             TEXT,
  access_token             TEXT NOT NULL,      -- sealed
  token_type               TEXT NOT NULL DEFAULT 'Bearer',
  expires_at               TEXT,
  scopes                   TEXT NOT NULL DEFAULT '[]',
  auto_share_progress      INTEGER NOT NULL DEFAULT 0,
  auto_share_recipes       INTEGER NOT NULL DEFAULT 0,
  auto_share_achievements  INTEGER NOT NULL DEFAULT 1,
  share_to_feed            INTEGER NOT NULL DEFAULT 1,
  share_to_stories         INTEGER NOT NULL DEFAULT 0,
  default_hashtags         TEXT NOT NULL DEFAULT '["#NutritionIntelligence","#VidaSaludable","#México"]',
  connected_at             TEXT NOT NULL,
  updated_at               TEXT NOT NULL
);

CREATE TABLE instagram_posts (
  id                  TEXT PRIMARY KEY,
  user_id             TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  connection_id       TEXT NOT NULL REFERENCES instagram_connections(id) ON DELETE CASCADE,
  source_post_id      TEXT REFERENCES posts(id) ON DELETE SET NULL,
  instagram_media_id  TEXT UNIQUE,
  media_type          TEXT NOT NULL DEFAULT 'IMAGE' CHECK (media_type IN ('IMAGE','STORY')),
  caption             TEXT,
  media_url           TEXT,
  status              TEXT NOT NULL DEFAULT 'publishing' CHECK (status IN ('publishing','published','failed','deleted')),
  error_message       TEXT,
  created_at          TEXT NOT NULL,
  published_at        TEXT
);
CREATE INDEX idx_instagram_posts_user ON instagram_posts (user_id, created_at);
CREATE INDEX idx_instagram_posts_source_post ON instagram_posts (source_post_id);
