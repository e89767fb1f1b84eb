-- Version 6: each finding kept whole, as yusuan.findings/1 gives it: its category, where it points (the location as JSON:
-- table, tableRow, tableColumn, part, sentence, file, row, column, page, line), and the expected and actual figures with the
-- tolerance, and its position among the version's findings. Findings stored before this version keep only rule, severity and
-- message.
ALTER TABLE findings ADD COLUMN category TEXT;
ALTER TABLE findings ADD COLUMN location_json TEXT;
ALTER TABLE findings ADD COLUMN expected NUMERIC;
ALTER TABLE findings ADD COLUMN actual NUMERIC;
ALTER TABLE findings ADD COLUMN tolerance NUMERIC;
ALTER TABLE findings ADD COLUMN position INTEGER;
