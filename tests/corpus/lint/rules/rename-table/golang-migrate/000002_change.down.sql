-- lint-rules: rename-table
-- a down file: destructive checks are skipped
ALTER TABLE orders_v2 RENAME TO orders;
