-- lint-rules: alter-column-type
-- binary-coercible: catalog only
ALTER TABLE orders ALTER COLUMN title TYPE varchar(200);
ALTER TABLE orders ALTER COLUMN title TYPE text;
ALTER TABLE orders ALTER COLUMN price TYPE numeric(14,4);
ALTER TABLE orders ALTER COLUMN note TYPE text;
ALTER TABLE orders ALTER COLUMN flags TYPE text[];
-- a table created in this file
CREATE TABLE invoices (id uuid PRIMARY KEY, total integer);
ALTER TABLE invoices ALTER COLUMN total TYPE bigint;
