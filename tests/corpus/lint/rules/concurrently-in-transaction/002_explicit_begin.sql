-- lint-rules: concurrently-in-transaction
BEGIN;
-- expect: concurrently-in-transaction
CREATE INDEX CONCURRENTLY idx_orders_user_id ON orders (user_id);
-- expect: concurrently-in-transaction
DROP INDEX CONCURRENTLY idx_orders_status;
-- expect: concurrently-in-transaction
REINDEX TABLE CONCURRENTLY orders;
-- expect: concurrently-in-transaction
ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY;
COMMIT;
