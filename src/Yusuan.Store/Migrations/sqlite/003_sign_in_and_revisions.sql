-- Version 3: passwords (PBKDF2 hashes only) and sign-in sessions (only the SHA-256 of the session id is kept), and a
-- revision number per budget version, so that of two people saving the same draft the second is refused, not lost;
-- and what each version is compiled from (ledger as CSV, profile and performance goals as YAML), so drafts can be edited.
ALTER TABLE users ADD COLUMN password_hash TEXT;
CREATE TABLE sessions (
    id_sha256 TEXT PRIMARY KEY,
    user_name TEXT NOT NULL REFERENCES users(name),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
ALTER TABLE budget_versions ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE budget_versions ADD COLUMN ledger_csv TEXT;
ALTER TABLE budget_versions ADD COLUMN profile_yaml TEXT;
ALTER TABLE budget_versions ADD COLUMN performance_yaml TEXT;
