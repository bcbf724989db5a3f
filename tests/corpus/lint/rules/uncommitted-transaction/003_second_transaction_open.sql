-- lint-rules: uncommitted-transaction
BEGIN;
ALTER TABLE orders ADD COLUMN paid_at timestamptz;
COMMIT;
-- expect: uncommitted-transaction
START TRANSACTION;
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
