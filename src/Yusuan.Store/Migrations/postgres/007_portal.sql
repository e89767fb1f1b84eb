-- Version 7, the portal at scale. A published version's documents (PDF, XLSX, DOCX) as first rendered are kept: a
-- published version never changes, so it is rendered once, and every download is the same bytes.
CREATE TABLE rendered_documents (
    version_id BIGINT NOT NULL REFERENCES budget_versions(id),
    format TEXT NOT NULL,
    content BYTEA NOT NULL,
    PRIMARY KEY (version_id, format)
);

-- The portal's list asks, for every department and year, for its latest published version: answered from this index, not
-- by reading every version (1,000 departments: the index page's two queries read a few thousand index entries).
CREATE INDEX budget_versions_latest ON budget_versions (department_code, fiscal_year, state, number);
