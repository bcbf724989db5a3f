-- lint-rules: transaction-nesting
BEGIN;
ALTER TABLE orders ADD COLUMN note text;
-- expect: transaction-nesting
BEGIN;
UPDATE orders SET note = '' WHERE note IS NULL;
-- this COMMIT already ends the outer transaction
COMMIT;
COMMIT;
