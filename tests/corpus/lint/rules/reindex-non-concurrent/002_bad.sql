-- lint-rules: reindex-non-concurrent
-- expect: reindex-non-concurrent
REINDEX TABLE orders;
-- expect: reindex-non-concurrent
REINDEX INDEX idx_orders_status;
-- expect: reindex-non-concurrent
REINDEX SCHEMA public;
