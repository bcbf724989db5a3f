-- lint-rules: refresh-matview-non-concurrent
REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals;
-- WITH NO DATA only empties the view
REFRESH MATERIALIZED VIEW order_totals WITH NO DATA;
-- a view created in this file has no readers yet
CREATE MATERIALIZED VIEW order_counts AS SELECT user_id, count(*) AS n FROM orders GROUP BY user_id;
REFRESH MATERIALIZED VIEW order_counts;
