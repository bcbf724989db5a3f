-- lint-rules: statements-after-access-exclusive
-- one multi-statement query: PostgreSQL runs it as one implicit transaction
ALTER TABLE orders RENAME COLUMN status TO state;
-- expect: statements-after-access-exclusive
UPDATE orders SET state = 'new' WHERE state = '';
