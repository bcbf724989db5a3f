-- lint-rules: transaction-nesting
-- Flyway runs the file in one transaction already
-- expect: transaction-nesting
START TRANSACTION;
ALTER TABLE orders ADD COLUMN note text;
-- expect: transaction-nesting
COMMIT;
