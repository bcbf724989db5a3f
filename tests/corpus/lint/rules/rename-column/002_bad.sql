-- lint-rules: rename-column
-- expect: rename-column
ALTER TABLE orders RENAME COLUMN status TO state;
-- expect: rename-column
ALTER TABLE users RENAME legacy_name TO display_name;
