-- lint-rules: ddl-with-dml
-- each section is its own migration run: DDL in one, data in the other
-- migrate:up
ALTER TABLE orders ADD COLUMN priority integer;

-- migrate:down
UPDATE orders SET status = 'new' WHERE status = 'urgent';
