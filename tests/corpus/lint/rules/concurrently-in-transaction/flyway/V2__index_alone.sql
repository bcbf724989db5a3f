-- lint-rules: concurrently-in-transaction
-- Flyway recognises CREATE INDEX CONCURRENTLY and runs a script made only of it without a transaction.
CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);
