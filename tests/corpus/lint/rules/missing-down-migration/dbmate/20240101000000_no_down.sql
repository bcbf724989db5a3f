-- lint-rules: missing-down-migration
-- expect-file: missing-down-migration
-- migrate:up
CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL);
