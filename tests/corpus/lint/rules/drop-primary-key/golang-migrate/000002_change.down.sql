-- lint-rules: drop-primary-key
-- a down file: destructive checks are skipped
ALTER TABLE orders DROP CONSTRAINT orders_pkey;
