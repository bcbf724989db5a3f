-- lint-rules: concurrently-in-transaction
-- one statement: golang-migrate sends it alone, outside any transaction
CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);
