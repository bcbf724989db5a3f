-- lint-rules: concurrently-in-transaction
-- expect: concurrently-in-transaction
CREATE INDEX CONCURRENTLY "orders_user_id_idx" ON "orders"("user_id");
-- expect: concurrently-in-transaction
CREATE INDEX CONCURRENTLY "orders_user_id_status_idx" ON "orders"("user_id", "status");
