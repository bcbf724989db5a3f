-- lint-rules: drop-database
ALTER TABLE orders ADD COLUMN region text;
