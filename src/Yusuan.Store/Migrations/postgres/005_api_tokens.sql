-- Version 5: API tokens of their own, each with a label and an expiry, revoked by deleting it, all of a user's revoked when
-- their password is reset. Only the SHA-256 of a token is kept. The one token each user had (users.token_sha256) becomes
-- their first, valid 90 days from this migration.
CREATE TABLE api_tokens (
    id_sha256 TEXT PRIMARY KEY,
    user_name TEXT NOT NULL REFERENCES users(name),
    label TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
INSERT INTO api_tokens (id_sha256, user_name, label, created_at, expires_at)
SELECT token_sha256, name, '初始令牌', now(), now() + interval '90 days' FROM users WHERE token_sha256 IS NOT NULL;
UPDATE users SET token_sha256 = NULL;
