-- lint-rules: non-idempotent-ddl
CREATE TABLE IF NOT EXISTS payments (id uuid PRIMARY KEY, order_id uuid NOT NULL);
DROP INDEX CONCURRENTLY IF EXISTS idx_payments_order_id;
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_payments_order_id ON payments (order_id);
ALTER TABLE orders ADD COLUMN IF NOT EXISTS paid_at timestamptz;
ALTER TABLE orders DROP CONSTRAINT IF EXISTS chk_orders_status;
ALTER TABLE orders ADD CONSTRAINT chk_orders_status CHECK (status <> '') NOT VALID;
CREATE OR REPLACE VIEW paid_orders AS SELECT * FROM orders WHERE paid_at IS NOT NULL;
DROP TABLE IF EXISTS order_import;
