-- lint-rules: truncate-table
ALTER TABLE orders ADD COLUMN imported boolean;
