-- lint-rules: drop-primary-key
ALTER TABLE orders ADD COLUMN region text;
