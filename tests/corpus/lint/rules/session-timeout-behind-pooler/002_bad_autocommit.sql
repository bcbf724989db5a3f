-- lint-rules: session-timeout-behind-pooler
-- lint-options: pooler=pgbouncer-transaction
-- plain SQL runs statement by statement: each SET may land on a different server connection
-- expect: session-timeout-behind-pooler
SET lock_timeout = '2s';
-- expect: session-timeout-behind-pooler
SET SESSION statement_timeout TO 5000;
CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);
