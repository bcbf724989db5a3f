-- lint-rules: statements-after-access-exclusive
-- autocommit: every statement commits, so no lock outlives its statement
ALTER TABLE orders ADD COLUMN paid_at timestamptz;
UPDATE orders SET note = '' WHERE note IS NULL;
-- the ACCESS EXCLUSIVE statement is the last one of its transaction
BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE users ADD COLUMN name text;
COMMIT;
-- a table created in the same transaction is invisible to everyone else
BEGIN;
CREATE TABLE invoices (id uuid PRIMARY KEY, order_id uuid NOT NULL);
ALTER TABLE invoices ADD COLUMN total numeric(12,2);
INSERT INTO invoices (id, order_id) VALUES (gen_random_uuid(), gen_random_uuid());
COMMIT;
