-- lint-rules: uncommitted-transaction
-- dbmate's own COMMIT ends this (transaction-nesting reports the BEGIN)
-- migrate:up
BEGIN;
ALTER TABLE orders ADD COLUMN region text;

-- migrate:down
ALTER TABLE orders DROP COLUMN region;
