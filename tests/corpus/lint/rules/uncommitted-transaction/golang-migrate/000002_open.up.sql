-- lint-rules: uncommitted-transaction
-- expect: uncommitted-transaction
BEGIN;
ALTER TABLE orders ADD COLUMN note text;
UPDATE orders SET note = '' WHERE note IS NULL;
