-- lint-rules: drop-table
-- destructive checks are skipped in the down section
-- migrate:up
ALTER TABLE orders ADD COLUMN region text;

-- migrate:down
DROP TABLE orders;
