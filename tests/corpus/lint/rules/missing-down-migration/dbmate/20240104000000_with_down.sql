-- lint-rules: missing-down-migration
-- migrate:up
ALTER TABLE orders ADD COLUMN paid_at timestamptz;

-- migrate:down
ALTER TABLE orders DROP COLUMN paid_at;
