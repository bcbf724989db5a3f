-- lint-rules: set-not-null
-- lint-options: pg-version=11
-- before PostgreSQL 12, SET NOT NULL scans even with a validated CHECK
ALTER TABLE orders ADD COLUMN label text;
ALTER TABLE orders ADD CONSTRAINT chk_orders_label_not_null CHECK (label IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT chk_orders_label_not_null;
-- expect: set-not-null
ALTER TABLE orders ALTER COLUMN label SET NOT NULL;
