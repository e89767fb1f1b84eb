-- Version 8: how each version's controlled rounding rounded its atoms (rounding.json, schema yusuan.rounding/1), so that the
-- next upload or save of the same budget is rounded against it and figures whose true value did not change keep their
-- printed value (issue 16). Versions stored before this migration have none: their next version is rounded afresh.
ALTER TABLE budget_versions ADD COLUMN rounding_json TEXT;
