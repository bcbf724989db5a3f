-- lint-rules: missing-statement-timeout
CREATE TABLE order_notes (id uuid PRIMARY KEY, body text);
CREATE INDEX idx_order_notes_body ON order_notes (body);
CREATE INDEX CONCURRENTLY idx_orders_status_note ON orders (status, note);
