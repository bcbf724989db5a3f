-- lint-rules: transaction-nesting
-- plain files run in autocommit: explicit transactions are how to group statements
BEGIN;
ALTER TABLE orders ADD COLUMN paid_at timestamptz;
COMMIT;
START TRANSACTION;
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
ROLLBACK;
