-- lint-rules: drop-table
-- expect: drop-table
DROP TABLE legacy_carts;
-- expect: drop-table, drop-table
DROP TABLE IF EXISTS order_events, public.users CASCADE;
