-- lint-rules: drop-not-null
-- DROP DEFAULT keeps the column non-null
ALTER TABLE orders ALTER COLUMN note DROP DEFAULT;
-- a table created in this migration
CREATE TABLE carts (id uuid PRIMARY KEY, owner uuid NOT NULL);
ALTER TABLE carts ALTER COLUMN owner DROP NOT NULL;
