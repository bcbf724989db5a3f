-- lint-rules: drop-table, transaction-nesting
-- Revert shop:orders from pg

BEGIN;

DROP TABLE orders;

COMMIT;
