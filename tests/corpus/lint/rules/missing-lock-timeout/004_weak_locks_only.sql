-- lint-rules: missing-lock-timeout
-- only objects created in this file, CONCURRENTLY, VALIDATE and DML: nothing waits in front of other queries
CREATE TABLE order_notes (id uuid PRIMARY KEY, body text);
CREATE INDEX idx_order_notes_body ON order_notes (body);
ALTER TABLE order_notes ADD COLUMN author text;
CREATE INDEX CONCURRENTLY idx_orders_amount ON orders (amount);
ALTER TABLE orders VALIDATE CONSTRAINT orders_amount_check;
UPDATE orders SET status = 'new' WHERE status = '';
CREATE MATERIALIZED VIEW order_counts AS SELECT status, count(*) AS n FROM orders GROUP BY status;
REFRESH MATERIALIZED VIEW order_counts;
