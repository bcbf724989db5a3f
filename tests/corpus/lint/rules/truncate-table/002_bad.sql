-- lint-rules: truncate-table
-- expect: truncate-table
TRUNCATE order_events;
-- expect: truncate-table, truncate-table
TRUNCATE TABLE orders, users CASCADE;
