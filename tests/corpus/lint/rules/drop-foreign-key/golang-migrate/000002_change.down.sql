-- lint-rules: drop-foreign-key
-- a down file: destructive checks are skipped
ALTER TABLE orders DROP CONSTRAINT fk_orders_parent;
