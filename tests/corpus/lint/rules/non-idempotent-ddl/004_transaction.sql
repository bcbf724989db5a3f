-- lint-rules: non-idempotent-ddl
-- one transaction: a failure rolls everything back, so re-running starts clean
BEGIN;
CREATE TABLE refunds (id uuid PRIMARY KEY, payment_id uuid NOT NULL);
ALTER TABLE orders ADD COLUMN refunded_at timestamptz;
COMMIT;
