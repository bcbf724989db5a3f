-- lint-rules: add-column-not-null-no-default
-- one finding per offending column of a multi-action ALTER
-- expect: add-column-not-null-no-default
ALTER TABLE orders ADD COLUMN sku text NOT NULL, ADD COLUMN source text NOT NULL DEFAULT 'import';
-- a PRIMARY KEY column is NOT NULL too
-- expect: add-column-not-null-no-default
ALTER TABLE orders ADD COLUMN legacy_number bigint PRIMARY KEY;
