-- lint-rules: rename-table
ALTER TABLE orders ADD COLUMN region text;
