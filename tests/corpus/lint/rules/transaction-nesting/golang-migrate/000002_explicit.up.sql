-- lint-rules: transaction-nesting
-- golang-migrate sends one multi-statement query: an explicit BEGIN/COMMIT is how to group it
BEGIN;
ALTER TABLE orders ADD COLUMN note text;
UPDATE orders SET note = '' WHERE note IS NULL;
COMMIT;
