-- lint-rules: statements-after-access-exclusive
-- migrate:up transaction:false
ALTER TABLE orders ADD COLUMN region text;
CREATE INDEX CONCURRENTLY idx_orders_region ON orders (region);

-- migrate:down
DROP INDEX CONCURRENTLY idx_orders_region;
