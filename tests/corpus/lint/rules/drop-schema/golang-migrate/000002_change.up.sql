-- lint-rules: drop-schema
ALTER TABLE orders ADD COLUMN region text;
