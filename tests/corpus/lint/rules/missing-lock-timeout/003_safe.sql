-- lint-rules: missing-lock-timeout
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN channel text;
CREATE INDEX idx_orders_user_id ON orders (user_id);
