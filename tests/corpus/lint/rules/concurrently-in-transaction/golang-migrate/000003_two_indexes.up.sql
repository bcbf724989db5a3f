-- lint-rules: concurrently-in-transaction
-- two statements in one query: PostgreSQL runs them as one implicit transaction
-- expect: concurrently-in-transaction
CREATE INDEX CONCURRENTLY idx_orders_user_id ON orders (user_id);
-- expect: concurrently-in-transaction
CREATE INDEX CONCURRENTLY idx_orders_user_status ON orders (user_id, status);
