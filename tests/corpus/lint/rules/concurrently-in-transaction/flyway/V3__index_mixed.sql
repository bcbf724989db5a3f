-- lint-rules: concurrently-in-transaction
ALTER TABLE orders ADD COLUMN note text;
-- expect: concurrently-in-transaction
CREATE INDEX CONCURRENTLY idx_orders_user_id ON orders (user_id);
