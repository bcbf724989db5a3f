-- lint-rules: multiple-alter-same-table
-- actions combined with commas take the lock once
ALTER TABLE orders
  ADD COLUMN note text,
  ADD CONSTRAINT chk_orders_note CHECK (length(note) <= 1000) NOT VALID;
-- VALIDATE must run after the ADD ... NOT VALID commits, so it cannot be combined
ALTER TABLE orders VALIDATE CONSTRAINT chk_orders_note;
-- other tables, indexes, and tables created in this migration
ALTER TABLE users ADD COLUMN name text;
ALTER INDEX idx_orders_status RENAME TO idx_orders_state;
CREATE TABLE invoices (id uuid PRIMARY KEY);
ALTER TABLE invoices ADD COLUMN order_id uuid;
ALTER TABLE invoices ADD COLUMN total numeric(12,2);
