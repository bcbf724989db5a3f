-- lint-rules: drop-index-non-concurrent
DROP INDEX CONCURRENTLY idx_orders_user_id;
-- an index built earlier in this file is not in use yet
CREATE INDEX CONCURRENTLY idx_orders_status_created ON orders (status, created_at);
DROP INDEX idx_orders_status_created;
-- indexes of a table created in this file
CREATE TABLE order_notes (id uuid PRIMARY KEY, order_id uuid NOT NULL);
CREATE INDEX idx_order_notes_order_id ON order_notes (order_id);
DROP INDEX idx_order_notes_order_id;
