-- lint-rules: uncommitted-transaction
BEGIN;
ALTER TABLE orders ADD COLUMN region text;
COMMIT;
BEGIN;
ALTER TABLE orders ADD COLUMN channel text;
ROLLBACK;
