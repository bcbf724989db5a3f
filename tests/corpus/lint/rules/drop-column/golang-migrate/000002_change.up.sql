-- lint-rules: drop-column
ALTER TABLE orders ADD COLUMN legacy_code_v2 text;
