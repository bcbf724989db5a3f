-- lint-rules: rename-table
-- destructive checks are skipped in the down section
-- migrate:up
ALTER TABLE orders ADD COLUMN region text;

-- migrate:down
ALTER TABLE orders_v2 RENAME TO orders;
