-- 050_refresh_token_sessions.sql — the revocation check of every signed-in
-- request (bz_user_repo_get_active(): "does this sign-in's family still hold
-- an unrevoked token of this user?") answered from one index, without
-- reading the family's rows from the table (issue 6, GET /api/nutrition/daily).
-- Its first column serves the family lookups idx_refresh_tokens_family served.
CREATE INDEX IF NOT EXISTS idx_refresh_tokens_session ON refresh_tokens (family_id, user_id, revoked);
DROP INDEX IF EXISTS idx_refresh_tokens_family;
