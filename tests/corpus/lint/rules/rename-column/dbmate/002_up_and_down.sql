-- lint-rules: rename-column
-- destructive checks are skipped in the down section
-- migrate:up
-- expect: rename-column
ALTER TABLE orders RENAME COLUMN status TO state;

-- migrate:down
ALTER TABLE orders RENAME COLUMN state TO status;
