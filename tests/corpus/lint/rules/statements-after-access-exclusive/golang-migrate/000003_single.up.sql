-- lint-rules: statements-after-access-exclusive
-- a single statement: no implicit transaction, nothing runs after it
ALTER TABLE orders ADD COLUMN note text;
