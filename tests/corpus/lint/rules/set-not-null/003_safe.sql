-- lint-rules: set-not-null
ALTER TABLE orders ADD CONSTRAINT chk_orders_region_not_null CHECK (region IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT chk_orders_region_not_null;
ALTER TABLE orders ALTER COLUMN region SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT chk_orders_region_not_null;
-- already NOT NULL: nothing to check
ALTER TABLE orders ALTER COLUMN code SET NOT NULL;
-- a table created in this file
CREATE TABLE invoices (id uuid PRIMARY KEY, number text);
ALTER TABLE invoices ALTER COLUMN number SET NOT NULL;
