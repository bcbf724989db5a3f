-- lint-rules: rename-column
-- a down file: destructive checks are skipped
ALTER TABLE orders RENAME COLUMN state TO status;
