-- lint-rules: non-idempotent-ddl
-- migrate:up
CREATE TABLE shipments (id uuid PRIMARY KEY, order_id uuid NOT NULL);
ALTER TABLE orders ADD COLUMN shipped boolean NOT NULL DEFAULT false;

-- migrate:down transaction:false
-- expect: non-idempotent-ddl
ALTER TABLE orders DROP COLUMN shipped;
-- expect: non-idempotent-ddl
DROP TABLE shipments;
