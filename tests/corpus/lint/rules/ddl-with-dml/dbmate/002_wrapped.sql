-- lint-rules: ddl-with-dml
-- migrate:up
ALTER TABLE orders ADD COLUMN archived boolean NOT NULL DEFAULT false;
-- expect: ddl-with-dml
UPDATE orders SET archived = true WHERE status = 'cancelled';

-- migrate:down
ALTER TABLE orders DROP COLUMN archived;
