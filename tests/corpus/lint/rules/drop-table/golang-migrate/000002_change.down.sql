-- lint-rules: drop-table
-- a down file: destructive checks are skipped
DROP TABLE orders;
