-- lint-rules: concurrently-in-transaction, create-index-non-concurrent, drop-index-non-concurrent
-- +goose no transaction
-- +goose up
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_customer ON orders (customer_id);

-- +goose down
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_customer;
