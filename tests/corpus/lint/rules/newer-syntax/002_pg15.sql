-- lint-rules: newer-syntax, parse-error
-- lint-options: pg-version=15
-- On 15 the parser's grammar is the target's: what it cannot read, PostgreSQL 15 rejects.
-- expect: parse-error
ALTER TABLE orders ALTER COLUMN total SET EXPRESSION AS (price * qty);
-- expect: parse-error
ALTER TABLE orders ADD COLUMN doubled int GENERATED ALWAYS AS (qty * 2);
