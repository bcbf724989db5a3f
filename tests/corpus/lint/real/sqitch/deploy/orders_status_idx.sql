-- lint-rules: concurrently-in-transaction, create-index-non-concurrent
-- Deploy shop:orders_status_idx to pg
-- requires: orders

CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status);
