-- Version 4: a ledger imported whole — a city's or a province's lines of every agency, as checked — in one transaction
-- (the lines by binary COPY), so the database holds either the state before an import or all of it.
CREATE TABLE ledger_imports (
    id BIGSERIAL PRIMARY KEY,
    fiscal_year INTEGER NOT NULL,
    source TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    departments INTEGER NOT NULL,
    line_count BIGINT NOT NULL,
    total NUMERIC(18, 2) NOT NULL,
    imported_at TIMESTAMPTZ NOT NULL,
    actor TEXT NOT NULL
);

-- No foreign key to ledger_imports: a per-row reference check doubles the time of a bulk load, and the lines of an import
-- are only ever written in the transaction that writes its record (tests kill imports to prove none is left without it).
CREATE TABLE ledger_lines (
    import_id BIGINT NOT NULL,
    line_number BIGINT NOT NULL,
    agency_code TEXT NOT NULL,
    exp_func_code TEXT NOT NULL,
    dep_bgt_eco_code TEXT NOT NULL,
    gov_bgt_eco_code TEXT,
    exp_kind TEXT NOT NULL,
    pro_code TEXT,
    pro_name TEXT,
    pro_cat_name TEXT,
    fund_type_code TEXT NOT NULL,
    amount NUMERIC(18, 2) NOT NULL,
    gov_purchase_type TEXT,
    gov_purchase_amt NUMERIC(18, 2) NOT NULL,
    sme_amt NUMERIC(18, 2) NOT NULL,
    micro_amt NUMERIC(18, 2) NOT NULL,
    three_public_type TEXT,
    is_operating_expense BOOLEAN NOT NULL,
    PRIMARY KEY (import_id, line_number)
);
