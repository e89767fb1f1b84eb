-- Yusuan storage, version 1: departments, budget versions and their lines, findings, users, the audit log.
CREATE TABLE departments (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('officer', 'reviewer', 'finance', 'admin'))
);

-- A budget version moves draft → submitted → returned | approved → published. A published version never changes:
-- a correction is a new version. sha256 is the digest of the published disclosure.json.
CREATE TABLE budget_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    department_code TEXT NOT NULL REFERENCES departments(code),
    fiscal_year INTEGER NOT NULL,
    number INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'approved', 'published')),
    disclosure_json TEXT NOT NULL,
    sha256 TEXT,
    created_at TEXT NOT NULL,
    published_at TEXT,
    UNIQUE (department_code, fiscal_year, number)
);

CREATE TABLE budget_lines (
    version_id BIGINT NOT NULL REFERENCES budget_versions(id),
    line_number INTEGER NOT NULL,
    agency_code TEXT NOT NULL,
    exp_func_code TEXT NOT NULL,
    dep_bgt_eco_code TEXT NOT NULL,
    exp_kind TEXT NOT NULL,
    pro_code TEXT,
    fund_type_code TEXT NOT NULL,
    amount NUMERIC(18, 2) NOT NULL,
    PRIMARY KEY (version_id, line_number)
);

CREATE TABLE findings (
    version_id BIGINT NOT NULL REFERENCES budget_versions(id),
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    message TEXT NOT NULL
);

CREATE TABLE comments (
    version_id BIGINT NOT NULL REFERENCES budget_versions(id),
    author TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    version_id BIGINT,
    detail TEXT NOT NULL
);
