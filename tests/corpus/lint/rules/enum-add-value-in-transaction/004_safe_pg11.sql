-- lint-rules: enum-add-value-in-transaction
-- lint-options: pg-version=11
-- autocommit: no transaction around it
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'cancelled';
BEGIN;
-- renaming a value is allowed in a transaction
ALTER TYPE order_status RENAME VALUE 'new' TO 'created';
-- an enum created in the same transaction may get values
CREATE TYPE payment_method AS ENUM ('card');
ALTER TYPE payment_method ADD VALUE 'invoice';
COMMIT;
