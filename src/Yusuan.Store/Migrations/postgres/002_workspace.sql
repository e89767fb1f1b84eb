-- Version 2: what a workspace needs to compile a budget (the department's profile and performance goals as YAML),
-- API tokens (only their SHA-256 is stored) and the agencies each user may act for.
ALTER TABLE departments ADD COLUMN profile_yaml TEXT;
ALTER TABLE departments ADD COLUMN performance_yaml TEXT;
ALTER TABLE users ADD COLUMN token_sha256 TEXT;
CREATE TABLE user_agencies (
    user_name TEXT NOT NULL REFERENCES users(name),
    agency_code TEXT NOT NULL,
    PRIMARY KEY (user_name, agency_code)
);
