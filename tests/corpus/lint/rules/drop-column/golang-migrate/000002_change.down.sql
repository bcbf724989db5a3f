-- lint-rules: drop-column
-- a down file: destructive checks are skipped
ALTER TABLE orders DROP COLUMN legacy_code;
