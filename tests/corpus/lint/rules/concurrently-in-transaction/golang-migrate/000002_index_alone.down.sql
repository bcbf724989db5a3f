-- lint-rules: concurrently-in-transaction
DROP INDEX CONCURRENTLY idx_orders_status;
