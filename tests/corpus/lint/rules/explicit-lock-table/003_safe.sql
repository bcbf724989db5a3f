-- lint-rules: explicit-lock-table
-- a table created in this file has no other users
BEGIN;
CREATE TABLE order_staging (id uuid PRIMARY KEY);
LOCK TABLE order_staging IN ACCESS EXCLUSIVE MODE;
COMMIT;
