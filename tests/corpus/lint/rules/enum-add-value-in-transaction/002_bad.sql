-- lint-rules: enum-add-value-in-transaction
-- lint-options: pg-version=11
BEGIN;
-- expect: enum-add-value-in-transaction
ALTER TYPE order_status ADD VALUE 'shipped' AFTER 'paid';
COMMIT;
