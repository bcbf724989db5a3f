-- lint-rules: reindex-non-concurrent
REINDEX TABLE CONCURRENTLY orders;
REINDEX (CONCURRENTLY) INDEX idx_orders_status;
-- a table created in this file
CREATE TABLE order_notes (id uuid PRIMARY KEY, body text);
REINDEX TABLE order_notes;
