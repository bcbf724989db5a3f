-- lint-rules: ddl-with-dml
-- a data-only migration (CONCURRENTLY does not block writes)
UPDATE orders SET status = 'new' WHERE status = '';
CREATE INDEX CONCURRENTLY idx_orders_user_id ON orders (user_id);
