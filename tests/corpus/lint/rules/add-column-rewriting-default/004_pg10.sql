-- lint-rules: add-column-rewriting-default
-- lint-options: pg-version=10
-- before PostgreSQL 11 every non-null default is written into each row
-- expect: add-column-rewriting-default
ALTER TABLE orders ADD COLUMN priority integer NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN comment text DEFAULT NULL;
