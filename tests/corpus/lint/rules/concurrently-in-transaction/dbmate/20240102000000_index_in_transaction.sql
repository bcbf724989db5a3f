-- lint-rules: concurrently-in-transaction
-- migrate:up
-- expect: concurrently-in-transaction
CREATE INDEX CONCURRENTLY idx_orders_user_id ON orders (user_id);

-- migrate:down
-- expect: concurrently-in-transaction
DROP INDEX CONCURRENTLY idx_orders_user_id;
