-- lint-rules: alter-column-type
-- expect: alter-column-type
ALTER TABLE orders ALTER COLUMN amount TYPE bigint;
-- shrinking a varchar rechecks and rewrites
-- expect: alter-column-type
ALTER TABLE orders ALTER COLUMN code TYPE varchar(10);
-- USING always rewrites
-- expect: alter-column-type
ALTER TABLE orders ALTER COLUMN name TYPE varchar(200) USING trim(name);
-- expect: alter-column-type
ALTER TABLE orders ALTER COLUMN created TYPE timestamptz;
-- numeric with a new scale
-- expect: alter-column-type
ALTER TABLE orders ALTER COLUMN price TYPE numeric(10,4);
-- the old type is unknown
-- expect: alter-column-type
ALTER TABLE legacy_invoices ALTER COLUMN total TYPE numeric(12,2);
