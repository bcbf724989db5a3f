-- lint-rules: concurrently-in-transaction
-- A plain file without BEGIN runs each statement on its own (psql style): CONCURRENTLY works.
CREATE INDEX CONCURRENTLY idx_orders_created_at ON orders (created_at);
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_created_at;
REINDEX INDEX CONCURRENTLY idx_orders_status;
ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY;
BEGIN;
UPDATE orders SET status = 'new' WHERE status IS NULL;
COMMIT;
-- after COMMIT the file is back to autocommit
CREATE INDEX CONCURRENTLY idx_orders_user_created ON orders (user_id, created_at);
