-- lint-rules: missing-lock-timeout
-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN note text;

-- migrate:down
-- the down runs at another time: the SET in the up section does not cover it
-- expect: missing-lock-timeout
ALTER TABLE orders DROP COLUMN note;
