-- lint-rules: multiple-alter-same-table
-- up and down never run together
-- migrate:up
ALTER TABLE orders ADD COLUMN archived boolean NOT NULL DEFAULT false;

-- migrate:down
ALTER TABLE orders DROP COLUMN archived;
