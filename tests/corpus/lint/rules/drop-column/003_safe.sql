-- lint-rules: drop-column
-- a column of a table created in this migration
CREATE TABLE carts (id uuid PRIMARY KEY, draft text);
ALTER TABLE carts DROP COLUMN draft;
-- dropping a default or a constraint keeps the data
ALTER TABLE orders ALTER COLUMN note DROP DEFAULT;
-- acknowledged with a reason
-- pgguard-ignore: drop-column unused since release 42, see ADR-17
ALTER TABLE users DROP COLUMN legacy_name;
