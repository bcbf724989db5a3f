-- lint-rules: refresh-matview-non-concurrent
-- expect: refresh-matview-non-concurrent
REFRESH MATERIALIZED VIEW order_totals;
-- expect: refresh-matview-non-concurrent
REFRESH MATERIALIZED VIEW public.order_totals WITH DATA;
