-- lint-rules: create-index-non-concurrent
CREATE INDEX CONCURRENTLY idx_orders_user_id ON orders (user_id);
CREATE TABLE invoices (id uuid PRIMARY KEY, order_id uuid NOT NULL);
CREATE INDEX idx_invoices_order_id ON invoices (order_id);
