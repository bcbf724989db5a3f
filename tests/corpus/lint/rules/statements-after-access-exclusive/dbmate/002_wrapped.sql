-- lint-rules: statements-after-access-exclusive
-- migrate:up
ALTER TABLE orders ADD COLUMN archived boolean NOT NULL DEFAULT false;
-- expect: statements-after-access-exclusive
COMMENT ON COLUMN orders.archived IS 'hidden from the default order list';

-- migrate:down
ALTER TABLE orders DROP COLUMN archived;
