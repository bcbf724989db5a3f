-- lint-rules: reindex-non-concurrent
-- lint-options: pg-version=11
-- before PostgreSQL 12 there is no REINDEX CONCURRENTLY; still reported, with the rebuild recipe as the fix
-- expect: reindex-non-concurrent
REINDEX INDEX idx_orders_status;
