-- lint-rules: alter-column-type
-- unbounded varchar from varchar(n) keeps the bytes; int to text rewrites
-- expect: alter-column-type
ALTER TABLE orders ALTER COLUMN code TYPE varchar, ALTER COLUMN amount TYPE text;
