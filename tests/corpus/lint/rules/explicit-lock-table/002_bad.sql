-- lint-rules: explicit-lock-table
BEGIN;
-- expect: explicit-lock-table
LOCK TABLE orders;
-- expect: explicit-lock-table
LOCK TABLE orders, users IN SHARE MODE;
-- expect: explicit-lock-table
LOCK orders IN ACCESS EXCLUSIVE MODE NOWAIT;
COMMIT;
-- outside a transaction PostgreSQL rejects it
-- expect: explicit-lock-table
LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE;
