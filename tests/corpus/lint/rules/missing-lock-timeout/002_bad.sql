-- lint-rules: missing-lock-timeout
-- expect: missing-lock-timeout
ALTER TABLE orders ADD COLUMN note text;
-- reported once per file: the first statement that needed it
CREATE INDEX idx_orders_status ON orders (status);
ALTER TABLE orders ALTER COLUMN note SET DEFAULT '';
