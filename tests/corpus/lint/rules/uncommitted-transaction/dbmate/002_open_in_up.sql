-- lint-rules: uncommitted-transaction
-- the down section starting does not close the up section's transaction
-- migrate:up transaction:false
-- expect: uncommitted-transaction
BEGIN;
ALTER TABLE orders ADD COLUMN note text;

-- migrate:down transaction:false
ALTER TABLE orders DROP COLUMN note;
