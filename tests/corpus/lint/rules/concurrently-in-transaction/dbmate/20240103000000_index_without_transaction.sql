-- lint-rules: concurrently-in-transaction
-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY idx_orders_status_user ON orders (status, user_id);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY idx_orders_status_user;
