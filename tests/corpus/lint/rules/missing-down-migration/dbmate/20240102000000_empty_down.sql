-- lint-rules: missing-down-migration
-- expect-file: missing-down-migration
-- migrate:up
ALTER TABLE orders ADD COLUMN note text;

-- migrate:down
-- TODO
