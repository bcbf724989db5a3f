-- lint-rules: check-without-not-valid
ALTER TABLE orders ADD CONSTRAINT chk_orders_amount_v2 CHECK (amount < 1000000) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT chk_orders_amount_v2;
-- a table created in this file is empty
CREATE TABLE invoices (id uuid PRIMARY KEY, total numeric(12,2) NOT NULL);
ALTER TABLE invoices ADD CONSTRAINT chk_invoices_total CHECK (total >= 0);
