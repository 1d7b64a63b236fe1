-- 028_social.sql — the social layer (issue 10): posts, comments, reactions,
-- groups and their members, family circles and their members, follows, and
-- the posts' photos.  After seed 002 §3.3 (social.posts, social.comments,
-- social.reactions, social.groups, social.group_members,
-- social.family_circles, social.family_circle_members), adapted to SQLite as
-- 001_init.sql is: UUIDs as TEXT, JSONB as JSON TEXT, timestamps as ISO 8601
-- UTC TEXT.  Counters are kept by the writers (src/store/bz-social-repo.c) in
-- the same transaction as the row they count.
--
-- Not kept from the seed: search_vector (PostgreSQL tsvector), mentioned_users,
-- challenges and social.recipes (recipes are 006_recipes.sql).  Added: follows
-- (the seed's 'followers' visibility and "new_follower" notification need
-- one), post_photos (media_urls point at them), invite_code_hash on groups and
-- circles (SHA-256 hex of a random code shown once), and visibility 'private'
-- (the author only).

CREATE TABLE follows (
  follower_id  TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  followee_id  TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  PRIMARY KEY (follower_id, followee_id),
  CHECK (follower_id <> followee_id)
);
CREATE INDEX idx_follows_followee ON follows (followee_id);

CREATE TABLE social_groups (
  id                 TEXT PRIMARY KEY,
  name               TEXT NOT NULL,
  description        TEXT,
  type               TEXT NOT NULL DEFAULT 'open'
                     CHECK (type IN ('open','closed','private','nutritionist_only','patient_only')),
  category           TEXT CHECK (category IN ('goal_based','condition_based','location_based','nutritionist_practice','other')),
  created_by         TEXT REFERENCES users(id) ON DELETE SET NULL,
  member_count       INTEGER NOT NULL DEFAULT 0 CHECK (member_count >= 0),
  post_count         INTEGER NOT NULL DEFAULT 0 CHECK (post_count >= 0),
  who_can_post       TEXT NOT NULL DEFAULT 'everyone' CHECK (who_can_post IN ('everyone','admins_only','approved_members')),
  requires_approval  INTEGER NOT NULL DEFAULT 0,
  invite_code_hash   TEXT,
  last_post_at       TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  deleted_at         TEXT
);
CREATE INDEX idx_social_groups_type ON social_groups (type) WHERE deleted_at IS NULL;

CREATE TABLE group_members (
  group_id         TEXT NOT NULL REFERENCES social_groups(id) ON DELETE CASCADE,
  user_id          TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role             TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('admin','moderator','member','pending')),
  posts_count      INTEGER NOT NULL DEFAULT 0 CHECK (posts_count >= 0),
  comments_count   INTEGER NOT NULL DEFAULT 0 CHECK (comments_count >= 0),
  last_active_at   TEXT,
  joined_at        TEXT NOT NULL,
  invited_by       TEXT REFERENCES users(id) ON DELETE SET NULL,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX idx_group_members_user ON group_members (user_id);

CREATE TABLE family_circles (
  id                            TEXT PRIMARY KEY,
  name                          TEXT NOT NULL,
  description                   TEXT,
  owner_id                      TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  nutritionist_id               TEXT NOT NULL REFERENCES users(id),
  share_progress_automatically  INTEGER NOT NULL DEFAULT 1,
  share_achievements            INTEGER NOT NULL DEFAULT 1,
  share_meal_logs               INTEGER NOT NULL DEFAULT 0,
  family_goals                  TEXT NOT NULL DEFAULT '[]',
  invite_code_hash              TEXT,
  member_count                  INTEGER NOT NULL DEFAULT 0 CHECK (member_count >= 0),
  created_at                    TEXT NOT NULL,
  updated_at                    TEXT NOT NULL
);
CREATE INDEX idx_family_circles_owner ON family_circles (owner_id);
CREATE INDEX idx_family_circles_nutritionist ON family_circles (nutritionist_id);

