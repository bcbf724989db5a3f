-- lint-rules: non-idempotent-ddl
-- autocommit: if a later statement fails, re-running fails on the earlier ones
-- expect: non-idempotent-ddl
CREATE TABLE invoices (id uuid PRIMARY KEY, order_id uuid NOT NULL);
-- expect: non-idempotent-ddl
CREATE INDEX CONCURRENTLY idx_invoices_order_id ON invoices (order_id);
-- expect: non-idempotent-ddl
ALTER TABLE orders ADD COLUMN note text;
-- expect: non-idempotent-ddl
ALTER TABLE orders ADD CONSTRAINT chk_orders_note CHECK (length(note) < 1000) NOT VALID;
-- expect: non-idempotent-ddl
DROP INDEX CONCURRENTLY idx_orders_legacy_code;
-- expect: non-idempotent-ddl
ALTER TABLE orders DROP COLUMN legacy_code;
-- expect: non-idempotent-ddl
CREATE VIEW open_orders AS SELECT * FROM orders WHERE status = 'open';
