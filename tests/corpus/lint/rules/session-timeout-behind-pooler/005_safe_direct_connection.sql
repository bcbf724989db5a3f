-- lint-rules: session-timeout-behind-pooler
-- no pooler known for this project: a session SET is how autocommit migrations bound their waits
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY idx_orders_archived_at ON orders (archived_at);
