-- lint-rules: enum-add-value-in-transaction
-- lint-options: pg-version=12
BEGIN;
ALTER TYPE order_status ADD VALUE 'refunded';
COMMIT;
