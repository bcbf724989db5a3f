-- lint-rules: transaction-nesting
-- migrate:up
-- expect: transaction-nesting
BEGIN;
ALTER TABLE orders ADD COLUMN note text;
-- expect: transaction-nesting
COMMIT;

-- migrate:down
ALTER TABLE orders DROP COLUMN note;
