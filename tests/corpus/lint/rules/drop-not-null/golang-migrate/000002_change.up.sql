-- lint-rules: drop-not-null
ALTER TABLE orders ALTER COLUMN legacy_code SET DEFAULT '';
