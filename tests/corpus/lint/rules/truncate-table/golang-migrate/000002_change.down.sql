-- lint-rules: truncate-table
-- a down file: destructive checks are skipped
TRUNCATE orders;
