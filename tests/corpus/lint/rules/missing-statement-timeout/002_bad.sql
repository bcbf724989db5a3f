-- lint-rules: missing-statement-timeout
SET lock_timeout = '2s';
-- expect: missing-statement-timeout
CREATE INDEX idx_orders_status ON orders (status);
ALTER TABLE orders ADD CONSTRAINT chk_orders_status CHECK (status <> '');
