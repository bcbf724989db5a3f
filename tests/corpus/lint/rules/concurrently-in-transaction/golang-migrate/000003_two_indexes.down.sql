-- lint-rules: concurrently-in-transaction
-- expect: concurrently-in-transaction
DROP INDEX CONCURRENTLY idx_orders_user_id;
-- expect: concurrently-in-transaction
DROP INDEX CONCURRENTLY idx_orders_user_status;
