-- lint-rules: missing-down-migration
-- expect-file: missing-down-migration
ALTER TABLE orders ADD COLUMN region text;
