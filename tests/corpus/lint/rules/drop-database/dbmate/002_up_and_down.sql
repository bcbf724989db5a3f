-- lint-rules: drop-database
-- destructive checks are skipped in the down section
-- migrate:up
ALTER TABLE orders ADD COLUMN region text;

-- migrate:down
DROP DATABASE shop_test;
