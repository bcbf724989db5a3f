-- lint-rules: transaction-nesting
-- migrate:up transaction:false
BEGIN;
ALTER TABLE orders ADD COLUMN region text;
COMMIT;
CREATE INDEX CONCURRENTLY idx_orders_region ON orders (region);

-- migrate:down
DROP INDEX CONCURRENTLY idx_orders_region;
ALTER TABLE orders DROP COLUMN region;
