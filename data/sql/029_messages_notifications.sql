-- 020: messages between a patient and their own nutritionist, the
-- notification inbox and the phones' device tokens (issue 10; seed 002 §4.8
-- "message:new" and "notification:new", seed 001 "Notification Service":
-- POST /api/notifications/register, scheduled notification delivery).
--
-- Shapes and bounds are declared once in src/core/bz-message-resources.h,
-- src/core/bz-notification-resources.h and src/core/bz-limits.h; the CHECKs
-- repeat the bounds so that no writer stores a row the API would refuse.

-- A conversation is a patient's: its id is patients.id, its parties the
-- patient's user and the patient's nutritionist (patients.nutritionist_id at
-- the time of reading).  sender_id and recipient_id are users.id.
CREATE TABLE messages (
  id            TEXT PRIMARY KEY,
  patient_id    TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  sender_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  recipient_id  TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  body          TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),   -- BZ_MESSAGE_MAX_CHARS
  created_at    TEXT NOT NULL,                                           -- ISO 8601 UTC
  read_at       TEXT                                                     -- NULL: unread by recipient
);
CREATE INDEX idx_messages_conversation ON messages(patient_id, created_at DESC, id);
CREATE INDEX idx_messages_unread ON messages(recipient_id, patient_id) WHERE read_at IS NULL;

-- A user's inbox.  type is free text of the seed's kind ("new_follower",
-- "reminder", "message"); action_url a path in the app.
CREATE TABLE notifications (
  id          TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  type        TEXT NOT NULL CHECK (length(type) BETWEEN 1 AND 64),
  title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),      -- BZ_NOTIFICATION_TITLE_MAX_CHARS
  body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),      -- BZ_NOTIFICATION_BODY_MAX_CHARS
  action_url  TEXT CHECK (action_url IS NULL OR length(action_url) <= 500),
  created_at  TEXT NOT NULL,
  read_at     TEXT
);
CREATE INDEX idx_notifications_user ON notifications(user_id, created_at DESC, id);
CREATE INDEX idx_notifications_unread ON notifications(user_id) WHERE read_at IS NULL;

-- Push tokens of a user's phones (FCM/APNs/web push).  A token names one
-- device: registering it again moves it to the caller.
CREATE TABLE device_tokens (
  id          TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token       TEXT NOT NULL UNIQUE CHECK (length(token) BETWEEN 1 AND 4096),   -- BZ_DEVICE_TOKEN_MAX_CHARS
  platform    TEXT NOT NULL CHECK (platform IN ('android','ios','web')),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX idx_device_tokens_user ON device_tokens(user_id);
