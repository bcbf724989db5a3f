-- lint-rules: concurrently-in-transaction
-- a single statement runs outside a transaction
CREATE INDEX CONCURRENTLY "orders_status_idx" ON "orders"("status");