CREATE TABLE family_circle_members (
  circle_id               TEXT NOT NULL REFERENCES family_circles(id) ON DELETE CASCADE,
  user_id                 TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role                    TEXT NOT NULL DEFAULT 'family_member'
                          CHECK (role IN ('owner','family_member','nutritionist','support_friend')),
  relationship            TEXT,
  can_view_progress       INTEGER NOT NULL DEFAULT 1,
  can_view_meal_log       INTEGER NOT NULL DEFAULT 1,
  can_post                INTEGER NOT NULL DEFAULT 1,
  can_comment             INTEGER NOT NULL DEFAULT 1,
  can_give_encouragement  INTEGER NOT NULL DEFAULT 1,
  joined_at               TEXT NOT NULL,
  last_active_at          TEXT,
  PRIMARY KEY (circle_id, user_id)
);
CREATE INDEX idx_family_circle_members_user ON family_circle_members (user_id);

CREATE TABLE posts (
  id                  TEXT PRIMARY KEY,
  author_id           TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  type                TEXT NOT NULL CHECK (type IN ('text','photo','progress','recipe','question','achievement')),
  title               TEXT,
  body                TEXT NOT NULL,
  progress_data       TEXT,
  visibility          TEXT NOT NULL DEFAULT 'public'
                      CHECK (visibility IN ('public','followers','group','family_circle','nutritionist_only','private')),
  group_id            TEXT REFERENCES social_groups(id) ON DELETE CASCADE,
  family_circle_id    TEXT REFERENCES family_circles(id) ON DELETE CASCADE,
  views_count         INTEGER NOT NULL DEFAULT 0,
  likes_count         INTEGER NOT NULL DEFAULT 0 CHECK (likes_count >= 0),
  comments_count      INTEGER NOT NULL DEFAULT 0 CHECK (comments_count >= 0),
  shares_count        INTEGER NOT NULL DEFAULT 0,
  saves_count         INTEGER NOT NULL DEFAULT 0,
  reaction_heart      INTEGER NOT NULL DEFAULT 0 CHECK (reaction_heart >= 0),
  reaction_clap       INTEGER NOT NULL DEFAULT 0 CHECK (reaction_clap >= 0),
  reaction_fire       INTEGER NOT NULL DEFAULT 0 CHECK (reaction_fire >= 0),
  reaction_strong     INTEGER NOT NULL DEFAULT 0 CHECK (reaction_strong >= 0),
  reaction_celebrate  INTEGER NOT NULL DEFAULT 0 CHECK (reaction_celebrate >= 0),
  is_featured         INTEGER NOT NULL DEFAULT 0,
  moderation_status   TEXT NOT NULL DEFAULT 'approved' CHECK (moderation_status IN ('pending','approved','rejected','removed')),
  tags                TEXT NOT NULL DEFAULT '[]',
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  deleted_at          TEXT,
  CHECK ((visibility = 'group') = (group_id IS NOT NULL)),
  CHECK ((visibility = 'family_circle') = (family_circle_id IS NOT NULL))
);
CREATE INDEX idx_posts_author ON posts (author_id, created_at);
CREATE INDEX idx_posts_created_at ON posts (created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX idx_posts_group ON posts (group_id) WHERE deleted_at IS NULL;
CREATE INDEX idx_posts_circle ON posts (family_circle_id) WHERE deleted_at IS NULL;

-- A post's photos: the display copy only (bz_photo_prepare(): at most 1280 px,
-- no EXIF), so no location or camera data of an upload is ever served.
CREATE TABLE post_photos (
  post_id         TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  position        INTEGER NOT NULL CHECK (position >= 0),
  display_sha256  TEXT NOT NULL REFERENCES blobs(sha256),
  width           INTEGER NOT NULL,
  height          INTEGER NOT NULL,
  PRIMARY KEY (post_id, position)
);

CREATE TABLE comments (
  id                 TEXT PRIMARY KEY,
  post_id            TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  author_id          TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  parent_comment_id  TEXT REFERENCES comments(id) ON DELETE CASCADE,
  depth_level        INTEGER NOT NULL DEFAULT 0 CHECK (depth_level BETWEEN 0 AND 2),
  content            TEXT NOT NULL,
  likes_count        INTEGER NOT NULL DEFAULT 0,
  is_deleted         INTEGER NOT NULL DEFAULT 0,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX idx_comments_post ON comments (post_id, created_at);
CREATE INDEX idx_comments_parent ON comments (parent_comment_id);

CREATE TABLE reactions (
  id             TEXT PRIMARY KEY,
  user_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  post_id        TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  reaction_type  TEXT NOT NULL CHECK (reaction_type IN ('heart','clap','fire','strong','celebrate')),
  created_at     TEXT NOT NULL,
  UNIQUE (user_id, post_id)
);
CREATE INDEX idx_reactions_post ON reactions (post_id);
