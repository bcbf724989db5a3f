-- lint-rules: concurrently-in-transaction
-- +goose Up
-- expect: concurrently-in-transaction
CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);

-- +goose Down
-- expect: concurrently-in-transaction
DROP INDEX CONCURRENTLY idx_orders_status;
