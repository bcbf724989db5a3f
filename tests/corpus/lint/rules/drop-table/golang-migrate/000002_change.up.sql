-- lint-rules: drop-table
ALTER TABLE orders ADD COLUMN region text;
