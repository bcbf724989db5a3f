-- lint-rules: explicit-lock-table
-- migrate:up
-- inside the transaction dbmate opens, the lock lasts until the migration commits
-- expect: explicit-lock-table
LOCK TABLE orders IN EXCLUSIVE MODE;
UPDATE orders SET status = 'new' WHERE status = '';

-- migrate:down
