-- lint-rules: drop-index-non-concurrent
-- lock checks apply to down sections too
-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY idx_orders_status_id ON orders (status, id);

-- migrate:down
-- expect: drop-index-non-concurrent
DROP INDEX idx_orders_status;
