-- lint-rules: drop-not-null
-- a down file: destructive checks are skipped
ALTER TABLE orders ALTER COLUMN status DROP NOT NULL;
