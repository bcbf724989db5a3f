-- lint-rules: vacuum-full-or-cluster
-- expect: vacuum-full-or-cluster
VACUUM FULL orders;
-- expect: vacuum-full-or-cluster
VACUUM (FULL, ANALYZE) orders;
-- expect: vacuum-full-or-cluster
CLUSTER orders USING idx_orders_status;
-- no table: every table of the database
-- expect: vacuum-full-or-cluster
VACUUM FULL;
