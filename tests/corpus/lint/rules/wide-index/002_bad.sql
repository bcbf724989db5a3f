-- lint-rules: wide-index
-- expect: wide-index
CREATE INDEX CONCURRENTLY idx_orders_user_id_status_created_at_total ON orders (user_id, status, created_at, total);
-- unique indexes count too
-- expect: wide-index
CREATE UNIQUE INDEX CONCURRENTLY idx_orders_user_id_status_region_created_at_total ON orders (user_id, status, region, created_at, total);
