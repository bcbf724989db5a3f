-- lint-rules: alter-table-rewrite
-- expect: alter-table-rewrite
ALTER TABLE order_cache SET LOGGED;
-- expect: alter-table-rewrite
ALTER TABLE orders SET UNLOGGED;
-- expect: alter-table-rewrite
ALTER TABLE orders SET TABLESPACE fast_ssd;
-- expect: alter-table-rewrite
ALTER TABLE orders SET ACCESS METHOD heap2;
-- expect: alter-table-rewrite
ALTER INDEX idx_orders_status SET TABLESPACE fast_ssd;
-- expect: alter-table-rewrite
ALTER MATERIALIZED VIEW order_statuses SET TABLESPACE fast_ssd;
-- expect: alter-table-rewrite
ALTER TABLE ALL IN TABLESPACE slow_hdd SET TABLESPACE fast_ssd;
