-- lint-rules: rename-column
-- expect: rename-column
ALTER TABLE orders RENAME COLUMN status TO state;
