-- lint-rules: refresh-matview-non-concurrent
-- migrate:up
CREATE UNIQUE INDEX idx_order_counts_user_id ON order_counts (user_id);
REFRESH MATERIALIZED VIEW CONCURRENTLY order_counts;

-- migrate:down
-- lock checks apply to down sections too
-- expect: refresh-matview-non-concurrent
REFRESH MATERIALIZED VIEW order_counts;
